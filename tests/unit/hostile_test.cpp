// Hostile input and hard limits (issue 17): each case here failed before its fix. They run
// natively and in WebAssembly (ctest unit.wasm), where size_t is 32 bits.
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>

#include "core/article.hpp"
#include "core/json_input.hpp"
#include "core/lede_file.hpp"
#include "core/limits.hpp"
#include "core/load.hpp"
#include "core/reanchor.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "core/w3c.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kText = "Zoë said “hello” to Kyiv.";

// A valid Lede file on kText with the given annotations and orphans (JSON array bodies).
std::string lede_file(const std::string& annotations, const std::string& orphans = "") {
  std::string text = kText;
  std::string f = R"({"format":"lede-annotations","version":1,"document":{"text":")" + text + R"("},"annotations":[)" +
                  annotations + "]";
  if (!orphans.empty()) f += R"(,"orphans":[)" + orphans + "]";
  return f + "}";
}

std::string w3c_annotation(const std::string& selectors, const std::string& extra = "") {
  return R"({"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","lede:document":{"lede:text":")" +
         std::string(kText) + R"("},"first":{"type":"AnnotationPage","items":[{"type":"Annotation")" + extra +
         R"(,"body":[{"type":"TextualBody","purpose":"tagging","value":"actor"}],"target":{"selector":[)" + selectors +
         "]}}]}}";
}

std::string first_problem(const std::vector<Problem>& ps) {
  if (ps.empty()) return "";
  return ps[0].path.empty() ? ps[0].message : ps[0].path + ": " + ps[0].message;
}

}  // namespace

TEST_CASE("hostile: JSON input is bounded in depth and refuses repeated keys, for every reader") {
  std::string deep = std::string(100000, '[') + "1" + std::string(100000, ']');
  CHECK(parse_json_input(deep, 64).fault == JsonFault::too_deep);
  CHECK(parse_json_input(R"({"id":)" + deep + R"(,"text":"x"})", 64).fault == JsonFault::too_deep);
  JsonInput dup = parse_json_input(R"({"text":"a","b":{"x":1,"x":2}})", 64);
  CHECK(dup.fault == JsonFault::duplicate_key);
  CHECK(dup.key == "x");
  // The same key in sibling objects is fine; escapes name the same key.
  CHECK(parse_json_input(R"([{"a":1},{"a":2}])", 64).ok);
  CHECK(parse_json_input(R"({"a":1,"\u0061":2})", 64).fault == JsonFault::duplicate_key);
  CHECK(parse_json_input(R"({"a":1)", 64).fault == JsonFault::truncated);
  CHECK(parse_json_input(R"({"a":"unterminated)", 64).fault == JsonFault::truncated);
  CHECK(parse_json_input(R"({"a":1e999})", 64).fault == JsonFault::number_too_large);

  // W3C files with a repeated key are refused like Lede files (the last value used to win).
  std::string w = w3c_annotation(R"({"type":"TextPositionSelector","start":0,"end":3,"start":5})");
  W3CImport r = read_w3c(w);
  REQUIRE_FALSE(r.ok);
  CHECK(first_problem(r.problems).find("The key \"start\" appears twice") != std::string::npos);
}

TEST_CASE("hostile: validating is linear in the number of annotations") {
  // 1,000 vs 64,000 annotations, CPU time per annotation: the old duplicate-key callback reader
  // measured 14.5 vs 241 us (16.6x; 15.4 s for the larger file), this one 11.9 vs 16.1 us (1.35x).
  // 4x leaves room for a busy machine and still catches anything quadratic.
#ifdef __EMSCRIPTEN__
  const int big = 16000;
#else
  const int big = 64000;
#endif
  auto make = [](int n) {
    std::string anns;
    for (int i = 0; i < n; ++i) {
      if (i) anns += ',';
      anns += R"({"id":"a)" + std::to_string(i) + R"(","label":"actor","start":0,"end":3,"origin":"auto","status":"suggested","attrs":{"kind":"person","entity":"Zoë"}})";
    }
    return lede_file(anns);
  };
  std::string small_file = make(1000), big_file = make(big);
  std::clock_t c0 = std::clock();
  for (int k = 0; k < 8; ++k) REQUIRE(read_lede_file(small_file).ok);
  double per_small = double(std::clock() - c0) / CLOCKS_PER_SEC / (8 * 1000);
  c0 = std::clock();
  LoadResult r = read_lede_file(big_file);
  double per_big = double(std::clock() - c0) / CLOCKS_PER_SEC / big;
  REQUIRE(r.ok);
  CHECK(r.set.annotations.size() == size_t(big));
  INFO("per annotation: small " << per_small * 1e6 << " us, big " << per_big * 1e6 << " us");
  CHECK(per_big < 4 * per_small + 2e-6);
}

TEST_CASE("hostile: precise messages for what is actually wrong") {
  // A zero byte, UTF-16 without a byte-order mark (used to say "may be truncated").
  std::string be, le;
  for (char c : std::string(R"({"format":"lede-annotations"})")) { be += '\0'; be += c; le += c; le += '\0'; }
  CHECK(read_lede_file(be).summary(1).find("UTF-16 (big-endian, without a byte-order mark)") != std::string::npos);
  CHECK(read_lede_file(le).summary(1).find("UTF-16 (little-endian, without a byte-order mark)") != std::string::npos);
  std::string nul = lede_file("");
  nul.insert(5, 1, '\0');
  CHECK(read_lede_file(nul).summary(1) == "The file contains a zero byte at offset 5: it is binary data, not JSON text.");
  CHECK(first_problem(read_w3c(be).problems).find("UTF-16 (big-endian") != std::string::npos);

  // TextPositionSelector: negative, 2^63, fractional (used to say "has no TextPositionSelector").
  struct Case { const char* sel; const char* want; };
  const Case cases[] = {
      {R"({"type":"TextPositionSelector","start":-1,"end":3})", "target.selector[0].start: must not be negative, found -1"},
      {R"({"type":"TextPositionSelector","start":0,"end":9223372036854775808})", "target.selector[0].end: is too large (9223372036854775808)"},
      {R"({"type":"TextPositionSelector","start":0.5,"end":3})", "target.selector[0].start: must be a whole number, found 0.5"},
      {R"({"type":"TextPositionSelector","start":0,"end":"3"})", "target.selector[0].end: must be a whole number, found a string"},
      {R"({"type":"TextPositionSelector","start":4,"end":3})", "target.selector[0]: start (4) is after end (3)"},
  };
  for (const Case& c : cases) {
    W3CImport r = read_w3c(w3c_annotation(c.sel));
    INFO(c.sel);
    REQUIRE_FALSE(r.ok);
    CHECK(first_problem(r.problems).find(c.want) != std::string::npos);
  }
}

TEST_CASE("hostile: CR inside document.text is refused, as the format says LF only") {
  std::string f = R"({"format":"lede-annotations","version":1,"document":{"text":"one\r\ntwo"},"annotations":[]})";
  LoadResult r = read_lede_file(f);
  REQUIRE_FALSE(r.ok);
  CHECK(r.summary(1) == "document.text: contains a carriage return (\\r) at byte 3; Lede texts end lines with LF only");
}

TEST_CASE("hostile: offsets are range-checked the same way on 32- and 64-bit builds") {
  // An orphan at 2^32 whose quote is the text's start: with a 32-bit size_t, 2^32 became 0 and
  // the orphan was "re-anchored" to 4294967296, a file the validator then refused.
  std::string f = lede_file(R"({"id":"a","label":"actor","start":0,"end":3})",
                            R"({"id":"o","label":"actor","start":4294967296,"end":4294967299,"quote":{"exact":"Zoë"}})");
  LoadResult r = read_lede_file(f);
  REQUIRE(r.ok);
  ReanchorResult ra = reanchor(r.set, r.set.document.text + " More.");
  for (const Annotation& a : ra.set.annotations) {
    INFO(a.id);
    CHECK(a.end <= int64_t(utf8_length(ra.set.document.text)));
  }
  CHECK(read_lede_file(write_lede_file(ra.set, "test")).ok);
  // The same through anchor_quotes directly, at 2^32 and 2^53.
  for (int64_t at : {int64_t(1) << 32, int64_t(1) << 53}) {
    std::vector<Anchor> an = anchor_quotes({AnchorQuery{TextQuote{"Zoë", "", ""}, at, at + 3}}, kText);
    REQUIRE(an.size() == 1);
    CHECK(an[0].method != AnchorMethod::position);
    CHECK(an[0].end <= 25);
  }

  // A quote-only W3C annotation: the page refused it ("end: is too large (9007199254741001)")
  // while the CLI accepted it. One reader, one verdict, placed at its quote.
  AnnotationsLoad w = load_annotations("q.jsonld", w3c_annotation(R"({"type":"TextQuoteSelector","exact":"Zoë"})"));
  REQUIRE(w.ok);
  REQUIRE(w.set.annotations.size() == 1);
  CHECK(w.set.annotations[0].start == 0);
  CHECK(w.set.annotations[0].end == 3);

  // The page shows `error`: it names the problem, for either kind of file.
  AnnotationsLoad bad = load_annotations("notes.json", "this is { not json");
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.error == "This is not a valid Lede annotation file. Nothing was changed.\n\n"
                     "This is not a JSON file: it has a syntax error (line 1, column 2).");
  CHECK(bad.problems.size() == 1);
  AnnotationsLoad bad_w3c = load_annotations("x.jsonld", "[1]");
  REQUIRE_FALSE(bad_w3c.ok);
  CHECK(bad_w3c.error == "This is not a W3C Web Annotation file Lede can read. Nothing was changed.\n\n[0]: must be an Annotation object");
}

TEST_CASE("hostile: an orphan at 2^53 keeps its offsets through a W3C round trip") {
  std::string f = lede_file("", R"({"id":"o","label":"actor","start":9007199254740992,"end":9007199254740992,"quote":{"exact":"Paris"}})");
  LoadResult r = read_lede_file(f);
  REQUIRE(r.ok);
  std::string text = r.set.document.text;
  const std::string* articles[] = {nullptr, &text};
  for (const std::string* article : articles) {
    W3CImport back = read_w3c(write_w3c(r.set, "test"), article);
    REQUIRE(back.ok);
    REQUIRE(back.set.orphans.size() == 1);
    CHECK(back.set.orphans[0].start == int64_t(1) << 53);  // was 0 with the article given
  }
}

TEST_CASE("hostile: a lenient read keeps every valid annotation and lists what it dropped") {
  std::string f = lede_file(
      R"({"id":"a1","label":"actor","start":0,"end":3},)"
      R"({"id":"a2","label":"actor","start":0,"end":99},)"
      R"({"id":"a3","label":"nope","start":4,"end":8},)"
      R"("not an object",)"
      R"({"id":"a1","label":"claim","start":10,"end":15},)"
      R"({"id":"a5","label":"claim","start":10,"end":15})",
      R"({"id":"o1","label":"actor","start":4294967296,"end":4294967300,"quote":{"exact":"Kiev"}},)"
      R"({"id":"o2","label":"actor","start":1,"end":2})");
  CHECK_FALSE(read_lede_file(f).ok);
  LoadResult r = read_lede_file_lenient(f);
  REQUIRE(r.ok);
  REQUIRE(r.set.annotations.size() == 2);
  CHECK(r.set.annotations[0].id == "a1");
  CHECK(r.set.annotations[1].id == "a5");
  REQUIRE(r.set.orphans.size() == 1);
  CHECK(r.set.orphans[0].id == "o1");
  CHECK(r.set.orphans[0].start == int64_t(1) << 32);
  REQUIRE(r.dropped.size() == 5);
  CHECK(r.dropped[0].path == "annotations[1].end");
  CHECK(r.dropped[0].message.find("past the end of the text") != std::string::npos);
  CHECK(r.dropped[0].message.find("(id \"a2\")") != std::string::npos);
  CHECK(r.dropped[1].path == "annotations[2].label");
  CHECK(r.dropped[2].path == "annotations[3]");
  CHECK(r.dropped[3].path == "annotations[4].id");
  CHECK(r.dropped[4].path == "orphans[1].quote");
  CHECK(r.dropped_summary(2).find("(3 more)") != std::string::npos);
  // What it keeps saves to a file the strict reader accepts.
  CHECK(read_lede_file(write_lede_file(r.set, "test")).ok);
  // A file-level problem still fails: nothing in it can be trusted.
  CHECK_FALSE(read_lede_file_lenient("{\"format\":\"lede-annotations\",\"version\":2}").ok);
}

TEST_CASE("hostile: Markdown with a million brackets is linear") {
  auto timed = [](const std::string& md) {
    auto t0 = std::chrono::steady_clock::now();
    std::string h;
    std::string out = markdown_to_text(md, &h);
    CHECK(out.size() <= md.size());
    return seconds_since(t0);
  };
  // 1 MB of '[' took 4.6 s (each searched the rest of the line for ']').
  double opens = timed(std::string(1u << 20, '['));
  // Nested links: "[[[[x](u)](u)](u)" recursed once per level (quadratic, and deep recursion).
  std::string nested = std::string(200000, '[') + "x";
  for (int i = 0; i < 200000; ++i) nested += "](u)";
  double deep = timed(nested);
  std::string mixed;
  for (int i = 0; i < 100000; ++i) mixed += "[a] (b) [c](d) ](";
  double mix = timed(mixed);
  CHECK(opens < 1.0);
  CHECK(deep < 1.0);
  CHECK(mix < 1.0);
  std::string h;
  CHECK(markdown_to_text("See [the report](http://x) and ![a chart](c.png).", &h) == "See the report and a chart.");
  CHECK(markdown_to_text("[a [b](c) d](e) f", &h) == "a [b d](e) f");  // as before: the first ']' closes
}

TEST_CASE("hostile: the writer is compact, gives suggestions no quote, and matches the JSON tree") {
  AnnotationSet s;
  s.document.text = kText;
  s.labels = builtin_labels();
  Annotation sug;
  sug.id = "s1";
  sug.label = "actor";
  sug.origin = Origin::automatic;
  sug.status = Status::suggested;
  sug.start = 0;
  sug.end = 3;
  Annotation mine = sug;
  mine.id = "u1";
  mine.origin = Origin::user;
  mine.status = Status::accepted;
  s.annotations = {sug, mine};
  Annotation o = mine;
  o.id = "o1";
  o.start = o.end = int64_t(1) << 40;
  o.quote = {"Kiev", "", ""};
  s.orphans = {o};
  s.author = "me";
  std::string compact = write_lede_file(s, "test");
  CHECK(compact == lede_file_json(s, "test").dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
  json j = json::parse(compact);
  CHECK_FALSE(j["annotations"][0].contains("quote"));
  CHECK(j["annotations"][1]["quote"]["exact"] == "Zoë");
  CHECK(j["orphans"][0]["quote"]["exact"] == "Kiev");
  CHECK(write_lede_file(s, "test", true).find("\n  \"annotations\": [") != std::string::npos);
  LoadResult r = read_lede_file(compact);
  REQUIRE(r.ok);
  CHECK(r.set.annotations[0].quote.exact == "Zoë");  // recomputed from the text on reading
}

TEST_CASE("hostile: the caps are stated once and agree with each other") {
  CHECK(kMaxArticleBytes < kMaxFileBytes);
  CHECK(kMaxFileBytes <= kMaxW3CFileBytes);  // a reader takes the larger first, then the kind's own
  // A file of kMaxAnnotations suggestions of 250 bytes each and a 4 MB text JSON-escaped at the
  // worst ratio for news text (2x) fits the file cap.
  CHECK(kMaxAnnotations * 250 + 2 * kMaxArticleBytes < kMaxFileBytes);
  CHECK(kMaxJsonlLineBytes > 2 * kMaxArticleBytes);
  // Articles over the cap are refused, with the cap named.
  ArticleResult big = article_from_file("a.txt", std::string(kMaxArticleBytes + 1, 'a'));
  CHECK_FALSE(big.ok);
  CHECK(big.error.find("Lede opens articles up to 4 MB") != std::string::npos);
  // So are files with more annotations than the cap, before anything is built from them.
  std::string anns;
  for (size_t i = 0; i <= kMaxAnnotations; ++i) anns += std::string(i ? "," : "") + "{}";
  LoadResult r = read_lede_file(lede_file(anns));
  REQUIRE_FALSE(r.ok);
  CHECK(r.summary(1) == "The file holds 200001 annotations and orphans; the limit is 200000.");
  std::vector<Annotation> many(kMaxAnnotations + 7);
  CHECK(cap_suggestions(&many) == 7);
  CHECK(many.size() == kMaxAnnotations);
}

TEST_CASE("hostile: the streamed reader hands over one element at a time and keeps the checks") {
  auto pick = [](const std::vector<std::string>& path) { return path.size() == 1 && path[0] == "annotations"; };
  std::string doc = R"({"annotations":[1,{"a":[2,{"b":3}]},"x",[4]],"b":{"annotations":[5]},"c":[6]})";
  std::vector<std::string> got;
  json rest;
  JsonStreamCounts counts;
  JsonInput in = parse_json_streamed(
      doc, 64, pick,
      [&](const JsonStreamItem& at, json& item) {
        got.push_back(std::to_string(at.array) + "/" + std::to_string(at.index) + ":" + item.dump());
        return true;
      },
      &rest, &counts);
  REQUIRE(in.ok);
  CHECK(got == std::vector<std::string>{"0/0:1", "0/1:{\"a\":[2,{\"b\":3}]}", "0/2:\"x\"", "0/3:[4]"});
  // The rest is the whole tree but for the streamed array's elements; a nested "annotations" is not picked.
  CHECK(rest.dump() == R"({"annotations":[],"b":{"annotations":[5]},"c":[6]})");
  CHECK(counts.total() == 4);
  // Counting only (no element built), then stopping early.
  JsonStreamCounts only;
  CHECK(parse_json_streamed(doc, 64, pick, nullptr, nullptr, &only).ok);
  CHECK(only.total() == 4);
  size_t seen = 0;
  JsonInput stopped = parse_json_streamed(doc, 64, pick, [&](const JsonStreamItem&, json&) { return ++seen < 2; }, nullptr);
  CHECK(stopped.ok);
  CHECK(stopped.stopped);
  CHECK(seen == 2);
  // Inside an element, as outside: repeated keys, depth, syntax.
  CHECK(parse_json_streamed(R"({"annotations":[{"x":1,"x":2}]})", 64, pick, nullptr, nullptr).fault == JsonFault::duplicate_key);
  CHECK(parse_json_streamed(R"({"annotations":[[[[1]]]]})", 3, pick, nullptr, nullptr).fault == JsonFault::too_deep);
  CHECK(parse_json_streamed(R"({"annotations":[{"x":1},)", 64, pick, nullptr, nullptr).fault == JsonFault::truncated);
  CHECK(parse_json_streamed(R"({"annotations":[{"x":1}}])", 64, pick, nullptr, nullptr).fault == JsonFault::syntax);
}

TEST_CASE("hostile: validating without keeping gives the same verdict, messages and counts") {
  // `lede validate` reads with keep = false (bounded memory); the page and convert keep. Every
  // file of the test corpus gets the same answer both ways.
  size_t files = 0, valid = 0;
  for (const char* dir : {"tests/data/good", "tests/data/bad", "tests/data/w3c"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::string(LEDE_SOURCE_DIR) + "/" + dir)) {
      if (!e.is_regular_file()) continue;
      std::string name = e.path().filename().string();
      std::string bytes = read_source_file(std::string(dir) + "/" + name);
      INFO(dir << "/" << name);
      AnnotationsLoad kept = load_annotations(name, bytes, true), counted = load_annotations(name, bytes, false);
      CHECK(kept.ok == counted.ok);
      CHECK(kept.error == counted.error);
      CHECK(kept.annotation_count == counted.annotation_count);
      CHECK(kept.orphan_count == counted.orphan_count);
      if (kept.ok) {
        CHECK(kept.annotation_count == kept.set.annotations.size());
        CHECK(kept.orphan_count == kept.set.orphans.size());
        CHECK(counted.set.annotations.empty());
        ++valid;
      }
      ++files;
    }
  }
  CHECK(files >= 90);
  CHECK(valid >= 5);
}
