// The lexicons' tables as Lexicon::image wrote them at build time (tools/lexicon_image.cpp), in
// native builds that define LEDE_LEXICON_IMAGE; the Wasm build parses the packed lexicons instead
// (an image is several times their size in the download).
#pragma once
#include <string_view>

namespace lede::analysis {
std::string_view lexicon_image();
}  // namespace lede::analysis
