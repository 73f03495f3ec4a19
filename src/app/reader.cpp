// The reader's frame: menus, find bar, status bar, dialogs, shortcuts, files, fonts and the
// read-only state the page exposes to scripts.
#include "app/reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#endif
#include "app/page_files.hpp"
#include "core/agreement.hpp"
#include "core/article.hpp"
#include "core/reanchor.hpp"
#include "core/report.hpp"
#include "core/w3c.hpp"
#include "core/lede_file.hpp"
#include "core/load.hpp"
#include "core/review.hpp"
#include "core/sha256.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lede {

void to_json(json& j, const ViewSettings& v) {
  j = json{{"dark", v.dark}, {"bodySize", v.body_size}, {"panel", v.panel}, {"panelWidth", v.panel_width},
           {"panelTab", v.panel_tab}, {"showOther", v.show_other}, {"showSuggestions", v.show_suggestions}, {"reviewer", v.reviewer},
           {"checksUrl", v.checks_url}};
  for (const Kind& k : kKinds) j["show" + std::string(k.name)] = v.show_kind[int(k.id)];
}

void from_json(const json& j, ViewSettings& v) {
  v.dark = j.value("dark", v.dark);
  v.body_size = std::clamp(j.value("bodySize", v.body_size), 12.0f, 40.0f);
  v.panel = j.value("panel", v.panel);
  v.panel_width = std::clamp(j.value("panelWidth", v.panel_width), 240.0f, 900.0f);
  v.panel_tab = std::clamp(j.value("panelTab", v.panel_tab), 0, 6);
  for (const Kind& k : kKinds) v.show_kind[int(k.id)] = j.value("show" + std::string(k.name), v.show_kind[int(k.id)]);
  v.show_other = j.value("showOther", v.show_other);
  v.show_suggestions = j.value("showSuggestions", v.show_suggestions);
  if (j.contains("reviewer") && j["reviewer"].is_string()) v.reviewer = j["reviewer"].get<std::string>();
  if (j.contains("checksUrl") && j["checksUrl"].is_string() && is_http_url(j["checksUrl"].get<std::string>())) v.checks_url = j["checksUrl"].get<std::string>();
}

namespace {


// DOM keyCodes: the platform layer puts them in io.KeysDown.
enum Key {
  kEnter = 13, kEscape = 27, kF1 = 112, kF3 = 114, kF6 = 117, kF10 = 121, k0 = 48, kA = 65, kF = 70, kL = 76, kO = 79, kP = 80, kS = 83, kY = 89, kZ = 90,
  kPlus = 187, kMinus = 189, kPlusFx = 61, kMinusFx = 173, kNumPlus = 107, kNumMinus = 109, kBackslash = 220,
};
bool pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

// Esc closes a dialog, unless it was meant for a field being edited or a popup (combo, colour
// picker) that ImGui closes on the same key.
bool escape_closes(const App& a) {
  return pressed(kEscape, false) && !ImGui::GetIO().WantTextInput && !a.popup_was_open &&
         !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup);
}

// Menu items give the keyboard back to the page once chosen (by mouse or keyboard).
bool menu_item(App& a, const char* label, const char* shortcut = nullptr, bool selected = false, bool enabled = true) {
  bool chosen = ImGui::MenuItem(label, shortcut, selected, enabled);
  if (chosen) a.focus_request = App::FocusRequest::page;
  return chosen;
}
bool menu_item(App& a, const char* label, const char* shortcut, bool* toggle) {
  bool chosen = ImGui::MenuItem(label, shortcut, toggle);
  if (chosen) a.focus_request = App::FocusRequest::page;
  return chosen;
}

// Colour-vision-safe colours (Paul Tol's bright and vibrant schemes) offered for labels.
const char* kPalette[][2] = {{"Blue", "#4477AA"},   {"Red", "#EE6677"},   {"Green", "#228833"}, {"Yellow", "#CCBB44"},
                             {"Cyan", "#66CCEE"},   {"Purple", "#AA3377"}, {"Orange", "#EE7733"}, {"Teal", "#009988"},
                             {"Grey", "#BBBBBB"}};

// ---- fonts ---------------------------------------------------------------------------------

// Always in the atlas: Latin-1, the usual punctuation (curly quotes, dashes, ellipsis), the euro
// and the symbols the interface draws. Whatever else the open article uses is added to it.
const ImWchar kBaseRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
                               0x20AC, 0x20AC, 0x2190, 0x2193, 0x2264, 0x2265, 0x25B2, 0x25BC, 0xFFFD, 0xFFFD, 0};

// The first atlas: the base ranges without U+00A0-00FF (the article's own are in Fonts::extra).
const ImWchar kFirstRanges[] = {0x0020, 0x007E, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
                                0x20AC, 0x20AC, 0x2190, 0x2193, 0x2264, 0x2265, 0x25B2, 0x25BC, 0xFFFD, 0xFFFD, 0};

bool in_base_ranges(uint32_t cp) {
  for (int i = 0; kBaseRanges[i]; i += 2)
    if (cp >= kBaseRanges[i] && cp <= kBaseRanges[i + 1]) return true;
  return false;
}

void collect_extra_glyphs(App& a) {
  if (!a.fonts.complete) a.fonts.dirty = true;  // the first atlas holds only this article's characters
  std::set<uint32_t> extra;
  uint32_t cp;
  for (size_t i = 0; i < a.s->doc.text.size();) {
    unsigned char c = static_cast<unsigned char>(a.s->doc.text[i]);
    if (c < 0x80) { ++i; continue; }
    i += utf8_decode(a.s->doc.text, i, &cp);
    if (cp <= 0xFFFF && (cp <= 0xFF || !in_base_ranges(cp))) extra.insert(cp);
    if (extra.size() > 3000) break;  // a script our fonts lack: the rest shows as boxes
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
    if (tag == 0x68656164) units = u16(off + 18);                                                  // 'head'
    if (tag == 0x68686561) { ascent = int16_t(u16(off + 4)); descent = int16_t(u16(off + 6)); }  // 'hhea'
  }
  if (units == 0 || ascent - descent <= 0) return 1;
  return float(ascent - descent) / float(units);
}

// ---- theme -------------------------------------------------------------------------------------

void apply_theme(bool dark) {
  ImGuiStyle& s = ImGui::GetStyle();
  if (dark) ImGui::StyleColorsDark(&s);
  else ImGui::StyleColorsLight(&s);
  s.WindowRounding = 6;
  s.FrameRounding = 4;
  s.PopupRounding = 6;
  s.GrabRounding = 4;
  s.ScrollbarRounding = 6;
  s.ScrollbarSize = 14;
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(10, 7);
  s.WindowBorderSize = 1;  // floating windows; the tiled page and panels draw none
  s.PopupBorderSize = 1;
  s.ChildBorderSize = 0;
  if (dark) {
    s.Colors[ImGuiCol_WindowBg] = ImColor(30, 31, 34);
    s.Colors[ImGuiCol_ChildBg] = ImColor(30, 31, 34);
    s.Colors[ImGuiCol_MenuBarBg] = ImColor(40, 41, 45);
    s.Colors[ImGuiCol_Text] = ImColor(226, 224, 218);
    s.Colors[ImGuiCol_PopupBg] = ImColor(44, 45, 50);
  } else {
    s.Colors[ImGuiCol_WindowBg] = ImColor(252, 251, 248);
    s.Colors[ImGuiCol_ChildBg] = ImColor(252, 251, 248);
    s.Colors[ImGuiCol_MenuBarBg] = ImColor(240, 238, 233);
    s.Colors[ImGuiCol_Text] = ImColor(30, 30, 34);
    s.Colors[ImGuiCol_PopupBg] = ImColor(255, 255, 253);
  }
  s.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
}

// ---- files ---------------------------------------------------------------------------------------

std::string local_clock(const App& a) {
  if (!a.host.now_ms) return "";
  // The browser gives UTC ms; the status bar shows the time of day in UTC offsets the host knows
  // nothing about, so keep it to hours and minutes of the ISO time.
  std::string iso = now_iso(a);
  return iso.size() >= 16 ? iso.substr(11, 5) + " UTC" : iso;
}

void save_annotations(App& a) {
  std::string data = to_file(*a.s);
  std::string name = (a.s->file_stem.empty() ? std::string("article") : a.s->file_stem) + ".lede.json";
  if (a.host.download) a.host.download(name.c_str(), data.data(), data.size(), "application/json");
  a.s->saved_to_file_at = local_clock(a);
  a.s->saved_to_file_changes = a.s->changes;
  size_t n = reader_annotation_count(*a.s);
  set_status(a, "Saved " + name + " (" + count_of(n, "annotation", "annotations") + ")");
}

// The report (core/report.hpp) of the open article, downloaded as <article><suffix>.
void export_report(App& a, const char* what) {
  AnnotationSet set = to_set(*a.s);
  ReportOptions options{now_iso(a), kGenerator, a.view.checks_url};
  std::string stem = a.s->file_stem.empty() ? std::string("article") : a.s->file_stem, data, suffix, mime;
  if (!std::strcmp(what, "html")) { data = report_html(set, options); suffix = ".report.html"; mime = "text/html"; }
  else if (!std::strcmp(what, "md")) { data = report_markdown(set, options); suffix = ".report.md"; mime = "text/markdown"; }
  else if (!std::strcmp(what, "csv")) { data = claims_csv(set); suffix = ".claims.csv"; mime = "text/csv"; }
  else { data = claimreview_jsonld(set, options); suffix = ".claimreview.jsonld"; mime = "application/ld+json"; }
  std::string name = stem + suffix;
  if (a.host.download) a.host.download(name.c_str(), data.data(), data.size(), mime.c_str());
  const bool no_url = !std::strcmp(what, "claimreview") && a.view.checks_url.empty();
  set_status(a, "Exported " + name + (no_url ? " without a url: View > Settings\u2026 says where your checks are published" : ""));
}

// Ctrl+P: the browser prints the HTML report (the canvas would print as one picture).
void print_report(App& a) {
  if (!a.host.print_html) return;
  std::string html = report_html(to_set(*a.s), ReportOptions{now_iso(a), kGenerator, ""});
  a.host.print_html(html.c_str());
  set_status(a, "Printing the report");
}

// Another reader's file for the same article, shown beside ours in the Merge window.
void open_merge_file(App& a, const std::string& name, const std::string& bytes) {
  AnnotationSet set;
  std::string error, summary;
  if (!load_annotation_file(name, bytes, &set, &error)) {
    show_notice(a, true, "Could not merge " + name, error);
    return;
  }
  if (!fit_to_article(*a.s, set, &summary)) {
    show_notice(a, true, "Not the same article", name + " was made for another article, so it cannot be merged with \u201C" +
                                                       a.s->doc.title + "\u201D. Nothing was changed.");
    return;
  }
  a.merge.open = true;
  a.merge.name = name;
  a.merge.author = set.author.empty() ? file_stem(name) : set.author;
  a.merge.theirs = std::move(set.annotations);
  for (const Annotation& o : set.orphans) a.s->orphans.push_back(o);
  if (!set.orphans.empty()) a.s->store_log.orphans = true;
  if (!summary.empty()) show_toast(a, summary);
}

// A reader's work, for comparing two readers: what they accepted or made, not open suggestions.
std::vector<Annotation> reviewed(const std::vector<Annotation>& anns) {
  std::vector<Annotation> out;
  for (const Annotation& an : anns)
    if (an.status == Status::accepted) out.push_back(an);
  return out;
}

void draw_merge_window(App& a) {
  if (!a.merge.open) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, io.DisplaySize.x - 40), std::min(620.0f, io.DisplaySize.y - 60)), ImGuiCond_Appearing);
  bool open = true;
  if (!ImGui::Begin(("Merge with " + a.merge.name + "###merge").c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    a.merge.open = open;
    return;
  }
  mark_ui(a, "window:merge");
  std::vector<Annotation> mine = reviewed(a.s->annotations);
  std::vector<Annotation> theirs = reviewed(a.merge.theirs);

  // Agreement per label.
  if (ImGui::BeginTable("##agree", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Label");
    ImGui::TableSetupColumn("Yours / theirs");
    ImGui::TableSetupColumn("Span F1 (exact)");
    ImGui::TableSetupColumn("Span F1 (overlap)");
    ImGui::TableSetupColumn("Cohen\u2019s kappa");
    ImGui::TableHeadersRow();
    for (const Label& l : a.s->labels) {
      Agreement g = agreement(mine, theirs, l.id, a.s->doc.text);
      if (g.count_a == 0 && g.count_b == 0) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(l.name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu / %zu", g.count_a, g.count_b);
      ImGui::TableNextColumn();
      ImGui::Text("%.2f", g.exact.f1);
      ImGui::TableNextColumn();
      ImGui::Text("%.2f", g.overlap.f1);
      ImGui::TableNextColumn();
      if (g.kappa_defined) ImGui::Text("%.2f", g.kappa);
      else ImGui::TextDisabled("n/a");
    }
    ImGui::EndTable();
  }
  std::vector<MergeItem> rows = pair_for_merge(mine, theirs);
  std::vector<const Annotation*> only_theirs, differing;
  for (const MergeItem& m : rows) {
    if (m.b < 0) continue;
    if (m.a < 0) only_theirs.push_back(&theirs[size_t(m.b)]);
    else if (!m.same_span || !m.same_label) differing.push_back(&theirs[size_t(m.b)]);
  }
  ImGui::Text("%zu of their annotations %s not in yours; %zu differ in span or label.", only_theirs.size(), only_theirs.size() == 1 ? "is" : "are", differing.size());
  std::vector<const Annotation*> adopt_now;
  std::string adopt_what;
  bool discard_all = false;
  if (ImGui::Button("Adopt all that are only theirs") && !only_theirs.empty()) { adopt_now = only_theirs; adopt_what = "Adopted " + count_of(only_theirs.size(), "annotation", "annotations") + " from " + a.merge.author; }
  mark_ui(a, "merge:adopt-all");
  ImGui::SameLine();
  if (ImGui::Button("Discard the rest and close")) discard_all = true;
  mark_ui(a, "merge:close");
  std::vector<size_t> discard;
  if (ImGui::BeginTable("##rows", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Yours", 0, 3);
    ImGui::TableSetupColumn(("Theirs (" + a.merge.author + ")").c_str(), 0, 3);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableHeadersRow();
    auto cell = [&](const Annotation& an) {
      const Label* l = find_label(a, an.label);
      std::string t = annotation_text(a, an);
      if (t.size() > 60) t = t.substr(0, 57) + "\u2026";
      ImGui::TextWrapped("%s: %s", l ? l->name.c_str() : an.label.c_str(), t.c_str());
    };
    ImGuiListClipper clip;
    clip.Begin(int(rows.size()));
    while (clip.Step()) {
      for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
        const MergeItem& m = rows[size_t(r)];
        ImGui::TableNextRow();
        ImGui::PushID(r);
        ImGui::TableNextColumn();
        if (m.a >= 0) cell(mine[size_t(m.a)]);
        ImGui::TableNextColumn();
        if (m.b >= 0) cell(theirs[size_t(m.b)]);
        ImGui::TableNextColumn();
        if (m.b >= 0 && !(m.same_span && m.same_label)) {
          if (ImGui::SmallButton("Adopt")) { adopt_now = {&theirs[size_t(m.b)]}; adopt_what = "Adopted an annotation from " + a.merge.author; discard.push_back(size_t(m.b)); }
          mark_ui(a, "merge:adopt:" + theirs[size_t(m.b)].id);
          ImGui::SameLine();
          if (ImGui::SmallButton("Discard")) discard.push_back(size_t(m.b));
          mark_ui(a, "merge:discard:" + theirs[size_t(m.b)].id);
        } else if (m.b >= 0) {
          ImGui::TextDisabled("same");
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  if (escape_closes(a) && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) open = false;  // as its close box
  ImGui::End();
  if (!adopt_now.empty()) {
    std::vector<Annotation> copies;
    for (const Annotation* t : adopt_now) copies.push_back(*t);
    if (adopt(*a.s, copies, a.merge.author, now_iso(a), adopt_what)) set_status(a, adopt_what);
  }
  if (!discard.empty()) {
    // Rows index the reviewed copy: remove those ids from the merge list.
    for (size_t i : discard) {
      const std::string id = theirs[i].id;
      a.merge.theirs.erase(std::remove_if(a.merge.theirs.begin(), a.merge.theirs.end(), [&](const Annotation& x) { return x.id == id; }),
                           a.merge.theirs.end());
    }
  }
  if (!open || discard_all) a.merge = App::Merge{};
}

// ---- find ----------------------------------------------------------------------------------------

void update_find(App& a) {
  a.find_hits.clear();
  a.find_current = -1;
  const std::string& q = a.find_query;
  if (q.empty()) return;
  const std::string& t = a.s->doc.text;
  auto lower = [](unsigned char c) { return c < 0x80 ? char(std::tolower(c)) : char(c); };
  for (size_t i = 0; i + q.size() <= t.size();) {
    size_t k = 0;
    while (k < q.size() && lower(t[i + k]) == lower(q[k])) ++k;
    if (k == q.size()) {
      a.find_hits.push_back({i, i + q.size()});
      i += q.size();
      if (a.find_hits.size() >= 100000) break;
    } else {
      ++i;
    }
  }
  if (a.find_hits.empty()) return;
  // The first match at or after the top of the view.
  size_t top = a.layout.lines.empty() ? 0 : a.layout.lines[std::max(0, a.layout.line_at(a.view_top - a.page_top))].begin;
  a.find_current = 0;
  for (size_t i = 0; i < a.find_hits.size(); ++i)
    if (a.find_hits[i].first >= top) { a.find_current = int(i); break; }
  scroll_to_byte(a, a.find_hits[size_t(a.find_current)].first);
}

void find_step(App& a, int dir) {
  if (a.find_hits.empty()) return;
  int n = int(a.find_hits.size());
  a.find_current = ((a.find_current + dir) % n + n) % n;
  scroll_to_byte(a, a.find_hits[size_t(a.find_current)].first);
}

// The find bar takes the keyboard; until its field has it, typed keys wait (see the platform).
void open_find(App& a) {
  a.find_open = true;
  a.find_focus = 2;
  a.find_focus_frames = 0;
  a.keyboard_in_panels = false;
  a.focus_request = App::FocusRequest::none;
}

void draw_find_bar(App& a, float x, float y, float w) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::Begin("##find", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted("Find");
  ImGui::SameLine();
  if (a.find_focus == 2) { ImGui::SetKeyboardFocusHere(); a.find_focus = 1; }
  // The field takes what the count, the arrows and Close leave, so Close is never cut off.
  {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float count_w = std::max(ImGui::CalcTextSize("no matches").x, ImGui::CalcTextSize("9999 of 9999").x);
    const float rest = count_w + ImGui::GetFrameHeight() * 2 + ImGui::CalcTextSize("Close").x + st.FramePadding.x * 2 + st.ItemSpacing.x * 4;
    ImGui::SetNextItemWidth(std::max(60.0f, w - ImGui::GetCursorPosX() - st.WindowPadding.x - rest));
  }
  bool escape = pressed(kEscape, false) && a.find_input_active;  // Esc in the field closes the bar
  // As in editors, the match found stays selected when the bar closes: Esc, then a label key
  // marks it. (Taken now: Esc also makes the field revert its text.)
  int keep = a.find_current >= 0 && size_t(a.find_current) < a.find_hits.size() ? a.find_current : -1;
  std::pair<size_t, size_t> kept = keep >= 0 ? a.find_hits[size_t(keep)] : std::pair<size_t, size_t>{0, 0};
  bool enter = ImGui::InputText("##q", a.find_buf, sizeof a.find_buf, ImGuiInputTextFlags_EnterReturnsTrue);
  a.find_input_active = ImGui::IsItemActive() || enter;
  if (a.find_focus == 1 && (a.find_input_active || ++a.find_focus_frames > 30)) a.find_focus = 0;
  if (a.find_query != a.find_buf) {
    a.find_query = a.find_buf;
    update_find(a);
  }
  if (enter) {
    find_step(a, ImGui::GetIO().KeyShift ? -1 : 1);
    ImGui::SetKeyboardFocusHere(-1);
  }
  ImGui::SameLine();
  if (a.find_hits.empty()) ImGui::TextDisabled(a.find_query.empty() ? "" : "no matches");
  else ImGui::Text("%d of %zu", a.find_current + 1, a.find_hits.size());
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) find_step(a, -1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) find_step(a, 1);
  ImGui::SameLine();
  bool close = ImGui::SmallButton("Close");
  mark_ui(a, "find:close");
  {
    ImVec2 fp = ImGui::GetWindowPos(), fs = ImGui::GetWindowSize();
    if (!GImGui->CurrentWindow->Hidden) a.ui_rects.push_back({"find:bar", {fp.x, fp.y, fs.x, fs.y}});
  }
  if (close || escape) {
    if (keep >= 0) {
      a.sel_anchor = kept.first;
      a.sel_caret = kept.second;
      a.active_id.clear();
    }
    a.find_open = false;
    a.find_focus = 0;
    a.find_current = -1;
    a.find_hits.clear();
    a.find_query.clear();
    a.find_buf[0] = 0;
  }
  ImGui::End();
}

void open_library(App& a) {
  a.library.window = true;
  a.library.window_focus = true;
  a.focus_request = App::FocusRequest::none;
}

// ---- zoom ----------------------------------------------------------------------------------------

void zoom(App& a, float to) {
  to = std::clamp(std::round(to), 12.0f, 40.0f);
  if (to == a.view.body_size) return;
  // Keep the line at the top of the view at the top.
  int li = a.layout.line_at(a.view_top - a.page_top);
  a.keep_byte_at_top = li >= 0 ? a.layout.lines[li].begin : SIZE_MAX;
  a.view.body_size = to;
  a.fonts.dirty = true;
  set_status(a, "Text size " + std::to_string(int(to)) + " px");
}

// ---- chrome --------------------------------------------------------------------------------------

void draw_status_bar(App& a, float y, float h) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, y));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 5));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const Tally& t = a.s->tally;  // kept by the session from each change
  const size_t mine = t.accepted, suggested = t.suggested;
  const ImVec4 warn(0.80f, 0.22f, 0.12f, 1);
  // Narrow screens (phones) get the short forms; what still does not fit is left out, never cut.
  const bool narrow = io.DisplaySize.x < 700;
  auto fits = [&](const std::string& t) {
    return ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(t.c_str()).x <= ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - 12;
  };
  std::string counts = count_of(mine, "annotation", "annotations") + " \u00B7 " + count_of(suggested, "suggestion", "suggestions");
  if (!narrow) counts = std::to_string(a.s->index.length()) + " characters \u00B7 " + counts;
  const ClaimCounts claims{t.claims, t.checked};
  // on a phone the claims checked come last, and only when they fit
  if (claims.claims && !narrow) counts += " \u00B7 " + claims_checked_text(claims);
  a.status_counts = counts;
  ImGui::TextDisabled("%s \u00B7", counts.c_str());
  ImGui::SameLine();
  const bool pristine = a.s->id.empty() && a.s->undo.empty();
  if (!a.library.writer) {
    // Another tab writes the library: say so until this tab takes over.
    ImGui::TextColored(warn, narrow ? "Open in another tab" : "Open in another tab: changes here are not stored");
    ImGui::SameLine();
    if (ImGui::SmallButton("Use this tab") && a.host.take_over) a.host.take_over();
    mark_ui(a, "status:take-over");
  } else if (!a.library.storage_error.empty() && !a.s->stored() && !a.s->saved_to_file()) {
    if (narrow) ImGui::TextColored(warn, "Not stored: save with Ctrl+S");
    else ImGui::TextColored(warn, "Not stored in this browser (%s): save to a file with Ctrl+S", a.library.storage_error.c_str());
  } else if (a.s->stored() || pristine) {
    ImGui::TextDisabled(narrow ? "Saved" : "Saved in this browser");
  } else {
    ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.05f, 1), narrow ? "Saving\u2026" : "Saving in this browser\u2026");
  }
  mark_ui(a, "status:end");
  const std::string checked = "\u00B7 " + std::to_string(claims.checked) + "/" + std::to_string(claims.claims) + " checked";
  if (narrow && claims.claims && fits(checked)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", checked.c_str());
    mark_ui(a, "status:end");
  }
  const std::string file = "\u00B7 " + (a.s->saved_to_file_at.empty() ? std::string("not saved to a file yet") :
                                      "saved to a file at " + a.s->saved_to_file_at + (a.s->saved_to_file() ? "" : " (changed since)"));
  if (!narrow && fits(file)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", file.c_str());
    mark_ui(a, "status:end");
  }
  if (!a.status.empty() && fits("\u00B7 " + a.status)) {
    ImGui::SameLine();
    ImGui::TextDisabled("\u00B7");
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
    ImGui::TextUnformatted(a.status.c_str());
    mark_ui(a, "status:end");
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void draw_notice(App& a) {
  if (a.notice_open) {
    ImGui::OpenPopup("##notice");
    a.notice_open = false;
    app_fonts_complete(a);  // its heading is in the title face, whose first atlas holds only the headline's glyphs
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(std::min(560.0f, io.DisplaySize.x - 20), io.DisplaySize.y - 40));
  if (ImGui::BeginPopupModal("##notice", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::PushFont(a.fonts.title);
    ImGui::TextColored(a.notice.error ? ImVec4(0.75f, 0.15f, 0.15f, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", a.notice.title.c_str());
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
    ImGui::EndPopup();
  }
}

void draw_toast(App& a, float y) {
  if (a.toast.empty()) return;
  double now = ImGui::GetTime();
  if (a.toast_until < 0) a.toast_until = now + 6;
  if (now > a.toast_until) { a.toast.clear(); return; }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, y + 10), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowBgAlpha(0.95f);
  ImGui::Begin("##toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted(a.toast.c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("Dismiss")) a.toast.clear();
  ImGui::End();
}

const char* kShortcuts[][2] = {
    {"Ctrl+O", "Open an article (.txt, .md) or a .lede.json file"},
    {"Ctrl+Shift+O", "Open annotations for this article"},
    {"Ctrl+Shift+L", "The library: every article you opened, with its work; search, rename, delete, restore"},
    {"Ctrl+S", "Save annotations as <article>.lede.json"},
    {"Ctrl+P", "Print the report (File > Export report saves it as HTML, Markdown, CSV, ClaimReview)"},
    {"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo"},
    {"Ctrl+F, Enter / Shift+Enter, F3", "Find, next / previous match"},
    {"Ctrl+= / Ctrl+- / Ctrl+0", "Larger / smaller / default text"},
    {"F10", "The menus (arrows move, Enter or Space chooses, Esc leaves)"},
    {"F6", "Move the keyboard between the page and the side panels (also View > Keyboard to the side panels)"},
    {"F1", "This help"},
    {"", ""},
    {"On the page", ""},
    {"Arrows, PgUp/PgDn, Space, Home/End", "Scroll"},
    {"Ctrl+A, Ctrl+C, Esc", "Select all, copy, clear the selection"},
    {"Shift+arrows, Ctrl+Shift+\u2190/\u2192", "Extend the selection by character, line or word"},
    {"1 \u2026 9", "Mark the selection with label 1 \u2026 9 (or relabel the open annotation)"},
    {"Tab / Shift+Tab", "Next / previous highlight (opens its card)"},
    {"A / R / Delete", "Accept / reject the suggestion, delete the annotation"},
    {"Shift+A / Shift+R", "Accept / reject every suggestion of that entity (or label)"},
    {"N, then Ctrl+Enter", "Write the open annotation's note, keep it"},
    {"Shift+\u2190/\u2192, Alt+Shift+\u2190/\u2192", "Move the end / start of the open annotation"},
    {"L", "Labels: create, rename, recolour, delete"},
    {"V, then 1 \u2026 9 (0 none)", "Rate the open claim (its rating list)"},
    {"S", "The open claim\u2019s status: to check, checking, checked"},
    {"E, then Ctrl+Enter", "Write the open claim\u2019s explanation, keep it"},
    {"Shift+E", "Add evidence to the open claim (a link, a quote, a note)"},
    {"P", "Correct the claim\u2019s speaker and cue (an actor: its entity)"},
    {"Ctrl+\\", "Show or hide the side panels"},
    {"", ""},
    {"In the side panels (F6)", ""},
    {"\u2191/\u2193, PgUp/PgDn, Home/End", "Move through the list (marks the span in the text)"},
    {"\u2190/\u2192", "Previous / next tab"},
    {"Enter", "Show it in the text and open its card (Actors: next mention)"},
    {"A / R", "Accept / reject the suggestion (Actors: all of the entity's)"},
    {"F (Claims)", "Only this speaker's claims; again for all"},
    {"S / Shift+S (Numbers)", "Sort by the next column / reverse the order"},
    {"Arrows (Graph)", "Move to the nearest node in that direction"},
    {"Enter (Graph)", "Go to the node's claims in the text, one per press"},
    {"Shift+\u2190 / \u2192 (Graph)", "Previous / next tab"},
    {"Esc", "Back to the page"},
};

void draw_help(App& a) {
  if (!a.show_help) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(840.0f, io.DisplaySize.x - 20), std::min(760.0f, io.DisplaySize.y - 40)), ImGuiCond_Appearing);
  if (ImGui::Begin("Keyboard shortcuts", &a.show_help, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    mark_ui(a, "window:help");
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
      ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 290);
      ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
      for (auto& k : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (!k[1][0] && k[0][0]) {  // a section heading
          ImGui::TextDisabled("%s", k[0]);
          continue;
        }
        ImGui::TextUnformatted(k[0]);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", k[1]);
      }
      ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Drop a .txt, .md or .lede.json file anywhere on the page to open it.");
    ImGui::TextDisabled("Everything stays on this computer: Lede makes no network requests.");
    if (escape_closes(a)) { a.show_help = false; a.focus_request = App::FocusRequest::page; }
  }
  ImGui::End();
}

void draw_about(App& a) {
  if (!a.show_about) return;
  static std::string notice;  // the attribution part of NOTICE (before its document list)
  if (notice.empty()) {
    notice = std::string(page_file("NOTICE"));
    size_t cut = notice.find("\nGUM documents included");
    if (cut != std::string::npos) notice.resize(cut);
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, io.DisplaySize.x - 40), std::min(560.0f, io.DisplaySize.y - 60)), ImGuiCond_Appearing);
  if (ImGui::Begin("About Lede", &a.show_about, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted("Lede 0.1: an offline reader that marks the actors, claims and numbers in news articles. "
                           "Everything stays on this computer: Lede makes no network requests.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Built with Dear ImGui (MIT), nlohmann/json (MIT) and Emscripten. Fonts: Charis SIL and Inter "
                           "(SIL Open Font License 1.1).");
    ImGui::Separator();
    ImGui::TextUnformatted(notice.empty() ? "The NOTICE file is missing from this build." : notice.c_str());
    if (!notice.empty()) mark_ui(a, "about:notice");
    ImGui::TextDisabled("The full notice, with the list of GUM documents, is in NOTICE.txt next to this page.");
    ImGui::PopTextWrapPos();
    if (escape_closes(a)) { a.show_about = false; a.focus_request = App::FocusRequest::page; }
  }
  ImGui::End();
}

}  // namespace

bool colour_choice(App& a, std::string& color, const std::string& ui_key) {
  bool changed = false;
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(label_color(color, 1));
  float col[3] = {c.x, c.y, c.z};
  if (ImGui::ColorEdit3("##c", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02X%02X%02X", int(col[0] * 255 + 0.5f), int(col[1] * 255 + 0.5f), int(col[2] * 255 + 0.5f));
    color = hex;
    changed = true;
  }
  {
    // ColorEdit3 ends with a group, which navigation never lands on: name its button instead.
    ImGui::PushID("##c");
    bool on_swatch = GImGui->NavId == ImGui::GetID("##ColorButton") && !GImGui->NavDisableHighlight;
    ImGui::PopID();
    if (on_swatch) {  // "labels:colour:<id>" -> "labels:swatch:<id>"
      a.nav_item = ui_key;
      if (size_t k = a.nav_item.find(":colour:"); k != std::string::npos) a.nav_item.replace(k, 8, ":swatch:");
    }
  }
  // The same choice from a list of named colours, for the keyboard and for readers who
  // want colours that stay apart.
  ImGui::SameLine();
  const char* shown = "Custom";
  for (auto& p : kPalette)
    if (color == p[1]) shown = p[0];
  ImGui::SetNextItemWidth(110);
  if (ImGui::BeginCombo("##palette", shown)) {
    for (auto& p : kPalette) {
      ImVec2 at = ImGui::GetCursorScreenPos();
      float h = ImGui::GetTextLineHeight();
      if (ImGui::Selectable((std::string("      ") + p[0]).c_str(), color == p[1]) && color != p[1]) {
        color = p[1];
        changed = true;
      }
      mark_ui(a, std::string("palette:") + p[0]);
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x + 2, at.y + h * 0.15f), ImVec2(at.x + 2 + h * 0.8f, at.y + h * 0.95f),
                                                label_color(p[1], 1), 3);
    }
    ImGui::EndCombo();
  }
  mark_ui(a, ui_key);
  return changed;
}

namespace {

void draw_labels_window(App& a) {
  if (!a.show_labels_window) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (a.labels_window_focus) { ImGui::SetNextWindowFocus(); a.labels_window_focus = false; }
  bool open = true;
  if (ImGui::Begin("Labels", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    mark_ui(a, "window:labels");
    std::vector<Label> edited = a.s->labels;
    bool changed = false;
    std::string remove;
    for (size_t i = 0; i < edited.size(); ++i) {
      Label& l = edited[i];
      ImGui::PushID(int(i));
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%zu", i + 1);
      ImGui::SameLine();
      if (colour_choice(a, l.color, "labels:colour:" + l.id)) changed = true;
      ImGui::SameLine();
      ImGui::SetNextItemWidth(220);
      std::string name = l.name;
      // A new label's name takes the keyboard, all selected, so typing names it.
      const bool focus_name = a.label_name_focus == l.id;
      if (focus_name) ImGui::SetKeyboardFocusHere();
      if (ImGui::InputText("##n", &name, ImGuiInputTextFlags_EnterReturnsTrue | (focus_name ? ImGuiInputTextFlags_AutoSelectAll : 0)) ||
          (ImGui::IsItemDeactivatedAfterEdit())) {
        if (!name.empty() && name != l.name) { l.name = name; changed = true; }
      }
      if (focus_name && (ImGui::IsItemActive() || ++a.label_name_focus_frames > 30)) a.label_name_focus.clear();
      mark_ui(a, "labels:name:" + l.id);
      ImGui::SameLine();
      size_t used = 0;
      for (const Annotation& an : a.s->annotations) used += an.label == l.id;
      if (ImGui::Button("Delete")) remove = l.id;
      mark_ui(a, "labels:delete:" + l.id);
      if (ImGui::IsItemHovered() && used) ImGui::SetTooltip("Also deletes its %s (undo brings them back)", count_of(used, "annotation", "annotations").c_str());
      ImGui::PopID();
    }
    if (edited.size() < 9 && ImGui::Button("New label")) {
      int n = 1;
      auto taken = [&](const std::string& id) { return std::any_of(edited.begin(), edited.end(), [&](const Label& l) { return l.id == id; }); };
      while (taken("label" + std::to_string(n))) ++n;
      static const char* palette[] = {"#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB", "#EE7733", "#009988"};
      edited.push_back({"label" + std::to_string(n), "Label " + std::to_string(n), palette[(n - 1) % 6]});
      a.label_name_focus = edited.back().id;
      a.label_name_focus_frames = 0;
      changed = true;
    }
    mark_ui(a, "labels:new");
    ImGui::TextDisabled("Keys 1-9 mark the selection with the label in that row.");
    ImGui::TextDisabled("Keyboard: arrows move, Space or Enter chooses or edits, Esc closes.");
    Change c;
    if (!remove.empty()) {
      edited.erase(std::remove_if(edited.begin(), edited.end(), [&](const Label& l) { return l.id == remove; }), edited.end());
      for (const Annotation& an : a.s->annotations)
        if (an.label == remove) c.edits.push_back({an, std::nullopt});
      changed = true;
    }
    if (changed) {
      c.what = remove.empty() ? "Changed the labels" : "Deleted a label";
      c.labels_changed = true;
      c.labels_before = a.s->labels;
      c.labels_after = edited;
      commit(a, std::move(c));
    }
    if (escape_closes(a) && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) open = false;
  }
  ImGui::End();
  if (!open) {
    a.show_labels_window = false;
    a.focus_request = App::FocusRequest::page;
  }
}

void bulk_suggestions(App& a, const char* label, Status to, const char* what) {
  std::vector<std::string> ids;
  for (const Annotation& an : a.s->annotations)
    if (an.status == Status::suggested && (!label || an.label == label)) ids.push_back(an.id);
  if (!ids.empty()) set_status_of(a, ids, to, std::string(what) + " " + count_of(ids.size(), "suggestion", "suggestions"));
}

// Each menu's items in a function of their own, called only while the menu is open: the first
// frame draws the closed menu bar, and the browser compiles a function on its first call.
[[gnu::noinline]] void file_menu_items(App& a) {
  if (menu_item(a, "Library\u2026", "Ctrl+Shift+L")) open_library(a);
  mark_ui(a, "menu:Library");
  if (menu_item(a, "Open article\u2026", "Ctrl+O") && a.host.open_picker) a.host.open_picker(FileKind::article);
  if (menu_item(a, "Open annotations\u2026", "Ctrl+Shift+O") && a.host.open_picker) a.host.open_picker(FileKind::annotations);
  if (menu_item(a, "New article from clipboard") && a.host.request_clipboard_text) a.host.request_clipboard_text();
  mark_ui(a, "menu:New article from clipboard");
  if (menu_item(a, "Close article", nullptr, false, a.sessions.size() > 1)) close_session(a, size_t(std::find_if(a.sessions.begin(), a.sessions.end(), [&](const auto& x) { return x.get() == a.s; }) - a.sessions.begin()));
  mark_ui(a, "menu:Close article");
  if (menu_item(a, "Merge another reader\u2019s file\u2026") && a.host.open_picker) a.host.open_picker(FileKind::merge);
  mark_ui(a, "menu:Merge");
  if (menu_item(a, "Article details\u2026")) { open_article_details(a); a.focus_request = App::FocusRequest::none; }
  mark_ui(a, "menu:Article details");
  ImGui::Separator();
  if (menu_item(a, "Save annotations", "Ctrl+S")) save_annotations(a);
  if (menu_item(a, "Export as W3C Web Annotation")) {
    std::string data = write_w3c(to_set(*a.s), kGenerator);
    std::string name = (a.s->file_stem.empty() ? std::string("article") : a.s->file_stem) + ".w3c.jsonld";
    if (std::string fault = w3c_export_fault(data.size()); !fault.empty()) {
      show_notice(a, true, "Not exported", fault);  // a file Lede could not open again is not written
    } else {
      if (a.host.download) a.host.download(name.c_str(), data.data(), data.size(), "application/ld+json");
      set_status(a, "Exported " + name);
    }
  }
  mark_ui(a, "menu:Export W3C");
  bool report_menu = ImGui::BeginMenu("Export report");
  mark_ui(a, "menu:Export report");
  if (report_menu) {
    const char* items[][3] = {{"Report (HTML)\u2026", "html", "menu:Report HTML"}, {"Report (Markdown)\u2026", "md", "menu:Report Markdown"},
                              {"Claims table (CSV)\u2026", "csv", "menu:Claims CSV"}, {"ClaimReview (JSON-LD)\u2026", "claimreview", "menu:ClaimReview"}};
    for (auto& it : items) {
      if (menu_item(a, it[0])) export_report(a, it[1]);
      mark_ui(a, it[2]);
    }
    ImGui::EndMenu();
  }
  if (menu_item(a, "Print report\u2026", "Ctrl+P")) print_report(a);
  mark_ui(a, "menu:Print report");
  ImGui::Separator();
  if (menu_item(a, "Export library\u2026") && a.host.export_library) a.host.export_library();
  mark_ui(a, "menu:Export library");
  if (menu_item(a, "Import library\u2026") && a.host.open_picker) a.host.open_picker(FileKind::library);
  mark_ui(a, "menu:Import library");
}

[[gnu::noinline]] void edit_menu_items(App& a) {
  if (menu_item(a, "Undo", "Ctrl+Z", false, !a.s->undo.empty())) undo(a);
  if (menu_item(a, "Redo", "Ctrl+Shift+Z", false, !a.s->redo.empty())) redo(a);
  ImGui::Separator();
  bool sel = a.sel_anchor != a.sel_caret;
  if (menu_item(a, "Copy", "Ctrl+C", false, sel) && a.host.write_clipboard) a.host.write_clipboard(app_selection_text(a).c_str());
  if (menu_item(a, "Select all", "Ctrl+A")) { a.sel_anchor = 0; a.sel_caret = a.s->doc.text.size(); }
  // (Menu items hand the keyboard to the page; these hand it to what they open instead.)
  if (menu_item(a, "Find\u2026", "Ctrl+F")) open_find(a);
  ImGui::Separator();
  for (size_t i = 0; i < a.s->labels.size() && i < 9; ++i) {
    char key[8];
    std::snprintf(key, sizeof key, "%zu", i + 1);
    if (menu_item(a, ("Mark as " + a.s->labels[i].name).c_str(), key, false, sel)) label_selection(a, a.s->labels[i].id);
  }
  ImGui::Separator();
  if (menu_item(a, "Labels\u2026", "L")) { a.show_labels_window = true; a.labels_window_focus = true; a.focus_request = App::FocusRequest::none; }
  if (menu_item(a, "Ratings\u2026")) { a.show_ratings_window = a.ratings_window_focus = true; a.focus_request = App::FocusRequest::none; }
  mark_ui(a, "menu:Ratings");
}

[[gnu::noinline]] void suggestions_menu_items(App& a) {
  menu_item(a, "Show suggestions", nullptr, &a.view.show_suggestions);
  ImGui::Separator();
  for (int accept = 1; accept >= 0; --accept) {
    for (int k = -1; k < kKindCount; ++k) {
      std::string label = k < 0 ? std::string() : std::string(kKinds[k].label);
      std::string what = k < 0 ? std::string("all") : "all " + std::string(kKinds[k].noun) + "s";
      std::string item = std::string(accept ? "Accept " : "Reject ") + what;
      if (menu_item(a, item.c_str())) bulk_suggestions(a, k < 0 ? nullptr : label.c_str(), accept ? Status::accepted : Status::rejected, accept ? "Accepted" : "Rejected");
      mark_ui(a, "menu:" + item);
    }
    if (accept) ImGui::Separator();
  }
}

[[gnu::noinline]] void view_menu_items(App& a) {
  menu_item(a, "Side panels", "Ctrl+\\", &a.view.panel);
  mark_ui(a, "view:Side panels");
  if (menu_item(a, "Wider side panels", nullptr, false, a.view.panel)) a.view.panel_width = std::min(a.view.panel_width + 60, 900.0f);
  mark_ui(a, "view:Wider side panels");
  if (menu_item(a, "Narrower side panels", nullptr, false, a.view.panel)) a.view.panel_width = std::max(a.view.panel_width - 60, 240.0f);
  mark_ui(a, "view:Narrower side panels");
  // The same as F6, for browsers that keep F6 for themselves.
  if (menu_item(a, "Keyboard to the side panels", "F6")) { a.view.panel = true; a.focus_request = App::FocusRequest::panels; }
  mark_ui(a, "view:Keyboard to the side panels");
  ImGui::Separator();
  for (const Kind& k : kKinds) {
    std::string name(k.plural);
    menu_item(a, name.c_str(), nullptr, &a.view.show_kind[int(k.id)]);
    mark_ui(a, "view:" + name);
  }
  menu_item(a, "Other labels", nullptr, &a.view.show_other);
  mark_ui(a, "view:Other labels");
  menu_item(a, "Suggestions", nullptr, &a.view.show_suggestions);
  mark_ui(a, "view:Suggestions");
  ImGui::Separator();
  if (menu_item(a, "Dark theme", nullptr, a.view.dark)) { a.view.dark = !a.view.dark; apply_theme(a.view.dark); }
  mark_ui(a, "view:Dark theme");
  if (menu_item(a, "Larger text", "Ctrl+=")) zoom(a, a.view.body_size + 2);
  mark_ui(a, "view:Larger text");
  if (menu_item(a, "Smaller text", "Ctrl+-")) zoom(a, a.view.body_size - 2);
  mark_ui(a, "view:Smaller text");
  if (menu_item(a, "Default text size", "Ctrl+0")) zoom(a, 19);
  mark_ui(a, "view:Default text size");
  ImGui::Separator();
  if (menu_item(a, "Settings\u2026")) { a.settings_request = a.settings_focus = true; a.focus_request = App::FocusRequest::none; }
  mark_ui(a, "view:Settings");
}

[[gnu::noinline]] void help_menu_items(App& a) {
  if (menu_item(a, "Keyboard shortcuts", "F1")) { a.show_help = true; a.focus_request = App::FocusRequest::none; }
  if (menu_item(a, "About Lede and credits")) { a.show_about = true; a.focus_request = App::FocusRequest::none; }
  mark_ui(a, "menu:About");
}

void draw_menu(App& a) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (a.menu_request) {
    // F10: the keyboard goes to the menu bar, on its first menu, as ImGui's Alt toggle would do
    // for a window's own menu bar.
    a.menu_request = false;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* bar = ImGui::GetCurrentWindow();
    if (g.NavWindow == bar) {
      a.focus_request = App::FocusRequest::page;
    } else {
      ImGui::FocusWindow(bar);
      g.NavLayer = ImGuiNavLayer_Menu;
      ImGui::NavInitWindow(bar, true);
      g.NavDisableHighlight = false;
      g.NavDisableMouseHover = true;
    }
  }
  bool file_menu = ImGui::BeginMenu("File");
  mark_ui(a, "menu:File");
  if (file_menu) {
    file_menu_items(a);
    ImGui::EndMenu();
  }
  bool edit_menu = ImGui::BeginMenu("Edit");
  mark_ui(a, "menu:Edit");
  if (edit_menu) {
    edit_menu_items(a);
    ImGui::EndMenu();
  }
  bool suggestions_menu = ImGui::BeginMenu("Suggestions");
  mark_ui(a, "menu:Suggestions");
  if (suggestions_menu) {
    suggestions_menu_items(a);
    ImGui::EndMenu();
  }
  bool view_menu = ImGui::BeginMenu("View");
  mark_ui(a, "menu:View");
  if (view_menu) {
    view_menu_items(a);
    ImGui::EndMenu();
  }
  bool help_menu = ImGui::BeginMenu("Help");
  mark_ui(a, "menu:Help");
  if (help_menu) {
    help_menu_items(a);
    ImGui::EndMenu();
  }
  // Legend, on the right of the menu bar; left out where it would not fit (phones): the card and
  // the label bar name the labels too.
  float x = ImGui::GetWindowWidth();
  for (auto it = a.s->labels.rbegin(); it != a.s->labels.rend(); ++it) x -= ImGui::CalcTextSize(it->name.c_str()).x + 30;
  const bool legend = x >= ImGui::GetCursorPosX() + 20;
  if (legend) ImGui::SetCursorPosX(x);
  for (const Label& l : a.s->labels) {
    if (!legend) break;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + 10, p.y + h * 0.9f), label_color(l.color, 1), 2);
    ImGui::Dummy(ImVec2(12, h));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted(l.name.c_str());
    mark_ui(a, "legend:" + l.id);
    ImGui::SameLine(0, 12);
  }
  ImGui::EndMainMenuBar();
}

void handle_shortcuts(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup)) return;
  if (pressed(kF1, false)) a.show_help = !a.show_help;
  if (pressed(kF3)) find_step(a, io.KeyShift ? -1 : 1);
  if (pressed(kF6, false) && !io.KeyCtrl && !io.KeyAlt) {
    // F6 moves the keyboard between the page and the side panels (showing them if hidden).
    bool fits = io.DisplaySize.x > 700;
    if (key_zone(a) == KeyZone::page && fits) {
      a.view.panel = true;
      a.focus_request = App::FocusRequest::panels;
    } else {
      a.focus_request = App::FocusRequest::page;
    }
  }
  if (pressed(kF10, false) && !io.KeyCtrl) a.menu_request = true;
  if (!io.KeyCtrl) return;
  if ((pressed(kS, false) || pressed(kP, false)) && a.open_field.s) keep_open_field(a, true);  // with the note being typed
  if (pressed(kS, false)) save_annotations(a);
  if (pressed(kP, false)) print_report(a);
  if (pressed(kO, false) && a.host.open_picker) a.host.open_picker(io.KeyShift ? FileKind::annotations : FileKind::article);
  if (pressed(kF, false)) open_find(a);
  if (pressed(kL, false) && io.KeyShift) open_library(a);
  if (pressed(kPlus) || pressed(kPlusFx) || pressed(kNumPlus)) zoom(a, a.view.body_size + 2);
  if (pressed(kMinus) || pressed(kMinusFx) || pressed(kNumMinus)) zoom(a, a.view.body_size - 2);
  if (pressed(k0, false)) zoom(a, 19);
  if (pressed(kBackslash, false)) a.view.panel = !a.view.panel;
  if (io.WantTextInput) return;  // a text field has its own undo and select-all
  if (pressed(kA, false)) { a.sel_anchor = 0; a.sel_caret = a.s->doc.text.size(); }
  if (pressed(kZ)) { if (io.KeyShift) redo(a); else undo(a); }
  if (pressed(kY)) redo(a);
}

}  // namespace

void app_zoom(App& a, float body_size) { zoom(a, body_size); }

void app_init(App& a, const Host& host) {
  a.host = host;
  apply_theme(false);
  ImGui::GetIO().IniFilename = nullptr;
  // The page always shows an article: an empty one until the first opens.
  Session& empty = new_session(a);
  session_open(empty, Document{"No article open", ""}, {}, {});
  empty.stored_changes = empty.store_confirmed = empty.changes;
}

void app_set_settings(App& a, const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  ViewSettings v = a.view;
  from_json(j, v);
  a.view = v;
  apply_theme(a.view.dark);
  a.fonts.dirty = true;
}

float app_text_size(const App& a) { return a.view.body_size; }
std::string app_settings_json(const App& a) { return json(a.view).dump(); }
bool app_keys_wait(const App& a) { return a.find_focus != 0; }
bool app_chars_wait(const App& a) { return a.note_focus != 0; }
void app_mouse_press(App& a, int clicks) { a.press_clicks = clicks; }
void app_set_analyzer(App& a, const Analyzer* analyzer) {
  a.analyzer = analyzer;
  app_add_suggestions(a);
}
bool app_has_analyzer(const App& a) { return a.analyzer != nullptr; }
bool app_busy(const App& a) { return a.fonts.dirty; }

void app_fonts_complete(App& a) {
  if (a.fonts.complete) return;
  a.fonts.complete = true;
  a.fonts.dirty = true;
}

bool app_fonts_stale(const App& a, float dpr) {
  return a.fonts.dirty || a.fonts.dpr != dpr || a.fonts.body_size != a.view.body_size;
}

void app_build_fonts(App& a, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Each face's glyphs (they must outlive the atlas build). The full atlas: the base ranges and
  // the article's other characters in every face. The first, built before the article is first
  // drawn, holds only what the first frames draw, so that the page appears sooner: the interface's
  // ASCII and punctuation in the UI face, the article's own characters in the body face, the
  // headline's in the title face. The full one follows once the suggestions are drawn.
  static ImVector<ImWchar> ui_ranges, body_ranges, title_ranges;
  using Texts = std::initializer_list<const std::string*>;
  auto build_ranges = [](ImVector<ImWchar>* out, const ImWchar* base, const std::vector<uint32_t>& extra, Texts texts) {
    ImFontGlyphRangesBuilder rb;
    if (base) rb.AddRanges(base);
    for (uint32_t cp : extra) rb.AddChar(static_cast<ImWchar>(cp));
    for (const std::string* t : texts) rb.AddText(t->data(), t->data() + t->size());
    out->clear();
    rb.BuildRanges(out);
  };
  if (a.fonts.complete || !a.s) {
    build_ranges(&ui_ranges, kBaseRanges, a.fonts.extra, {});
    body_ranges = title_ranges = ui_ranges;
  } else {
    const std::string fallback = " ?\u2026\uFFFD";  // what ImGui draws for a missing glyph and a cut
    const std::string byline = page_byline(a.s->doc), title = article_title(a.s->doc);
    build_ranges(&ui_ranges, kFirstRanges, a.fonts.extra, {});
    build_ranges(&body_ranges, nullptr, {}, Texts{&a.s->doc.text, &byline, &fallback});
    build_ranges(&title_ranges, nullptr, {}, Texts{&title, &fallback});
  }

  ImFontConfig cfg;
  cfg.OversampleH = dpr >= 2 ? 1 : 2;  // enough horizontal precision once pixels are small
  cfg.OversampleV = 1;
  // Sizes are em sizes, as in CSS; ImGui sizes fonts by ascent - descent, which differs per font.
  auto load = [&](const char* file, float em, const ImVector<ImWchar>& ranges, bool merge = false) -> ImFont* {
    std::string_view data = page_file(std::string("fonts/") + file);
    if (data.empty()) return nullptr;  // not in a broken build: ImGui's own font is not linked (main_web.cpp)
    float px = std::round(em * dpr * font_height_per_em(reinterpret_cast<const unsigned char*>(data.data()), data.size()));
    ImFontConfig c = cfg;
    c.MergeMode = merge;  // merged: only the glyphs the font before lacks
    c.FontDataOwnedByAtlas = false;  // compiled-in bytes, read in place (stb_truetype only reads them)
    ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), int(data.size()), px, &c, ranges.Data);
    return f;
  };
  // Each script is in one font only (CMakeLists.txt): Cyrillic and Vietnamese in Charis Regular,
  // Greek in Inter. Each face draws what it lacks from the others.
  const float title_size = std::round(a.view.body_size * 1.6f);
  a.fonts.ui = load("Inter-Regular.otf", a.fonts.ui_size, ui_ranges);
  load("CharisSIL-Regular.ttf", a.fonts.ui_size, ui_ranges, true);
  a.fonts.body = load("CharisSIL-Regular.ttf", a.view.body_size, body_ranges);
  load("Inter-Regular.otf", a.view.body_size, body_ranges, true);
  a.fonts.title = load("CharisSIL-Bold.ttf", title_size, title_ranges);
  load("CharisSIL-Regular.ttf", title_size, title_ranges, true);
  load("Inter-Regular.otf", title_size, title_ranges, true);
  io.FontDefault = a.fonts.ui;
  io.FontGlobalScale = 1.0f / dpr;
  io.Fonts->Build();
  a.fonts.dpr = dpr;
  a.fonts.body_size = a.view.body_size;
  a.fonts.dirty = false;
  a.layout_dirty = true;
}

static std::vector<Annotation> suggestions_for(const App& a, const std::string& text) {
  std::vector<Annotation> out;
#ifdef LEDE_WITH_ANALYSIS
  if (a.analyzer) out = a.analyzer->analyze(text);
#endif
  cap_suggestions(&out);  // whatever Lede accepts it can save: a file holds at most kMaxAnnotations
  return out;
}

void session_shown(App& a) {
  a.sel_anchor = a.sel_caret = 0;
  a.dragging = false;
  a.active_id.clear();
  a.hover_id.clear();
  a.focus_entity.clear();
  a.claim_speaker_filter.clear();
  a.merge = App::Merge{};
  a.panel = PanelCache{};
  a.graph.picture.clear();  // rebuilt for the article shown
  a.graph.timeline = TimelinePicture{};
  a.layout_dirty = true;
  a.set_scroll_y = 0;
  a.keep_byte_at_top = a.s->top_cp ? a.s->index.to_byte(a.s->top_cp) : SIZE_MAX;  // the reading position comes back
  if (a.find_open) update_find(a);
  collect_extra_glyphs(a);
}

void app_add_suggestions(App& a) {
  if (!a.analyzer) return;
  for (auto& s : a.sessions) {
    // Suggestions are the article's starting point, not the reader's change: a stored article
    // stays stored.
    if (has_suggestions(*s)) continue;  // restored or opened with its own: the analysis would be thrown away
    bool stored = s->stored();
    bool pristine = s->stored_changes == s->changes;
    if (add_suggestions(*s, suggestions_for(a, s->doc.text))) {
      if (stored) s->stored_changes = s->store_confirmed = s->changes;
      else if (pristine) s->stored_changes = s->changes;
    }
  }
}

void app_open_default(App& a, const std::string& name, const std::string& bytes) {
  Session& s = new_session(a);
  bool suggested = false;
  open_file_as_article(s, name, bytes, &suggested);
  s.stored_changes = s.store_confirmed = s.changes;  // nothing of the reader's to keep yet
  session_shown(a);
}

void app_open_bytes(App& a, FileKind kind, const std::string& name, const std::string& bytes) {
  if (kind == FileKind::merge) {
    open_merge_file(a, name, bytes);
    return;
  }
  if (kind == FileKind::library) {
    import_library(a, name, bytes);
    return;
  }
  bool annotations_file = has_extension(name, ".json") || has_extension(name, ".jsonld");
  AnnotationSet set;  // the file, when loaded here: opened from it below, not read again
  bool loaded = false;
  if (kind == FileKind::annotations || (annotations_file && a.s)) {
    // Annotations for the open article (dropped or opened as annotations): applied to it when
    // they fit its text, as one undoable change. A .lede.json for another article opens as one.
    std::string error, info;
    loaded = load_annotation_file(name, bytes, &set, &error);
    bool same = loaded && a.s && fit_to_article(*a.s, set, &info);
    if (same || kind == FileKind::annotations) {
      set = AnnotationSet{};  // read again by apply_annotation_file: not held twice
      Outcome o = apply_annotation_file(*a.s, name, bytes);
      if (!o.ok) { show_notice(a, true, o.title, o.error); return; }
      set_status(a, o.status);
      if (!o.info.empty()) show_toast(a, o.info);
      return;
    }
  }
  // A new article, beside the others: nothing open is replaced.
  auto fresh = std::make_unique<Session>();
  bool suggested = false;
  Outcome o = loaded ? open_set_as_article(*fresh, name, std::move(set), &suggested)
                     : open_file_as_article(*fresh, name, bytes, &suggested);
  if (!o.ok) {
    show_notice(a, true, o.title, o.error + (a.s ? "\n\nThe open articles were not changed." : ""));
    return;
  }
  Session& s = adopt_session(a, std::move(fresh));
  if (!suggested) add_suggestions(s, suggestions_for(a, s.doc.text));
  session_shown(a);
  set_status(a, o.status);
}

std::string app_selection_text(const App& a) {
  size_t b = std::min(a.sel_anchor, a.sel_caret), e = std::max(a.sel_anchor, a.sel_caret);
  return a.s->doc.text.substr(b, e - b);
}

static json autosave_json(const App& a) {
  return {{"saved", a.s->stored()}, {"savedToFile", a.s->saved_to_file()}, {"storageError", a.library.storage_error.empty() ? json(nullptr) : json(a.library.storage_error)},
          {"writer", a.library.writer}, {"bytesStored", a.library.stored_bytes}, {"wholeStores", a.library.whole_stores},
          {"journalStores", a.library.journal_stores}};
}

std::string app_brief_json(const App& a, json extra) {
  json j = std::move(extra);
  j["article"] = {{"title", article_title(a.s->doc)}, {"length", a.s->index.length()}, {"annotations", a.s->annotations.size()},
                  {"mine", reader_annotation_count(*a.s)}};
  j["autosave"] = autosave_json(a);
  return j.dump();
}

std::string app_state_json(const App& a) {
  json anns = json::array();
  for (const Annotation& an : a.s->annotations) {
    json j = an;
    j["text"] = annotation_text(a, an);
    if (an.review) {
      const Review& r = *an.review;
      json ev = json::array();
      for (const Evidence& e : r.evidence) ev.push_back({{"url", e.url}, {"quote", e.quote}, {"note", e.note}});
      j["review"] = {{"rating", r.rating}, {"explanation", r.explanation}, {"evidence", ev}, {"status", to_string(r.status)},
                     {"reviewer", r.reviewer}, {"date", r.date}};
    }
    anns.push_back(std::move(j));
  }
  size_t b = std::min(a.sel_anchor, a.sel_caret), e = std::max(a.sel_anchor, a.sel_caret);
  int top_line = a.layout.line_at(a.view_top - a.page_top);  // the line at the top edge of the view
  size_t top_cp = top_line >= 0 ? a.s->index.to_cp(a.layout.lines[size_t(top_line)].begin) : 0;
  json orphans = json::array();
  for (const Annotation& o : a.s->orphans) orphans.push_back(json{{"id", o.id}, {"label", o.label}, {"quote", o.quote.exact}});
  json agreements = json::object();
  if (a.merge.open) {
    std::vector<Annotation> mine = reviewed(a.s->annotations), theirs = reviewed(a.merge.theirs);
    for (const Label& l : a.s->labels) {
      Agreement g = agreement(mine, theirs, l.id, a.s->doc.text);
      if (g.count_a || g.count_b)
        agreements[l.id] = {{"mine", g.count_a}, {"theirs", g.count_b}, {"f1", g.exact.f1}, {"overlapF1", g.overlap.f1},
                            {"kappa", g.kappa_defined ? json(g.kappa) : json(nullptr)}};
    }
  }
  const KeyZone zone = key_zone(a);
  json tabs = json::array();
  for (const auto& sp : a.sessions) tabs.push_back({{"id", sp->id}, {"title", article_title(sp->doc)}, {"current", sp.get() == a.s}, {"top", sp->top_cp}});
  json ratings = json::array();
  for (const Rating& r : a.s->ratings) ratings.push_back({{"id", r.id}, {"name", r.name}, {"color", r.color}, {"value", r.value}});
  const ClaimCounts claims{a.s->tally.claims, a.s->tally.checked};
  json ui = json::object();
  for (const auto& [name, r] : a.ui_rects) ui[name] = {{"x", r[0]}, {"y", r[1]}, {"w", r[2]}, {"h", r[3]}};
  json s = {
      {"article", {{"title", article_title(a.s->doc)}, {"length", a.s->index.length()}, {"fileName", a.s->file_stem}, {"text", a.s->doc.text},
                   {"meta", {{"title", a.s->doc.meta.title}, {"url", a.s->doc.meta.url}, {"outlet", a.s->doc.meta.outlet},
                             {"byline", a.s->doc.meta.byline}, {"published", a.s->doc.meta.published}}}}},
      {"ratings", ratings},
      {"claims", {{"count", claims.claims}, {"checked", claims.checked}}},
      {"annotations", anns},
      {"labels", a.s->labels},
      {"selection", {{"start", a.s->index.to_cp(b)}, {"end", a.s->index.to_cp(e)}, {"text", app_selection_text(a)}}},
      {"active", a.active_id.empty() ? json(nullptr) : json(a.active_id)},
      {"hover", a.hover_id.empty() ? json(nullptr) : json(a.hover_id)},
      {"scroll", {{"y", a.scroll_y}, {"max", a.scroll_max}, {"viewHeight", a.view_height}, {"top", top_cp}}},
      {"page", {{"x", a.page_rect[0]}, {"y", a.page_rect[1]}, {"w", a.page_rect[2]}, {"h", a.page_rect[3]}}},
      {"labelBar", a.label_bar_rect[2] > 0 ? json{{"x", a.label_bar_rect[0]}, {"y", a.label_bar_rect[1]}, {"w", a.label_bar_rect[2]}, {"h", a.label_bar_rect[3]}} : json(nullptr)},
      {"card", a.card_rect[2] > 0 ? json{{"x", a.card_rect[0]}, {"y", a.card_rect[1]}, {"w", a.card_rect[2]}, {"h", a.card_rect[3]}} : json(nullptr)},
      {"view", a.view},
      {"find", {{"open", a.find_open}, {"query", a.find_query}, {"count", a.find_hits.size()}, {"current", a.find_current}}},
      {"undo", a.s->undo.size()},
      {"redo", a.s->redo.size()},
      {"autosave", autosave_json(a)},
      {"library", json::parse(library_json(a))},
      {"tabs", tabs},
      {"libraryOpen", a.library.window},
      {"ui", ui},
      {"orphans", orphans},
      {"analysisReady", a.analyzer != nullptr},
      {"focus", {{"zone", zone == KeyZone::page ? "page" : zone == KeyZone::panels ? "panels" : "dialog"},
                 {"navItem", a.nav_item.empty() ? json(nullptr) : json(a.nav_item)},
                 {"textInput", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput},
                 {"panelTab", a.view.panel_tab},
                 {"panelRow", a.panel_cursor[std::clamp(a.view.panel_tab, 0, 4)]},
                 {"graph", json::parse(graph_state_json(a))},
                 {"panelId", a.panel_cursor_id.empty() ? json(nullptr) : json(a.panel_cursor_id)},
                 {"speakerFilter", a.claim_speaker_filter},
                 {"ratingFilter", a.claim_rating_filter},
                 {"statusFilter", a.claim_status_filter < 0 ? json(nullptr) : json(to_string(ReviewStatus(a.claim_status_filter)))},
                 {"claimSort", a.claim_sort},
                 {"numberSort", {{"column", a.panel.number_sort_col}, {"ascending", a.panel.number_sort_asc}}}}},
      {"merge", a.merge.open ? json{{"name", a.merge.name}, {"author", a.merge.author}, {"theirs", a.merge.theirs.size()}, {"agreement", agreements}} : json(nullptr)},
      {"status", a.status},
      {"statusCounts", a.status_counts},
      {"toast", a.toast.empty() ? json(nullptr) : json(a.toast)},
      {"notice", a.notice.title.empty() ? json(nullptr) : json{{"error", a.notice.error}, {"title", a.notice.title}, {"text", a.notice.text}}}};
  return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string app_rects_json(const App& a, size_t start, size_t end) {
  json out = json::array();
  const PageLayout& L = a.layout;
  if (L.lines.empty()) return out.dump();
  size_t b = a.s->index.to_byte(start), e = a.s->index.to_byte(end);
  int first = L.line_of(b), last = L.line_of(e > b ? e - 1 : e);
  for (int li = first; li <= last && li >= 0; ++li) {
    const PageLine& line = L.lines[li];
    if (e <= line.begin && !(b == e && b == line.begin)) continue;
    size_t sb = std::max<size_t>(b, line.begin), se = std::min<size_t>(e, line.end);
    float x0 = L.x_of(a.s->doc.text, line, sb), x1 = L.x_of(a.s->doc.text, line, se);
    out.push_back({{"x", a.page_left + x0}, {"y", a.page_top + line.y}, {"w", x1 - x0}, {"h", L.line_height}});
  }
  return out.dump();
}

KeyZone key_zone(const App& a) {
  ImGuiContext& g = *GImGui;
  if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup)) return KeyZone::imgui;
  KeyZone own = a.keyboard_in_panels ? KeyZone::panels : KeyZone::page;
  if (!g.NavWindow) return own;
  // A click on the panels focuses them for ImGui, but the keyboard stays with the page: only F6
  // moves it there, so N, Delete or Space after clicking a row still act on the page.
  const char* name = g.NavWindow->RootWindow->Name;
  static const char* kOwnWindows[] = {"##page", "##panels", "##card", "##labelbar", "##find", "##status", "##toast", "##splitter", "##tabs"};
  for (const char* w : kOwnWindows)
    if (std::strcmp(name, w) == 0) return own;
  return KeyZone::imgui;  // the menu bar, a menu, a dialog
}

void mark_ui(App& a, std::string name) {
  if (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight) a.nav_item = name;
  // A window's first frame is laid out hidden (it is sized from it): nothing on screen to report yet.
  if (GImGui->CurrentWindow && GImGui->CurrentWindow->Hidden) return;
  ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
  a.ui_rects.push_back({std::move(name), {mn.x, mn.y, mx.x - mn.x, mx.y - mn.y}});
}

void app_frame(App& a) {
  ImGuiIO& io = ImGui::GetIO();
  a.ui_rects.clear();
  a.nav_item.clear();
  {
    // The browser tab's title follows the article's through edits, renames, undo and switching.
    std::string title = "Lede \u2014 " + article_title(a.s->doc);
    if (title != a.window_title) {
      a.window_title = std::move(title);
      if (a.host.set_title) a.host.set_title(a.window_title.c_str());
    }
  }
  {
    // Esc on the menu bar (or a second click on an open menu) leaves ImGui's navigation on the
    // bar's empty main layer: hand the keyboard back to the page.
    ImGuiContext& g = *GImGui;
    if (g.NavWindow && std::strcmp(g.NavWindow->RootWindow->Name, "##MainMenuBar") == 0 && g.NavLayer == ImGuiNavLayer_Main &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup))
      a.focus_request = App::FocusRequest::page;
    // When the focused window closes (find bar, card, a dialog), ImGui focuses the top-most one
    // left, which may be the panels: the keyboard goes back to the page instead. Closing popups
    // hand it back to their parent themselves.
    for (ImGuiWindow* w : g.Windows)
      if (w == a.focused_window && !w->WasActive && !(w->Flags & ImGuiWindowFlags_Popup) && a.focus_request == App::FocusRequest::none)
        a.focus_request = App::FocusRequest::page;
    // Focus moves now, before this frame's keys: a key pressed right after Esc or F6 goes where
    // the keyboard now is.
    if (a.focus_request != App::FocusRequest::none) {
      bool panels = a.focus_request == App::FocusRequest::panels;
      ImGuiWindow* w = ImGui::FindWindowByName(panels ? "##panels" : "##page");
      if (w && w->WasActive) {
        ImGui::FocusWindow(w);
        a.keyboard_in_panels = panels;
        a.focus_request = App::FocusRequest::none;
      }
    }
  }
  // The page, panels and bars tile the screen: square corners. Popups and cards keep theirs.
  const float rounding = ImGui::GetStyle().WindowRounding;
  ImGui::GetStyle().WindowRounding = 0;
  ImGui::GetStyle().WindowBorderSize = 0;
  handle_shortcuts(a);
  draw_menu(a);
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + 6;
  float top = menu_h;
  draw_session_tabs(a, top, io.DisplaySize.x);
  top += ImGui::GetFrameHeight() + 4;
  if (a.find_open) {
    draw_find_bar(a, 0, top, io.DisplaySize.x);
    top += ImGui::GetFrameHeight() + 24;
  }
  const float body_h = io.DisplaySize.y - top - status_h;
  bool panel = a.view.panel && io.DisplaySize.x > 700;
  float panel_w = panel ? std::min(a.view.panel_width, std::round(io.DisplaySize.x * 0.42f)) : 0;
  a.page_rect[0] = 0;
  a.page_rect[1] = top;
  a.page_rect[2] = io.DisplaySize.x - panel_w;
  a.page_rect[3] = body_h;
  draw_page(a, 0, top, io.DisplaySize.x - panel_w, body_h);
  if (panel) {
    draw_panels(a, io.DisplaySize.x - panel_w + 6, top, panel_w - 6, body_h);
    // Splitter between page and panels.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - panel_w, top));
    ImGui::SetNextWindowSize(ImVec2(6, body_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##splitter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    ImGui::InvisibleButton("##split", ImVec2(6, body_h));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) a.view.panel_width = std::clamp(a.view.panel_width - io.MouseDelta.x, 240.0f, io.DisplaySize.x * 0.6f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(io.DisplaySize.x - panel_w + 3, top), ImVec2(io.DisplaySize.x - panel_w + 3, top + body_h),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::End();
    ImGui::PopStyleVar();
  }
  draw_status_bar(a, io.DisplaySize.y - status_h, status_h);
  ImGui::GetStyle().WindowRounding = rounding;
  ImGui::GetStyle().WindowBorderSize = 1;
  draw_toast(a, top);
  draw_labels_window(a);
  draw_review_dialogs(a);
  if (a.library.window) draw_library(a);  // closed windows are not called: their code is compiled when they open
  draw_graph_window(a);
  if (a.merge.open) draw_merge_window(a);
  draw_help(a);
  draw_about(a);
  draw_notice(a);
  // ImGui's keyboard navigation runs in menus and dialogs only: the page and the panels have
  // keys of their own (arrows, Tab, Space, Esc) that it would otherwise take.
  a.popup_was_open = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopup);
  a.focused_window = GImGui->NavWindow ? GImGui->NavWindow->RootWindow : nullptr;
  // Off as soon as the keyboard is asked back (F6, Esc, a menu item): the next key must not
  // reach a dialog's button on its way.
  if ((key_zone(a) == KeyZone::imgui || a.menu_request) && a.focus_request == App::FocusRequest::none)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  else io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
  keep_open_field(a);
}

}  // namespace lede
