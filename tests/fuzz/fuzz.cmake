# Issue 5 (annotation files): command-line tests of `lede validate` / `lede convert`, the re-anchoring
# benchmark, and the libFuzzer target for the loader and the W3C converter. Native builds only.
# Included from the top-level CMakeLists.txt.
if(NOT EMSCRIPTEN)
  set(LEDE_FILES_DIR ${CMAKE_SOURCE_DIR}/tests/data)
  set(LEDE_RUN_CLI ${CMAKE_SOURCE_DIR}/tests/fuzz/run_cli.cmake)

  # ---- lede validate: exit code 1 and the same message as the loader ----------------------------------
  function(lede_validate_test name file rc expect)
    add_test(NAME files.validate.${name}
      COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=validate;${file}" -DEXPECT_RC=${rc}
              "-DEXPECT=${expect}" -P ${LEDE_RUN_CLI})
  endfunction()
  lede_validate_test(good_full ${LEDE_FILES_DIR}/good/full.lede.json 0 "valid (3 annotations, 3 labels, 1 orphans)")
  lede_validate_test(example ${CMAKE_SOURCE_DIR}/docs/example.lede.json 0 "valid")
  lede_validate_test(empty ${LEDE_FILES_DIR}/bad/empty.json 1 "empty.json: The file is empty.")
  lede_validate_test(truncated ${LEDE_FILES_DIR}/bad/truncated.json 1 "It may be truncated")
  lede_validate_test(not_json ${LEDE_FILES_DIR}/bad/not_json.json 1 "This is not a JSON file: it has a syntax error (line 1, column 1)")
  lede_validate_test(bom ${LEDE_FILES_DIR}/bad/bom.json 1 "byte-order mark")
  lede_validate_test(version ${LEDE_FILES_DIR}/bad/version_3.json 1 "version 3 is not supported: this Lede reads versions 1 to 2")
  lede_validate_test(end_past ${LEDE_FILES_DIR}/bad/end_past_text.json 1
                     "annotations[1].end: (5120) is past the end of the text (25)")
  lede_validate_test(quote ${LEDE_FILES_DIR}/bad/quote_mismatch.json 1
                     "annotations[0].quote.exact: \"Zoe\" does not match the text at 0..3")
  lede_validate_test(duplicate_id ${LEDE_FILES_DIR}/bad/id_duplicate.json 1 "duplicates the id \"u1\"")
  lede_validate_test(missing_file ${LEDE_FILES_DIR}/bad/no-such-file.json 2 "cannot read")
  # Format version 2: reviews, the article's details, the rating scale.
  lede_validate_test(v2_good ${LEDE_FILES_DIR}/good/review.lede.json 0 "review.lede.json: valid (3 annotations, 3 labels, 1 orphans)")
  lede_validate_test(v2_rating_unknown ${LEDE_FILES_DIR}/bad/v2_rating_unknown.json 1
                     "annotations[1].review.rating: \"pants-on-fire\" is not one of the file's ratings")
  lede_validate_test(v2_javascript_url ${LEDE_FILES_DIR}/bad/v2_evidence_javascript.json 1
                     "annotations[1].review.evidence[0].url: must be an http or https URL; the scheme \"javascript:\" is not allowed")
  lede_validate_test(v2_meta_javascript_url ${LEDE_FILES_DIR}/bad/v2_meta_url_javascript.json 1
                     "document.meta.url: must be an http or https URL; the scheme \"javascript:\" is not allowed")
  lede_validate_test(v2_bad_date ${LEDE_FILES_DIR}/bad/v2_review_date_not_real.json 1
                     "annotations[1].review.date: is not a real date: \"2024-02-30\" does not exist")

  # ---- lede convert: both directions; each output is checked by converting/validating it again --------
  set(LEDE_CONVERT_TMP ${CMAKE_BINARY_DIR}/files-convert)
  file(MAKE_DIRECTORY ${LEDE_CONVERT_TMP})
  add_test(NAME files.convert.to_w3c
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;w3c;${LEDE_FILES_DIR}/good/full.lede.json"
            -DEXPECT_RC=0 "-DEXPECT=\"@context\"" "-DEXPECT2=TextPositionSelector" -DOUT=${LEDE_CONVERT_TMP}/full.jsonld
            "-DTHEN=convert;--to;lede;%OUT%" -DTHEN_RC=0 "-DTHEN_EXPECT=\"format\":\"lede-annotations\"" -P ${LEDE_RUN_CLI})
  add_test(NAME files.convert.to_lede
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;lede;${LEDE_FILES_DIR}/w3c/hypothesis-like.jsonld;--text;${LEDE_FILES_DIR}/w3c/article.txt"
            -DEXPECT_RC=0 "-DEXPECT=\"exact\":\"The mayor\"" "-DEXPECT2=orphans" -DOUT=${LEDE_CONVERT_TMP}/imported.lede.json
            "-DTHEN=validate;%OUT%" -DTHEN_RC=0 "-DTHEN_EXPECT=valid (1 annotations" -P ${LEDE_RUN_CLI})
  # A version 1 file is upgraded: written as version 2 with the default scale, and valid.
  add_test(NAME files.convert.upgrade_v1
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;lede;${LEDE_FILES_DIR}/good/full.lede.json"
            -DEXPECT_RC=0 "-DEXPECT=\"version\":2}" "-DEXPECT2=\"ratings\":[{\"color\":\"#2e7d32\",\"id\":\"true\"" -DOUT=${LEDE_CONVERT_TMP}/upgraded.lede.json
            "-DTHEN=validate;%OUT%" -DTHEN_RC=0 "-DTHEN_EXPECT=valid (3 annotations, 3 labels, 1 orphans)" -P ${LEDE_RUN_CLI})
  # Reviews go to W3C as assessing bodies and come back.
  add_test(NAME files.convert.v2_to_w3c
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;w3c;${LEDE_FILES_DIR}/good/review.lede.json"
            -DEXPECT_RC=0 "-DEXPECT=\"purpose\":\"assessing\"" "-DEXPECT2=\"lede:review\"" -DOUT=${LEDE_CONVERT_TMP}/review.jsonld
            "-DTHEN=convert;--to;lede;%OUT%" -DTHEN_RC=0 "-DTHEN_EXPECT=\"review\":{\"date\":\"2026-03-02T09:30:00Z\"" -P ${LEDE_RUN_CLI})
  add_test(NAME files.convert.bad_input
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;w3c;${LEDE_FILES_DIR}/bad/end_past_text.json"
            -DEXPECT_RC=1 "-DEXPECT=annotations[1].end: (5120) is past the end of the text (25)" -P ${LEDE_RUN_CLI})
  add_test(NAME files.convert.needs_text
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;lede;${LEDE_FILES_DIR}/w3c/hypothesis-like.jsonld"
            -DEXPECT_RC=1 "-DEXPECT=--text ARTICLE" -P ${LEDE_RUN_CLI})

  # ---- the JSON Schema (docs/lede-annotations.schema.json) against good and bad files -----------------
  find_package(Python3 COMPONENTS Interpreter QUIET)
  if(Python3_Interpreter_FOUND)
    execute_process(COMMAND ${Python3_EXECUTABLE} -c "import jsonschema" RESULT_VARIABLE LEDE_NO_JSONSCHEMA
                    OUTPUT_QUIET ERROR_QUIET)
    if(LEDE_NO_JSONSCHEMA EQUAL 0)
      add_test(NAME files.schema COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/fuzz/check_schema.py ${CMAKE_SOURCE_DIR})
    endif()
  endif()

  # ---- re-anchoring benchmark (bench/reanchor; not a test) ------------------------------------------------
  include(${CMAKE_SOURCE_DIR}/bench/reanchor/reanchor.cmake OPTIONAL)

  # ---- libFuzzer target: loader + W3C converter + re-anchoring (clang++, ASan + UBSan) -------------------
  # Built with clang++ directly (the main build may use g++); not part of `all`: the test
  # files.fuzz.build builds it, files.fuzz.short runs it for 20 s from the seed corpus.
  # Long run: cmake --build build --target lede_fuzz_loader && build/fuzz/fuzz_loader -max_total_time=600 \
  #   -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 -dict=tests/fuzz/lede.dict build/fuzz/corpus tests/data/good tests/data/bad tests/data/w3c
  find_program(LEDE_CLANGXX NAMES clang++ clang++-14 PATHS /usr/bin NO_DEFAULT_PATH)
  file(GLOB LEDE_LIBFUZZER /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a)  # libclang-rt-NN-dev
  if(LEDE_CLANGXX AND LEDE_LIBFUZZER)
    set(LEDE_FUZZ_DIR ${CMAKE_BINARY_DIR}/fuzz)
    set(LEDE_FUZZ_SOURCES
      ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_loader.cpp
      ${CMAKE_SOURCE_DIR}/src/core/lede_file.cpp ${CMAKE_SOURCE_DIR}/src/core/json_input.cpp ${CMAKE_SOURCE_DIR}/src/core/annotation.cpp ${CMAKE_SOURCE_DIR}/src/core/attrs.cpp
      ${CMAKE_SOURCE_DIR}/src/core/text.cpp ${CMAKE_SOURCE_DIR}/src/core/sha256.cpp
      ${CMAKE_SOURCE_DIR}/src/core/w3c.cpp ${CMAKE_SOURCE_DIR}/src/core/reanchor.cpp
      ${CMAKE_SOURCE_DIR}/src/core/agreement.cpp ${CMAKE_SOURCE_DIR}/src/core/json_writer.cpp)
    file(GLOB LEDE_FUZZ_HEADERS ${CMAKE_SOURCE_DIR}/src/core/*.hpp ${CMAKE_SOURCE_DIR}/tests/fuzz/*.hpp)
    add_custom_command(OUTPUT ${LEDE_FUZZ_DIR}/fuzz_loader
      COMMAND ${CMAKE_COMMAND} -E make_directory ${LEDE_FUZZ_DIR}/corpus
      COMMAND ${LEDE_CLANGXX} -std=c++17 -O1 -g -fno-omit-frame-pointer
              -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
              -I${CMAKE_SOURCE_DIR}/src ${LEDE_FUZZ_SOURCES} -o ${LEDE_FUZZ_DIR}/fuzz_loader
      DEPENDS ${LEDE_FUZZ_SOURCES} ${LEDE_FUZZ_HEADERS}
      COMMENT "Building the libFuzzer target (clang++, ASan + UBSan)" VERBATIM)
    add_custom_target(lede_fuzz_loader DEPENDS ${LEDE_FUZZ_DIR}/fuzz_loader)

    add_test(NAME files.fuzz.build COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target lede_fuzz_loader)
    set_tests_properties(files.fuzz.build PROPERTIES FIXTURES_SETUP lede_fuzz TIMEOUT 900)
    add_test(NAME files.fuzz.short
      COMMAND ${LEDE_FUZZ_DIR}/fuzz_loader -max_total_time=20 -rss_limit_mb=2048 -malloc_limit_mb=1024
              -max_len=65536 -timeout=10 -print_final_stats=1 -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/lede.dict
              ${LEDE_FUZZ_DIR}/corpus ${LEDE_FILES_DIR}/good ${LEDE_FILES_DIR}/bad ${LEDE_FILES_DIR}/w3c
      WORKING_DIRECTORY ${LEDE_FUZZ_DIR})
    set_tests_properties(files.fuzz.short PROPERTIES FIXTURES_REQUIRED lede_fuzz TIMEOUT 120
      ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

    # The analysis core, on any bytes: offsets inside the text, sorted, deterministic (fuzz_analyze.cpp).
    # Long run: cmake --build build --target lede_fuzz_analyze && build/fuzz/fuzz_analyze -max_total_time=600 \
    #   -max_len=16384 build/fuzz/corpus-analyze tests/fuzz/analyze-seeds
    if(LEDE_WITH_ANALYSIS)
      file(GLOB LEDE_ANALYSIS_FUZZ_SOURCES ${CMAKE_SOURCE_DIR}/src/core/analysis/*.cpp)
      set(LEDE_ANALYSIS_FUZZ_SOURCES ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_analyze.cpp ${LEDE_ANALYSIS_FUZZ_SOURCES}
          ${CMAKE_SOURCE_DIR}/src/core/annotation.cpp ${CMAKE_SOURCE_DIR}/src/core/attrs.cpp ${CMAKE_SOURCE_DIR}/src/core/dates.cpp ${CMAKE_SOURCE_DIR}/src/core/text.cpp ${CMAKE_BINARY_DIR}/generated/embedded_assets.cpp)
      file(GLOB LEDE_ANALYSIS_FUZZ_HEADERS ${CMAKE_SOURCE_DIR}/src/core/*.hpp ${CMAKE_SOURCE_DIR}/src/core/analysis/*.hpp ${CMAKE_SOURCE_DIR}/tests/fuzz/*.hpp)
      add_custom_command(OUTPUT ${LEDE_FUZZ_DIR}/fuzz_analyze
        COMMAND ${CMAKE_COMMAND} -E make_directory ${LEDE_FUZZ_DIR}/corpus-analyze
        COMMAND ${LEDE_CLANGXX} -std=c++17 -O1 -g -fno-omit-frame-pointer
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
                -I${CMAKE_SOURCE_DIR}/src -I${CMAKE_BINARY_DIR}/generated ${LEDE_ANALYSIS_FUZZ_SOURCES} -o ${LEDE_FUZZ_DIR}/fuzz_analyze
        DEPENDS ${LEDE_ANALYSIS_FUZZ_SOURCES} ${LEDE_ANALYSIS_FUZZ_HEADERS} lede_assets
        COMMENT "Building the analysis libFuzzer target (clang++, ASan + UBSan)" VERBATIM)
      add_custom_target(lede_fuzz_analyze DEPENDS ${LEDE_FUZZ_DIR}/fuzz_analyze)
      add_test(NAME analysis.fuzz.build COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target lede_fuzz_analyze)
      set_tests_properties(analysis.fuzz.build PROPERTIES FIXTURES_SETUP lede_fuzz_analysis TIMEOUT 900)
      add_test(NAME analysis.fuzz.short
        COMMAND ${LEDE_FUZZ_DIR}/fuzz_analyze -max_total_time=30 -rss_limit_mb=2048 -max_len=16384 -timeout=10
                -print_final_stats=1 ${LEDE_FUZZ_DIR}/corpus-analyze ${CMAKE_SOURCE_DIR}/tests/fuzz/analyze-seeds
        WORKING_DIRECTORY ${LEDE_FUZZ_DIR})
      set_tests_properties(analysis.fuzz.short PROPERTIES FIXTURES_REQUIRED lede_fuzz_analysis TIMEOUT 120
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    endif()
  else()
    message(STATUS "clang++ or libFuzzer (libclang-rt-14-dev) not found: tests/fuzz/fuzz_loader.cpp is not built")
  endif()
endif()
