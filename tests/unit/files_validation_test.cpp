// The bad-file corpus (tests/data/bad/expected.tsv), good files, and the documented schema.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "core/lede_file.hpp"
#include "core/sha256.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {

struct Expectation {
  std::string file, message;
};

std::vector<Expectation> manifest() {
  std::vector<Expectation> out;
  std::istringstream in(read_source_file("tests/data/bad/expected.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

std::string good_file() { return read_source_file("tests/data/good/full.lede.json"); }

}  // namespace

TEST_CASE("files: every bad file in the corpus is rejected with its specific message") {
  std::vector<Expectation> cases = manifest();
  size_t stored = 0;
  for (const Expectation& e : cases) {
    std::string bytes;
    if (e.file == "@deep_nesting_100000") {
      bytes = std::string(100000, '[') + std::string(100000, ']');
    } else if (e.file == "@size_70MB") {
#ifdef __EMSCRIPTEN__
      continue;  // 70 MB in Wasm memory is slow; the limit check is the same code natively
#else
      // A valid-looking file padded to 70 MB with a long note: rejected by size before parsing.
      std::string head = good_file();
      size_t pad = (70u << 20) - head.size();
      bytes = head.substr(0, head.size() - 2) + ", \"padding\": \"" + std::string(pad, 'x') + "\"}\n";
#endif
    } else {
      bytes = read_source_file("tests/data/bad/" + e.file);
      ++stored;
    }
    LoadResult r = read_lede_file(bytes);
    INFO("file: " << e.file);
    REQUIRE_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    std::string first = r.summary(1);
    INFO("first problem: " << first);
    CHECK(first.find(e.message) != std::string::npos);
    // A failed load yields nothing to apply.
    CHECK(r.set.annotations.empty());
    CHECK(r.set.document.text.empty());
  }
  CHECK(stored >= 40);
}

TEST_CASE("files: good files load; the example in docs validates") {
  for (const char* f : {"tests/data/good/minimal.lede.json", "tests/data/good/full.lede.json",
                        "tests/data/good/orphans.lede.json", "tests/data/good/review.lede.json", "docs/example.lede.json"}) {
    LoadResult r = read_lede_file(read_source_file(f));
    INFO(f << ": " << r.summary());
    CHECK(r.ok);
  }
  LoadResult r = read_lede_file(read_source_file("tests/data/good/orphans.lede.json"));
  REQUIRE(r.ok);
  CHECK(r.set.orphans.size() == 1);
  CHECK(r.set.orphans[0].quote.exact == "Kiev");
  CHECK(r.set.author == "reader-a");
  // Orphans survive a save.
  LoadResult again = read_lede_file(write_lede_file(r.set, "test"));
  REQUIRE(again.ok);
  REQUIRE(again.set.orphans.size() == 1);
  CHECK(again.set.orphans[0].id == r.set.orphans[0].id);
  CHECK(again.set.orphans[0].quote.prefix == r.set.orphans[0].quote.prefix);
  CHECK(again.set.orphans[0].start == r.set.orphans[0].start);
}

TEST_CASE("files: the JSON Schema's required lists match what the validator requires") {
  json schema = json::parse(read_source_file("docs/lede-annotations.schema.json"));
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  auto req = [&](const json& node) {
    std::set<std::string> s;
    for (auto& v : node["required"]) s.insert(v.get<std::string>());
    return s;
  };
  const json& props = schema["properties"];
  const json& defs = schema["$defs"];
  CHECK(req(schema) == std::set<std::string>{"format", "version", "document", "annotations"});
  CHECK(req(props["document"]) == std::set<std::string>{"text"});
  CHECK(req(defs["label"]) == std::set<std::string>{"id", "name", "color"});
  CHECK(req(defs["annotation"]) == std::set<std::string>{"id", "label", "start", "end"});
  CHECK(req(defs["orphan"]) == std::set<std::string>{"id", "label", "start", "end", "quote"});
  CHECK(req(defs["quote"]) == std::set<std::string>{"exact"});
  CHECK(props["format"]["const"] == kFormatName);
  CHECK(props["version"]["enum"] == json::array({kOldestFormatVersion, kFormatVersion}));
  CHECK(req(defs["rating"]) == std::set<std::string>{"id", "name", "color", "value"});

  // Removing any field the schema calls required makes the validator say "is missing".
  json good = json::parse(good_file());
  auto check_missing = [&](std::vector<std::string> path, const std::string& key) {
    json k = good;
    json* node = &k;
    for (auto& p : path) node = p[0] == '#' ? &(*node)[size_t(std::stoi(p.substr(1)))] : &(*node)[p];
    node->erase(key);
    LoadResult r = read_lede_file(k.dump());
    INFO(key << ": " << r.summary());
    CHECK_FALSE(r.ok);
    CHECK(r.summary(1).find("missing") != std::string::npos);
  };
  for (auto& key : req(schema)) check_missing({}, key);
  for (auto& key : req(props["document"])) check_missing({"document"}, key);
  for (auto& key : req(defs["label"])) check_missing({"labels", "#0"}, key);
  for (auto& key : req(defs["annotation"])) check_missing({"annotations", "#0"}, key);
  for (auto& key : req(defs["orphan"])) check_missing({"orphans", "#0"}, key);
  for (auto& key : req(defs["quote"])) check_missing({"annotations", "#0", "quote"}, key);
  good = json::parse(read_source_file("tests/data/good/review.lede.json"));
  for (auto& key : req(defs["rating"])) check_missing({"ratings", "#0"}, key);
}

TEST_CASE("files: reading keeps quotes, authors and every field; writing recomputes quotes") {
  LoadResult r = read_lede_file(good_file());
  REQUIRE(r.ok);
  CHECK(r.generator == "hand-written");
  REQUIRE(r.set.annotations.size() >= 2);
  const Annotation& a = r.set.annotations[1];
  CHECK(a.quote.exact == "hello");
  CHECK(a.author == "reader-b");
  CHECK(a.origin == Origin::automatic);
  CHECK(a.status == Status::suggested);
  CHECK(a.created == "2026-03-01T12:00:00Z");
  std::string out = write_lede_file(r.set, "test");
  LoadResult back = read_lede_file(out);
  REQUIRE(back.ok);
  CHECK(back.set.annotations[1].author == "reader-b");
  CHECK(back.set.author == r.set.author);
  CHECK(json::parse(out)["document"]["sha256"] == sha256_hex(r.set.document.text));
}
