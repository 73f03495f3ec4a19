// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export and import; see docs/w3c.md.
// Export writes a JSON-LD AnnotationCollection whose pages (AnnotationPage, 1000 items each)
// are embedded, each linked to the next by "next". Every annotation carries a TextQuoteSelector
// and a TextPositionSelector (code points) on the document, a TextualBody per label ("tagging"),
// note ("commenting") and attrs ("describing", application/json), and lede: properties for
// what the model has no term for (origin, status, the label set, the document text).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"
#include "core/lede_file.hpp"

namespace lede {

inline constexpr const char* kW3CContext = "http://www.w3.org/ns/anno.jsonld";
inline constexpr const char* kLedeNamespace = "https://lede.example/ns/annotations#";
inline constexpr size_t kW3CPageSize = 1000;

// The source IRI of a text: "urn:sha256:<hex of its UTF-8 bytes>".
std::string source_iri(std::string_view text);

json w3c_json(const AnnotationSet& set, const std::string& generator);
// Compact JSON unless pretty (indented by 2, for people).
std::string write_w3c(const AnnotationSet& set, const std::string& generator, bool pretty = false);

// Why a W3C export of `bytes` is not written: "" when it fits kMaxW3CFileBytes, the cap every
// reader of Lede (the page, `lede validate`, `lede convert`) applies to W3C files. News within
// kMaxArticleBytes always fits (tests/cli/largest_cli.cmake); text made to give a suggestion every
// few bytes may not, and its Lede file, which does, keeps everything.
std::string w3c_export_fault(size_t bytes);

struct W3CImport {
  bool ok = false;
  AnnotationSet set;  // valid as a Lede file (checked by writing and re-reading it)
  std::vector<Problem> problems;  // why it failed (JSON path + message), like LoadResult
  std::vector<std::string> notes;  // what was adapted (labels made up, orphans, ...)
  size_t by_position = 0, reanchored = 0, orphaned = 0;
  size_t annotation_count = 0, orphan_count = 0;  // in set (or, without keep, as read)
  std::string summary(size_t max_items = 3) const;
};

// Accepts an AnnotationCollection (pages embedded, linked by "next"), an AnnotationPage, a single
// Annotation, or a JSON array of Annotations. The text comes from the collection's
// lede:document, or from `article_text` when given (which wins). Annotations whose position no
// longer matches the text are re-anchored by their quote; those that cannot be placed become orphans.
// Streams the annotations (one JSON tree at a time). keep false: the same verdict and counts, but
// set holds no annotations or orphans (`lede validate`).
W3CImport read_w3c(std::string_view bytes, const std::string* article_text = nullptr, bool keep = true);

}  // namespace lede
