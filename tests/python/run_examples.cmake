# Runs the Python examples (CTest `python_examples`): cmake -DPYTHON=... -DEXAMPLES=...
# -DWORK=... -P run_examples.cmake, with PYTHONPATH set to the build-tree package.
# Each step must exit 0 and print what it is meant to.

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run_step name expect)
  execute_process(COMMAND ${PYTHON} ${ARGN}
                  WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "---- ${name}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: exit status ${rc}")
  endif()
  if(NOT out MATCHES "${expect}")
    message(FATAL_ERROR "${name}: output does not match '${expect}'")
  endif()
endfunction()

# assess.py: an assessment built in code from the built-in catalogue.
run_step("assess.py (built in code)" "verdict: +nonconformant.*Top 10 of [0-9]+ gaps.*ITIL 4: "
         ${EXAMPLES}/assess.py)
# from_csv.py: the sample export -> an assessment file -> scored by assess.py.
run_step("from_csv.py" "itsm-import: 11 evidence records, 17 ratings"
         ${EXAMPLES}/from_csv.py ${EXAMPLES}/itsm_export.csv -o ${WORK}/imported.json)
if(NOT EXISTS ${WORK}/imported.json)
  message(FATAL_ERROR "from_csv.py did not write ${WORK}/imported.json")
endif()
run_step("assess.py imported.json" "itsm-import:.*Top 3 of [0-9]+ gaps"
         ${EXAMPLES}/assess.py ${WORK}/imported.json --top 3 --policy advisory)
# live.py: a Scorer fed by a simulated ITSM tool; the live result must equal a fresh score.
run_step("live.py" "incidents fed.*live result equals scoring from scratch: yes"
         ${EXAMPLES}/live.py --records 500)
# batch.py: 60 made-up assessments scored by a process pool into one table (needs pandas).
execute_process(COMMAND ${PYTHON} -c "import pandas" RESULT_VARIABLE _no_pandas
                OUTPUT_QUIET ERROR_QUIET)
if(_no_pandas)
  message(STATUS "---- batch.py skipped: ${PYTHON} has no pandas (python3-pandas)")
else()
  run_step("batch.py" "60 assessments scored \\(0 failed\\)"
           ${EXAMPLES}/batch.py ${WORK}/batch --generate 60 --workers 2 -o ${WORK}/batch.csv)
endif()
