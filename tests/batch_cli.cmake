cmake_minimum_required(VERSION 3.16)
# `lede analyze --jsonl --jobs N` (issue 16, fast batch), cmake -P, used by ctest:
#   -DLEDE=<path to lede> -DWORK=<scratch directory> -DSRC=<source tree> [-DPARALLEL=<GNU parallel>]
# Threads answer lines in any order, but the output must be the serial one, byte for byte: a
# corpus of many lines of mixed sizes (the dev and held-out passages, a long article, failing
# lines between them), answered with 1, 2 and 5 threads, and by the GNU parallel recipe of
# docs/batch.md when parallel is installed.
file(MAKE_DIRECTORY "${WORK}")
file(READ "${SRC}/tests/devset/dev.jsonl" dev)
file(READ "${SRC}/tests/devset/heldout.jsonl" heldout)
file(READ "${SRC}/assets/articles/dprk-missiles-un.txt" article)
string(REPLACE "\\" "\\\\" article "${article}")
string(REPLACE "\"" "\\\"" article "${article}")
string(REPLACE "\n" "\\n" article "${article}")
string(REPEAT "${article}\\n" 40 long)  # about 200 KB: one worker is busy while others go on
set(in "${WORK}/corpus.jsonl")
file(WRITE "${in}" "")
foreach(round RANGE 1 6)
  file(APPEND "${in}" "${dev}\n{\"id\":\"long-${round}\",\"text\":\"${long}\"}\n[${round}]\n${heldout}{\"id\":${round}}\n")
endforeach()
file(READ "${in}" all)
string(REGEX MATCHALL "\n" nl "${all}")  # every line ends with one
list(LENGTH nl n_in)

foreach(jobs 1 2 5)
  execute_process(COMMAND ${LEDE} analyze --jsonl --jobs ${jobs} INPUT_FILE "${in}" OUTPUT_FILE "${WORK}/out-${jobs}.jsonl"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  # failing lines: [n], {"id":n} without a text, blank lines
  if(NOT (rc EQUAL 1))
    message(FATAL_ERROR "--jobs ${jobs}: exit code ${rc}, expected 1: ${err}")
  endif()
  if(NOT (err MATCHES "lines failed"))
    message(FATAL_ERROR "--jobs ${jobs}: stderr ${err}")
  endif()
  set(err_${jobs} "${err}")
endforeach()
file(READ "${WORK}/out-1.jsonl" out1)
string(REGEX MATCHALL "\n" nl "${out1}")
list(LENGTH nl n_out)
if(NOT (n_out EQUAL n_in))
  message(FATAL_ERROR "--jobs 1: ${n_out} output lines for ${n_in} input lines")
endif()
string(FIND "${out1}" "\"id\":\"long-6\"}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "--jobs 1: the long line's answer is missing")
endif()
foreach(jobs 2 5)
  file(READ "${WORK}/out-${jobs}.jsonl" out)
  if(NOT (out STREQUAL out1))
    message(FATAL_ERROR "--jobs ${jobs} wrote other bytes than --jobs 1 (${WORK}/out-${jobs}.jsonl)")
  endif()
  if(NOT (err_${jobs} STREQUAL err_1))
    message(FATAL_ERROR "--jobs ${jobs}: stderr ${err_${jobs}}, --jobs 1: ${err_1}")
  endif()
endforeach()
execute_process(COMMAND ${LEDE} analyze --jsonl --jobs 0 INPUT_FILE "${in}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 2) OR NOT (err MATCHES "--jobs takes a number of threads"))
  message(FATAL_ERROR "--jobs 0: exit ${rc}, ${err}")
endif()

if(PARALLEL)
  # docs/batch.md: blocks of whole lines, one lede per job, answers in input order. Blocks of
  # 64 KB: many blocks, and the 200 KB lines are longer than one.
  execute_process(COMMAND ${PARALLEL} --pipe --keep-order --block 64k --jobs 3 ${LEDE} analyze --jsonl --jobs 1
    INPUT_FILE "${in}" OUTPUT_FILE "${WORK}/out-parallel.jsonl" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(FATAL_ERROR "parallel: exit code 0, but lines failed: ${err}")
  endif()
  file(READ "${WORK}/out-parallel.jsonl" out)
  if(NOT (out STREQUAL out1))
    message(FATAL_ERROR "parallel --pipe --keep-order wrote other bytes than --jobs 1 (${WORK}/out-parallel.jsonl): ${err}")
  endif()
endif()
