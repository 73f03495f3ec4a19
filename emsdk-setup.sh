#!/usr/bin/env bash
# Installs what Lede needs to build and test, once. Idempotent and non-interactive.
#
#   ./emsdk-setup.sh            everything (build + tests)
#   ./emsdk-setup.sh --web      only what building and serving the reader needs
#
# On Debian/Ubuntu it uses system packages (Emscripten 3.1.6, nlohmann/json, doctest, fonts,
# Chromium) and Dear ImGui 1.86 from Debian's source package. Elsewhere, with internet access,
# it falls back to the upstream emsdk and the pinned Dear ImGui tag. Otherwise it says what is
# missing and stops. See ../shared/TOOLCHAIN.md for why each step is the way it is.
set -euo pipefail

IMGUI_VERSION=1.86
EMSDK_VERSION=3.1.6
here=$(cd "$(dirname "$0")" && pwd)
deps="$here/.deps"
mode=${1:-all}

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else die "need root (or sudo) to run: $*"; fi
}

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_updated=0
recommends=--no-install-recommends
apt_install() {
  local missing=()
  for p in "$@"; do have_pkg "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then say "found: $*"; return 0; fi
  if [ $apt_updated = 0 ]; then say "apt-get update"; as_root apt-get update -qq; apt_updated=1; fi
  say "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $recommends "${missing[@]}" >/dev/null
}

online() { timeout 5 bash -c 'exec 3<>/dev/tcp/github.com/443' 2>/dev/null; }

mkdir -p "$deps"

# --- system packages -----------------------------------------------------------------------
if command -v apt-get >/dev/null; then
  web_pkgs=(emscripten nlohmann-json3-dev doctest-dev fonts-sil-charis fonts-inter fonttools
            terser zopfli nodejs cmake make g++)  # terser: lede.js minified; zopfli: the site precompressed (CMakeLists.txt)
  test_pkgs=(chromium fonts-liberation2 clang libclang-rt-14-dev python3-jsonschema parallel)  # parallel: docs/batch.md's recipe
  apt_install "${web_pkgs[@]}"
  # Chromium with its recommended packages (GL drivers, fonts): the combination checked for
  # headless WebGL in ../shared/TOOLCHAIN.md.
  [ "$mode" = --web ] || { recommends=; apt_install "${test_pkgs[@]}"; }
else
  say "no apt-get: expecting emcc, cmake, g++, node, terser, zopfli, fonts and chromium to be installed by hand"
fi

# --- Emscripten -------------------------------------------------------------------------------
if command -v emcc >/dev/null; then
  say "found: $(NODE_PATH=/usr/share/nodejs emcc --version 2>/dev/null | head -1)"
elif [ -x "$deps/emsdk/upstream/emscripten/emcc" ]; then
  say "found: upstream emsdk in $deps/emsdk"
elif online; then
  say "no system Emscripten: installing emsdk $EMSDK_VERSION from upstream"
  git clone --depth 1 https://github.com/emscripten-core/emsdk.git "$deps/emsdk"
  "$deps/emsdk/emsdk" install "$EMSDK_VERSION"
  "$deps/emsdk/emsdk" activate "$EMSDK_VERSION"
else
  die "Emscripten is missing and there is no internet. Install Debian's 'emscripten' package or copy an emsdk to $deps/emsdk."
fi

# --- Dear ImGui 1.86 sources -----------------------------------------------------------------
imgui="$deps/imgui-$IMGUI_VERSION"
if [ -f "$imgui/imgui.cpp" ] && [ -f "$imgui/backends/imgui_impl_opengl3.cpp" ]; then
  say "found: Dear ImGui $IMGUI_VERSION sources in $imgui"
else
  tmp=$(mktemp -d)
  got=0
  if command -v apt-get >/dev/null; then
    src=/etc/apt/sources.list.d/debian.sources
    if [ -f "$src" ] && ! grep -q 'deb-src' "$src"; then
      say "enabling deb-src in $src (needed for 'apt-get source imgui')"
      as_root sed -i 's/^Types: deb$/Types: deb deb-src/' "$src"
      as_root apt-get update -qq
    fi
    if (cd "$tmp" && apt-get source --download-only imgui >/dev/null 2>&1); then
      tarball=$(ls "$tmp"/imgui_"$IMGUI_VERSION"*.orig.tar.* 2>/dev/null | head -1 || true)
      if [ -n "$tarball" ]; then
        mkdir -p "$imgui" && tar -xf "$tarball" -C "$imgui" --strip-components=1 && got=1
        say "unpacked $(basename "$tarball") into $imgui"
      else
        say "Debian's imgui source package is not version $IMGUI_VERSION: $(ls "$tmp")"
      fi
    fi
  fi
  if [ $got = 0 ] && online; then
    say "fetching Dear ImGui v$IMGUI_VERSION from upstream"
    git clone --depth 1 --branch "v$IMGUI_VERSION" https://github.com/ocornut/imgui.git "$imgui" && got=1
  fi
  rm -rf "$tmp"
  [ $got = 1 ] || die "Dear ImGui $IMGUI_VERSION sources are missing. On Debian 12: enable deb-src and run 'apt-get source imgui'; or place the v$IMGUI_VERSION sources in $imgui."
fi

# --- header-only libraries for the Wasm build --------------------------------------------------
# emcc must not search /usr/include (glibc headers would mix into the Wasm sysroot), so the Wasm
# build gets a private include directory with just these two.
inc="$deps/wasm-include"
mkdir -p "$inc"
for lib in nlohmann doctest; do
  [ -d "/usr/include/$lib" ] || die "/usr/include/$lib is missing (apt-get install nlohmann-json3-dev doctest-dev)"
  [ -L "$inc/$lib" ] || { ln -sfn "/usr/include/$lib" "$inc/$lib"; say "linked $inc/$lib"; }
done

# --- fonts ---------------------------------------------------------------------------------------
for f in /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf /usr/share/fonts/opentype/inter/Inter-Regular.otf; do
  [ -f "$f" ] || die "font $f is missing (apt-get install fonts-sil-charis fonts-inter)"
done
say "found: fonts (Charis SIL, Inter)"

# --- browser test tools ----------------------------------------------------------------------------
if [ "$mode" != --web ]; then
  command -v chromium >/dev/null || die "chromium is missing (apt-get install chromium)"
  if [ -f "$here/tests/e2e/node_modules/playwright-core/package.json" ]; then
    say "found: playwright-core $(node -p "require('$here/tests/e2e/node_modules/playwright-core/package.json').version")"
  else
    say "npm ci (playwright-core, wink-nlp for the benchmark) in tests/e2e"
    (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
say "done"
