#include "core/load.hpp"

#include "core/article.hpp"
#include "core/w3c.hpp"

namespace lede {

bool looks_like_w3c(std::string_view name, std::string_view bytes) {
  return has_extension(name, ".jsonld") ||
         (bytes.find("www.w3.org/ns/anno.jsonld") != std::string_view::npos &&
          bytes.find("\"lede-annotations\"") == std::string_view::npos);
}

AnnotationsLoad load_annotations(std::string_view name, std::string_view bytes, bool keep) {
  AnnotationsLoad out;
  out.w3c = looks_like_w3c(name, bytes);
  if (out.w3c) {
    W3CImport r = read_w3c(bytes, nullptr, keep);
    if (!r.ok) {
      out.error = "This is not a W3C Web Annotation file Lede can read. Nothing was changed.\n\n" + r.summary();
      out.problems = std::move(r.problems);  // after summary(), which reads them
      return out;
    }
    out.annotation_count = r.annotation_count;
    out.orphan_count = r.orphan_count;
    out.set = std::move(r.set);
    out.notes = std::move(r.notes);
    out.ok = true;
    return out;
  }
  LoadResult r = read_lede_file(bytes, keep);
  if (!r.ok) {
    out.error = "This is not a valid Lede annotation file. Nothing was changed.\n\n" + r.summary();
    out.problems = std::move(r.problems);  // after summary(), which reads them
    return out;
  }
  out.annotation_count = r.annotation_count;
  out.orphan_count = r.orphan_count;
  out.set = std::move(r.set);
  out.ok = true;
  return out;
}

}  // namespace lede
