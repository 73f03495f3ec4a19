// The caps of src/core/limits.hpp agree with each other: the largest article Lede opens goes
// through the analysis, the writer and the reader (what the page's save, autosave and reopen do,
// and `lede analyze` then `lede validate`), and every written form fits the file cap.
#include <doctest/doctest.h>

#include <string>

#include "core/article.hpp"
#include "core/lede_file.hpp"
#include "core/limits.hpp"
#include "core/load.hpp"
#include "core/w3c.hpp"
#include "test_support.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#endif

using namespace lede;

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("limits: the largest accepted article is analysed, saved and opened again") {
  // News prose (the default article, repeated) up to the article cap, as a file the reader opens.
  std::string one = read_source_file("assets/articles/dprk-missiles-un.txt");
  REQUIRE(!one.empty());
  std::string bytes;
  while (bytes.size() + one.size() + 2 <= kMaxArticleBytes) bytes += one + "\n\n";
  REQUIRE(bytes.size() > kMaxArticleBytes - one.size() - 2);
  ArticleResult art = article_from_file("largest.txt", bytes);
  REQUIRE(art.ok);
  CHECK_FALSE(article_from_file("over.txt", bytes + std::string(kMaxArticleBytes - bytes.size() + 1, 'x')).ok);

  static const Analyzer analyzer;
  AnnotationSet set;
  set.document = art.document;
  set.labels = builtin_labels();
  set.annotations = analyzer.analyze(set.document.text);
  CHECK(cap_suggestions(&set.annotations) == 0);  // news text stays within kMaxAnnotations
  MESSAGE("largest article: " << bytes.size() << " bytes, " << set.annotations.size() << " suggestions");

  std::string file = write_lede_file(set, "test");
  MESSAGE("its file: " << file.size() << " bytes");
  CHECK(file.size() <= kMaxFileBytes);
  AnnotationsLoad back = load_annotations("largest.lede.json", file);
  REQUIRE(back.ok);
  CHECK(back.set.annotations.size() == set.annotations.size());
  CHECK(back.set.document.text == set.document.text);
  // Saved again unchanged: the same bytes (what autosave and reopen rely on).
  CHECK(bool(write_lede_file(back.set, "test") == file));
  back = {};

  // Exported as W3C JSON-LD: within the W3C cap, and read back to the same file.
  std::string w3c = write_w3c(set, "test");
  MESSAGE("its W3C export: " << w3c.size() << " bytes");
  CHECK(w3c.size() <= kMaxW3CFileBytes);
  AnnotationsLoad from_w3c = load_annotations("largest.jsonld", w3c);
  REQUIRE(from_w3c.ok);
  CHECK(from_w3c.set.annotations.size() == set.annotations.size());
  CHECK(bool(write_lede_file(from_w3c.set, "test") == file));
}
#endif

TEST_CASE("limits: a file at the annotation cap fits the file cap, and so does its text") {
  // kMaxAnnotations annotations of the longest kind the analysis writes (a claim with speaker
  // and cue), on a text of kMaxArticleBytes.
  AnnotationSet set;
  set.document.text = std::string(kMaxArticleBytes - 64, 'a') + "\n";
  set.labels = builtin_labels();
  set.annotations.reserve(kMaxAnnotations);
  for (size_t i = 0; i < kMaxAnnotations; ++i) {
    Annotation a;
    a.id = "s" + std::to_string(i + 1);
    a.label = "claim";
    a.origin = Origin::automatic;
    a.status = Status::suggested;
    a.start = int64_t(i * 10);
    a.end = a.start + 9;
    a.attrs.kind = "statement";
    a.attrs.speaker.state = SpanAttr::State::set;
    a.attrs.speaker.start = a.start;
    a.attrs.speaker.end = a.start + 4;
    a.attrs.speaker.text = "Anna Kowalska";
    a.attrs.speaker.entity = "Anna Kowalska";
    a.attrs.cue.state = SpanAttr::State::set;
    a.attrs.cue.start = a.start + 5;
    a.attrs.cue.end = a.start + 9;
    a.attrs.cue.text = "said";
    set.annotations.push_back(std::move(a));
  }
  std::string file = write_lede_file(set, "test");
  MESSAGE("a file at the annotation cap: " << file.size() << " bytes");
  CHECK(file.size() <= kMaxFileBytes);
#ifndef __EMSCRIPTEN__  // reading 200,000 annotations back is slow in Wasm under node; the same code
  CHECK(read_lede_file(file).ok);
#endif
  // Its W3C export does not fit (IRIs, selectors and bodies for every one): it is refused with
  // a message that says why and what to do, never written as a file Lede would not open.
  std::string w3c = write_w3c(set, "test");
  MESSAGE("its W3C export: " << w3c.size() << " bytes");
  CHECK(w3c.size() > kMaxW3CFileBytes);
  CHECK(w3c_export_fault(w3c.size()).find("so it was not written. Save the annotations as a Lede file") != std::string::npos);
  CHECK(w3c_export_fault(kMaxW3CFileBytes).empty());
  CHECK_FALSE(w3c_export_fault(kMaxW3CFileBytes + 1).empty());
}

TEST_CASE("limits: the W3C export is written page by page, and open suggestions carry no context") {
  // Three pages (1,000 annotations each) and orphans; the compact writer never builds the whole
  // collection as a tree but writes the same bytes as the tree would.
  AnnotationSet set;
  std::string sentence = "Kim said the tests pass. ";
  for (int i = 0; i < 200; ++i) set.document.text += sentence;
  set.document.title = "Tests";
  set.document.meta.outlet = "Example News";
  set.labels = builtin_labels();
  set.author = "me";
  for (int i = 0; i < 2500; ++i) {
    Annotation a;
    a.id = "s" + std::to_string(i + 1);
    a.label = "actor";
    a.origin = i % 3 == 2 ? Origin::user : Origin::automatic;
    a.status = i % 3 == 0 ? Status::suggested : Status::accepted;
    a.start = int64_t(i % 200) * int64_t(sentence.size());
    a.end = a.start + 3;
    if (i % 5 == 0) a.note = "note " + std::to_string(i);
    set.annotations.push_back(a);
  }
  Annotation o = set.annotations[1];
  o.id = "o1";
  o.start = o.end = 7;
  o.quote = {"Lee", "before ", " after"};
  set.orphans = {o};

  std::string w = write_w3c(set, "test");
  CHECK(w == w3c_json(set, "test").dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
  json j = json::parse(w);
  CHECK(j["total"] == 2501);
  CHECK(j["first"]["next"]["next"]["startIndex"] == 2000);
  CHECK(j["last"] == j["first"]["next"]["next"]["id"]);
  const json& open = j["first"]["items"][0];      // an open suggestion of the analysis
  const json& accepted = j["first"]["items"][1];  // an accepted one
  CHECK(open["lede:status"] == "suggested");
  CHECK(open["target"]["selector"][0] == json{{"type", "TextQuoteSelector"}, {"exact", "Kim"}});
  CHECK_FALSE(open.contains("generator"));
  CHECK(accepted["target"]["selector"][0]["suffix"] == " said the tests pass. Kim said t");  // 32 code points
  CHECK(accepted["generator"]["name"] == "Lede analysis");
  CHECK(j["first"]["next"]["next"]["items"][500]["lede:orphan"] == true);

  // Read back: the same file.
  W3CImport back = read_w3c(w);
  REQUIRE(back.ok);
  CHECK(back.annotation_count == 2500);
  CHECK(back.orphan_count == 1);
  CHECK(bool(write_lede_file(back.set, "test") == write_lede_file(set, "test")));
}
