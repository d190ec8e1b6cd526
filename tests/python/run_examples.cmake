# SPDX-License-Identifier: Apache-2.0
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
# questionnaire.py: last quarter's assessment as spreadsheets, edited, read back.
run_step("questionnaire.py write" "wrote questionnaire.csv \\(539 ratings from acme-2026-q3\\)"
         ${EXAMPLES}/questionnaire.py write ${WORK}/sheets)
run_step("questionnaire.py import" "imported 539 ratings and 88 evidence records into assessment.json: 8.6.1-01 is F"
         ${EXAMPLES}/questionnaire.py import ${WORK}/sheets)
# html_report.py: the HTML report of the sample data with its baseline, written by the library.
run_step("html_report.py" "q4.html: nonconformant, overall compliance 68.3%, since 2026-08-20"
         ${EXAMPLES}/html_report.py ${EXAMPLES}/../data/acme-2026-q4.json
         --baseline ${EXAMPLES}/../data/acme-2026-q3.json -o ${WORK}/q4.html)
file(READ ${WORK}/q4.html page)
if(NOT page MATCHES "^<!DOCTYPE html>.*script-src 'sha256-.*</html>\n$")
  message(FATAL_ERROR "html_report.py did not write a whole page")
endif()
# trend.py: four quarters of the sample data.
run_step("trend.py" "2026-02-20  nonconformant +33.2% overall.*2026-11-20  nonconformant +68.3% overall, 0 nonconformities opened, 45 closed.*process 8.6.1: level 1 -> 1 -> 1 -> 3.*9.2-07 regressed 2 times"
         ${EXAMPLES}/trend.py ${EXAMPLES}/../data/acme-2026-q1.json ${EXAMPLES}/../data/acme-2026-q2.json
         ${EXAMPLES}/../data/acme-2026-q3.json ${EXAMPLES}/../data/acme-2026-q4.json -o ${WORK}/trend.html)
# verify_evidence.py: one evidence file written here, its digest recorded, then checked.
file(MAKE_DIRECTORY ${WORK}/evidence)
file(WRITE ${WORK}/evidence/policy.txt "The incident policy, version 3.\n")
file(SHA256 ${WORK}/evidence/policy.txt _digest)
file(WRITE ${WORK}/evidenced.json "{\"format\": \"itsma-assessment/1\", \"id\": \"ev\", \"catalogue\": \"iso20000-1:2018\", \"date\": \"2026-03-01\", \"evidence\": [{\"id\": \"EV-1\", \"title\": \"Policy\", \"kind\": \"document\", \"collected\": \"2026-01-01\", \"uri\": \"policy.txt\", \"sha256\": \"${_digest}\"}]}\n")
run_step("verify_evidence.py" "ok +EV-1: policy.txt.*1 checked, 1 ok"
         ${EXAMPLES}/verify_evidence.py ${WORK}/evidenced.json ${WORK}/evidence)
# batch.py: 60 made-up assessments scored by a process pool into one table (needs pandas).
execute_process(COMMAND ${PYTHON} -c "import pandas" RESULT_VARIABLE _no_pandas
                OUTPUT_QUIET ERROR_QUIET)
if(_no_pandas)
  message(STATUS "---- batch.py skipped: ${PYTHON} has no pandas (python3-pandas)")
else()
  run_step("batch.py" "60 assessments scored \\(0 failed\\)"
           ${EXAMPLES}/batch.py ${WORK}/batch --generate 60 --workers 2 -o ${WORK}/batch.csv)
endif()
# checklist.py: a catalogue for people (Catalogue.render) and a template to fill in.
run_step("checklist.py" "wrote [^ ]*checklist.md: 539 requirements of iso20000-1:2018.*wrote [^ ]*new.json: assessment q1 of iso20000-1:2018, nothing rated yet"
         ${EXAMPLES}/checklist.py -o ${WORK}/checklist.md --template ${WORK}/new.json)
# mapping_interop.py: the built-in mapping to OSCAL and CISO Assistant and back, equal.
run_step("mapping_interop.py" "OSCAL round trip: equal\nCISO Assistant round trip: equal"
         ${EXAMPLES}/mapping_interop.py -o ${WORK})
