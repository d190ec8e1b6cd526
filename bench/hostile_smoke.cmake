# SPDX-License-Identifier: Apache-2.0
# ctest bench_hostile_smoke: the hostile-input benchmark at tiny sizes completes and prints
# its table with a ratio per doubling (never a judgement on time).
execute_process(COMMAND ${BENCH} --smoke RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "itsma_bench_hostile failed (${rc}): ${err}")
endif()
foreach(want "time x" "peak x" "validate: problems reported" "one object: keys" "nested n deep"
             "hostile: done")
  string(FIND "${out}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the hostile benchmark output lacks \"${want}\"")
  endif()
endforeach()
