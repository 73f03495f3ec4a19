// Re-anchoring: placing annotations made on one version of a text onto another (a corrected or
// re-fetched article). See docs/file-format.md, "Re-anchoring".
//
// Each annotation is placed, in this order, by
//   1. position: its old offsets, if its quote is still there (also tried shifted by the offset
//      change of the nearest already-placed annotation, which follows insertions and deletions);
//   2. exact: a search for its quote, occurrences ranked by how much of prefix and suffix match,
//      then by distance from the expected position;
//   3. fuzzy: candidates seeded by exact hits of the quote's ends and of the prefix/suffix, each
//      scored by an edit-distance match of the quote in a bounded window plus prefix, suffix and
//      distance from the old position.
// What cannot be placed becomes an orphan (never dropped). Work per annotation is bounded, so
// a 1 MB text with 5,000 annotations takes well under a second (numbers in docs/file-format.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"

namespace lede {

enum class AnchorMethod { position, exact, fuzzy, orphan };
const char* to_string(AnchorMethod m);

struct AnchorQuery {
  TextQuote quote;      // exact may be empty (then only the position can be checked)
  int64_t start = 0;    // old offsets, code points
  int64_t end = 0;
};

struct Anchor {
  AnchorMethod method = AnchorMethod::orphan;
  int64_t start = 0;  // new offsets, code points (meaningless for orphans)
  int64_t end = 0;
  double score = 0;   // 1 for position/exact with full context; fuzzy scores in (0.7, 1)
};

// Places each query in new_text; results in the same order.
std::vector<Anchor> anchor_quotes(const std::vector<AnchorQuery>& queries, std::string_view new_text);

struct ReanchorResult {
  // document.text = new_text (title kept), labels and author kept; annotations placed, with new
  // offsets and quotes from the new text; orphans = the file's orphans that still could not be
  // placed + the annotations that could not be placed (with their old offsets and quote).
  AnnotationSet set;
  size_t by_position = 0, by_exact = 0, by_fuzzy = 0, orphaned = 0;  // over annotations + former orphans
  size_t recovered_orphans = 0;  // former orphans placed this time
  std::vector<AnchorMethod> methods;  // per file annotation, then per file orphan
};

// The annotations of `file` (made on file.document.text) placed onto new_text. Annotations whose
// offsets fit file.document.text take their quote from it; others (and orphans) use their quote.
// Taken by value: a caller done with the set moves it in, and its annotations are moved into the
// result rather than copied (a large import held them twice).
ReanchorResult reanchor(AnnotationSet file, std::string_view new_text);

// How two texts relate, to tell "a corrected version of this article" (re-anchor) from "a file
// for another article" (refuse, or open it as its own article).
enum class TextRelation { same, revised, different };
struct TextComparison {
  TextRelation relation = TextRelation::different;
  double similarity = 0;  // share of the file text's 8-word shingles found in the open text, 0..1
};
TextComparison compare_texts(std::string_view file_text, std::string_view open_text);

}  // namespace lede
