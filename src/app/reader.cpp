#include "app/reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

#include "core/article.hpp"
#include "core/lede_file.hpp"
#include "core/sha256.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ImFileLoadToMemory

namespace lede {

namespace {

constexpr const char* kGenerator = "Lede 0.1";

// DOM keyCodes: the platform layer puts them in io.KeysDown.
enum Key {
  kBackspace = 8, kTab = 9, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34,
  kEnd = 35, kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kDelete = 46,
  k0 = 48, k1 = 49, k9 = 57, kA = 65, kC = 67, kO = 79, kS = 83, kV = 86,
  kNumpad1 = 97, kNumpad9 = 105,
};

bool pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

ImU32 hex_color(const std::string& hex, float alpha) {
  unsigned v = 0x888888;
  if (hex.size() == 7) std::sscanf(hex.c_str() + 1, "%x", &v);
  return IM_COL32((v >> 16) & 255, (v >> 8) & 255, v & 255, int(alpha * 255));
}

std::string iso_time(double ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string now_iso(const App& a) { return a.host.now_ms ? iso_time(a.host.now_ms()) : ""; }

bool is_word_byte(const std::string& t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c >= 0x80) return true;  // letters outside ASCII (accented names) are part of words
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

// ---- fonts ---------------------------------------------------------------------------------

// Latin, Latin-1, Latin Extended-A, general punctuation (curly quotes, dashes), currency signs.
const ImWchar kBaseRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20C0, 0x2190, 0x2193, 0x2212, 0x2212, 0x25B2, 0x25BC, 0xFFFD, 0xFFFD, 0};

bool in_base_ranges(uint32_t cp) {
  for (int i = 0; kBaseRanges[i]; i += 2)
    if (cp >= kBaseRanges[i] && cp <= kBaseRanges[i + 1]) return true;
  return false;
}

void collect_extra_glyphs(App& a) {
  std::set<uint32_t> extra;
  uint32_t cp;
  for (size_t i = 0; i < a.doc.text.size();) {
    unsigned char c = static_cast<unsigned char>(a.doc.text[i]);
    if (c < 0x80) { ++i; continue; }
    i += utf8_decode(a.doc.text, i, &cp);
    if (cp <= 0xFFFF && !in_base_ranges(cp)) extra.insert(cp);
    if (extra.size() > 4000) break;  // an article in a script our fonts lack: show the rest as boxes
  }
  std::vector<uint32_t> v(extra.begin(), extra.end());
  if (v != a.fonts.extra) {
    a.fonts.extra = std::move(v);
    a.fonts.dirty = true;
  }
}

// (hhea.ascender - hhea.descender) / head.unitsPerEm, read from the font's tables; 1 if unreadable.
float font_height_per_em(const unsigned char* d, size_t n) {
  auto u16 = [&](size_t o) { return o + 2 <= n ? unsigned(d[o] << 8 | d[o + 1]) : 0u; };
  auto u32 = [&](size_t o) { return o + 4 <= n ? uint32_t(u16(o)) << 16 | u16(o + 2) : 0u; };
  unsigned tables = u16(4), units = 0;
  int ascent = 0, descent = 0;
  for (unsigned i = 0; i < tables; ++i) {
    size_t rec = 12 + 16 * size_t(i);
    uint32_t tag = u32(rec), off = u32(rec + 8);
    if (tag == 0x68656164) units = u16(off + 18);                                   // 'head'
    if (tag == 0x68686561) { ascent = int16_t(u16(off + 4)); descent = int16_t(u16(off + 6)); }  // 'hhea'
  }
  if (units == 0 || ascent - descent <= 0) return 1;
  return float(ascent - descent) / float(units);
}

// ---- annotations -----------------------------------------------------------------------------

const Label* find_label(const App& a, const std::string& id) {
  for (const Label& l : a.labels)
    if (l.id == id) return &l;
  return nullptr;
}

void set_status(App& a, std::string s) { a.status = std::move(s); }

void show_notice(App& a, bool error, std::string title, std::string text) {
  a.notice = {error, std::move(title), std::move(text)};
  a.notice_open = true;
}

bool has_selection(const App& a) { return a.sel_anchor != a.sel_caret; }

void selection_range(const App& a, size_t* b, size_t* e) {
  *b = std::min(a.sel_anchor, a.sel_caret);
  *e = std::max(a.sel_anchor, a.sel_caret);
}

void label_selection(App& a, const Label& label) {
  size_t b, e;
  selection_range(a, &b, &e);
  const std::string& t = a.doc.text;
  while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\t')) ++b;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t')) --e;
  if (b == e) return;
  Annotation an;
  an.id = "u" + std::to_string(a.next_id++);
  an.label = label.id;
  an.origin = Origin::user;
  an.status = Status::accepted;
  an.start = int64_t(a.index.to_cp(b));
  an.end = int64_t(a.index.to_cp(e));
  an.created = an.modified = now_iso(a);
  a.annotations.push_back(std::move(an));
  ++a.changes;
  a.sel_anchor = a.sel_caret = e;
  set_status(a, "Marked as " + label.name + ": \u201C" + cp_substr(t, a.index, size_t(a.annotations.back().start), size_t(a.annotations.back().end)) + "\u201D");
}

void bump_next_id(App& a) {
  for (const Annotation& an : a.annotations) {
    if (an.id.size() > 1 && an.id[0] == 'u') {
      uint64_t n = std::strtoull(an.id.c_str() + 1, nullptr, 10);
      a.next_id = std::max(a.next_id, n + 1);
    }
  }
}

// ---- files -----------------------------------------------------------------------------------

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  return true;
}

void save_annotations(App& a) {
  std::string data = app_save_json(a);
  std::string name = (a.file_stem.empty() ? std::string("article") : a.file_stem) + ".lede.json";
  if (a.host.download) a.host.download(name.c_str(), data.data(), data.size(), "application/json");
  size_t n = a.annotations.size();
  set_status(a, "Saved " + name + " (" + std::to_string(n) + (n == 1 ? " annotation)" : " annotations)"));
}

void open_annotation_file(App& a, const std::string& name, const std::string& bytes, bool as_article) {
  LoadResult r = read_lede_file(bytes);
  if (!r.ok) {
    show_notice(a, true, "Could not open " + name, "This is not a valid Lede annotation file. Nothing was changed.\n\n" + r.summary());
    return;
  }
  bool same = sha256_hex(r.set.document.text) == sha256_hex(a.doc.text);
  if (!same && !as_article) {
    std::string title = r.set.document.title.empty() ? std::string("another article") : "\u201C" + r.set.document.title + "\u201D";
    show_notice(a, true, "Annotations for another article",
                name + " was made for " + title + ", not for the open article \u201C" + a.doc.title +
                    "\u201D (the texts differ). Nothing was changed.\n\nTo read that article with its annotations, use File > Open article\u2026 and choose the same file.");
    return;
  }
  std::string stem = file_stem(name);
  size_t n = r.set.annotations.size();
  if (same) {
    a.labels = std::move(r.set.labels);
    a.annotations = std::move(r.set.annotations);
    bump_next_id(a);
    ++a.changes;
  } else {
    if (r.set.document.title.empty()) r.set.document.title = stem;
    app_open_document(a, std::move(r.set.document), std::move(r.set.labels), std::move(r.set.annotations));
    a.file_stem = stem;
  }
  set_status(a, "Opened " + name + " (" + std::to_string(n) + (n == 1 ? " annotation)" : " annotations)"));
}

// ---- drawing -----------------------------------------------------------------------------------

struct Theme {
  ImU32 paper, ink, muted, selection, caret;
};
Theme theme() { return {IM_COL32(252, 251, 248, 255), IM_COL32(28, 28, 30, 255), IM_COL32(110, 110, 118, 255), IM_COL32(160, 200, 255, 150), IM_COL32(40, 90, 200, 255)}; }

void setup_style() {
  ImGuiStyle& s = ImGui::GetStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowRounding = 6;
  s.FrameRounding = 4;
  s.PopupRounding = 6;
  s.GrabRounding = 4;
  s.ScrollbarRounding = 6;
  s.ScrollbarSize = 14;
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(10, 7);
  s.WindowBorderSize = 0;
  s.PopupBorderSize = 1;
  s.Colors[ImGuiCol_WindowBg] = ImColor(252, 251, 248);
  s.Colors[ImGuiCol_MenuBarBg] = ImColor(240, 238, 233);
  s.Colors[ImGuiCol_ScrollbarBg] = ImColor(0, 0, 0, 0);
  s.Colors[ImGuiCol_Text] = ImColor(30, 30, 34);
}

// Rectangles covering bytes [b, e) on the visible lines.
template <class F>
void for_each_span_rect(const App& a, size_t b, size_t e, int first_line, int last_line, F&& f) {
  const PageLayout& L = a.layout;
  for (int li = first_line; li <= last_line; ++li) {
    const PageLine& line = L.lines[li];
    size_t lb = line.begin, le = line.end;
    if (e <= lb || b >= le) {
      if (!(b <= lb && e > lb && lb == le)) continue;
    }
    size_t sb = std::max(b, lb), se = std::min(e, le);
    float x0 = L.x_of(a.doc.text, line, sb), x1 = L.x_of(a.doc.text, line, se);
    f(x0, x1, line);
  }
}

void draw_page(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  const Theme th = theme();
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + 6;
  ImGui::SetNextWindowPos(ImVec2(0, menu_h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - menu_h - status_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  ImGui::PopStyleVar();
  if (a.set_scroll_y >= 0) {
    ImGui::SetScrollY(a.set_scroll_y);
    a.set_scroll_y = -1;
  }

  const float view_w = ImGui::GetContentRegionAvail().x;
  const float body = a.fonts.body_size;                      // em
  const float body_px = a.fonts.body->FontSize / a.fonts.dpr;  // what ImGui calls the size
  const float column = std::min(view_w - 48.0f, std::round(body * 34.0f));
  const float left = std::round((view_w - column) * 0.5f);
  if (a.layout_dirty || a.layout.font != a.fonts.body || std::fabs(a.layout.width - column) > 0.5f ||
      a.layout.em != body) {
    a.layout.build(a.doc.text, a.fonts.body, body_px, body, column);
    a.layout_dirty = false;
  }
  const PageLayout& L = a.layout;

  // Page header: title, then the text.
  ImVec2 origin = ImGui::GetCursorScreenPos();
  const float title_size = a.fonts.title->FontSize / a.fonts.dpr;
  const float top_pad = std::round(body * 2.2f);
  ImVec2 title_sz = a.fonts.title->CalcTextSizeA(title_size, column, column, a.doc.title.c_str());
  const float text_top = top_pad + title_sz.y + std::round(body * 1.4f);
  const float page_h = text_top + L.height + body * 4;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  a.page_left = origin.x + left;
  a.page_top = origin.y + text_top;
  a.scroll_y = ImGui::GetScrollY();
  a.scroll_max = ImGui::GetScrollMaxY();
  a.view_height = ImGui::GetWindowHeight();

  dl->AddText(a.fonts.title, title_size, ImVec2(origin.x + left, origin.y + top_pad), th.ink, a.doc.title.c_str(),
              nullptr, column);
  ImGui::Dummy(ImVec2(view_w, page_h));

  // Visible lines only.
  const float win_top = ImGui::GetWindowPos().y, win_bottom = win_top + ImGui::GetWindowHeight();
  int first = L.line_at(win_top - a.page_top - L.line_height);
  int last = L.line_at(win_bottom - a.page_top + L.line_height);
  const float pad_y = std::round((L.line_height - body_px) * 0.5f);

  if (first >= 0) {
    // Annotations (the reader's own), behind the text.
    for (const Annotation& an : a.annotations) {
      if (an.status == Status::rejected) continue;
      size_t b = a.index.to_byte(size_t(an.start)), e = a.index.to_byte(size_t(an.end));
      if (e <= L.lines[first].begin || b >= L.lines[last].end) continue;
      const Label* lab = find_label(a, an.label);
      ImU32 col = hex_color(lab ? lab->color : "#888888", 0.28f);
      ImU32 edge = hex_color(lab ? lab->color : "#888888", 0.95f);
      for_each_span_rect(a, b, e, first, last, [&](float x0, float x1, const PageLine& line) {
        float y = a.page_top + line.y + pad_y;
        dl->AddRectFilled(ImVec2(a.page_left + x0 - 1, y), ImVec2(a.page_left + x1 + 1, y + body_px), col, 3);
        dl->AddLine(ImVec2(a.page_left + x0, y + body_px), ImVec2(a.page_left + x1, y + body_px), edge, 2);
      });
    }
    // Selection.
    if (has_selection(a)) {
      size_t b, e;
      selection_range(a, &b, &e);
      for_each_span_rect(a, b, e, first, last, [&](float x0, float x1, const PageLine& line) {
        float y = a.page_top + line.y;
        if (x1 - x0 < 1) x1 = x0 + body * 0.3f;  // a selected line break
        dl->AddRectFilled(ImVec2(a.page_left + x0, y), ImVec2(a.page_left + x1, y + L.line_height), th.selection);
      });
    }
    for (int li = first; li <= last; ++li) {
      const PageLine& line = L.lines[li];
      if (line.end > line.begin)
        dl->AddText(a.fonts.body, body_px, ImVec2(a.page_left, a.page_top + line.y + pad_y), th.ink, a.doc.text.data() + line.begin,
                    a.doc.text.data() + line.end);
    }
  }

  // Mouse: click, drag, double-click (word), triple-click (paragraph), shift+click (extend).
  const bool over_text = ImGui::IsWindowHovered() && io.MousePos.x < ImGui::GetWindowPos().x + view_w;
  if (over_text) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  auto hit = [&]() {
    return L.byte_at(a.doc.text, io.MousePos.x - a.page_left, io.MousePos.y - a.page_top);
  };
  if (over_text && ImGui::IsMouseClicked(0) && !L.lines.empty()) {
    double t = ImGui::GetTime();
    bool near = std::fabs(io.MousePos.x - a.last_click_x) < 6 && std::fabs(io.MousePos.y - a.last_click_y) < 6;
    a.click_count = (t - a.last_click_time < io.MouseDoubleClickTime && near) ? a.click_count + 1 : 1;
    a.last_click_time = t;
    a.last_click_x = io.MousePos.x;
    a.last_click_y = io.MousePos.y;
    size_t p = hit();
    const std::string& tx = a.doc.text;
    if (a.click_count == 2) {
      size_t b = p, e = p;
      while (b > 0 && is_word_byte(tx, prev_cp(tx, b))) b = prev_cp(tx, b);
      while (e < tx.size() && is_word_byte(tx, e)) e = next_cp(tx, e);
      while (e > b && (tx[e - 1] == '\'' || tx[e - 1] == '-')) --e;  // "Korea's" keeps the 's, "word-" drops the dash
      a.sel_anchor = b;
      a.sel_caret = e;
      a.dragging = false;
    } else if (a.click_count >= 3) {
      size_t b = tx.rfind('\n', p == 0 ? 0 : p - 1);
      b = (b == std::string::npos || p == 0) ? 0 : b + 1;
      size_t e = tx.find('\n', p);
      a.sel_anchor = b;
      a.sel_caret = e == std::string::npos ? tx.size() : e;
      a.dragging = false;
    } else {
      if (!io.KeyShift) a.sel_anchor = p;
      a.sel_caret = p;
      a.dragging = true;
    }
  }
  if (a.dragging) {
    if (ImGui::IsMouseDown(0)) {
      a.sel_caret = hit();
      // Auto-scroll when dragging past the top or bottom edge.
      float edge = L.line_height;
      if (io.MousePos.y < win_top + edge) ImGui::SetScrollY(ImGui::GetScrollY() - (win_top + edge - io.MousePos.y) * 0.5f);
      if (io.MousePos.y > win_bottom - edge) ImGui::SetScrollY(ImGui::GetScrollY() + (io.MousePos.y - win_bottom + edge) * 0.5f);
    } else {
      a.dragging = false;
    }
  }

  // Keyboard scrolling, when no text field has the keyboard.
  if (!io.WantTextInput && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup)) {
    float page = ImGui::GetWindowHeight() - L.line_height * 2;
    float y = ImGui::GetScrollY();
    if (!io.KeyShift && !io.KeyCtrl) {
      if (pressed(kDown)) y += L.line_height * 2;
      if (pressed(kUp)) y -= L.line_height * 2;
    }
    if (pressed(kPageDown) || (pressed(kSpace) && !io.KeyShift)) y += page;
    if (pressed(kPageUp) || (pressed(kSpace) && io.KeyShift)) y -= page;
    if (pressed(kHome, false) && !io.KeyShift) y = 0;
    if (pressed(kEnd, false) && !io.KeyShift) y = ImGui::GetScrollMaxY();
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
  }
  ImGui::End();
}

void draw_status_bar(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  const float h = ImGui::GetFrameHeight() + 6;
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 5));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.94f, 0.93f, 0.91f, 1));
  ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  size_t n = 0;
  for (const Annotation& an : a.annotations) n += an.status != Status::rejected;
  ImGui::TextDisabled("%s \u00B7 %zu characters \u00B7 %zu annotations", a.doc.title.c_str(), a.index.length(), n);
  if (!a.status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("\u00B7");
    ImGui::SameLine();
    ImGui::TextUnformatted(a.status.c_str());
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void draw_notice(App& a) {
  if (a.notice_open) {
    ImGui::OpenPopup("##notice");
    a.notice_open = false;
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(std::min(560.0f, io.DisplaySize.x - 20), io.DisplaySize.y - 40));
  if (ImGui::BeginPopupModal("##notice", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::PushFont(a.fonts.title);
    ImGui::TextColored(a.notice.error ? ImVec4(0.7f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.1f, 0.1f, 1), "%s", a.notice.title.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(std::min(540.0f, io.DisplaySize.x - 40));
    ImGui::TextUnformatted(a.notice.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("OK", ImVec2(100, 0)) || pressed(kEnter, false) || pressed(kEscape, false)) {
      a.notice.title.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SetItemDefaultFocus();
    ImGui::EndPopup();
  }
}

void draw_menu(App& a) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open article\u2026", "Ctrl+O") && a.host.open_picker) a.host.open_picker(FileKind::article);
    if (ImGui::MenuItem("Open annotations\u2026", "Ctrl+Shift+O") && a.host.open_picker) a.host.open_picker(FileKind::annotations);
    if (ImGui::MenuItem("New from clipboard", "Ctrl+V") && a.host.request_clipboard_text) a.host.request_clipboard_text();
    ImGui::Separator();
    if (ImGui::MenuItem("Save annotations", "Ctrl+S")) save_annotations(a);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, has_selection(a)) && a.host.write_clipboard)
      a.host.write_clipboard(app_selection_text(a).c_str());
    if (ImGui::MenuItem("Select all", "Ctrl+A")) {
      a.sel_anchor = 0;
      a.sel_caret = a.doc.text.size();
    }
    ImGui::Separator();
    for (size_t i = 0; i < a.labels.size() && i < 9; ++i) {
      char key[8];
      std::snprintf(key, sizeof key, "%zu", i + 1);
      if (ImGui::MenuItem(("Mark as " + a.labels[i].name).c_str(), key, false, has_selection(a))) label_selection(a, a.labels[i]);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextDisabled("Keyboard");
    ImGui::Text("Ctrl+O  open an article (.txt, .md, .lede.json)");
    ImGui::Text("Ctrl+Shift+O  open annotations for this article");
    ImGui::Text("Ctrl+V  paste text as a new article");
    ImGui::Text("Ctrl+S  save annotations as <article>.lede.json");
    ImGui::Text("1 / 2 / 3  mark the selection as actor / claim / number");
    ImGui::Text("Arrows, PgUp/PgDn, Space, Home/End  scroll");
    ImGui::Separator();
    ImGui::TextDisabled("Drop a .txt, .md or .lede.json file anywhere on the page to open it.");
    ImGui::TextDisabled("Everything stays on this computer: Lede makes no network requests.");
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void handle_shortcuts(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup)) return;
  if (io.KeyCtrl) {
    if (pressed(kS, false)) save_annotations(a);
    if (pressed(kO, false) && a.host.open_picker) a.host.open_picker(io.KeyShift ? FileKind::annotations : FileKind::article);
    if (pressed(kA, false)) {
      a.sel_anchor = 0;
      a.sel_caret = a.doc.text.size();
    }
    return;
  }
  if (pressed(kEscape, false)) a.sel_anchor = a.sel_caret;
  if (has_selection(a)) {
    for (int i = 0; i < 9 && i < int(a.labels.size()); ++i)
      if (pressed(k1 + i, false) || pressed(kNumpad1 + i, false)) {
        label_selection(a, a.labels[i]);
        break;
      }
  }
}

}  // namespace

void app_init(App& a, const Host& host) {
  a.host = host;
  setup_style();
  ImGui::GetIO().IniFilename = nullptr;
  a.labels = builtin_labels();
}

void app_build_fonts(App& a, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  ImFontGlyphRangesBuilder rb;
  rb.AddRanges(kBaseRanges);
  for (uint32_t cp : a.fonts.extra) rb.AddChar(static_cast<ImWchar>(cp));
  ranges.clear();
  rb.BuildRanges(&ranges);

  ImFontConfig cfg;
  cfg.OversampleH = dpr >= 2 ? 1 : 2;  // enough horizontal precision once pixels are small
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  // Sizes are em sizes, as in CSS; ImGui sizes fonts by ascent - descent, which differs per font.
  auto load = [&](const char* file, float em) -> ImFont* {
    std::string path = a.font_dir + "/" + file;
    size_t size = 0;
    void* data = ImFileLoadToMemory(path.c_str(), "rb", &size);
    if (!data) return io.Fonts->AddFontDefault();
    float px = std::round(em * dpr * font_height_per_em(static_cast<const unsigned char*>(data), size));
    ImFont* f = io.Fonts->AddFontFromMemoryTTF(data, int(size), px, &cfg, ranges.Data);  // the atlas owns data
    return f ? f : io.Fonts->AddFontDefault();
  };
  a.fonts.ui = load("Inter-Regular.otf", a.fonts.ui_size);
  a.fonts.body = load("CharisSIL-Regular.ttf", a.fonts.body_size);
  a.fonts.title = load("CharisSIL-Bold.ttf", std::round(a.fonts.body_size * 1.6f));
  io.FontDefault = a.fonts.ui;
  io.FontGlobalScale = 1.0f / dpr;
  io.Fonts->Build();
  a.fonts.dpr = dpr;
  a.fonts.dirty = false;
  a.layout_dirty = true;
}

void app_open_document(App& a, Document doc, std::vector<Label> labels, std::vector<Annotation> anns) {
  a.doc = std::move(doc);
  a.index = TextIndex(a.doc.text);
  a.labels = labels.empty() ? builtin_labels() : std::move(labels);
  a.annotations = std::move(anns);
  a.next_id = 1;
  bump_next_id(a);
  ++a.changes;
  a.sel_anchor = a.sel_caret = 0;
  a.dragging = false;
  a.layout_dirty = true;
  a.set_scroll_y = 0;
  a.file_stem = file_stem(a.doc.title);
  collect_extra_glyphs(a);
  if (a.host.set_title) a.host.set_title(("Lede \u2014 " + a.doc.title).c_str());
}

void app_open_bytes(App& a, FileKind kind, const std::string& name, const std::string& bytes) {
  bool json_name = ends_with(name, ".json");
  if (kind == FileKind::annotations) {
    open_annotation_file(a, name, bytes, false);
  } else if (json_name) {
    // A .lede.json holds its article: opened as an article it brings its text along; dropped,
    // it applies to the open article when the texts match and opens its own otherwise.
    open_annotation_file(a, name, bytes, true);
  } else {
    ArticleResult r = article_from_file(name, bytes);
    if (!r.ok) {
      show_notice(a, true, "Could not open " + name, r.error + "\n\nThe open article was not changed.");
      return;
    }
    app_open_document(a, std::move(r.document), {}, {});
    a.file_stem = file_stem(name);
    set_status(a, "Opened " + name);
  }
}

std::string app_selection_text(const App& a) {
  size_t b, e;
  selection_range(a, &b, &e);
  return a.doc.text.substr(b, e - b);
}

std::string app_save_json(const App& a) {
  AnnotationSet set{a.doc, a.labels, a.annotations};
  return write_lede_file(set, kGenerator);
}

std::string app_state_json(const App& a) {
  json anns = json::array();
  for (const Annotation& an : a.annotations) {
    json j = an;
    j["text"] = cp_substr(a.doc.text, a.index, size_t(an.start), size_t(an.end));
    anns.push_back(std::move(j));
  }
  size_t b, e;
  selection_range(a, &b, &e);
  json sel = json{{"start", a.index.to_cp(b)}, {"end", a.index.to_cp(e)}, {"text", app_selection_text(a)}};
  json s = {{"article", {{"title", a.doc.title}, {"length", a.index.length()}, {"fileName", a.file_stem}, {"text", a.doc.text}}},
            {"annotations", anns},
            {"labels", a.labels},
            {"selection", sel},
            {"scroll", {{"y", a.scroll_y}, {"max", a.scroll_max}}},
            {"status", a.status},
            {"notice", a.notice.title.empty() ? json(nullptr) : json{{"error", a.notice.error}, {"title", a.notice.title}, {"text", a.notice.text}}}};
  return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

void app_frame(App& a) {
  handle_shortcuts(a);
  draw_menu(a);
  draw_page(a);
  draw_status_bar(a);
  draw_notice(a);
  a.first_frame = false;
}

std::string app_rects_json(const App& a, size_t start, size_t end) {
  json out = json::array();
  const PageLayout& L = a.layout;
  if (L.lines.empty()) return out.dump();
  size_t b = a.index.to_byte(start), e = a.index.to_byte(end);
  int first = L.line_of(b), last = L.line_of(e > b ? e - 1 : e);
  for_each_span_rect(a, b, e, first, last, [&](float x0, float x1, const PageLine& line) {
    out.push_back({{"x", a.page_left + x0}, {"y", a.page_top + line.y}, {"w", x1 - x0}, {"h", L.line_height}});
  });
  return out.dump();
}

}  // namespace lede
