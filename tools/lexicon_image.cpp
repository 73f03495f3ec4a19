// lede_lexicon_image OUT: writes the compiled-in lexicons' tables, loaded and ready to use
// (Lexicon::image), for the native `lede` to read back at start without parsing (CMakeLists.txt).
#include <cstdio>

#include "core/analysis/lexicon.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lede_lexicon_image OUT\n");
    return 2;
  }
  const std::string image = lede::analysis::Lexicon().image();
  FILE* f = std::fopen(argv[1], "wb");
  if (!f || std::fwrite(image.data(), 1, image.size(), f) != image.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "lede_lexicon_image: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
