// The timeline: every date, time and duration of an article placed on a calendar (relative ones
// resolved against the publication date, Document::meta.published, when known), with the sentence
// it belongs to and that sentence's claims and actors; and the numbers that count the same noun,
// side by side. No UI: the Timeline panel, `lede timeline` and the tests build the same Timeline.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
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

// The sentence around code point cp: [start, end) in code points, without its trailing blanks.
void sentence_around(std::string_view text, const TextIndex& index, int64_t cp, int64_t* start, int64_t* end);

// `lede timeline`: {"reference", "entries": [{id, text, kind, value, resolved, from, to, days,
// sentence, claims (ids), actors (entities)}], "groups": [{counted, numbers: [{id, text, value,
// approx, bound}]}]}.
json timeline_json(const Timeline& t, std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations);

}  // namespace lede
