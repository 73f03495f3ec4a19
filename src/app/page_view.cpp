// The article page: text, highlights, selection, the label bar and the annotation card, and the
// mouse and keyboard work done on the text.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "app/reader.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "core/review.hpp"

namespace lede {

namespace {

enum Key {
  kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34, kEnd = 35, kHome = 36,
  kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kDelete = 46, kBackspace = 8, kTab = 9,
  k1 = 49, kA = 65, kL = 76, kN = 78, kR = 82, kNumpad1 = 97,
};
bool pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

struct Theme {
  ImU32 ink, muted, selection, find, find_current, focus;
  float fill, suggestion_fill;
};
Theme theme(bool dark) {
  if (dark)
    return {IM_COL32(226, 224, 218, 255), IM_COL32(150, 150, 156, 255), IM_COL32(70, 110, 170, 150),
            IM_COL32(200, 170, 40, 90), IM_COL32(240, 190, 40, 170), IM_COL32(255, 255, 255, 200), 0.34f, 0.12f};
  return {IM_COL32(28, 28, 30, 255), IM_COL32(110, 110, 118, 255), IM_COL32(160, 200, 255, 150),
          IM_COL32(255, 220, 80, 110), IM_COL32(255, 170, 0, 190), IM_COL32(20, 20, 20, 220), 0.26f, 0.10f};
}

// WCAG relative luminance and contrast ratio of opaque ImGui colours.
float luminance(ImU32 c) {
  auto lin = [](unsigned v) { float x = float(v & 255) / 255.0f; return x <= 0.04045f ? x / 12.92f : std::pow((x + 0.055f) / 1.055f, 2.4f); };
  return 0.2126f * lin(c) + 0.7152f * lin(c >> 8) + 0.0722f * lin(c >> 16);
}
float contrast(ImU32 x, ImU32 y) {
  float a = luminance(x), b = luminance(y);
  return (std::max(a, b) + 0.05f) / (std::min(a, b) + 0.05f);
}

// A label's colour for its underline: opaque, and mixed toward white (dark page) or black (light
// page) until it stands at least 3:1 against the page, so every highlight can be seen.
ImU32 marker_color(const std::string& hex, ImU32 page) {
  static std::vector<std::pair<std::pair<std::string, ImU32>, ImU32>> cache;
  for (auto& [key, c] : cache)
    if (key.first == hex && key.second == page) return c;
  const ImU32 base = label_color(hex, 1), to = luminance(page) < 0.2f ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255);
  ImU32 c = base;
  for (int i = 1; i <= 20 && contrast(c, page) < 3.3f; ++i) {
    float t = i / 20.0f;
    auto mix = [&](int sh) { return unsigned(std::lround(float((base >> sh) & 255) * (1 - t) + float((to >> sh) & 255) * t)) << sh; };
    c = mix(0) | mix(8) | mix(16) | (255u << 24);
  }
  if (cache.size() > 64) cache.clear();
  cache.push_back({{hex, page}, c});
  return c;
}

bool is_word_byte(const std::string& t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c >= 0x80) return !(c == 0xE2);  // letters outside ASCII are word parts; E2.. is punctuation (quotes, dashes)
  return std::isalnum(c) || c == '\'' || c == '-' || c == '_';
}

size_t prev_cp(const std::string& t, size_t i) {
  if (i == 0) return 0;
  --i;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return i;
}

size_t next_cp(const std::string& t, size_t i) {
  if (i >= t.size()) return t.size();
  ++i;
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
  return i;
}

size_t word_left(const std::string& t, size_t i) {
  while (i > 0 && !is_word_byte(t, prev_cp(t, i))) i = prev_cp(t, i);
  while (i > 0 && is_word_byte(t, prev_cp(t, i))) i = prev_cp(t, i);
  return i;
}

size_t word_right(const std::string& t, size_t i) {
  while (i < t.size() && !is_word_byte(t, i)) i = next_cp(t, i);
  while (i < t.size() && is_word_byte(t, i)) i = next_cp(t, i);
  return i;
}

bool has_selection(const App& a) { return a.sel_anchor != a.sel_caret; }

// Rectangles covering bytes [b, e) on lines [first, last].
template <class F>
void for_each_rect(const App& a, size_t b, size_t e, int first, int last, F&& f) {
  const PageLayout& L = a.layout;
  for (int li = std::max(first, 0); li <= last && li < int(L.lines.size()); ++li) {
    const PageLine& line = L.lines[li];
    if (e <= line.begin || b >= line.end) continue;
    size_t sb = std::max<size_t>(b, line.begin), se = std::min<size_t>(e, line.end);
    f(L.x_of(a.s->doc.text, line, sb), L.x_of(a.s->doc.text, line, se), line);
  }
}

struct Visible {
  const Annotation* an;
  size_t b, e;  // bytes
  int level;
};

// Annotations overlapping code points [cb, ce), with stacking levels so nested ones stay apart.
std::vector<Visible> visible_annotations(const App& a, size_t cb, size_t ce) {
  std::vector<Visible> out;
  int64_t lo = int64_t(cb) - a.s->max_span;
  auto it = std::lower_bound(a.s->annotations.begin(), a.s->annotations.end(), lo,
                             [](const Annotation& x, int64_t v) { return x.start < v; });
  std::vector<int64_t> level_end;  // per level, the end of the last annotation placed there
  for (; it != a.s->annotations.end() && it->start < int64_t(ce); ++it) {
    if (it->end <= int64_t(cb) && !(it->start == it->end)) continue;
    if (!layer_visible(a, *it)) continue;
    int level = 0;
    while (level < int(level_end.size()) && level_end[level] > it->start) ++level;
    if (level == int(level_end.size())) level_end.push_back(0);
    level_end[level] = it->end;
    out.push_back({&*it, a.s->index.to_byte(size_t(it->start)), a.s->index.to_byte(size_t(it->end)), level});
  }
  return out;
}

void select_word_at(App& a, size_t p) {
  const std::string& t = a.s->doc.text;
  size_t b = p, e = p;
  while (b > 0 && is_word_byte(t, prev_cp(t, b))) b = prev_cp(t, b);
  while (e < t.size() && is_word_byte(t, e)) e = next_cp(t, e);
  while (e > b && (t[e - 1] == '\'' || t[e - 1] == '-')) --e;
  a.sel_anchor = b;
  a.sel_caret = e;
}

void select_paragraph_at(App& a, size_t p) {
  const std::string& t = a.s->doc.text;
  size_t b = p == 0 ? std::string::npos : t.rfind('\n', p - 1);
  b = b == std::string::npos ? 0 : b + 1;
  size_t e = t.find('\n', p);
  a.sel_anchor = b;
  a.sel_caret = e == std::string::npos ? t.size() : e;
}

// Moves the active annotation's start (edge 1) or end (edge 2) to byte p, keeping it non-empty.
void move_edge(App& a, int edge, size_t p, const char* what) {
  Annotation* an = find_annotation(a, a.active_id);
  if (!an) return;
  size_t cp = a.s->index.to_cp(p);
  Annotation after = *an;
  if (edge == 1) after.start = std::min<int64_t>(int64_t(cp), an->end - 1);
  else after.end = std::max<int64_t>(int64_t(cp), an->start + 1);
  if (after.start == an->start && after.end == an->end) return;
  after.modified = now_iso(a);
  Change c;
  c.what = what;
  c.edits.push_back({*an, after});
  commit(a, std::move(c));
}

// Shift+arrows: by character (or word with Ctrl) and by line.
void extend_selection(App& a, int first_visible, bool words) {
  const std::string& t = a.s->doc.text;
  const PageLayout& L = a.layout;
  bool any = pressed(kLeft) || pressed(kRight) || pressed(kUp) || pressed(kDown);
  if (!any || L.lines.empty()) return;
  // With nothing selected, start from the top of the view.
  if (!has_selection(a) && a.sel_caret == 0 && first_visible >= 0)
    a.sel_anchor = a.sel_caret = L.lines[std::min(first_visible + 1, int(L.lines.size()) - 1)].begin;
  size_t c = a.sel_caret;
  if (pressed(kLeft)) c = words ? word_left(t, c) : prev_cp(t, c);
  if (pressed(kRight)) c = words ? word_right(t, c) : next_cp(t, c);
  if (pressed(kUp) || pressed(kDown)) {
    int li = L.line_of(c);
    if (li >= 0) {
      float x = L.x_of(t, L.lines[li], c);
      int to = std::clamp(li + (pressed(kUp) ? -1 : 1), 0, int(L.lines.size()) - 1);
      c = L.byte_at(t, x, L.lines[to].y + 1);
    }
  }
  if (c != a.sel_caret) {
    a.sel_caret = c;
    a.active_id.clear();
  }
}

// The card closes because its annotation went (R, Delete): Tab goes on from where it was.
void card_removed(App& a, const Annotation& an) {
  a.tab_from = an.start;
  a.tab_from_id = an.id;
  a.active_id.clear();
}

// Soft wrapping for the note editor (ImGui 1.86's multiline field does not wrap): the edit buffer
// holds "\r\n" where a line wraps; ImGui draws nothing for '\r', and the pairs come out again
// before the note is kept. Words too long for a line (URLs) are cut.
std::string strip_soft_breaks(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') { if (i + 1 < s.size() && s[i + 1] == '\n') ++i; continue; }
    out += s[i];
  }
  return out;
}
// A note's own line breaks as '\n' (a file may hold "\r\n"), so no '\r' is taken for a soft break.
std::string plain_breaks(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') { out += '\n'; if (i + 1 < s.size() && s[i + 1] == '\n') ++i; continue; }
    out += s[i];
  }
  return out;
}
// The display text of `clean` wrapped to `width`; *cursor goes from an offset in clean to one in it.
std::string soft_wrap(const std::string& clean, float width, int* cursor) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  std::string out;
  int moved = -1;
  auto copy = [&](size_t from, size_t to) {
    if (cursor && moved < 0 && *cursor >= int(from) && *cursor < int(to)) moved = int(out.size()) + *cursor - int(from);
    out.append(clean, from, to - from);
  };
  size_t p = 0;
  while (p <= clean.size()) {
    size_t end = clean.find('\n', p);
    if (end == std::string::npos) end = clean.size();
    const char* base = clean.data();
    size_t s = p;
    while (s < end) {
      size_t e = size_t(font->CalcWordWrapPositionA(scale, base + s, base + end, width) - base);
      if (e <= s) e = s + 1;
      while (e < end && (static_cast<unsigned char>(clean[e]) & 0xC0) == 0x80) ++e;  // whole characters
      if (e >= end) { copy(s, end); break; }
      while (e < end && clean[e] == ' ') ++e;  // blanks stay at the end of the line
      copy(s, e);
      if (e < end) out += "\r\n";
      s = e;
    }
    if (end < clean.size()) copy(end, end + 1);  // the reader's own line break
    p = end + 1;
  }
  if (cursor) *cursor = moved >= 0 ? moved : int(out.size());
  return out;
}
struct NoteWrap {
  std::string shown;  // the buffer as last seen
  int cursor = 0;
  float width = 200;
};
int note_wrap_callback(ImGuiInputTextCallbackData* d) {
  NoteWrap& w = *static_cast<NoteWrap*>(d->UserData);
  std::string now(d->Buf, size_t(d->BufTextLen));
  if (d->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
    // The one edited stretch, against the buffer before; soft breaks in it do not count.
    const std::string& was = w.shown;
    size_t pre = 0, suf = 0;
    while (pre < was.size() && pre < now.size() && was[pre] == now[pre]) ++pre;
    while (suf < was.size() - pre && suf < now.size() - pre && was[was.size() - 1 - suf] == now[now.size() - 1 - suf]) ++suf;
    std::string before = strip_soft_breaks(was.substr(0, pre)), inserted = strip_soft_breaks(now.substr(pre, now.size() - pre - suf));
    std::string after = strip_soft_breaks(was.substr(was.size() - suf));
    std::string removed = was.substr(pre, was.size() - pre - suf);
    const bool soft_removed = inserted.empty() && (removed == "\r\n" || (removed == "\n" && pre > 0 && was[pre - 1] == '\r') ||
                                                   (removed == "\r" && pre + 1 < was.size() && was[pre + 1] == '\n'));
    if (soft_removed) {
      // Backspace or Delete on a soft break: take the character beyond it, as a plain line would.
      if (ImGui::IsKeyPressed(ImGui::GetIO().KeyMap[ImGuiKey_Delete])) {
        if (!after.empty()) { size_t n = 1; while (n < after.size() && (static_cast<unsigned char>(after[n]) & 0xC0) == 0x80) ++n; after.erase(0, n); }
      } else if (!before.empty()) {
        size_t n = before.size() - 1;
        while (n > 0 && (static_cast<unsigned char>(before[n]) & 0xC0) == 0x80) --n;
        before.erase(n);
      }
    }
    int cursor = int(before.size() + inserted.size());
    std::string shown = soft_wrap(before + inserted + after, w.width, &cursor);
    if (shown != now) {
      d->DeleteChars(0, d->BufTextLen);
      d->InsertChars(0, shown.c_str(), shown.c_str() + shown.size());
    }
    d->CursorPos = d->SelectionStart = d->SelectionEnd = cursor;
    w.shown = shown;
  } else {
    if (now != w.shown) w.shown = now;
    // The caret never rests between '\r' and '\n' (one invisible place): it steps over it.
    int c = d->CursorPos;
    if (c > 0 && c < d->BufTextLen && d->Buf[c - 1] == '\r' && d->Buf[c] == '\n') {
      d->CursorPos = c < w.cursor ? c - 1 : c + 1;
      if (!d->HasSelection()) d->SelectionStart = d->SelectionEnd = d->CursorPos;
    }
  }
  w.cursor = d->CursorPos;
  return 0;
}

}  // namespace

bool wrapped_field(App& a, const char* id, const std::string& key, const std::string& value, float w, float lines, std::string* kept) {
  struct Field {
    std::string edit;  // soft-wrapped (see soft_wrap)
    std::string key;
    const Session* s = nullptr;
    NoteWrap wrap;
  };
  static std::map<std::string, Field> fields;
  Field& f = fields[id];
  f.wrap.width = w - ImGui::GetStyle().FramePadding.x * 2 - ImGui::GetStyle().ScrollbarSize - ImGui::CalcTextSize("  ").x;
  // Started again from the value for another annotation or article (both may have a "u1"), and
  // when the value changed while the field was not being typed in (an undo): else the field would
  // show, and keep on leaving, another value.
  const bool typing = ImGui::GetActiveID() == ImGui::GetID(id) || GImGui->ActiveIdPreviousFrame == ImGui::GetID(id);  // or just left
  if (f.key != key || f.s != a.s || (!typing && strip_soft_breaks(f.edit) != plain_breaks(value))) {
    f.key = key;
    f.s = a.s;
    f.edit = soft_wrap(plain_breaks(value), f.wrap.width, nullptr);
    f.wrap.shown = f.edit;
  }
  // N (or E) gives the field the keyboard, as keyboard navigation would activate it (ImGui 1.86's
  // SetKeyboardFocusHere needs navigation turned on). Typed characters wait in the platform queue
  // until the field is active.
  const bool focus = a.note_focus && std::strcmp(a.note_field, id) == 0;
  if (focus && a.note_focus == 2) {
    a.note_focus = 1;
    a.note_focus_frames = 0;
  }
  if (focus) GImGui->NavActivateInputId = ImGui::GetID(id);
  ImGui::InputTextMultiline(id, &f.edit, ImVec2(w, ImGui::GetTextLineHeight() * lines),
                            ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways, note_wrap_callback, &f.wrap);
  if (focus && (ImGui::IsItemActive() || ++a.note_focus_frames > 30)) a.note_focus = 0;
  // What is typed, until the field is left (keep_open_field keeps it if the card goes first).
  App::OpenField& open = a.open_field;
  if (ImGui::IsItemActive() && strip_soft_breaks(f.edit) != plain_breaks(value)) open = {a.s, id, key, strip_soft_breaks(f.edit), true};
  else if (open.field == id && open.key == key && open.s == a.s) open = {};
  if (!ImGui::IsItemDeactivated() || strip_soft_breaks(f.edit) == plain_breaks(value)) return false;
  *kept = strip_soft_breaks(f.edit);
  return true;
}

void keep_open_field(App& a, bool now) {
  App::OpenField& open = a.open_field;
  if (!open.s || (open.drawn && !now)) {
    open.drawn = false;  // for the next frame
    return;
  }
  App::OpenField f = std::move(open);
  open = {};
  Session* s = nullptr;
  for (auto& sp : a.sessions)
    if (sp.get() == f.s) s = sp.get();
  const Annotation* an = s ? find_annotation(*s, f.key) : nullptr;
  if (!an) return;
  if (f.field == "##note" && an->note != f.text) {
    Annotation after = *an;
    after.note = f.text;
    after.modified = now_iso(a);
    Change c;
    c.what = "Edited a note";
    c.edits.push_back({*an, std::move(after)});
    commit(*s, std::move(c));
  } else if (f.field == "##explanation") {
    Review r = an->review ? *an->review : Review{};
    r.explanation = f.text;
    show_outcome(a, set_review(*s, f.key, std::move(r), a.view.reviewer, now_iso(a)));
  }
}

namespace {

// On the same line as the last item when an item `w` wide still fits in the window, else below:
// fixed-width windows (the card) would clip what runs past their edge.
void same_line_if_fits(float w) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine();
}
float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

void draw_label_bar(App& a, float x, float y) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 5));
  ImGui::Begin("##labelbar", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  for (size_t i = 0; i < a.s->labels.size() && i < 9; ++i) {
    const Label& l = a.s->labels[i];
    if (i) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, label_color(l.color, 0.22f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, label_color(l.color, 0.45f));
    char text[96];
    std::snprintf(text, sizeof text, "%zu %s", i + 1, l.name.c_str());
    if (ImGui::Button(text)) label_selection(a, l.id);
    ImGui::PopStyleColor(2);
  }
  a.label_bar_rect[0] = ImGui::GetWindowPos().x;
  a.label_bar_rect[1] = ImGui::GetWindowPos().y;
  a.label_bar_rect[2] = ImGui::GetWindowSize().x;
  a.label_bar_rect[3] = ImGui::GetWindowSize().y;
  ImGui::End();
  ImGui::PopStyleVar();
}

void draw_card(App& a, float x, float y) {
  Annotation* an = find_annotation(a, a.active_id);
  if (!an) return;
  ImGuiIO& io = ImGui::GetIO();
  const float w = std::min(340.0f, std::max(200.0f, a.page_rect[2] - 24));  // narrow screens: the page's width
  x = std::clamp(x, a.page_rect[0] + 8, std::max(a.page_rect[0] + 8, a.page_rect[0] + a.page_rect[2] - w - 22));  // inside the page
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));
  if (a.card_just_opened || a.note_focus == 2) ImGui::SetNextWindowFocus();
  a.card_just_opened = false;
  // It takes the keyboard only when asked (a click on a highlight, N): opened from the side
  // panels, it leaves the keyboard there.
  ImGui::Begin("##card", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoFocusOnAppearing);
  const Label* lab = find_label(a, an->label);
  ImGui::TextColored(ImColor(label_color(lab ? lab->color : "#888888", 1)), "%s", lab ? lab->name.c_str() : an->label.c_str());
  ImGui::SameLine();
  const char* status = an->status == Status::suggested ? "suggestion" : an->origin == Origin::automatic ? "accepted suggestion" : "yours";
  ImGui::TextDisabled("\u00B7 %s", status);
  std::string quote = annotation_text(a, *an);
  if (quote.size() > 160) quote = quote.substr(0, 157) + "\u2026";
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 24);
  ImGui::TextUnformatted(("\u201C" + quote + "\u201D").c_str());
  std::string details = annotation_summary(a, *an);
  if (!details.empty()) ImGui::TextDisabled("%s", details.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Separator();

  // Label.
  for (size_t i = 0; i < a.s->labels.size(); ++i) {
    const Label& l = a.s->labels[i];
    bool on = l.id == an->label;
    char text[96];
    std::snprintf(text, sizeof text, "%zu %s", i + 1, l.name.c_str());
    if (i) same_line_if_fits(button_width(i < 9 ? text : l.name.c_str()));
    ImGui::PushStyleColor(ImGuiCol_Button, label_color(l.color, on ? 0.55f : 0.15f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, label_color(l.color, 0.4f));
    if (ImGui::SmallButton(i < 9 ? text : l.name.c_str()) && !on) {
      relabel(a, an->id, l.id);
      an = find_annotation(a, a.active_id);
    }
    ImGui::PopStyleColor(2);
  }
  if (!an) { ImGui::End(); return; }

  // Note: edited in place, committed as one change when the field loses focus.
  ImGui::TextDisabled("Note (N to write, Ctrl+Enter to keep)");
  std::string note;
  if (wrapped_field(a, "##note", an->id, an->note, w - 28, 4, &note)) {
    Annotation after = *an;
    after.note = note;
    after.modified = now_iso(a);
    Change c;
    c.what = "Edited a note";
    c.edits.push_back({*an, after});
    commit(a, std::move(c));
    an = find_annotation(a, a.active_id);
    if (!an) { ImGui::End(); return; }
  }
  mark_ui(a, "card:note");
  const std::string id = an->id;
  if (is_claim(*an)) draw_review_section(a, id, w);
  else if (kind_index(an->label) == int(KindId::actor)) draw_actor_section(a, id);
  an = find_annotation(a, id);
  if (!an) { ImGui::End(); return; }

  // The buttons wrap to a second row rather than run past the card's edge.
  const Annotation was = *an;
  bool first_button = true;
  auto button = [&](const char* label) {
    if (!first_button) same_line_if_fits(button_width(label));
    first_button = false;
    return ImGui::Button(label);
  };
  if (was.status == Status::suggested) {
    if (button("Accept (A)")) set_status_of(a, {was.id}, Status::accepted, "Accepted a suggestion");
    if (button("Reject (R)")) { set_status_of(a, {was.id}, Status::rejected, "Rejected a suggestion"); card_removed(a, was); }
  }
  if (button("Delete (Del)")) {
    delete_annotations(a, {was.id}, "Deleted an annotation");
    card_removed(a, was);
  }
  if (button("Close (Esc)")) a.active_id.clear();
  mark_ui(a, "card:close");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 24);
  ImGui::TextDisabled("Shift+\u2190/\u2192 moves the end, Alt+Shift+\u2190/\u2192 the start");
  ImGui::PopTextWrapPos();
  a.card_rect[0] = ImGui::GetWindowPos().x;
  a.card_rect[1] = ImGui::GetWindowPos().y;
  a.card_rect[2] = ImGui::GetWindowSize().x;
  a.card_rect[3] = ImGui::GetWindowSize().y;
  ImGui::End();
}

}  // namespace

bool layer_visible(const App& a, const Annotation& an) {
  if (an.status == Status::rejected) return false;
  if (an.status == Status::suggested && !a.view.show_suggestions) return false;
  int k = kind_index(an.label);
  return k >= 0 ? a.view.show_kind[k] : a.view.show_other;
}

std::string annotation_text(const App& a, const Annotation& an) { return annotation_text(*a.s, an); }

std::string annotation_summary(const App& a, const Annotation& an) {
  std::string s = kind_summary(an.label, an.attrs, a.s->doc.meta.published);
  if (!an.note.empty()) s += (s.empty() ? "" : "\n") + std::string("Note: ") + an.note;
  return s;
}

// The line under the headline: outlet \u00B7 byline \u00B7 date (the article's details).
std::string page_byline(const Document& d) {
  std::string byline;
  for (const std::string* part : {&d.meta.outlet, &d.meta.byline, &d.meta.published})
    if (!part->empty()) byline += (byline.empty() ? "" : "  \u00B7  ") + (part == &d.meta.published ? part->substr(0, 10) : *part);
  return byline;
}

void scroll_to_byte(App& a, size_t byte) {
  int li = a.layout.line_of(byte);
  if (li < 0) return;
  float y = a.page_top - a.view_top + a.scroll_y + a.layout.lines[li].y;  // content y of the line
  a.set_scroll_y = std::max(0.0f, y - a.view_height * 0.3f);
}

void scroll_to_annotation(App& a, const Annotation& an) { scroll_to_byte(a, a.s->index.to_byte(size_t(an.start))); }

void draw_page(App& a, float px, float py, float pw, float ph) {
  ImGuiIO& io = ImGui::GetIO();
  const Theme th = theme(a.view.dark);
  ImGui::SetNextWindowPos(ImVec2(px, py));
  ImGui::SetNextWindowSize(ImVec2(pw, ph));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar |
                   ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar();

  const float view_w = ImGui::GetContentRegionAvail().x;
  const float em = a.fonts.body_size;  // the size the atlas holds; a zoom applies once it is rebuilt
  const float body_px = a.fonts.body->FontSize / a.fonts.dpr;  // ImGui's size for this em
  const float column = std::max(120.0f, std::min(view_w - 48.0f, std::round(em * 34.0f)));
  const float left = std::round((view_w - column) * 0.5f);
  if (a.layout_dirty || a.layout.font != a.fonts.body || std::fabs(a.layout.width - column) > 0.5f || a.layout.em != em) {
    a.layout.build(a.s->doc.text, a.fonts.body, body_px, em, column);
    a.layout_dirty = false;
  }
  const PageLayout& L = a.layout;
  const float title_px = a.fonts.title->FontSize / a.fonts.dpr;
  const float top_pad = std::round(em * 2.2f);
  // The headline, then outlet · byline · date (the article's details) in the muted ink.
  const std::string title = article_title(a.s->doc);
  const std::string byline = page_byline(a.s->doc);
  ImVec2 title_sz = a.fonts.title->CalcTextSizeA(title_px, FLT_MAX, column, title.c_str());
  const float byline_px = std::round(body_px * 0.85f);
  const float byline_h = byline.empty() ? 0 : a.fonts.body->CalcTextSizeA(byline_px, FLT_MAX, column, byline.c_str()).y + std::round(em * 0.5f);
  const float text_top = top_pad + title_sz.y + byline_h + std::round(em * 1.4f);
  if (a.keep_byte_at_top != SIZE_MAX && a.fonts.body_size == a.view.body_size) {
    int li = L.line_of(a.keep_byte_at_top);
    if (li >= 0) a.set_scroll_y = text_top + L.lines[li].y;
    a.keep_byte_at_top = SIZE_MAX;
  }
  const bool scroll_moves = a.set_scroll_y >= 0;  // takes effect next frame
  if (scroll_moves) {
    ImGui::SetScrollY(a.set_scroll_y);
    a.set_scroll_y = -1;
  }

  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  a.page_left = origin.x + left;
  a.page_top = origin.y + text_top;
  a.view_top = ImGui::GetWindowPos().y;
  a.view_height = ImGui::GetWindowHeight();
  a.scroll_y = ImGui::GetScrollY();
  a.scroll_max = ImGui::GetScrollMaxY();
  if (!scroll_moves && !L.lines.empty()) {  // the reading position, kept with the article
    int top_line = L.line_at(a.view_top - a.page_top);
    a.s->top_cp = top_line > 0 ? a.s->index.to_cp(L.lines[size_t(top_line)].begin) : 0;
  }
  dl->AddText(a.fonts.title, title_px, ImVec2(a.page_left, origin.y + top_pad), th.ink, title.c_str(), nullptr, column);
  if (!byline.empty()) {
    ImVec2 at(a.page_left, origin.y + top_pad + title_sz.y + std::round(em * 0.5f));
    dl->AddText(a.fonts.body, byline_px, at, th.muted, byline.c_str(), nullptr, column);
    a.ui_rects.push_back({"page:byline", {at.x, at.y, column, byline_h}});
  }
  a.ui_rects.push_back({"page:title", {a.page_left, origin.y + top_pad, title_sz.x, title_sz.y}});
  ImGui::Dummy(ImVec2(view_w, text_top + L.height + em * 4));

  const float win_top = a.view_top, win_bottom = win_top + a.view_height;
  const int first = L.line_at(win_top - a.page_top - L.line_height);
  const int last = L.line_at(win_bottom - a.page_top + L.line_height);
  const float pad_y = std::round((L.line_height - body_px) * 0.5f);
  auto X = [&](float x) { return a.page_left + x; };
  auto Y = [&](const PageLine& l) { return a.page_top + l.y; };

  const bool over_page = ImGui::IsWindowHovered() && io.MousePos.x < ImGui::GetWindowPos().x + view_w;
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) a.keyboard_in_panels = false;  // a click on the page takes the keyboard back
  const size_t mouse_byte = L.lines.empty() ? 0 : L.byte_at(a.s->doc.text, io.MousePos.x - a.page_left, io.MousePos.y - a.page_top);
  const int mouse_line = L.line_at(io.MousePos.y - a.page_top);
  const bool mouse_on_text = over_page && mouse_line >= 0 && io.MousePos.y >= a.page_top &&
                             io.MousePos.y < a.page_top + L.height && io.MousePos.x >= a.page_left - 4 &&
                             io.MousePos.x <= a.page_left + column + 4;

  std::string hovered;
  const Annotation* active = find_annotation(a, a.active_id);
  float active_start_x = 0, active_end_x = 0, active_start_y = -1, active_end_y = -1;

  if (first >= 0) {
    size_t vis_b = L.lines[first].begin, vis_e = L.lines[last].end;
    // Find matches.
    if (!a.find_hits.empty()) {
      auto it = std::lower_bound(a.find_hits.begin(), a.find_hits.end(), std::make_pair(vis_b, size_t(0)));
      if (it != a.find_hits.begin()) --it;
      for (; it != a.find_hits.end() && it->first < vis_e; ++it) {
        bool cur = a.find_current >= 0 && it - a.find_hits.begin() == a.find_current;
        for_each_rect(a, it->first, it->second, first, last, [&](float x0, float x1, const PageLine& l) {
          dl->AddRectFilled(ImVec2(X(x0) - 1, Y(l) + pad_y - 1), ImVec2(X(x1) + 1, Y(l) + pad_y + body_px + 1), cur ? th.find_current : th.find, 2);
        });
      }
    }
    // Annotations: the reader's as filled marks, suggestions as a light tint with a dotted underline.
    const ImU32 page_bg = ImGui::GetColorU32(ImGuiCol_WindowBg) | IM_COL32_A_MASK;
    const float dpr = std::max(a.fonts.dpr, 1.0f);
    std::vector<Visible> vis = visible_annotations(a, a.s->index.to_cp(vis_b), a.s->index.to_cp(vis_e) + 1);
    size_t hovered_len = SIZE_MAX;
    for (const Visible& v : vis) {
      const Annotation& an = *v.an;
      const Label* lab = find_label(a, an.label);
      const std::string& color = lab ? lab->color : std::string("#888888");
      bool suggestion = an.status == Status::suggested;
      bool linked = an.id == a.panel_hover_id || an.id == a.hover_id ||
                    (!a.focus_entity.empty() && an.attrs.entity == a.focus_entity && kind_index(an.label) == int(KindId::actor));
      ImU32 fill = label_color(color, suggestion ? th.suggestion_fill : th.fill);
      ImU32 line_col = marker_color(color, page_bg);
      float under = std::min(pad_y + body_px + 1 + v.level * 3.0f, L.line_height - 2);
      for_each_rect(a, v.b, v.e, first, last, [&](float x0, float x1, const PageLine& l) {
        float y0 = Y(l) + pad_y - 1 + v.level * 1.5f, y1 = Y(l) + under;
        dl->AddRectFilled(ImVec2(X(x0) - 1, y0), ImVec2(X(x1) + 1, y1), fill, 2);
        // Underlines as whole-pixel rectangles: thin anti-aliased lines fade at device scale 1.
        const float uy = std::floor(y1 * dpr) / dpr, uh = std::max(2.0f, std::round(2 * dpr)) / dpr;
        if (suggestion) {
          for (float x = X(x0); x < X(x1); x += 5) dl->AddRectFilled(ImVec2(x, uy), ImVec2(std::min(x + 3, X(x1)), uy + uh), line_col);
        } else {
          dl->AddRectFilled(ImVec2(X(x0), uy), ImVec2(X(x1), uy + uh), line_col);
        }
        if (linked) dl->AddRect(ImVec2(X(x0) - 2, y0 - 1), ImVec2(X(x1) + 2, y1 + 1), th.focus, 2, 0, 1.5f);
      });
      if (mouse_on_text && mouse_byte >= v.b && mouse_byte < v.e && size_t(an.end - an.start) < hovered_len) {
        hovered = an.id;
        hovered_len = size_t(an.end - an.start);
      }
    }
    // Selection.
    if (has_selection(a)) {
      size_t b = std::min(a.sel_anchor, a.sel_caret), e = std::max(a.sel_anchor, a.sel_caret);
      for_each_rect(a, b, e, first, last, [&](float x0, float x1, const PageLine& l) {
        dl->AddRectFilled(ImVec2(X(x0), Y(l)), ImVec2(X(std::max(x1, x0 + 4)), Y(l) + L.line_height), th.selection);
      });
    }
    // Text.
    for (int li = first; li <= last; ++li) {
      const PageLine& l = L.lines[li];
      if (l.end > l.begin)
        dl->AddText(a.fonts.body, body_px, ImVec2(a.page_left, Y(l) + pad_y), th.ink, a.s->doc.text.data() + l.begin, a.s->doc.text.data() + l.end);
    }
    // The active annotation: an outline and handles on both ends.
    if (active) {
      size_t b = a.s->index.to_byte(size_t(active->start)), e = a.s->index.to_byte(size_t(active->end));
      for_each_rect(a, b, e, first, last, [&](float x0, float x1, const PageLine& l) {
        dl->AddRect(ImVec2(X(x0) - 2, Y(l) + pad_y - 3), ImVec2(X(x1) + 2, Y(l) + pad_y + body_px + 3), th.focus, 2, 0, 2);
        if (l.begin <= b && b < l.end + 1 && active_start_y < 0) { active_start_x = X(x0); active_start_y = Y(l); }
        if (e > l.begin && e <= l.end) { active_end_x = X(x1); active_end_y = Y(l); }
      });
      for (auto [hx, hy] : {std::pair{active_start_x, active_start_y}, std::pair{active_end_x, active_end_y}})
        if (hy >= 0) dl->AddRectFilled(ImVec2(hx - 2, hy + pad_y - 5), ImVec2(hx + 2, hy + pad_y + body_px + 5), th.focus, 1);
    }
  }
  a.hover_id = hovered;

  // Mouse on the text.
  auto near_edge = [&](float ex, float ey) {
    return ey >= 0 && std::fabs(io.MousePos.x - ex) < 5 && io.MousePos.y >= ey && io.MousePos.y < ey + L.line_height;
  };
  int edge_under_mouse = 0;
  if (over_page && active) {
    if (near_edge(active_start_x, active_start_y)) edge_under_mouse = 1;
    else if (near_edge(active_end_x, active_end_y)) edge_under_mouse = 2;
  }
  if (over_page) ImGui::SetMouseCursor(edge_under_mouse || a.drag_edge ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_TextInput);
  if (over_page && ImGui::IsMouseClicked(0) && !L.lines.empty()) {
    double t = ImGui::GetTime();
    bool near = std::fabs(io.MousePos.x - a.last_click_x) < 6 && std::fabs(io.MousePos.y - a.last_click_y) < 6;
    // The platform counts clicks by the events' own times: frame times stretch when frames are
    // slow, and a triple click would then read as three single ones.
    if (a.press_clicks > 0) a.click_count = a.press_clicks;
    else a.click_count = (t - a.last_click_time < io.MouseDoubleClickTime && near) ? a.click_count + 1 : 1;
    a.last_click_time = t;
    a.last_click_x = io.MousePos.x;
    a.last_click_y = io.MousePos.y;
    if (edge_under_mouse) {
      a.drag_edge = edge_under_mouse;
    } else if (a.click_count == 2) {
      select_word_at(a, mouse_byte);
      a.dragging = false;
    } else if (a.click_count >= 3) {
      select_paragraph_at(a, mouse_byte);
      a.dragging = false;
    } else {
      if (!io.KeyShift) a.sel_anchor = mouse_byte;
      a.sel_caret = mouse_byte;
      a.dragging = true;
    }
  }
  if (a.drag_edge) {
    if (!ImGui::IsMouseDown(0)) {
      move_edge(a, a.drag_edge, mouse_byte, a.drag_edge == 1 ? "Moved the start of an annotation" : "Moved the end of an annotation");
      a.drag_edge = 0;
    } else if (Annotation* an = find_annotation(a, a.active_id)) {
      // Live preview: show the boundary under the mouse as a selection.
      size_t other = a.s->index.to_byte(size_t(a.drag_edge == 1 ? an->end : an->start));
      a.sel_anchor = other;
      a.sel_caret = mouse_byte;
    }
    if (!a.drag_edge) a.sel_anchor = a.sel_caret;
  }
  if (a.dragging) {
    if (ImGui::IsMouseDown(0)) {
      a.sel_caret = mouse_byte;
      float edge = L.line_height;
      if (io.MousePos.y < win_top + edge) ImGui::SetScrollY(ImGui::GetScrollY() - (win_top + edge - io.MousePos.y) * 0.5f);
      if (io.MousePos.y > win_bottom - edge) ImGui::SetScrollY(ImGui::GetScrollY() + (io.MousePos.y - win_bottom + edge) * 0.5f);
    } else {
      a.dragging = false;
      // A click without a drag on a highlight opens it.
      if (!has_selection(a) && a.click_count == 1) {
        a.active_id = hovered;
        a.card_just_opened = !hovered.empty();
      } else if (has_selection(a)) {
        a.active_id.clear();
      }
    }
  }

  // Tooltip for the highlight under the mouse; none while the reader works from the keyboard, where
  // it would cover the card (it comes back when the mouse moves).
  for (int k = 0; k < 512; ++k)
    if (ImGui::IsKeyPressed(k, false)) { a.keyboard_mode = true; a.keyboard_mouse_x = io.MousePos.x; a.keyboard_mouse_y = io.MousePos.y; break; }
  if (io.MousePos.x != a.keyboard_mouse_x || io.MousePos.y != a.keyboard_mouse_y) a.keyboard_mode = false;
  if (!hovered.empty() && !a.dragging && !a.drag_edge && hovered != a.active_id && !a.keyboard_mode) {
    if (const Annotation* an = find_annotation(a, hovered)) {
      const Label* lab = find_label(a, an->label);
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(360);
      ImGui::Text("%s%s", lab ? lab->name.c_str() : an->label.c_str(), an->status == Status::suggested ? " (suggestion)" : "");
      std::string s = annotation_summary(a, *an);
      if (!s.empty()) ImGui::TextDisabled("%s", s.c_str());
      ImGui::PopTextWrapPos();
      ImVec2 tp = ImGui::GetWindowPos(), ts = ImGui::GetWindowSize();
      a.ui_rects.push_back({"tooltip", {tp.x, tp.y, ts.x, ts.y}});
      ImGui::EndTooltip();
    }
  }

  // Where Tab goes on from after R or Delete closed the card: that place, while it is in view.
  int64_t tab_from = -1;
  if (!a.active_id.empty() || ImGui::IsMouseClicked(0)) a.tab_from = -1;  // a card or a click: the reader is elsewhere now
  if (a.tab_from >= 0 && a.active_id.empty() && first >= 0) {
    size_t b = a.s->index.to_byte(size_t(std::min<int64_t>(a.tab_from, int64_t(a.s->index.length()))));
    if (b >= L.lines[first].begin && b <= L.lines[last].end) tab_from = a.tab_from;
  }
  // Keyboard on the text (when no field has the keyboard).
  const bool keys = key_zone(a) == KeyZone::page && !io.WantTextInput && !a.find_focus &&
                    !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup);
  if (keys && !io.KeyCtrl) {
    Annotation* an = find_annotation(a, a.active_id);
    if (an && io.KeyShift && (pressed(kLeft) || pressed(kRight))) {
      const std::string& t = a.s->doc.text;
      int edge = io.KeyAlt ? 1 : 2;
      size_t p = a.s->index.to_byte(size_t(edge == 1 ? an->start : an->end));
      p = pressed(kLeft) ? prev_cp(t, p) : next_cp(t, p);
      move_edge(a, edge, p, edge == 1 ? "Moved the start of an annotation" : "Moved the end of an annotation");
    } else if (io.KeyShift && !io.KeyAlt) {
      if (an && !has_selection(a) && review_keys(a, *an, true)) {
        // Shift+E: a claim's new evidence item
      } else if (an && an->status == Status::suggested && (pressed(kA, false) || pressed(kR, false))) {
        // Shift+A / Shift+R: every suggestion of the same entity (actors) or label.
        std::string entity = kind_index(an->label) == int(KindId::actor) ? an->attrs.entity : std::string();
        std::vector<std::string> ids;
        for (const Annotation& x : a.s->annotations)
          if (x.status == Status::suggested && x.label == an->label && (entity.empty() || x.attrs.entity == entity))
            ids.push_back(x.id);
        bool acc = pressed(kA, false);
        const Annotation was = *an;
        std::string what = std::string(acc ? "Accepted " : "Rejected ") + count_of(ids.size(), "suggestion", "suggestions") +
                           (entity.empty() ? " (" + an->label + ")" : " of " + entity);
        set_status_of(a, ids, acc ? Status::accepted : Status::rejected, what);
        if (!acc) card_removed(a, was);
      } else {
        extend_selection(a, first, false);
      }
    } else if (!io.KeyShift && !io.KeyAlt) {
      if (pressed(kEscape, false)) {
        if (!a.active_id.empty()) a.active_id.clear();
        else a.sel_anchor = a.sel_caret;
      }
      if (has_selection(a)) {
        for (int i = 0; i < 9 && i < int(a.s->labels.size()); ++i)
          if (pressed(k1 + i, false) || pressed(kNumpad1 + i, false)) {
            label_selection(a, a.s->labels[i].id);
            break;
          }
      } else if (an) {
        for (int i = 0; i < 9 && i < int(a.s->labels.size()); ++i)
          if (pressed(k1 + i, false) || pressed(kNumpad1 + i, false)) relabel(a, an->id, a.s->labels[size_t(i)].id);
      }
      an = find_annotation(a, a.active_id);  // the changes above may have moved it
      if (!has_selection(a) && an) {
        if (pressed(kA, false) && an->status == Status::suggested) set_status_of(a, {an->id}, Status::accepted, "Accepted a suggestion");
        else if (pressed(kR, false) && an->status == Status::suggested) { Annotation was = *an; set_status_of(a, {was.id}, Status::rejected, "Rejected a suggestion"); card_removed(a, was); }
        else if (pressed(kDelete, false) || pressed(kBackspace, false)) { Annotation was = *an; delete_annotations(a, {was.id}, "Deleted an annotation"); card_removed(a, was); }
        else if (pressed(kN, false)) { a.note_focus = 2; a.note_field = "##note"; }
        else review_keys(a, *an, false);
      }
      if (pressed(kL, false)) { a.show_labels_window = true; a.labels_window_focus = true; }
      // Tab / Shift+Tab step through the visible annotations.
      if (pressed(kTab)) {
        const Annotation* cur = find_annotation(a, a.active_id);
        int64_t from = cur ? cur->start : tab_from >= 0 ? tab_from : int64_t(a.s->index.to_cp(first >= 0 ? L.lines[first].begin : 0)) - 1;
        const std::string& from_id = cur ? cur->id : a.tab_from_id;
        const Annotation* next = nullptr;
        if (!io.KeyShift) {
          for (const Annotation& x : a.s->annotations)
            if (layer_visible(a, x) && (x.start > from || (!from_id.empty() && x.start == from && x.id > from_id))) { next = &x; break; }
        }
        if (next) { a.active_id = next->id; scroll_to_annotation(a, *next); }
      }
    }
    if (io.KeyShift && pressed(kTab) && !io.KeyAlt) {
      const Annotation* cur = find_annotation(a, a.active_id);
      const bool after_removed = !cur && tab_from >= 0;
      const Annotation* prev = nullptr;
      for (const Annotation& x : a.s->annotations) {
        if (cur && (x.start > cur->start || (x.start == cur->start && x.id >= cur->id))) break;
        if (after_removed && (x.start > tab_from || (x.start == tab_from && x.id >= a.tab_from_id))) break;
        if (layer_visible(a, x)) prev = &x;
      }
      if (prev) { a.active_id = prev->id; scroll_to_annotation(a, *prev); }
    }
  }
  // Ctrl+Shift+arrows extend the selection by words.
  if (keys && io.KeyCtrl && io.KeyShift && !io.KeyAlt) extend_selection(a, first, true);

  // Reading keys scroll.
  if (keys && !io.KeyCtrl && !io.KeyAlt) {
    float page = a.view_height - L.line_height * 2;
    float y = ImGui::GetScrollY();
    if (!io.KeyShift) {
      if (pressed(kDown)) y += L.line_height * 2;
      if (pressed(kUp)) y -= L.line_height * 2;
      if (pressed(kPageDown) || pressed(kSpace)) y += page;
      if (pressed(kPageUp)) y -= page;
      if (pressed(kHome, false)) y = 0;
      if (pressed(kEnd, false)) y = ImGui::GetScrollMaxY();
    } else if (pressed(kSpace)) {
      y -= page;
    }
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
  }

  // Where the label bar and the card go: just below the selection / the active annotation.
  float bar_x = -1, bar_y = -1;
  if (has_selection(a) && !a.dragging && !a.drag_edge && !L.lines.empty()) {
    size_t e = std::max(a.sel_anchor, a.sel_caret), b = std::min(a.sel_anchor, a.sel_caret);
    int li = L.line_of(e > b ? e - 1 : e);
    if (li >= 0) {
      bar_x = X(L.x_of(a.s->doc.text, L.lines[li], e)) - 40;
      bar_y = Y(L.lines[li]) + L.line_height + 2;
    }
  }
  float card_x = -1, card_y = -1;
  if (active && !a.drag_edge && active_end_y >= 0) {
    card_x = active_start_x - 10;
    card_y = active_end_y + L.line_height + 4;
  }
  ImGui::End();

  a.label_bar_rect[2] = 0;
  // Floating above the page: rounded, with a border (the tiled windows around have neither).
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
  if (bar_y >= win_top && bar_y < win_bottom - 10) draw_label_bar(a, bar_x, bar_y);
  if (card_y < 0) a.card_rect[2] = a.card_rect[3] = 0;
  if (card_y >= 0) {
    // Below the annotation if it fits, else above it; always inside the page.
    float ch = a.card_rect[3] > 0 ? a.card_rect[3] : 300;
    if (card_y + ch > win_bottom) card_y = active_start_y - ch - 6;
    draw_card(a, card_x, std::clamp(card_y, win_top + 4, std::max(win_top + 4, win_bottom - ch)));
  }
  ImGui::PopStyleVar(2);
}

}  // namespace lede
