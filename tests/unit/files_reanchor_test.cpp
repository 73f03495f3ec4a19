// Re-anchoring annotations onto a changed text.
#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "core/reanchor.hpp"
#include "core/text.hpp"

using namespace lede;

namespace {

// An annotation set on `text` with one annotation per quoted span, found by its n-th occurrence.
struct Span {
  std::string id, quote;
  int nth = 0;
};
AnnotationSet make_set(const std::string& text, const std::vector<Span>& spans) {
  AnnotationSet s;
  s.document.text = text;
  s.labels = builtin_labels();
  TextIndex idx(text);
  for (const Span& sp : spans) {
    size_t at = text.find(sp.quote);
    for (int k = 0; k < sp.nth; ++k) at = text.find(sp.quote, at + 1);
    REQUIRE(at != std::string::npos);
    Annotation a;
    a.id = sp.id;
    a.label = "actor";
    a.start = int64_t(idx.to_cp(at));
    a.end = int64_t(idx.to_cp(at + sp.quote.size()));
    s.annotations.push_back(a);
  }
  // Through a file, as the app would have it.
  LoadResult r = read_lede_file(write_lede_file(s, "test"));
  REQUIRE(r.ok);
  return r.set;
}

const Annotation* find(const ReanchorResult& r, const std::string& id) {
  for (const Annotation& a : r.set.annotations)
    if (a.id == id) return &a;
  return nullptr;
}
std::string covered(const ReanchorResult& r, const std::string& id) {
  const Annotation* a = find(r, id);
  if (!a) return "<orphan>";
  TextIndex idx(r.set.document.text);
  return cp_substr(r.set.document.text, idx, size_t(a->start), size_t(a->end));
}

const std::string kText =
    "Officials in Kyiv said on Monday that the grain deal would resume. "
    "The minister, Olena Ivanova, told reporters that 2.5 million tonnes were waiting. "
    "Critics in Kyiv said the deal was fragile. Ivanova disagreed.";

}  // namespace

TEST_CASE("files: re-anchoring an unchanged text places everything by position") {
  AnnotationSet s = make_set(kText, {{"a", "Kyiv"}, {"b", "Olena Ivanova"}, {"c", "2.5 million tonnes"}});
  ReanchorResult r = reanchor(s, kText);
  CHECK(r.by_position == 3);
  CHECK(r.orphaned == 0);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(r.set.annotations[i].start == s.annotations[i].start);
    CHECK(r.set.annotations[i].end == s.annotations[i].end);
  }
}

TEST_CASE("files: edits before, after and inside spans") {
  AnnotationSet s = make_set(kText, {{"a", "Officials"}, {"b", "Olena Ivanova"}, {"c", "2.5 million tonnes"}, {"d", "Ivanova disagreed"}});
  SUBCASE("insertion before shifts the spans; found by their quote") {
    std::string t = "UPDATED: " + kText;
    ReanchorResult r = reanchor(s, t);
    CHECK(r.orphaned == 0);
    CHECK(covered(r, "a") == "Officials");
    CHECK(find(r, "a")->start == 9);
    CHECK(covered(r, "b") == "Olena Ivanova");
    CHECK(covered(r, "d") == "Ivanova disagreed");
    CHECK(r.by_exact == 4);
  }
  SUBCASE("edit after a span leaves it by position") {
    std::string t = kText;
    t.replace(t.find("fragile"), 7, "very fragile indeed");
    ReanchorResult r = reanchor(s, t);
    CHECK(r.methods[0] == AnchorMethod::position);
    CHECK(r.methods[1] == AnchorMethod::position);
    CHECK(covered(r, "d") == "Ivanova disagreed");
    CHECK(r.orphaned == 0);
  }
  SUBCASE("a typo fixed inside a span: fuzzy, covering the corrected words") {
    std::string text = kText;
    text.replace(text.find("2.5 million tonnes"), 18, "2.5 milion tonnes");
    AnnotationSet s2 = make_set(text, {{"c", "2.5 milion tonnes"}, {"b", "Olena Ivanova"}});
    ReanchorResult r = reanchor(s2, kText);
    CHECK(r.methods[0] == AnchorMethod::fuzzy);
    CHECK(covered(r, "c") == "2.5 million tonnes");
    CHECK(covered(r, "b") == "Olena Ivanova");
  }
  SUBCASE("a name corrected inside a span and shifted") {
    std::string text = kText;
    text.replace(text.find("Olena Ivanova"), 13, "Olena Ivanowa");
    AnnotationSet s2 = make_set(text, {{"b", "The minister, Olena Ivanowa"}});
    ReanchorResult r = reanchor(s2, "Breaking. " + kText);
    CHECK(r.by_fuzzy == 1);
    CHECK(covered(r, "b") == "The minister, Olena Ivanova");
  }
}

TEST_CASE("files: duplicated quotes are told apart by prefix and suffix") {
  // Two "Kyiv"s; the text before them changes, so positions move and both are searched for.
  AnnotationSet s = make_set(kText, {{"first", "Kyiv", 0}, {"second", "Kyiv", 1}});
  std::string t = "Correction appended at the top. " + kText;
  ReanchorResult r = reanchor(s, t);
  REQUIRE(r.orphaned == 0);
  size_t first = t.find("Kyiv"), second = t.find("Kyiv", first + 1);
  CHECK(find(r, "first")->start == int64_t(first));
  CHECK(find(r, "second")->start == int64_t(second));
  // Swapped surroundings: the context, not the order, decides.
  std::string swapped = "Critics in Kyiv said the deal was fragile. Officials in Kyiv said on Monday that the grain deal would resume.";
  AnnotationSet s2 = make_set(kText, {{"officials", "Kyiv", 0}, {"critics", "Kyiv", 1}});
  ReanchorResult r2 = reanchor(s2, swapped);
  CHECK(find(r2, "critics")->start == int64_t(swapped.find("Kyiv")));
  CHECK(find(r2, "officials")->start == int64_t(swapped.find("Kyiv", swapped.find("Kyiv") + 1)));
}

TEST_CASE("files: deleted passages become orphans, kept on save, found again later") {
  AnnotationSet s = make_set(kText, {{"a", "Officials"}, {"b", "Olena Ivanova"}, {"c", "2.5 million tonnes"}});
  std::string t = kText;
  size_t b = t.find("The minister"), e = t.find("Critics");
  t.erase(b, e - b);
  ReanchorResult r = reanchor(s, t);
  CHECK(covered(r, "a") == "Officials");
  REQUIRE(r.orphaned == 2);
  REQUIRE(r.set.orphans.size() == 2);
  CHECK(r.set.orphans[0].quote.exact == "Olena Ivanova");
  CHECK(r.set.orphans[1].quote.exact == "2.5 million tonnes");
  // Saved and loaded: the orphans are still there.
  LoadResult saved = read_lede_file(write_lede_file(r.set, "test"));
  REQUIRE(saved.ok);
  REQUIRE(saved.set.orphans.size() == 2);
  CHECK(saved.set.orphans[1].quote.exact == "2.5 million tonnes");
  // The passage comes back in a later version: the orphans are placed again.
  ReanchorResult back = reanchor(saved.set, kText);
  CHECK(back.orphaned == 0);
  CHECK(back.recovered_orphans == 2);
  CHECK(covered(back, "c") == "2.5 million tonnes");
  CHECK(back.set.orphans.empty());
}

TEST_CASE("files: a short quote whose context is gone is not misplaced") {
  AnnotationSet s = make_set(kText, {{"x", "the", 1}});  // "the grain deal" -> "the" after "that "
  std::string t = "Nothing here resembles the old article at all, really.";
  ReanchorResult r = reanchor(s, t);
  CHECK(r.orphaned == 1);
}

TEST_CASE("files: code points, not bytes, after re-anchoring") {
  std::string text = "Zoë met “Łukasz” in Kraków. 🙂 Łukasz left.";
  AnnotationSet s = make_set(text, {{"l", "Łukasz", 1}, {"k", "Kraków"}});
  ReanchorResult r = reanchor(s, "Ein 🙂 Vorwort. " + text);
  CHECK(covered(r, "l") == "Łukasz");
  CHECK(covered(r, "k") == "Kraków");
  TextIndex idx(r.set.document.text);
  CHECK(find(r, "k")->start == int64_t(idx.to_cp(r.set.document.text.find("Kraków"))));
}

TEST_CASE("files: telling a corrected version from another article") {
  std::string other = "A completely different story about football, goals and a late penalty in the rain.";
  CHECK(compare_texts(kText, kText).relation == TextRelation::same);
  std::string fixed = kText;
  fixed.replace(fixed.find("fragile"), 7, "weak");
  TextComparison c = compare_texts(kText, "UPDATE: " + fixed);
  CHECK(c.relation == TextRelation::revised);
  CHECK(c.similarity > 0.7);
  CHECK(compare_texts(kText, other).relation == TextRelation::different);
  CHECK(compare_texts(kText, "").relation == TextRelation::different);
}

TEST_CASE("files: a claim's speaker and cue move with it") {
  lede::AnnotationSet f;
  f.document.text = "Blinken argued that the plan works.";
  f.labels = lede::builtin_labels();
  lede::Annotation c;
  c.id = "c1";
  c.label = "claim";
  c.start = 20;
  c.end = 34;
  c.attrs = json{{"speaker", {{"start", 0}, {"end", 7}, {"text", "Blinken"}}}, {"cue", {{"start", 8}, {"end", 14}, {"text", "argued"}}}}.get<lede::Attrs>();
  f.annotations.push_back(c);
  lede::ReanchorResult r = lede::reanchor(f, "Update. Blinken argued that the plan works.");
  REQUIRE(r.set.annotations.size() == 1);
  const auto& a = r.set.annotations[0];
  CHECK(a.start == 28);
  CHECK(a.attrs.as_json()["speaker"]["start"] == 8);
  CHECK(a.attrs.as_json()["speaker"]["end"] == 15);
  CHECK(a.attrs.as_json()["cue"]["start"] == 16);
  // A speaker whose words changed keeps its text and loses its offsets.
  r = lede::reanchor(f, "Update. The minister argued that the plan works.");
  REQUIRE(r.set.annotations.size() == 1);
  CHECK_FALSE(r.set.annotations[0].attrs.as_json()["speaker"].contains("start"));
  CHECK(r.set.annotations[0].attrs.as_json()["speaker"]["text"] == "Blinken");
}
