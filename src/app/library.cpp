// The library: every article the reader opened, kept in the browser with its work, and the open
// ones as tabs. The host stores and loads; this file decides what to store and when, and draws
// the Library view and the tabs.
#include <algorithm>
#include <cstdio>

#include "app/reader.hpp"
#include "core/article.hpp"
#include "core/lede_file.hpp"
#include "core/library_file.hpp"
#include "core/review.hpp"
#include "core/sha256.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lede {

void to_json(json& j, const LibraryEntry& e) {
  j = json{{"id", e.id},           {"title", e.title},     {"stem", e.stem},       {"length", e.length},
           {"annotations", e.annotations}, {"created", e.created}, {"updated", e.updated}, {"top", e.top}};
  if (!e.deleted.empty()) j["deleted"] = e.deleted;
  if (!e.outlet.empty()) j["outlet"] = e.outlet;
  if (!e.published.empty()) j["published"] = e.published;
  j["claims"] = e.claims;
  j["checked"] = e.checked;
}

void from_json(const json& j, LibraryEntry& e) {
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  auto num = [&](const char* k) { return j.contains(k) && j[k].is_number_unsigned() ? j[k].get<size_t>() : size_t(0); };
  e.id = str("id");
  e.title = str("title");
  e.stem = str("stem");
  e.length = num("length");
  e.annotations = num("annotations");
  e.created = str("created");
  e.updated = str("updated");
  e.deleted = str("deleted");
  e.top = num("top");
  e.outlet = str("outlet");
  e.published = str("published");
  e.claims = num("claims");
  e.checked = num("checked");
}

namespace {

LibraryEntry* entry(App& a, const std::string& id) {
  for (LibraryEntry& e : a.library.entries)
    if (e.id == id) return &e;
  return nullptr;
}

int session_index(const App& a, const std::string& id) {
  for (size_t i = 0; i < a.sessions.size(); ++i)
    if (!id.empty() && a.sessions[i]->id == id) return int(i);
  return -1;
}

// What the list says of an article, from its session.
LibraryEntry entry_of(const Session& s) {
  LibraryEntry e;
  e.id = s.id;
  e.title = article_title(s.doc);
  e.stem = s.file_stem;
  e.outlet = s.doc.meta.outlet;
  e.published = s.doc.meta.published;
  e.claims = s.tally.claims;  // kept by the session: no recount of a long article per store
  e.checked = s.tally.checked;
  e.length = s.index.length();
  e.annotations = reader_annotation_count(s);
  e.created = s.created;
  e.updated = s.updated;
  e.top = s.top_cp;
  return e;
}

json meta_of(const Session& s) {
  json j = entry_of(s);
  j["savedToFileAt"] = s.saved_to_file_at;
  j["savedToFile"] = s.saved_to_file();
  return j;
}

void put_entry(App& a, LibraryEntry e) {
  if (LibraryEntry* old = entry(a, e.id)) *old = std::move(e);
  else a.library.entries.push_back(std::move(e));
  std::stable_sort(a.library.entries.begin(), a.library.entries.end(),
                   [](const LibraryEntry& x, const LibraryEntry& y) { return x.updated > y.updated; });
}

// A key no other article of this library, in this tab or another, will get.
std::string fresh_id(App& a, const Session& s) {
  double ms = a.host.now_ms ? a.host.now_ms() : 0;
  std::string seed = std::to_string(ms) + ":" + std::to_string(++a.library.ids_made) + ":" + s.doc.title + ":" + s.doc.text.substr(0, 4096);
  return "a" + sha256_hex(seed).substr(0, 16);
}

void store_state(App& a) {
  // Not before the store's own list arrived: the tabs open last time are in it.
  if (!a.host.store_library_state || !a.library.writer || !a.library.loaded) return;
  json open = json::array();
  for (const auto& s : a.sessions)
    if (!s->id.empty()) open.push_back(s->id);
  json j = {{"open", open}, {"current", a.s && !a.s->id.empty() ? json(a.s->id) : json(nullptr)}};
  std::string text = j.dump();
  if (text == a.library.stored_state) return;
  a.library.stored_state = text;
  a.host.store_library_state(text.c_str());
}

void store_meta(App& a, const LibraryEntry& e) {
  if (a.host.store_meta && a.library.writer) a.host.store_meta(e.id.c_str(), json(e).dump().c_str());
}

// The default article, untouched, gives way to the first article the reader opens or restores.
void drop_pristine_default(App& a) {
  if (a.sessions.size() < 2) return;
  for (size_t i = 0; i < a.sessions.size(); ++i) {
    Session& s = *a.sessions[i];
    if (s.id.empty() && s.undo.empty() && s.redo.empty() && &s != a.s) {
      a.sessions.erase(a.sessions.begin() + long(i));
      return;
    }
  }
}

}  // namespace

Session& new_session(App& a) {
  return adopt_session(a, std::make_unique<Session>());
}

Session& adopt_session(App& a, std::unique_ptr<Session> s) {
  s->keep_log = !a.library.writer;  // changes this tab cannot store are kept to replay later
  a.sessions.push_back(std::move(s));
  a.s = a.sessions.back().get();
  drop_pristine_default(a);
  return *a.s;
}

void show_session(App& a, size_t i) {
  if (i >= a.sessions.size() || a.sessions[i].get() == a.s) return;
  a.s = a.sessions[i].get();
  session_shown(a);
  drop_pristine_default(a);
}

namespace {
// Work on the article that neither the browser's store nor a file holds.
bool unkept(const Session& s) { return !s.stored() && !s.saved_to_file() && !(s.id.empty() && s.undo.empty()); }
}  // namespace

bool app_unkept_work(const App& a) {
  if (a.open_field.s) return true;  // a note being typed
  return std::any_of(a.sessions.begin(), a.sessions.end(), [](const std::unique_ptr<Session>& s) { return unkept(*s); });
}

void close_session(App& a, size_t i) {
  if (i >= a.sessions.size()) return;
  Session* closing = a.sessions[i].get();
  if (a.open_field.s == closing) keep_open_field(a, true);  // a note being typed in it is kept first
  // Its work is in the library; one that could not be stored stays open.
  if (unkept(*closing)) {
    show_notice(a, true, "Not stored yet", "\u201C" + closing->doc.title + "\u201D has changes this browser has not stored yet, so it stays open. Save it to a file (Ctrl+S) to keep them.");
    return;
  }
  if (a.sessions.size() == 1) {
    set_status(a, "The last open article stays open; the Library (Ctrl+Shift+L) opens others.");
    return;
  }
  a.sessions.erase(a.sessions.begin() + long(i));
  if (closing == a.s) {
    a.s = a.sessions[std::min(i, a.sessions.size() - 1)].get();
    session_shown(a);
  }
  set_status(a, "Closed the tab; the article stays in the library");
}

void app_library_loaded(App& a, const std::string& entries_json, const std::string& state_json) {
  Library& L = a.library;
  L.loaded = true;
  json entries = json::parse(entries_json, nullptr, false);
  if (entries.is_array())
    for (const json& j : entries) {
      if (!j.is_object()) continue;
      LibraryEntry e = j.get<LibraryEntry>();
      if (!e.id.empty()) put_entry(a, std::move(e));
    }
  json state = json::parse(state_json, nullptr, false);
  if (!state.is_object()) return;
  if (state.contains("open") && state["open"].is_array())
    for (const json& id : state["open"]) {
      if (!id.is_string()) continue;
      const LibraryEntry* e = entry(a, id.get<std::string>());
      if (!e || !e->deleted.empty() || session_index(a, e->id) >= 0) continue;
      L.restoring.push_back(e->id);
    }
  if (state.contains("current") && state["current"].is_string()) L.reopen = state["current"].get<std::string>();
  for (const std::string& id : L.restoring)
    if (a.host.load_article) a.host.load_article(id.c_str());
}

namespace {

// The session becomes the stored article (read with read_lede_file_lenient): stored as it is.
void open_stored(Session& s, LoadResult& r, size_t file_bytes, size_t journal_bytes) {
  session_open(s, std::move(r.set.document), std::move(r.set.labels), std::move(r.set.annotations), std::move(r.set.orphans),
               std::move(r.set.author), std::move(r.set.ratings));
  s.stored_changes = s.store_confirmed = s.changes;
  // The next change goes on the journal, unless something stored had to be left out: then the
  // whole file is written again without it.
  s.store_log = StoreLog{};
  s.store_log.whole = !r.dropped.empty();
  s.store_log.whole_bytes = file_bytes;
  s.store_log.journal_bytes = journal_bytes;
  s.store_log.seq = r.journal_seq;
}

// This tab writes the library again, and another may have stored the article meanwhile: the tab's
// copy becomes the stored version, and the changes made here that could not be stored are
// replayed on it. Writing this copy whole would have thrown the other tab's work away.
void refresh_session(App& a, Session& s, std::string_view file_json, std::string_view journal) {
  std::vector<Change> log = std::move(s.unstored);
  s.unstored.clear();
  s.keep_log = false;
  LoadResult r = read_lede_file_lenient(file_json, journal);
  if (!r.ok) {  // gone from the store (deleted for good in the other tab) or unreadable: stored whole again
    s.stored_changes = ~0ull;
    s.store_log.whole = true;
    return;
  }
  std::string stem = s.file_stem, saved_at = s.saved_to_file_at;
  size_t top = s.top_cp;
  open_stored(s, r, file_json.size(), journal.size());
  s.file_stem = stem;
  s.saved_to_file_at = saved_at;
  s.top_cp = std::min(top, s.index.length());
  size_t n = replay_changes(s, log);
  if (&s == a.s) session_shown(a);
  if (n) set_status(a, "This tab now keeps the library: " + count_of(n, "change", "changes") + " made here added to \u201C" + s.doc.title +
                           "\u201D as stored by the other tab");
}

}  // namespace

void app_article_loaded(App& a, const std::string& id, std::string_view file_json, std::string_view journal, const std::string& meta_json) {
  Library& L = a.library;
  auto refresh = std::find(L.refreshing.begin(), L.refreshing.end(), id);
  if (refresh != L.refreshing.end()) {
    L.refreshing.erase(refresh);
    int i = session_index(a, id);
    if (i >= 0) {
      refresh_session(a, *a.sessions[size_t(i)], file_json, journal);
      app_add_suggestions(a);
      return;
    }
  }
  bool at_start = std::find(L.restoring.begin(), L.restoring.end(), id) != L.restoring.end();
  L.restoring.erase(std::remove(L.restoring.begin(), L.restoring.end(), id), L.restoring.end());
  if (session_index(a, id) >= 0) {  // already open
    if (!at_start) show_session(a, size_t(session_index(a, id)));
    return;
  }
  // Stored work is restored even when part of it is bad: what cannot be read is listed, the rest kept.
  LoadResult r = read_lede_file_lenient(file_json, journal);
  const LibraryEntry* known = entry(a, id);
  const std::string title = known ? known->title : id;
  if (!r.ok) {
    show_notice(a, true, "Could not open an article of the library",
                "\u201C" + title + "\u201D, as stored in this browser, could not be read: " + r.summary(2) +
                    "\n\nNothing else was changed. Export the library (File > Export library) to keep a copy of what is stored.");
    return;
  }
  if (!r.dropped.empty())
    show_notice(a, true, "Part of an article could not be restored",
                std::to_string(r.dropped.size()) + (r.dropped.size() == 1 ? " item" : " items") + " of what was stored for \u201C" + title +
                    "\u201D could not be read or applied and " + (r.dropped.size() == 1 ? "was" : "were") +
                    " left out; everything else was restored:\n\n" + r.dropped_summary(5));
  json meta = json::parse(meta_json, nullptr, false);
  if (!meta.is_object()) meta = json::object();
  auto fresh = std::make_unique<Session>();
  Session& s = *fresh;
  open_stored(s, r, file_json.size(), journal.size());
  LibraryEntry e = meta.get<LibraryEntry>();
  s.id = id;
  if (!e.stem.empty()) s.file_stem = e.stem;
  s.created = e.created;
  s.updated = e.updated;
  s.top_cp = std::min(e.top, s.index.length());
  s.saved_to_file_at = meta.value("savedToFileAt", std::string());
  if (meta.value("savedToFile", false)) s.saved_to_file_changes = s.changes;
  Session* shown = a.s;
  adopt_session(a, std::move(fresh));
  bool show = !at_start || L.reopen == id || L.reopen.empty() || !shown || (shown->id.empty() && shown->undo.empty());
  if (!show) {
    a.s = shown;  // restored behind the article on screen
  } else {
    session_shown(a);
    if (at_start) {
      show_toast(a, "Restored your work on \u201C" + s.doc.title + "\u201D from this browser" +
                        (s.updated.empty() ? "" : " (saved " + s.updated + ")") + ".");
      set_status(a, "Restored from this browser");
    } else {
      set_status(a, "Opened \u201C" + s.doc.title + "\u201D from the library");
    }
  }
  drop_pristine_default(a);
  app_add_suggestions(a);
}

void app_article_stored(App& a, const std::string& id, uint64_t changes) {
  int i = session_index(a, id);
  if (i >= 0) a.sessions[size_t(i)]->store_confirmed = changes;  // the host stores in order
  a.library.storage_error.clear();
}

void app_store_failed(App& a, const std::string& id, const std::string& reason) {
  bool first = a.library.storage_error.empty();
  a.library.storage_error = reason.empty() ? std::string("the browser refused to store it") : reason;
  if (first)
    show_notice(a, true, "Your work is not being kept in this browser",
                "Lede could not store your changes in this browser: " + a.library.storage_error +
                    ".\n\nNothing is lost yet: everything is still open here. Save it to a file (Ctrl+S) to keep it; the status bar keeps "
                    "saying this until then.");
  // A journal entry needs the file and the entries before it in the store: after a failure the
  // next store writes the whole file.
  for (auto& sp : a.sessions)
    if (id.empty() || sp->id == id) sp->store_log.whole = true;
}

void app_library_search_results(App& a, const std::string& query, const std::string& hits_json) {
  if (query != a.library.search) return;  // an older query's answer
  a.library.searched = query;
  a.library.hits.clear();
  json hits = json::parse(hits_json, nullptr, false);
  if (!hits.is_array()) return;
  for (const json& h : hits) {
    if (!h.is_object()) continue;
    Library::Hit hit;
    hit.id = h.value("id", "");
    hit.title = h.value("title", "");
    hit.snippet = h.value("snippet", "");
    hit.count = h.value("count", size_t(0));
    a.library.hits.push_back(std::move(hit));
  }
}

void app_set_writer(App& a, bool writer) {
  bool was = a.library.writer;
  a.library.writer = writer;
  if (!writer)
    for (auto& s : a.sessions) s->keep_log = true;
  if (was && !writer)
    show_notice(a, false, "Lede is open in another tab",
                "Another tab writes this browser\u2019s library now, so this tab does not store changes (they would overwrite each other). "
                "Changes made here are kept in this tab and added to the library when it takes over: choose \u201CUse this tab\u201D in the "
                "status bar, or close the other tab.");
  if (!was && writer) {
    // The other tab may have stored its own version of an open article meanwhile: each is read
    // again and this tab's unstored changes replayed on it (refresh_session) before anything is
    // written. A new article is stored whole.
    for (auto& s : a.sessions) {
      if (!s->id.empty() && a.host.load_article) {
        a.library.refreshing.push_back(s->id);  // its changes are logged until then
        a.host.load_article(s->id.c_str());
        continue;
      }
      s->keep_log = false;
      s->unstored.clear();
      s->stored_changes = s->stored() ? s->changes : ~0ull;
      s->store_log.whole = true;
    }
    set_status(a, "This tab now keeps the library");
  }
}

void app_storage_estimate(App& a, double usage, double quota, bool persistent) {
  a.library.usage = usage;
  a.library.quota = quota;
  a.library.persistent = persistent;
}

bool app_persist(App& a) {
  if (!a.library.writer || !a.host.store_article) return false;
  for (auto& sp : a.sessions) {
    Session& s = *sp;
    if (s.changes == s.stored_changes) continue;
    if (std::find(a.library.refreshing.begin(), a.library.refreshing.end(), s.id) != a.library.refreshing.end()) continue;  // not over the stored version
    s.stored_changes = s.changes;
    std::string now = now_iso(a);
    if (s.id.empty()) {
      s.id = fresh_id(a, s);
      s.created = now;
    }
    s.updated = now;
    LibraryEntry e = entry_of(s);
    put_entry(a, e);
    // What changed since the last store, or the whole file (a new article, or the journal grown).
    if (!a.host.store_journal) s.store_log.whole = true;
    StoreWrite w = next_store(s);
    a.library.stored_bytes += w.bytes.size();
    ++(w.whole ? a.library.whole_stores : a.library.journal_stores);
    if (w.whole) a.host.store_article(s.id.c_str(), w.bytes.c_str(), meta_of(s).dump().c_str(), double(s.changes));
    else a.host.store_journal(s.id.c_str(), double(w.seq), w.bytes.c_str(), meta_of(s).dump().c_str(), double(s.changes));
  }
  store_state(a);
  // The reading position, at most twice a second (it changes while scrolling); until it is
  // stored the caller keeps drawing frames.
  LibraryEntry* e = a.s && !a.s->id.empty() ? entry(a, a.s->id) : nullptr;
  if (!e || e->top == a.s->top_cp) return false;
  double t = a.host.now_ms ? a.host.now_ms() : 0;
  if (t - a.library.meta_stored_at < 500) return true;
  e->top = a.s->top_cp;
  a.library.meta_stored_at = t;
  if (a.host.store_meta) a.host.store_meta(e->id.c_str(), meta_of(*a.s).dump().c_str());
  return false;
}

void app_paste_outside_field(App& a) {
  show_toast(a, "Pasting does not replace the article. To read the copied text as a new article, use File > New article from clipboard.");
}

// ---- import --------------------------------------------------------------------------------

void import_library(App& a, const std::string& name, const std::string& bytes) {
  std::vector<LibraryArticle> items;
  std::string error;
  if (!read_library_file(bytes, &items, &error)) {
    show_notice(a, true, "Could not import " + name, error + "\n\nNothing was changed.");
    return;
  }
  // Every article is good: merge them, article by article, the newer version winning.
  size_t added = 0, updated = 0, kept = 0;
  for (LibraryArticle& it : items) {
    const LibraryEntry* old = entry(a, it.id);
    if (old && old->updated >= it.updated) { ++kept; continue; }
    (old ? updated : added)++;
    LibraryEntry e = it.meta.get<LibraryEntry>();
    e.title = article_title(it.set.document);
    e.length = utf8_length(it.set.document.text);
    int open = session_index(a, it.id);
    if (open >= 0) {  // the open tab shows the newer version, as one change that Ctrl+Z in it undoes
      Session& s = *a.sessions[size_t(open)];
      Change c;
      c.what = "Imported the newer version from " + name;
      for (const Annotation& an : s.annotations) c.edits.push_back({an, std::nullopt});
      for (Annotation& an : it.set.annotations) c.edits.push_back({std::nullopt, std::move(an)});
      c.labels_changed = c.ratings_changed = c.meta_changed = true;
      c.labels_before = s.labels;
      c.labels_after = it.set.labels.empty() ? builtin_labels() : std::move(it.set.labels);
      c.ratings_before = s.ratings;
      c.ratings_after = it.set.ratings.empty() ? default_ratings() : std::move(it.set.ratings);
      c.meta_before = s.doc.meta;
      c.meta_after = it.set.document.meta;
      commit(s, std::move(c));
      s.updated = e.updated;
      if (&s == a.s) session_shown(a);
      continue;  // stored by app_persist with the rest of its state
    }
    put_entry(a, e);
    if (a.host.store_article && a.library.writer) a.host.store_article(e.id.c_str(), it.file.c_str(), json(e).dump().c_str(), 0);
  }
  set_status(a, "Imported " + name + ": " + std::to_string(added) + " new, " + std::to_string(updated) + " updated, " + std::to_string(kept) +
                    " kept (this browser\u2019s copy was as new or newer)");
}

// ---- drawing -------------------------------------------------------------------------------

namespace {

std::string short_time(const std::string& iso) {
  // "2026-12-07T10:15:00Z" -> "2026-12-07 10:15"
  return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

std::string megabytes(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}

void open_entry(App& a, const LibraryEntry& e) {
  int i = session_index(a, e.id);
  if (i >= 0) {
    show_session(a, size_t(i));
  } else if (a.host.load_article) {
    a.host.load_article(e.id.c_str());
    set_status(a, "Opening \u201C" + e.title + "\u201D\u2026");
  }
  a.library.window = false;
  a.focus_request = App::FocusRequest::page;
}

void trash_entry(App& a, LibraryEntry& e) {
  int i = session_index(a, e.id);
  if (i >= 0 && a.open_field.s == a.sessions[size_t(i)].get()) keep_open_field(a, true);  // a note being typed in it
  // The trash gives back what the store holds: an article with changes it does not hold stays.
  if (i >= 0 && unkept(*a.sessions[size_t(i)])) {
    show_notice(a, true, "Not stored yet", "\u201C" + e.title + "\u201D has changes this browser has not stored yet, so it was not moved to the trash. "
                "Save it to a file (Ctrl+S) first.");
    return;
  }
  if (i >= 0) {
    if (a.sessions.size() == 1) {  // the page always shows an article: an empty one takes its place
      Session& empty = new_session(a);
      session_open(empty, Document{"No article open", ""}, {}, {});
      empty.stored_changes = empty.store_confirmed = empty.changes;
      i = session_index(a, e.id);
    }
    Session* closing = a.sessions[size_t(i)].get();
    a.sessions.erase(a.sessions.begin() + i);
    if (closing == a.s) {
      a.s = a.sessions.back().get();
      session_shown(a);
    }
  }
  e.deleted = now_iso(a);
  store_meta(a, e);
  set_status(a, "Moved \u201C" + e.title + "\u201D to the trash (the Library\u2019s Trash restores it)");
}

}  // namespace

void draw_library(App& a) {
  Library& L = a.library;
  if (!L.window) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(900.0f, io.DisplaySize.x - 20), std::min(640.0f, io.DisplaySize.y - 40)), ImGuiCond_Appearing);
  if (L.window_focus) { ImGui::SetNextWindowFocus(); }
  bool open = true;
  if (!ImGui::Begin("Library###library", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    L.window = open;
    return;
  }
  mark_ui(a, "window:library");
  // Search the text and the notes of every article.
  ImGui::SetNextItemWidth(-1);
  if (L.window_focus) { ImGui::SetKeyboardFocusHere(); L.window_focus = false; }
  if (ImGui::InputTextWithHint("##search", "Search the text and notes of every article", &L.search)) {
    if (L.search.size() >= 2 && a.host.search_library) a.host.search_library(L.search.c_str());
    else { L.hits.clear(); L.searched.clear(); }
  }
  mark_ui(a, "library:search");
  std::vector<LibraryEntry> live;
  size_t trashed = 0;
  for (const LibraryEntry& e : L.entries) (e.deleted.empty() ? live.push_back(e) : void(++trashed));
  std::string act_open, act_trash, act_restore, act_purge, act_rename;
  if (L.search.size() >= 2) {
    if (L.searched != L.search) ImGui::TextDisabled("Searching\u2026");
    else ImGui::Text("%zu %s", L.hits.size(), L.hits.size() == 1 ? "article matches" : "articles match");
    for (const Library::Hit& h : L.hits) {
      ImGui::PushID(h.id.c_str());
      if (ImGui::Selectable(h.title.c_str())) act_open = h.id;
      mark_ui(a, "library:hit:" + h.id);
      ImGui::Indent();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%zu %s \u00B7 %s", h.count, h.count == 1 ? "match" : "matches", h.snippet.c_str());
      ImGui::PopTextWrapPos();
      ImGui::Unindent();
      ImGui::PopID();
    }
    ImGui::Separator();
  }
  ImGui::Text("%zu %s", live.size(), live.size() == 1 ? "article" : "articles");
  // The window scrolls as a whole: nothing above the trash moves when it opens.
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##articles", 8, tf)) {
    ImGui::TableSetupColumn("Title", 0, 5);
    ImGui::TableSetupColumn("Outlet", 0, 1.6f);
    ImGui::TableSetupColumn("Date", 0, 1.6f);
    ImGui::TableSetupColumn("Length", 0, 1.2f);
    ImGui::TableSetupColumn("Annotations", 0, 1.3f);
    ImGui::TableSetupColumn("Checked", 0, 1.3f);
    ImGui::TableSetupColumn("Last change", 0, 2);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 190);
    ImGui::TableHeadersRow();
    for (const LibraryEntry& e : live) {
      ImGui::TableNextRow();
      ImGui::PushID(e.id.c_str());
      ImGui::TableNextColumn();
      bool current = a.s && a.s->id == e.id;
      if (L.rename_id == e.id) {
        ImGui::SetNextItemWidth(-1);
        if (L.rename_focus) { ImGui::SetKeyboardFocusHere(); L.rename_focus = false; }
        bool done = ImGui::InputText("##rename", &L.rename_to, ImGuiInputTextFlags_EnterReturnsTrue);
        mark_ui(a, "library:rename-field:" + e.id);
        if (done) act_rename = e.id;
        else if (ImGui::IsItemDeactivated()) L.rename_id.clear();
      } else {
        std::string label = e.title.empty() ? std::string("(untitled)") : e.title;
        if (session_index(a, e.id) >= 0) label += current ? "  (shown)" : "  (open)";
        if (ImGui::Selectable(label.c_str(), current, ImGuiSelectableFlags_AllowDoubleClick) ) act_open = e.id;
        mark_ui(a, "library:open:" + e.id);
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.outlet.c_str());
      mark_ui(a, "library:outlet:" + e.id);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.published.substr(0, 10).c_str());
      mark_ui(a, "library:date:" + e.id);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", e.length);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", e.annotations);
      ImGui::TableNextColumn();
      if (e.claims) ImGui::Text("%zu of %zu", e.checked, e.claims);  // claims checked
      else ImGui::TextDisabled("\u2014");
      mark_ui(a, "library:checked:" + e.id);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(short_time(e.updated).c_str());
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Rename")) { L.rename_id = e.id; L.rename_to = e.title; L.rename_focus = true; }
      mark_ui(a, "library:rename:" + e.id);
      ImGui::SameLine();
      if (ImGui::SmallButton("Delete")) act_trash = e.id;
      mark_ui(a, "library:delete:" + e.id);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (trashed) {
    ImGui::SetNextItemOpen(L.show_trash, ImGuiCond_Always);
    L.show_trash = ImGui::CollapsingHeader(("Trash (" + std::to_string(trashed) + ")###trash").c_str());
    mark_ui(a, "library:trash");
    if (L.show_trash) {
      for (const LibraryEntry& e : L.entries) {
        if (e.deleted.empty()) continue;
        ImGui::PushID(e.id.c_str());
        if (ImGui::SmallButton("Restore")) act_restore = e.id;
        mark_ui(a, "library:restore:" + e.id);
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete forever")) act_purge = e.id;
        mark_ui(a, "library:purge:" + e.id);
        ImGui::SameLine();
        ImGui::Text("%s  \u00B7 deleted %s", e.title.c_str(), short_time(e.deleted).c_str());
        ImGui::PopID();
      }
    }
  }
  // Storage.
  if (!L.storage_error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.15f, 1), "Not stored: %s", L.storage_error.c_str());
  else if (L.quota > 0)
    ImGui::TextDisabled("Storage: %s of %s available to this page \u00B7 %s", megabytes(L.usage).c_str(), megabytes(L.quota).c_str(),
                        L.persistent ? "kept until you delete it" : "the browser may clear it when space runs low");
  if (ImGui::Button("Export library\u2026")) { if (a.host.export_library) a.host.export_library(); }
  mark_ui(a, "library:export");
  ImGui::SameLine();
  if (ImGui::Button("Import library\u2026")) { if (a.host.open_picker) a.host.open_picker(FileKind::library); }
  mark_ui(a, "library:import");
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(27, false) && !ImGui::GetIO().WantTextInput) open = false;
  ImGui::End();

  if (!act_open.empty())
    if (const LibraryEntry* e = entry(a, act_open)) open_entry(a, *e);
  if (!act_rename.empty()) {
    LibraryEntry* e = entry(a, act_rename);
    std::string to = L.rename_to;
    while (!to.empty() && (to.back() == ' ')) to.pop_back();
    if (e && !to.empty() && to != e->title) {
      e->title = to;
      int i = session_index(a, e->id);
      if (i >= 0) {
        // An open article is renamed by a change of its headline: Ctrl+Z in it names it back.
        Session& s = *a.sessions[size_t(i)];
        ArticleMeta meta = s.doc.meta;
        meta.title = to;
        show_outcome(a, set_meta(s, meta));
        set_status(a, "Renamed to \u201C" + to + "\u201D" + (&s == a.s ? " (Ctrl+Z names it back)" : ""));
      } else {
        store_meta(a, *e);
        set_status(a, "Renamed to \u201C" + to + "\u201D");
      }
    }
    L.rename_id.clear();
  }
  if (!act_trash.empty())
    if (LibraryEntry* e = entry(a, act_trash)) trash_entry(a, *e);
  if (!act_restore.empty())
    if (LibraryEntry* e = entry(a, act_restore)) {
      e->deleted.clear();
      store_meta(a, *e);
      set_status(a, "Restored \u201C" + e->title + "\u201D from the trash");
    }
  if (!act_purge.empty()) {
    if (a.host.purge_article && L.writer) a.host.purge_article(act_purge.c_str());
    L.entries.erase(std::remove_if(L.entries.begin(), L.entries.end(), [&](const LibraryEntry& e) { return e.id == act_purge; }), L.entries.end());
    set_status(a, "Deleted an article for good");
  }
  if (!open) {
    L.window = false;
    a.focus_request = App::FocusRequest::page;
  }
}

void draw_session_tabs(App& a, float y, float w) {
  ImGui::SetNextWindowPos(ImVec2(0, y));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  ImGui::Begin("##tabs", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing);
  int close = -1, pick = -1;
  const Session*& selected = a.library.tab_selected;
  if (ImGui::BeginTabBar("##articles", ImGuiTabBarFlags_FittingPolicyScroll | ImGuiTabBarFlags_NoTooltip)) {
    for (size_t i = 0; i < a.sessions.size(); ++i) {
      Session& s = *a.sessions[i];
      std::string title = s.doc.title.empty() ? std::string("(untitled)") : s.doc.title;
      if (title.size() > 40) {
        size_t cut = 38;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
        title = title.substr(0, cut) + "\u2026";
      }
      bool keep = true;
      ImGuiTabItemFlags f = (&s == a.s && selected != a.s) ? ImGuiTabItemFlags_SetSelected : 0;
      char id[32];
      std::snprintf(id, sizeof id, "###t%p", static_cast<void*>(&s));
      bool on = ImGui::BeginTabItem((title + id).c_str(), a.sessions.size() > 1 ? &keep : nullptr, f);
      mark_ui(a, "articletab:" + std::to_string(i));
      if (on) {
        if (&s != a.s && selected == a.s) pick = int(i);
        ImGui::EndTabItem();
      }
      if (!keep) close = int(i);
    }
    ImGui::EndTabBar();
  }
  selected = a.s;
  ImGui::End();
  ImGui::PopStyleVar();
  if (pick >= 0) { show_session(a, size_t(pick)); selected = a.s; }
  if (close >= 0) close_session(a, size_t(close));
}

std::string library_json(const App& a) {
  json out = json::array();
  for (const LibraryEntry& e : a.library.entries)
    if (e.deleted.empty())
      out.push_back({{"id", e.id}, {"title", e.title}, {"length", e.length}, {"annotations", e.annotations}, {"updated", e.updated},
                     {"outlet", e.outlet}, {"published", e.published}, {"claims", e.claims}, {"checked", e.checked}});
  return out.dump();
}

}  // namespace lede
