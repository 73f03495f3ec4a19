// Analysis core: blame whose verb is not the blamer's (issue 15): "In a statement by X, blame was
// shifted to Y", "blame was placed on Y by X", "Y was blamed by X for Z", "X shifted the blame onto
// Y". The claim's speaker is X, its content starts at Y, its cue says blame (stance: accuses).
#ifdef LEDE_WITH_ANALYSIS
#include <doctest/doctest.h>

#include <string>

#include "core/analysis/analyze.hpp"
#include "analyzer_support.hpp"
#include "core/graph.hpp"
#include "core/text.hpp"

namespace {
struct Found {
  bool ok = false;
  std::string content, speaker, entity, cue;
};
// The claim whose content starts with `starts`.
Found blame_claim(const std::string& text, const std::string& starts) {
  lede::TextIndex idx(text);
  for (const auto& a : analyzer().analyze(text)) {
    if (a.label != "claim") continue;
    std::string content = lede::cp_substr(text, idx, size_t(a.start), size_t(a.end));
    if (content.rfind(starts, 0) != 0) continue;
    const lede::SpanAttr &sp = a.attrs.speaker, &cue = a.attrs.cue;
    return {true, content, sp.is_set() ? sp.text : "", sp.entity, cue.is_set() ? cue.text : ""};
  }
  return {};
}
}  // namespace

TEST_CASE("claims: blame in a statement by someone, shifted to another") {
  Found f = blame_claim(
      "In an official statement by Kim Song, North Korea's ambassador to the United Nations, blame was shifted to the United States "
      "for the ongoing conflict, with claims that the situation was created by others.",
      "the United States");
  REQUIRE(f.ok);
  CHECK(f.content == "the United States for the ongoing conflict");
  CHECK(f.speaker == "Kim Song");
  CHECK(f.cue == "blame was shifted");
  CHECK(lede::cue_stance(f.cue) == lede::Stance::accuses);

  f = blame_claim("In a speech on Tuesday by Emmanuel Macron, blame was squarely placed on Russia for the energy crisis.", "Russia");
  REQUIRE(f.ok);
  CHECK(f.content == "Russia for the energy crisis");
  CHECK(f.speaker == "Emmanuel Macron");
  CHECK(f.cue == "blame was squarely placed");
}

TEST_CASE("claims: blame placed on someone by someone; someone blamed by someone") {
  Found f = blame_claim("Blame for the blackout was laid on the utility company by state regulators.", "the utility company");
  REQUIRE(f.ok);
  CHECK(f.content == "the utility company");
  CHECK(f.speaker == "state regulators");
  CHECK(lede::cue_stance(f.cue) == lede::Stance::accuses);

  f = blame_claim("The United States was blamed by Pyongyang for the collapse of the talks.", "The United States");
  REQUIRE(f.ok);
  CHECK(f.content == "The United States was blamed by Pyongyang for the collapse of the talks");
  CHECK(f.speaker == "Pyongyang");
  CHECK(f.cue == "was blamed");
  CHECK(lede::cue_stance(f.cue) == lede::Stance::accuses);
}

TEST_CASE("claims: someone shifted the blame onto someone; someone blamed someone") {
  Found f = blame_claim("Iran's foreign minister shifted the blame onto Israel for the attack.", "Israel");
  REQUIRE(f.ok);
  CHECK(f.content == "Israel for the attack");
  CHECK(f.speaker == "Iran's foreign minister");
  CHECK(f.cue == "shifted the blame");
  CHECK(lede::cue_stance(f.cue) == lede::Stance::accuses);

  f = blame_claim("Senator Maria Cantwell blamed the airline for the delays.", "the airline");
  REQUIRE(f.ok);
  CHECK(f.speaker.find("Maria Cantwell") != std::string::npos);
  CHECK(f.cue == "blamed");
}

TEST_CASE("claims: blame without a blamer is no claim") {
  CHECK_FALSE(blame_claim("Blame was shifted to the weather for the delays.", "the weather").ok);
  CHECK_FALSE(blame_claim("Nobody was to blame for the accident, the report found.", "for the accident").ok);
  CHECK_FALSE(blame_claim("Blame was placed on the drought caused by El Nino.", "the drought").ok);
}
#endif
