// Opening an annotation file, whatever its kind: one decision shared by the page (File > Open
// annotations, drops, merges) and `lede validate`, so both give the same verdict on the same bytes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/lede_file.hpp"

namespace lede {

struct AnnotationsLoad {
  bool ok = false;
  bool w3c = false;                 // read as a W3C Web Annotation file
  AnnotationSet set;                // empty unless ok (and, without keep, its annotations and orphans)
  size_t annotation_count = 0, orphan_count = 0;  // what the file holds, when ok
  std::vector<Problem> problems;    // why not, JSON path + message
  std::vector<std::string> notes;   // W3C only: what was adapted
  std::string error;                // unless ok: the paragraph the page shows ("... Nothing was changed.")
};

// A W3C Web Annotation file: named .jsonld, or JSON naming the W3C context and not Lede's format.
bool looks_like_w3c(std::string_view file_name, std::string_view bytes);

// A Lede file (read_lede_file) or a W3C file (read_w3c with the file's own text). keep false
// (`lede validate`) gives the same verdict and counts without holding the annotations.
AnnotationsLoad load_annotations(std::string_view file_name, std::string_view bytes, bool keep = true);

}  // namespace lede
