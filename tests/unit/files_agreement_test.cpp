// Agreement figures and pairing for merging two readers' files (values computed by hand).
#include <doctest/doctest.h>

#include "core/agreement.hpp"

using namespace lede;

namespace {
Annotation ann(const std::string& label, int64_t s, int64_t e, Status st = Status::accepted) {
  Annotation a;
  a.id = label + std::to_string(s);
  a.label = label;
  a.start = s;
  a.end = e;
  a.status = st;
  return a;
}
}  // namespace

TEST_CASE("files: span F1 (exact and overlap) and code-point kappa") {
  std::vector<Annotation> a = {ann("L", 0, 5), ann("L", 10, 15), ann("L", 20, 25), ann("L", 40, 45, Status::rejected)};
  std::vector<Annotation> b = {ann("L", 0, 5), ann("L", 11, 15), ann("L", 30, 35), ann("M", 20, 25)};
  Agreement g = agreement(a, b, "L");
  CHECK(g.count_a == 3);
  CHECK(g.count_b == 3);
  CHECK(g.exact.matched == 1);
  CHECK(g.exact.precision == doctest::Approx(1.0 / 3));
  CHECK(g.exact.recall == doctest::Approx(1.0 / 3));
  CHECK(g.exact.f1 == doctest::Approx(1.0 / 3));
  CHECK(g.overlap.matched == 2);
  CHECK(g.overlap.only_a == 1);
  CHECK(g.overlap.only_b == 1);
  CHECK(g.overlap.f1 == doctest::Approx(2.0 / 3));
  // 35 code points: both 9, only A 6, only B 5, neither 15.
  CHECK(g.units == 35);
  CHECK(g.both == 9);
  CHECK(g.only_in_a == 6);
  CHECK(g.only_in_b == 5);
  CHECK(g.neither == 15);
  CHECK(g.observed == doctest::Approx(24.0 / 35));
  CHECK(g.expected == doctest::Approx(630.0 / 1225));
  REQUIRE(g.kappa_defined);
  CHECK(g.kappa == doctest::Approx(210.0 / 595));
}

TEST_CASE("files: token-level kappa on the text") {
  std::string text = "Kim Jong Un met Moon in Seoul.";
  std::vector<Annotation> a = {ann("actor", 0, 11), ann("actor", 16, 20)};
  std::vector<Annotation> b = {ann("actor", 4, 11), ann("actor", 24, 29)};
  Agreement g = agreement(a, b, "actor", text);
  CHECK(g.exact.matched == 0);
  CHECK(g.exact.f1 == 0);
  CHECK(g.overlap.matched == 1);
  CHECK(g.overlap.precision == doctest::Approx(0.5));
  CHECK(g.overlap.recall == doctest::Approx(0.5));
  CHECK(g.overlap.f1 == doctest::Approx(0.5));
  CHECK(g.units == 8);  // Kim Jong Un met Moon in Seoul .
  CHECK(g.both == 2);
  CHECK(g.only_in_a == 2);
  CHECK(g.only_in_b == 1);
  CHECK(g.neither == 3);
  CHECK(g.observed == doctest::Approx(0.625));
  CHECK(g.expected == doctest::Approx(0.5));
  CHECK(g.kappa == doctest::Approx(0.25));
  // Perfect agreement.
  Agreement same = agreement(a, a, "actor", text);
  CHECK(same.exact.f1 == 1);
  CHECK(same.kappa == doctest::Approx(1.0));
  // Code points, not bytes: "Łódź" is one token of 4 code points.
  Agreement pl = agreement({ann("p", 0, 4)}, {ann("p", 2, 4)}, "p", "Łódź is big");
  CHECK(pl.units == 3);
  CHECK(pl.both == 1);
  CHECK(pl.kappa == doctest::Approx(1.0));
}

TEST_CASE("files: agreement where it does not apply") {
  std::vector<Annotation> a = {ann("L", 0, 5)};
  Agreement none = agreement(a, a, "unused", "Some text here.");
  CHECK_FALSE(none.exact.defined);
  CHECK_FALSE(none.kappa_defined);
  // One reader labelled nothing: F1 0, kappa 0 (chance agreement is not 1).
  Agreement one = agreement(a, {}, "L", "Alpha beta gamma delta.");
  CHECK(one.exact.defined);
  CHECK(one.exact.f1 == 0);
  CHECK(one.overlap.recall == 0);
  REQUIRE(one.kappa_defined);
  CHECK(one.kappa == doctest::Approx(0.0));
  // Every unit labelled by both: chance agreement 1, kappa undefined.
  Agreement all = agreement({ann("L", 0, 5)}, {ann("L", 0, 5)}, "L", "Alpha");
  CHECK(all.exact.f1 == 1);
  CHECK_FALSE(all.kappa_defined);
  // Duplicates pair one-to-one.
  Agreement dup = agreement({ann("L", 0, 5), ann("L", 0, 5)}, {ann("L", 0, 5)}, "L");
  CHECK(dup.exact.matched == 1);
  CHECK(dup.exact.f1 == doctest::Approx(2.0 / 3));
}

TEST_CASE("files: pairing two readers' annotations for the merge view") {
  std::vector<Annotation> a = {ann("actor", 0, 3), ann("claim", 10, 20), ann("number", 30, 32)};
  std::vector<Annotation> b = {ann("claim", 40, 45), ann("actor", 30, 32), ann("claim", 12, 22), ann("actor", 0, 3)};
  std::vector<MergeItem> rows = pair_for_merge(a, b);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].a == 0);
  CHECK(rows[0].b == 3);
  CHECK(rows[0].same_span);
  CHECK(rows[0].same_label);
  CHECK(rows[1].a == 1);
  CHECK(rows[1].b == 2);
  CHECK_FALSE(rows[1].same_span);
  CHECK(rows[1].same_label);
  CHECK(rows[2].a == 2);
  CHECK(rows[2].b == 1);
  CHECK(rows[2].same_span);
  CHECK_FALSE(rows[2].same_label);
  CHECK(rows[3].a == -1);
  CHECK(rows[3].b == 0);
  // Only in A.
  std::vector<MergeItem> solo = pair_for_merge(a, {});
  REQUIRE(solo.size() == 3);
  CHECK(solo[0].b == -1);
}
