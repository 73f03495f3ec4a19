// Side panels: Actors, Claims, Numbers and Notes. Each lists annotations of the open article;
// hovering an item marks its span in the text, clicking brings it on screen.
#include <algorithm>
#include <cstdio>
#include <map>

#include "app/reader.hpp"
#include "imgui.h"

namespace lede {

namespace {

std::string attr(const Annotation& an, const char* key) {
  auto it = an.attrs.find(key);
  return it != an.attrs.end() && it->is_string() ? it->get<std::string>() : std::string();
}

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

bool shown(const Annotation& an) { return an.status != Status::rejected; }

// Row behaviour shared by every list: hover links to the text, click jumps there and opens it.
void row_interaction(App& a, const Annotation& an) {
  mark_ui(a, "row:" + an.id);
  if (ImGui::IsItemHovered()) a.panel_hover_id = an.id;
  if (ImGui::IsItemClicked()) {
    a.active_id = an.id;
    scroll_to_annotation(a, an);
  }
}

void suggestion_buttons(App& a, const std::vector<std::string>& ids, const char* what, const char* id_suffix) {
  if (ids.empty()) return;
  char label[64];
  std::snprintf(label, sizeof label, "Accept %zu##acc%s", ids.size(), id_suffix);
  bool accept = ImGui::SmallButton(label);
  mark_ui(a, std::string("accept:") + id_suffix);
  ImGui::SameLine();
  std::snprintf(label, sizeof label, "Reject %zu##rej%s", ids.size(), id_suffix);
  bool reject = ImGui::SmallButton(label);
  mark_ui(a, std::string("reject:") + id_suffix);
  if (accept) set_status_of(a, ids, Status::accepted, std::string("Accepted ") + std::to_string(ids.size()) + " " + what);
  if (reject) set_status_of(a, ids, Status::rejected, std::string("Rejected ") + std::to_string(ids.size()) + " " + what);
}

std::vector<std::string> suggested_ids(const App& a, const char* label) {
  std::vector<std::string> ids;
  for (const Annotation& an : a.annotations)
    if (an.status == Status::suggested && an.label == label) ids.push_back(an.id);
  return ids;
}

void actors_tab(App& a) {
  struct Entity {
    std::string kind, role;
    std::vector<const Annotation*> mentions;
    std::vector<std::string> suggested;
  };
  std::map<std::string, Entity> entities;
  for (const Annotation& an : a.annotations) {
    if (an.label != "actor" || !shown(an)) continue;
    std::string name = attr(an, "entity");
    if (name.empty()) name = annotation_text(a, an);
    Entity& e = entities[name];
    if (e.kind.empty()) e.kind = attr(an, "kind");
    if (e.role.empty()) e.role = attr(an, "role");
    e.mentions.push_back(&an);
    if (an.status == Status::suggested) e.suggested.push_back(an.id);
  }
  std::vector<std::string> all = suggested_ids(a, "actor");
  if (!all.empty()) {
    ImGui::TextDisabled("All actor suggestions:");
    ImGui::SameLine();
    suggestion_buttons(a, all, "actor suggestions", "actors");
  }
  if (entities.empty()) ImGui::TextDisabled("No actors yet. Select a name and press 1.");
  if (!ImGui::BeginTable("##actors", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Actor", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 28);
  ImGui::TableHeadersRow();
  for (auto& [name, e] : entities) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool focused = a.focus_entity == name;
    ImGui::PushID(name.c_str());
    if (ImGui::Selectable(name.c_str(), focused, ImGuiSelectableFlags_SpanAllColumns)) {
      // Each click steps to the next mention.
      if (!focused) { a.focus_entity = name; a.focus_step = 0; }
      else a.focus_step = (a.focus_step + 1) % int(e.mentions.size());
      const Annotation* m = e.mentions[size_t(a.focus_step)];
      scroll_to_annotation(a, *m);
    }
    mark_ui(a, "entity:" + name);
    if (ImGui::IsItemHovered() && !e.mentions.empty()) a.panel_hover_id = e.mentions.front()->id;
    if (!e.role.empty()) ImGui::TextDisabled("  %s", e.role.c_str());
    if (focused && !e.suggested.empty()) {
      ImGui::Indent();
      suggestion_buttons(a, e.suggested, ("mentions of " + name).c_str(), "entity");
      ImGui::Unindent();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.kind.empty() ? "\u2014" : e.kind.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%zu", e.mentions.size());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void claims_tab(App& a) {
  std::vector<std::string> speakers;
  for (const Annotation& an : a.annotations) {
    if (an.label != "claim" || !shown(an)) continue;
    const json& sp = an.attrs.contains("speaker") ? an.attrs["speaker"] : json();
    std::string who = sp.is_object() ? sp.value("entity", sp.value("text", "")) : "";
    if (!who.empty() && std::find(speakers.begin(), speakers.end(), who) == speakers.end()) speakers.push_back(who);
  }
  std::sort(speakers.begin(), speakers.end());
  std::vector<std::string> all = suggested_ids(a, "claim");
  if (!all.empty()) {
    ImGui::TextDisabled("All claim suggestions:");
    ImGui::SameLine();
    suggestion_buttons(a, all, "claim suggestions", "claims");
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##speaker", a.claim_speaker_filter.empty() ? "All speakers" : a.claim_speaker_filter.c_str())) {
    if (ImGui::Selectable("All speakers", a.claim_speaker_filter.empty())) a.claim_speaker_filter.clear();
    for (const std::string& s : speakers)
      if (ImGui::Selectable(s.c_str(), a.claim_speaker_filter == s)) a.claim_speaker_filter = s;
    ImGui::EndCombo();
  }
  int n = 0;
  ImGui::BeginChild("##claims");
  for (const Annotation& an : a.annotations) {
    if (an.label != "claim" || !shown(an)) continue;
    const json& sp = an.attrs.contains("speaker") ? an.attrs["speaker"] : json();
    std::string who = sp.is_object() ? sp.value("entity", sp.value("text", "")) : "";
    if (!a.claim_speaker_filter.empty() && who != a.claim_speaker_filter) continue;
    std::string cue = an.attrs.contains("cue") && an.attrs["cue"].is_object() ? an.attrs["cue"].value("text", "") : "";
    ImGui::PushID(an.id.c_str());
    std::string head = (who.empty() ? std::string("(speaker not named)") : who) + (cue.empty() ? "" : " \u2014 " + cue);
    if (an.status == Status::suggested) head += "  \u00B7 suggestion";
    ImGui::Selectable(head.c_str(), a.active_id == an.id || a.hover_id == an.id);
    row_interaction(a, an);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", clip(annotation_text(a, an), 240).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::PopID();
    ++n;
  }
  if (n == 0) ImGui::TextDisabled("No claims. Select a statement and press 2.");
  ImGui::EndChild();
}

void numbers_tab(App& a) {
  std::vector<const Annotation*> rows;
  for (const Annotation& an : a.annotations)
    if (an.label == "number" && shown(an)) rows.push_back(&an);
  std::vector<std::string> all = suggested_ids(a, "number");
  if (!all.empty()) {
    ImGui::TextDisabled("All number suggestions:");
    ImGui::SameLine();
    suggestion_buttons(a, all, "number suggestions", "numbers");
  }
  if (rows.empty()) { ImGui::TextDisabled("No numbers. Select one and press 3."); return; }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("##numbers", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Number", ImGuiTableColumnFlags_DefaultSort, 1.2f);
  ImGui::TableSetupColumn("Value", 0, 1.2f);
  ImGui::TableSetupColumn("Kind", 0, 1);
  ImGui::TableSetupColumn("Counts", 0, 1.2f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
    int col = spec->Specs[0].ColumnIndex;
    bool asc = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    auto key_num = [](const Annotation* x) {
      auto it = x->attrs.find("value");
      if (it != x->attrs.end() && it->is_number()) return it->get<double>();
      if (it != x->attrs.end() && it->is_array() && !it->empty() && (*it)[0].is_number()) return (*it)[0].get<double>();
      return 1e300;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Annotation* x, const Annotation* y) {
      bool less;
      if (col == 0) less = x->start < y->start;
      else if (col == 1) less = key_num(x) < key_num(y);
      else if (col == 2) less = attr(*x, "kind") < attr(*y, "kind");
      else less = attr(*x, "counted") < attr(*y, "counted");
      bool greater;
      if (col == 0) greater = y->start < x->start;
      else if (col == 1) greater = key_num(y) < key_num(x);
      else if (col == 2) greater = attr(*y, "kind") < attr(*x, "kind");
      else greater = attr(*y, "counted") < attr(*x, "counted");
      return asc ? less : greater;
    });
  }
  for (const Annotation* an : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(an->id.c_str());
    std::string t = clip(annotation_text(a, *an), 40);
    if (an->status == Status::suggested) t += " \u00B7";
    ImGui::Selectable(t.c_str(), a.active_id == an->id || a.hover_id == an->id, ImGuiSelectableFlags_SpanAllColumns);
    row_interaction(a, *an);
    if (ImGui::IsItemHovered()) {
      // Context: the sentence around the number.
      size_t b = a.index.to_byte(size_t(an->start)), e = a.index.to_byte(size_t(an->end));
      size_t cb = b > 80 ? b - 80 : 0, ce = std::min(a.doc.text.size(), e + 80);
      while (cb > 0 && (static_cast<unsigned char>(a.doc.text[cb]) & 0xC0) == 0x80) --cb;
      while (ce < a.doc.text.size() && (static_cast<unsigned char>(a.doc.text[ce]) & 0xC0) == 0x80) ++ce;
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(340);
      ImGui::TextUnformatted(("\u2026" + clip(a.doc.text.substr(cb, ce - cb), 400) + "\u2026").c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::TableNextColumn();
    std::string v;
    if (an->attrs.contains("value")) {
      const json& val = an->attrs["value"];
      v = val.is_string() ? val.get<std::string>() : val.dump();
    }
    if (an->attrs.value("approx", false)) v = "~" + v;
    if (attr(*an, "bound") == "min") v = "\u2265 " + v;
    if (attr(*an, "bound") == "max") v = "\u2264 " + v;
    ImGui::TextUnformatted(v.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(attr(*an, "kind").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(attr(*an, "counted").c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void notes_tab(App& a) {
  int n = 0;
  ImGui::BeginChild("##notes");
  for (const Annotation& an : a.annotations) {
    if (an.origin != Origin::user && an.note.empty()) continue;
    if (!shown(an)) continue;
    const Label* lab = find_label(a, an.label);
    ImGui::PushID(an.id.c_str());
    std::string head = (lab ? lab->name : an.label) + ": \u201C" + clip(annotation_text(a, an), 60) + "\u201D";
    ImGui::Selectable(head.c_str(), a.active_id == an.id || a.hover_id == an.id);
    row_interaction(a, an);
    ImGui::PushTextWrapPos(0);
    if (!an.note.empty()) ImGui::TextUnformatted(an.note.c_str());
    else ImGui::TextDisabled("(no note)");
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::PopID();
    ++n;
  }
  if (n == 0) ImGui::TextDisabled("Your annotations and notes appear here.");
  ImGui::EndChild();
}

}  // namespace

void draw_panels(App& a, float x, float y, float w, float h) {
  a.panel_hover_id.clear();
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(w, h));
  ImGui::Begin("##panels", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  static const char* kTabs[] = {"Actors", "Claims", "Numbers", "Notes"};
  if (ImGui::BeginTabBar("##tabs")) {
    for (int i = 0; i < 4; ++i) {
      ImGuiTabItemFlags f = 0;
      if (a.view.panel_tab == i && ImGui::GetFrameCount() < 3) f |= ImGuiTabItemFlags_SetSelected;
      bool open = ImGui::BeginTabItem(kTabs[i], nullptr, f);
      mark_ui(a, std::string("tab:") + kTabs[i]);
      if (open) {
        a.view.panel_tab = i;
        if (i == 0) actors_tab(a);
        if (i == 1) claims_tab(a);
        if (i == 2) numbers_tab(a);
        if (i == 3) notes_tab(a);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace lede
