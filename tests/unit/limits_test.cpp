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
}
