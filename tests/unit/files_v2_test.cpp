// Format version 2 (issue 13): reviews, the article's details, the rating scale; version 1 files
// open and are upgraded on save; every bad value is refused with its JSON path.
#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {

std::string review_file() { return read_source_file("tests/data/good/review.lede.json"); }

// The problems of reading j, as "path: message" lines.
std::string problems_of(const json& j) {
  LoadResult r = read_lede_file(j.dump());
  CHECK_FALSE(r.ok);
  CHECK(r.set.annotations.empty());  // a refused file yields nothing to apply
  return r.summary(20);
}

// The good v2 file with one edit; its first problem must start with `path: ` and hold `message`.
void refused(void (*edit)(json&), const std::string& path, const std::string& message) {
  json j = json::parse(review_file());
  edit(j);
  std::string got = problems_of(j);
  INFO("problems: " << got);
  CHECK(got.rfind(path + ": ", 0) == 0);
  CHECK(got.find(message) != std::string::npos);
}

}  // namespace

TEST_CASE("files v2: reviews, meta and the rating scale load with every field") {
  LoadResult r = read_lede_file(review_file());
  INFO(r.summary());
  REQUIRE(r.ok);
  CHECK(r.version == 2);
  const AnnotationSet& s = r.set;
  CHECK(s.document.meta.title == "Mayor says crime fell");
  CHECK(s.document.meta.url == "https://news.example.org/2026/03/mayor-crime");
  CHECK(s.document.meta.outlet == "Example News");
  CHECK(s.document.meta.byline == "Jane Doe");
  CHECK(s.document.meta.published == "2026-03-01");
  REQUIRE(s.ratings.size() == 3);
  CHECK(s.ratings[1].id == "misleading");
  CHECK(s.ratings[1].name == "Misleading");
  CHECK(s.ratings[1].color == "#ef6c00");
  CHECK(s.ratings[1].value == 2);
  REQUIRE(s.annotations.size() == 3);
  CHECK_FALSE(s.annotations[0].review);
  REQUIRE(s.annotations[1].review);
  const Review& rv = *s.annotations[1].review;
  CHECK(rv.rating == "false");
  CHECK(rv.explanation == "Police figures for the same year show a 5% rise.");
  CHECK(rv.status == ReviewStatus::checked);
  CHECK(rv.reviewer == "R. Checker");
  CHECK(rv.date == "2026-03-02T09:30:00Z");
  REQUIRE(rv.evidence.size() == 2);
  CHECK(rv.evidence[0] == Evidence{"https://police.example.org/stats/2025", "Recorded crime rose by 5% in 2025.", "Table 2"});
  CHECK(rv.evidence[1].url.empty());
  CHECK(rv.evidence[1].quote == "Crime is up, not down.");
  REQUIRE(s.annotations[2].review);
  CHECK(s.annotations[2].review->status == ReviewStatus::checking);
  CHECK(s.annotations[2].review->rating.empty());
  REQUIRE(s.orphans.size() == 1);
  REQUIRE(s.orphans[0].review);
  CHECK(s.orphans[0].review->rating == "misleading");
}

TEST_CASE("files v2: write then read gives the same set, compact and pretty") {
  LoadResult r = read_lede_file(review_file());
  REQUIRE(r.ok);
  for (bool pretty : {false, true}) {
    std::string out = write_lede_file(r.set, "test", pretty);
    CHECK((out.find('\n') == out.size() - 1) == !pretty);  // compact is one line
    json j = json::parse(out);
    CHECK(j["version"] == 2);
    CHECK(j["ratings"].size() == 3);
    CHECK(j["document"]["meta"]["outlet"] == "Example News");
    CHECK(j["annotations"][1]["review"]["evidence"][1]["quote"] == "Crime is up, not down.");
    CHECK_FALSE(j["annotations"][1]["review"]["evidence"][1].contains("url"));  // empty fields left out
    CHECK_FALSE(j["annotations"][0].contains("review"));
    LoadResult again = read_lede_file(out);
    INFO(again.summary());
    REQUIRE(again.ok);
    CHECK(again.set.document.meta == r.set.document.meta);
    REQUIRE(again.set.ratings.size() == r.set.ratings.size());
    for (size_t i = 0; i < r.set.ratings.size(); ++i) {
      CHECK(again.set.ratings[i].id == r.set.ratings[i].id);
      CHECK(again.set.ratings[i].name == r.set.ratings[i].name);
      CHECK(again.set.ratings[i].color == r.set.ratings[i].color);
      CHECK(again.set.ratings[i].value == r.set.ratings[i].value);
    }
    REQUIRE(again.set.annotations.size() == r.set.annotations.size());
    for (size_t i = 0; i < r.set.annotations.size(); ++i) {
      CHECK(again.set.annotations[i].id == r.set.annotations[i].id);
      CHECK(again.set.annotations[i].review == r.set.annotations[i].review);
    }
    REQUIRE(again.set.orphans.size() == 1);
    CHECK(again.set.orphans[0].review == r.set.orphans[0].review);
    // The compact writer gives the same bytes as the JSON tree (the file is written in pieces).
    if (!pretty) CHECK(out == lede_file_json(r.set, "test").dump() + "\n");
  }
}

TEST_CASE("files v2: a version 1 file opens with the default scale and is upgraded on save") {
  LoadResult r = read_lede_file(read_source_file("tests/data/good/full.lede.json"));
  REQUIRE(r.ok);
  CHECK(r.version == 1);
  CHECK(r.set.ratings.size() == default_ratings().size());
  CHECK(r.set.ratings[0].id == default_ratings()[0].id);
  for (const Annotation& a : r.set.annotations) CHECK_FALSE(a.review);
  CHECK(r.set.document.meta.empty());
  std::string saved = write_lede_file(r.set, "test");
  json j = json::parse(saved);
  CHECK(j["version"] == kFormatVersion);
  CHECK(j["ratings"] == json(default_ratings()));  // the scale is written, so the file says what its ratings mean
  LoadResult again = read_lede_file(saved);
  REQUIRE(again.ok);
  CHECK(again.version == kFormatVersion);
  CHECK(again.set.annotations.size() == r.set.annotations.size());

  // Version 1 had no reviews: such a key in a version 1 file is not read (nor checked).
  json v1 = json::parse(read_source_file("tests/data/good/full.lede.json"));
  v1["annotations"][0]["review"] = json{{"rating", "no-such-rating"}};
  LoadResult old = read_lede_file(v1.dump());
  REQUIRE(old.ok);
  CHECK_FALSE(old.set.annotations[0].review);

  // A rated claim added to the upgraded set survives the next save.
  AnnotationSet s = again.set;
  s.annotations[0].review = Review{"false", "no", {{"https://example.org", "", ""}}, ReviewStatus::checked, "me", "2026-01-31"};
  LoadResult rated = read_lede_file(write_lede_file(s, "test"));
  REQUIRE(rated.ok);
  CHECK(rated.set.annotations[0].review == s.annotations[0].review);
}

TEST_CASE("files v2: a newer version is refused with a clear message") {
  json j = json::parse(review_file());
  j["version"] = 3;
  std::string got = problems_of(j);
  CHECK(got == "version 3 is not supported: this Lede reads versions 1 to 2 (the file was made by a newer Lede; update Lede to open it).");
  j["version"] = 0;
  CHECK(problems_of(j).find("version 0 is not supported") == 0);
}

TEST_CASE("files v2: each bad value is refused with its JSON path") {
  // Reviews.
  refused([](json& j) { j["annotations"][1]["review"]["rating"] = "pants-on-fire"; }, "annotations[1].review.rating",
          "\"pants-on-fire\" is not one of the file's ratings");
  refused([](json& j) { j["annotations"][1]["review"]["rating"] = 2; }, "annotations[1].review.rating", "must be a string, found a number");
  refused([](json& j) { j["annotations"][1]["review"]["status"] = "done"; }, "annotations[1].review.status",
          "must be \"to-check\", \"checking\" or \"checked\", found \"done\"");
  refused([](json& j) { j["annotations"][1]["review"] = "false"; }, "annotations[1].review", "must be an object, found a string");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"] = json::object(); }, "annotations[1].review.evidence",
          "must be an array");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "javascript:alert(1)"; },
          "annotations[1].review.evidence[0].url", "the scheme \"javascript:\" is not allowed");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "data:text/html,<b>x</b>"; },
          "annotations[1].review.evidence[0].url", "the scheme \"data:\" is not allowed");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "JavaScript:alert(1)"; },
          "annotations[1].review.evidence[0].url", "the scheme \"javascript:\" is not allowed");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "/stats/2025"; },
          "annotations[1].review.evidence[0].url", "must be an absolute http or https URL");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = " javascript:alert(1)"; },
          "annotations[1].review.evidence[0].url", "without spaces or control characters");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "https:///path"; },
          "annotations[1].review.evidence[0].url", "with a host");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][1] = json{{"note", "trust me"}}; },
          "annotations[1].review.evidence[1]", "needs a url or a quote");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][1] = 7; }, "annotations[1].review.evidence[1]",
          "must be an object, found a number");
  refused([](json& j) { j["annotations"][1]["review"]["date"] = "2024-02-30"; }, "annotations[1].review.date",
          "is not a real date: \"2024-02-30\" does not exist");
  refused([](json& j) { j["annotations"][1]["review"]["date"] = "yesterday"; }, "annotations[1].review.date",
          "must be an ISO 8601 date or date-time");
  refused([](json& j) { j["annotations"][1]["review"]["date"] = "2026-03-02T25:00:00Z"; }, "annotations[1].review.date",
          "is not a real time of day");
  refused([](json& j) { j["annotations"][1]["review"]["date"] = "2026-03-02 09:30"; }, "annotations[1].review.date",
          "must be an ISO 8601 date or date-time");
  refused([](json& j) { j["annotations"][1]["review"]["reviewer"] = json::array(); }, "annotations[1].review.reviewer",
          "must be a string, found an array");
  refused([](json& j) { j["annotations"][1]["review"]["explanation"] = std::string(kMaxNoteBytes + 1, 'x'); },
          "annotations[1].review.explanation", "is too long (65537 bytes; the limit is 65536)");
  refused([](json& j) { j["annotations"][1]["note"] = std::string(kMaxNoteBytes + 1, 'x'); }, "annotations[1].note",
          "is too long");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"][0]["url"] = "https://x.org/" + std::string(kMaxUrlBytes, 'a'); },
          "annotations[1].review.evidence[0].url", "is too long");
  refused([](json& j) { j["annotations"][1]["review"]["evidence"] = json::array();
                        for (size_t i = 0; i <= kMaxEvidence; ++i) j["annotations"][1]["review"]["evidence"].push_back({{"quote", "q"}}); },
          "annotations[1].review.evidence", "holds 101 items; the limit is 100");
  refused([](json& j) { j["orphans"][0]["review"]["rating"] = "true-ish"; }, "orphans[0].review.rating",
          "is not one of the file's ratings");
  // The article's details.
  refused([](json& j) { j["document"]["meta"]["url"] = "javascript:alert(document.cookie)"; }, "document.meta.url",
          "the scheme \"javascript:\" is not allowed");
  refused([](json& j) { j["document"]["meta"]["url"] = "ftp://example.org/a"; }, "document.meta.url", "the scheme \"ftp:\" is not allowed");
  refused([](json& j) { j["document"]["meta"]["url"] = "news.example.org/a"; }, "document.meta.url", "must be an absolute http or https URL");
  refused([](json& j) { j["document"]["meta"]["published"] = "2023-02-29"; }, "document.meta.published", "is not a real date");
  refused([](json& j) { j["document"]["meta"]["published"] = "2026-13-01"; }, "document.meta.published", "has no month 13");
  refused([](json& j) { j["document"]["meta"]["published"] = "1 March 2026"; }, "document.meta.published", "must be an ISO 8601 date");
  refused([](json& j) { j["document"]["meta"]["title"] = 5; }, "document.meta.title", "must be a string, found a number");
  refused([](json& j) { j["document"]["meta"] = json::array(); }, "document.meta", "must be an object, found an array");
  refused([](json& j) { j["document"]["meta"]["byline"] = std::string(kMaxFieldBytes + 1, 'x'); }, "document.meta.byline", "is too long");
  // The rating scale.
  refused([](json& j) { j["ratings"][2]["id"] = "true"; }, "ratings[2].id", "duplicates the rating id \"true\"");
  refused([](json& j) { j["ratings"][0]["id"] = ""; }, "ratings[0].id", "must not be empty");
  refused([](json& j) { j["ratings"][0]["name"] = ""; }, "ratings[0].name", "must not be empty");
  refused([](json& j) { j["ratings"][0].erase("name"); }, "ratings[0].name", "is missing");
  refused([](json& j) { j["ratings"][0]["color"] = "green"; }, "ratings[0].color", "must look like \"#RRGGBB\", found \"green\"");
  refused([](json& j) { j["ratings"][0]["value"] = "3"; }, "ratings[0].value", "must be a number, found a string");
  refused([](json& j) { j["ratings"][0].erase("value"); }, "ratings[0].value", "is missing");
  refused([](json& j) { j["ratings"][0] = "true"; }, "ratings[0]", "must be an object, found a string");
  refused([](json& j) { j["ratings"] = json::object(); }, "ratings", "must be an array, found an object");
  refused([](json& j) { for (size_t i = 0; i < kMaxRatings; ++i) j["ratings"].push_back({{"id", "r" + std::to_string(i)}, {"name", "R"}, {"color", "#000000"}, {"value", 0}}); },
          "ratings", "the limit is 64");
}

TEST_CASE("files v2: a value too large for a double is refused as a number, never read as infinity") {
  std::string f = review_file();
  size_t at = f.find("\"value\": 3");
  REQUIRE(at != std::string::npos);
  f.replace(at, 10, "\"value\": 1e400");
  LoadResult r = read_lede_file(f);
  REQUIRE_FALSE(r.ok);
  CHECK(r.summary(1).find("number too large") != std::string::npos);
}

TEST_CASE("files v2: dates and URLs the checks accept") {
  for (const char* d : {"2024-02-29", "2026-03-01T12:00Z", "2026-03-01T12:00:00Z", "2026-03-01T12:00:00.250+01:00",
                        "2026-03-01T23:59:60Z", "2026-03-01T12:00:00"})
    CHECK_MESSAGE(iso_date_fault(d).empty(), d);
  for (const char* d : {"2100-02-29", "2026-04-31", "2026-00-10", "2026-3-1", "2026-03-01T", "2026-03-01T12", "2026-03-01T12:00:00+1",
                        "2026-03-01T12:00:00.Z", "2026-03-01Z", ""})
    CHECK_FALSE_MESSAGE(iso_date_fault(d).empty(), d);
  for (const char* u : {"https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/x"})
    CHECK_MESSAGE(web_url_fault(u).empty(), u);
  for (const char* u : {"javascript:alert(1)", "data:,x", "file:///etc/passwd", "//example.org/a", "example.org", "https:example.org",
                        "http://", "https://exa mple.org", "vbscript:x", "https://\x01x.org"})
    CHECK_FALSE_MESSAGE(web_url_fault(u).empty(), u);
}

TEST_CASE("files v2: restoring stored work drops only the annotation with a bad review, and a bad detail") {
  json j = json::parse(review_file());
  j["annotations"][1]["review"]["rating"] = "pants-on-fire";
  j["orphans"][0]["review"]["evidence"] = json::array({json{{"url", "javascript:alert(1)"}}});
  j["document"]["meta"]["published"] = "2026-02-30";
  LoadResult r = read_lede_file_lenient(j.dump());
  REQUIRE(r.ok);
  REQUIRE(r.set.annotations.size() == 2);
  CHECK(r.set.annotations[0].id == "u1");
  CHECK(r.set.annotations[1].id == "u3");
  CHECK(r.set.orphans.empty());
  CHECK(r.set.document.meta.title == "Mayor says crime fell");  // the good details are kept
  CHECK(r.set.document.meta.published.empty());
  REQUIRE(r.dropped.size() == 3);
  CHECK(r.dropped[0].path == "document.meta.published");
  CHECK(r.dropped[1].path == "annotations[1].review.rating");
  CHECK(r.dropped[1].message.find("(id \"u2\")") != std::string::npos);
  CHECK(r.dropped[2].path == "orphans[0].review.evidence[0].url");
  // A bad rating scale leaves nothing to trust: the whole file fails.
  j = json::parse(review_file());
  j["ratings"][1]["id"] = "true";
  CHECK_FALSE(read_lede_file_lenient(j.dump()).ok);
}
