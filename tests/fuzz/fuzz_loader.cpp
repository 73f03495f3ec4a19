// libFuzzer target for the annotation-file loader, the W3C converter and re-anchoring.
// Built by tests/fuzz/fuzz.cmake with clang++ -fsanitize=fuzzer,address,undefined.
// Besides "no crash, no sanitizer report", it checks invariants and aborts when one breaks:
//   - a file that loads writes back to a file that loads, with the same annotations and orphans,
//     reviews, article details and rating scale;
//   - a loaded file converts to W3C and back with every annotation and orphan kept;
//   - re-anchoring onto an edited text never loses an annotation (placed + orphans = all);
//   - a set agrees perfectly with itself, and pairs every item with itself for merging;
//   - the W3C importer and the loader never throw, whatever the input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/agreement.hpp"
#include "core/lede_file.hpp"
#include "core/reanchor.hpp"
#include "core/w3c.hpp"
#include "invariant.hpp"

using namespace lede;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  LoadResult r = read_lede_file(in);
  check(r.ok == r.problems.empty(), "ok iff no problems");
  if (r.ok) {
    LoadResult again = read_lede_file(write_lede_file(r.set, "fuzz"));
    check(again.ok, "a loaded file saves to a valid file");
    check(again.set.annotations.size() == r.set.annotations.size(), "save keeps annotations");
    check(again.set.orphans.size() == r.set.orphans.size(), "save keeps orphans");
    check(again.set.document.meta == r.set.document.meta && again.set.ratings.size() == r.set.ratings.size(),
          "save keeps the article's details and the rating scale");
    for (size_t i = 0; i < r.set.annotations.size() && i < again.set.annotations.size(); ++i)
      check(again.set.annotations[i].review == r.set.annotations[i].review, "save keeps each review");

    W3CImport w = read_w3c(write_w3c(r.set, "fuzz"));
    check(w.ok, "W3C export imports");
    check(w.set.annotations.size() == r.set.annotations.size(), "W3C round trip keeps annotations");
    check(w.set.orphans.size() == r.set.orphans.size(), "W3C round trip keeps orphans");
    for (size_t i = 0; i < r.set.annotations.size(); ++i) {
      const Annotation &a = r.set.annotations[i], &b = w.set.annotations[i];
      check(a.id == b.id && a.start == b.start && a.end == b.end && a.label == b.label && a.note == b.note &&
                a.attrs == b.attrs && a.origin == b.origin && a.status == b.status && a.review == b.review,
            "W3C round trip keeps each annotation exactly");
    }
    check(w.set.document.meta == r.set.document.meta && w.set.ratings.size() == r.set.ratings.size(),
          "W3C round trip keeps the article's details and the rating scale");

    // Agreement of a set with itself, per label; and against the re-anchored set below.
    for (const Label& l : r.set.labels) {
      Agreement g = agreement(r.set.annotations, r.set.annotations, l.id, r.set.document.text);
      check(!g.exact.defined || g.exact.f1 == 1.0, "a set agrees with itself (exact F1 = 1)");
      check(!g.kappa_defined || (g.kappa > 0.999 && g.kappa < 1.001), "a set agrees with itself (kappa = 1)");
      check(g.both + g.neither + g.only_in_a + g.only_in_b == g.units, "kappa units add up");
    }
    std::vector<MergeItem> rows = pair_for_merge(r.set.annotations, r.set.annotations);
    check(rows.size() == r.set.annotations.size(), "pairing a set with itself matches everything");
    for (const MergeItem& m : rows) check(m.a >= 0 && m.b >= 0 && m.same_span && m.same_label, "self-pairs are exact");

    // Re-anchor onto an edited text: a word inserted in the middle, the start cut off.
    std::string text = r.set.document.text;
    size_t mid = text.size() / 2;
    while (mid < text.size() && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) ++mid;
    std::string edited = text.substr(0, mid) + " inserted " + text.substr(mid);
    if (edited.size() > 8) edited = edited.substr(edited.size() / 8 + 0);
    ReanchorResult ra = reanchor(r.set, utf8_sanitize(edited));
    check(ra.set.annotations.size() + ra.set.orphans.size() == r.set.annotations.size() + r.set.orphans.size(),
          "re-anchoring never drops an annotation");
    LoadResult after = read_lede_file(write_lede_file(ra.set, "fuzz"));
    check(after.ok, "a re-anchored set saves to a valid file");
    for (const Label& l : r.set.labels) {
      Agreement g = agreement(r.set.annotations, ra.set.annotations, l.id);
      check(g.exact.f1 >= 0 && g.exact.f1 <= 1 && g.overlap.f1 >= g.exact.f1 - 1e-9, "F1 in [0,1], overlap >= exact");
      check(!g.kappa_defined || (g.kappa >= -1.0001 && g.kappa <= 1.0001), "kappa in [-1,1]");
    }
    std::vector<MergeItem> rows2 = pair_for_merge(r.set.annotations, ra.set.annotations);
    size_t seen_a = 0, seen_b = 0;
    for (const MergeItem& m : rows2) { seen_a += m.a >= 0; seen_b += m.b >= 0; }
    check(seen_a == r.set.annotations.size() && seen_b == ra.set.annotations.size(), "merge rows show every item once");
  }
  // The same bytes as W3C, with and without an article text.
  static const std::string kText = "Zoë said “hello” to Kyiv. The mayor of Springfield said the budget is balanced.";
  W3CImport w1 = read_w3c(in);
  check(w1.ok == w1.problems.empty(), "W3C ok iff no problems");
  W3CImport w2 = read_w3c(in, &kText);
  if (w2.ok) check(read_lede_file(write_lede_file(w2.set, "fuzz")).ok, "an import saves to a valid file");
  return 0;
}
