// Every change to the annotations and labels goes through commit(), so it can be undone, is
// autosaved, and keeps the annotation list sorted.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "app/reader.hpp"

namespace lede {

namespace {
constexpr size_t kMaxUndo = 500;

// Removals first, then additions and replacements, so a change may remove an annotation and add
// another with the same id (opening a file over suggestions with the same ids does).
void apply(App& a, const Change& c, bool forward) {
  std::unordered_map<std::string, size_t> at;
  at.reserve(a.annotations.size() * 2);
  for (size_t i = 0; i < a.annotations.size(); ++i) at.emplace(a.annotations[i].id, i);
  std::vector<bool> erase(a.annotations.size(), false);
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
      a.annotations[it->second] = *to;
      erase[it->second] = false;
    } else {
      at.emplace(to->id, a.annotations.size());
      a.annotations.push_back(*to);
      erase.push_back(false);
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < a.annotations.size(); ++i)
    if (!erase[i]) {
      if (w != i) a.annotations[w] = std::move(a.annotations[i]);
      ++w;
    }
  a.annotations.resize(w);
  if (c.labels_changed) a.labels = forward ? c.labels_after : c.labels_before;
  sort_annotations(a);
  if (!a.active_id.empty() && !find_annotation(a, a.active_id)) a.active_id.clear();
  ++a.changes;
}
}  // namespace

void sort_annotations(App& a) {
  std::sort(a.annotations.begin(), a.annotations.end(), [](const Annotation& x, const Annotation& y) {
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end > y.end;  // outer spans first
    return x.id < y.id;
  });
  a.max_span = 0;
  for (const Annotation& an : a.annotations) {
    a.max_span = std::max(a.max_span, an.end - an.start);
    // New ids ("u<n>") never collide with ones that came from a file or an undo.
    if (an.id.size() > 1 && an.id[0] == 'u') a.next_id = std::max<uint64_t>(a.next_id, std::strtoull(an.id.c_str() + 1, nullptr, 10) + 1);
  }
}

Annotation* find_annotation(App& a, const std::string& id) {
  if (id.empty()) return nullptr;
  for (Annotation& an : a.annotations)
    if (an.id == id) return &an;
  return nullptr;
}

const Label* find_label(const App& a, const std::string& id) {
  for (const Label& l : a.labels)
    if (l.id == id) return &l;
  return nullptr;
}

void commit(App& a, Change c) {
  if (c.edits.empty() && !c.labels_changed) return;
  apply(a, c, true);
  if (!c.what.empty()) set_status(a, c.what);
  a.undo.push_back(std::move(c));
  if (a.undo.size() > kMaxUndo) a.undo.erase(a.undo.begin());
  a.redo.clear();
}

// Moves the newest change of `from` onto `to`, undoing or redoing it.
bool replay(App& a, std::vector<Change>& from, std::vector<Change>& to, bool forward, const char* verb) {
  if (from.empty()) return false;
  Change c = std::move(from.back());
  from.pop_back();
  apply(a, c, forward);
  set_status(a, verb + c.what);
  to.push_back(std::move(c));
  return true;
}

bool undo(App& a) { return replay(a, a.undo, a.redo, false, "Undid: "); }
bool redo(App& a) { return replay(a, a.redo, a.undo, true, "Redid: "); }

std::string new_annotation_id(App& a) { return "u" + std::to_string(a.next_id++); }

std::string now_iso(const App& a) {
  if (!a.host.now_ms) return "";
  std::time_t t = static_cast<std::time_t>(a.host.now_ms() / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void set_status(App& a, std::string s) { a.status = std::move(s); }

void show_notice(App& a, bool error, std::string title, std::string text) {
  a.notice = {error, std::move(title), std::move(text)};
  a.notice_open = true;
}

void show_toast(App& a, std::string text) {
  a.toast = std::move(text);
  a.toast_until = -1;  // set to now + a few seconds on the next frame
}

void add_annotation(App& a, const std::string& label, size_t cs, size_t ce) {
  if (ce <= cs) return;
  Annotation an;
  an.id = new_annotation_id(a);
  an.label = label;
  an.origin = Origin::user;
  an.status = Status::accepted;
  an.start = int64_t(cs);
  an.end = int64_t(ce);
  an.created = an.modified = now_iso(a);
  const Label* l = find_label(a, label);
  Change c;
  c.what = "Marked as " + (l ? l->name : label) + ": \u201C" + cp_substr(a.doc.text, a.index, cs, ce) + "\u201D";
  if (c.what.size() > 120) c.what = c.what.substr(0, 117) + "\u2026\u201D";
  c.edits.push_back({std::nullopt, an});
  a.active_id = an.id;
  commit(a, std::move(c));
}

void label_selection(App& a, const std::string& label) {
  const std::string& t = a.doc.text;
  size_t b = std::min(a.sel_anchor, a.sel_caret), e = std::max(a.sel_anchor, a.sel_caret);
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  while (b < e && blank(t[b])) ++b;
  while (e > b && blank(t[e - 1])) --e;
  add_annotation(a, label, a.index.to_cp(b), a.index.to_cp(e));
  a.sel_anchor = a.sel_caret = e;
}

unsigned int label_color(const std::string& hex, float alpha) {
  unsigned v = 0x888888;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%x", &v);
  // ImGui's packed colour: alpha, blue, green, red from the high byte down.
  return (unsigned(alpha * 255) << 24) | ((v & 255) << 16) | (v & 0xFF00) | ((v >> 16) & 255);
}

void set_status_of(App& a, const std::vector<std::string>& ids, Status status, const std::string& what) {
  Change c;
  c.what = what;
  std::string now = now_iso(a);
  std::unordered_set<std::string> want(ids.begin(), ids.end());
  for (const Annotation& an : a.annotations) {
    if (!want.count(an.id) || an.status == status) continue;
    Annotation after = an;
    after.status = status;
    after.modified = now;
    c.edits.push_back({an, std::move(after)});
  }
  commit(a, std::move(c));
}

void delete_annotations(App& a, const std::vector<std::string>& ids, const std::string& what) {
  Change c;
  c.what = what;
  std::unordered_set<std::string> want(ids.begin(), ids.end());
  for (const Annotation& an : a.annotations)
    if (want.count(an.id)) c.edits.push_back({an, std::nullopt});
  commit(a, std::move(c));
}

void relabel(App& a, const std::string& id, const std::string& label) {
  Annotation* an = find_annotation(a, id);
  const Label* l = find_label(a, label);
  if (!an || !l || an->label == label) return;
  Annotation after = *an;
  after.label = label;
  after.modified = now_iso(a);
  Change c;
  c.what = "Changed label to " + l->name;
  c.edits.push_back({*an, after});
  commit(a, std::move(c));
}

}  // namespace lede
