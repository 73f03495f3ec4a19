#include "core/annotation.hpp"

#include <cmath>

#include "core/kinds.hpp"

namespace lede {

const char* to_string(Origin o) { return o == Origin::automatic ? "auto" : "user"; }

const char* to_string(Status s) {
  switch (s) {
    case Status::suggested: return "suggested";
    case Status::rejected: return "rejected";
    default: return "accepted";
  }
}

bool parse_origin(const std::string& s, Origin* out) {
  if (s == "user") { *out = Origin::user; return true; }
  if (s == "auto") { *out = Origin::automatic; return true; }
  return false;
}

bool parse_status(const std::string& s, Status* out) {
  if (s == "suggested") { *out = Status::suggested; return true; }
  if (s == "accepted") { *out = Status::accepted; return true; }
  if (s == "rejected") { *out = Status::rejected; return true; }
  return false;
}

std::vector<Label> builtin_labels() {
  std::vector<Label> out;
  for (const Kind& k : kKinds) out.push_back({std::string(k.label), std::string(k.name), std::string(k.color)});
  return out;
}

const char* to_string(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::checking: return "checking";
    case ReviewStatus::checked: return "checked";
    default: return "to-check";
  }
}

bool parse_review_status(const std::string& s, ReviewStatus* out) {
  if (s == "to-check") { *out = ReviewStatus::to_check; return true; }
  if (s == "checking") { *out = ReviewStatus::checking; return true; }
  if (s == "checked") { *out = ReviewStatus::checked; return true; }
  return false;
}

std::vector<Rating> default_ratings() {
  return {{"true", "True", "#2e7d32", 7},         {"mostly-true", "Mostly true", "#689f38", 6},
          {"half-true", "Half true", "#f9a825", 5}, {"misleading", "Misleading", "#ef6c00", 4},
          {"mostly-false", "Mostly false", "#e64a19", 3}, {"false", "False", "#c62828", 2},
          {"unproven", "Unproven", "#757575", 1}};
}

void to_json(json& j, const Label& l) { j = json{{"id", l.id}, {"name", l.name}, {"color", l.color}}; }

void to_json(json& j, const Annotation& a) {
  j = json{{"id", a.id},         {"label", a.label}, {"origin", to_string(a.origin)},
           {"status", to_string(a.status)}, {"start", a.start}, {"end", a.end}};
  if (!a.note.empty()) j["note"] = a.note;
  j["attrs"] = a.attrs;
  if (!a.created.empty()) j["created"] = a.created;
  if (!a.modified.empty()) j["modified"] = a.modified;
  if (!a.author.empty()) j["author"] = a.author;
  if (a.review) j["review"] = *a.review;
}

void to_json(json& j, const Evidence& e) {
  j = json::object();
  if (!e.url.empty()) j["url"] = e.url;
  if (!e.quote.empty()) j["quote"] = e.quote;
  if (!e.note.empty()) j["note"] = e.note;
}

void to_json(json& j, const Review& r) {
  j = json{{"status", to_string(r.status)}};
  if (!r.rating.empty()) j["rating"] = r.rating;
  if (!r.explanation.empty()) j["explanation"] = r.explanation;
  if (!r.evidence.empty()) j["evidence"] = r.evidence;
  if (!r.reviewer.empty()) j["reviewer"] = r.reviewer;
  if (!r.date.empty()) j["date"] = r.date;
}

void to_json(json& j, const Rating& r) {
  j = json{{"id", r.id}, {"name", r.name}, {"color", r.color}};
  // A whole value is written as one (7, not 7.0), as people write scales.
  if (std::abs(r.value) < 1e15 && r.value == double(int64_t(r.value))) j["value"] = int64_t(r.value);
  else j["value"] = r.value;
}

void to_json(json& j, const ArticleMeta& m) {
  j = json::object();
  if (!m.title.empty()) j["title"] = m.title;
  if (!m.url.empty()) j["url"] = m.url;
  if (!m.outlet.empty()) j["outlet"] = m.outlet;
  if (!m.byline.empty()) j["byline"] = m.byline;
  if (!m.published.empty()) j["published"] = m.published;
}

}  // namespace lede
