#!/usr/bin/env bash
# One entry point for a fresh clone:
#   ./dev.sh serve [PORT]   set up, build the reader and serve it on http://127.0.0.1:PORT/ (default 8080)
#   ./dev.sh test           set up, build everything and run every test (ctest prints the summary)
#   ./dev.sh build          set up and build, native and WebAssembly
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten needs its acorn module (see docs/building.md)
jobs=$(nproc 2>/dev/null || echo 2)

build_web() {
  [ -f build-web/CMakeCache.txt ] || emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-web -j"$jobs"
}

build_native() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLEDE_WEB_BUILD="$PWD/build-web" >/dev/null
  cmake --build build -j"$jobs"
}

case "${1:-}" in
  serve)
    ./emsdk-setup.sh --web
    build_web
    exec node tools/serve.mjs --root build-web/site --port "${2:-8080}"
    ;;
  test)
    ./emsdk-setup.sh
    build_web
    build_native
    ctest --test-dir build --output-on-failure -j1
    ;;
  build)
    ./emsdk-setup.sh
    build_web
    build_native
    ;;
  *)
    echo "usage: ./dev.sh serve [PORT] | test | build" >&2
    exit 2
    ;;
esac
