// The batch paths of `lede analyze` (issue 16, fast batch) write JSON without nlohmann's trees and
// read --jsonl lines without building the text as a json value: their bytes and verdicts must be
// exactly nlohmann's, on real articles and on text made to trip an escaper.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/json_writer.hpp"
#include "core/lede_file.hpp"
#include "test_support.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#endif

using lede::json;

namespace {

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written_string(const std::string& s) {
  std::string out;
  lede::JsonWriter(out).string(s);
  return out;
}

// Text with every character class an escaper treats apart.
const std::string kTricky =
    "Kim said \"yes\" \\ no.\tTabs\x01 and \x1f, DEL \x7f, caf\xc3\xa9, \xe2\x80\x9cquoted\xe2\x80\x9d by Ana, "
    "\xf0\x9f\x98\x80 emoji.\nSome 300 people marched on 4 June 2024, said Reuters.\r\nA / slash.";

std::vector<std::string> texts() {
  std::vector<std::string> out = {read_source_file("assets/articles/dprk-missiles-un.txt"), kTricky,
                                  // invalid UTF-8 in a name and a number: the analysis replaces it
                                  "Mr. Jo\xff Smith said 3\xc3 people left Paris on Monday."};
  for (const char* f : {"tests/devset/dev.jsonl", "tests/devset/heldout.jsonl"}) {
    std::string all = read_source_file(f);
    size_t at = 0;
    while (at < all.size()) {
      size_t nl = all.find('\n', at);
      if (nl == std::string::npos) nl = all.size();
      if (nl > at) out.push_back(json::parse(all.substr(at, nl - at))["text"].get<std::string>());
      at = nl + 1;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("JsonWriter writes strings byte for byte as nlohmann's dump") {
  for (const std::string& s : {std::string(), kTricky, std::string("\xff\xfe bad \xc3 UTF-8 \xed\xa0\x80 surrogate"),
                               std::string("nul \0 inside", 12), std::string("\xe2\x82", 2)})
    CHECK(written_string(s) == dumped(json(s)));
}

TEST_CASE("JsonWriter writes any json value byte for byte as nlohmann's dump") {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<json> values = {nullptr, true, false, 0, -1, 300, INT64_MIN, INT64_MAX, UINT64_MAX, 0.0, -0.0, 0.1, 1.5,
                              -2.75, 1e21, 1e-7, 123456789.125, 5e-324, 1.7976931348623157e308, inf, -inf,
                              std::numeric_limits<double>::quiet_NaN(), "", kTricky, "\xff bad", json::array(),
                              json::object(), json::array({1, 2.5, "x", nullptr, json::array({json::object()})}),
                              json{{"zeta", 1}, {"alpha", json::array({0.25})}, {"caf\xc3\xa9 \"k\"", {{"b", false}, {"a", -3}}}}};
  for (const json& v : values) {
    std::string out;
    lede::JsonWriter(out).value(v);
    CHECK(out == dumped(v));
  }
}

TEST_CASE("JsonWriter writes attrs as to_json does, a file's own keys included") {
  lede::Attrs a;
  a.kind = "money";
  a.value = json::array({1.5, 2e300});
  a.currency = "EUR";
  a.approx = true;
  a.speaker.state = lede::SpanAttr::State::set;
  a.speaker.start = 3;
  a.speaker.end = 9;
  a.speaker.text = "Ana \"A\"";
  a.speaker.entity = "Ana";
  a.cue = lede::SpanAttr::null_span();
  std::string out;
  lede::JsonWriter(out).attrs(a);
  CHECK(out == dumped(json(a)));
  a.extra = json{{"zeta", 1}, {"approx", false}};  // keys of a file's own, merged in order
  out.clear();
  lede::JsonWriter(out).attrs(a);
  CHECK(out == dumped(json(a)));
  out.clear();
  lede::JsonWriter(out).attrs(lede::Attrs());
  CHECK(out == "{}");
}

TEST_CASE("read_jsonl_line gives parse_json_input's verdict on every line shape") {
  const std::vector<std::string> lines = {
      R"({"id": 1, "text": "Kim said so."})",
      R"(  {"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00 end","id":{"b":[1,2.50,"x"],"a":null}}  )",
      R"({"text": "caf)" "\xc3\xa9" R"(", "id": "x", "extra": [true, false, {"text": "nested"}]})",
      R"({"id": 3, "text": "a", "text": "b"})",           // a repeated key
      R"({"id": 3, "te\u0078t": "a", "text": "b"})",      // the same, spelled with an escape
      R"({"text": "lone \ud800 surrogate"})",
      R"({"text": "lone \udc00 low"})",
      R"({"text": "bad escape \x"})",
      R"({"text": "short \u12"})",
      std::string("{\"text\": \"raw\x01control\"}"),
      std::string("{\"text\": \"bad \xff byte\"}"),
      std::string("{\"text\": \"overlong \xc0\xaf\"}"),
      std::string("\xef\xbb\xbf{\"text\": \"after a BOM\"}"),
      R"({"text": 5})",
      R"({"id": 1})",
      R"({"text": "a"} trailing)",
      R"({"text": "a",})",
      R"({"text": "cut short)",
      R"({"id": tru, "text": "a"})",
      R"({"id": 1e999, "text": "a"})",
      R"({"id": 18446744073709551616, "text": "a"})",
      R"([1, 2])",
      R"("text")",
      R"({})",
      R"({"id": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "text": "deep"})",
      R"({"a":{"text":"inner"},"text":"outer"})",
  };
  for (const std::string& line : lines) {
    CAPTURE(line);
    lede::JsonInput whole = lede::parse_json_input(line, lede::kMaxJsonDepth);
    lede::JsonlLine got;
    lede::read_jsonl_line(line, lede::kMaxJsonDepth, &got);
    REQUIRE(got.in.ok == whole.ok);
    CHECK(got.in.fault == whole.fault);
    CHECK(got.in.key == whole.key);
    if (!whole.ok) continue;
    json value = got.in.value;
    if (got.fast) value["text"] = got.text;
    CHECK(value == whole.value);
  }
  // The fast path is the one taken for the common shape.
  lede::JsonlLine got;
  lede::read_jsonl_line(lines[1], lede::kMaxJsonDepth, &got);
  CHECK(got.fast);
  CHECK(got.text == "a\"b\\c/d\b\f\n\r\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 end");
}

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("analyze_each hands over what analyze returns; the --jsonl suggestion is nlohmann's dump") {
  static const lede::Analyzer analyzer;
  size_t total = 0;
  for (const std::string& text : texts()) {
    std::vector<lede::Annotation> all = analyzer.analyze(text);
    size_t i = 0;
    analyzer.analyze_each(text, [&](lede::Annotation& a) {
      REQUIRE(i < all.size());
      const lede::Annotation& b = all[i++];
      CHECK(json(a) == json(b));
      const std::string expected = dumped(json{{"label", a.label}, {"start", a.start}, {"end", a.end}, {"attrs", a.attrs}});
      std::string out;
      {
        lede::JsonWriter w(out);
        lede::write_jsonl_suggestion(w, a);
        w.finish();  // out holds exactly what it wrote, the writer still there
        CHECK(out == expected);
        w.put('\n');  // and it writes on after finish()
      }
      CHECK(out == expected + "\n");
    });
    CHECK(i == all.size());
    total += i;
  }
  CHECK(total > 1000);
}

TEST_CASE("one Workspace reused across documents gives each the annotations analyze gives it alone") {
  // `lede analyze --jsonl` keeps a Workspace per thread: its caches must carry nothing from one
  // document into the next. Every text twice, the second time in reverse order, so the caches
  // hold the words of other documents (the same word capitalised in one and in lower case in another
  // among them: "Reading" and "reading").
  static const lede::Analyzer analyzer;
  std::vector<std::string> docs = texts();
  docs.insert(docs.begin(), {"Reading the report, Brown said prices rose in Reading on Monday.", "He was reading a book about Brown Street."});
  std::vector<std::string> order = docs;
  order.insert(order.end(), docs.rbegin(), docs.rend());
  lede::Analyzer::Workspace ws;
  size_t total = 0;
  for (const std::string& text : order) {
    std::vector<lede::Annotation> alone = analyzer.analyze(text);
    std::vector<json> reused;
    analyzer.analyze_each(text, ws, [&](lede::Annotation& a) { reused.push_back(json(a)); });
    REQUIRE(reused.size() == alone.size());
    for (size_t i = 0; i < alone.size(); ++i) CHECK(reused[i] == json(alone[i]));
    total += alone.size();
  }
  CHECK(total > 2000);
}

TEST_CASE("StreamedLedeFile writes the bytes write_lede_file writes for the analysis's suggestions") {
  static const lede::Analyzer analyzer;
  for (const std::string& text : {read_source_file("assets/articles/dprk-missiles-un.txt"), kTricky}) {
    lede::AnnotationSet set;
    set.document.title = "article \"one\"";
    set.document.text = text;
    set.labels = lede::builtin_labels();
    set.author = "Ana";
    lede::Annotation orphan;
    orphan.id = "o1";
    orphan.label = "claim";
    orphan.start = 1;
    orphan.end = 4;
    orphan.quote.exact = "gone";
    set.orphans.push_back(orphan);
    std::string streamed;
    size_t pieces = 0;
    lede::StreamedLedeFile file(set, "lede analyze", [&](std::string_view s) { streamed.append(s); ++pieces; });
    REQUIRE(file.ok());
    analyzer.analyze_each(text, [&](lede::Annotation& a) { file.add(a); });
    CHECK(file.finish() == 0);
    set.annotations = analyzer.analyze(text);
    CHECK(streamed == lede::write_lede_file(set, "lede analyze", false));
    CHECK(pieces >= 1);
  }
}
#endif
