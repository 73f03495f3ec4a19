// The timeline: every date, time and duration of an article placed on a calendar (relative ones
// resolved against the publication date, Document::meta.published, when known), with the sentence
// it belongs to and that sentence's claims and actors; and the numbers that count the same noun,
// side by side. No UI: the Timeline panel, `lede timeline` and the tests build the same Timeline.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/annotation.hpp"
#include "core/text.hpp"

namespace lede {

struct Session;

struct TimelineEntry {
  size_t number = 0;         // the annotation (index)
  std::string kind;          // date, year, weekday, time, duration
  std::string value;         // as annotated ("rel:day-1", "--12-30", 3)
  std::string resolved;      // "2024-01-04", "2023-W52", "2023" ...; empty when it cannot be placed
  bool placed = false;       // first..last hold its days
  int64_t first = 0, last = 0;  // days since 1970-01-01 it covers (a duration: its bar)
  bool duration = false;
  double days = 0;           // a duration's length in days
  int64_t sentence_start = 0, sentence_end = 0;  // code points
  std::vector<size_t> claims, actors;            // annotations in (claims: touching) the sentence
};

struct NumberGroup {
  std::string counted;          // "missiles"
  std::vector<size_t> numbers;  // its numbers (indices), in text order
};

struct Timeline {
  std::string reference;               // the publication date used, empty if unknown
  std::vector<TimelineEntry> entries;  // placed ones by date, then the others in text order
  std::vector<NumberGroup> groups;     // nouns counted twice or more, the most counted first
};

// From a set of annotations on text; rejected suggestions are left out.
Timeline build_timeline(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                        std::string_view published);
Timeline build_timeline(const Session& s);

// What the timeline is made of, read from the annotations. TimelinePicture keeps it between
// changes, so that a change reads again only the annotations it touched and finds again the claims
// and actors of only the sentences near them (as GraphParts does for the graph).
struct TimelineParts {
  struct Span { int64_t start, end; size_t index; };
  std::vector<Span> claims, actors;                         // not rejected, by start
  std::vector<std::pair<size_t, std::string>> counted;      // numbers with a counted noun (lower case), by start
  std::vector<TimelineEntry> entries;                       // the calendar's, by start; durations not yet placed
};
TimelineParts read_timeline_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                                  std::string_view published);
// After a change that touched only annotations starting in [from, to] (Session::change_spans) and
// left `annotations` with count_before annotations before it: the same parts read_timeline_parts
// would give now. Returns how many annotations it read.
size_t update_timeline_parts(TimelineParts& parts, std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                             std::string_view published, size_t count_before, int64_t from, int64_t to);
Timeline timeline_of(const TimelineParts& parts, std::string_view published);

// What the Timeline tab shows, kept across frames: rebuilt when the session changed, from the parts
// the changes touched (a new publication date or a change without a span: from every annotation).
struct TimelinePicture {
  Timeline timeline;
  size_t read = 0;  // annotations the last update read
  bool update(const Session& s);  // true when the timeline was rebuilt

 private:
  const Session* session_ = nullptr;
  uint64_t changes_ = ~0ull;
  size_t count_ = 0;
  std::string published_;
  TimelineParts parts_;
};

// Where the axis draws a day. Dates far apart in time (a year in 2006 among days of January 2024)
// get stretches of their own with a break between, each as wide as its share of the dates, so that
// one old date does not squeeze the rest into a point. Days [from, to) are drawn over [x0, x1], a
// share of the axis's width (0..1); first..last are the stretch's dates, for its labels.
struct AxisStretch {
  int64_t from = 0, to = 0;
  int64_t first = 0, last = 0;
  double x0 = 0, x1 = 0;
};
std::vector<AxisStretch> axis_stretches(const Timeline& t);
// The place of day z (fractional days allowed) on the axis, 0..1; a day in a break is in its middle.
double axis_x(const std::vector<AxisStretch>& stretches, double z);

// The sentence around code point cp: [start, end) in code points, without its trailing blanks.
void sentence_around(std::string_view text, const TextIndex& index, int64_t cp, int64_t* start, int64_t* end);

// `lede timeline`: {"reference", "entries": [{id, text, kind, value, resolved, from, to, days,
// sentence, claims (ids), actors (entities)}], "groups": [{counted, numbers: [{id, text, value,
// approx, bound}]}]}.
json timeline_json(const Timeline& t, std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations);

}  // namespace lede
