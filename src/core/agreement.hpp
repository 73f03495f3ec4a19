// Agreement between two readers' annotations of the same text, and pairing them for a
// side-by-side merge view. See docs/file-format.md, "Merging two readers' files".
//
// Only annotations with the given label count, and rejected ones never do (a rejected suggestion
// is nobody's claim). Spans are [start, end) in code points of the same text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"

namespace lede {

struct SpanScores {
  size_t matched = 0;  // one-to-one pairs
  size_t only_a = 0, only_b = 0;
  bool defined = false;  // false when neither reader has a span (every figure is then 0)
  double precision = 0;  // matched / spans of B (B judged against A)
  double recall = 0;     // matched / spans of A
  double f1 = 0;         // 2 matched / (spans of A + spans of B): symmetric
};

struct Agreement {
  std::string label;
  size_t count_a = 0, count_b = 0;
  SpanScores exact;    // same start and same end
  SpanScores overlap;  // sharing at least one code point, paired one-to-one by largest overlap
  // Cohen's kappa over units (tokens of the text, or code points without it): each unit is
  // "labelled" by a reader when one of their spans covers part of it.
  size_t units = 0;
  size_t both = 0, neither = 0, only_in_a = 0, only_in_b = 0;
  bool kappa_defined = false;  // false when chance agreement is 1 (e.g. nobody used the label)
  double observed = 0, expected = 0, kappa = 0;
};

// Units for kappa: the code points [0, largest end) of the two sets (at most 2^26).
Agreement agreement(const std::vector<Annotation>& a, const std::vector<Annotation>& b, const std::string& label);
// Units for kappa: the tokens of `text` (runs of letters/digits; other non-space characters one
// token each).
Agreement agreement(const std::vector<Annotation>& a, const std::vector<Annotation>& b, const std::string& label,
                    std::string_view text);

// One row of the side-by-side view: a and b index into the two inputs, -1 when absent.
struct MergeItem {
  int a = -1, b = -1;
  bool same_span = false;   // both present, identical start/end
  bool same_label = false;  // both present, same label
};
// Pairs every annotation of a with at most one of b (rejected ones included: the view shows
// everything), preferring same span and label, then same label with the largest overlap, then
// same span with another label. Rows in text order; unpaired items appear alone.
std::vector<MergeItem> pair_for_merge(const std::vector<Annotation>& a, const std::vector<Annotation>& b);

}  // namespace lede
