# SPDX-License-Identifier: Apache-2.0
# ctest bench_smoke: the benchmark at a tiny size completes and prints its table (never a
# judgement on time).
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${BENCH} --smoke --dir ${DIR} --sizes 2000 --updates 2000
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "itsma_bench failed (${rc}): ${err}")
endif()
foreach(want "load/floor" "peak/file" "Per evidence record" "updates/s" "identical to itsma_score() (itsma_result_to_json bytes) in every run: yes" "bench: done")
  string(FIND "${out}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the benchmark output lacks \"${want}\"")
  endif()
endforeach()
