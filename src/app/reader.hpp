// The Lede reader: Dear ImGui UI over one open article and its annotations.
// State lives in plain structs; app_frame() draws one frame and applies what the user did in it.
#pragma once
#include <cstdint>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/host.hpp"
#include "app/page_layout.hpp"
#include "core/annotation.hpp"
#include "core/text.hpp"

struct ImFont;

namespace lede {

class Analyzer;

struct Fonts {
  ImFont* ui = nullptr;
  ImFont* body = nullptr;
  ImFont* title = nullptr;
  float dpr = 1;                // devicePixelRatio the atlas was rasterized for
  float body_size = 0;          // em the atlas was built for
  float ui_size = 14;
  std::vector<uint32_t> extra;  // code points of the open article outside the base ranges
  bool dirty = true;
};

// What the reader chose about the view; kept in the browser between visits.
struct ViewSettings {
  bool dark = false;
  float body_size = 19;  // em in CSS px (text zoom)
  bool panel = true;
  float panel_width = 400;
  int panel_tab = 0;     // 0 actors, 1 claims, 2 numbers, 3 notes
  bool show_actor = true, show_claim = true, show_number = true, show_other = true, show_suggestions = true;
};
void to_json(json& j, const ViewSettings& v);
void from_json(const json& j, ViewSettings& v);

// One undoable change: each edit replaces `before` by `after` (an absent side means the
// annotation is added or removed).
struct AnnotationEdit {
  std::optional<Annotation> before, after;
};
struct Change {
  std::string what;
  std::vector<AnnotationEdit> edits;
  bool labels_changed = false;
  std::vector<Label> labels_before, labels_after;
};

// What the side panels list, rebuilt only when the annotations change (articles can hold tens of
// thousands of highlights; the panels draw only the rows on screen).
struct PanelCache {
  uint64_t changes = ~0ull;
  struct Entity {
    std::string name, kind, role;
    std::vector<size_t> mentions;  // indices into App::annotations
    std::vector<std::string> suggested;
  };
  std::vector<Entity> entities;
  std::vector<std::string> suggested[3];  // actor, claim, number suggestion ids
  std::vector<size_t> claims, numbers, notes;
  std::vector<std::string> claim_speaker;  // parallel to claims
  std::vector<std::string> speakers;
  int number_sort_col = -1;
  bool number_sort_asc = true;
};

struct Notice {
  bool error = false;
  std::string title;
  std::string text;
};

struct App {
  Host host;
  Fonts fonts;
  ViewSettings view;
  std::string font_dir = "/assets/fonts";
  const Analyzer* analyzer = nullptr;  // suggestions come from it when set

  // The open article. text is the single source of truth; index converts its offsets.
  std::string file_stem;
  Document doc;
  TextIndex index;
  std::vector<Label> labels;
  std::vector<Annotation> annotations;  // sorted by (start, end, id)
  std::vector<Annotation> orphans;      // from files whose article changed: kept, shown, saved
  std::string author;                   // the file's author, kept on save
  int64_t max_span = 0;                 // longest annotation, bounds the visible-range search
  uint64_t next_id = 1;
  uint64_t changes = 0;                 // bumps on every change
  std::vector<Change> undo, redo;

  // Saving.
  uint64_t autosaved_changes = ~0ull;   // `changes` last handed to the browser store
  uint64_t autosave_confirmed = ~0ull;  // `changes` the store confirmed
  std::string saved_to_file_at;         // local time of the last Ctrl+S, empty if never
  uint64_t saved_to_file_changes = ~0ull;
  bool restoring = false;

  // View.
  PageLayout layout;
  bool layout_dirty = true;
  float page_rect[4] = {0, 0, 0, 0};  // the page window: x, y, w, h
  float page_top = 0, page_left = 0;  // page text origin in screen space, this frame
  float view_top = 0, view_height = 0;
  float scroll_y = 0, scroll_max = 0;
  float set_scroll_y = -1;            // applied on the next frame
  size_t keep_byte_at_top = SIZE_MAX; // zoom keeps this byte at the top of the view
  size_t sel_anchor = 0, sel_caret = 0;  // bytes; equal when nothing is selected
  bool dragging = false;
  int drag_edge = 0;                  // 1 start, 2 end of the active annotation while dragging it
  int click_count = 0;
  int press_clicks = 0;               // the platform's count for the left press being applied (2 double, 3 triple), 0 if unknown
  double last_click_time = -10;
  float last_click_x = 0, last_click_y = 0;
  std::string active_id;              // the annotation whose card is open
  bool card_just_opened = false;
  int note_focus = 0;                 // N: 2 requested, 1 waiting for the note field to take the keyboard
  int note_focus_frames = 0;
  float label_bar_rect[4] = {0, 0, 0, 0};  // last frame, for scripts; w = 0 when hidden
  float card_rect[4] = {0, 0, 0, 0};
  std::string hover_id;               // annotation under the mouse in the text
  std::string panel_hover_id;         // annotation under the mouse in a panel
  std::string focus_entity;           // entity picked in the Actors panel
  int focus_step = -1;
  std::string claim_speaker_filter;
  PanelCache panel;
  bool show_labels_window = false;
  bool labels_window_focus = false;   // give it the keyboard when it opens
  // Keyboard focus. The page and the side panels handle their own keys; menus and dialogs use
  // ImGui's keyboard navigation (see key_zone()).
  enum class FocusRequest { none, page, panels } focus_request = FocusRequest::none;
  bool keyboard_in_panels = false;    // F6 gave the panels the keyboard (a click does not)
  bool panels_had_keyboard = false;   // last frame
  int panel_tab_drawn = -1;           // last frame
  bool menu_request = false;          // F10: the menu bar takes the keyboard
  int panel_cursor[5] = {-1, -1, -1, -1, -1};  // keyboard row in each panel tab, -1 none
  int panel_cursor_moved = 0;         // frames left to bring the cursor row into view
  int panel_tab_request = -1;
  std::string panel_cursor_id;        // annotation under the panel cursor (or an entity's first mention)
  std::string nav_item;               // the named control ImGui's keyboard navigation is on
  bool popup_was_open = false;        // last frame
  const void* focused_window = nullptr;  // ImGui's focused root window at the end of last frame
  bool show_help = false;
  bool show_about = false;

  // Find.
  bool find_open = false;
  int find_focus = 0;
  int find_focus_frames = 0;  // Ctrl+F: 2 requested, 1 waiting for the field to take the keyboard
  bool find_input_active = false;
  char find_buf[256] = {};
  std::string find_query;
  std::vector<std::pair<size_t, size_t>> find_hits;  // bytes
  int find_current = -1;

  // Where named controls were drawn last frame (for scripts and tests): name -> x, y, w, h.
  std::vector<std::pair<std::string, std::array<float, 4>>> ui_rects;

  // Merging another reader's file: their annotations beside ours.
  struct Merge {
    bool open = false;
    std::string name, author;
    std::vector<Annotation> theirs;
  } merge;

  // Messages.
  Notice notice;        // modal, shown while !notice.title.empty()
  bool notice_open = false;
  std::string status;   // last action, in the status bar
  std::string toast;    // short notice at the top of the page
  double toast_until = 0;
};

void app_init(App& app, const Host& host);
// Font atlas: call app_build_fonts (outside a frame) when app_fonts_stale() says so.
bool app_fonts_stale(const App& app, float dpr);
void app_build_fonts(App& app, float dpr);
void app_frame(App& app);

// Opening a file (picker, drop, paste). kind any: decided by the name and content.
void app_open_bytes(App& app, FileKind kind, const std::string& name, const std::string& bytes);
// Adds the analysis' suggestions to the open article unless it already has some (for instance
// from its file, reviewed or not).
void app_add_suggestions(App& app);
void app_open_document(App& app, Document doc, std::vector<Label> labels, std::vector<Annotation> anns,
                       bool suggest);
// Work kept in the browser (autosave): restore it at start-up; confirm a store completed.
void app_restore(App& app, const std::string& stored_json);
void app_autosaved(App& app, uint64_t changes);
void app_set_settings(App& app, const std::string& json_text);

std::string app_selection_text(const App& app);
std::string app_state_json(const App& app);
// Screen rectangles (CSS px, as of the last frame) covering code points [start, end).
std::string app_rects_json(const App& app, size_t start, size_t end);
std::string app_save_json(const App& app);

// ---- editing (edits.cpp) ----------------------------------------------------------------------
Annotation* find_annotation(App& app, const std::string& id);
const Label* find_label(const App& app, const std::string& id);
void commit(App& app, Change change);  // applies it and makes it undoable
bool undo(App& app);
bool redo(App& app);
void sort_annotations(App& app);  // also bounds max_span and moves next_id past every id
std::string new_annotation_id(App& app);
std::string now_iso(const App& app);
void set_status(App& app, std::string text);
void show_notice(App& app, bool error, std::string title, std::string text);
void show_toast(App& app, std::string text);
// Common changes.
void add_annotation(App& app, const std::string& label, size_t cp_start, size_t cp_end);
// Marks the selection (without its leading and trailing blanks) and collapses it to its end.
void label_selection(App& app, const std::string& label);
// A label's "#RRGGBB" as an ImGui colour (ImU32) with the given alpha; grey if malformed.
unsigned int label_color(const std::string& hex, float alpha);
void set_status_of(App& app, const std::vector<std::string>& ids, Status status, const std::string& what);
void delete_annotations(App& app, const std::vector<std::string>& ids, const std::string& what);

// ---- page (page_view.cpp) and panels (panels.cpp) -----------------------------------------------
void draw_page(App& app, float x, float y, float w, float h);
void draw_panels(App& app, float x, float y, float w, float h);
void scroll_to_annotation(App& app, const Annotation& an);
void scroll_to_byte(App& app, size_t byte);
bool layer_visible(const App& app, const Annotation& an);
std::string annotation_summary(const App& app, const Annotation& an);  // one line for tooltips/lists
std::string annotation_text(const App& app, const Annotation& an);
void mark_ui(App& app, std::string name);  // records the last ImGui item's rectangle under name

// Who reads the keyboard this frame: the page (with its card and find bar), the side panels, or
// an ImGui menu or dialog, which use ImGui's own keyboard navigation.
enum class KeyZone { page, panels, imgui };
KeyZone key_zone(const App& app);
void relabel(App& app, const std::string& id, const std::string& label);  // one undoable change

}  // namespace lede
