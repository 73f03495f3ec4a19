// lede validate FILE: the same checks and messages as opening the file in the reader.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "core/lede_file.hpp"

namespace lede::cli {

int validate(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lede validate FILE\n");
    return 2;
  }
  std::string path = argv[1], bytes;
  if (!read_input(path, &bytes)) {
    std::fprintf(stderr, "lede: cannot read %s\n", path.c_str());
    return 2;
  }
  LoadResult r = read_lede_file(bytes);
  if (r.ok) {
    std::printf("%s: valid (%zu annotations, %zu labels", path.c_str(), r.set.annotations.size(), r.set.labels.size());
    if (!r.set.orphans.empty()) std::printf(", %zu orphans", r.set.orphans.size());
    std::printf(")\n");
    return 0;
  }
  for (const Problem& p : r.problems)
    std::printf("%s: %s%s%s\n", path.c_str(), p.path.c_str(), p.path.empty() ? "" : ": ", p.message.c_str());
  return 1;
}

}  // namespace lede::cli
