# SPDX-License-Identifier: Apache-2.0
# Decides whether the Python bindings are built: finds SWIG and Python 3 and defines the
# option ITSMA_BUILD_PYTHON (on by default when both are found). Included by
# bindings/python/CMakeLists.txt and by tests/python/CMakeLists.txt, which CMake reads
# first; including it twice is harmless (find results are cached, imported targets are
# per directory).
#
# Sets ITSMA_PYTHON_BUILD_DIR: the folder of the build-tree package (put it on PYTHONPATH).
#
# Pass -DPython3_EXECUTABLE=/path/to/python3 to choose the interpreter; the module is built
# for that interpreter and the tests run with it.

set(ITSMA_PYTHON_BUILD_DIR ${PROJECT_BINARY_DIR}/bindings/python)

if(DEFINED ITSMA_BUILD_PYTHON AND NOT ITSMA_BUILD_PYTHON)
  # Off: do not look again. The option is cached, so after installing SWIG and the Python
  # headers, pass -DITSMA_BUILD_PYTHON=ON once.
  if(_ITSMA_PYTHON_MISSING)
    string(CONCAT _itsma_python_status "skipped: SWIG >= 4.0 or the Python 3 development "
           "files were not found (install them, then configure with -DITSMA_BUILD_PYTHON=ON)")
  else()
    set(_itsma_python_status "disabled (ITSMA_BUILD_PYTHON=OFF)")
  endif()
  return()
endif()

find_package(SWIG 4.0 COMPONENTS python QUIET)
find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)

if(SWIG_FOUND AND SWIG_python_FOUND AND Python3_FOUND)
  set(_ITSMA_PYTHON_MISSING OFF CACHE INTERNAL "SWIG or Python were not found")
else()
  set(_ITSMA_PYTHON_MISSING ON CACHE INTERNAL "SWIG or Python were not found")
endif()
if(_ITSMA_PYTHON_MISSING)
  set(_itsma_python_default OFF)
else()
  set(_itsma_python_default ON)
endif()
option(ITSMA_BUILD_PYTHON "Build the SWIG Python bindings (needs SWIG >= 4.0 and Python 3)"
       ${_itsma_python_default})
if(NOT ITSMA_BUILD_PYTHON)
  string(CONCAT _itsma_python_status "skipped: SWIG >= 4.0 or the Python 3 development "
         "files were not found (install them, then configure with -DITSMA_BUILD_PYTHON=ON)")
endif()

if(ITSMA_BUILD_PYTHON AND _ITSMA_PYTHON_MISSING)
  message(FATAL_ERROR "ITSMA_BUILD_PYTHON is ON but SWIG (>= 4.0, python) or the Python 3 "
                      "interpreter and headers were not found (SWIG_FOUND=${SWIG_FOUND}, "
                      "Python3_FOUND=${Python3_FOUND}). Install them or pass "
                      "-DITSMA_BUILD_PYTHON=OFF.")
endif()
