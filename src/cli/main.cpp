// `lede`: the command-line side of the core.
//   lede validate FILE    check a .lede.json file; prints every problem, exits 1 if there is one
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/lede_file.hpp"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: lede validate FILE     check an annotation file (.lede.json)\n");
  return 2;
}

bool read_input(const std::string& path, std::string* out) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    *out = s.str();
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  *out = s.str();
  return true;
}

int validate(const std::string& path) {
  std::string bytes;
  if (!read_input(path, &bytes)) {
    std::fprintf(stderr, "lede: cannot read %s\n", path.c_str());
    return 2;
  }
  lede::LoadResult r = lede::read_lede_file(bytes);
  if (r.ok) {
    std::printf("%s: valid (%zu annotations, %zu labels)\n", path.c_str(), r.set.annotations.size(), r.set.labels.size());
    return 0;
  }
  for (const lede::Problem& p : r.problems)
    std::printf("%s: %s%s%s\n", path.c_str(), p.path.c_str(), p.path.empty() ? "" : ": ", p.message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string cmd = argv[1];
  if (cmd == "validate" && argc == 3) return validate(argv[2]);
  return usage();
}
