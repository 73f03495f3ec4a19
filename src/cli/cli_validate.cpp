// lede validate FILE: the same checks and messages as opening the file in the reader.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "core/load.hpp"

namespace lede::cli {

int validate(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lede validate FILE   (a .lede.json file, or a W3C Web Annotation file)\n");
    return 2;
  }
  std::string path = argv[1], bytes, error;
  // The larger of the two caps (W3C's); a Lede file over its own is refused by its reader.
  if (!read_input(path, &bytes, kMaxW3CFileBytes, &error)) {
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return 2;
  }
  // The page's decision too (load_any in src/app/reader.cpp): a Lede file or a W3C file.
  // keep = false: the same checks, without holding what passed them (streamed; bounded memory).
  AnnotationsLoad r = load_annotations(path, bytes, false);
  if (r.ok) {
    std::printf("%s: valid%s (%zu annotations, %zu labels", path.c_str(), r.w3c ? " W3C Web Annotation file" : "",
                r.annotation_count, r.set.labels.size());
    if (r.orphan_count) std::printf(", %zu orphans", r.orphan_count);
    std::printf(")\n");
    return 0;
  }
  for (const Problem& p : r.problems)
    std::printf("%s: %s%s%s\n", path.c_str(), p.path.c_str(), p.path.empty() ? "" : ": ", p.message.c_str());
  return 1;
}

}  // namespace lede::cli
