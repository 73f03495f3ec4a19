# Writes SITE/sw.js from web/sw.js with __LEDE_BUILD_ID__ replaced by a hash of the files the
# service worker caches, so every build that changes them gets its own cache (cmake -P, run after
# the site is copied; see CMakeLists.txt).  -DSRC=<web/sw.js> -DSITE=<site directory>
set(ids "")
foreach(f index.html start.js boot.js style.css lede.js lede.wasm icon.svg manifest.webmanifest)
  if(EXISTS "${SITE}/${f}")
    file(SHA256 "${SITE}/${f}" h)
    string(APPEND ids "${f}:${h};")
  endif()
endforeach()
string(SHA256 build "${ids}")
string(SUBSTRING "${build}" 0 16 build)
file(READ "${SRC}" sw)
string(REPLACE "__LEDE_BUILD_ID__" "${build}" sw "${sw}")
file(WRITE "${SITE}/sw.js" "${sw}")
