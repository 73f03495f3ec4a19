// The fact-checker's workbench in the reader (issue 13): a claim's review on its card (rating,
// status, explanation, evidence, reviewer, date), corrections of speakers and entities, the
// rating scale (Edit > Ratings…), the article's details (File > Article details…) and the
// reviewer's name (View > Settings…). The operations themselves live in core/review.hpp.
#include <algorithm>
#include <cstdio>

#include "app/reader.hpp"
#include "core/review.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lede {

namespace {

enum Key { k0 = 48, k1 = 49, kE = 69, kP = 80, kS = 83, kV = 86, kEnter = 13, kEscape = 27, kNumpad1 = 97 };
bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }

const char* status_name(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::to_check: return "To check";
    case ReviewStatus::checking: return "Checking";
    case ReviewStatus::checked: return "Checked";
  }
  return "";
}

// A small square of a rating's colour before its name: the colour is never the only sign.
void chip(const std::string& color) {
  const float h = ImGui::GetTextLineHeight();
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (ImGui::GetFrameHeight() - h) * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y + h * 0.1f), ImVec2(p.x + h * 0.8f, y + h * 0.9f), label_color(color, 1), 2);
  ImGui::Dummy(ImVec2(h * 0.8f, ImGui::GetFrameHeight()));
  ImGui::SameLine(0, 4);
}

// A modal opened by a request flag; true while it is shown (EndPopup then).
bool begin_modal(const char* name, bool* request) {
  if (*request) {
    ImGui::OpenPopup(name);
    *request = false;
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  return ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
}

// The first field of a dialog takes the keyboard when it opens.
void focus_first(bool* focus) {
  if (*focus) {
    ImGui::SetKeyboardFocusHere();
    *focus = false;
  }
}

bool escape() { return ImGui::IsKeyPressed(kEscape, false); }

Review review_of(const App& a, const std::string& id) {
  const Annotation* an = find_annotation(*a.s, id);
  return an && an->review ? *an->review : Review{};
}

void open_evidence(App& a, const std::string& claim_id, int index) {
  a.evidence = App::EvidenceEdit{};
  a.evidence.request = a.evidence.focus = true;
  a.evidence.claim_id = claim_id;
  a.evidence.index = index;
  Review r = review_of(a, claim_id);
  if (index >= 0 && size_t(index) < r.evidence.size()) a.evidence.ev = r.evidence[size_t(index)];
}

void open_speaker(App& a, const Annotation& an) {
  a.speaker = App::SpeakerEdit{};
  a.speaker.request = a.speaker.focus = true;
  a.speaker.claim_id = an.id;
  a.speaker.name = claim_speaker(an.attrs);
  a.speaker.cue = claim_cue(an.attrs);
}

void set_review_status(App& a, const std::string& id, ReviewStatus to) {
  Review r = review_of(a, id);
  r.status = to;
  review_claim(a, id, r);
}

void open_entity(App& a, const Annotation& an) {
  a.entity = App::EntityEdit{};
  a.entity.request = a.entity.focus = true;
  a.entity.mention_id = an.id;
  a.entity.name = an.attrs.entity.empty() ? annotation_text(a, an) : an.attrs.entity;
}

void set_rating(App& a, const std::string& id, const std::string& rating) {
  Review r = review_of(a, id);
  r.rating = rating;
  review_claim(a, id, r);
}

void draw_evidence_dialog(App& a) {
  App::EvidenceEdit& e = a.evidence;
  if (!begin_modal("Evidence", &e.request)) return;
  mark_ui(a, "window:evidence");
  ImGui::TextDisabled("A source for the review: a link, a quoted passage, or both.");
  ImGui::SetNextItemWidth(420);
  focus_first(&e.focus);
  bool keep = ImGui::InputTextWithHint("URL", "https://\u2026", &e.ev.url, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "evidence:url");
  ImGui::TextDisabled("Quote (Ctrl+Enter to keep it)");
  std::string quote;
  if (wrapped_field(a, "##evidence-quote", e.claim_id + ":" + std::to_string(e.index), e.ev.quote, 420, 4, &quote)) e.ev.quote = quote;
  mark_ui(a, "evidence:quote");
  ImGui::SetNextItemWidth(420);
  keep |= ImGui::InputTextWithHint("Note", "what it shows", &e.ev.note, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "evidence:note");
  if (!e.error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1), "%s", e.error.c_str());
  keep |= ImGui::Button("Keep (Enter)");
  mark_ui(a, "evidence:keep");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel (Esc)") || escape();
  if (keep) {
    Evidence ev = e.ev;
    while (!ev.url.empty() && ev.url.back() == ' ') ev.url.pop_back();
    while (!ev.url.empty() && ev.url.front() == ' ') ev.url.erase(0, 1);
    if (!ev.url.empty() && !is_http_url(ev.url)) e.error = "A link starts with http:// or https:// (\u201C" + ev.url + "\u201D does not).";
    else if (ev.url.empty() && ev.quote.empty() && ev.note.empty()) e.error = "Give a link, a quote or a note.";
    else {
      Review r = review_of(a, e.claim_id);
      if (e.index >= 0 && size_t(e.index) < r.evidence.size()) r.evidence[size_t(e.index)] = ev;
      else r.evidence.push_back(ev);
      ImGui::CloseCurrentPopup();
      a.focus_request = App::FocusRequest::page;
      review_claim(a, e.claim_id, r);
    }
  }
  if (cancel && !keep) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
  }
  ImGui::EndPopup();
}

void draw_speaker_dialog(App& a) {
  App::SpeakerEdit& e = a.speaker;
  if (!begin_modal("Speaker", &e.request)) return;
  mark_ui(a, "window:speaker");
  ImGui::TextDisabled("Who makes the claim: pick an actor of the article or type a name.");
  ImGui::SetNextItemWidth(360);
  focus_first(&e.focus);
  bool keep = ImGui::InputTextWithHint("Speaker", "not named", &e.name, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "speaker:name");
  ImGui::BeginChild("##actors", ImVec2(360, ImGui::GetTextLineHeightWithSpacing() * 6), true);
  for (const std::string& name : actor_entities(*a.s)) {
    if (ImGui::Selectable(name.c_str(), name == e.name)) e.name = name;
    mark_ui(a, "speaker:actor:" + name);
  }
  ImGui::EndChild();
  ImGui::SetNextItemWidth(360);
  keep |= ImGui::InputTextWithHint("Cue", "said, claimed, according to\u2026", &e.cue, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "speaker:cue");
  keep |= ImGui::Button("Keep (Enter)");
  mark_ui(a, "speaker:keep");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel (Esc)") || escape();
  if (keep) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
    if (const Annotation* an = find_annotation(*a.s, e.claim_id)) {
      std::optional<SpanAttr> speaker, cue;
      if (e.name != claim_speaker(an->attrs)) speaker = speaker_named(*a.s, e.name);
      if (e.cue != claim_cue(an->attrs)) cue = cue_named(*a.s, *an, e.cue);
      show_outcome(a, correct_claim(*a.s, e.claim_id, speaker, cue, now_iso(a)));
    }
  } else if (cancel) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
  }
  ImGui::EndPopup();
}

// An actor mention's entity (move it to another, or split it off under a new name), or an
// entity merged into another (from the Actors panel: mention_id empty, `from` set).
void draw_entity_dialog(App& a) {
  App::EntityEdit& e = a.entity;
  const bool merging = e.mention_id.empty();
  if (!begin_modal(merging ? "Merge entity###entity" : "Entity###entity", &e.request)) return;
  mark_ui(a, "window:entity");
  if (merging) ImGui::Text("Merge \u201C%s\u201D into:", e.from.c_str());
  else ImGui::TextDisabled("Who this mention is: pick an entity, or type a new name to split it off.");
  ImGui::SetNextItemWidth(360);
  focus_first(&e.focus);
  bool keep = ImGui::InputTextWithHint("Entity", "a name", &e.name, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "entity:name");
  ImGui::BeginChild("##entities", ImVec2(360, ImGui::GetTextLineHeightWithSpacing() * 6), true);
  for (const std::string& name : actor_entities(*a.s)) {
    if (merging && name == e.from) continue;
    if (ImGui::Selectable(name.c_str(), name == e.name)) e.name = name;
    mark_ui(a, "entity:pick:" + name);
  }
  ImGui::EndChild();
  keep |= ImGui::Button(merging ? "Merge (Enter)" : "Keep (Enter)");
  mark_ui(a, "entity:keep");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel (Esc)") || escape();
  if (keep || cancel) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
  }
  if (keep) {
    if (merging) show_outcome(a, merge_entities(*a.s, e.from, e.name, now_iso(a)));
    else show_outcome(a, set_entity(*a.s, e.mention_id, e.name, now_iso(a)));
    if (merging) a.focus_entity = e.name;
  }
  ImGui::EndPopup();
}

void commit_pending_review(App& a) {
  App::PendingReview p = std::move(a.pending_review);
  a.pending_review = App::PendingReview{};
  show_outcome(a, set_review(*a.s, p.id, p.review, a.view.reviewer, now_iso(a)));
}

void draw_reviewer_dialog(App& a) {
  App::PendingReview& p = a.pending_review;
  if (!begin_modal("Your name", &p.request)) return;
  mark_ui(a, "window:reviewer");
  ImGui::TextUnformatted("Reviews carry the reviewer\u2019s name. Yours is kept in this browser\n(View > Settings\u2026 changes it).");
  ImGui::SetNextItemWidth(320);
  focus_first(&p.focus);
  bool keep = ImGui::InputTextWithHint("##reviewer", "Your name", &p.name, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "reviewer:name");
  keep |= ImGui::Button("Keep (Enter)");
  mark_ui(a, "reviewer:keep");
  ImGui::SameLine();
  bool skip = ImGui::Button("Not now (Esc)") || escape();
  if (keep || skip) {
    a.reviewer_asked = true;
    if (keep) {
      std::string name = p.name;
      while (!name.empty() && name.back() == ' ') name.pop_back();
      a.view.reviewer = name;
    }
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
    commit_pending_review(a);  // the review is made either way
  }
  ImGui::EndPopup();
}

void draw_settings_dialog(App& a) {
  if (a.settings_request) {
    a.settings_reviewer = a.view.reviewer;
    a.settings_checks_url = a.view.checks_url;
    a.settings_error.clear();
  }
  if (!begin_modal("Settings", &a.settings_request)) return;
  mark_ui(a, "window:settings");
  ImGui::SetNextItemWidth(320);
  focus_first(&a.settings_focus);
  bool keep = ImGui::InputTextWithHint("Your name (on your reviews)", "Your name", &a.settings_reviewer, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "settings:reviewer");
  ImGui::SetNextItemWidth(320);
  keep |= ImGui::InputTextWithHint("Where your checks are published", "https://\u2026", &a.settings_checks_url, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_ui(a, "settings:checks-url");
  ImGui::TextDisabled("ClaimReview exports link each check there (its url, plus #claim-N).");
  if (!a.settings_error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1), "%s", a.settings_error.c_str());
  keep |= ImGui::Button("Keep (Enter)");
  mark_ui(a, "settings:keep");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel (Esc)") || escape();
  std::string url = a.settings_checks_url;
  while (!url.empty() && url.back() == ' ') url.pop_back();
  while (!url.empty() && url.front() == ' ') url.erase(0, 1);
  if (keep && !url.empty() && !is_http_url(url)) {
    a.settings_error = "The address must start with http:// or https://: \u201C" + url + "\u201D.";
    keep = false;  // the dialog stays, with what was typed
  }
  if (keep) {
    a.view.reviewer = a.settings_reviewer;
    a.view.checks_url = url;
    a.reviewer_asked = true;
    set_status(a, a.view.reviewer.empty() ? std::string("Reviews carry no name") : "Reviews carry the name " + a.view.reviewer);
  }
  if (keep || cancel) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
  }
  ImGui::EndPopup();
}

void draw_details_dialog(App& a) {
  if (!begin_modal("Article details", &a.details_request)) return;
  mark_ui(a, "window:details");
  ArticleMeta& m = a.details;
  const ImGuiInputTextFlags f = ImGuiInputTextFlags_EnterReturnsTrue;
  bool keep = false;
  ImGui::SetNextItemWidth(420);
  focus_first(&a.details_focus);
  keep |= ImGui::InputTextWithHint("Title", a.s->doc.title.c_str(), &m.title, f);
  mark_ui(a, "details:title");
  ImGui::SetNextItemWidth(420);
  keep |= ImGui::InputTextWithHint("URL", "https://\u2026", &m.url, f);
  mark_ui(a, "details:url");
  ImGui::SetNextItemWidth(420);
  keep |= ImGui::InputTextWithHint("Outlet", "Reuters", &m.outlet, f);
  mark_ui(a, "details:outlet");
  ImGui::SetNextItemWidth(420);
  keep |= ImGui::InputTextWithHint("Byline", "Jane Doe and John Roe", &m.byline, f);
  mark_ui(a, "details:byline");
  ImGui::SetNextItemWidth(420);
  keep |= ImGui::InputTextWithHint("Published", "2024-03-05", &m.published, f);
  mark_ui(a, "details:published");
  if (!a.details_error.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 480);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1), "%s", a.details_error.c_str());
    ImGui::PopTextWrapPos();
  }
  keep |= ImGui::Button("Keep (Enter)");
  mark_ui(a, "details:keep");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel (Esc)") || escape();
  if (keep) {
    Outcome o = set_meta(*a.s, m);
    if (!o.ok) a.details_error = o.error;
    else {
      if (!o.status.empty()) set_status(a, o.status);
      ImGui::CloseCurrentPopup();
      a.focus_request = App::FocusRequest::page;
    }
  } else if (cancel) {
    ImGui::CloseCurrentPopup();
    a.focus_request = App::FocusRequest::page;
  }
  ImGui::EndPopup();
}

void draw_ratings_window(App& a) {
  if (!a.show_ratings_window) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (a.ratings_window_focus) { ImGui::SetNextWindowFocus(); a.ratings_window_focus = false; }
  bool open = true;
  if (ImGui::Begin("Ratings", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    mark_ui(a, "window:ratings");
    ImGui::TextDisabled("This article\u2019s rating scale. The value is ClaimReview\u2019s ratingValue (highest = best).");
    std::vector<Rating> edited = a.s->ratings;
    bool changed = false;
    std::string remove;
    for (size_t i = 0; i < edited.size(); ++i) {
      Rating& r = edited[i];
      ImGui::PushID(int(i));
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%zu", i + 1);
      ImGui::SameLine();
      changed |= colour_choice(a, r.color, "ratings:colour:" + r.id);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(180);
      std::string name = r.name;
      if ((ImGui::InputText("##n", &name, ImGuiInputTextFlags_EnterReturnsTrue) || ImGui::IsItemDeactivatedAfterEdit()) && !name.empty() &&
          name != r.name) {
        r.name = name;
        changed = true;
      }
      mark_ui(a, "ratings:name:" + r.id);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(90);
      double value = r.value;
      if (ImGui::InputDouble("##v", &value, 1, 1, "%g", ImGuiInputTextFlags_EnterReturnsTrue) && value != r.value) {
        r.value = value;
        changed = true;
      }
      mark_ui(a, "ratings:value:" + r.id);
      ImGui::SameLine();
      const size_t used = rating_uses(*a.s, r.id);
      if (ImGui::Button("Delete")) remove = r.id;
      mark_ui(a, "ratings:delete:" + r.id);
      if (ImGui::IsItemHovered() && used) ImGui::SetTooltip("Rates %s: rate them otherwise first", count_of(used, "claim", "claims").c_str());
      ImGui::PopID();
    }
    if (ImGui::Button("New rating")) {
      edited.push_back({new_rating_id(*a.s), "Rating " + std::to_string(edited.size() + 1), "#BBBBBB", 0});
      changed = true;
    }
    mark_ui(a, "ratings:new");
    if (!remove.empty()) {
      edited.erase(std::remove_if(edited.begin(), edited.end(), [&](const Rating& r) { return r.id == remove; }), edited.end());
      changed = true;
    }
    if (!a.rating_error.empty()) {
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 480);
      ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1), "%s", a.rating_error.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::TextDisabled("Keys 1-9 in the card\u2019s rating list (V) pick the rating in that row.");
    if (changed) {
      Outcome o = set_ratings(*a.s, edited);
      a.rating_error = o.ok ? std::string() : o.error;
      if (o.ok && !o.status.empty()) set_status(a, o.status);
    }
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && escape() && !io.WantTextInput) open = false;
  }
  ImGui::End();
  if (!open) {
    a.show_ratings_window = false;
    a.rating_error.clear();
    a.focus_request = App::FocusRequest::page;
  }
}

}  // namespace

void show_outcome(App& a, const Outcome& o) {
  if (!o.ok) { show_notice(a, true, o.title, o.error); return; }
  if (!o.status.empty()) set_status(a, o.status);
  if (!a.active_id.empty() && !find_annotation(a, a.active_id)) a.active_id.clear();
}

void review_claim(App& a, const std::string& id, std::optional<Review> review) {
  if (a.view.reviewer.empty() && !a.reviewer_asked) {
    a.pending_review = App::PendingReview{};
    a.pending_review.request = a.pending_review.focus = true;
    a.pending_review.id = id;
    a.pending_review.review = std::move(review);
    return;
  }
  show_outcome(a, set_review(*a.s, id, std::move(review), a.view.reviewer, now_iso(a)));
}

void open_article_details(App& a) {
  a.details = a.s->doc.meta;
  a.details_error.clear();
  a.details_request = a.details_focus = true;
}

bool review_keys(App& a, const Annotation& an, bool shift) {
  if (kind_index(an.label) == int(KindId::actor) && !shift && pressed(kP)) {  // an actor's entity
    open_entity(a, an);
    return true;
  }
  if (!is_claim(an)) return false;
  if (shift) {
    if (!pressed(kE)) return false;
    open_evidence(a, an.id, -1);
    return true;
  }
  if (pressed(kV)) a.rating_request = true;
  else if (pressed(kS)) set_review_status(a, an.id, ReviewStatus((int(review_of(a, an.id).status) + 1) % 3));
  else if (pressed(kE)) { a.note_focus = 2; a.note_field = "##explanation"; }
  else if (pressed(kP)) open_speaker(a, an);
  else return false;
  return true;
}

void draw_review_section(App& a, const std::string& id, float w) {
  const Annotation* an = find_annotation(*a.s, id);
  if (!an) return;
  const Review r = an->review.value_or(Review{});
  ImGui::Separator();
  // Who says it.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Speaker");
  ImGui::SameLine();
  std::string who = claim_speaker(an->attrs);
  ImGui::TextUnformatted(who.empty() ? "not named" : who.c_str());
  mark_ui(a, "card:speaker-name");
  ImGui::SameLine();
  if (ImGui::SmallButton("Change (P)")) open_speaker(a, *an);
  mark_ui(a, "card:speaker");

  // Rating: a button with the rating's colour and name; the list opens with a click or V.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Rating");
  ImGui::SameLine();
  const Rating* rating = find_rating(*a.s, r.rating);
  if (rating) chip(rating->color);
  if (ImGui::Button(((rating ? rating->name : std::string("Not rated")) + " (V)##rating").c_str())) a.rating_request = true;
  mark_ui(a, "card:rating");
  if (a.rating_request) {
    ImGui::OpenPopup("##ratings");
    a.rating_request = false;
  }
  if (ImGui::BeginPopup("##ratings")) {
    std::string pick;
    bool picked = false;
    for (size_t i = 0; i < a.s->ratings.size(); ++i) {
      const Rating& x = a.s->ratings[i];
      chip(x.color);
      char text[128];
      std::snprintf(text, sizeof text, "%s%s", i < 9 ? (std::to_string(i + 1) + "  ").c_str() : "   ", x.name.c_str());
      if (ImGui::Selectable(text, x.id == r.rating) || (i < 9 && (pressed(k1 + int(i)) || pressed(kNumpad1 + int(i))))) {
        pick = x.id;
        picked = true;
      }
      mark_ui(a, "rating:" + x.id);
    }
    ImGui::Separator();
    if (ImGui::Selectable("0  Not rated", r.rating.empty()) || pressed(k0)) picked = true;
    mark_ui(a, "rating:none");
    if (picked) {
      ImGui::CloseCurrentPopup();
      if (pick != r.rating) set_rating(a, id, pick);
    } else if (escape()) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // Status: three buttons, the current one lit; S steps through them.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Status");
  for (int i = 0; i < 3; ++i) {
    const bool on = int(r.status) == i;
    const char* name = status_name(ReviewStatus(i));
    // On the same line while it fits in the card, else on the next.
    const float need = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(name).x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + need <= right) ImGui::SameLine();
    if (ImGui::RadioButton(name, on) && !on) set_review_status(a, id, ReviewStatus(i));
    mark_ui(a, std::string("card:status:") + to_string(ReviewStatus(i)));
  }
  an = find_annotation(*a.s, id);
  if (!an) return;

  // Explanation: written in place, kept as one change when the field is left.
  ImGui::TextDisabled("Explanation (E to write, Ctrl+Enter to keep)");
  std::string text;
  if (wrapped_field(a, "##explanation", id, r.explanation, w - 28, 3, &text)) {
    Review next = review_of(a, id);
    next.explanation = text;
    review_claim(a, id, next);
  }
  mark_ui(a, "card:explanation");

  // Evidence: links shown as text; opened only by their own button, in a new tab.
  ImGui::TextDisabled("Evidence (Shift+E adds)");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 24);
  int edit = -1, remove = -1;
  for (size_t i = 0; i < r.evidence.size(); ++i) {
    const Evidence& ev = r.evidence[i];
    ImGui::PushID(int(i));
    ImGui::Bullet();
    if (!ev.url.empty()) {
      ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive), "%s", ev.url.c_str());
      mark_ui(a, "card:evidence-url:" + std::to_string(i));
    }
    if (!ev.quote.empty()) ImGui::TextWrapped("\u201C%s\u201D", ev.quote.c_str());
    if (!ev.note.empty()) ImGui::TextDisabled("%s", ev.note.c_str());
    if (!ev.url.empty() && is_http_url(ev.url)) {
      if (ImGui::SmallButton("Open link") && a.host.open_url) a.host.open_url(ev.url.c_str());
      mark_ui(a, "card:evidence-open:" + std::to_string(i));
      ImGui::SameLine();
    }
    if (ImGui::SmallButton("Edit")) edit = int(i);
    mark_ui(a, "card:evidence-edit:" + std::to_string(i));
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) remove = int(i);
    mark_ui(a, "card:evidence-remove:" + std::to_string(i));
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
  if (ImGui::SmallButton("Add evidence")) open_evidence(a, id, -1);
  mark_ui(a, "card:evidence-add");
  if (edit >= 0) open_evidence(a, id, edit);
  if (remove >= 0) {
    Review next = review_of(a, id);
    next.evidence.erase(next.evidence.begin() + remove);
    review_claim(a, id, next);
  }
  if (an->review && (!an->review->reviewer.empty() || !an->review->date.empty())) {
    const Review& now = *an->review;
    ImGui::TextDisabled("Reviewed%s%s \u00B7 %s", now.reviewer.empty() ? "" : " by ", now.reviewer.c_str(), now.date.substr(0, 10).c_str());
    mark_ui(a, "card:reviewed");
  }
}

void draw_actor_section(App& a, const std::string& id) {
  const Annotation* an = find_annotation(*a.s, id);
  if (!an) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Entity");
  ImGui::SameLine();
  std::string entity = an->attrs.entity.empty() ? annotation_text(a, *an) : an->attrs.entity;
  ImGui::TextUnformatted(entity.c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("Change (P)##entity")) open_entity(a, *an);
  mark_ui(a, "card:entity");
}

void draw_review_dialogs(App& a) {
  draw_evidence_dialog(a);
  draw_speaker_dialog(a);
  draw_entity_dialog(a);
  draw_reviewer_dialog(a);
  draw_settings_dialog(a);
  draw_details_dialog(a);
  if (a.show_ratings_window) draw_ratings_window(a);  // closed: not called, so not compiled yet
}

}  // namespace lede
