# Writes FILE.gz beside each file of the page's first load with zopfli: gzip that any browser
# reads, about 5% smaller than gzip -9. Servers that send precompressed files use them
# (tools/serve.mjs, nginx's gzip_static); others compress as before. A .gz is rewritten only
# when its file is newer.  cmake -DSITE=<site> -DZOPFLI=<zopfli> -P precompress.cmake
foreach(f index.html start.js boot.js style.css lede.js lede.wasm sw.js manifest.webmanifest icon.svg)
  set(src "${SITE}/${f}")
  if(EXISTS "${src}" AND (NOT EXISTS "${src}.gz" OR "${src}" IS_NEWER_THAN "${src}.gz"))
    execute_process(COMMAND "${ZOPFLI}" --gzip -c "${src}" OUTPUT_FILE "${src}.gz" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      file(REMOVE "${src}.gz")
      message(WARNING "zopfli failed on ${f}: it is served compressed on the fly")
    endif()
  endif()
endforeach()
