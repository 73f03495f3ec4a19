#include "core/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/dates.hpp"
#include "core/kinds.hpp"
#include "core/session.hpp"

namespace lede {

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// A '.', '!' or '?' at byte i ends a sentence: blanks, then a capital, a digit or a quote follow,
// and it does not end an abbreviation ("U.S.", "Mr.", "Jan.").
bool sentence_end_at(std::string_view t, size_t i) {
  char c = t[i];
  if (c != '.' && c != '!' && c != '?') return false;
  size_t j = i + 1;
  while (j < t.size() && (t[j] == '"' || t[j] == ')' || (t.compare(j, 3, "\u201D") == 0 && (j += 2)))) ++j;
  if (j >= t.size() || (t[j] != ' ' && t[j] != '\n')) return j >= t.size();
  while (j < t.size() && t[j] == ' ') ++j;
  if (j >= t.size()) return true;
  unsigned char n = static_cast<unsigned char>(t[j]);
  if (!(upper(char(n)) || (n >= '0' && n <= '9') || n == '"' || n >= 0x80 || n == '\n')) return false;
  if (c == '.') {
    size_t w = i;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n') --w;
    std::string_view word = t.substr(w, i - w);
    if (word.size() == 1 && upper(word[0])) return false;                           // an initial
    if (word.find('.') != std::string_view::npos && word.size() <= 4) return false;  // "U.S"
    static const char* kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                    "Sep", "Sept", "Oct", "Nov", "Dec", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "No"};
    for (const char* a : kAbbrev)
      if (word == a) return false;
  }
  return true;
}

double duration_days(const std::string& unit, double v) {
  if (unit == "seconds") return v / 86400;
  if (unit == "minutes") return v / 1440;
  if (unit == "hours") return v / 24;
  if (unit == "days") return v;
  if (unit == "weeks") return v * 7;
  if (unit == "months") return v * 30.44;
  if (unit == "years") return v * 365.25;
  if (unit == "decades") return v * 3652.5;
  return 0;
}

bool on_calendar(const std::string& kind) { return kind == "date" || kind == "year" || kind == "weekday" || kind == "time" || kind == "duration"; }

std::string value_text(const json& v) { return v.is_null() ? std::string() : number_value_text(v); }

}  // namespace

void sentence_around(std::string_view text, const TextIndex& index, int64_t cp, int64_t* start, int64_t* end) {
  size_t at = index.to_byte(size_t(std::max<int64_t>(cp, 0)));
  size_t b = at;
  while (b > 0 && text[b - 1] != '\n' && !sentence_end_at(text, b - 1)) --b;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\n')) ++b;
  size_t e = at;
  while (e < text.size() && text[e] != '\n' && !sentence_end_at(text, e)) ++e;
  if (e < text.size() && text[e] != '\n') ++e;
  if (b > at) b = at;
  *start = int64_t(index.to_cp(b));
  *end = int64_t(index.to_cp(e));
}

namespace {

// The parts of annotations [first, last), appended: claims, actors, counted numbers and the
// calendar's entries (their sentence and place; not yet their claims and actors).
void read_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& an, const Ymd& ref, size_t first,
                size_t last, TimelineParts* parts) {
  int64_t sentence_start = -1, sentence_end = -1;  // the last sentence found: the next date is often in it
  for (size_t i = first; i < last; ++i) {
    const Annotation& a = an[i];
    if (a.status == Status::rejected) continue;
    if (a.label == kind(KindId::claim).label) parts->claims.push_back({a.start, a.end, i});
    else if (a.label == kind(KindId::actor).label) parts->actors.push_back({a.start, a.end, i});
    if (a.label != kind(KindId::number).label) continue;
    if (!a.attrs.counted.empty()) {
      std::string key = a.attrs.counted;
      for (char& c : key)
        if (upper(c)) c = char(c + 32);
      parts->counted.push_back({i, std::move(key)});
    }
    if (!on_calendar(a.attrs.kind)) continue;
    TimelineEntry e;
    e.number = i;
    e.kind = a.attrs.kind;
    e.value = value_text(a.attrs.value);
    if (a.start < sentence_start || a.start >= sentence_end) sentence_around(text, index, a.start, &sentence_start, &sentence_end);
    e.sentence_start = sentence_start;
    e.sentence_end = sentence_end;
    if (e.kind == "duration") {
      e.duration = true;
      e.days = a.attrs.value.is_number() ? duration_days(a.attrs.unit, a.attrs.value.get<double>()) : 0;
    } else if (!e.value.empty()) {
      e.resolved = resolve_date_value(e.value, e.kind, ref);
      e.placed = !e.resolved.empty() && date_span(e.resolved, &e.first, &e.last);
    }
    parts->entries.push_back(std::move(e));
  }
}

// The claims touching each entry's sentence and the actors in it, for the entries whose sentence
// reaches into [from, to] (all: INT64_MIN, INT64_MAX).
void link_entries(TimelineParts& parts, int64_t from, int64_t to) {
  const std::vector<TimelineParts::Span>& claims = parts.claims;
  const std::vector<TimelineParts::Span>& actors = parts.actors;
  // reach[k]: the furthest end of claims[0..k]; the claims touching a sentence start at the first
  // whose reach passes the sentence's start.
  std::vector<int64_t> reach(claims.size());
  for (size_t k = 0; k < claims.size(); ++k) reach[k] = std::max(k ? reach[k - 1] : INT64_MIN, claims[k].end);
  auto first_at = [](const std::vector<TimelineParts::Span>& v, int64_t cp) {
    return size_t(std::lower_bound(v.begin(), v.end(), cp, [](const TimelineParts::Span& x, int64_t c) { return x.start < c; }) - v.begin());
  };
  for (TimelineEntry& e : parts.entries) {
    if (e.sentence_end < from || e.sentence_start > to) continue;
    e.claims.clear();
    e.actors.clear();
    for (size_t k = size_t(std::upper_bound(reach.begin(), reach.end(), e.sentence_start) - reach.begin());
         k < claims.size() && claims[k].start < e.sentence_end; ++k)
      if (claims[k].end > e.sentence_start) e.claims.push_back(claims[k].index);
    for (size_t k = first_at(actors, e.sentence_start); k < actors.size() && actors[k].start < e.sentence_end; ++k) e.actors.push_back(actors[k].index);
  }
}

Ymd reference_of(std::string_view published) {
  Ymd ref;
  parse_iso_date(published, &ref);
  return ref;
}

}  // namespace

TimelineParts read_timeline_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& an, std::string_view published) {
  TimelineParts parts;
  read_parts(text, index, an, reference_of(published), 0, an.size(), &parts);
  // By start (a session keeps its annotations in this order already: no sort then).
  auto span_order = [](const TimelineParts::Span& x, const TimelineParts::Span& y) { return x.start != y.start ? x.start < y.start : x.index < y.index; };
  if (!std::is_sorted(parts.claims.begin(), parts.claims.end(), span_order)) std::sort(parts.claims.begin(), parts.claims.end(), span_order);
  if (!std::is_sorted(parts.actors.begin(), parts.actors.end(), span_order)) std::sort(parts.actors.begin(), parts.actors.end(), span_order);
  auto by_start = [&](size_t x, size_t y) { return an[x].start != an[y].start ? an[x].start < an[y].start : x < y; };
  if (!std::is_sorted(parts.entries.begin(), parts.entries.end(), [&](const TimelineEntry& x, const TimelineEntry& y) { return by_start(x.number, y.number); }))
    std::stable_sort(parts.entries.begin(), parts.entries.end(), [&](const TimelineEntry& x, const TimelineEntry& y) { return by_start(x.number, y.number); });
  if (!std::is_sorted(parts.counted.begin(), parts.counted.end(), [&](const auto& x, const auto& y) { return by_start(x.first, y.first); }))
    std::stable_sort(parts.counted.begin(), parts.counted.end(), [&](const auto& x, const auto& y) { return by_start(x.first, y.first); });
  link_entries(parts, INT64_MIN, INT64_MAX);
  return parts;
}

size_t update_timeline_parts(TimelineParts& parts, std::string_view text, const TextIndex& index, const std::vector<Annotation>& an,
                             std::string_view published, size_t count_before, int64_t from, int64_t to) {
  if (from > to) return 0;  // the change touched no annotation
  // The annotations starting in [from, to] are read again; those after them moved by how many
  // the change added or removed; those before stay where they were (as update_graph_parts).
  size_t first = size_t(std::lower_bound(an.begin(), an.end(), from, [](const Annotation& a, int64_t c) { return a.start < c; }) - an.begin());
  size_t last = first;
  while (last < an.size() && an[last].start <= to) ++last;
  const ptrdiff_t moved = ptrdiff_t(an.size()) - ptrdiff_t(count_before);
  const size_t old_last = size_t(ptrdiff_t(last) - moved);
  auto shift = [&](size_t& i) {
    if (i >= old_last) i = size_t(ptrdiff_t(i) + moved);
  };
  TimelineParts fresh;
  read_parts(text, index, an, reference_of(published), first, last, &fresh);
  // Each list: out with the annotations the change touched, in with them as they are now.
  auto splice = [&](auto& v, auto& add, auto index_of) {
    auto lo = std::find_if(v.begin(), v.end(), [&](auto& x) { return index_of(x) >= first; });
    auto hi = std::find_if(lo, v.end(), [&](auto& x) { return index_of(x) >= old_last; });
    for (auto it = hi; it != v.end(); ++it) shift(index_of(*it));
    size_t at = size_t(lo - v.begin());
    v.erase(lo, hi);
    v.insert(v.begin() + ptrdiff_t(at), std::make_move_iterator(add.begin()), std::make_move_iterator(add.end()));
  };
  splice(parts.claims, fresh.claims, [](TimelineParts::Span& x) -> size_t& { return x.index; });
  splice(parts.actors, fresh.actors, [](TimelineParts::Span& x) -> size_t& { return x.index; });
  splice(parts.counted, fresh.counted, [](std::pair<size_t, std::string>& x) -> size_t& { return x.first; });
  for (TimelineEntry& e : parts.entries) {  // the claims and actors after the change moved too
    for (size_t& i : e.claims) shift(i);
    for (size_t& i : e.actors) shift(i);
  }
  splice(parts.entries, fresh.entries, [](TimelineEntry& x) -> size_t& { return x.number; });
  // Linked again: the entries whose sentence reaches into what the change touched (the new ones do).
  link_entries(parts, from, to);
  return last - first;
}

Timeline timeline_of(const TimelineParts& parts, std::string_view published) {
  Timeline t;
  Ymd ref;
  if (parse_iso_date(published, &ref)) t.reference = iso_date(ref.y, ref.m, ref.d);
  t.entries = parts.entries;
  std::map<std::string, NumberGroup> groups;
  for (const auto& [i, key] : parts.counted) {
    NumberGroup& g = groups[key];
    g.counted = key;
    g.numbers.push_back(i);
  }
  // A duration's bar ends at a date of its sentence (the first placed one), else at the publication
  // date ("for the past three years"); without either it is listed, not placed.
  std::map<int64_t, int64_t> sentence_date;  // sentence start -> last day of its first placed date
  for (const TimelineEntry& o : t.entries)
    if (o.placed && !o.duration) sentence_date.emplace(o.sentence_start, o.last);
  for (TimelineEntry& e : t.entries) {
    if (!e.duration || e.days <= 0) continue;
    auto anchor = sentence_date.find(e.sentence_start);
    int64_t end = 0;
    if (anchor != sentence_date.end()) end = anchor->second;
    else if (ref.ok()) end = days_from_civil(ref.y, unsigned(ref.m), unsigned(ref.d));
    else continue;
    e.placed = true;
    e.last = end;
    e.first = end - std::max<int64_t>(0, int64_t(e.days + 0.5) - 1);
  }
  std::stable_sort(t.entries.begin(), t.entries.end(), [](const TimelineEntry& x, const TimelineEntry& y) {
    if (x.placed != y.placed) return x.placed;
    if (!x.placed) return false;
    return x.first != y.first ? x.first < y.first : x.last < y.last;
  });
  for (auto& [key, g] : groups)
    if (g.numbers.size() > 1) t.groups.push_back(std::move(g));
  std::stable_sort(t.groups.begin(), t.groups.end(), [](const NumberGroup& x, const NumberGroup& y) { return x.numbers.size() > y.numbers.size(); });
  return t;
}

Timeline build_timeline(std::string_view text, const TextIndex& index, const std::vector<Annotation>& an, std::string_view published) {
  return timeline_of(read_timeline_parts(text, index, an, published), published);
}

bool TimelinePicture::update(const Session& s) {
  if (session_ == &s && changes_ == s.changes && published_ == s.doc.meta.published) return false;
  int64_t from, to;
  if (session_ == &s && published_ == s.doc.meta.published && touched_since(s, changes_, &from, &to)) {
    read = update_timeline_parts(parts_, s.doc.text, s.index, s.annotations, s.doc.meta.published, count_, from, to);
  } else {
    parts_ = read_timeline_parts(s.doc.text, s.index, s.annotations, s.doc.meta.published);
    read = s.annotations.size();
  }
  session_ = &s;
  changes_ = s.changes;
  count_ = s.annotations.size();
  published_ = s.doc.meta.published;
  timeline = timeline_of(parts_, published_);
  return true;
}

Timeline build_timeline(const Session& s) { return build_timeline(s.doc.text, s.index, s.annotations, s.doc.meta.published); }

std::vector<AxisStretch> axis_stretches(const Timeline& t) {
  struct Run { int64_t first, end; double dates; };
  std::vector<Run> runs;  // the days [first, end) of each placed date
  int64_t last_end = INT64_MIN;
  for (const TimelineEntry& e : t.entries)
    if (e.placed) {
      runs.push_back({e.first, e.last + 1, 1});
      last_end = std::max(last_end, e.last + 1);
    }
  if (runs.empty()) return {};
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.first < b.first; });
  // A gap breaks the axis when it is long both in days and against the whole span: two months
  // and a quarter of the span. Dates that overlap (a gap of 0 or less) always share a stretch.
  const int64_t span = last_end - runs.front().first;
  std::vector<Run> parts;
  for (const Run& r : runs) {
    if (!parts.empty()) {
      const int64_t gap = r.first - parts.back().end;
      if (gap <= 60 || gap * 4 <= span) {
        parts.back().end = std::max(parts.back().end, r.end);
        parts.back().dates += r.dates;
        continue;
      }
    }
    parts.push_back(r);
  }
  // Width by the square root of the dates: a stretch of many dates gets more, one date still a fair part.
  const double brk = 0.04;
  double weight = 0;
  for (const Run& p : parts) weight += std::sqrt(p.dates);
  const double room = 1 - brk * double(parts.size() - 1);
  std::vector<AxisStretch> out;
  double x = 0;
  for (const Run& p : parts) {
    const int64_t len = p.end - p.first;
    const int64_t pad = std::max<int64_t>(1, len / 40);  // a lone day sits inside its stretch, not on the edge
    const double w = room * std::sqrt(p.dates) / weight;
    out.push_back({p.first - pad, p.end + pad, p.first, p.end - 1, x, x + w});
    x += w + brk;
  }
  out.back().x1 = 1;
  return out;
}

double axis_x(const std::vector<AxisStretch>& stretches, double z) {
  if (stretches.empty()) return 0;
  for (size_t i = 0; i < stretches.size(); ++i) {
    const AxisStretch& s = stretches[i];
    if (z < double(s.from)) return i == 0 ? s.x0 : (stretches[i - 1].x1 + s.x0) / 2;
    if (z <= double(s.to)) return s.x0 + (z - double(s.from)) / double(s.to - s.from) * (s.x1 - s.x0);
  }
  return stretches.back().x1;
}

json timeline_json(const Timeline& t, std::string_view text, const TextIndex& index, const std::vector<Annotation>& an) {
  auto words = [&](int64_t a, int64_t b) { return cp_substr(text, index, size_t(a), size_t(b)); };
  json entries = json::array();
  for (const TimelineEntry& e : t.entries) {
    const Annotation& a = an[e.number];
    json j = {{"id", a.id}, {"text", words(a.start, a.end)}, {"kind", e.kind}, {"value", a.attrs.value}, {"resolved", e.resolved},
              {"sentence", words(e.sentence_start, e.sentence_end)}};
    if (e.placed) {
      int y, m, d;
      civil_from_days(e.first, &y, &m, &d);
      j["from"] = iso_date(y, m, d);
      civil_from_days(e.last, &y, &m, &d);
      j["to"] = iso_date(y, m, d);
    }
    if (e.duration) j["days"] = e.days;
    json claims = json::array(), actors = json::array();
    for (size_t c : e.claims) claims.push_back(an[c].id);
    for (size_t c : e.actors) {
      std::string name = an[c].attrs.entity.empty() ? words(an[c].start, an[c].end) : an[c].attrs.entity;
      if (std::find(actors.begin(), actors.end(), name) == actors.end()) actors.push_back(name);
    }
    j["claims"] = claims;
    j["actors"] = actors;
    entries.push_back(std::move(j));
  }
  json groups = json::array();
  for (const NumberGroup& g : t.groups) {
    json nums = json::array();
    for (size_t i : g.numbers) {
      const Annotation& a = an[i];
      nums.push_back({{"id", a.id}, {"text", words(a.start, a.end)}, {"value", a.attrs.value}, {"approx", a.attrs.approx}, {"bound", a.attrs.bound}});
    }
    groups.push_back({{"counted", g.counted}, {"numbers", nums}});
  }
  return {{"reference", t.reference}, {"entries", entries}, {"groups", groups}};
}

}  // namespace lede
