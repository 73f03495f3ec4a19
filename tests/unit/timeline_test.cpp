// The timeline (core/timeline.hpp) and the date arithmetic under it (core/dates.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/session.hpp"
#include "core/timeline.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "analyzer_support.hpp"
#include "session_support.hpp"
#include "test_support.hpp"
#endif

using namespace lede;

TEST_CASE("dates: relative values resolve against the publication date") {
  const Ymd ref{2024, 1, 5};  // a Friday
  CHECK(resolve_date_value("rel:day-1", "date", ref) == "2024-01-04");
  CHECK(resolve_date_value("rel:day+1", "date", ref) == "2024-01-06");
  CHECK(resolve_date_value("rel:week-1", "date", ref) == "2023-W52");
  CHECK(resolve_date_value("rel:month-1", "date", ref) == "2023-12");
  CHECK(resolve_date_value("rel:year+1", "date", ref) == "2025");
  CHECK(resolve_date_value("rel:Q3", "date", ref) == "2024-Q3");
  CHECK(resolve_date_value("rel:day-1 night", "time", ref) == "2024-01-04 night");
  // a day without a year: the nearest, in the past rather than months ahead
  CHECK(resolve_date_value("--12-30", "date", ref) == "2023-12-30");
  CHECK(resolve_date_value("--01-02", "date", ref) == "2024-01-02");
  CHECK(resolve_date_value("--01-02", "date", Ymd{2023, 12, 20}) == "2024-01-02");
  // a weekday: the latest on or before the publication date
  CHECK(resolve_date_value("Friday", "weekday", ref) == "2024-01-05");
  CHECK(resolve_date_value("Wednesday", "weekday", ref) == "2024-01-03");
  CHECK(resolve_date_value("Monday", "weekday", ref) == "2024-01-01");
  CHECK(resolve_date_value("Saturday", "weekday", ref) == "2023-12-30");
  // without a date to count from, a relative value is not placed; an absolute one always is
  CHECK(resolve_date_value("rel:day-1", "date", Ymd{}).empty());
  CHECK(resolve_date_value("Friday", "weekday", Ymd{}).empty());
  CHECK(resolve_date_value("2023-12-30", "date", Ymd{}) == "2023-12-30");
  CHECK(resolve_date_value("rel:summer-1", "date", ref).empty());

  int64_t a, b;
  REQUIRE(date_span("2024-W01", &a, &b));
  CHECK(a == days_from_civil(2024, 1, 1));
  CHECK(b - a == 6);
  REQUIRE(date_span("2024-02", &a, &b));
  CHECK(b - a == 28);  // a leap year
  REQUIRE(date_span("2024-Q1", &a, &b));
  CHECK(b == days_from_civil(2024, 3, 31));
  REQUIRE(date_span("2024-H2", &a, &b));  // a half year
  CHECK(a == days_from_civil(2024, 7, 1));
  CHECK(b == days_from_civil(2024, 12, 31));
  CHECK_FALSE(date_span("2024-H3", &a, &b));
  CHECK(resolve_date_value("rel:H1", "date", ref) == "2024-H1");
  CHECK_FALSE(date_span("1990s", &a, &b));

  Ymd d;
  CHECK(parse_iso_date("2024-01-05T09:30:00Z", &d));
  CHECK(d.d == 5);
  CHECK_FALSE(parse_iso_date("2024-02-30", &d));
  CHECK_FALSE(parse_iso_date("Jan 5", &d));
}

namespace {

Annotation number(const std::string& text, const std::string& words, const std::string& kind, json value) {
  Annotation a;
  a.id = "n" + std::to_string(text.find(words));
  a.label = "number";
  a.start = int64_t(text.find(words));
  a.end = a.start + int64_t(words.size());
  a.attrs.kind = kind;
  a.attrs.value = std::move(value);
  return a;
}

}  // namespace

TEST_CASE("timeline: dates in order with their sentence, its claims and actors; durations as bars; counted nouns grouped") {
  std::string text =
      "On Monday the ministry said the strikes had ended. Officials met on December 30 in Geneva. "
      "The talks lasted three days. Around 47 missiles were fired, the army said. Another count gave 47 missiles.";
  std::vector<Annotation> an;
  an.push_back(number(text, "Monday", "weekday", "Monday"));
  an.push_back(number(text, "December 30", "date", "--12-30"));
  an.push_back(number(text, "three days", "duration", 3));
  an.back().attrs.unit = "days";
  an.push_back(number(text, "Around 47", "count", 47));
  an.back().attrs.counted = "missiles";
  an.back().attrs.approx = true;
  an.push_back(number(text, "47 missiles", "count", 47));
  an.back().attrs.counted = "missiles";
  Annotation claim;
  claim.id = "c1";
  claim.label = "claim";
  claim.start = int64_t(text.find("the strikes"));
  claim.end = int64_t(text.find(" ended")) + 6;
  an.push_back(claim);
  Annotation geneva;
  geneva.id = "g";
  geneva.label = "actor";
  geneva.start = int64_t(text.find("Geneva"));
  geneva.end = geneva.start + 6;
  geneva.attrs.entity = "Geneva";
  an.push_back(geneva);
  TextIndex index(text);

  Timeline t = build_timeline(text, index, an, "2024-01-05");
  CHECK(t.reference == "2024-01-05");
  REQUIRE(t.entries.size() == 3);
  // December 30 (2023) comes before Monday (2024-01-01)
  CHECK(t.entries[0].resolved == "2023-12-30");
  CHECK(t.entries[1].resolved == "2024-01-01");
  CHECK(an[t.entries[1].number].id == an[0].id);
  REQUIRE(t.entries[1].claims.size() == 1);
  CHECK(an[t.entries[1].claims[0]].id == "c1");
  CHECK(cp_substr(text, index, size_t(t.entries[0].sentence_start), size_t(t.entries[0].sentence_end)) == "Officials met on December 30 in Geneva.");
  REQUIRE(t.entries[0].actors.size() == 1);
  // the duration has no date in its sentence: its bar ends at the publication date
  const TimelineEntry& bar = t.entries[2];
  CHECK(bar.duration);
  CHECK(bar.placed);
  CHECK(bar.days == 3);
  CHECK(bar.last == days_from_civil(2024, 1, 5));
  CHECK(bar.last - bar.first == 2);
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].counted == "missiles");
  CHECK(t.groups[0].numbers.size() == 2);

  // A rejected number leaves the timeline; without a publication date Monday is not placed.
  an[1].status = Status::rejected;
  Timeline u = build_timeline(text, index, an, "");
  REQUIRE(u.entries.size() == 2);
  CHECK(u.entries[0].resolved.empty());
  CHECK_FALSE(u.entries[0].placed);
  json j = timeline_json(u, text, index, an);
  CHECK(j["entries"][0]["sentence"] == "On Monday the ministry said the strikes had ended.");
  CHECK(j["groups"][0]["numbers"][0]["approx"] == true);
}

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("analysis: relative dates resolve against a reference date when one is given") {
  static const Analyzer analyzer;
  std::string text = "The minister said yesterday that the talks would resume next week.";
  auto values = [&](std::string_view ref) {
    std::vector<std::string> v;
    for (const Annotation& a : analyzer.analyze(text, nullptr, ref))
      if (a.label == "number" && a.attrs.value.is_string()) v.push_back(a.attrs.value.get<std::string>());
    return v;
  };
  CHECK(values("") == std::vector<std::string>{"rel:day-1", "rel:week+1"});
  CHECK(values("2024-01-05") == std::vector<std::string>{"2024-01-04", "2024-W02"});
  CHECK(values("not a date") == std::vector<std::string>{"rel:day-1", "rel:week+1"});
}

TEST_CASE("timeline: the default article's dates, against a publication date") {
  std::string text = read_source_file("assets/articles/dprk-missiles-un.txt");
  TextIndex index(text);
  static const Analyzer analyzer;
  std::vector<Annotation> an = analyzer.analyze(text);
  Timeline t = build_timeline(text, index, an, "2024-01-06");
  std::vector<std::string> resolved;
  for (const TimelineEntry& e : t.entries) resolved.push_back(e.resolved);
  auto has = [&](const std::string& r) { return std::find(resolved.begin(), resolved.end(), r) != resolved.end(); };
  CHECK(has("2023-12-30"));  // December 30
  CHECK(has("2024-01-02"));  // January 2
  CHECK(has("2024-01-05"));  // Friday
  CHECK(has("2024-01-03"));  // Wednesday
  CHECK(has("2006"));
  for (size_t i = 1; i < t.entries.size(); ++i)
    if (t.entries[i].placed) CHECK(t.entries[i - 1].first <= t.entries[i].first);
  // "In a joint statement on Wednesday, ... denounced ...": its claim and actors come with it
  for (const TimelineEntry& e : t.entries)
    if (e.resolved == "2024-01-03") {
      CHECK_FALSE(e.claims.empty());
      bool blinken = false;
      for (size_t k : e.actors) blinken |= an[k].attrs.entity == "Antony Blinken";
      CHECK(blinken);
    }
}
#endif

#ifdef LEDE_WITH_ANALYSIS
namespace {

// The timeline as a whole, indices included: an incremental update must give exactly a full build's.
std::string whole(const Timeline& t) {
  std::string out = "reference " + t.reference + "\n";
  auto list = [](const std::vector<size_t>& v) {
    std::string o;
    for (size_t i : v) o += " " + std::to_string(i);
    return o;
  };
  for (const TimelineEntry& e : t.entries)
    out += std::to_string(e.number) + " " + e.kind + " " + e.value + " " + e.resolved + " " + std::to_string(e.placed) + " " +
           std::to_string(e.first) + ".." + std::to_string(e.last) + " " + std::to_string(e.days) + " [" +
           std::to_string(e.sentence_start) + "," + std::to_string(e.sentence_end) + ") claims" + list(e.claims) + " actors" + list(e.actors) + "\n";
  for (const NumberGroup& g : t.groups) out += g.counted + ":" + list(g.numbers) + "\n";
  return out;
}

}  // namespace

TEST_CASE("timeline: after any mix of changes, undo and redo the picture equals a full build, reading only what changed") {
  std::string article = read_source_file("assets/articles/dprk-missiles-un.txt");
  Session s;
  open_analysed(s, article + "\n" + article, "2024-01-06");  // dates and counted nouns in both halves
  TimelinePicture p;
  REQUIRE(p.update(s));
  CHECK(p.read == s.annotations.size());
  REQUIRE(p.timeline.entries.size() > 10);
  REQUIRE(!p.timeline.groups.empty());
  CHECK_FALSE(p.update(s));
  const size_t partial = follow_random_steps(s, p, 5, 300, [&] { return whole(p.timeline); },
                                             [&] { return whole(build_timeline(s)); });
  CHECK(partial > 200);
}
#endif

TEST_CASE("timeline: the axis breaks across a long gap, so that one old year does not squeeze the days into a point") {
  auto entry = [](int64_t first, int64_t last) {
    TimelineEntry e;
    e.placed = true;
    e.first = first;
    e.last = last;
    return e;
  };
  const int64_t y2006 = days_from_civil(2006, 1, 1), dec30 = days_from_civil(2023, 12, 30);
  Timeline t;
  t.entries = {entry(y2006, days_from_civil(2006, 12, 31)), entry(dec30, dec30), entry(dec30 + 3, dec30 + 3),
               entry(dec30 + 4, dec30 + 4), entry(dec30 + 6, dec30 + 6)};
  std::vector<AxisStretch> s = axis_stretches(t);
  REQUIRE(s.size() == 2);
  CHECK(s[0].first == y2006);
  CHECK(s[0].last == days_from_civil(2006, 12, 31));
  CHECK(s[1].first == dec30);
  CHECK(s[1].last == dec30 + 6);
  CHECK(s[0].x0 == 0);
  CHECK(s[1].x1 == 1);
  CHECK(s[0].x1 < s[1].x0);  // the break
  // The four days of 2023-24 spread over more than a third of the axis, in order, each apart.
  std::vector<double> x;
  for (int64_t d : {dec30, dec30 + 3, dec30 + 4, dec30 + 6}) x.push_back(axis_x(s, double(d) + 0.5));
  CHECK(x.back() - x.front() > 0.35);
  for (size_t i = 1; i < x.size(); ++i) CHECK(x[i] - x[i - 1] > 0.05);
  // 2006 keeps a fair part too, before the break; a day in the gap is drawn in the break.
  CHECK(axis_x(s, double(days_from_civil(2006, 7, 1))) > s[0].x0);
  CHECK(axis_x(s, double(days_from_civil(2006, 7, 1))) < s[0].x1);
  const double mid = axis_x(s, double(days_from_civil(2015, 1, 1)));
  CHECK(mid > s[0].x1);
  CHECK(mid < s[1].x0);

  // Dates a few weeks apart, or spread evenly over years, keep one unbroken axis.
  Timeline near;
  near.entries = {entry(dec30, dec30), entry(dec30 + 20, dec30 + 20), entry(dec30 + 45, dec30 + 45)};
  CHECK(axis_stretches(near).size() == 1);
  Timeline even;
  for (int y = 2000; y <= 2024; y += 4) even.entries.push_back(entry(days_from_civil(y, 6, 1), days_from_civil(y, 6, 1)));
  CHECK(axis_stretches(even).size() == 1);
  // One lone date: it sits inside the axis, not on its edge.
  Timeline one;
  one.entries = {entry(dec30, dec30)};
  s = axis_stretches(one);
  REQUIRE(s.size() == 1);
  CHECK(axis_x(s, double(dec30)) > 0.1);
  CHECK(axis_x(s, double(dec30 + 1)) < 0.9);
}
