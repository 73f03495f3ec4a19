// Browser glue: WebGL 2 context, Dear ImGui frame loop, and the small C API that web/boot.js
// calls with DOM events. All Emscripten-specific code of the reader lives in this file.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <malloc.h>
#include <unistd.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "app/page_files.hpp"
#include "app/reader.hpp"
#include "core/limits.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#endif
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "imgui_internal.h"  // WantTextInputNextFrame, ActiveId: see apply_events

// ---- calls into web/boot.js (Module.ledeHost) ----------------------------------------------------
EM_JS(void, js_download, (const char* name, const char* data, size_t size, const char* mime), {
  Module.ledeHost.download(UTF8ToString(name), HEAPU8.slice(data, data + size), UTF8ToString(mime));
});
EM_JS(void, js_print_html, (const char* html), { Module.ledeHost.printHtml(UTF8ToString(html)); });
EM_JS(void, js_open_picker, (int kind), { Module.ledeHost.openPicker(kind); });
EM_JS(void, js_request_clipboard, (), { Module.ledeHost.readClipboard(); });
EM_JS(void, js_write_clipboard, (const char* text), { Module.ledeHost.writeClipboard(UTF8ToString(text)); });
EM_JS(void, js_set_title, (const char* text), { document.title = UTF8ToString(text); });
EM_JS(void, js_set_cursor, (const char* css), { Module.ledeHost.setCursor(UTF8ToString(css)); });
EM_JS(void, js_first_frame, (), { Module.ledeHost.firstFrame(); });
EM_JS(void, js_start, (), { Module.ledeHost.start(); });
EM_JS(void, js_started, (), { Module.ledeHost.started(); });
// A step of the start, for window.lede.timing() and bench/ (performance mark 'lede:<name>').
EM_JS(void, js_mark, (const char* name), { performance.mark('lede:' + UTF8ToString(name)); });
// The hidden text area that receives typed text follows the caret, so an input method's
// candidate window opens beside the text being written.
EM_JS(void, js_ime_pos, (int x, int y), {
  const t = document.getElementById('ime');
  if (t) { t.style.left = x + 'px'; t.style.top = y + 'px'; }
});
EM_JS(double, js_now_ms, (), { return Date.now(); });
EM_JS(void, js_store_article, (const char* id, const char* file, const char* meta, double changes), {
  Module.ledeHost.storeArticle(UTF8ToString(id), UTF8ToString(file), UTF8ToString(meta), changes);
});
EM_JS(void, js_store_journal, (const char* id, double seq, const char* entry, const char* meta, double changes), {
  Module.ledeHost.storeJournal(UTF8ToString(id), seq, UTF8ToString(entry), UTF8ToString(meta), changes);
});
EM_JS(void, js_store_meta, (const char* id, const char* meta), { Module.ledeHost.storeMeta(UTF8ToString(id), UTF8ToString(meta)); });
EM_JS(void, js_load_article, (const char* id), { Module.ledeHost.loadArticle(UTF8ToString(id)); });
EM_JS(void, js_purge_article, (const char* id), { Module.ledeHost.purgeArticle(UTF8ToString(id)); });
EM_JS(void, js_store_library_state, (const char* json), { Module.ledeHost.storeLibraryState(UTF8ToString(json)); });
EM_JS(void, js_search_library, (const char* query), { Module.ledeHost.searchLibrary(UTF8ToString(query)); });
EM_JS(void, js_export_library, (), { Module.ledeHost.exportLibrary(); });
EM_JS(void, js_take_over, (), { Module.ledeHost.takeOver(); });
// A review's evidence link, on the reader's click: a new tab that cannot reach back to Lede.
EM_JS(void, js_open_url, (const char* url), {
  const u = UTF8ToString(url);
  const l = u.toLowerCase();
  if (l.startsWith("http://") || l.startsWith("https://")) window.open(u, "_blank", "noopener,noreferrer");
});
EM_JS(void, js_store_settings, (const char* json), { Module.ledeHost.storeSettings(UTF8ToString(json)); });

// ImGui's own font (ProggyClean, 12 KB of base85 text: about 8 KB of the first load) is never drawn:
// the page's fonts are compiled in (app_build_fonts). ImFontAtlas::Build still calls
// AddFontDefault when no font was added, which linked it in; the link (-Wl,--wrap, CMakeLists.txt)
// sends that call here, so the font and its decoder are left out.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  std::fputs("Lede: the fonts are missing from this build\n", stderr);
  std::abort();
}

namespace {

struct InputEvent {
  enum Type { move, button, wheel, key, character } type;
  float x = 0, y = 0;
  int code = 0;
  int down = 0;
  int mods = 0;
  int clicks = 0;  // button presses: 1 single, 2 double, 3 triple (counted in boot.js by event time)
};

struct Platform {
  lede::App app;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  float css_w = 800, css_h = 600, dpr = 1;
  std::deque<InputEvent> events;
  int redraw = 3;  // frames still to draw; idle pages draw nothing
  double last_time = 0;
  std::string clipboard;  // what ImGui text fields paste (filled by the paste event)
  std::string state;      // buffer returned by lede_state()
  std::string settings;   // view settings last stored
  ImGuiMouseCursor cursor = -2;
  bool first_frame_sent = false;
  int frames_after_analysis = 0;  // the start is over two frames after the analysis (js_started)
  bool gl_objects = false;  // the renderer's shaders, buffers and atlas texture exist
  std::vector<float> frame_ms;  // CPU time of each drawn frame, for bench/reader (last 100,000)
};

Platform* P = nullptr;

void apply_mods(ImGuiIO& io, int mods) {
  io.KeyCtrl = mods & 1;
  io.KeyShift = mods & 2;
  io.KeyAlt = mods & 4;
  io.KeySuper = mods & 8;
}

// Applies queued events, at most one transition per button or key per frame, and nothing after
// a button change moves the mouse: Dear ImGui 1.86 samples state once per frame, so a quick
// click or key tap would otherwise be lost, and a click would land where the drag went next.
void apply_events(ImGuiIO& io) {
  bool button_changed = false, key_pressed = false, moved = false;
  const ImVec2 mouse_before = io.MousePos;
  // A text field that let go of the keyboard last frame (Esc in the find bar, Ctrl+Enter in a
  // note) still makes the next frame report WantTextInput: keys wait one frame, or the page would
  // not see a label key pressed right after Esc.
  const ImGuiContext& g = *GImGui;
  const bool field_let_go = g.WantTextInputNextFrame == 1 && !(g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID);
  static bool key_changed[512];
  std::fill(std::begin(key_changed), std::end(key_changed), false);
  while (!P->events.empty()) {
    const InputEvent& e = P->events.front();
    // Keys typed right after Ctrl+F wait until the find field has the keyboard.
    if ((e.type == InputEvent::key || e.type == InputEvent::character) && (lede::app_keys_wait(P->app) || field_let_go)) break;
    if (e.type == InputEvent::move) {
      if (button_changed) break;
      io.MousePos = e.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(e.x, e.y);
      moved |= io.MousePos.x != mouse_before.x || io.MousePos.y != mouse_before.y;
    } else if (e.type == InputEvent::button) {
      if (button_changed) break;
      // A press waits one frame after the mouse moved: ImGui decides what is under the mouse
      // from the frame before (tabs and table rows ignore a press on what was not hovered).
      if (e.down && moved) break;
      if (e.code >= 0 && e.code < 5) io.MouseDown[e.code] = e.down;
      if (e.code == 0 && e.down) lede::app_mouse_press(P->app, e.clicks);
      apply_mods(io, e.mods);
      button_changed = true;
    } else if (e.type == InputEvent::wheel) {
      io.MouseWheelH += e.x;
      io.MouseWheel += e.y;
    } else if (e.type == InputEvent::key) {
      if (e.code < 0 || e.code >= 512) { P->events.pop_front(); continue; }
      if (key_changed[e.code]) break;
      // One key press per frame: a press may move the keyboard focus (F6, F10, Esc), and the
      // next key must go where it now points, as it would at any frame rate.
      if (e.down && key_pressed) break;
      key_pressed |= e.down != 0;
      key_changed[e.code] = true;
      io.KeysDown[e.code] = e.down;
      apply_mods(io, e.mods);
    } else if (e.type == InputEvent::character) {
      if (lede::app_chars_wait(P->app)) break;  // typed right after N: wait until the note has the keyboard
      io.AddInputCharacter(unsigned(e.code));
    }
    P->events.pop_front();
  }
}

const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
  }
}

// Hands changed work and view settings to the browser's storage, once per change.
bool persist() {
  bool waiting = lede::app_persist(P->app);
  std::string settings = lede::app_settings_json(P->app);
  if (settings != P->settings) {
    P->settings = settings;
    js_store_settings(settings.c_str());
  }
  return waiting;
}

void frame() {
  if (P->events.empty() && P->redraw <= 0) return;
  const double t0 = emscripten_get_now();
  ImGuiIO& io = ImGui::GetIO();
  if (!P->first_frame_sent) js_mark("frame-start");
  if (lede::app_fonts_stale(P->app, P->dpr)) {
    lede::app_build_fonts(P->app, P->dpr);
    if (!P->first_frame_sent) js_mark("font-atlas");
    // The first time, ImGui_ImplOpenGL3_NewFrame's set-up uploads the atlas: once, not twice.
    if (P->gl_objects) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
  }
  bool had_events = !P->events.empty();
  apply_events(io);
  io.DisplaySize = ImVec2(P->css_w, P->css_h);
  io.DisplayFramebufferScale = ImVec2(P->dpr, P->dpr);
  double now = emscripten_get_now() / 1000.0;
  io.DeltaTime = float(std::max(now - P->last_time, 1e-4));  // never zero: ImGui asserts on that
  P->last_time = now;
  // In menus and dialogs Enter chooses, as Space does (ImGui 1.86 maps Enter to text input only).
  if ((io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) && io.KeysDown[13]) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;

  ImGui_ImplOpenGL3_NewFrame();  // the first compiles the shaders and uploads the atlas
  P->gl_objects = true;
  ImGui::NewFrame();
  if (!P->first_frame_sent) js_mark("gl-setup");
  lede::app_frame(P->app);
  if (!P->first_frame_sent) js_mark("layout");
  // The change goes to the browser's store before the frame is drawn: every millisecond counts
  // when the tab is closed right after it.
  const bool store_waits = persist();
  ImGui::Render();

  int fb_w = int(std::lround(P->css_w * P->dpr)), fb_h = int(std::lround(P->css_h * P->dpr));
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // follows the theme
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());


  ImGuiMouseCursor c = ImGui::GetMouseCursor();
  if (c != P->cursor) {
    P->cursor = c;
    js_set_cursor(css_cursor(c));
  }
  if (!P->first_frame_sent) {
    P->first_frame_sent = true;
    js_first_frame();
  } else if (lede::app_has_analyzer(P->app)) {
    lede::app_fonts_complete(P->app);  // the frame after the suggestions: the rest of the glyphs
    // The frame after that built them: what the page put off until the start is over may begin
    // (the service worker's install, which downloads every file again).
    if (P->frames_after_analysis < 2 && ++P->frames_after_analysis == 2) js_started();
  } else {
    // The analysis starts once the article is on screen, so the page opens as fast as it can.
#ifdef LEDE_WITH_ANALYSIS
    static lede::Analyzer analyzer;  // reads the lexicons and the model
    js_mark("lexicons");
    lede::app_set_analyzer(P->app, &analyzer);
    js_mark("analysis");  // the suggestions are drawn in the next frame
#else
    if (P->frames_after_analysis == 0) {
      P->frames_after_analysis = 1;
      js_started();
    }
#endif
  }
  // Keep drawing while something moves: input, a held button (drag, auto-scroll), fonts to rebuild.
  if (P->frame_ms.size() >= 100000) P->frame_ms.erase(P->frame_ms.begin(), P->frame_ms.begin() + 50000);
  P->frame_ms.push_back(float(emscripten_get_now() - t0));
  bool busy = had_events || io.MouseDown[0] || io.MouseDown[1] || !P->events.empty() || lede::app_busy(P->app) || store_waits;
  P->redraw = busy ? 3 : P->redraw - 1;
}

void push(InputEvent e) {
  P->events.push_back(e);
  if (P->events.size() > 4096) P->events.pop_front();  // a hidden tab piling up moves
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void lede_resize(float css_w, float css_h, float dpr) {
  P->css_w = std::max(css_w, 1.0f);
  P->css_h = std::max(css_h, 1.0f);
  P->dpr = std::clamp(dpr, 0.5f, 4.0f);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_mouse_move(float x, float y) { push({InputEvent::move, x, y}); }
EMSCRIPTEN_KEEPALIVE void lede_mouse_leave() { push({InputEvent::move, -1, -1}); }
EMSCRIPTEN_KEEPALIVE void lede_mouse_button(int button, int down, int mods, int clicks) {
  push({InputEvent::button, 0, 0, button, down, mods, clicks});
}
EMSCRIPTEN_KEEPALIVE void lede_wheel(float dx, float dy) { push({InputEvent::wheel, dx, dy}); }
EMSCRIPTEN_KEEPALIVE void lede_key(int code, int down, int mods) { push({InputEvent::key, 0, 0, code, down, mods}); }
EMSCRIPTEN_KEEPALIVE void lede_char(unsigned cp) { push({InputEvent::character, 0, 0, int(cp)}); }
EMSCRIPTEN_KEEPALIVE void lede_redraw() { P->redraw = 3; }
// Two-finger pinch: scale is the fingers' distance over their distance at the start (begin = 1).
EMSCRIPTEN_KEEPALIVE void lede_pinch(float scale, int begin) {
  static float base = 19;
  if (begin) base = lede::app_text_size(P->app);
  lede::app_zoom(P->app, base * scale);
  P->redraw = 3;
}

// kind: 0 any (drop), 1 article, 2 annotations. size_total > size when the file was too large to pass.
EMSCRIPTEN_KEEPALIVE void lede_open(int kind, const char* name, const char* data, int size) {
  lede::app_open_bytes(P->app, lede::FileKind(kind), name, std::string(data ? data : "", data ? size_t(size) : 0));
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_open_too_large(const char* name, double bytes) {
  lede::App& a = P->app;
  a.notice = {true, std::string("Could not open ") + name,
              bytes < 0 ? std::string("The browser could not read the file. The open article was not changed.")
                        : "The file is too large (" + std::to_string(int(bytes / (1 << 20))) +
                              " MB); Lede opens files up to " + std::to_string(lede::kMaxW3CFileBytes >> 20) +
                              " MB. The open article was not changed."};
  a.notice_open = true;
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE const char* lede_state() {
  P->state = lede::app_state_json(P->app);
  return P->state.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lede_rects(int start, int end) {
  P->state = lede::app_rects_json(P->app, size_t(std::max(start, 0)), size_t(std::max(end, 0)));
  return P->state.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lede_copy_text() {
  P->state = lede::app_selection_text(P->app);
  return P->state.c_str();
}
// Frame CPU times in ms as JSON, from the index-th recorded frame on.
EMSCRIPTEN_KEEPALIVE const char* lede_frame_times(int from) {
  std::string s = "[";
  for (size_t i = size_t(std::max(from, 0)); i < P->frame_ms.size(); ++i) {
    if (s.size() > 1) s += ',';
    s += std::to_string(P->frame_ms[i]);
  }
  P->state = s + "]";
  return P->state.c_str();
}
// The Wasm heap for bench/reader/heap.mjs (it only grows: its size is the page's peak), with what
// malloc holds now and at most, and the open article in brief: polling state() on a large
// article would itself grow the heap it measures.
EMSCRIPTEN_KEEPALIVE const char* lede_memory() {
  const struct mallinfo mi = mallinfo();
  P->state = lede::app_brief_json(P->app, {{"heap", emscripten_get_heap_size()}, {"used", size_t(mi.uordblks)}, {"peak", size_t(mi.usmblks)},
                                        {"top", reinterpret_cast<uintptr_t>(sbrk(0))}});
  return P->state.c_str();
}
EMSCRIPTEN_KEEPALIVE int lede_frame_count() { return int(P->frame_ms.size()); }
EMSCRIPTEN_KEEPALIVE int lede_wants_text_input() { return ImGui::GetIO().WantTextInput; }
EMSCRIPTEN_KEEPALIVE void lede_set_clipboard(const char* text) { P->clipboard = text; }
EMSCRIPTEN_KEEPALIVE void lede_library_loaded(const char* entries, const char* state) {
  lede::app_library_loaded(P->app, entries, state);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_article_loaded(const char* id, const char* file, const char* journal, const char* meta) {
  lede::app_article_loaded(P->app, id, file, journal, meta);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_article_stored(const char* id, double changes) {
  lede::app_article_stored(P->app, id, uint64_t(changes));
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_store_failed(const char* id, const char* reason) {
  lede::app_store_failed(P->app, id, reason);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_search_results(const char* query, const char* hits) {
  lede::app_library_search_results(P->app, query, hits);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_set_writer(int writer) {
  lede::app_set_writer(P->app, writer != 0);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE int lede_unkept_work() { return lede::app_unkept_work(P->app); }
EMSCRIPTEN_KEEPALIVE void lede_storage_estimate(double usage, double quota, int persistent) {
  lede::app_storage_estimate(P->app, usage, quota, persistent != 0);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_paste_outside() {
  lede::app_paste_outside_field(P->app);
  P->redraw = 3;
}
EMSCRIPTEN_KEEPALIVE void lede_set_settings(const char* json) {
  lede::app_set_settings(P->app, json);
  P->settings = lede::app_settings_json(P->app);
  P->redraw = 3;
}

int main() {
  js_mark("main");
  P = new Platform();
  EmscriptenWebGLContextAttributes attr;
  emscripten_webgl_init_context_attributes(&attr);
  attr.majorVersion = 2;
  attr.minorVersion = 0;
  attr.alpha = false;
  attr.depth = false;
  attr.stencil = false;
  attr.antialias = false;
  attr.premultipliedAlpha = false;
  P->gl = emscripten_webgl_create_context("#canvas", &attr);
  if (P->gl <= 0) {
    EM_ASM({ Module.ledeHost.fail("WebGL 2 could not be started in this browser."); });
    return 1;
  }
  emscripten_webgl_make_context_current(P->gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  const int keymap[][2] = {{ImGuiKey_Tab, 9},       {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
                           {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},    {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
                           {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
                           {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
                           {ImGuiKey_A, 65},         {ImGuiKey_C, 67},         {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
                           {ImGuiKey_Y, 89},         {ImGuiKey_Z, 90}};
  for (auto& k : keymap) io.KeyMap[k[0]] = k[1];
  io.BackendPlatformName = "lede_web";
  io.SetClipboardTextFn = [](void*, const char* text) { js_write_clipboard(text); };
  io.GetClipboardTextFn = [](void*) -> const char* { return P->clipboard.c_str(); };
  io.ImeSetInputScreenPosFn = js_ime_pos;

  lede::Host host;
  host.download = js_download;
  host.open_picker = [](lede::FileKind k) { js_open_picker(int(k)); };
  host.request_clipboard_text = js_request_clipboard;
  host.write_clipboard = js_write_clipboard;
  host.set_title = js_set_title;
  host.now_ms = js_now_ms;
  host.store_article = js_store_article;
  host.store_journal = js_store_journal;
  host.store_meta = js_store_meta;
  host.load_article = js_load_article;
  host.purge_article = js_purge_article;
  host.store_library_state = js_store_library_state;
  host.search_library = js_search_library;
  host.export_library = js_export_library;
  host.take_over = js_take_over;
  host.store_settings = js_store_settings;
  host.print_html = js_print_html;
  host.open_url = js_open_url;
  lede::app_init(P->app, host);
  lede::app_open_default(P->app, "dprk-missiles-un.txt", std::string(lede::page_file("articles/dprk-missiles-un.txt")));
  js_mark("article");

  ImGui_ImplOpenGL3_Init("#version 300 es");
  P->last_time = emscripten_get_now() / 1000.0;
  js_start();  // sizes the canvas (lede_resize) and attaches the DOM listeners
  emscripten_set_main_loop(frame, 0, false);
  frame();  // the article now, not after the next animation frame: it is on screen one frame sooner
  return 0;
}

}  // extern "C"
