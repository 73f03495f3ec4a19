// Reading an exported library: every article is checked before any is used.
#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "core/library_file.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {
json article(const std::string& id, const std::string& text, const std::string& updated = "2026-12-07T10:00:00Z") {
  AnnotationSet set;
  set.document = Document{"Story " + id, text};
  set.labels = builtin_labels();
  return json{{"meta", {{"id", id}, {"title", "Story " + id}, {"updated", updated}}},
              {"file", json::parse(write_lede_file(set, "test"))}};
}
json library(json articles) { return json{{"format", "lede-library"}, {"version", 1}, {"articles", std::move(articles)}}; }
}  // namespace

TEST_CASE("a library file gives back every article with its work") {
  std::vector<LibraryArticle> out;
  std::string error;
  REQUIRE(read_library_file(library({article("a1", "Oslo voted."), article("a2", "Kemi closed.")}).dump(), &out, &error));
  REQUIRE(out.size() == 2);
  CHECK(out[0].id == "a1");
  CHECK(out[0].set.document.text == "Oslo voted.");
  CHECK(out[1].updated == "2026-12-07T10:00:00Z");
  CHECK(read_lede_file(out[1].file).ok);
}

TEST_CASE("a bad library file is refused whole, with the path of what is wrong") {
  std::vector<LibraryArticle> out;
  std::string error;
  CHECK_FALSE(read_library_file("{not json", &out, &error));
  CHECK(error == "This is not a JSON file.");

  CHECK_FALSE(read_library_file(R"({"format": "lede-annotations", "version": 1})", &out, &error));
  CHECK(error.find("not a Lede library file") != std::string::npos);

  CHECK_FALSE(read_library_file(R"({"format": "lede-library", "version": 2, "articles": []})", &out, &error));
  CHECK(error.rfind("version:", 0) == 0);

  json bad = article("a2", "Kemi closed.");
  bad["file"]["annotations"] = json::array({{{"id", "x"}, {"label", "actor"}, {"start", 0}, {"end", 99}}});
  CHECK_FALSE(read_library_file(library({article("a1", "Oslo voted."), bad}).dump(), &out, &error));
  CHECK(error.rfind("articles[1].file: ", 0) == 0);
  CHECK(error.find("annotations[0].end") != std::string::npos);
  CHECK(out.empty());  // nothing half-read

  CHECK_FALSE(read_library_file(library({article("a1", "Oslo."), article("a1", "Kemi.")}).dump(), &out, &error));
  CHECK(error == "articles[1].meta.id: \"a1\" appears twice.");

  json no_id = article("", "Oslo.");
  CHECK_FALSE(read_library_file(library(json::array({no_id})).dump(), &out, &error));
  CHECK(error.rfind("articles[0].meta.id", 0) == 0);

  json odd_meta = article("a1", "Oslo.");
  odd_meta["meta"]["updated"] = 5;  // an odd type is ignored, not thrown on
  CHECK(read_library_file(library(json::array({odd_meta})).dump(), &out, &error));
  CHECK(out[0].updated.empty());
}

TEST_CASE("a library carries version 2 articles (reviews, details, scale) unchanged, and refuses a bad one with its path") {
  json file = json::parse(read_source_file("tests/data/good/review.lede.json"));
  json lib = library({json{{"meta", {{"id", "r1"}, {"title", "Mayor"}}}, {"file", file}}});
  std::vector<LibraryArticle> out;
  std::string error;
  REQUIRE(read_library_file(lib.dump(), &out, &error));
  REQUIRE(out.size() == 1);
  LoadResult direct = read_lede_file(file.dump());
  REQUIRE(direct.ok);
  CHECK(out[0].set.document.meta == direct.set.document.meta);
  CHECK(out[0].set.ratings.size() == 3);
  REQUIRE(out[0].set.annotations.size() == direct.set.annotations.size());
  for (size_t i = 0; i < direct.set.annotations.size(); ++i) CHECK(out[0].set.annotations[i].review == direct.set.annotations[i].review);
  CHECK(json::parse(out[0].file) == file);  // the article's file as it was

  lib["articles"][0]["file"]["annotations"][1]["review"]["evidence"][0]["url"] = "javascript:alert(1)";
  CHECK_FALSE(read_library_file(lib.dump(), &out, &error));
  CHECK(error.rfind("articles[0].file: annotations[1].review.evidence[0].url: must be an http or https URL", 0) == 0);
  CHECK(out.empty());
}
