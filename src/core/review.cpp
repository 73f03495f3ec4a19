#include "core/review.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "core/kinds.hpp"
#include "core/lede_file.hpp"
#include "core/tally.hpp"

namespace lede {

namespace {

bool is_actor(const Annotation& an) { return kind_index(an.label) == int(KindId::actor); }

// One annotation replaced by `after`, as a change described by `what`.
Outcome replace(Session& s, const Annotation& before, Annotation after, std::string what) {
  Change c;
  c.what = what;
  c.edits.push_back({before, std::move(after)});
  Outcome o;
  o.status = what;
  if (!commit(s, std::move(c))) o.status.clear();
  return o;
}

bool valid_ymd(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int month_of(const std::string& word) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string w = lower(word);
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (w.compare(0, 3, names[i]) == 0) return i + 1;
  return 0;
}

}  // namespace

bool is_claim(const Annotation& an) { return kind_index(an.label) == int(KindId::claim); }

const Rating* find_rating(const Session& s, const std::string& id) {
  for (const Rating& r : s.ratings)
    if (r.id == id) return &r;
  return nullptr;
}

// The file format's checks: what the reader accepts, a saved file holds and opens again.
bool is_http_url(const std::string& url) { return web_url_fault(url).empty(); }
bool is_iso_date(const std::string& s) { return iso_date_fault(s).empty(); }

std::string iso_date_from(const std::string& typed) {
  std::string t = typed;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(0, 1);
  if (is_iso_date(t)) return t;
  // Words and numbers, in order: "2024-3-5", "5 March 2024", "March 5, 2024", "Tuesday, March 5, 2024".
  std::vector<std::string> parts;
  std::string cur;
  for (char c : t) {
    if (std::isalnum(static_cast<unsigned char>(c))) cur += c;
    else if (!cur.empty()) { parts.push_back(cur); cur.clear(); }
  }
  if (!cur.empty()) parts.push_back(cur);
  int y = 0, m = 0, d = 0;
  std::vector<int> numbers;
  for (const std::string& p : parts) {
    if (std::isdigit(static_cast<unsigned char>(p[0]))) {
      size_t n = 0;
      while (n < p.size() && std::isdigit(static_cast<unsigned char>(p[n]))) ++n;
      std::string rest = lower(p.substr(n));
      if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return "";
      if (n > 4) return "";
      numbers.push_back(std::stoi(p.substr(0, n)));
    } else if (int mo = month_of(p)) {
      if (m) return "";
      m = mo;
    }
  }
  if (m) {  // a month by name: the day and the year are the numbers
    if (numbers.size() != 2) return "";
    y = numbers[0] > 31 ? numbers[0] : numbers[1];
    d = numbers[0] > 31 ? numbers[1] : numbers[0];
  } else {  // numbers only: year first
    if (numbers.size() != 3 || numbers[0] < 1000) return "";
    y = numbers[0], m = numbers[1], d = numbers[2];
  }
  if (y < 1000 || !valid_ymd(y, m, d)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

Outcome set_review(Session& s, const std::string& id, std::optional<Review> review, const std::string& reviewer,
                   const std::string& now) {
  const Annotation* an = find_annotation(s, id);
  if (!an) return Outcome::fail("No such annotation", "The annotation " + id + " is not in this article.");
  if (!is_claim(*an)) return Outcome::fail("Not a claim", "Only claims carry a review; relabel it as a claim first.");
  if (review && !review->rating.empty() && !find_rating(s, review->rating))
    return Outcome::fail("Unknown rating", "\u201C" + review->rating + "\u201D is not on this article\u2019s rating scale.");
  if (review == an->review) return Outcome{};
  Annotation after = *an;
  std::string what = "Reviewed a claim";
  if (review) {
    if (!reviewer.empty()) review->reviewer = reviewer;
    review->date = now;
    const Rating* r = find_rating(s, review->rating);
    const bool rating_changed = !an->review || an->review->rating != review->rating;
    if (rating_changed && r) what = "Rated a claim " + r->name;
    else if (!an->review || an->review->status != review->status) what = std::string("Claim status: ") + to_string(review->status);
  } else {
    what = "Removed a claim\u2019s review";
  }
  after.review = std::move(review);
  after.modified = now;
  if (after.status == Status::suggested) after.status = Status::accepted;
  return replace(s, *an, std::move(after), what);
}

size_t rating_uses(const Session& s, const std::string& rating_id) {
  size_t n = 0;
  for (const auto* list : {&s.annotations, &s.orphans})
    for (const Annotation& an : *list) n += an.review && an.review->rating == rating_id;
  return n;
}

std::string new_rating_id(const Session& s) {
  for (size_t i = s.ratings.size() + 1;; ++i) {
    std::string id = "r" + std::to_string(i);
    if (!find_rating(s, id)) return id;
  }
}

Outcome set_ratings(Session& s, std::vector<Rating> ratings) {
  if (ratings.empty()) return Outcome::fail("The rating scale cannot be empty", "Keep at least one rating.");
  std::set<std::string> ids;
  for (const Rating& r : ratings) {
    if (r.id.empty() || !ids.insert(r.id).second) return Outcome::fail("Ratings need distinct ids", "Rating \u201C" + r.name + "\u201D has an empty or repeated id.");
    if (r.name.empty()) return Outcome::fail("A rating needs a name", "Give every rating a name.");
    bool hex = r.color.size() == 7 && r.color[0] == '#' &&
               std::all_of(r.color.begin() + 1, r.color.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!hex) return Outcome::fail("Not a colour", "Rating \u201C" + r.name + "\u201D: \u201C" + r.color + "\u201D is not #RRGGBB.");
  }
  for (const Rating& old : s.ratings)
    if (!ids.count(old.id))
      if (size_t n = rating_uses(s, old.id))
        return Outcome::fail("Rating in use", "\u201C" + old.name + "\u201D rates " + std::to_string(n) + (n == 1 ? " claim" : " claims") +
                                                  ". Rate " + (n == 1 ? "it" : "them") + " otherwise before deleting it. Nothing was changed.");
  if (ratings.size() == s.ratings.size() && std::equal(ratings.begin(), ratings.end(), s.ratings.begin(), [](const Rating& x, const Rating& y) {
        return x.id == y.id && x.name == y.name && x.color == y.color && x.value == y.value;
      }))
    return Outcome{};
  Change c;
  c.what = "Changed the rating scale";
  c.ratings_changed = true;
  c.ratings_before = s.ratings;
  c.ratings_after = std::move(ratings);
  commit(s, std::move(c));
  Outcome o;
  o.status = "Changed the rating scale";
  return o;
}

Outcome set_meta(Session& s, ArticleMeta meta) {
  if (!meta.url.empty() && !is_http_url(meta.url))
    return Outcome::fail("Not a web address", "The article\u2019s URL must start with http:// or https://: \u201C" + meta.url + "\u201D. Nothing was changed.");
  if (!meta.published.empty()) {
    std::string iso = iso_date_from(meta.published);
    if (iso.empty())
      return Outcome::fail("Not a date", "The publication date \u201C" + meta.published + "\u201D is not a date; write it as 2024-03-05. Nothing was changed.");
    meta.published = iso;
  }
  if (meta == s.doc.meta) return Outcome{};
  Change c;
  c.what = "Changed the article\u2019s details";
  c.meta_changed = true;
  c.meta_before = s.doc.meta;
  c.meta_after = std::move(meta);
  commit(s, std::move(c));
  Outcome o;
  o.status = "Changed the article\u2019s details";
  return o;
}

std::string article_title(const Document& d) { return d.meta.title.empty() ? d.title : d.meta.title; }

// What counts as a claim and as checked is said once, in Tally::count.
ClaimCounts claim_counts(const std::vector<Annotation>& annotations) {
  const Tally t = tally_of(annotations);
  return {t.claims, t.checked};
}

std::string claims_checked_text(const ClaimCounts& c) {
  return std::to_string(c.checked) + " of " + std::to_string(c.claims) + (c.claims == 1 ? " claim checked" : " claims checked");
}

Outcome correct_claim(Session& s, const std::string& claim_id, std::optional<SpanAttr> speaker, std::optional<SpanAttr> cue,
                      const std::string& now) {
  const Annotation* an = find_annotation(s, claim_id);
  if (!an || !is_claim(*an)) return Outcome::fail("Not a claim", "Only claims have a speaker and a cue.");
  Annotation after = *an;
  std::string what;
  if (speaker) {
    after.attrs.speaker = *speaker;
    if (after.attrs.extra.is_object()) after.attrs.extra.erase("speaker");  // a speaker in another shape, from a file
    std::string who = claim_speaker(after.attrs);
    what = who.empty() ? "The claim\u2019s speaker is not named" : "Speaker: " + who;
  }
  if (cue) {
    after.attrs.cue = *cue;
    if (after.attrs.extra.is_object()) after.attrs.extra.erase("cue");
    what += (what.empty() ? "" : "; ") + (cue->is_set() ? "cue: " + cue->text : std::string("no cue"));
  }
  if (after.attrs.extra.is_object() && after.attrs.extra.empty()) after.attrs.extra = json();
  if (after.attrs == an->attrs) return Outcome{};
  if (!what.empty()) what[0] = char(std::toupper(static_cast<unsigned char>(what[0])));
  after.modified = now;
  if (after.status == Status::suggested) after.status = Status::accepted;
  return replace(s, *an, std::move(after), what);
}

SpanAttr cue_named(const Session& s, const Annotation& claim, const std::string& typed) {
  std::string cue = typed;
  while (!cue.empty() && std::isspace(static_cast<unsigned char>(cue.back()))) cue.pop_back();
  while (!cue.empty() && std::isspace(static_cast<unsigned char>(cue.front()))) cue.erase(0, 1);
  if (cue.empty()) return SpanAttr{};
  // The nearest occurrence within a few hundred characters of the claim.
  const std::string& t = s.doc.text;
  const size_t b = s.index.to_byte(size_t(claim.start)), e = s.index.to_byte(size_t(claim.end));
  const size_t from = b > 600 ? b - 600 : 0, to = std::min(t.size(), e + 600);
  size_t best = std::string::npos, best_d = SIZE_MAX;
  for (size_t p = t.find(cue, from); p != std::string::npos && p + cue.size() <= to; p = t.find(cue, p + 1)) {
    size_t d = p + cue.size() <= b ? b - (p + cue.size()) : p >= e ? p - e : 0;
    if (d < best_d) { best = p; best_d = d; }
  }
  if (best == std::string::npos) return SpanAttr::named(cue);
  SpanAttr sp;
  sp.state = SpanAttr::State::set;
  sp.start = int64_t(s.index.to_cp(best));
  sp.end = int64_t(s.index.to_cp(best + cue.size()));
  sp.text = cue;
  return sp;
}

SpanAttr speaker_named(const Session& s, const std::string& typed) {
  std::string name = typed;
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) name.erase(0, 1);
  if (name.empty()) return SpanAttr::null_span();
  for (const Annotation& an : s.annotations) {
    if (!is_actor(an) || an.status == Status::rejected) continue;
    std::string entity = an.attrs.entity.empty() ? annotation_text(s, an) : an.attrs.entity;
    if (entity != name) continue;
    SpanAttr sp;
    sp.state = SpanAttr::State::set;
    sp.start = an.start;
    sp.end = an.end;
    sp.text = annotation_text(s, an);
    sp.entity = entity;
    return sp;
  }
  return SpanAttr::named(name);
}

std::vector<std::string> actor_entities(const Session& s) {
  std::set<std::string> names;
  for (const Annotation& an : s.annotations)
    if (is_actor(an) && an.status != Status::rejected) names.insert(an.attrs.entity.empty() ? annotation_text(s, an) : an.attrs.entity);
  return {names.begin(), names.end()};
}

Outcome set_entity(Session& s, const std::string& mention_id, const std::string& entity, const std::string& now) {
  const Annotation* an = find_annotation(s, mention_id);
  if (!an || !is_actor(*an)) return Outcome::fail("Not an actor", "Only actor mentions belong to an entity.");
  if (entity.empty()) return Outcome::fail("No name", "Give the entity a name.");
  if (an->attrs.entity == entity) return Outcome{};
  Annotation after = *an;
  after.attrs.entity = entity;
  after.modified = now;
  if (after.status == Status::suggested) after.status = Status::accepted;
  return replace(s, *an, std::move(after), "Moved a mention to " + entity);
}

Outcome merge_entities(Session& s, const std::string& from, const std::string& into, const std::string& now) {
  if (from.empty() || into.empty() || from == into) return Outcome::fail("Nothing to merge", "Pick two different entities.");
  Change c;
  c.what = "Merged " + from + " into " + into;
  for (const Annotation& an : s.annotations) {
    Annotation after = an;
    if (is_actor(an) && (an.attrs.entity.empty() ? annotation_text(s, an) : an.attrs.entity) == from) after.attrs.entity = into;
    if (is_claim(an) && an.attrs.speaker.is_set() && an.attrs.speaker.entity == from) after.attrs.speaker.entity = into;
    if (after.attrs == an.attrs) continue;
    after.modified = now;
    c.edits.push_back({an, std::move(after)});
  }
  if (c.edits.empty()) return Outcome::fail("Nothing to merge", from + " has no mentions in this article.");
  Outcome o;
  o.status = c.what;
  commit(s, std::move(c));
  return o;
}

}  // namespace lede
