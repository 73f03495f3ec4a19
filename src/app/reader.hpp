// The Lede reader: Dear ImGui UI over one open article and its annotations.
// State lives in plain structs; app_frame() draws one frame and applies what the user did in it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/host.hpp"
#include "app/page_layout.hpp"
#include "core/annotation.hpp"
#include "core/text.hpp"

struct ImFont;

namespace lede {

struct Fonts {
  ImFont* ui = nullptr;
  ImFont* body = nullptr;
  ImFont* title = nullptr;
  float dpr = 1;            // devicePixelRatio the atlas was rasterized for
  float body_size = 19;     // em, CSS px
  float ui_size = 14;
  std::vector<uint32_t> extra;  // code points of the open article outside the base ranges
  bool dirty = true;
};

struct Notice {
  bool error = false;
  std::string title;
  std::string text;
};

struct App {
  Host host;
  Fonts fonts;
  std::string font_dir = "/assets/fonts";

  // The open article. text is the single source of truth; index converts its offsets.
  std::string file_stem;
  Document doc;
  TextIndex index;
  std::vector<Label> labels;
  std::vector<Annotation> annotations;
  uint64_t next_id = 1;
  uint64_t changes = 0;  // bumps on every change to the annotations

  // View.
  PageLayout layout;
  bool layout_dirty = true;
  float page_top = 0;        // page content origin in screen space, this frame
  float page_left = 0;
  float view_height = 0;
  float scroll_y = 0;
  float scroll_max = 0;
  float set_scroll_y = -1;   // applied on the next frame
  size_t sel_anchor = 0, sel_caret = 0;  // bytes; equal when nothing is selected
  bool dragging = false;
  int click_count = 0;
  double last_click_time = -10;
  float last_click_x = 0, last_click_y = 0;

  // Messages.
  Notice notice;           // modal, shown while !notice.title.empty()
  bool notice_open = false;
  std::string status;      // last action, in the status bar
  bool first_frame = true;
};

void app_init(App& app, const Host& host);
// Font atlas: call app_build_fonts (outside a frame) whenever app.fonts.dirty or the DPR changed.
void app_build_fonts(App& app, float dpr);
void app_frame(App& app);

// Opening a file (picker, drop, paste). kind any: decided by the name and content.
void app_open_bytes(App& app, FileKind kind, const std::string& name, const std::string& bytes);
void app_open_document(App& app, Document doc, std::vector<Label> labels, std::vector<Annotation> anns);

std::string app_selection_text(const App& app);
std::string app_state_json(const App& app);
// Screen rectangles (CSS px, as of the last frame) covering code points [start, end).
std::string app_rects_json(const App& app, size_t start, size_t end);
std::string app_save_json(const App& app);

}  // namespace lede
