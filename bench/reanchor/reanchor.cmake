# Re-anchoring benchmark (issue 5). Native only; not a test: run ./build/lede_reanchor_bench and
# compare with the figures in docs/file-format.md. Included from tests/fuzz/fuzz.cmake.
if(NOT EMSCRIPTEN AND NOT TARGET lede_reanchor_bench)
  add_executable(lede_reanchor_bench ${CMAKE_SOURCE_DIR}/bench/reanchor/reanchor_bench.cpp)
  target_link_libraries(lede_reanchor_bench PRIVATE lede_core)
endif()
