// One open article and the reader's work on it: the document, its labels, annotations and
// orphans, undo and redo, and what has been stored where. No UI: the reader draws a Session,
// the unit tests drive one directly. Operations return an Outcome for the UI to show instead of
// writing messages themselves.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/annotation.hpp"
#include "core/tally.hpp"
#include "core/text.hpp"

namespace lede {

inline constexpr const char* kGenerator = "Lede 0.1";

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
  bool ratings_changed = false;  // the rating scale
  std::vector<Rating> ratings_before, ratings_after;
  bool meta_changed = false;     // the article's details
  ArticleMeta meta_before, meta_after;
};

// What an operation did, for the UI to say.
struct Outcome {
  bool ok = true;
  std::string status;  // one line for the status bar ("Opened x.txt (3 annotations)")
  std::string title;   // when !ok: the heading of the message to show
  std::string error;   // when !ok: what went wrong and what was kept
  std::string info;    // when ok: something worth a short notice (a re-anchoring summary)
  static Outcome fail(std::string title, std::string error) {
    Outcome o;
    o.ok = false;
    o.title = std::move(title);
    o.error = std::move(error);
    return o;
  }
};

// What changed since the article was last handed to the browser's store, so that autosave writes
// that (a journal entry, write_lede_journal_entry) instead of the whole file with its text.
struct StoreLog {
  bool whole = true;              // the next store writes the whole file: a new article, suggestions added
  std::set<std::string> touched;  // ids of the annotations added, changed or removed since
  int64_t from = INT64_MAX, to = INT64_MIN;  // where they lie (code points): the entry reads only there
  bool orphans = false;           // the orphans changed
  uint64_t seq = 0;               // journal entries stored after the whole file
  size_t whole_bytes = 0, journal_bytes = 0;
};

// Where one change touched the annotations: every annotation it added, changed or removed starts
// in [from, to] (code points). Views that follow the session (GraphPicture) update only that.
struct ChangeSpan {
  uint64_t changes = 0;  // the value of Session::changes the change produced
  int64_t from = 0, to = -1;
};

struct Session {
  Session() = default;
  Session(const Session&) = delete;  // index points into doc.text: a session never moves
  Session& operator=(const Session&) = delete;

  std::string id;         // the library's key for this article; empty until it has one
  std::string file_stem;  // base name for files saved from it
  Document doc;           // doc.text is the single source of truth for every offset
  TextIndex index;
  std::vector<Label> labels;
  std::vector<Rating> ratings;          // the rating scale (never empty once open)
  std::vector<Annotation> annotations;  // sorted by (start, end desc, id)
  std::vector<Annotation> orphans;      // from files whose article changed: kept, shown, saved
  std::string author;                   // the file's author, kept on save
  int64_t max_span = 0;                 // at least the longest annotation: bounds the visible-range search
  Tally tally;                          // the annotations counted: kept from each change's edits
  uint64_t next_id = 1;
  uint64_t changes = 0;                 // bumps on every change
  // The latest changes' spans (at most kMaxChangeSpans). A bump of `changes` without a span here
  // (an article opened, suggestions added, labels or details changed) touched everything.
  std::vector<ChangeSpan> change_spans;
  std::vector<Change> undo, redo;

  // Where the work is kept.
  uint64_t stored_changes = ~0ull;      // `changes` last handed to the browser's store
  uint64_t store_confirmed = ~0ull;     // `changes` the store confirmed
  std::string saved_to_file_at;         // time of the last save to a file, empty if never
  uint64_t saved_to_file_changes = ~0ull;
  size_t top_cp = 0;                    // reading position: the code point at the top of the view
  std::string created, updated;         // ISO 8601 UTC, for the library
  StoreLog store_log;
  // While another tab writes the library, this one cannot store: each change it applies is also
  // kept here (an undo as the change that reverts it), to be replayed on the stored version when
  // this tab writes again (replay_changes), so that neither tab's work is written over.
  bool keep_log = false;
  std::vector<Change> unstored;

  bool stored() const { return store_confirmed == changes; }
  bool saved_to_file() const { return saved_to_file_changes == changes; }
};

// Replaces the session's content (a new article, or one restored): undo and redo start empty.
void session_open(Session& s, Document doc, std::vector<Label> labels, std::vector<Annotation> annotations,
                  std::vector<Annotation> orphans = {}, std::string author = {}, std::vector<Rating> ratings = {});
// Adds the analysis' suggestions unless the article already has some (reviewed or not, or among
// its orphans). Not undoable: suggestions are the article's starting point. True if added.
bool add_suggestions(Session& s, std::vector<Annotation> suggestions);
// True when the article already holds automatic annotations (add_suggestions would add none): the
// caller can skip the analysis (a long article's takes tens of MB of heap for nothing).
bool has_suggestions(const Session& s);

// Applies a change and makes it undoable. False when it changes nothing.
bool commit(Session& s, Change change);
// Undo / redo the newest change; the change's description, or nullopt when there is none.
std::optional<std::string> undo(Session& s);
std::optional<std::string> redo(Session& s);

// Changes made on another copy of the article (Session::unstored of a tab that could not store
// them), applied to this session, each as one undoable change: an annotation both copies changed
// takes the logged version, one this copy no longer holds comes back as the log left it, and one
// added under an id this copy already gives to another annotation gets a new id. Labels, ratings
// and details take the logged change's. Returns how many changes applied.
size_t replay_changes(Session& s, const std::vector<Change>& log);

// The span of code points that every change after `since` touched, when each of them left one
// (Session::change_spans); false when one touched everything or is no longer recorded.
bool touched_since(const Session& s, uint64_t since, int64_t* from, int64_t* to);

void sort_annotations(Session& s);  // also bounds max_span, moves next_id past every id and counts the tally
std::string new_annotation_id(Session& s);
Annotation* find_annotation(Session& s, const std::string& id);
const Annotation* find_annotation(const Session& s, const std::string& id);
const Label* find_label(const Session& s, const std::string& id);
std::string annotation_text(const Session& s, const Annotation& an);

// Annotations the reader made or decided (accepted or rejected suggestions, their own marks).
size_t reader_annotation_count(const Session& s);

// The whole session as a .lede.json file / as the set it holds.
AnnotationSet to_set(const Session& s);
std::string to_file(const Session& s);

// What autosave hands to the store next: the whole file, or a journal entry of what changed since
// the last store (the text is not in it). A journal grown past a quarter of the file's size is
// folded into a new whole file, so that restoring stays quick. Resets s.store_log.
struct StoreWrite {
  bool whole = true;
  uint64_t seq = 0;  // the journal entry's number (from 1 after each whole file)
  std::string bytes;
};
StoreWrite next_store(Session& s);

// A Lede file or a W3C Web Annotation file (told apart by name and content), validated.
bool load_annotation_file(const std::string& name, const std::string& bytes, AnnotationSet* out, std::string* error);

// Opening a file as an article: a .txt/.md article, or a .lede.json / W3C file with its text.
// `suggested` tells whether the result already holds automatic annotations (else the caller
// adds the analysis' suggestions). Nothing changes when it fails.
Outcome open_file_as_article(Session& s, const std::string& name, const std::string& bytes, bool* suggested);
// The same with the file already loaded (load_annotation_file): not read a second time.
Outcome open_set_as_article(Session& s, const std::string& name, AnnotationSet set, bool* suggested);
// Puts a file's annotations on the session's text: as they are when the texts are the same,
// re-anchored (with a summary in *info) when the file was made for an earlier or later version of
// the article. False when it belongs to another article.
bool fit_to_article(const Session& s, AnnotationSet& set, std::string* info);
// A file of annotations for the open article, as one undoable change: as they are when the texts
// are the same, re-anchored when the file was made for an earlier or later version of it.
// Refused (nothing changes) when it belongs to another article.
Outcome apply_annotation_file(Session& s, const std::string& name, const std::string& bytes);
// Copies of another reader's annotations, as one undoable change: new ids, their author kept,
// suggestions taken as accepted.
bool adopt(Session& s, const std::vector<Annotation>& theirs, const std::string& their_author, const std::string& now,
           const std::string& what);

}  // namespace lede
