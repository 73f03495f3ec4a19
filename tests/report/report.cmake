# Issue 13: `lede convert --to html|claimreview|md|csv` on a file with reviews. The HTML is parsed
# (Python's html.parser) and checked for structure, script and outside resources; the ClaimReview
# output is parsed as JSON and its fields checked (check_report_cli.py). Native builds only.
if(NOT EMSCRIPTEN)
  find_package(Python3 COMPONENTS Interpreter QUIET)
  if(Python3_Interpreter_FOUND)
    set(LEDE_REPORT_FILE ${CMAKE_SOURCE_DIR}/tests/data/good/report.lede.json)
    set(LEDE_REPORT_CHECK ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/report/check_report_cli.py $<TARGET_FILE:lede>)
    add_test(NAME cli.report.html COMMAND ${LEDE_REPORT_CHECK} html ${LEDE_REPORT_FILE}
      "<h1>Minister: taxes rose 5% in 2025</h1>" "<tr id=\"claim-1\">" "<span class=\"rating\">False</span>"
      "<span class=\"rating\">Mostly true</span>" "&lt;script&gt;alert(1)&lt;/script&gt;" "id=\"m-n1\"" "id=\"m-c2\""
      "<a href=\"https://stats.example/taxes?year=2025&amp;table=4\"")
    add_test(NAME cli.report.claimreview COMMAND ${LEDE_REPORT_CHECK} claimreview ${LEDE_REPORT_FILE}
      "\"claimReviewed\": \"taxes rose 5% in 2025\"" "\"alternateName\": \"False\"" "\"@type\": \"Organization\",\n        \"name\": \"Acme Corp\""
      "\"url\": \"https://news.example/taxes?id=7&lang=en\"")
    add_test(NAME cli.report.md COMMAND ${LEDE_REPORT_CHECK} md ${LEDE_REPORT_FILE}
      "# Minister: taxes rose 5% in 2025" "| 1 | Jan Kowalski (said) |" "\\<script\\>")
    # Issue 15: the claim graph as inline SVG (titled, labelled) and the timeline as a table.
    set(LEDE_REPORT_GRAPH ${CMAKE_SOURCE_DIR}/tests/data/good/report-graph.lede.json)
    add_test(NAME cli.report.graph COMMAND ${LEDE_REPORT_CHECK} html ${LEDE_REPORT_GRAPH}
      "<title id=\"graph-title\">Who says what about whom</title>" "<title>Kim Song accuses United States: 1 claim (blamed)</title>"
      "<title>Russia denies North Korea: 1 claim (denied)</title>" ">Kim Song</text>" ">North Korea</text>"
      "<caption>2 dates and times in calendar order, relative ones counted from the publication date, 2024-01-05</caption>"
      "<th scope=\"row\">2024-01-06</th><td>The next day</td>")
    add_test(NAME cli.report.graph_md COMMAND ${LEDE_REPORT_CHECK} md ${LEDE_REPORT_GRAPH}
      "## Timeline" "| 2024-01-05 | 5 January 2024 |" "| 2024-01-06 | The next day | The next day, Russia denied that North Korea sent missiles. | Russia, North Korea |")
    add_test(NAME cli.report.csv COMMAND ${LEDE_REPORT_CHECK} csv ${LEDE_REPORT_FILE}
      "1,c1,Jan Kowalski,said,taxes rose 5% in 2025,False,2,checked," "'=HYPERLINK(")
  endif()
  # A bad file: the loader's message and exit code 1, as for the other conversions.
  add_test(NAME cli.report.bad_input
    COMMAND ${CMAKE_COMMAND} -DLEDE=$<TARGET_FILE:lede> "-DARGS=convert;--to;html;${CMAKE_SOURCE_DIR}/tests/data/bad/end_past_text.json"
            -DEXPECT_RC=1 "-DEXPECT=annotations[1].end: (5120) is past the end of the text (25)" -P ${CMAKE_SOURCE_DIR}/tests/fuzz/run_cli.cmake)
endif()
