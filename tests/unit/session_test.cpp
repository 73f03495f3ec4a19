// The document model without the view: opening, changing, undoing, files in and out, and the
// table of annotation kinds. Runs natively and in WebAssembly.
#include <doctest/doctest.h>

#include <map>

#include "core/kinds.hpp"
#include "core/lede_file.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

using namespace lede;

namespace {

const char* kText = "Zoë Müller met officials in Kraków on Monday. Around 300 people marched.";

Annotation mark(Session& s, const std::string& label, const std::string& quote, Origin origin = Origin::user) {
  std::string id = origin == Origin::user ? new_annotation_id(s) : "s" + std::to_string(s.annotations.size() + 1);
  return annotation_over(s, id, label, quote, origin);
}

Change add(const Annotation& an, const std::string& what = "Marked") {
  Change c;
  c.what = what;
  c.edits.push_back({std::nullopt, an});
  return c;
}

void open_text(Session& s, const std::string& text = kText) { session_open(s, Document{"Kraków", text}, {}, {}); }

}  // namespace

TEST_CASE("a session opens an article with the built-in labels, nothing to undo") {
  Session s;
  open_text(s);
  CHECK(s.labels.size() == size_t(kKindCount));
  CHECK(s.labels[0].id == "actor");
  CHECK(s.index.length() == utf8_length(kText));
  CHECK(s.undo.empty());
  CHECK(s.file_stem == "Kraków");
}

TEST_CASE("commit, undo and redo change the annotations and count changes") {
  Session s;
  open_text(s);
  uint64_t c0 = s.changes;
  Annotation a = mark(s, "actor", "Zoë Müller");
  CHECK(commit(s, add(a, "Marked Zoë")));
  CHECK(s.changes == c0 + 1);
  REQUIRE(s.annotations.size() == 1);
  CHECK(annotation_text(s, s.annotations[0]) == "Zoë Müller");
  CHECK(s.annotations[0].start == 0);
  CHECK(s.annotations[0].end == 10);  // code points, not bytes

  CHECK_FALSE(commit(s, Change{}));  // a change that changes nothing is not undoable
  CHECK(s.undo.size() == 1);

  CHECK(undo(s) == std::optional<std::string>("Marked Zoë"));
  CHECK(s.annotations.empty());
  CHECK(redo(s) == std::optional<std::string>("Marked Zoë"));
  CHECK(s.annotations.size() == 1);
  CHECK_FALSE(redo(s).has_value());

  // A new change after an undo drops the redo list.
  undo(s);
  commit(s, add(mark(s, "number", "300")));
  CHECK(s.redo.empty());
  CHECK(s.annotations.size() == 1);
  CHECK(s.annotations[0].label == "number");
}

TEST_CASE("each change records the code points it touched; opening an article or changing labels touches everything") {
  Session s;
  open_text(s);
  int64_t from = 0, to = 0;
  const uint64_t opened = s.changes;
  CHECK(touched_since(s, opened, &from, &to));  // nothing since: an empty span
  CHECK(from > to);
  CHECK_FALSE(touched_since(s, opened - 1, &from, &to));  // the opening itself touched everything
  Annotation a = mark(s, "actor", "Zoë Müller");
  REQUIRE(commit(s, add(a)));
  Annotation b = mark(s, "number", "300");
  REQUIRE(commit(s, add(b)));
  REQUIRE(touched_since(s, opened, &from, &to));
  CHECK(from == a.start);
  CHECK(to == b.end);
  REQUIRE(touched_since(s, opened + 1, &from, &to));  // only the second change
  CHECK(from == b.start);
  REQUIRE(undo(s));
  REQUIRE(touched_since(s, opened + 2, &from, &to));  // an undo touches what its change touched
  CHECK(from == b.start);
  CHECK(to == b.end);
  Change labels;
  labels.labels_changed = true;
  labels.labels_before = s.labels;
  labels.labels_after = s.labels;
  labels.labels_after[0].name = "People";
  REQUIRE(commit(s, labels));
  CHECK_FALSE(touched_since(s, opened + 3, &from, &to));
}

// A change lands where it belongs in the sorted annotations (no sort of them all): after any mix of
// steps they are exactly what opening the same annotations afresh (a full sort) gives.
TEST_CASE("commit, undo and redo keep the annotations in order, as a full sort would") {
  Session s;
  std::string text;
  for (int i = 0; i < 300; ++i) text += "Word" + std::to_string(i) + " said 12 things. ";
  session_open(s, Document{"many", text}, {}, {});
  std::vector<Annotation> marks;
  const char* labels[] = {"actor", "claim", "number"};
  for (int i = 0; i < 400; ++i) {
    Annotation an;
    an.id = "s" + std::to_string(i);
    an.label = labels[i % 3];
    an.origin = Origin::automatic;
    an.status = Status::suggested;
    an.start = (i * 37) % 9000;
    an.end = an.start + 1 + (i * 13) % 40;
    marks.push_back(an);
  }
  REQUIRE(add_suggestions(s, marks));
  // The model: the annotations by id, each change applied to it as a list of replacements.
  std::map<std::string, Annotation> model;
  for (const Annotation& an : marks) model[an.id] = an;
  auto replay = [&](const Change& c, bool forward) {
    for (const AnnotationEdit& e : c.edits)
      if (const auto& from = forward ? e.before : e.after) model.erase(from->id);
    for (const AnnotationEdit& e : c.edits)
      if (const auto& to = forward ? e.after : e.before) model[to->id] = *to;
  };
  uint64_t seed = 7;
  for (int step = 0; step < 400; ++step) {
    size_t undos = s.undo.size(), redos = s.redo.size();
    random_step(s, seed);
    if (s.redo.size() > redos) replay(s.redo.back(), false);                        // an undo
    else if (s.undo.size() > undos || s.redo.size() < redos) replay(s.undo.back(), true);  // a change or a redo
    std::vector<Annotation> expected;
    for (const auto& [id, an] : model) expected.push_back(an);
    Session fresh;
    session_open(fresh, Document{"many", text}, {}, expected);  // sorted afresh
    std::string ids, fresh_ids;
    for (const Annotation& an : s.annotations) ids += an.id + " ";
    for (const Annotation& an : fresh.annotations) fresh_ids += an.id + " ";
    INFO("step " << step);
    REQUIRE(ids == fresh_ids);
    REQUIRE(to_file(s) == to_file(fresh));
    REQUIRE(s.max_span >= fresh.max_span);
  }
  CHECK(s.undo.size() > 100);
}

TEST_CASE("new ids never collide with ids from a file or an undo") {
  Session s;
  Annotation from_file;
  from_file.id = "u41";
  from_file.label = "actor";
  from_file.start = 0;
  from_file.end = 3;
  session_open(s, Document{"t", kText}, {}, {from_file});
  CHECK(new_annotation_id(s) == "u42");
}

TEST_CASE("suggestions are added once, and not over reviewed ones") {
  Session s;
  open_text(s);
  std::vector<Annotation> sug{mark(s, "actor", "Kraków", Origin::automatic)};
  CHECK(add_suggestions(s, sug));
  CHECK(s.annotations.size() == 1);
  CHECK_FALSE(add_suggestions(s, sug));  // the article has suggestions already
  CHECK(s.annotations.size() == 1);
  CHECK(s.undo.empty());                 // not the reader's change
  CHECK(reader_annotation_count(s) == 0);
}

TEST_CASE("a text file opens as an article; a bad one changes nothing") {
  Session s;
  bool suggested = true;
  Outcome o = open_file_as_article(s, "story.txt", "\xEF\xBB\xBFHello Oslo.\r\n", &suggested);
  REQUIRE(o.ok);
  CHECK_FALSE(suggested);
  CHECK(s.doc.text == "Hello Oslo.\n");
  CHECK(s.doc.title == "story");
  CHECK(o.status == "Opened story.txt");

  commit(s, add(mark(s, "actor", "Oslo")));
  uint64_t changes = s.changes;
  Outcome bad = open_file_as_article(s, "latin1.txt", "Caf\xE9", &suggested);
  CHECK_FALSE(bad.ok);
  CHECK(bad.title == "Could not open latin1.txt");
  CHECK(bad.error.find("UTF-8") != std::string::npos);
  CHECK(s.doc.text == "Hello Oslo.\n");
  CHECK(s.changes == changes);
  CHECK(s.annotations.size() == 1);
}

TEST_CASE("a saved session reopens as it was") {
  Session s;
  open_text(s);
  Annotation a = mark(s, "claim", "Around 300 people marched.");
  a.note = "Police said 200.";
  commit(s, add(a));
  add_suggestions(s, {mark(s, "actor", "Kraków", Origin::automatic)});
  std::string file = to_file(s);

  Session t;
  bool suggested = false;
  Outcome o = open_file_as_article(t, "kraków.lede.json", file, &suggested);
  REQUIRE(o.ok);
  CHECK(suggested);  // it brings its suggestions: none are added again
  CHECK(t.doc.text == s.doc.text);
  REQUIRE(t.annotations.size() == 2);
  for (size_t i = 0; i < t.annotations.size(); ++i) CHECK(json(t.annotations[i]).dump() == json(s.annotations[i]).dump());
  CHECK(o.status == "Opened kraków.lede.json (2 annotations)");
  CHECK(to_file(t) == file);
}

TEST_CASE("annotations for the open article apply as one undoable change; another article's are refused") {
  Session s;
  open_text(s);
  Annotation mine = mark(s, "actor", "Zoë Müller");
  commit(s, add(mine));

  Session other;
  open_text(other);
  commit(other, add(mark(other, "number", "300")));
  commit(other, add(mark(other, "actor", "Kraków")));
  Outcome o = apply_annotation_file(s, "other.lede.json", to_file(other));
  REQUIRE(o.ok);
  CHECK(o.info.empty());
  CHECK(s.annotations.size() == 2);
  CHECK(undo(s).has_value());
  REQUIRE(s.annotations.size() == 1);
  CHECK(s.annotations[0].id == mine.id);

  // The same annotations on a corrected version of the article are re-anchored.
  Session revised;
  open_text(revised, std::string("UPDATED: ") + kText);
  Outcome r = apply_annotation_file(revised, "other.lede.json", to_file(other));
  REQUIRE(r.ok);
  CHECK(r.info.find("another version") != std::string::npos);
  REQUIRE(revised.annotations.size() == 2);
  for (const Annotation& an : revised.annotations) CHECK((annotation_text(revised, an) == "300" || annotation_text(revised, an) == "Kraków"));

  Session unrelated;
  open_text(unrelated, "A completely different story about fishing boats in Norway and their crews.");
  uint64_t changes = unrelated.changes;
  Outcome refused = apply_annotation_file(unrelated, "other.lede.json", to_file(other));
  CHECK_FALSE(refused.ok);
  CHECK(refused.title == "Annotations for another article");
  CHECK(unrelated.changes == changes);
  CHECK(unrelated.annotations.empty());
}

TEST_CASE("adopting another reader's annotations copies them with new ids and their author") {
  Session s;
  open_text(s);
  Annotation theirs = mark(s, "actor", "Kraków", Origin::automatic);
  CHECK(adopt(s, {theirs}, "Ana", "2026-12-07T10:00:00Z", "Adopted"));
  REQUIRE(s.annotations.size() == 1);
  CHECK(s.annotations[0].id != theirs.id);
  CHECK(s.annotations[0].author == "Ana");
  CHECK(s.annotations[0].status == Status::accepted);
  CHECK(undo(s) == std::optional<std::string>("Adopted"));
  CHECK(s.annotations.empty());
}

TEST_CASE("the kinds table names, colours and summarises the built-in kinds") {
  std::vector<Label> labels = builtin_labels();
  REQUIRE(labels.size() == size_t(kKindCount));
  for (int i = 0; i < kKindCount; ++i) {
    CHECK(labels[size_t(i)].id == kKinds[i].label);
    CHECK(labels[size_t(i)].color == kKinds[i].color);
    CHECK(kind_index(labels[size_t(i)].id) == i);
  }
  CHECK(kind_of("l4") == nullptr);
  CHECK(kind_summary("l4", Attrs{}).empty());

  Attrs actor;
  actor.kind = "person";
  actor.entity = "Kim Song";
  actor.role = "ambassador";
  CHECK(kind_summary("actor", actor) == "person \u00B7 Kim Song \u00B7 ambassador");

  Attrs number;
  number.kind = "count";
  number.value = 47;
  number.counted = "missiles";
  number.approx = true;
  CHECK(kind_summary("number", number) == "count \u00B7 47 \u00B7 counts missiles \u00B7 approximate");
  number.value = 0.08;
  CHECK(number_value_text(number.value) == "0.08");

  Attrs claim;
  claim.speaker = SpanAttr::null_span();
  CHECK(kind_summary("claim", claim) == "speaker: not named");
  claim.speaker.state = SpanAttr::State::set;
  claim.speaker.text = "the ministry";
  claim.speaker.entity = "Foreign Ministry";
  claim.cue.state = SpanAttr::State::set;
  claim.cue.text = "denied";
  CHECK(kind_summary("claim", claim) == "speaker: Foreign Ministry \u00B7 cue: denied");
}

TEST_CASE("a file that is not an annotation file says why, as lede validate does") {
  Session s;
  open_text(s);
  Outcome o = apply_annotation_file(s, "notes.json", "this is { not json");
  CHECK_FALSE(o.ok);
  CHECK(o.error.find("This is not a JSON file: it has a syntax error") != std::string::npos);
  CHECK(o.error.find("Nothing was changed.") != std::string::npos);
}

TEST_CASE("reviews, the rating scale and the article's details survive save and open, and apply with undo") {
  Session s;
  open_text(s);
  CHECK(s.ratings.size() == default_ratings().size());  // a new article has the default scale
  Annotation claim = mark(s, "claim", "Around 300 people marched.");
  claim.review = Review{"misleading", "Organisers counted 3,000.", {{"https://example.org/count", "", "organisers"}},
                        ReviewStatus::checked, "R. Checker", "2026-03-02"};
  commit(s, add(claim));
  Change scale;
  scale.what = "Edited the scale";
  scale.ratings_changed = true;
  scale.ratings_before = s.ratings;
  scale.ratings_after = {{"misleading", "Misleading", "#ef6c00", 2}, {"false", "False", "#c62828", 1}};
  scale.meta_changed = true;
  scale.meta_before = s.doc.meta;
  scale.meta_after = ArticleMeta{"Marchers in Kraków", "https://news.example.org/krakow", "Example News", "Jane Doe", "2026-03-01"};
  commit(s, scale);
  std::string file = to_file(s);

  Session t;
  bool suggested = false;
  Outcome o = open_file_as_article(t, "kraków.lede.json", file, &suggested);
  REQUIRE(o.ok);
  REQUIRE(t.ratings.size() == 2);
  CHECK(t.ratings[0].id == "misleading");
  CHECK(t.doc.meta == scale.meta_after);
  REQUIRE(t.annotations.size() == 1);
  REQUIRE(t.annotations[0].review);
  CHECK(*t.annotations[0].review == *claim.review);
  CHECK(to_file(t) == file);

  // Applied to the open article: the file's scale and details come with its reviews, as one undoable change.
  Session u;
  open_text(u);
  Outcome applied = apply_annotation_file(u, "kraków.lede.json", file);
  REQUIRE(applied.ok);
  CHECK(u.ratings.size() == 2);
  CHECK(u.doc.meta.outlet == "Example News");
  REQUIRE(u.annotations.size() == 1);
  CHECK(u.annotations[0].review == claim.review);
  CHECK(undo(u).has_value());
  CHECK(u.ratings.size() == default_ratings().size());
  CHECK(u.doc.meta.empty());
  CHECK(u.annotations.empty());
  // On a corrected version of the article, re-anchoring keeps them too.
  Session revised;
  open_text(revised, std::string("UPDATED: ") + kText);
  REQUIRE(apply_annotation_file(revised, "kraków.lede.json", file).ok);
  CHECK(revised.ratings.size() == 2);
  CHECK(revised.doc.meta.title == "Marchers in Kraków");
  REQUIRE(revised.annotations.size() == 1);
  CHECK(revised.annotations[0].review == claim.review);
}

TEST_CASE("autosave stores the whole file once, then what changed; file and journal give the work back exactly") {
  Session s;
  open_text(s);
  Annotation city = mark(s, "actor", "Kraków", Origin::automatic), count = mark(s, "number", "300", Origin::automatic);
  count.id = "s2";
  add_suggestions(s, {city, count});
  StoreWrite first = next_store(s);
  CHECK(first.whole);
  const std::string file = first.bytes;
  CHECK(file == to_file(s));

  std::vector<std::string> journal;
  auto store = [&] {
    StoreWrite w = next_store(s);
    REQUIRE_FALSE(w.whole);
    CHECK(w.seq == journal.size() + 1);
    CHECK(w.bytes.find(kText) == std::string::npos);  // never the text
    CHECK(w.bytes.find('\n') == std::string::npos);       // one line each
    journal.push_back(w.bytes);
  };
  auto restored = [&] {
    std::string lines;
    for (const std::string& e : journal) lines += (lines.empty() ? "" : "\n") + e;
    return read_lede_file_lenient(file, lines);
  };
  // The file of the session the reader makes of what was restored (it sorts the annotations).
  auto reopened = [](LoadResult& r) {
    Session back;
    session_open(back, r.set.document, r.set.labels, r.set.annotations, r.set.orphans, r.set.author, r.set.ratings);
    return to_file(back);
  };
  // An annotation added, a suggestion accepted with a note, one removed, the details and a label changed.
  commit(s, add(mark(s, "actor", "Zoë Müller")));
  store();
  Change accept;
  accept.what = "Accepted";
  Annotation was = *find_annotation(s, "s1"), now = was;
  now.status = Status::accepted;
  now.note = "the city";
  accept.edits.push_back({was, now});
  commit(s, accept);
  store();
  Change remove;
  remove.what = "Deleted";
  remove.edits.push_back({*find_annotation(s, "s2"), std::nullopt});
  commit(s, remove);
  Change details;
  details.what = "Details";
  details.meta_changed = true;
  details.meta_after.outlet = "Gazeta";
  details.labels_changed = true;
  details.labels_before = s.labels;
  details.labels_after = s.labels;
  details.labels_after[0].name = "Who";
  commit(s, details);
  store();
  undo(s);  // the details again as they were
  store();
  LoadResult r = restored();
  REQUIRE(r.ok);
  CHECK(r.dropped.empty());
  CHECK(r.journal_seq == 4);
  CHECK(reopened(r) == to_file(s));

  redo(s);
  store();
  r = restored();
  REQUIRE(r.ok);
  CHECK(r.set.document.meta.outlet == "Gazeta");
  CHECK(r.set.labels[0].name == "Who");
  CHECK(reopened(r) == to_file(s));

  // An entry that cannot be read is left out and said; the others still apply.
  journal.insert(journal.begin() + 1, "{\"annotations\":[");
  r = restored();
  REQUIRE(r.ok);
  REQUIRE(r.dropped.size() == 1);
  CHECK(r.dropped[0].path == "journal[1]");
  CHECK(reopened(r) == to_file(s));
}

TEST_CASE("a journal grown past a quarter of the file is folded into a whole file; suggestions added make one too") {
  Session s;
  open_text(s);
  next_store(s);
  int journal = 0;
  for (int i = 0; i < 200; ++i) {
    if (i % 2) undo(s);
    else commit(s, add(mark(s, "actor", "Zoë Müller")));
    StoreWrite w = next_store(s);
    if (w.whole) break;
    ++journal;
  }
  CHECK(journal > 5);   // entries first
  CHECK(journal < 200);  // then the whole file again
  CHECK_FALSE(next_store(s).whole);
  add_suggestions(s, {mark(s, "number", "300", Origin::automatic)});
  CHECK(next_store(s).whole);
}
