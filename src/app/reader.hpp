// The Lede reader: Dear ImGui UI over one open article and its annotations.
// State lives in plain structs; app_frame() draws one frame and applies what the user did in it.
#pragma once
#include <cstdint>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/graph_view.hpp"
#include "app/host.hpp"
#include "app/page_layout.hpp"
#include <memory>

#include "core/annotation.hpp"
#include "core/kinds.hpp"
#include "core/panel_lists.hpp"
#include "core/session.hpp"
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
  std::vector<uint32_t> extra;  // code points of the open article outside the base ranges (and U+00A0-00FF)
  bool dirty = true;
  bool complete = false;        // every face holds the base ranges: not the first atlas, to draw the page sooner
};

// What the reader chose about the view; kept in the browser between visits.
struct ViewSettings {
  bool dark = false;
  float body_size = 19;  // em in CSS px (text zoom)
  bool panel = true;
  float panel_width = 400;
  int panel_tab = 0;     // 0 actors, 1 claims, 2 numbers, 3 notes, 4 orphans, 5 graph, 6 timeline
  bool show_kind[kKindCount] = {true, true, true};  // the layers of the built-in kinds (kKinds order)
  bool show_other = true, show_suggestions = true;
  std::string reviewer;  // the reader's name, put on their reviews (View > Settings)
  std::string checks_url;  // where the reader publishes checks (http/https): ClaimReview's url
};
void to_json(json& j, const ViewSettings& v);
void from_json(const json& j, ViewSettings& v);

// What the side panels list (core/panel_lists.hpp: updated from what each change touched; articles
// can hold tens of thousands of highlights, the panels draw only the rows on screen), and the
// order the Numbers table shows.
struct PanelCache {
  PanelLists lists;
  std::vector<size_t> number_rows;  // lists.numbers, sorted as the table asks
  int number_sort_col = -1;
  bool number_sort_asc = true;
};

struct Notice {
  bool error = false;
  std::string title;
  std::string text;
};

// One article of the library (kept in the browser). The list holds what the Library view shows;
// an article's work is loaded from the store when it is opened.
struct LibraryEntry {
  std::string id, title, stem;
  size_t length = 0;          // code points
  size_t annotations = 0;     // annotations the reader made or decided
  std::string outlet, published;  // the article's details (issue 13)
  size_t claims = 0, checked = 0; // claims, and those whose review is checked
  std::string created, updated;
  std::string deleted;        // when it went to the trash; empty otherwise
  size_t top = 0;             // reading position (code point at the top of the view)
};
void to_json(json& j, const LibraryEntry& e);
void from_json(const json& j, LibraryEntry& e);

struct Library {
  bool loaded = false;                  // the store's list has arrived (or there is no store)
  std::vector<LibraryEntry> entries;    // newest change first
  std::vector<std::string> restoring;   // ids asked of the store at start-up, not yet arrived
  std::string reopen;                   // the id to show once restored
  bool window = false;                  // the Library view is open
  bool window_focus = false;
  std::string search;                   // the query typed in the Library view
  std::string searched;                 // the query the results are for
  struct Hit { std::string id, title, snippet; size_t count = 0; };
  std::vector<Hit> hits;
  std::string rename_id, rename_to;     // the entry being renamed
  bool rename_focus = false;
  bool show_trash = false;
  // The browser's store.
  std::string storage_error;            // set while storing fails; cleared by a save to a file
  bool writer = true;                   // false while another tab writes the library
  double usage = -1, quota = -1;        // bytes, as the browser estimates them; -1 unknown
  bool persistent = false;
  double meta_stored_at = 0;            // when the reading position was last stored
  std::string stored_state;             // the tabs last handed to the store
  // What this tab handed to the store (for the page state: autosave costs what changed).
  uint64_t stored_bytes = 0;            // bytes of files and journal entries
  uint64_t whole_stores = 0, journal_stores = 0;
  unsigned ids_made = 0;                // new article ids made by this tab
  std::vector<std::string> refreshing;  // open articles read again from the store before this tab writes them
  const Session* tab_selected = nullptr;  // the tab ImGui shows as selected (moved when App::s changes)
};

struct App {
  Host host;
  Fonts fonts;
  ViewSettings view;
  const Analyzer* analyzer = nullptr;  // suggestions come from it when set

  // The open articles, one session each (the reader's work lives there); `s` is the one shown,
  // never null after app_init.
  std::vector<std::unique_ptr<Session>> sessions;
  Session* s = nullptr;
  Library library;

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
  int64_t tab_from = -1;              // R or Delete closed the card: Tab goes on from this code point
  std::string tab_from_id;            // and this id
  bool card_just_opened = false;
  int note_focus = 0;                 // N: 2 requested, 1 waiting for the note field to take the keyboard
  // A note or explanation being typed (wrapped_field) and not yet kept: kept when its card goes
  // away without the field being left (another article opened, dropped or shown meanwhile).
  struct OpenField {
    const Session* s = nullptr;       // null when no field holds unkept text
    std::string field, key, text;     // wrapped_field's id and key (the annotation's id), the text typed
    bool drawn = false;               // drawn this frame
  } open_field;
  int note_focus_frames = 0;
  float label_bar_rect[4] = {0, 0, 0, 0};  // last frame, for scripts; w = 0 when hidden
  float card_rect[4] = {0, 0, 0, 0};
  std::string hover_id;               // annotation under the mouse in the text
  bool keyboard_mode = false;         // a key was pressed since the mouse last moved: no hover tooltips
  float keyboard_mouse_x = 0, keyboard_mouse_y = 0;  // where the mouse was at that key
  std::string panel_hover_id;         // annotation under the mouse in a panel
  std::string hover_row_shown;        // the text hover whose panel row was last brought on screen
  std::string focus_entity;           // entity picked in the Actors panel
  int focus_step = -1;
  std::string claim_speaker_filter;
  PanelCache panel;
  GraphView graph;                    // the Graph and Timeline tabs (graph_view.cpp)
  bool show_labels_window = false;
  bool labels_window_focus = false;   // give it the keyboard when it opens
  std::string label_name_focus;       // New label: this label's name field takes the keyboard
  int label_name_focus_frames = 0;
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

  // Reviewing claims and correcting the analysis (review_view.cpp). Dialogs open on the next frame
  // at the top level (`*_request`), so the card, the menus and the keys can all ask for them.
  const char* note_field = "##note";  // the field N (note) or E (explanation) gives the keyboard
  bool rating_request = false;        // V: the card's rating list
  struct EvidenceEdit {
    bool request = false, focus = false;
    std::string claim_id;
    int index = -1;  // -1: a new item
    Evidence ev;
    std::string error;
  } evidence;
  struct SpeakerEdit {
    bool request = false, focus = false;
    std::string claim_id, name, cue;
  } speaker;
  struct EntityEdit {  // an actor mention's entity (move, split), or merging an entity (Actors panel)
    bool request = false, focus = false;
    std::string mention_id, from, name;
  } entity;
  struct PendingReview {  // the first review waits for the reviewer's name
    bool request = false, focus = false;
    std::string id, name;
    std::optional<Review> review;
  } pending_review;
  bool reviewer_asked = false;        // asked once per visit; View > Settings changes it later
  bool settings_request = false, settings_focus = false;
  std::string settings_reviewer, settings_checks_url, settings_error;
  bool details_request = false, details_focus = false;
  ArticleMeta details;
  std::string details_error;
  bool show_ratings_window = false, ratings_window_focus = false;
  std::string rating_error;
  std::string claim_rating_filter;    // "" all, "-" not rated, else a rating id
  int claim_status_filter = -1;       // -1 any, else a ReviewStatus
  int claim_sort = 0;                 // 0 text order, 1 rating, 2 status

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
  std::string window_title;  // the browser tab's, as last set
  std::string status_counts;  // the status bar's counts as drawn last frame (for scripts)
  std::string toast;    // short notice at the top of the page
  double toast_until = 0;
};

void app_init(App& app, const Host& host);
// Font atlas: call app_build_fonts (outside a frame) when app_fonts_stale() says so.
bool app_fonts_stale(const App& app, float dpr);
void app_build_fonts(App& app, float dpr);
// The first atlas holds ASCII and the article's own characters; this adds the rest of the base
// ranges (U+00A0-00FF) in the next build. Called once the first frames are drawn.
void app_fonts_complete(App& app);
void app_frame(App& app);

// Opening a file (picker, drop, explicit paste). kind any: decided by the name and content. An
// article always opens beside the others (a new tab and library entry), never over one.
void app_open_bytes(App& app, FileKind kind, const std::string& name, const std::string& bytes);
// The article Lede shows when the library is empty; not stored until the reader changes it.
void app_open_default(App& app, const std::string& name, const std::string& bytes);
// Adds the analysis' suggestions to every open article that has none yet (for instance from its
// file, reviewed or not).
void app_add_suggestions(App& app);
void app_set_settings(App& app, const std::string& json_text);
void app_zoom(App& app, float body_size);  // text size (pinch), keeping the reading position
float app_text_size(const App& app);
// The view settings as stored in the browser (JSON).
std::string app_settings_json(const App& app);
// What the platform layer asks before applying input: keys typed right after Ctrl+F or N wait
// until the field has the keyboard.
bool app_keys_wait(const App& app);
bool app_chars_wait(const App& app);
// The platform's click count (2 double, 3 triple) for the left press about to be applied.
void app_mouse_press(App& app, int clicks);
// The analysis, once it is ready: suggestions are added to every open article without them.
void app_set_analyzer(App& app, const Analyzer* analyzer);
bool app_has_analyzer(const App& app);
// True while the app needs more frames without input (a font atlas to rebuild).
bool app_busy(const App& app);

// ---- the library (library.cpp) --------------------------------------------------------------
// Start-up: the store's list of articles and the ones open last time (JSON from the host).
void app_library_loaded(App& app, const std::string& entries_json, const std::string& state_json);
// An article's stored record arrived (asked with Host::load_article); file_json empty if missing.
// The stored article: its file, its journal (entries one a line; core/lede_file.hpp) and list entry.
// Views, not strings: the file of a long article is megabytes, and a copy of it would stay as heap.
void app_article_loaded(App& app, const std::string& id, std::string_view file_json, std::string_view journal,
                        const std::string& meta_json);
void app_article_stored(App& app, const std::string& id, uint64_t changes);
void app_store_failed(App& app, const std::string& id, const std::string& reason);
void app_library_search_results(App& app, const std::string& query, const std::string& hits_json);
void app_set_writer(App& app, bool writer);
void app_storage_estimate(App& app, double usage, double quota, bool persistent);
// Hands every unstored change to the host's store (once per change); called after each frame.
// True while something waits to be stored on a later frame (the reading position).
bool app_persist(App& app);
// True when closing the page would lose work: an article's changes neither stored in the
// browser nor saved to a file (another tab writes the library, or the store refused them).
bool app_unkept_work(const App& app);
// The text pasted outside a text field: Lede says how to open it instead of replacing anything.
void app_paste_outside_field(App& app);
Session& new_session(App& app);      // a new tab, shown
Session& adopt_session(App& app, std::unique_ptr<Session> s);  // the same with a session made elsewhere
// The view follows the session now shown: selection, card, panels, title; its reading position.
void session_shown(App& app);
// An exported library (File > Import library): every article validated first, then merged by
// article (the newer version wins); nothing changes when any article is bad.
void import_library(App& app, const std::string& name, const std::string& bytes);
void show_session(App& app, size_t i);
void close_session(App& app, size_t i);  // stays in the library
void draw_library(App& app);
void draw_session_tabs(App& app, float y, float w);
std::string library_json(const App& app);  // for app_state_json

std::string app_selection_text(const App& app);
std::string app_state_json(const App& app);
// The open article in brief (title, length, annotations, autosave), with `extra`'s keys: cheap on
// a large article, unlike app_state_json.
std::string app_brief_json(const App& app, json extra);
// Screen rectangles (CSS px, as of the last frame) covering code points [start, end).
std::string app_rects_json(const App& app, size_t start, size_t end);

// ---- editing (edits.cpp) ----------------------------------------------------------------------
Annotation* find_annotation(App& app, const std::string& id);
const Label* find_label(const App& app, const std::string& id);
void commit(App& app, Change change);  // applies it and makes it undoable
bool undo(App& app);
bool redo(App& app);
std::string new_annotation_id(App& app);
std::string now_iso(const App& app);
void set_status(App& app, std::string text);
std::string count_of(size_t n, const std::string& one, const std::string& many);  // "1 annotation", "2 annotations"
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
std::string page_byline(const Document& d);  // the line under the headline
void draw_panels(App& app, float x, float y, float w, float h);
void scroll_to_annotation(App& app, const Annotation& an);
void scroll_to_byte(App& app, size_t byte);
bool layer_visible(const App& app, const Annotation& an);
std::string annotation_summary(const App& app, const Annotation& an);  // one line for tooltips/lists
std::string annotation_text(const App& app, const Annotation& an);
std::string clip(std::string s, size_t n);  // one line for a list: line breaks as spaces, cut at n bytes with an ellipsis
void mark_ui(App& app, std::string name);  // records the last ImGui item's rectangle under name
// A multi-line field whose words wrap (ImGui 1.86's do not), `w` wide and `lines` high. `key` names
// what it edits: when that changes, the field starts again from `value`. True (with *kept) when
// the reader leaves it changed. N / E give it the keyboard through App::note_focus / note_field.
bool wrapped_field(App& app, const char* id, const std::string& key, const std::string& value, float w, float lines, std::string* kept);
// At the end of a frame: a note or explanation typed on a card that was not drawn this frame is
// kept as if the field had been left (one undoable change on its article); `now`: kept even if
// drawn (Ctrl+S while typing saves what is typed).
void keep_open_field(App& app, bool now = false);

// Who reads the keyboard this frame: the page (with its card and find bar), the side panels, or
// an ImGui menu or dialog, which use ImGui's own keyboard navigation.
enum class KeyZone { page, panels, imgui };
KeyZone key_zone(const App& app);
void relabel(App& app, const std::string& id, const std::string& label);  // one undoable change
// The Labels window's colour choice (swatch and named colour-vision-safe list); true when changed.
bool colour_choice(App& app, std::string& color, const std::string& ui_key);

// ---- reviews, article details, corrections (review_view.cpp) ----------------------------------
void show_outcome(App& app, const Outcome& o);
// A claim's review as one undoable change; the first one asks the reader's name when unknown.
void review_claim(App& app, const std::string& id, std::optional<Review> review);
void draw_review_section(App& app, const std::string& id, float w);  // on the card of a claim
void draw_actor_section(App& app, const std::string& id);            // on the card of an actor
// The page's keys for an open claim (V, S, E, Shift+E, P; an actor: P); true when one was used.
bool review_keys(App& app, const Annotation& an, bool shift);
void draw_review_dialogs(App& app);  // evidence, speaker, entity, reviewer, settings, details, ratings
void open_article_details(App& app);

}  // namespace lede
