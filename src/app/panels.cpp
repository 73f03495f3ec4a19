// Side panels: Actors, Claims, Numbers and Notes. Each lists annotations of the open article;
// hovering an item marks its span in the text, clicking brings it on screen.
#include <algorithm>
#include <cstdio>
#include <map>

#include "app/reader.hpp"
#include "core/review.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // TableSetColumnSortDirection

namespace lede {

std::string clip(std::string s, size_t n) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  if (s.size() > n) {
    size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "\u2026";
  }
  return s;
}

namespace {

// DOM keyCodes, as the platform layer puts them in io.KeysDown.
enum Key {
  kEnter = 13, kEscape = 27, kPageUp = 33, kPageDown = 34, kEnd = 35, kHome = 36, kLeft = 37, kUp = 38, kRight = 39,
  kDown = 40, kA = 65, kF = 70, kR = 82, kS = 83,
};
bool pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

// The panels have the keyboard (F6 or a click): their own keys, not ImGui's navigation, so that
// the lists behave alike whatever widget draws them.
bool panel_keys(const App& a) {
  const ImGuiIO& io = ImGui::GetIO();
  return key_zone(a) == KeyZone::panels && !io.WantTextInput && !io.KeyCtrl && !io.KeyAlt;
}

// Moves the tab's keyboard row over n rows (Up/Down, PgUp/PgDn, Home/End); -1 when none.
int move_cursor(App& a, int tab, int n) {
  int& c = a.panel_cursor[tab];
  if (n == 0) return c = -1;
  c = std::min(c, n - 1);
  if (!panel_keys(a) || ImGui::GetIO().KeyShift) return c;
  if (c < 0) {  // the keyboard arrives: start on the first row
    a.panel_cursor_moved = 1;
    return c = 0;
  }
  int from = std::max(c, 0), to = c;
  if (pressed(kDown)) to = c < 0 ? 0 : c + 1;
  if (pressed(kUp)) to = c < 0 ? 0 : c - 1;
  if (pressed(kPageDown)) to = from + 10;
  if (pressed(kPageUp)) to = from - 10;
  if (pressed(kHome, false)) to = 0;
  if (pressed(kEnd, false)) to = n - 1;
  to = std::clamp(to, 0, n - 1);
  if (to != c) {
    c = to;
    a.panel_cursor_moved = 1;
  }
  return c;
}

// The row just drawn is the keyboard row: keep it on screen and mark its span in the text.
void cursor_row(App& a, const std::string& id, float header) {
  a.panel_cursor_id = id;
  a.panel_hover_id = id;
  if (!a.panel_cursor_moved) return;
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  float top = ImGui::GetItemRectMin().y, bottom = ImGui::GetItemRectMax().y;
  if (top < w->InnerClipRect.Min.y + header || bottom > w->InnerClipRect.Max.y) ImGui::SetScrollHereY(0.5f);
}

// The annotation hovered in the text, as an index into the annotations (SIZE_MAX: none).
size_t text_hover_index(App& a) {
  const Annotation* an = a.hover_id.empty() ? nullptr : find_annotation(a, a.hover_id);
  return an ? size_t(an - a.s->annotations.data()) : SIZE_MAX;
}

// The row just drawn belongs to the span hovered in the text: it is marked (selected look), and
// brought on screen once per hover, so the reader sees it without looking for it.
void text_hover_row(App& a, float header) {
  mark_ui(a, "panel:hover-row");
  if (a.hover_row_shown == a.hover_id) return;
  a.hover_row_shown = a.hover_id;
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  float top = ImGui::GetItemRectMin().y, bottom = ImGui::GetItemRectMax().y;
  if (top < w->InnerClipRect.Min.y + header || bottom > w->InnerClipRect.Max.y) ImGui::SetScrollHereY(0.5f);
}

// Enter, A and R on the keyboard row of a list of annotations. True when the annotations changed
// (the lists are stale until the next frame).
bool annotation_row_keys(App& a, const Annotation& an) {
  if (!panel_keys(a) || ImGui::GetIO().KeyShift) return false;
  if (pressed(kEnter, false)) {
    a.active_id = an.id;
    scroll_to_annotation(a, an);
  }
  if (an.status != Status::suggested) return false;
  std::string id = an.id;
  if (pressed(kA, false)) { set_status_of(a, {id}, Status::accepted, "Accepted a suggestion"); return true; }
  if (pressed(kR, false)) {
    set_status_of(a, {id}, Status::rejected, "Rejected a suggestion");
    if (a.active_id == id) a.active_id.clear();
    return true;
  }
  return false;
}

std::string attr(const Annotation& an, const char* key) { return an.attrs.str(key); }

std::string speaker_of(const Annotation& an) { return claim_speaker(an.attrs); }
std::string cue_of(const Annotation& an) { return claim_cue(an.attrs); }

double number_key(const Annotation& x) {
  const json& v = x.attrs.value;
  if (v.is_number()) return v.get<double>();
  if (v.is_array() && !v.empty() && v[0].is_number()) return v[0].get<double>();
  return 1e300;
}

// The lists follow the session from the change spans (core/panel_lists.hpp); the numbers' shown
// order is sorted again from their text order after a change.
void refresh(App& a) {
  PanelCache& p = a.panel;
  if (!p.lists.update(*a.s)) return;
  p.number_rows = p.lists.numbers;
  p.number_sort_col = -1;
  p.number_sort_asc = true;
}

std::vector<std::string> ids_of(const App& a, const std::vector<size_t>& rows) {
  std::vector<std::string> ids;
  for (size_t i : rows) ids.push_back(a.s->annotations[i].id);
  return ids;
}

// Row behaviour shared by every list: hover links to the text, click jumps there and opens it.
void row_interaction(App& a, const Annotation& an, int tab, int row) {
  mark_ui(a, "row:" + an.id);
  if (ImGui::IsItemHovered()) a.panel_hover_id = an.id;
  if (ImGui::IsItemClicked()) {
    a.panel_cursor[tab] = row;  // the keyboard goes on from the clicked row
    a.active_id = an.id;
    scroll_to_annotation(a, an);
  }
}

// Accept / Reject buttons for a group of suggestions. Returns true when it changed them.
// `one` / `many` name the group in the status line ("actor suggestion(s)", "mention(s) of X").
bool suggestion_buttons(App& a, const std::vector<size_t>& rows, const std::string& one, const std::string& many, const char* key) {
  if (rows.empty()) return false;
  char label[64];
  std::snprintf(label, sizeof label, "Accept %zu##acc%s", rows.size(), key);
  bool accept = ImGui::SmallButton(label);
  mark_ui(a, std::string("accept:") + key);
  ImGui::SameLine();
  std::snprintf(label, sizeof label, "Reject %zu##rej%s", rows.size(), key);
  bool reject = ImGui::SmallButton(label);
  mark_ui(a, std::string("reject:") + key);
  if (!accept && !reject) return false;
  std::vector<std::string> copy = ids_of(a, rows);  // the lists change with the change
  if (accept) set_status_of(a, copy, Status::accepted, "Accepted " + count_of(copy.size(), one, many));
  if (reject) set_status_of(a, copy, Status::rejected, "Rejected " + count_of(copy.size(), one, many));
  return accept || reject;
}

void actors_tab(App& a) {
  PanelLists& p = a.panel.lists;
  if (!p.suggested[0].empty()) {
    ImGui::TextDisabled("All actor suggestions:");
    ImGui::SameLine();
    if (suggestion_buttons(a, p.suggested[0], "actor suggestion", "actor suggestions", "actors")) return;
  }
  // The entity picked last: its mentions as a group.
  for (const PanelLists::Entity& e : p.entities) {
    if (e.name != a.focus_entity || e.suggested.empty()) continue;
    ImGui::TextDisabled("%s:", clip(e.name, 28).c_str());
    ImGui::SameLine();
    if (suggestion_buttons(a, e.suggested, "mention of " + e.name, "mentions of " + e.name, "entity")) return;
  }
  if (p.entities.empty()) { ImGui::TextDisabled("No actors yet. Select a name and press 1."); return; }
  // Correcting the analysis: the picked entity merged into another (one change, undoable).
  if (!a.focus_entity.empty() && p.entities.size() > 1) {
    ImGui::TextDisabled("%s:", clip(a.focus_entity, 28).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Merge into\u2026")) {
      a.entity = App::EntityEdit{};
      a.entity.request = a.entity.focus = true;
      a.entity.from = a.focus_entity;
    }
    mark_ui(a, "actors:merge");
  }
  const bool show_cursor = key_zone(a) == KeyZone::panels;
  int cur = move_cursor(a, 0, int(p.entities.size()));
  if (cur >= 0 && panel_keys(a)) {
    // Enter steps through the entity's mentions, as clicks do; A / R take all its suggestions.
    const PanelLists::Entity& e = p.entities[size_t(cur)];
    if (pressed(kEnter, false) && !ImGui::GetIO().KeyShift) {
      if (a.focus_entity != e.name) { a.focus_entity = e.name; a.focus_step = 0; }
      else a.focus_step = (a.focus_step + 1) % int(e.mentions.size());
      const Annotation& m = a.s->annotations[e.mentions[size_t(a.focus_step)]];
      a.active_id = m.id;
      scroll_to_annotation(a, m);
    }
    if (!e.suggested.empty() && !ImGui::GetIO().KeyShift && (pressed(kA, false) || pressed(kR, false))) {
      bool acc = pressed(kA, false);
      std::vector<std::string> ids = ids_of(a, e.suggested);
      set_status_of(a, ids, acc ? Status::accepted : Status::rejected,
                    std::string(acc ? "Accepted " : "Rejected ") + count_of(ids.size(), "mention of ", "mentions of ") + e.name);
      return;
    }
  }
  if (!ImGui::BeginTable("##actors", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Actor (role)", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 34);
  ImGui::TableHeadersRow();
  const size_t hi = text_hover_index(a);
  int hover_row = -1;
  for (size_t r = 0; hi != SIZE_MAX && r < p.entities.size() && hover_row < 0; ++r)
    if (std::find(p.entities[r].mentions.begin(), p.entities[r].mentions.end(), hi) != p.entities[r].mentions.end()) hover_row = int(r);
  ImGuiListClipper clip_rows;
  clip_rows.Begin(int(p.entities.size()));
  if (a.panel_cursor_moved && cur >= 0) clip_rows.ForceDisplayRangeByIndices(cur, cur + 1);
  if (hover_row >= 0 && a.hover_row_shown != a.hover_id) clip_rows.ForceDisplayRangeByIndices(hover_row, hover_row + 1);
  while (clip_rows.Step()) {
    for (int r = clip_rows.DisplayStart; r < clip_rows.DisplayEnd; ++r) {
      const PanelLists::Entity& e = p.entities[size_t(r)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool focused = a.focus_entity == e.name;
      ImGui::PushID(r);
      const bool at_cursor = show_cursor && r == cur;  // the keyboard row
      std::string shown = e.role.empty() ? e.name : e.name + "  \u00B7 " + e.role;
      if (ImGui::Selectable(shown.c_str(), focused || at_cursor || r == hover_row, ImGuiSelectableFlags_SpanAllColumns)) {
        // Each click steps to the next mention.
        a.panel_cursor[0] = r;
        if (!focused) { a.focus_entity = e.name; a.focus_step = 0; }
        else a.focus_step = (a.focus_step + 1) % int(e.mentions.size());
        scroll_to_annotation(a, a.s->annotations[e.mentions[size_t(a.focus_step)]]);
      }
      mark_ui(a, "entity:" + e.name);
      if (ImGui::IsItemHovered()) a.panel_hover_id = a.s->annotations[e.mentions.front()].id;
      if (at_cursor) cursor_row(a, a.s->annotations[e.mentions.front()].id, ImGui::GetFrameHeight());
      if (r == hover_row) text_hover_row(a, ImGui::GetFrameHeight());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.kind.empty() ? "\u2014" : e.kind.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", e.mentions.size());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void claims_tab(App& a) {
  PanelLists& p = a.panel.lists;
  if (!p.suggested[1].empty()) {
    ImGui::TextDisabled("All claim suggestions:");
    ImGui::SameLine();
    if (suggestion_buttons(a, p.suggested[1], "claim suggestion", "claim suggestions", "claims")) return;
  }
  // Filters: speaker, rating, status; and the order.
  const float third = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##speaker", a.claim_speaker_filter.empty() ? "All speakers" : a.claim_speaker_filter.c_str())) {
    if (ImGui::Selectable("All speakers", a.claim_speaker_filter.empty())) a.claim_speaker_filter.clear();
    for (const std::string& s : p.speakers)
      if (ImGui::Selectable(s.c_str(), a.claim_speaker_filter == s)) a.claim_speaker_filter = s;
    ImGui::EndCombo();
  }
  const Rating* rating_filter = find_rating(*a.s, a.claim_rating_filter);
  ImGui::SetNextItemWidth(third);
  if (ImGui::BeginCombo("##rating-filter", rating_filter ? rating_filter->name.c_str() : a.claim_rating_filter == "-" ? "Not rated" : "All ratings")) {
    if (ImGui::Selectable("All ratings", a.claim_rating_filter.empty())) a.claim_rating_filter.clear();
    mark_ui(a, "claims:rating-filter:all");
    if (ImGui::Selectable("Not rated", a.claim_rating_filter == "-")) a.claim_rating_filter = "-";
    for (const Rating& r : a.s->ratings) {
      if (ImGui::Selectable(r.name.c_str(), a.claim_rating_filter == r.id)) a.claim_rating_filter = r.id;
      mark_ui(a, "claims:rating-filter:" + r.id);
    }
    ImGui::EndCombo();
  }
  mark_ui(a, "claims:rating-filter");
  ImGui::SameLine();
  static const char* kStatusNames[] = {"To check", "Checking", "Checked"};
  ImGui::SetNextItemWidth(third);
  if (ImGui::BeginCombo("##status-filter", a.claim_status_filter < 0 ? "Any status" : kStatusNames[a.claim_status_filter])) {
    if (ImGui::Selectable("Any status", a.claim_status_filter < 0)) a.claim_status_filter = -1;
    mark_ui(a, "claims:status-filter:any");
    for (int i = 0; i < 3; ++i) {
      if (ImGui::Selectable(kStatusNames[i], a.claim_status_filter == i)) a.claim_status_filter = i;
      mark_ui(a, std::string("claims:status-filter:") + to_string(ReviewStatus(i)));
    }
    ImGui::EndCombo();
  }
  mark_ui(a, "claims:status-filter");
  ImGui::SameLine();
  static const char* kOrders[] = {"Text order", "By rating", "By status"};
  ImGui::SetNextItemWidth(third);
  if (ImGui::BeginCombo("##claim-sort", kOrders[a.claim_sort])) {
    for (int i = 0; i < 3; ++i) {
      if (ImGui::Selectable(kOrders[i], a.claim_sort == i)) a.claim_sort = i;
      mark_ui(a, std::string("claims:sort:") + kOrders[i]);
    }
    ImGui::EndCombo();
  }
  mark_ui(a, "claims:sort");
  auto review_of = [&](size_t k) -> const Review* {
    const Annotation& an = a.s->annotations[p.claims[k]];
    return an.review ? &*an.review : nullptr;
  };
  std::vector<size_t> rows;
  for (size_t k = 0; k < p.claims.size(); ++k) {
    if (!a.claim_speaker_filter.empty() && p.claim_speaker[k] != a.claim_speaker_filter) continue;
    const Review* r = review_of(k);
    const std::string rating = r ? r->rating : std::string();
    if (!a.claim_rating_filter.empty() && (a.claim_rating_filter == "-" ? !rating.empty() : rating != a.claim_rating_filter)) continue;
    if (a.claim_status_filter >= 0 && int(r ? r->status : ReviewStatus::to_check) != a.claim_status_filter) continue;
    rows.push_back(k);
  }
  if (a.claim_sort) {
    // By rating: the scale's order (best first), unrated last. By status: checked first.
    auto rank = [&](size_t k) {
      const Review* r = review_of(k);
      if (a.claim_sort == 2) return 2 - int(r ? r->status : ReviewStatus::to_check);
      for (size_t i = 0; r && i < a.s->ratings.size(); ++i)
        if (a.s->ratings[i].id == r->rating) return int(i);
      return int(a.s->ratings.size());
    };
    std::stable_sort(rows.begin(), rows.end(), [&](size_t x, size_t y) { return rank(x) < rank(y); });
  }
  // F: only the keyboard row's speaker's claims; F again: everyone's.
  const bool filter_key = panel_keys(a) && pressed(kF, false) && !ImGui::GetIO().KeyShift;
  if (filter_key && !a.claim_speaker_filter.empty()) {
    a.claim_speaker_filter.clear();
    a.panel_cursor[1] = 0;
    a.panel_cursor_moved = 2;  // the whole list is drawn next frame
    return;
  }
  if (rows.empty()) {
    if (!p.claims.empty() && (!a.claim_rating_filter.empty() || a.claim_status_filter >= 0)) ImGui::TextDisabled("No claims with this rating and status.");
    else if (a.claim_speaker_filter.empty()) ImGui::TextDisabled("No claims. Select a statement and press 2.");
    else ImGui::TextDisabled("No claims by %s (F shows everyone's).", a.claim_speaker_filter.c_str());
    return;
  }
  const bool show_cursor = key_zone(a) == KeyZone::panels;
  int cur = move_cursor(a, 1, int(rows.size()));
  if (cur >= 0) {
    size_t k = rows[size_t(cur)];
    if (filter_key && !p.claim_speaker[k].empty()) {
      a.claim_speaker_filter = p.claim_speaker[k];
      a.panel_cursor[1] = 0;
      a.panel_cursor_moved = 2;  // the filtered list is drawn next frame
      return;
    }
    if (annotation_row_keys(a, a.s->annotations[p.claims[k]])) return;
  }
  const size_t hi = text_hover_index(a);
  int hover_row = -1;
  for (size_t r = 0; hi != SIZE_MAX && r < rows.size() && hover_row < 0; ++r)
    if (p.claims[rows[r]] == hi) hover_row = int(r);
  ImGui::BeginChild("##claims");
  ImGuiListClipper clip_rows;
  clip_rows.Begin(int(rows.size()), ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y);
  if (a.panel_cursor_moved && cur >= 0) clip_rows.ForceDisplayRangeByIndices(cur, cur + 1);
  if (hover_row >= 0 && a.hover_row_shown != a.hover_id) clip_rows.ForceDisplayRangeByIndices(hover_row, hover_row + 1);
  while (clip_rows.Step()) {
    for (int r = clip_rows.DisplayStart; r < clip_rows.DisplayEnd; ++r) {
      size_t k = rows[size_t(r)];
      const Annotation& an = a.s->annotations[p.claims[k]];
      std::string cue = cue_of(an);
      const std::string& who = p.claim_speaker[k];
      ImGui::PushID(r);
      const bool at_cursor = show_cursor && r == cur;  // the keyboard row
      std::string head = (who.empty() ? std::string("(speaker not named)") : who) + (cue.empty() ? "" : " \u2014 " + cue);
      if (an.status == Status::suggested) head += "  \u00B7 suggestion";
      ImGui::Selectable(head.c_str(), a.active_id == an.id || a.hover_id == an.id || at_cursor);
      row_interaction(a, an, 1, r);
      if (at_cursor) cursor_row(a, an.id, 0);
      if (r == hover_row) text_hover_row(a, 0);
      // The review: the rating's colour and name, and the status.
      const Rating* rating = an.review ? find_rating(*a.s, an.review->rating) : nullptr;
      if (rating) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x + 8, at.y + h * 0.15f), ImVec2(at.x + 8 + h * 0.75f, at.y + h * 0.9f), label_color(rating->color, 1), 2);
        ImGui::Dummy(ImVec2(8 + h * 0.75f, h));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(rating->name.c_str());
        ImGui::SameLine();
      }
      if (an.review) {
        ImGui::TextDisabled("%s%s", rating ? "\u00B7 " : "  ", kStatusNames[int(an.review->status)]);
        mark_ui(a, "claims:review:" + an.id);
        ImGui::SameLine();
      }
      ImGui::TextDisabled("  %s", clip(annotation_text(a, an), an.review ? 40 : 70).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

void numbers_tab(App& a) {
  PanelLists& p = a.panel.lists;
  PanelCache& c = a.panel;  // the numbers in the order shown
  if (!p.suggested[2].empty()) {
    ImGui::TextDisabled("All number suggestions:");
    ImGui::SameLine();
    if (suggestion_buttons(a, p.suggested[2], "number suggestion", "number suggestions", "numbers")) return;
  }
  if (c.number_rows.empty()) { ImGui::TextDisabled("No numbers. Select one and press 3."); return; }
  const bool show_cursor = key_zone(a) == KeyZone::panels;
  int cur = move_cursor(a, 2, int(c.number_rows.size()));
  if (cur >= 0 && annotation_row_keys(a, a.s->annotations[c.number_rows[size_t(cur)]])) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("##numbers", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Number", ImGuiTableColumnFlags_DefaultSort, 1.2f);
  ImGui::TableSetupColumn("Value", 0, 1.2f);
  ImGui::TableSetupColumn("Kind", 0, 1);
  ImGui::TableSetupColumn("Counts", 0, 1.2f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0 && panel_keys(a) && pressed(kS, false)) {
    // S sorts by the next column, Shift+S reverses the order (from what the table shows).
    int col = spec->Specs[0].ColumnIndex;
    bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    if (ImGui::GetIO().KeyShift) asc = !asc;
    else { col = (col + 1) % 4; asc = true; }
    ImGui::TableSetColumnSortDirection(col, asc ? ImGuiSortDirection_Ascending : ImGuiSortDirection_Descending, false);
  }
  if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
    int col = spec->Specs[0].ColumnIndex;
    bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    if (spec->SpecsDirty || col != c.number_sort_col || asc != c.number_sort_asc) {
      auto key_less = [&](size_t i, size_t j) {
        const Annotation &x = a.s->annotations[i], &y = a.s->annotations[j];
        if (col == 1) return number_key(x) < number_key(y);
        if (col == 2) return attr(x, "kind") < attr(y, "kind");
        if (col == 3) return attr(x, "counted") < attr(y, "counted");
        return x.start < y.start;
      };
      // The keyboard row stays on its number wherever the new order puts it.
      size_t cursor_number = cur >= 0 ? c.number_rows[size_t(cur)] : SIZE_MAX;
      std::stable_sort(c.number_rows.begin(), c.number_rows.end(), [&](size_t i, size_t j) { return asc ? key_less(i, j) : key_less(j, i); });
      if (cursor_number != SIZE_MAX) {
        cur = a.panel_cursor[2] = int(std::find(c.number_rows.begin(), c.number_rows.end(), cursor_number) - c.number_rows.begin());
        a.panel_cursor_moved = 1;
      }
      c.number_sort_col = col;
      c.number_sort_asc = asc;
      spec->SpecsDirty = false;
    }
  }
  const size_t hi = text_hover_index(a);
  int hover_row = -1;
  for (size_t r = 0; hi != SIZE_MAX && r < c.number_rows.size() && hover_row < 0; ++r)
    if (c.number_rows[r] == hi) hover_row = int(r);
  ImGuiListClipper clip_rows;
  clip_rows.Begin(int(c.number_rows.size()));
  if (a.panel_cursor_moved && cur >= 0) clip_rows.ForceDisplayRangeByIndices(cur, cur + 1);
  if (hover_row >= 0 && a.hover_row_shown != a.hover_id) clip_rows.ForceDisplayRangeByIndices(hover_row, hover_row + 1);
  while (clip_rows.Step()) {
    for (int r = clip_rows.DisplayStart; r < clip_rows.DisplayEnd; ++r) {
      const Annotation& an = a.s->annotations[c.number_rows[size_t(r)]];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(r);
      const bool at_cursor = show_cursor && r == cur;  // the keyboard row
      std::string t = clip(annotation_text(a, an), 40);
      if (an.status == Status::suggested) t += " \u00B7";
      ImGui::Selectable(t.c_str(), a.active_id == an.id || a.hover_id == an.id || at_cursor, ImGuiSelectableFlags_SpanAllColumns);
      row_interaction(a, an, 2, r);
      if (at_cursor) cursor_row(a, an.id, ImGui::GetFrameHeight());
      if (r == hover_row) text_hover_row(a, ImGui::GetFrameHeight());
      // One context at a time: while the panels have the keyboard, the keyboard row's.
      if ((ImGui::IsItemHovered() && !show_cursor && !a.keyboard_mode) || at_cursor) {
        // Context: the text around the number (for the keyboard row, beside the panel).
        if (at_cursor)
          ImGui::SetNextWindowPos(ImVec2(ImGui::GetWindowPos().x - 12, ImGui::GetItemRectMin().y), ImGuiCond_Always, ImVec2(1, 0));
        size_t b = a.s->index.to_byte(size_t(an.start)), e = a.s->index.to_byte(size_t(an.end));
        size_t cb = b > 80 ? b - 80 : 0, ce = std::min(a.s->doc.text.size(), e + 80);
        while (cb > 0 && (static_cast<unsigned char>(a.s->doc.text[cb]) & 0xC0) == 0x80) --cb;
        while (ce < a.s->doc.text.size() && (static_cast<unsigned char>(a.s->doc.text[ce]) & 0xC0) == 0x80) ++ce;
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(340);
        ImGui::TextUnformatted(("\u2026" + clip(a.s->doc.text.substr(cb, ce - cb), 400) + "\u2026").c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImGui::TableNextColumn();
      std::string v;
      if (!an.attrs.value.is_null()) {
        const json& val = an.attrs.value;
        v = val.is_string() ? val.get<std::string>() : val.dump();
        std::string on = resolved_date(an.attrs, a.s->doc.meta.published);
        if (!on.empty()) v += " = " + on;
      }
      if (an.attrs.approx) v = "~" + v;
      if (attr(an, "bound") == "min") v = "\u2265 " + v;
      if (attr(an, "bound") == "max") v = "\u2264 " + v;
      ImGui::TextUnformatted(v.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(attr(an, "kind").c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(attr(an, "counted").c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void notes_tab(App& a) {
  PanelLists& p = a.panel.lists;
  if (p.notes.empty()) { ImGui::TextDisabled("Your annotations and notes appear here."); return; }
  const bool show_cursor = key_zone(a) == KeyZone::panels;
  int cur = move_cursor(a, 3, int(p.notes.size()));
  if (cur >= 0 && annotation_row_keys(a, a.s->annotations[p.notes[size_t(cur)]])) return;
  const size_t hi = text_hover_index(a);
  int hover_row = -1;
  for (size_t r = 0; hi != SIZE_MAX && r < p.notes.size() && hover_row < 0; ++r)
    if (p.notes[r] == hi) hover_row = int(r);
  // Notes wrap, so rows differ in height: a row off screen is only blank space of its height
  // (ImGuiListClipper needs rows of one height).
  ImGui::BeginChild("##notes");
  const float indent = ImGui::CalcTextSize("  ").x, sp = ImGui::GetStyle().ItemSpacing.y;
  const float wrap_w = std::max(40.0f, ImGui::GetContentRegionAvail().x - indent);
  for (int r = 0; r < int(p.notes.size()); ++r) {
    const Annotation& an = a.s->annotations[p.notes[size_t(r)]];
    const std::string note = clip(an.note, 2000);
    const float note_h = an.note.empty() ? ImGui::GetTextLineHeight() : ImGui::CalcTextSize(note.c_str(), nullptr, false, wrap_w).y;
    const float row_h = ImGui::GetTextLineHeight() + sp + note_h;
    const bool needed = (r == cur && a.panel_cursor_moved) || (r == hover_row && a.hover_row_shown != a.hover_id);
    if (!needed && !ImGui::IsRectVisible(ImVec2(1, row_h))) { ImGui::Dummy(ImVec2(1, row_h)); continue; }
    const Label* lab = find_label(a, an.label);
    ImGui::PushID(r);
    const bool at_cursor = show_cursor && r == cur;  // the keyboard row
    std::string head = (lab ? lab->name : an.label) + ": \u201C" + clip(annotation_text(a, an), 60) + "\u201D";
    ImGui::Selectable(head.c_str(), a.active_id == an.id || a.hover_id == an.id || at_cursor);
    row_interaction(a, an, 3, r);
    if (at_cursor) cursor_row(a, an.id, 0);
    if (r == hover_row) text_hover_row(a, 0);
    ImGui::Indent(indent);
    if (!an.note.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(note.c_str());
      ImGui::PopTextWrapPos();
      mark_ui(a, "note:" + an.id);
    } else {
      ImGui::TextDisabled("(no note)");
    }
    ImGui::Unindent(indent);
    ImGui::PopID();
  }
  ImGui::EndChild();
}

// Annotations whose text is gone from this version of the article: never dropped, saved again.
void orphans_tab(App& a) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("These annotations were made on another version of the article and their text is not in this one. They stay in the file when you save.");
  ImGui::PopTextWrapPos();
  ImGui::BeginChild("##orphans");
  for (size_t i = 0; i < a.s->orphans.size(); ++i) {
    const Annotation& o = a.s->orphans[i];
    const Label* lab = find_label(a, o.label);
    ImGui::PushID(int(i));
    ImGui::TextUnformatted(((lab ? lab->name : o.label) + ": \u201C" + clip(o.quote.exact, 80) + "\u201D").c_str());
    mark_ui(a, "orphan:" + o.id);
    if (!o.note.empty()) ImGui::TextDisabled("  %s", clip(o.note, 80).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

void draw_panels(App& a, float x, float y, float w, float h) {
  a.panel_hover_id.clear();
  if (a.hover_id.empty()) a.hover_row_shown.clear();  // the next hover brings its row on screen again
  a.panel_cursor_id.clear();
  refresh(a);
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(w, h));
  ImGui::Begin("##panels", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoNavInputs);
  // Tab ids (ViewSettings::panel_tab) in the order shown; Orphans only when there are some.
  static const char* kTabs[] = {"Actors", "Claims", "Numbers", "Notes", "Orphans", "Graph", "Timeline"};
  static const int kOrder[] = {0, 1, 2, 3, 5, 6, 4};
  const int tabs = a.s->orphans.empty() ? 6 : 7;
  const int at = int(std::find(kOrder, kOrder + tabs, a.view.panel_tab) - kOrder) % tabs;
  // In the Graph tab the arrows move between nodes: Shift+Left / Right change tabs there.
  const bool graph_arrows = a.view.panel_tab == 5;
  if (panel_keys(a) && ImGui::GetIO().KeyShift == graph_arrows) {
    // Left / Right: the neighbouring tab. Esc: back to the page.
    if (pressed(kLeft)) a.panel_tab_request = kOrder[(at + tabs - 1) % tabs];
    if (pressed(kRight)) a.panel_tab_request = kOrder[(at + 1) % tabs];
  }
  if (panel_keys(a) && pressed(kEscape, false)) a.focus_request = App::FocusRequest::page;
  const bool has_keyboard = key_zone(a) == KeyZone::panels;
  if (has_keyboard && (!a.panels_had_keyboard || a.panel_tab_drawn != a.view.panel_tab)) a.panel_cursor_moved = 1;  // show the row again
  a.panels_had_keyboard = has_keyboard;
  a.panel_tab_drawn = a.view.panel_tab;
  if (has_keyboard) {
    // The panels have the keyboard: say so with a frame in the navigation colour.
    ImVec2 mn = ImGui::GetWindowPos(), mx = ImVec2(mn.x + ImGui::GetWindowWidth(), mn.y + ImGui::GetWindowHeight());
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(mn.x + 1, mn.y + 1), ImVec2(mx.x - 1, mx.y - 1), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 2);
  }
  if (ImGui::BeginTabBar("##tabs")) {
    for (int k = 0; k < tabs; ++k) {
      const int i = kOrder[k];
      ImGuiTabItemFlags f = 0;
      if ((a.view.panel_tab == i && ImGui::GetFrameCount() < 3) || a.panel_tab_request == i) f |= ImGuiTabItemFlags_SetSelected;
      bool open = ImGui::BeginTabItem(kTabs[i], nullptr, f);
      mark_ui(a, std::string("tab:") + kTabs[i]);
      if (open) {
        a.view.panel_tab = i;
        if (i == 0) actors_tab(a);
        if (i == 1) claims_tab(a);
        if (i == 2) numbers_tab(a);
        if (i == 3) notes_tab(a);
        if (i == 4) orphans_tab(a);
        if (i == 5) draw_graph_tab(a);
        if (i == 6) draw_timeline_tab(a);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  if (a.panel_tab_request == a.view.panel_tab) a.panel_tab_request = -1;
  if (a.panel_cursor_moved > 0) --a.panel_cursor_moved;
  ImGui::End();
}

}  // namespace lede
