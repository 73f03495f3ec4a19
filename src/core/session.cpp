#include "core/session.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "core/article.hpp"
#include "core/lede_file.hpp"
#include "core/load.hpp"
#include "core/reanchor.hpp"

namespace lede {

namespace {
constexpr size_t kMaxUndo = 500;
constexpr size_t kMaxChangeSpans = 64;

// The order Session::annotations keeps: by start, outer spans first, then by id.
bool annotation_less(const Annotation& x, const Annotation& y) {
  if (x.start != y.start) return x.start < y.start;
  if (x.end != y.end) return x.end > y.end;  // outer spans first
  return x.id < y.id;
}

bool same_place(const Annotation& x, const Annotation& y) { return x.start == y.start && x.end == y.end && x.id == y.id; }

void note_added(Session& s, const Annotation& an) {
  s.max_span = std::max(s.max_span, an.end - an.start);
  // New ids ("u<n>") never collide with ones that came from a file or an undo.
  if (an.id.size() > 1 && an.id[0] == 'u') s.next_id = std::max<uint64_t>(s.next_id, std::strtoull(an.id.c_str() + 1, nullptr, 10) + 1);
}

// A change applied where it lands in the sorted annotations, in proportion to its size rather
// than the article's (an undo used to sort all 31k annotations of a 1 MB article): each
// annotation it removes or replaces is found by its place in the order, one that keeps its place
// is assigned there, the others are erased in one pass and the new ones inserted at their place.
// The result equals the full path's (below). False, with nothing changed, when an annotation it
// removes is not where it should be (then the full path, by id, applies it). max_span is not
// lowered by a removal: it stays a bound.
bool apply_in_place(Session& s, const Change& c, bool forward) {
  std::vector<Annotation>& v = s.annotations;
  std::vector<size_t> gone;  // positions of the annotations removed or replaced
  std::vector<const Annotation*> added;
  for (const AnnotationEdit& e : c.edits) {
    const std::optional<Annotation>& from = forward ? e.before : e.after;
    const std::optional<Annotation>& to = forward ? e.after : e.before;
    if (from) {
      auto it = std::lower_bound(v.begin(), v.end(), *from, annotation_less);
      if (it == v.end() || !same_place(*it, *from)) return false;
      gone.push_back(size_t(it - v.begin()));
    }
    if (to) added.push_back(&*to);
  }
  std::sort(gone.begin(), gone.end());
  gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
  // The tally follows what is removed and added here (the by-id path counts afresh).
  for (size_t i : gone) s.tally.remove(v[i]);
  for (const Annotation* an : added) s.tally.add(*an);
  // The same annotation at the same place: assigned where it is.
  std::vector<bool> kept(gone.size(), false);
  std::vector<const Annotation*> inserted;
  for (const Annotation* an : added) {
    auto g = std::lower_bound(gone.begin(), gone.end(), *an, [&](size_t i, const Annotation& x) { return annotation_less(v[i], x); });
    size_t k = size_t(g - gone.begin());
    if (g != gone.end() && same_place(v[*g], *an) && !kept[k]) {
      kept[k] = true;
      v[*g] = *an;
      note_added(s, *an);
    } else {
      inserted.push_back(an);
    }
  }
  // Erase the rest in one pass from the first.
  size_t w = SIZE_MAX, k = 0;
  for (size_t i = 0; i < gone.size(); ++i)
    if (!kept[i]) { w = gone[i]; k = i; break; }
  if (w != SIZE_MAX) {
    for (size_t i = w; i < v.size(); ++i) {
      if (k < gone.size() && gone[k] == i) {
        do ++k; while (k < gone.size() && kept[k]);
        continue;
      }
      if (w != i) v[w] = std::move(v[i]);
      ++w;
    }
    v.resize(w);
  }
  std::sort(inserted.begin(), inserted.end(), [](const Annotation* x, const Annotation* y) { return annotation_less(*x, *y); });
  if (inserted.size() <= 8) {
    for (const Annotation* an : inserted) v.insert(std::upper_bound(v.begin(), v.end(), *an, annotation_less), *an);
  } else {  // many: appended in order, then merged in one pass
    size_t mid = v.size();
    for (const Annotation* an : inserted) v.push_back(*an);
    std::inplace_merge(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end(), annotation_less);
  }
  for (const Annotation* an : inserted) note_added(s, *an);
  return true;
}

// Removals first, then additions and replacements, so a change may remove an annotation and add
// another with the same id (opening a file over suggestions with the same ids does).
void apply_by_id(Session& s, const Change& c, bool forward) {
  std::unordered_map<std::string, size_t> at;
  at.reserve(s.annotations.size() * 2);
  for (size_t i = 0; i < s.annotations.size(); ++i) at.emplace(s.annotations[i].id, i);
  std::vector<bool> erase(s.annotations.size(), false);
  for (const AnnotationEdit& e : c.edits) {
    const std::optional<Annotation>& from = forward ? e.before : e.after;
    const std::optional<Annotation>& to = forward ? e.after : e.before;
    if (to || !from) continue;
    auto it = at.find(from->id);
    if (it != at.end()) erase[it->second] = true;
  }
  for (const AnnotationEdit& e : c.edits) {
    const std::optional<Annotation>& to = forward ? e.after : e.before;
    if (!to) continue;
    auto it = at.find(to->id);
    if (it != at.end()) {
      s.annotations[it->second] = *to;
      erase[it->second] = false;
    } else {
      at.emplace(to->id, s.annotations.size());
      s.annotations.push_back(*to);
      erase.push_back(false);
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < s.annotations.size(); ++i)
    if (!erase[i]) {
      if (w != i) s.annotations[w] = std::move(s.annotations[i]);
      ++w;
    }
  s.annotations.resize(w);
  sort_annotations(s);
}

// The change that undoes c.
Change reverse(const Change& c) {
  Change r = c;
  for (AnnotationEdit& e : r.edits) std::swap(e.before, e.after);
  std::swap(r.labels_before, r.labels_after);
  std::swap(r.ratings_before, r.ratings_after);
  std::swap(r.meta_before, r.meta_after);
  return r;
}

void apply(Session& s, const Change& c, bool forward) {
  if (s.keep_log) s.unstored.push_back(forward ? c : reverse(c));
  for (const AnnotationEdit& e : c.edits)
    for (const std::optional<Annotation>* side : {&e.before, &e.after})
      if (*side) {
        s.store_log.touched.insert((*side)->id);
        s.store_log.from = std::min(s.store_log.from, (*side)->start);
        s.store_log.to = std::max(s.store_log.to, (*side)->start);
      }
  // A change of most of the annotations (a file opened over them) is applied by id and sorted.
  if (c.edits.size() * 4 > s.annotations.size() || !apply_in_place(s, c, forward)) apply_by_id(s, c, forward);
  if (c.labels_changed) s.labels = forward ? c.labels_after : c.labels_before;
  if (c.ratings_changed) s.ratings = forward ? c.ratings_after : c.ratings_before;
  if (c.meta_changed) s.doc.meta = forward ? c.meta_after : c.meta_before;
  ++s.changes;
  // Where it touched the annotations (labels or details may change what any annotation means).
  if (c.labels_changed || c.meta_changed) return;
  ChangeSpan span{s.changes, INT64_MAX, INT64_MIN};
  for (const AnnotationEdit& e : c.edits)
    for (const std::optional<Annotation>* side : {&e.before, &e.after})
      if (*side) {
        span.from = std::min(span.from, (*side)->start);
        span.to = std::max(span.to, (*side)->end);
      }
  if (s.change_spans.size() >= kMaxChangeSpans) s.change_spans.erase(s.change_spans.begin());
  s.change_spans.push_back(span);
}

std::optional<std::string> replay(Session& s, std::vector<Change>& from, std::vector<Change>& to, bool forward) {
  if (from.empty()) return std::nullopt;
  Change c = std::move(from.back());
  from.pop_back();
  apply(s, c, forward);
  std::string what = c.what;
  to.push_back(std::move(c));
  return what;
}

bool has_automatic(const std::vector<Annotation>& v) {
  return std::any_of(v.begin(), v.end(), [](const Annotation& x) { return x.origin == Origin::automatic; });
}

std::string count_text(size_t n) { return std::to_string(n) + (n == 1 ? " annotation" : " annotations"); }

std::string placed_summary(const ReanchorResult& ra) {
  std::string s = std::to_string(ra.by_position) + " in place, " + std::to_string(ra.by_exact) + " found by their quote, " +
                  std::to_string(ra.by_fuzzy) + " by a close match";
  if (ra.orphaned) s += "; " + std::to_string(ra.orphaned) + (ra.orphaned == 1 ? " could not be placed and is" : " could not be placed and are") + " listed under Orphans";
  return s;
}
}  // namespace

void session_open(Session& s, Document doc, std::vector<Label> labels, std::vector<Annotation> annotations,
                  std::vector<Annotation> orphans, std::string author, std::vector<Rating> ratings) {
  s.doc = std::move(doc);
  s.index = TextIndex(s.doc.text);
  s.labels = labels.empty() ? builtin_labels() : std::move(labels);
  s.ratings = ratings.empty() ? default_ratings() : std::move(ratings);
  s.annotations = std::move(annotations);
  s.orphans = std::move(orphans);
  s.author = std::move(author);
  s.next_id = 1;
  sort_annotations(s);
  s.undo.clear();
  s.redo.clear();
  ++s.changes;
  s.file_stem = file_stem(s.doc.title);
  s.saved_to_file_at.clear();
  s.saved_to_file_changes = ~0ull;
  s.top_cp = 0;
  s.store_log.whole = true;
}

bool has_suggestions(const Session& s) { return has_automatic(s.annotations) || has_automatic(s.orphans); }

bool add_suggestions(Session& s, std::vector<Annotation> suggestions) {
  if (suggestions.empty() || has_suggestions(s)) return false;
  // Taken over whole when the article has none yet (a long article's suggestions are tens of MB:
  // a copy would hold them twice), else appended.
  if (s.annotations.empty()) s.annotations = std::move(suggestions);
  else s.annotations.insert(s.annotations.end(), std::make_move_iterator(suggestions.begin()), std::make_move_iterator(suggestions.end()));
  sort_annotations(s);
  ++s.changes;
  s.store_log.whole = true;  // a journal entry would not hold them: the next store writes them all
  return true;
}

bool commit(Session& s, Change c) {
  if (c.edits.empty() && !c.labels_changed && !c.ratings_changed && !c.meta_changed) return false;
  apply(s, c, true);
  s.undo.push_back(std::move(c));
  if (s.undo.size() > kMaxUndo) s.undo.erase(s.undo.begin());
  s.redo.clear();
  return true;
}

std::optional<std::string> undo(Session& s) { return replay(s, s.undo, s.redo, false); }
std::optional<std::string> redo(Session& s) { return replay(s, s.redo, s.undo, true); }

size_t replay_changes(Session& s, const std::vector<Change>& log) {
  std::unordered_map<std::string, std::string> renamed;  // logged id -> its id here
  auto here = [&](const std::string& id) {
    auto it = renamed.find(id);
    return it == renamed.end() ? id : it->second;
  };
  auto same = [](const Annotation& x, const Annotation& y) {
    return x.start == y.start && x.end == y.end && x.label == y.label && x.status == y.status && x.note == y.note;
  };
  size_t applied = 0;
  for (const Change& c : log) {
    Change out;
    out.what = c.what;
    for (const AnnotationEdit& e : c.edits) {
      const std::string& logged = e.before ? e.before->id : e.after->id;
      const Annotation* now = find_annotation(s, here(logged));
      if (!e.after) {  // removed: if this copy still holds it
        if (now) out.edits.push_back({*now, std::nullopt});
        continue;
      }
      Annotation an = *e.after;
      an.id = here(an.id);
      bool taken_in_change = std::any_of(out.edits.begin(), out.edits.end(), [&](const AnnotationEdit& o) { return o.after && o.after->id == an.id; });
      if (!e.before && (now || taken_in_change)) {  // added under an id taken here
        if (now && same(*now, an)) continue;
        an.id = renamed[logged] = new_annotation_id(s);
        now = nullptr;
      }
      out.edits.push_back({now ? std::optional<Annotation>(*now) : std::nullopt, std::move(an)});
    }
    if (c.labels_changed) { out.labels_changed = true; out.labels_before = s.labels; out.labels_after = c.labels_after; }
    if (c.ratings_changed) { out.ratings_changed = true; out.ratings_before = s.ratings; out.ratings_after = c.ratings_after; }
    if (c.meta_changed) { out.meta_changed = true; out.meta_before = s.doc.meta; out.meta_after = c.meta_after; }
    if (commit(s, std::move(out))) ++applied;
  }
  return applied;
}

bool touched_since(const Session& s, uint64_t since, int64_t* from, int64_t* to) {
  *from = INT64_MAX;
  *to = INT64_MIN;
  uint64_t next = since + 1;  // each change after `since` needs its span, in order
  for (const ChangeSpan& c : s.change_spans) {
    if (c.changes < next) continue;
    if (c.changes > next) return false;
    *from = std::min(*from, c.from);
    *to = std::max(*to, c.to);
    ++next;
  }
  return next == s.changes + 1;
}

void sort_annotations(Session& s) {
  std::sort(s.annotations.begin(), s.annotations.end(), annotation_less);
  s.max_span = 0;
  for (const Annotation& an : s.annotations) note_added(s, an);
  s.tally = tally_of(s.annotations);
}

std::string new_annotation_id(Session& s) { return "u" + std::to_string(s.next_id++); }

Annotation* find_annotation(Session& s, const std::string& id) {
  return const_cast<Annotation*>(find_annotation(static_cast<const Session&>(s), id));
}

const Annotation* find_annotation(const Session& s, const std::string& id) {
  if (id.empty()) return nullptr;
  for (const Annotation& an : s.annotations)
    if (an.id == id) return &an;
  return nullptr;
}

const Label* find_label(const Session& s, const std::string& id) {
  for (const Label& l : s.labels)
    if (l.id == id) return &l;
  return nullptr;
}

std::string annotation_text(const Session& s, const Annotation& an) {
  return cp_substr(s.doc.text, s.index, size_t(an.start), size_t(an.end));
}

size_t reader_annotation_count(const Session& s) { return s.tally.decided(); }

AnnotationSet to_set(const Session& s) {
  AnnotationSet set;
  set.document = s.doc;
  set.labels = s.labels;
  set.ratings = s.ratings;
  set.annotations = s.annotations;
  set.orphans = s.orphans;
  set.author = s.author;
  return set;
}

namespace {
SetView view_of(const Session& s) { return {s.doc, s.labels, s.ratings, s.annotations, s.orphans, s.author}; }
}  // namespace

// From the session's own parts: a copy of them (to_set) was the page's largest allocation on save.
std::string to_file(const Session& s) { return write_lede_file(view_of(s), kGenerator, &s.index); }

StoreWrite next_store(Session& s) {
  StoreLog& log = s.store_log;
  StoreWrite w;
  w.whole = log.whole || log.journal_bytes > log.whole_bytes / 4 + 16384;
  if (w.whole) {
    w.bytes = to_file(s);
    log.whole_bytes = w.bytes.size();
    log.journal_bytes = 0;
    log.seq = 0;
  } else {
    w.seq = ++log.seq;
    // The touched annotations start in [from, to]: only those are looked at.
    const std::vector<Annotation>& v = s.annotations;
    size_t first = size_t(std::lower_bound(v.begin(), v.end(), log.from, [](const Annotation& a, int64_t c) { return a.start < c; }) - v.begin());
    size_t last = size_t(std::upper_bound(v.begin() + std::ptrdiff_t(first), v.end(), log.to, [](int64_t c, const Annotation& a) { return c < a.start; }) - v.begin());
    w.bytes = write_lede_journal_entry(view_of(s), s.index, w.seq, log.touched, log.orphans, first, last);
    log.journal_bytes += w.bytes.size();
  }
  log.whole = false;
  log.touched.clear();
  log.from = INT64_MAX;
  log.to = INT64_MIN;
  log.orphans = false;
  return w;
}

bool load_annotation_file(const std::string& name, const std::string& bytes, AnnotationSet* out, std::string* error) {
  AnnotationsLoad r = load_annotations(name, bytes);  // the same verdict as `lede validate`
  if (!r.ok) { *error = r.error; return false; }
  *out = std::move(r.set);
  return true;
}

Outcome open_file_as_article(Session& s, const std::string& name, const std::string& bytes, bool* suggested) {
  *suggested = false;
  if (has_extension(name, ".json") || has_extension(name, ".jsonld")) {
    AnnotationSet set;
    std::string error;
    if (!load_annotation_file(name, bytes, &set, &error)) return Outcome::fail("Could not open " + name, error);
    return open_set_as_article(s, name, std::move(set), suggested);
  }
  ArticleResult r = article_from_file(name, bytes);
  if (!r.ok) return Outcome::fail("Could not open " + name, r.error + "\n\nNothing was changed.");
  session_open(s, std::move(r.document), {}, {});
  s.file_stem = file_stem(name);
  Outcome o;
  o.status = "Opened " + name;
  return o;
}

Outcome open_set_as_article(Session& s, const std::string& name, AnnotationSet set, bool* suggested) {
  if (set.document.title.empty()) set.document.title = file_stem(name);
  size_t n = set.annotations.size();
  *suggested = has_automatic(set.annotations) || has_automatic(set.orphans);
  session_open(s, std::move(set.document), std::move(set.labels), std::move(set.annotations), std::move(set.orphans),
               std::move(set.author), std::move(set.ratings));
  s.file_stem = file_stem(name);
  Outcome o;
  o.status = "Opened " + name + " (" + count_text(n) + ")";
  return o;
}

bool fit_to_article(const Session& s, AnnotationSet& set, std::string* info) {
  if (set.document.text == s.doc.text) return true;
  TextComparison cmp = compare_texts(set.document.text, s.doc.text);
  if (cmp.relation != TextRelation::revised) return false;
  ReanchorResult ra = reanchor(std::move(set), s.doc.text);
  *info = "The file was made for another version of this article: " + placed_summary(ra) + ".";
  set = std::move(ra.set);
  return true;
}

Outcome apply_annotation_file(Session& s, const std::string& name, const std::string& bytes) {
  AnnotationSet set;
  std::string error;
  if (!load_annotation_file(name, bytes, &set, &error)) return Outcome::fail("Could not open " + name, error);
  Outcome o;
  if (!fit_to_article(s, set, &o.info)) {
    std::string title = set.document.title.empty() ? std::string("another article") : "\u201C" + set.document.title + "\u201D";
    return Outcome::fail("Annotations for another article",
                         name + " was made for " + title + ", not for the open article \u201C" + s.doc.title +
                             "\u201D (the texts differ). Nothing was changed.\n\nTo read that article with its annotations, use File > Open article\u2026 and choose the same file.");
  }
  size_t n = set.annotations.size();
  Change c;
  c.what = "Opened " + name;
  for (const Annotation& an : s.annotations) c.edits.push_back({an, std::nullopt});
  for (const Annotation& an : set.annotations) c.edits.push_back({std::nullopt, an});
  c.labels_changed = true;
  c.labels_before = s.labels;
  c.labels_after = set.labels;
  c.ratings_changed = true;  // the file's scale comes with its reviews
  c.ratings_before = s.ratings;
  c.ratings_after = set.ratings.empty() ? default_ratings() : set.ratings;
  if (!set.document.meta.empty()) {  // a file without details (version 1) leaves the open article's
    c.meta_changed = true;
    c.meta_before = s.doc.meta;
    c.meta_after = set.document.meta;
  }
  commit(s, std::move(c));
  s.orphans = std::move(set.orphans);
  s.author = set.author;
  s.store_log.whole = true;  // every annotation, the orphans and the author changed
  o.status = "Opened " + name + " (" + count_text(n) + ")";
  return o;
}

bool adopt(Session& s, const std::vector<Annotation>& theirs, const std::string& their_author, const std::string& now,
           const std::string& what) {
  Change c;
  c.what = what;
  for (const Annotation& t : theirs) {
    Annotation an = t;
    an.id = new_annotation_id(s);
    if (an.author.empty()) an.author = their_author;
    if (an.status == Status::suggested) an.status = Status::accepted;
    an.modified = now;
    c.edits.push_back({std::nullopt, std::move(an)});
  }
  return commit(s, std::move(c));
}

}  // namespace lede
