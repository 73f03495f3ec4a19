// What the reader needs from the platform it runs on (the browser glue implements it).
// A small C-like table of functions, so the app stays free of Emscripten.
#pragma once
#include <cstddef>

namespace lede {

enum class FileKind { any = 0, article = 1, annotations = 2, merge = 3, library = 4 };  // merge: another reader's file; library: an exported library

struct Host {
  void (*download)(const char* file_name, const char* data, size_t size, const char* mime) = nullptr;
  void (*open_picker)(FileKind kind) = nullptr;         // the result comes back through app_open_bytes
  void (*request_clipboard_text)() = nullptr;           // the result comes back through app_open_bytes
  void (*write_clipboard)(const char* utf8) = nullptr;
  void (*set_title)(const char* utf8) = nullptr;
  double (*now_ms)() = nullptr;                         // wall clock, ms since the Unix epoch
  // The library in the browser. store_article keeps an article's file and its list entry (meta)
  // together; the host confirms with app_article_stored or reports app_store_failed.
  // store_article replaces the article's journal too; store_journal appends entry `seq` of it
  // (core/lede_file.hpp, write_lede_journal_entry): what changed, without the text.
  void (*store_article)(const char* id, const char* file_json, const char* meta_json, double changes) = nullptr;
  void (*store_journal)(const char* id, double seq, const char* entry_json, const char* meta_json, double changes) = nullptr;
  void (*store_meta)(const char* id, const char* meta_json) = nullptr;   // list entry only (rename, trash, position)
  void (*load_article)(const char* id) = nullptr;                        // answered by app_article_loaded (file and journal)
  void (*purge_article)(const char* id) = nullptr;                       // deleted for good (from the trash)
  void (*store_library_state)(const char* json) = nullptr;               // {open: [ids], current: id}
  void (*search_library)(const char* query) = nullptr;                   // answered by app_library_search_results
  void (*export_library)() = nullptr;                                    // downloads every article in one file
  void (*take_over)() = nullptr;                                         // this tab becomes the library's writer
  void (*store_settings)(const char* utf8_json) = nullptr;
  void (*print_html)(const char* utf8_html) = nullptr;                   // prints this page (a report), not the reader
  void (*open_url)(const char* url) = nullptr;  // an http(s) link, in a new tab (an explicit click only)
};

}  // namespace lede
