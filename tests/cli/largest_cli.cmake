cmake_minimum_required(VERSION 3.16)
# The largest article Lede accepts, end to end through the command line (issue 17): analyse it,
# validate the file, convert it to W3C JSON-LD, validate that, convert it back, validate again.
# Every written form fits the file cap and reads back with every annotation; one byte more of
# article is refused. cmake -P, used by ctest:
#   -DLEDE=<path to lede> -DARTICLE=<news article to repeat> -DWORK=<scratch directory>
#   [-DTIME=<GNU time>: then each command's peak memory is checked against a multiple of its input]
file(MAKE_DIRECTORY "${WORK}")
set(max_article 4194304)   # kMaxArticleBytes (src/core/limits.hpp)
set(max_file 67108864)     # kMaxFileBytes
set(max_w3c 134217728)     # kMaxW3CFileBytes

# Runs lede; with TIME, also its peak resident memory in KB (last_kb).
function(lede_run out_file expect_rc)
  set(prefix)
  if(TIME)
    set(prefix ${TIME} -f %M -o ${WORK}/peak.txt)
  endif()
  execute_process(COMMAND ${prefix} ${LEDE} ${ARGN} RESULT_VARIABLE rc OUTPUT_FILE "${out_file}" ERROR_VARIABLE err)
  if(NOT rc EQUAL expect_rc)
    message(FATAL_ERROR "lede ${ARGN}: exit code ${rc}, expected ${expect_rc}\n${err}")
  endif()
  set(last_err "${err}" PARENT_SCOPE)
  if(TIME)
    file(STRINGS ${WORK}/peak.txt lines)
    list(GET lines -1 kb)  # GNU time adds a line before it for a non-zero exit
    set(last_kb ${kb} PARENT_SCOPE)
  endif()
endfunction()

# Memory stays a small multiple of the input (issue 17: analyze took 145 MB per MB of input,
# validate built the whole JSON tree). The bounds leave room; a return of either would break them.
function(check_memory what input_bytes times)
  if(NOT TIME)
    return()
  endif()
  math(EXPR bound_kb "${input_bytes} * ${times} / 1024 + 16384")  # + the program and its lexicons
  message(STATUS "${what}: peak ${last_kb} KB for ${input_bytes} bytes of input (bound ${bound_kb} KB)")
  if(last_kb GREATER bound_kb)
    message(FATAL_ERROR "${what}: peak memory ${last_kb} KB, over ${times}x its input (${bound_kb} KB)")
  endif()
endfunction()

# The count `lede validate FILE` reports, after checking it says the file is valid and took at
# most `times` its size in memory (a W3C file's annotations are placed and checked as a Lede
# file, so it holds them; a Lede file's are checked one at a time and not kept).
function(valid_count file kind times out_var)
  lede_run("${WORK}/validate.txt" 0 validate "${file}")
  file(SIZE "${file}" size)
  check_memory("lede validate ${file}" ${size} ${times})
  file(READ "${WORK}/validate.txt" said)
  if(NOT said MATCHES ": valid${kind} \\(([0-9]+) annotations")
    message(FATAL_ERROR "lede validate ${file}: ${said}")
  endif()
  set(${out_var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

function(check_fits file cap)
  file(SIZE "${file}" size)
  message(STATUS "${file}: ${size} bytes")
  if(size GREATER cap)
    message(FATAL_ERROR "${file} is ${size} bytes, over its cap (${cap}): Lede would refuse to open it")
  endif()
endfunction()

# News prose, repeated up to the article cap.
file(READ "${ARTICLE}" one)
string(LENGTH "${one}" one_size)
math(EXPR times "${max_article} / (${one_size} + 2)")
string(REPEAT "${one}\n\n" ${times} text)
file(WRITE "${WORK}/largest.txt" "${text}")
file(SIZE "${WORK}/largest.txt" article_size)
message(STATUS "article: ${article_size} bytes")

lede_run("${WORK}/largest.lede.json" 0 analyze "${WORK}/largest.txt")
check_memory("lede analyze" ${article_size} 32)
check_fits("${WORK}/largest.lede.json" ${max_file})
valid_count("${WORK}/largest.lede.json" "" 4 n)
if(n LESS 100000)
  message(FATAL_ERROR "only ${n} suggestions on ${article_size} bytes of news")
endif()

lede_run("${WORK}/largest.jsonld" 0 convert --to w3c "${WORK}/largest.lede.json")
file(SIZE "${WORK}/largest.jsonld" w3c_size)
check_memory("lede convert --to w3c" ${w3c_size} 8)
check_fits("${WORK}/largest.jsonld" ${max_w3c})
valid_count("${WORK}/largest.jsonld" " W3C Web Annotation file" 8 n_w3c)
if(NOT n_w3c EQUAL n)
  message(FATAL_ERROR "the W3C file holds ${n_w3c} annotations, the Lede file ${n}")
endif()

# Back from W3C: the same file as the Lede file rewritten by the same command (nothing lost).
lede_run("${WORK}/back.lede.json" 0 convert --to lede "${WORK}/largest.jsonld")
check_memory("lede convert --to lede" ${w3c_size} 8)
lede_run("${WORK}/same.lede.json" 0 convert --to lede "${WORK}/largest.lede.json")
check_fits("${WORK}/back.lede.json" ${max_file})
valid_count("${WORK}/back.lede.json" "" 4 n_back)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/back.lede.json" "${WORK}/same.lede.json" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "the W3C round trip changed the file (${n_back} annotations back of ${n})")
endif()

# One byte over the article cap is refused, with the limit named.
math(EXPR missing "${max_article} - ${article_size} + 1")
string(REPEAT "x" ${missing} pad)
file(APPEND "${WORK}/largest.txt" "${pad}")
lede_run("${WORK}/over.lede.json" 1 analyze "${WORK}/largest.txt")
if(NOT last_err MATCHES "too large")
  message(FATAL_ERROR "an article over the cap: ${last_err}")
endif()
file(REMOVE "${WORK}/largest.txt" "${WORK}/largest.lede.json" "${WORK}/largest.jsonld" "${WORK}/back.lede.json"
     "${WORK}/same.lede.json" "${WORK}/over.lede.json")
