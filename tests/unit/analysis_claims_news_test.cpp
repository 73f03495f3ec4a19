// Analysis core: indirect speech on real news (issue 12): addressees before the clause, questions,
// claim nouns, content that stops before the next attribution, speakers that are never a date,
// an adverb or a number.
#ifdef LEDE_WITH_ANALYSIS
#include <doctest/doctest.h>

#include <string>

#include "core/analysis/analyze.hpp"
#include "core/text.hpp"

namespace {
const lede::Analyzer& analyzer() {
  static const lede::Analyzer a;
  return a;
}
struct Claim {
  bool ok = false;
  std::string speaker, cue;
};
// The claim whose content is s.
Claim claim(const std::string& text, const std::string& s) {
  lede::TextIndex idx(text);
  for (const auto& a : analyzer().analyze(text))
    if (a.label == "claim" && lede::cp_substr(text, idx, a.start, a.end) == s)
      return {true, a.attrs.speaker.is_set() ? a.attrs.speaker.text : "", a.attrs.cue.is_set() ? a.attrs.cue.text : ""};
  return {};
}
int claims(const std::string& text) {
  int n = 0;
  for (const auto& a : analyzer().analyze(text)) n += a.label == "claim";
  return n;
}
}  // namespace

TEST_CASE("claims: an addressee before the clause") {
  Claim c = claim("The president spent the week promising members of Congress that the tax cut would pay for itself.",
                  "the tax cut would pay for itself");
  REQUIRE(c.ok);
  CHECK(c.speaker == "The president");
  CHECK(c.cue == "promising");
  c = claim("The senator told reporters that the bill would pass.", "the bill would pass");
  REQUIRE(c.ok);
  CHECK(c.speaker == "The senator");
}

TEST_CASE("claims: questions") {
  Claim c = claim("Reporters asked whether the minister would resign.", "whether the minister would resign");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Reporters");
  c = claim("Critics have questioned whether the plan will work.", "whether the plan will work");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Critics");
  CHECK(claims("He asked for more time.") == 0);
}

TEST_CASE("claims: claim nouns and pointing to evidence") {
  Claim c = claim("He resigned amid allegations that he had taken bribes.", "he had taken bribes");
  REQUIRE(c.ok);
  CHECK(c.cue == "allegations");
  CHECK(claims("The claim that was made last week is false.") == 0);
  c = claim("The mayor has pointed to the falling crime rate as evidence that the policy works.", "the policy works");
  REQUIRE(c.ok);
  CHECK(c.speaker == "The mayor");
  CHECK(claims("He pointed the way to the exit.") == 0);
}

TEST_CASE("claims: content stops before the next attribution clause") {
  const std::string t = "Jones, who said he was tired, told the court that he was innocent.";
  Claim a = claim(t, "he was tired"), b = claim(t, "he was innocent");
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  CHECK(b.speaker == "Jones");
  CHECK(b.cue == "told");
}

TEST_CASE("claims: a speaker is never a date, an adverb or a number") {
  Claim c = claim("Already, officials said, the plan has failed.", "the plan has failed");
  REQUIRE(c.ok);
  CHECK(c.speaker == "officials");
  c = claim("In 2017, Jones said the plan failed.", "the plan failed");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Jones");
  c = claim("Okonkwo, 41, said he had written most of it at night.", "he had written most of it at night");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Okonkwo");
}
#endif

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("claims: a quote left open runs to the paragraph's end") {
  const std::string t = "In a statement, Governor Chris Gregoire said, \"The museum put a tremendous amount of effort into it. "
                        "Seattle would have been a perfect fit.\nNASA did not comment.";
  Claim c = claim(t, "The museum put a tremendous amount of effort into it. Seattle would have been a perfect fit");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Chris Gregoire");
  CHECK_FALSE(claim(t, "In a statement").ok);
}
#endif

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("claims: a relative clause's speaker; a clause that starts with a quantifier") {
  Claim c = claim("He met Maria Lopez, who had told David Hale he would assist him with housing.", "he would assist him with housing");
  REQUIRE(c.ok);
  CHECK(c.speaker == "Maria Lopez");
  c = claim("A recent poll found only a quarter of citizens favoured changing the flag.",
            "only a quarter of citizens favoured changing the flag");
  REQUIRE(c.ok);
  CHECK(c.speaker == "A recent poll");
}
#endif
