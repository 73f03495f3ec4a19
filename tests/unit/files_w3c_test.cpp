// W3C Web Annotation export/import.
#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "core/sha256.hpp"
#include "core/w3c.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {

void check_same(const Annotation& a, const Annotation& b) {
  INFO("annotation " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.label == b.label);
  CHECK(a.origin == b.origin);
  CHECK(a.status == b.status);
  CHECK(a.start == b.start);
  CHECK(a.end == b.end);
  CHECK(a.note == b.note);
  CHECK(a.attrs == b.attrs);
  CHECK(a.created == b.created);
  CHECK(a.modified == b.modified);
  CHECK(a.author == b.author);
  CHECK(a.quote.exact == b.quote.exact);
  CHECK(a.quote.prefix == b.quote.prefix);
  CHECK(a.quote.suffix == b.quote.suffix);
  CHECK(a.review == b.review);
}

void check_same(const AnnotationSet& a, const AnnotationSet& b) {
  CHECK(a.document.title == b.document.title);
  CHECK(a.document.text == b.document.text);
  CHECK(a.author == b.author);
  CHECK(a.document.meta == b.document.meta);
  REQUIRE(a.ratings.size() == b.ratings.size());
  for (size_t i = 0; i < a.ratings.size(); ++i) {
    CHECK(a.ratings[i].id == b.ratings[i].id);
    CHECK(a.ratings[i].name == b.ratings[i].name);
    CHECK(a.ratings[i].color == b.ratings[i].color);
    CHECK(a.ratings[i].value == b.ratings[i].value);
  }
  REQUIRE(a.labels.size() == b.labels.size());
  for (size_t i = 0; i < a.labels.size(); ++i) {
    CHECK(a.labels[i].id == b.labels[i].id);
    CHECK(a.labels[i].name == b.labels[i].name);
    CHECK(a.labels[i].color == b.labels[i].color);
  }
  REQUIRE(a.annotations.size() == b.annotations.size());
  for (size_t i = 0; i < a.annotations.size(); ++i) check_same(a.annotations[i], b.annotations[i]);
  REQUIRE(a.orphans.size() == b.orphans.size());
  for (size_t i = 0; i < a.orphans.size(); ++i) check_same(a.orphans[i], b.orphans[i]);
}

AnnotationSet big_set() {
  AnnotationSet s;
  s.document.title = "Many";
  for (int i = 0; i < 1200; ++i) s.document.text += "Sentence " + std::to_string(i) + " says “ça va” 🙂.\n";
  s.labels = builtin_labels();
  s.labels.push_back({"l4", "Quote, direct", "#AA3377"});
  s.author = "reader-a";
  for (int i = 0; i < 2100; ++i) {
    Annotation a;
    a.id = "a" + std::to_string(i);
    a.label = s.labels[size_t(i) % 4].id;
    a.origin = i % 3 ? Origin::user : Origin::automatic;
    a.status = Status(i % 3);
    a.start = i * 10;
    a.end = i * 10 + 1 + i % 7;
    if (i % 5 == 0) a.note = "note «" + std::to_string(i) + "»\nwith a line";
    if (i % 4 == 0) a.attrs = json{{"kind", "number"}, {"value", i * 0.5}, {"nested", {{"x", json::array({1, 2})}}}}.get<lede::Attrs>();
    if (i % 2) a.created = a.modified = "2026-03-01T12:00:00Z";
    if (i % 7 == 0) a.author = "reader-b";
    s.annotations.push_back(a);
  }
  return s;
}

}  // namespace

TEST_CASE("files: Lede -> W3C -> Lede keeps every annotation exactly") {
  for (const char* f : {"tests/data/good/full.lede.json", "tests/data/good/minimal.lede.json", "docs/example.lede.json",
                        "tests/data/good/review.lede.json"}) {
    INFO(std::string(f));
    LoadResult r = read_lede_file(read_source_file(f));
    REQUIRE(r.ok);
    std::string w = write_w3c(r.set, "test");
    W3CImport back = read_w3c(w);
    INFO(back.summary());
    REQUIRE(back.ok);
    CHECK(back.by_position == r.set.annotations.size());
    CHECK(back.orphaned == 0);  // the file's own orphans are kept as they are, not counted again
    check_same(r.set, back.set);
    // And the Lede file written from the import is byte-identical to one written from the original.
    CHECK(write_lede_file(back.set, "x") == write_lede_file(r.set, "x"));
  }
  AnnotationSet s = big_set();
  LoadResult r = read_lede_file(write_lede_file(s, "test"));  // fills quotes as a file would
  REQUIRE(r.ok);
  json w = w3c_json(r.set, "test");
  CHECK(w["total"] == 2100);
  CHECK(w["first"]["items"].size() == kW3CPageSize);
  CHECK(w["first"]["next"]["next"]["items"].size() == 100);
  CHECK(w["last"] == w["first"]["next"]["next"]["id"]);
  W3CImport back = read_w3c(w.dump());
  REQUIRE(back.ok);
  CHECK(back.by_position == 2100);
  check_same(r.set, back.set);
}

TEST_CASE("files: the W3C export follows the Web Annotation model") {
  LoadResult r = read_lede_file(read_source_file("tests/data/good/full.lede.json"));
  REQUIRE(r.ok);
  json w = w3c_json(r.set, "test");
  CHECK(w["@context"][0] == "http://www.w3.org/ns/anno.jsonld");
  CHECK(w["type"] == "AnnotationCollection");
  CHECK(w["first"]["type"] == "AnnotationPage");
  const json& a = w["first"]["items"][1];
  CHECK(a["type"] == "Annotation");
  CHECK(a["target"]["source"] == "urn:sha256:" + sha256_hex(r.set.document.text));
  // An open suggestion: its quote without the context around it (the position and the text say it).
  CHECK(a["target"]["selector"][0] == json{{"type", "TextQuoteSelector"}, {"exact", "hello"}});
  CHECK(a["target"]["selector"][1] == json{{"type", "TextPositionSelector"}, {"start", 10}, {"end", 15}});
  CHECK(a["body"][0] == json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "claim"}});
  CHECK(a["body"][1]["purpose"] == "commenting");
  CHECK(a["body"][1]["value"] == "a greeting");
  CHECK(a["body"][2]["purpose"] == "describing");
  CHECK(a["body"][2]["format"] == "application/json");
  CHECK(json::parse(a["body"][2]["value"].get<std::string>()) == json{{"kind", "quote"}, {"speaker", "Zoë"}});
  CHECK(a["lede:origin"] == "auto");
  CHECK(a["lede:status"] == "suggested");
  CHECK(a["creator"]["name"] == "reader-b");
  CHECK(a["created"] == "2026-03-01T12:00:00Z");
  CHECK(w["lede:document"]["lede:text"] == r.set.document.text);
  CHECK(w["first"]["items"][3]["lede:orphan"] == true);
}

TEST_CASE("files: importing annotations from other tools") {
  std::string text = "The mayor of Springfield said the budget is balanced. The mayor later said more.";
  // Hypothesis-like: a single annotation with a quote, no position, tags and a comment.
  json hyp = {{"@context", "http://www.w3.org/ns/anno.jsonld"},
              {"id", "https://hypothes.is/a/XYZ"},
              {"type", "Annotation"},
              {"creator", "acct:kim@hypothes.is"},
              {"body", json::array({json{{"type", "TextualBody"}, {"value", "Who is this?"}, {"purpose", "commenting"}},
                                    json{{"type", "TextualBody"}, {"value", "person"}, {"purpose", "tagging"}}})},
              {"target", {{"source", "https://example.org/story"},
                          {"selector", json::array({json{{"type", "TextQuoteSelector"}, {"exact", "The mayor"}, {"prefix", "balanced. "}, {"suffix", " later"}}})}}}};
  W3CImport r = read_w3c(hyp.dump(), &text);
  INFO(r.summary());
  REQUIRE(r.ok);
  REQUIRE(r.set.annotations.size() == 1);
  const Annotation& a = r.set.annotations[0];
  CHECK(a.id == "XYZ");
  CHECK(a.start == 54);  // the second "The mayor": prefix and suffix break the tie
  CHECK(a.end == 63);
  CHECK(a.label == "person");
  CHECK(a.note == "Who is this?");
  CHECK(a.author == "acct:kim@hypothes.is");
  CHECK(r.reanchored == 1);
  bool has_person = false;
  for (auto& l : r.set.labels) has_person |= l.id == "person";
  CHECK(has_person);

  // A page of annotations, one whose quote is nowhere in the text: kept as an orphan.
  json page = {{"@context", "http://www.w3.org/ns/anno.jsonld"}, {"type", "AnnotationPage"}, {"items", json::array()}};
  page["items"].push_back(hyp);
  json gone = hyp;
  gone["id"] = "https://hypothes.is/a/GONE";
  gone["target"]["selector"][0] = {{"type", "TextQuoteSelector"}, {"exact", "a zebra crossing"}};
  page["items"].push_back(gone);
  r = read_w3c(page.dump(), &text);
  REQUIRE(r.ok);
  CHECK(r.set.annotations.size() == 1);
  REQUIRE(r.set.orphans.size() == 1);
  CHECK(r.set.orphans[0].quote.exact == "a zebra crossing");
  CHECK(r.orphaned == 1);
  // Without the text there is nothing to anchor to.
  CHECK_FALSE(read_w3c(page.dump()).ok);
  CHECK(read_w3c(page.dump()).summary().find("--text") != std::string::npos);
}

TEST_CASE("files: bad W3C input is rejected, never crashes") {
  std::string text = "abc";
  for (const char* bad : {"", "{", "[1,2]", "{\"type\":\"Annotation\"}", "{\"format\":\"lede-annotations\"}",
                          "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Thing\"}",
                          "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"target\":\"x\"}",
                          "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"AnnotationPage\",\"items\":{}}",
                          "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"AnnotationCollection\",\"first\":\"http://x/p1\"}"}) {
    INFO(bad);
    W3CImport r = read_w3c(bad, &text);
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.problems.empty());
  }
  W3CImport lede = read_w3c("{\"format\":\"lede-annotations\",\"version\":1}", &text);
  CHECK(lede.summary().find("this is a Lede file") != std::string::npos);
}

TEST_CASE("files: W3C keeps reviews as assessing bodies, and the details and scale on the collection") {
  LoadResult r = read_lede_file(read_source_file("tests/data/good/review.lede.json"));
  REQUIRE(r.ok);
  json w = w3c_json(r.set, "test");
  CHECK(w["lede:version"] == kFormatVersion);
  CHECK(w["lede:meta"]["url"] == "https://news.example.org/2026/03/mayor-crime");
  CHECK(w["lede:meta"]["published"] == "2026-03-01");
  REQUIRE(w["lede:ratings"].size() == 3);
  CHECK(w["lede:ratings"][2] == json{{"id", "false"}, {"name", "False"}, {"color", "#c62828"}, {"value", 1}});
  const json& a = w["first"]["items"][1];
  const json& body = a["body"].back();
  CHECK(body["type"] == "TextualBody");
  CHECK(body["purpose"] == "assessing");
  CHECK(body["value"] == "false");
  CHECK(body["lede:review"]["status"] == "checked");
  CHECK(body["lede:review"]["reviewer"] == "R. Checker");
  CHECK(body["lede:review"]["date"] == "2026-03-02T09:30:00Z");
  CHECK(body["lede:review"]["evidence"][0]["url"] == "https://police.example.org/stats/2025");
  CHECK_FALSE(body["lede:review"].contains("rating"));  // the value says it
  for (const json& b : w["first"]["items"][0]["body"]) CHECK(b["purpose"] != "assessing");  // no review, no body

  W3CImport back = read_w3c(w.dump());
  INFO(back.summary());
  REQUIRE(back.ok);
  check_same(r.set, back.set);
  REQUIRE(back.set.annotations[1].review);
  CHECK(back.set.annotations[1].review->evidence.size() == 2);
  REQUIRE(back.set.orphans.size() == 1);
  CHECK(back.set.orphans[0].review->rating == "misleading");

  // Another tool's assessment, not a rating of the scale: kept as the review's explanation.
  std::string text = r.set.document.text;
  json other = json::array({json{{"type", "Annotation"},
                                 {"body", json::array({json{{"type", "TextualBody"}, {"purpose", "assessing"}, {"value", "Pants on fire"}}})},
                                 {"target", {{"selector", {{"type", "TextQuoteSelector"}, {"exact", "The mayor"}}}}}}});
  W3CImport imported = read_w3c(other.dump(), &text);
  INFO(imported.summary());
  REQUIRE(imported.ok);
  REQUIRE(imported.set.annotations.size() == 1);
  REQUIRE(imported.set.annotations[0].review);
  CHECK(imported.set.annotations[0].review->rating.empty());
  CHECK(imported.set.annotations[0].review->explanation == "Pants on fire");

  // A bad value in an imported review is refused like one in a Lede file.
  json bad = w;
  bad["first"]["items"][1]["body"].back()["lede:review"]["evidence"][0]["url"] = "javascript:alert(1)";
  W3CImport refused = read_w3c(bad.dump());
  CHECK_FALSE(refused.ok);
  CHECK(refused.summary(1).find("review.evidence[0].url: must be an http or https URL") != std::string::npos);
}

TEST_CASE("files: a speaker span whose text is not the document's comes back from W3C as the Lede reader keeps it") {
  // Found by the loader fuzz target: the W3C import re-anchors, and used to drop the offsets of a
  // speaker span whose text differs from the words at them, while the Lede reader keeps them.
  AnnotationSet s;
  s.document.text = "Acme Corp said that was wrong.";
  s.labels = builtin_labels();
  Annotation c;
  c.id = "c1";
  c.label = "claim";
  c.start = 15;
  c.end = 29;
  c.attrs = json{{"speaker", {{"start", 0}, {"end", 9}, {"text", "Ahme Corp"}, {"entity", "Acme Corp"}}}}.get<Attrs>();
  s.annotations.push_back(c);
  LoadResult r = read_lede_file(write_lede_file(s, "test"));
  REQUIRE(r.ok);
  CHECK(r.set.annotations[0].attrs.speaker.has_offsets());
  W3CImport back = read_w3c(write_w3c(r.set, "test"));
  REQUIRE(back.ok);
  check_same(r.set, back.set);
  CHECK(write_lede_file(back.set, "x") == write_lede_file(r.set, "x"));
}
