#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "core/sha256.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {
AnnotationSet sample() {
  AnnotationSet s;
  s.document = {"sample", "North Korea’s envoy Kim Song said “no” on Friday."};
  s.labels = builtin_labels();
  Annotation a;
  a.id = "u1";
  a.label = "actor";
  a.start = 0;
  a.end = 11;
  a.note = "the state";
  a.attrs = json{{"kind", "place"}}.get<lede::Attrs>();
  s.annotations.push_back(a);
  a.id = "u2";
  a.label = "claim";
  a.start = 35;
  a.end = 37;
  a.note.clear();
  a.attrs = lede::Attrs();
  s.annotations.push_back(a);
  return s;
}

std::string first_problem(const std::string& text) {
  LoadResult r = read_lede_file(text);
  REQUIRE_FALSE(r.ok);
  REQUIRE_FALSE(r.problems.empty());
  return r.summary(1);
}
}  // namespace

TEST_CASE("a saved file loads back identically, offsets in code points") {
  AnnotationSet s = sample();
  std::string file = write_lede_file(s, "test");
  json j = json::parse(file);
  CHECK(j["format"] == "lede-annotations");
  CHECK(j["version"] == kFormatVersion);
  CHECK(j["document"]["length"] == 49);
  CHECK(j["document"]["sha256"] == sha256_hex(s.document.text));
  CHECK(j["annotations"][1]["quote"]["exact"] == "no");
  CHECK(j["annotations"][1]["quote"]["prefix"] == "th Korea’s envoy Kim Song said “");

  LoadResult r = read_lede_file(file);
  REQUIRE(r.ok);
  CHECK(r.set.document.text == s.document.text);
  REQUIRE(r.set.annotations.size() == 2);
  CHECK(r.set.annotations[0].note == "the state");
  CHECK(r.set.annotations[0].attrs.as_json()["kind"] == "place");
  CHECK(r.set.annotations[1].start == 35);
  CHECK(r.set.annotations[1].end == 37);
  CHECK(r.set.labels.size() == 3);
}

TEST_CASE("the documented example file is valid") {
  LoadResult r = read_lede_file(read_source_file("tests/data/good/minimal.lede.json"));
  INFO(r.summary());
  CHECK(r.ok);
  r = read_lede_file(read_source_file("docs/example.lede.json"));
  INFO(r.summary());
  CHECK(r.ok);
}

TEST_CASE("bad files are rejected with a specific message") {
  std::string good = write_lede_file(sample(), "test");
  CHECK(first_problem("") == "The file is empty.");
  CHECK(first_problem("hello").find("not a JSON file") != std::string::npos);
  CHECK(first_problem(good.substr(0, good.size() / 2)).find("truncated") != std::string::npos);
  CHECK(first_problem("[1,2]").find("top level must be a JSON object, found an array") != std::string::npos);
  CHECK(first_problem("{\"a\":1}").find("\"format\" is missing") != std::string::npos);
  CHECK(first_problem("{\"format\":\"w3c\",\"version\":1}").find("not a Lede annotation file") != std::string::npos);
  CHECK(first_problem("{\"format\":\"lede-annotations\",\"version\":9}").find("version 9 is not supported") != std::string::npos);
  CHECK(first_problem("\xEF\xBB\xBF" + good).find("byte-order mark") != std::string::npos);
  CHECK(first_problem(std::string(100000, '[') + std::string(100000, ']')).find("nested more than") != std::string::npos);

  json j = json::parse(good);
  auto with = [&](auto edit) {
    json k = j;
    edit(k);
    return first_problem(k.dump());
  };
  CHECK(with([](json& k) { k["annotations"][1]["end"] = 5120; }) ==
        "annotations[1].end: (5120) is past the end of the text (49)");
  CHECK(with([](json& k) { k["annotations"][0]["start"] = -3; }) == "annotations[0].start: must not be negative, found -3");
  CHECK(with([](json& k) { k["annotations"][0]["start"] = 1.5; }) == "annotations[0].start: must be a whole number, found 1.5");
  CHECK(with([](json& k) { k["annotations"][0]["start"] = 20; }) == "annotations[0]: start (20) is after end (11)");
  CHECK(with([](json& k) { k["annotations"][1]["id"] = "u1"; }) ==
        "annotations[1].id: duplicates the id \"u1\" of an earlier annotation");
  CHECK(with([](json& k) { k["annotations"][0]["quote"]["exact"] = "South Korea"; })
            .find("annotations[0].quote.exact: \"South Korea\" does not match the text") == 0);
  CHECK(with([](json& k) { k["annotations"][0]["label"] = 7; }) == "annotations[0].label: must be a string, found a number");
  CHECK(with([](json& k) { k["annotations"][0].erase("end"); }) == "annotations[0].end: is missing (expected a whole number)");
  CHECK(with([](json& k) { k["document"]["text"] = "changed"; }).find("document.length") == 0);
}
