// Restoring stored work (the page's library): the whole file autosave stored, then its journal of
// what changed, read back with read_lede_file_lenient. The session those give back must be the
// one the changes produced; a bad or torn entry loses nothing but itself, and says so.
#include <doctest/doctest.h>

#include "core/lede_file.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

using namespace lede;

namespace {

const char* kText =
    "Zoë Müller met officials in Kraków on Monday. Around 300 people marched. "
    "The mayor, Jan Nowak, said the city would pay 2 million złoty.";

// A change of one annotation, as the reader's commands make it (before -> after; nullopt: none).
Change edit(const std::string& what, std::optional<Annotation> before, std::optional<Annotation> after) {
  Change c;
  c.what = what;
  c.edits.push_back({std::move(before), std::move(after)});
  return c;
}

// An article with the analysis' suggestions, stored whole once; then each store() is a journal entry.
struct Stored {
  Session s;
  std::string file;
  std::vector<std::string> journal;

  Stored() {
    session_open(s, Document{"Kraków", kText}, {}, {});
    auto suggested = [&](const char* id, const char* label, const char* quote) {
      return annotation_over(s, id, label, quote, Origin::automatic);
    };
    add_suggestions(s, {suggested("s1", "actor", "Zoë Müller"), suggested("s2", "actor", "Kraków"), suggested("s3", "number", "300"),
                        suggested("s4", "actor", "Jan Nowak"), suggested("s5", "number", "2 million złoty")});
    StoreWrite w = next_store(s);
    REQUIRE(w.whole);
    file = w.bytes;
  }
  void store() {
    StoreWrite w = next_store(s);
    REQUIRE_FALSE(w.whole);
    journal.push_back(w.bytes);
  }
  std::string lines() const {
    std::string out;
    for (const std::string& e : journal) out += (out.empty() ? "" : "\n") + e;
    return out;
  }
  const Annotation& get(const std::string& id) {
    const Annotation* a = find_annotation(s, id);
    REQUIRE(a);
    return *a;
  }
  // Accept, reject, edit, relabel, delete: one change each, stored.
  void work() {
    Annotation a = get("s1");
    a.status = Status::accepted;
    commit(s, edit("Accepted", get("s1"), a));
    store();
    a = get("s3");
    a.status = Status::rejected;
    commit(s, edit("Rejected", get("s3"), a));
    store();
    a = get("s4");
    a.note = "the mayor";
    a.status = Status::accepted;
    a.end -= 6;  // "Jan" only: an edited span
    commit(s, edit("Edited", get("s4"), a));
    store();
    a = get("s2");
    a.label = "claim";
    commit(s, edit("Relabelled", get("s2"), a));
    store();
    commit(s, edit("Deleted", get("s5"), std::nullopt));
    store();
    commit(s, edit("Marked", std::nullopt, annotation_over(s, new_annotation_id(s), "claim", "the city would pay", Origin::user)));
    store();
  }
};

// The file of the session the reader makes of what was restored.
std::string reopened(LoadResult& r) {
  Session back;
  session_open(back, r.set.document, r.set.labels, r.set.annotations, r.set.orphans, r.set.author, r.set.ratings);
  return to_file(back);
}

}  // namespace

TEST_CASE("restore: file and journal give back the session that accept, reject, edit, relabel, delete and undo made") {
  Stored st;
  st.work();
  LoadResult r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  CHECK(r.dropped.empty());
  CHECK(r.journal_seq == st.journal.size());
  CHECK(reopened(r) == to_file(st.s));
  CHECK(r.set.annotations.size() == 5);  // s5 deleted, one added

  // Undo the added mark and the delete: the journal says s5 is back, the mark gone.
  undo(st.s);
  st.store();
  undo(st.s);
  st.store();
  r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  CHECK(r.dropped.empty());
  CHECK(reopened(r) == to_file(st.s));
  CHECK(find_annotation(st.s, "s5"));
  CHECK(r.set.annotations.size() == 5);

  // A label set changed, then undone and redone: the last entry's labels win.
  Change labels;
  labels.what = "Labels";
  labels.labels_changed = true;
  labels.labels_before = st.s.labels;
  labels.labels_after = st.s.labels;
  labels.labels_after[1].name = "Said";
  commit(st.s, labels);
  st.store();
  undo(st.s);
  st.store();
  redo(st.s);
  st.store();
  r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  CHECK(r.set.labels[1].name == "Said");
  CHECK(reopened(r) == to_file(st.s));
}

TEST_CASE("restore: a journal that ends in a torn entry keeps every change before it and says what was left out") {
  Stored st;
  st.work();
  std::string before_last = to_file(st.s);
  Annotation a = st.get("s2");
  a.status = Status::accepted;
  commit(st.s, edit("Accepted", st.get("s2"), a));
  st.store();
  // The browser stopped mid-write: only the first half of the last entry is stored.
  st.journal.back().resize(st.journal.back().size() / 2);
  LoadResult r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  REQUIRE(r.dropped.size() == 1);
  CHECK(r.dropped[0].path == "journal[" + std::to_string(st.journal.size() - 1) + "]");
  CHECK(r.dropped[0].message.find("could not be read") != std::string::npos);
  CHECK(r.journal_seq == st.journal.size() - 1);  // the last entry that was read
  CHECK(reopened(r) == before_last);
}

TEST_CASE("restore: an entry for an annotation the file does not hold is said, and nothing else is lost") {
  Stored st;
  st.work();
  // An entry that removes "ghost", which neither the file nor an entry before it holds.
  st.journal.push_back(write_lede_journal_entry(SetView{st.s.doc, st.s.labels, st.s.ratings, st.s.annotations, st.s.orphans, st.s.author}, st.s.index, st.journal.size() + 1, {"ghost"}, false));
  LoadResult r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  REQUIRE(r.dropped.size() == 1);
  CHECK(r.dropped[0].path == "journal[" + std::to_string(st.journal.size() - 1) + "].removed[0]");
  CHECK(r.dropped[0].message.find("\"ghost\"") != std::string::npos);
  CHECK(r.dropped[0].message.find("does not hold") != std::string::npos);
  CHECK(reopened(r) == to_file(st.s));

  // Added by one entry and removed by a later one: nothing to say.
  Stored other;
  commit(other.s, edit("Marked", std::nullopt, annotation_over(other.s, "u9", "claim", "the city would pay", Origin::user)));
  other.store();
  commit(other.s, edit("Deleted", other.get("u9"), std::nullopt));
  other.store();
  r = read_lede_file_lenient(other.file, other.lines());
  REQUIRE(r.ok);
  CHECK(r.dropped.empty());
  CHECK(reopened(r) == to_file(other.s));
}

TEST_CASE("restore: a journal annotation with a problem is left out with its place in the journal; the rest is kept") {
  Stored st;
  st.work();
  // Written by something else: an accepted s2 whose end lies past the text, and an object without an id.
  st.journal.push_back(R"({"annotations":[{"end":100000,"id":"s2","label":"actor","origin":"auto","start":1,"status":"accepted"},)"
                       R"({"label":"actor"}],"removed":[],"seq":99})");
  LoadResult r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  REQUIRE(r.dropped.size() == 2);
  std::string k = "journal[" + std::to_string(st.journal.size() - 1) + "]";
  CHECK(r.dropped[0].path == k + ".annotations[0].end");
  CHECK(r.dropped[0].message.find("\"s2\"") != std::string::npos);
  CHECK(r.dropped[1].path.rfind(k + ".annotations[1]", 0) == 0);
  CHECK(r.journal_seq == 99);
  // s2 is left out (its only value is the bad one); everything else is as it was.
  Session back;
  session_open(back, r.set.document, r.set.labels, r.set.annotations, r.set.orphans, r.set.author, r.set.ratings);
  CHECK_FALSE(find_annotation(back, "s2"));
  CHECK(back.annotations.size() == st.s.annotations.size() - 1);
}

TEST_CASE("restore: orphans stored in a journal entry replace the file's") {
  Stored st;
  Annotation lost = annotation_over(st.s, "o1", "actor", "Zoë Müller", Origin::user);
  lost.quote = TextQuote{"Zoe Mueller", "", " met"};
  st.s.orphans.push_back(lost);  // as merging a file with orphans does
  st.s.store_log.orphans = true;
  ++st.s.changes;
  st.store();
  st.work();
  LoadResult r = read_lede_file_lenient(st.file, st.lines());
  REQUIRE(r.ok);
  CHECK(r.dropped.empty());
  REQUIRE(r.set.orphans.size() == 1);
  CHECK(r.set.orphans[0].quote.exact == "Zoe Mueller");
  CHECK(reopened(r) == to_file(st.s));
}

TEST_CASE("two tabs: the changes a tab could not store are replayed on what the other stored, neither written over") {
  Stored a;  // the tab that writes the library
  Session b;  // a second tab, opened on the same stored file; it cannot store
  LoadResult at_open = read_lede_file_lenient(a.file, "");
  REQUIRE(at_open.ok);
  session_open(b, at_open.set.document, at_open.set.labels, at_open.set.annotations);
  b.keep_log = true;
  auto in_b = [&](const std::string& id) {
    const Annotation* x = find_annotation(b, id);
    REQUIRE(x);
    return *x;
  };

  // The writing tab accepts a suggestion, marks a claim (u1) and deletes s4; each is stored.
  Annotation s1 = a.get("s1");
  s1.status = Status::accepted;
  commit(a.s, edit("Accepted", a.get("s1"), s1));
  a.store();
  commit(a.s, edit("Marked", std::nullopt, annotation_over(a.s, new_annotation_id(a.s), "claim", "the city would pay", Origin::user)));
  a.store();
  commit(a.s, edit("Deleted", a.get("s4"), std::nullopt));
  a.store();

  // Meanwhile the second tab rejects s3, marks its own u1, writes a note on s4, deletes s5 and
  // undoes that, and renames the article.
  Annotation s3 = in_b("s3");
  s3.status = Status::rejected;
  commit(b, edit("Rejected", in_b("s3"), s3));
  Annotation monday = annotation_over(b, new_annotation_id(b), "number", "Monday", Origin::user);
  REQUIRE(monday.id == "u1");
  commit(b, edit("Marked", std::nullopt, monday));
  Annotation s4 = in_b("s4");
  s4.note = "the mayor";
  commit(b, edit("Noted", in_b("s4"), s4));
  commit(b, edit("Deleted", in_b("s5"), std::nullopt));
  REQUIRE(undo(b));
  Change renamed;
  renamed.what = "Renamed";
  renamed.meta_changed = true;
  renamed.meta_before = b.doc.meta;
  renamed.meta_after.title = "Protest in Kraków";
  commit(b, renamed);
  REQUIRE(b.unstored.size() == 6);  // the undo logged as the change that reverts the delete

  // The second tab writes now: its copy becomes the stored version, its changes replayed on it.
  LoadResult stored = read_lede_file_lenient(a.file, a.lines());
  REQUIRE(stored.ok);
  Session m;
  session_open(m, stored.set.document, stored.set.labels, stored.set.annotations, stored.set.orphans, stored.set.author, stored.set.ratings);
  CHECK(replay_changes(m, b.unstored) == 6);
  auto in_m = [&](const std::string& id) { return find_annotation(m, id); };
  REQUIRE(in_m("s1"));
  CHECK(in_m("s1")->status == Status::accepted);            // the writing tab's change is kept
  REQUIRE(in_m("u1"));
  CHECK(annotation_text(m, *in_m("u1")) == "the city would pay");  // its u1 too
  REQUIRE(in_m("s3"));
  CHECK(in_m("s3")->status == Status::rejected);            // the second tab's changes are added
  size_t mondays = 0;
  for (const Annotation& x : m.annotations)
    if (annotation_text(m, x) == "Monday") {
      ++mondays;
      CHECK(x.id != "u1");                                   // under an id of its own
      CHECK(x.label == "number");
    }
  CHECK(mondays == 1);
  REQUIRE(in_m("s4"));
  CHECK(in_m("s4")->note == "the mayor");                   // deleted there, noted here: kept as noted
  REQUIRE(in_m("s5"));                                       // deleted and undone here: still there
  CHECK(m.doc.meta.title == "Protest in Kraków");
  CHECK(m.undo.size() == 6);                                 // each one undoable
  for (int i = 0; i < 6; ++i) REQUIRE(undo(m));
  CHECK(to_file(m) == reopened(stored));                     // undone, the stored version exactly
}
