// The session's tally (core/tally.hpp): kept up to date from each change's edits, it must be the
// counts read afresh from every annotation, whatever the reader did (the status bar and the
// library list show it).
#include <doctest/doctest.h>

#include <string>

#include "core/review.hpp"
#include "core/session.hpp"
#include "core/tally.hpp"
#include "session_support.hpp"

#ifdef LEDE_WITH_ANALYSIS
#include "analyzer_support.hpp"
#include "test_support.hpp"
#endif

using namespace lede;

namespace {

std::string counts(const Tally& t) {
  return std::to_string(t.accepted) + " accepted, " + std::to_string(t.suggested) + " suggested, " + std::to_string(t.rejected) +
         " rejected, " + std::to_string(t.claims) + " claims, " + std::to_string(t.checked) + " checked";
}

// The session's tally, as a picture follow_random_steps updates: the session keeps it itself.
struct SessionTally {
  size_t read = 0;
  void update(const Session&) {}
};

}  // namespace

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("tally: after any mix of changes, reviews, undo and redo it equals a recount") {
  Session s;
  open_analysed(s, read_source_file("assets/articles/dprk-missiles-un.txt"));
  REQUIRE(s.annotations.size() > 50);
  REQUIRE(s.tally.claims > 5);
  CHECK(counts(s.tally) == counts(tally_of(s.annotations)));
  SessionTally picture;
  auto now = [&] { return counts(s.tally); };
  auto fresh = [&] { return counts(tally_of(s.annotations)); };
  uint64_t seed = 5;
  for (int round = 0; round < 60; ++round) {
    follow_random_steps(s, picture, seed + uint64_t(round), 5, now, fresh);
    // A claim's review checked, reopened or removed, as the card does it.
    size_t k = size_t(round) * 7919 % s.annotations.size();
    while (k < s.annotations.size() && !(is_claim(s.annotations[k]) && s.annotations[k].status != Status::rejected)) ++k;
    if (k == s.annotations.size()) continue;
    std::optional<Review> r = Review{};
    if (round % 3 == 0) r->status = ReviewStatus::checked;
    else if (round % 3 == 1) r.reset();
    REQUIRE(set_review(s, s.annotations[k].id, r, "me", "2026-12-07").ok);
    INFO("round " << round);
    REQUIRE(now() == fresh());
  }
  // The random steps rejected some; the tally agrees with the other counts the reader shows.
  CHECK(tally_of(s.annotations).rejected > 0);
  CHECK(reader_annotation_count(s) == s.tally.accepted + s.tally.rejected);
  const ClaimCounts cc = claim_counts(s.annotations);
  CHECK(cc.claims == s.tally.claims);
  CHECK(cc.checked == s.tally.checked);
  // Undo everything, then redo it all: still equal at each step.
  while (undo(s)) REQUIRE(now() == fresh());
  while (redo(s)) REQUIRE(now() == fresh());
}
#endif

TEST_CASE("tally: opening an article and adding suggestions count afresh") {
  Session s;
  Document d;
  d.title = "t";
  d.text = "Kim said the United States was to blame.";
  Annotation claim = [&] {
    Annotation a;
    a.id = "c1";
    a.label = "claim";
    a.start = 0;
    a.end = 10;
    a.origin = Origin::automatic;
    a.status = Status::suggested;
    return a;
  }();
  Annotation mine = claim;
  mine.id = "u1";
  mine.label = "actor";
  mine.origin = Origin::user;
  mine.status = Status::accepted;
  session_open(s, d, {}, {mine});
  CHECK(counts(s.tally) == "1 accepted, 0 suggested, 0 rejected, 0 claims, 0 checked");
  REQUIRE(add_suggestions(s, {claim}));
  CHECK(counts(s.tally) == "1 accepted, 1 suggested, 0 rejected, 1 claims, 0 checked");
  Annotation rejected = claim;
  rejected.status = Status::rejected;
  Change c;
  c.what = "Rejected";
  c.edits.push_back({claim, rejected});
  REQUIRE(commit(s, c));
  CHECK(counts(s.tally) == "1 accepted, 0 suggested, 1 rejected, 0 claims, 0 checked");
  REQUIRE(undo(s));
  CHECK(counts(s.tally) == "1 accepted, 1 suggested, 0 rejected, 1 claims, 0 checked");
}
