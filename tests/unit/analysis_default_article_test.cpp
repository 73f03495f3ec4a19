// The default article (assets/articles/dprk-missiles-un.txt) must come out right: issue 3, item 5.
// Built only when the analysis core is (LEDE_WITH_ANALYSIS, set by CMakeLists.txt).
#ifdef LEDE_WITH_ANALYSIS
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/analysis/analyze.hpp"
#include "core/text.hpp"
#include "test_support.hpp"

using lede::Annotation;

namespace {

struct Fixture {
  std::string text;
  lede::TextIndex index;
  std::vector<Annotation> anns;
  Fixture() : text(read_source_file("assets/articles/dprk-missiles-un.txt")), index(text) {
    static const lede::Analyzer analyzer;
    anns = analyzer.analyze(text);
  }
  std::string span(const Annotation& a) const { return lede::cp_substr(text, index, a.start, a.end); }
  std::vector<const Annotation*> find(const std::string& label, const std::string& surface) const {
    std::vector<const Annotation*> r;
    for (const Annotation& a : anns)
      if (a.label == label && span(a) == surface) r.push_back(&a);
    return r;
  }
  const Annotation* claim_containing(const std::string& piece) const {
    for (const Annotation& a : anns)
      if (a.label == "claim" && span(a).find(piece) != std::string::npos) return &a;
    return nullptr;
  }
};

const Fixture& fx() {
  static const Fixture f;
  return f;
}

void expect_actor(const std::string& surface, const std::string& kind, const std::string& entity) {
  auto found = fx().find("actor", surface);
  INFO("actor " << surface);
  REQUIRE(!found.empty());
  bool ok = false;
  for (const Annotation* a : found)
    if (a->attrs.as_json().value("kind", "") == kind && a->attrs.as_json().value("entity", "") == entity) ok = true;
  CHECK(ok);
}

}  // namespace

TEST_CASE("default article: people") {
  expect_actor("Kim Song", "person", "Kim Song");
  expect_actor("Antony Blinken", "person", "Antony Blinken");
  expect_actor("Dmitry Peskov", "person", "Dmitry Peskov");
  expect_actor("Vasily Nebenzya", "person", "Vasily Nebenzya");
  expect_actor("Josep Borrell", "person", "Josep Borrell");
  expect_actor("Blinken", "person", "Antony Blinken");
}

TEST_CASE("default article: organizations") {
  expect_actor("KCNA", "organization", "Korean Central News Agency");
  CHECK(!fx().find("actor", "NATO").empty());
  expect_actor("EU", "organization", "European Union");
  expect_actor("UN Security Council", "organization", "United Nations Security Council");
  expect_actor("Kremlin", "organization", "Kremlin");
  // the longest name only: no "UN" inside "UN Security Council"
  for (const Annotation& a : fx().anns)
    if (a.label == "actor" && fx().span(a) == "UN Security Council")
      for (const Annotation& b : fx().anns)
        if (b.label == "actor" && &b != &a) CHECK(!(b.start >= a.start && b.end <= a.end));
}

TEST_CASE("default article: places and grouping") {
  for (const char* p : {"North Korea", "Russia", "Ukraine", "United Kingdom", "Argentina", "Australia", "Guatemala", "Japan", "South Korea",
                        "Kharkiv", "Belgorod"})
    expect_actor(p, "place", p);
  expect_actor("Kyiv", "place", "Kyiv");              // "strikes on both Kyiv and Kharkiv": a location
  expect_actor("DPRK", "place", "North Korea");
  expect_actor("Pyongyang", "place", "North Korea");  // Pyongyang's state media
  expect_actor("U.S.", "place", "United States");
  expect_actor("US", "place", "United States");
  expect_actor("United States", "place", "United States");
  // exact spans: never "Russia," or "North Korea’s"
  for (const Annotation& a : fx().anns) {
    if (a.label != "actor") continue;
    std::string s = fx().span(a);
    INFO(s);
    CHECK(!(s.size() >= 4 && s.compare(s.size() - 4, 4, "’s") == 0));
    CHECK(s.back() != ',');
    CHECK(s.rfind("the ", 0) != 0);
  }
}

TEST_CASE("default article: roles") {
  auto peskov = fx().find("actor", "Dmitry Peskov");
  REQUIRE(!peskov.empty());
  CHECK(peskov[0]->attrs.as_json().value("role", "") == "Kremlin spokesman");
  auto neb = fx().find("actor", "Vasily Nebenzya");
  REQUIRE(!neb.empty());
  CHECK(neb[0]->attrs.as_json().value("role", "") == "Russian Ambassador to the UN");
  auto kim = fx().find("actor", "Kim Song");
  REQUIRE(!kim.empty());
  CHECK(kim[0]->attrs.as_json().value("role", "").find("ambassador to the United Nations") != std::string::npos);
  auto blinken = fx().find("actor", "Antony Blinken");
  REQUIRE(!blinken.empty());
  CHECK(blinken[0]->attrs.as_json().value("role", "") == "U.S. Secretary of State");
}

TEST_CASE("default article: numbers") {
  auto n47 = fx().find("number", "around 47");
  REQUIRE(n47.size() == 1);
  CHECK(n47[0]->attrs.as_json()["value"] == 47);
  CHECK(n47[0]->attrs.as_json().value("approx", false));
  CHECK(n47[0]->attrs.as_json().value("counted", "") == "nations");
  auto five = fx().find("number", "five");
  REQUIRE(five.size() == 1);
  CHECK(five[0]->attrs.as_json()["value"] == 5);
  CHECK(five[0]->attrs.as_json().value("counted", "") == "fatalities");
  auto n127 = fx().find("number", "a minimum of 127");
  REQUIRE(n127.size() == 1);
  CHECK(n127[0]->attrs.as_json()["value"] == 127);
  CHECK(n127[0]->attrs.as_json().value("bound", "") == "min");
  CHECK(n127[0]->attrs.as_json().value("counted", "") == "injuries");
  auto three = fx().find("number", "three");
  REQUIRE(three.size() == 1);
  CHECK(three[0]->attrs.as_json()["value"] == 3);
  auto dec30 = fx().find("number", "December 30");
  REQUIRE(dec30.size() == 2);
  CHECK(dec30[0]->attrs.as_json()["kind"] == "date");
  CHECK(dec30[0]->attrs.as_json()["value"] == "--12-30");
  auto jan2 = fx().find("number", "January 2");
  REQUIRE(jan2.size() == 2);
  CHECK(jan2[0]->attrs.as_json()["value"] == "--01-02");
  auto y2006 = fx().find("number", "2006");
  REQUIRE(y2006.size() == 1);
  CHECK(y2006[0]->attrs.as_json()["kind"] == "year");
  CHECK(y2006[0]->attrs.as_json()["value"] == 2006);
  auto fri = fx().find("number", "Friday");
  CHECK(fri.size() == 2);
}

TEST_CASE("default article: claims") {
  const Fixture& f = fx();
  auto speaker_text = [&](const Annotation* c) { return c->attrs.as_json()["speaker"].is_null() ? std::string() : c->attrs.as_json()["speaker"].value("text", ""); };
  auto speaker_entity = [&](const Annotation* c) { return c->attrs.as_json()["speaker"].is_null() ? std::string() : c->attrs.as_json()["speaker"].value("entity", ""); };

  const Annotation* neb = f.claim_containing("the U.S. was disseminating incorrect information");
  REQUIRE(neb);
  CHECK(speaker_entity(neb) == "Vasily Nebenzya");

  const Annotation* bl = f.claim_containing("North Korea’s contribution to Russia’s aggression");
  REQUIRE(bl);
  CHECK(speaker_entity(bl) == "Antony Blinken");
  CHECK(bl->attrs.as_json()["cue"].value("text", "") == "argued");
  CHECK(f.span(*bl).rfind("North Korea’s contribution", 0) == 0);

  const Annotation* kim = f.claim_containing("The US pulled up the DPRK");
  REQUIRE(kim);
  CHECK(f.span(*kim).rfind("The US pulled up the DPRK", 0) == 0);
  CHECK(speaker_text(kim) == "the ambassador");
  CHECK(speaker_entity(kim) == "Kim Song");
  CHECK(kim->attrs.as_json()["cue"].value("text", "") == "quoted");
  const Annotation* kim2 = f.claim_containing("This is the vivid reflection");
  REQUIRE(kim2);
  CHECK(speaker_entity(kim2) == "Kim Song");

  const Annotation* ru = f.claim_containing("Kyiv of conducting a lethal air assault");
  REQUIRE(ru);
  CHECK(speaker_entity(ru) == "Russia");
  CHECK(ru->attrs.as_json()["cue"].value("text", "") == "accused");

  const Annotation* nk = f.claim_containing("the allegations that Russia used North Korean missiles");
  REQUIRE(nk);
  CHECK(speaker_entity(nk) == "North Korea");
  CHECK(nk->attrs.as_json()["cue"].value("text", "") == "rejected");

  const Annotation* min = f.claim_containing("these weapons were employed against Ukraine");
  REQUIRE(min);
  CHECK(speaker_text(min) == "the foreign ministers of around 47 nations");
}

TEST_CASE("default article: annotation shape") {
  const Fixture& f = fx();
  REQUIRE(!f.anns.empty());
  for (size_t i = 0; i < f.anns.size(); ++i) {
    const Annotation& a = f.anns[i];
    CHECK(a.id == "s" + std::to_string(i + 1));
    CHECK(a.origin == lede::Origin::automatic);
    CHECK(a.status == lede::Status::suggested);
    CHECK(a.start < a.end);
    CHECK(a.end <= static_cast<int64_t>(f.index.length()));
    if (i > 0) CHECK((f.anns[i - 1].start < a.start || (f.anns[i - 1].start == a.start && f.anns[i - 1].end <= a.end)));
  }
}

#endif  // LEDE_WITH_ANALYSIS
