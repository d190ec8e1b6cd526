# SPDX-License-Identifier: Apache-2.0
"""Builds the itsma extension for `pip install .` / `python -m build --wheel`.

The C library is built by the project's own CMake build (a static libitsma, so that the
extension needs nothing of itsma at run time) together with the SWIG extension
(bindings/python), for the interpreter that runs this script. Metadata is in
pyproject.toml; the version is the C library's (project() in CMakeLists.txt).

Needs: cmake >= 3.18, a C compiler, SWIG >= 4.0, json-c (development files) and the
interpreter's headers. Environment: ITSMA_CMAKE_ARGS adds CMake arguments; CMAKE_BUILD_PARALLEL_LEVEL
sets the parallel jobs (default 2).
"""

import glob
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys

import setuptools
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

if int(setuptools.__version__.split(".")[0]) < 61:
    sys.exit(f"itsma needs setuptools >= 61 to read its metadata from pyproject.toml, not "
             f"{setuptools.__version__}: pip install 'setuptools>=61' (or let pip build in an "
             f"isolated environment, without --no-build-isolation)")

ROOT = os.path.dirname(os.path.abspath(__file__))


def _version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(itsma\s+VERSION\s+([0-9][0-9.]*)", f.read())
    if not m:
        raise RuntimeError("no project(itsma VERSION ...) in CMakeLists.txt")
    return m.group(1)


class CMakeBuild(build_ext):
    """Builds the extension itsma._itsma and the SWIG proxy itsma/itsma.py with CMake."""

    def build_extension(self, ext):
        # one CMake build per interpreter: two venvs of one Python version differ in headers
        tag = hashlib.sha256(os.path.realpath(sys.executable).encode()).hexdigest()[:8]
        build = os.path.abspath(os.path.join(self.build_temp, f"cmake-{tag}"))
        os.makedirs(build, exist_ok=True)
        config = "Debug" if self.debug else "Release"
        args = [
            "-S", ROOT, "-B", build,
            f"-DCMAKE_BUILD_TYPE={config}",
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DBUILD_SHARED_LIBS=OFF",
            "-DITSMA_BUILD_STATIC=OFF",
            "-DITSMA_BUILD_TESTS=OFF",
            "-DITSMA_BUILD_EXAMPLES=OFF",
            "-DITSMA_BUILD_PYTHON=ON",
        ] + shlex.split(os.environ.get("ITSMA_CMAKE_ARGS", ""))
        subprocess.run(["cmake", *args], check=True)
        env = dict(os.environ)
        env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(["cmake", "--build", build, "--target", "pyitsma", "--config", config],
                       check=True, env=env)
        pkg = os.path.join(build, "bindings", "python", "itsma")
        built = [p for p in glob.glob(os.path.join(pkg, "_itsma*"))
                 if p.endswith((".so", ".pyd", ".dylib"))]
        if len(built) != 1:
            raise RuntimeError(f"expected one extension module in {pkg}, found {built}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)
        # The SWIG proxy module itsma/itsma.py is generated: it goes beside the extension.
        shutil.copyfile(os.path.join(pkg, "itsma.py"),
                        os.path.join(os.path.dirname(target), "itsma.py"))


setup(
    version=_version(),
    packages=["itsma"],
    package_dir={"itsma": "bindings/python/itsma"},
    package_data={"itsma": ["py.typed"]},
    ext_modules=[Extension("itsma._itsma", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": "build-python"}},
    zip_safe=False,
)
