// Every change to the annotations and labels goes through commit(), so it can be undone, is
// autosaved, and keeps the annotation list sorted.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unordered_set>

#include "app/reader.hpp"

namespace lede {

Annotation* find_annotation(App& a, const std::string& id) { return find_annotation(*a.s, id); }
const Label* find_label(const App& a, const std::string& id) { return find_label(*a.s, id); }

void commit(App& a, Change c) {
  std::string what = c.what;
  if (!commit(*a.s, std::move(c))) return;
  if (!what.empty()) set_status(a, what);
  if (!a.active_id.empty() && !find_annotation(a, a.active_id)) a.active_id.clear();
}

namespace {
bool after_replay(App& a, const std::optional<std::string>& what, const char* verb) {
  if (!what) return false;
  set_status(a, verb + *what);
  if (!a.active_id.empty() && !find_annotation(a, a.active_id)) a.active_id.clear();
  return true;
}
}  // namespace

bool undo(App& a) { return after_replay(a, undo(*a.s), "Undid: "); }
bool redo(App& a) { return after_replay(a, redo(*a.s), "Redid: "); }

std::string new_annotation_id(App& a) { return new_annotation_id(*a.s); }

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

std::string count_of(size_t n, const std::string& one, const std::string& many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

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
  // The same label on the same span already there: a suggestion (even a rejected one) is
  // accepted, one undoable change; the reader's own is just opened. Never a duplicate.
  auto it = std::lower_bound(a.s->annotations.begin(), a.s->annotations.end(), int64_t(cs),
                             [](const Annotation& x, int64_t v) { return x.start < v; });
  for (; it != a.s->annotations.end() && it->start == int64_t(cs); ++it) {
    const Annotation& x = *it;
    if (x.end != int64_t(ce) || x.label != label) continue;
    a.active_id = x.id;
    if (x.status != Status::accepted) set_status_of(a, {x.id}, Status::accepted, "Accepted a suggestion");
    return;
  }
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
  c.what = "Marked as " + (l ? l->name : label) + ": \u201C" + cp_substr(a.s->doc.text, a.s->index, cs, ce) + "\u201D";
  if (c.what.size() > 120) c.what = c.what.substr(0, 117) + "\u2026\u201D";
  c.edits.push_back({std::nullopt, an});
  a.active_id = an.id;
  commit(a, std::move(c));
}

void label_selection(App& a, const std::string& label) {
  const std::string& t = a.s->doc.text;
  size_t b = std::min(a.sel_anchor, a.sel_caret), e = std::max(a.sel_anchor, a.sel_caret);
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  while (b < e && blank(t[b])) ++b;
  while (e > b && blank(t[e - 1])) --e;
  add_annotation(a, label, a.s->index.to_cp(b), a.s->index.to_cp(e));
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
  for (const Annotation& an : a.s->annotations) {
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
  for (const Annotation& an : a.s->annotations)
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
