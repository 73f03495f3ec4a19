// The claim graph (core/graph.hpp): stance of cues, speaker linking, edges, filters, layout.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "core/session.hpp"
#include "core/text.hpp"
#include "session_support.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "analyzer_support.hpp"
#include "test_support.hpp"
#endif

using namespace lede;

namespace {

// Annotations on an ASCII text, placed by the words they cover (bytes = code points).
struct Marks {
  std::string text;
  std::vector<Annotation> an;
  int64_t at(const std::string& words, int nth = 0) const {
    size_t p = text.find(words);
    while (nth-- > 0) p = text.find(words, p + 1);
    REQUIRE(p != std::string::npos);
    return int64_t(p);
  }
  Annotation& add(const std::string& label, const std::string& words, int nth = 0) {
    Annotation a;
    a.id = "a" + std::to_string(an.size() + 1);
    a.label = label;
    a.origin = Origin::automatic;
    a.status = Status::suggested;
    a.start = at(words, nth);
    a.end = a.start + int64_t(words.size());
    an.push_back(a);
    return an.back();
  }
  Annotation& actor(const std::string& words, const std::string& entity, const std::string& kind, int nth = 0) {
    Annotation& a = add("actor", words, nth);
    a.attrs.entity = entity;
    a.attrs.kind = kind;
    return a;
  }
  Annotation& claim(const std::string& content, const std::string& speaker, const std::string& cue, int nth = 0) {
    Annotation& c = add("claim", content, nth);
    if (!speaker.empty()) {
      c.attrs.speaker.state = SpanAttr::State::set;
      c.attrs.speaker.start = at(speaker, nth);
      c.attrs.speaker.end = c.attrs.speaker.start + int64_t(speaker.size());
      c.attrs.speaker.text = speaker;
    }
    c.attrs.cue.state = SpanAttr::State::set;
    c.attrs.cue.start = at(cue);
    c.attrs.cue.end = c.attrs.cue.start + int64_t(cue.size());
    c.attrs.cue.text = cue;
    return c;
  }
  Graph graph(const GraphOptions& o = {}) const {
    TextIndex index(text);
    return build_graph(text, index, an, o);
  }
};

const GraphEdge* edge(const Graph& g, const std::string& from, const std::string& to) {
  for (const GraphEdge& e : g.edges)
    if (g.nodes[e.from].entity == from && g.nodes[e.to].entity == to) return &e;
  return nullptr;
}

void open_marks(Session& s, const Marks& m) {
  Document doc;
  doc.text = m.text;
  session_open(s, std::move(doc), builtin_labels(), m.an);
}

Marks dispute() {
  Marks m;
  m.text =
      "Kim Song, the ambassador, spoke on Friday. The ambassador blamed the United States for the war. "
      "He denied that Russia used the missiles. Washington condemned North Korea again. Seoul welcomed help from Japan.";
  m.actor("Kim Song", "Kim Song", "person").attrs.role = "ambassador";
  m.claim("the United States for the war", "The ambassador", "blamed");
  m.actor("United States", "United States", "place");
  m.claim("that Russia used the missiles", "He", "denied");
  m.actor("Russia", "Russia", "place");
  m.actor("Washington", "Washington", "place");
  m.claim("North Korea again", "Washington", "condemned");
  m.actor("North Korea", "North Korea", "place");
  m.actor("Seoul", "Seoul", "place");
  m.claim("help from Japan", "Seoul", "welcomed").id = "welcome";
  m.actor("Japan", "Japan", "place");
  return m;
}

}  // namespace

TEST_CASE("graph: the stance of a cue comes from the stance lexicon, by form or lemma") {
  CHECK(cue_stance("blamed") == Stance::accuses);
  CHECK(cue_stance("condemning") == Stance::accuses);
  CHECK(cue_stance("strongly denounced") == Stance::accuses);
  CHECK(cue_stance("accused") == Stance::accuses);
  CHECK(cue_stance("criticised") == Stance::accuses);
  CHECK(cue_stance("rejected") == Stance::denies);
  CHECK(cue_stance("Dismissed") == Stance::denies);
  CHECK(cue_stance("denies") == Stance::denies);
  CHECK(cue_stance("praised") == Stance::supports);
  CHECK(cue_stance("welcomes") == Stance::supports);
  CHECK(cue_stance("said") == Stance::says);
  CHECK(cue_stance("quoted the ambassador as saying") == Stance::says);
  CHECK(cue_stance("") == Stance::says);
}

TEST_CASE("graph: capitals and seats of government stand for their country") {
  CHECK(government_of("Pyongyang") == "North Korea");
  CHECK(government_of("Washington") == "United States");
  CHECK(government_of("Moscow") == "Russia");
  CHECK(government_of("Kremlin") == "Russia");
  CHECK(government_of("Seoul") == "South Korea");
  CHECK(government_of("Kharkiv").empty());
}

TEST_CASE("graph: speakers are linked through descriptions, pronouns and capitals; edges typed by stance") {
  Marks m = dispute();
  Graph g = m.graph();
  const GraphEdge* blame = edge(g, "Kim Song", "United States");
  REQUIRE(blame);  // "The ambassador" is Kim Song, whose role is ambassador
  CHECK(blame->stance == Stance::accuses);
  CHECK(blame->cues == std::vector<std::string>{"blamed"});
  REQUIRE(blame->claims.size() == 1);
  CHECK(m.an[blame->claims[0]].attrs.cue.text == "blamed");
  const GraphEdge* deny = edge(g, "Kim Song", "Russia");  // "He": the latest person
  REQUIRE(deny);
  CHECK(deny->stance == Stance::denies);
  const GraphEdge* condemn = edge(g, "United States", "North Korea");  // Washington: its government
  REQUIRE(condemn);
  CHECK(condemn->stance == Stance::accuses);
  const GraphEdge* welcome = edge(g, "South Korea", "Japan");  // Seoul, named only by its capital
  REQUIRE(welcome);
  CHECK(welcome->stance == Stance::supports);
  CHECK(g.node_of("South Korea") >= 0);
  CHECK(g.nodes[size_t(g.node_of("Kim Song"))].mentions.size() == 1);
  CHECK(g.unlinked_claims == 0);
  json j = graph_json(g, m.an);
  bool found = false;
  for (const json& e : j["edges"])
    if (e["from"] == "South Korea" && e["to"] == "Japan") found = e["stance"] == "supports" && e["claims"] == json::array({"welcome"});
  CHECK(found);
}

TEST_CASE("graph: the speaker's own link wins; weight counts claims; rejected and suggested claims filtered") {
  Marks m = dispute();
  m.claim("help from Japan", "Seoul", "welcomed").attrs.speaker.entity = "South Korea";  // a second claim on the same edge
  Graph g = m.graph();
  REQUIRE(edge(g, "South Korea", "Japan"));
  CHECK(edge(g, "South Korea", "Japan")->claims.size() == 2);

  m.an.back().status = Status::rejected;
  CHECK(m.graph().edges.size() == g.edges.size());
  CHECK(edge(m.graph(), "South Korea", "Japan")->claims.size() == 1);

  // Accepted only: suggestions are left out until the reader accepts them.
  GraphOptions accepted;
  accepted.accepted_only = true;
  CHECK(m.graph(accepted).edges.empty());
  for (Annotation& a : m.an)
    if (a.id == "welcome") a.status = Status::accepted;
  Graph only = m.graph(accepted);
  REQUIRE(only.edges.size() == 1);
  CHECK(only.nodes[only.edges[0].from].entity == "South Korea");

  // A rejected actor is no node and no target.
  for (Annotation& a : m.an)
    if (a.label == "actor" && a.attrs.entity == "Japan") a.status = Status::rejected;
  CHECK(edge(m.graph(), "South Korea", "Japan") == nullptr);
  CHECK(m.graph().node_of("Japan") < 0);
}

TEST_CASE("graph: the layout is deterministic, in bounds, and a new node moves the others little") {
  Marks m = dispute();
  Graph g = m.graph();
  std::vector<size_t> all;
  for (size_t i = 0; i < g.nodes.size(); ++i) all.push_back(i);
  auto p1 = layout_graph(g, all), p2 = layout_graph(g, all);
  REQUIRE(p1.size() == g.nodes.size());
  for (auto& [name, p] : p1) {
    CHECK(p.x == p2[name].x);
    CHECK(p.y == p2[name].y);
    CHECK(std::fabs(p.x) <= 1.0f);
    CHECK(std::fabs(p.y) <= 1.0f);
  }
  // nodes do not sit on each other
  for (auto& [a, pa] : p1)
    for (auto& [b, pb] : p1)
      if (a < b) CHECK(std::hypot(pa.x - pb.x, pa.y - pb.y) > 0.1f);

  // The reader adds a claim that brings a new entity: the old nodes stay near where they were.
  m.text += " Tokyo praised Ukraine.";
  m.actor("Tokyo", "Tokyo", "place");
  m.claim("Ukraine", "Tokyo", "praised");
  m.actor("Ukraine", "Ukraine", "place");
  Graph g2 = m.graph();
  std::vector<size_t> all2;
  for (size_t i = 0; i < g2.nodes.size(); ++i) all2.push_back(i);
  auto p3 = layout_graph(g2, all2, p1);
  CHECK(p3.count("Ukraine"));
  for (auto& [name, p] : p1) {
    REQUIRE(p3.count(name));
    CHECK(std::hypot(p3[name].x - p.x, p3[name].y - p.y) < 0.35f);
  }
  // and the same inputs give the same picture again
  auto p4 = layout_graph(g2, all2, p1);
  for (auto& [name, p] : p3) CHECK(p4[name].x == p.x);
}

TEST_CASE("graph: sixty entities lay out apart") {
  // "N0 accused N1 of lying. N1 accused N2 of lying. ..." around a ring of 60 people.
  std::string text;
  std::vector<Annotation> an;
  auto add = [&](const std::string& label, int64_t start, int64_t end) -> Annotation& {
    Annotation a;
    a.id = "a" + std::to_string(an.size() + 1);
    a.label = label;
    a.start = start;
    a.end = end;
    an.push_back(a);
    return an.back();
  };
  for (int i = 0; i < 60; ++i) {
    std::string who = "N" + std::to_string(i), whom = "N" + std::to_string((i + 1) % 60);
    int64_t s0 = int64_t(text.size());
    text += who + " accused ";
    int64_t c0 = int64_t(text.size());
    text += whom + " of lying. ";
    Annotation& sp = add("actor", s0, s0 + int64_t(who.size()));
    sp.attrs.entity = who;
    sp.attrs.kind = "person";
    Annotation& cl = add("claim", c0, int64_t(text.size()) - 2);
    cl.attrs.speaker.state = SpanAttr::State::set;
    cl.attrs.speaker.start = s0;
    cl.attrs.speaker.end = s0 + int64_t(who.size());
    cl.attrs.cue.state = SpanAttr::State::set;
    cl.attrs.cue.text = "accused";
    Annotation& ob = add("actor", c0, c0 + int64_t(whom.size()));
    ob.attrs.entity = whom;
    ob.attrs.kind = "person";
  }
  TextIndex index(text);
  Graph g = build_graph(text, index, an);
  CHECK(g.nodes.size() == 60);
  CHECK(g.edges.size() == 60);
  std::vector<size_t> all;
  for (size_t i = 0; i < g.nodes.size(); ++i) all.push_back(i);
  auto p = layout_graph(g, all);
  float nearest = 10;
  for (auto& [a, pa] : p)
    for (auto& [b, pb] : p)
      if (a < b) nearest = std::min(nearest, std::hypot(pa.x - pb.x, pa.y - pb.y));
  CHECK(nearest > 0.04f);  // at 400 px, more than 8 px between centres
}

TEST_CASE("graph: the Graph tab's picture follows changes; a change that touches nothing drawn moves nothing") {
  Marks m = dispute();
  Session s;
  open_marks(s, m);
  GraphPicture p;
  CHECK(p.update(s));
  CHECK_FALSE(p.update(s));  // no change: nothing rebuilt
  REQUIRE(p.graph.node_of("Japan") >= 0);
  const std::map<std::string, Point> before = p.pos;
  auto same = [](const std::map<std::string, Point>& x, const std::map<std::string, Point>& y) {
    if (x.size() != y.size()) return false;
    for (const auto& [e, q] : x)
      if (!y.count(e) || y.at(e).x != q.x || y.at(e).y != q.y) return false;
    return true;
  };
  // A note on an actor: the graph is rebuilt, the picture stays exactly as it was.
  Annotation a = *find_annotation(s, "a1"), b = a;
  b.note = "checked";
  Change note;
  note.edits.push_back({a, b});
  REQUIRE(commit(s, note));
  CHECK(p.update(s));
  CHECK(same(p.pos, before));
  // Rejecting Seoul's welcome takes its edge (and South Korea and Japan) out on the next update.
  Annotation w = *find_annotation(s, "welcome"), r = w;
  r.status = Status::rejected;
  Change reject;
  reject.edits.push_back({w, r});
  REQUIRE(commit(s, reject));
  CHECK(p.update(s));
  CHECK(edge(p.graph, "South Korea", "Japan") == nullptr);
  CHECK(p.pos.count("Japan") == 0);
  CHECK(p.pos.count("Kim Song") == 1);
  // Undo brings it back.
  REQUIRE(undo(s));
  CHECK(p.update(s));
  CHECK(edge(p.graph, "South Korea", "Japan") != nullptr);
  CHECK(p.pos.count("Japan") == 1);
  // The stance filter: only the accusations.
  p.stance_mask = 1u << int(Stance::accuses);
  p.update(s);
  for (size_t n : p.shown) CHECK(p.graph.nodes[n].entity != "Japan");
}

namespace {

// The graph as a whole, indices included: an incremental update must give exactly a full build's.
std::string whole(const Graph& g) {
  std::string out = "unlinked " + std::to_string(g.unlinked_claims) + "\n";
  for (const GraphNode& n : g.nodes) {
    out += n.entity + " | " + n.kind + " | " + std::to_string(n.claims) + " |";
    for (size_t i : n.mentions) out += " " + std::to_string(i);
    out += "\n";
  }
  for (const GraphEdge& e : g.edges) {
    out += std::to_string(e.from) + ">" + std::to_string(e.to) + " " + to_string(e.stance) + " |";
    for (const std::string& c : e.cues) out += " " + c;
    out += " |";
    for (size_t i : e.claims) out += " " + std::to_string(i);
    out += "\n";
  }
  return out;
}

// A change of one annotation (nullopt: removed / added).
bool change(Session& s, std::optional<Annotation> before, std::optional<Annotation> after) {
  Change c;
  c.edits.push_back({std::move(before), std::move(after)});
  return commit(s, std::move(c));
}

}  // namespace

TEST_CASE("graph: after a change the picture reads only what it touched, and equals a full build") {
  Marks m = dispute();
  Session s;
  open_marks(s, m);
  GraphPicture p;
  REQUIRE(p.update(s));
  CHECK(p.read == s.annotations.size());
  auto check = [&](const char* what) {
    INFO(what);
    REQUIRE(p.update(s));
    CHECK(p.read < s.annotations.size());  // the change's annotations, not all of them
    CHECK(whole(p.graph) == whole(build_graph(s)));
  };
  // Reject Seoul's welcome; accept Washington's condemnation.
  Annotation w = *find_annotation(s, "welcome"), r = w;
  r.status = Status::rejected;
  REQUIRE(change(s, w, r));
  check("reject");
  Annotation cond = s.annotations[size_t(build_graph(s).edges.front().claims.front())], acc = cond;
  acc.status = Status::accepted;
  REQUIRE(change(s, cond, acc));
  check("accept");
  // Rename an entity (the speaker "the ambassador" finds Kim Song through it), add an actor in the
  // middle (every later index moves), remove one.
  Annotation kim = *find_annotation(s, "a1"), renamed = kim;
  renamed.attrs.entity = "Song Kim";
  REQUIRE(change(s, kim, renamed));
  check("edit");
  Annotation war;
  war.id = "war";
  war.label = "actor";
  war.start = m.at("the war");
  war.end = war.start + 7;
  war.attrs.entity = "The war";
  REQUIRE(change(s, std::nullopt, war));
  check("add");
  REQUIRE(change(s, *find_annotation(s, "a3"), std::nullopt));  // United States
  check("remove");
  for (int i = 0; i < 3; ++i) {
    REQUIRE(undo(s));
    check("undo");
  }
  REQUIRE(redo(s));
  check("redo");
  // A new change after an undo, then two changes before the next update: their spans add up.
  Annotation jp = *find_annotation(s, "a11"), jp2 = jp;
  jp2.status = Status::rejected;
  REQUIRE(change(s, jp, jp2));
  REQUIRE(undo(s));
  REQUIRE(redo(s));
  check("two changes");
  // Labels changed: everything is read again.
  Change labels;
  labels.labels_changed = true;
  labels.labels_before = s.labels;
  labels.labels_after = s.labels;
  labels.labels_after.back().name += " (renamed)";
  REQUIRE(commit(s, labels));
  REQUIRE(p.update(s));
  CHECK(p.read == s.annotations.size());
  CHECK(whole(p.graph) == whole(build_graph(s)));
}

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("graph: on an analysed article, accept / reject / edit / undo / redo update the picture as a full build") {
  Session s;
  open_analysed(s, read_source_file("assets/articles/dprk-missiles-un.txt"));
  REQUIRE(s.annotations.size() > 50);
  GraphPicture p;
  p.update(s);
  size_t partial = 0;
  for (size_t step = 0; step < 60; ++step) {
    const Annotation& an = s.annotations[(step * 37) % s.annotations.size()];
    Annotation was = an, now = an;
    switch (step % 6) {
      case 0: now.status = Status::rejected; break;
      case 1: now.status = Status::accepted; break;
      case 2: now.attrs.entity = "Someone " + std::to_string(step); break;
      case 3: REQUIRE(change(s, was, std::nullopt)); break;
      case 4: REQUIRE(undo(s)); break;
      default: REQUIRE(redo(s)); break;
    }
    if (step % 6 < 3) REQUIRE(change(s, was, now));
    if (step % 5 == 4) p.options.accepted_only = !p.options.accepted_only;  // a full rebuild now and then
    INFO("step " << step);
    REQUIRE(p.update(s));
    partial += p.read < s.annotations.size();
    CHECK(whole(p.graph) == whole(build_graph(s, p.options)));
  }
  CHECK(partial > 30);
}
#endif

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("graph: after any mix of changes, undo and redo the picture equals a full build, with or without Accepted only") {
  Session s;
  open_analysed(s, read_source_file("assets/articles/dprk-missiles-un.txt"));
  GraphPicture p;
  REQUIRE(p.update(s));
  const size_t partial = follow_random_steps(s, p, 17, 300, [&] { return whole(p.graph); }, [&] { return whole(build_graph(s, p.options)); });
  CHECK(partial > 200);
  // The same parts filtered: "Accepted only" reads nothing again, and equals a full build of it.
  p.options.accepted_only = true;
  REQUIRE(p.update(s));
  CHECK(p.read == 0);
  CHECK(whole(p.graph) == whole(build_graph(s, p.options)));
  const size_t filtered = follow_random_steps(s, p, 23, 100, [&] { return whole(p.graph); }, [&] { return whole(build_graph(s, p.options)); });
  CHECK(filtered > 60);
}
#endif

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("graph: the default article links Kim Song to the United States (blame), the condemning nations to North Korea and Russia, North Korea to Russia") {
  std::string text = read_source_file("assets/articles/dprk-missiles-un.txt");
  TextIndex index(text);
  std::vector<Annotation> an = analyzer().analyze(text);
  Graph g = build_graph(text, index, an);
  auto has = [&](const std::vector<std::string>& from, const std::string& to, Stance st) {
    for (const GraphEdge& e : g.edges)
      for (const std::string& f : from)
        if (g.nodes[e.from].entity == f && g.nodes[e.to].entity == to && e.stance == st) return true;
    return false;
  };
  // "In an official statement by Kim Song, ..., blame was shifted to the United States": blame
  CHECK(has({"Kim Song", "North Korea"}, "United States", Stance::accuses));
  CHECK(has({"Kim Song"}, "United States", Stance::says));
  std::vector<std::string> condemners = {"United States", "United Kingdom", "Ukraine", "Antony Blinken", "Josep Borrell", "Argentina", "Australia", "Japan", "South Korea", "Guatemala"};
  CHECK(has(condemners, "North Korea", Stance::accuses));
  CHECK(has(condemners, "Russia", Stance::accuses));
  CHECK(has({"North Korea"}, "Russia", Stance::denies));
}
#endif
