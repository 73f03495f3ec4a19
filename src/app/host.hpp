// What the reader needs from the platform it runs on (the browser glue implements it).
// A small C-like table of functions, so the app stays free of Emscripten.
#pragma once
#include <cstddef>

namespace lede {

enum class FileKind { any = 0, article = 1, annotations = 2, merge = 3 };  // merge: another reader's file

struct Host {
  void (*download)(const char* file_name, const char* data, size_t size, const char* mime) = nullptr;
  void (*open_picker)(FileKind kind) = nullptr;         // the result comes back through app_open_bytes
  void (*request_clipboard_text)() = nullptr;           // the result comes back through app_open_bytes
  void (*write_clipboard)(const char* utf8) = nullptr;
  void (*set_title)(const char* utf8) = nullptr;
  double (*now_ms)() = nullptr;                         // wall clock, ms since the Unix epoch
  // Keeps the reader's work in the browser; the host confirms through app_autosaved(changes).
  void (*autosave)(const char* utf8_json, double changes) = nullptr;
  void (*store_settings)(const char* utf8_json) = nullptr;
};

}  // namespace lede
