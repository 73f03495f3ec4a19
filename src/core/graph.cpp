#include "core/graph.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <set>
#include <unordered_map>

#include "core/assets.hpp"
#include "core/kinds.hpp"
#include "core/session.hpp"

namespace lede {

namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return r;
}

// Each non-comment line of an embedded TSV, split at tabs.
template <class F>
void each_row(std::string_view name, F f) {
  std::string_view data = embedded_asset(name);
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    while (true) {
      size_t t = line.find('\t');
      cols.push_back(line.substr(0, t));
      if (t == std::string_view::npos) break;
      line = line.substr(t + 1);
    }
    f(cols);
  }
}

struct GraphLexicon {
  std::unordered_map<std::string, std::string> lemma;   // cue form -> lemma (cues.tsv)
  std::unordered_map<std::string, Stance> stance;       // lemma -> stance (stances.tsv)
  std::unordered_map<std::string, std::string> government;  // capital or seat -> country
  GraphLexicon() {
    each_row("lexicon/cues.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() > 1) lemma.emplace(lower(c[0]), lower(c[1]));
    });
    each_row("lexicon/stances.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() < 2) return;
      Stance s = c[1] == "accuses" ? Stance::accuses : c[1] == "denies" ? Stance::denies : c[1] == "supports" ? Stance::supports : Stance::says;
      stance.emplace(lower(c[0]), s);
    });
    // countries.tsv: name, aliases, demonyms, capital (the first value is the capital, later ones
    // other seats of government)
    each_row("lexicon/countries.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() < 4) return;
      std::string_view caps = c[3];
      while (!caps.empty()) {
        size_t bar = caps.find('|');
        government.emplace(std::string(caps.substr(0, bar)), std::string(c[0]));
        caps = bar == std::string_view::npos ? std::string_view() : caps.substr(bar + 1);
      }
    });
    each_row("lexicon/government-seats.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() > 1) government.emplace(std::string(c[0]), std::string(c[1]));
    });
  }
};

const GraphLexicon& graph_lexicon() {
  static const GraphLexicon lex;
  return lex;
}

// A word's stance: as a form of cues.tsv, as a lemma itself, or with a regular ending taken off.
bool word_stance(const GraphLexicon& L, const std::string& w, Stance* out) {
  auto find = [&](const std::string& x) {
    auto it = L.stance.find(x);
    if (it == L.stance.end()) return false;
    *out = it->second;
    return true;
  };
  auto lm = L.lemma.find(w);
  if (lm != L.lemma.end() && find(lm->second)) return true;
  if (find(w)) return true;
  for (const char* end : {"s", "es", "d", "ed", "ing", "ings"}) {
    std::string e(end);
    if (w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0) {
      std::string stem = w.substr(0, w.size() - e.size());
      if (find(stem) || find(stem + "e")) return true;
    }
  }
  return false;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || (c & 0x80); }

// text has w as a whole word (or w without a plural s: "ministers" in "foreign minister").
bool has_word(const std::string& text, std::string w) {
  if (w.empty()) return false;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = text.find(w); k != std::string::npos; k = text.find(w, k + 1)) {
      bool open = k == 0 || !is_word_char(text[k - 1]), close = k + w.size() >= text.size() || !is_word_char(text[k + w.size()]);
      if (open && close) return true;
    }
    if (w.size() < 4 || w.back() != 's') break;
    w.pop_back();
  }
  return false;
}

}  // namespace

const char* to_string(Stance s) {
  switch (s) {
    case Stance::accuses: return "accuses";
    case Stance::denies: return "denies";
    case Stance::supports: return "supports";
    default: return "says";
  }
}

Stance cue_stance(std::string_view cue) {
  const GraphLexicon& L = graph_lexicon();
  std::string c = lower(cue);
  size_t i = 0;
  while (i < c.size()) {  // the first word with a stance decides ("quoted ... as saying": says)
    while (i < c.size() && !is_word_char(c[i])) ++i;
    size_t j = i;
    while (j < c.size() && is_word_char(c[j])) ++j;
    Stance s;
    if (j > i && word_stance(L, c.substr(i, j - i), &s)) return s;
    i = j;
  }
  return Stance::says;
}

std::string government_of(std::string_view name) {
  const GraphLexicon& L = graph_lexicon();
  auto it = L.government.find(std::string(name));
  return it == L.government.end() ? std::string() : it->second;
}

int Graph::node_of(const std::string& entity) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), entity, [](const GraphNode& n, const std::string& e) { return n.entity < e; });
  return it != nodes.end() && it->entity == entity ? int(it - nodes.begin()) : -1;
}

namespace {

// Links claims to entities: the speaker (through the actors near it) and the actors inside. It
// reads the parts' actors (span, interned entity) without touching the annotations again (on a
// long article they are ~900 bytes apart) and interns the names it finds (a capital's country, a
// speaker's own link) in the parts.
struct Builder {
  std::string_view text;
  const TextIndex& index;
  const std::vector<Annotation>& an;
  GraphParts& parts;
  const std::vector<GraphParts::Actor>& actors = parts.actors;  // non-rejected actor annotations, by start

  // The first actor starting at or after cp.
  size_t first_actor_at(int64_t cp) const {
    return size_t(std::lower_bound(actors.begin(), actors.end(), cp, [](const GraphParts::Actor& a, int64_t c) { return a.start < c; }) - actors.begin());
  }
  // The latest actor before cp (within kNear code points) that `want` accepts; -1 when none.
  template <class F>
  int latest_before(int64_t cp, F want) const {
    for (size_t k = first_actor_at(cp); k-- > 0;) {
      if (cp - actors[k].start > GraphParts::kNear) break;
      if (want(an[actors[k].index])) return actors[k].name;
    }
    return -1;
  }

  // A group named by its members: "the foreign ministers of 47 nations, including Japan, South
  // Korea and Antony Blinken, denounced ...": the actors between ", including" (or "such as") after
  // the speaker and the cue.
  std::vector<int> members(const Annotation& claim) const {
    std::vector<int> out;
    const SpanAttr &sp = claim.attrs.speaker, &cue = claim.attrs.cue;
    if (!cue.is_set()) return out;
    int64_t from = -1;
    auto list_at = [&](int64_t cp) {  // ", including" or ", such as" at cp
      size_t b = index.to_byte(size_t(cp));
      std::string after = lower(text.substr(b, std::min<size_t>(16, text.size() - b)));
      return after.rfind(", including ", 0) == 0 || after.rfind(" including ", 0) == 0 || after.rfind(", such as ", 0) == 0;
    };
    if (sp.is_set() && cue.start > sp.end && list_at(sp.end)) from = sp.end;
    // "criticisms from various nations, including A, B and C, condemning ...": an -ing cue right
    // after the list speaks for its members
    size_t cue_byte = index.to_byte(size_t(cue.start));
    const std::string& cw = cue.text;
    if (from < 0 && cw.size() > 4 && cw.compare(cw.size() - 3, 3, "ing") == 0 && cue_byte >= 2 && text.compare(cue_byte - 2, 2, ", ") == 0) {
      size_t k = first_actor_at(cue.start);
      int64_t at = cue.start - 2;  // the list runs back over actors, commas, "and", "the"
      while (k > 0) {
        const GraphParts::Actor& a = actors[k - 1];
        if (cue.start - a.start > GraphParts::kNear) break;  // a claim depends only on actors near it
        size_t gb = index.to_byte(size_t(a.end)), ge = index.to_byte(size_t(at));
        std::string gap = lower(text.substr(gb, ge - gb));
        for (const char* w : {",", " and ", " the ", " "})
          for (size_t p; (p = gap.find(w)) != std::string::npos;) gap.erase(p, std::strlen(w));
        if (!gap.empty() && gap != "and") break;
        at = a.start;
        --k;
      }
      if (at < cue.start - 2) {
        size_t b = index.to_byte(size_t(at));
        if (b >= 4 && lower(text.substr(b - 4, 4)) == "the ") b -= 4;
        for (const char* intro : {"including ", "such as "})
          if (b >= std::strlen(intro) && lower(text.substr(b - std::strlen(intro), std::strlen(intro))) == intro) from = at;
      }
    }
    if (from < 0) return out;
    for (size_t k = first_actor_at(from); k < actors.size() && actors[k].end <= cue.start; ++k)
      if (std::find(out.begin(), out.end(), actors[k].name) == out.end()) out.push_back(actors[k].name);
    return out;
  }

  // The speaker's entity: the link the span carries, an actor inside the span (the last: "Analysts
  // at Goldman Sachs"), or for a pronoun or a description the entity it refers to; -1 when none.
  int speaker_entity(const Annotation& claim) {
    const SpanAttr& sp = claim.attrs.speaker;
    int e = -1;
    if (!sp.is_set()) {
      if (!claim.attrs.extra.is_object() || !claim.attrs.extra.contains("speaker")) return -1;
      json other = claim.attrs.get("speaker");  // another shape, from a file
      if (other.is_object() && other.contains("entity") && other["entity"].is_string() && !other["entity"].get<std::string>().empty())
        e = parts.intern(other["entity"].get<std::string>());
    } else if (!sp.entity.empty()) {
      e = parts.intern(sp.entity);
    } else {
      for (size_t k = first_actor_at(sp.start); k < actors.size() && actors[k].start < sp.end; ++k)
        if (actors[k].end <= sp.end) e = actors[k].name;
      if (e < 0) {
        std::string words = lower(sp.text);
        while (!words.empty() && !is_word_char(words.back())) words.pop_back();
        size_t sp_at = words.rfind(' ');
        std::string head = sp_at == std::string::npos ? words : words.substr(sp_at + 1);
        std::string first = words.substr(0, words.find(' '));
        if (words == "he" || words == "she") {
          e = latest_before(sp.start, [](const Annotation& a) { return a.attrs.kind == "person"; });
        } else if (words == "it" || words == "they" || words == "we") {
          e = latest_before(sp.start, [](const Annotation& a) { return a.attrs.kind == "organization" || !government_of(a.attrs.entity).empty() || a.attrs.kind == "place"; });
        } else if ((first == "the" || first == "its" || first == "his" || first == "her" || first == "their") && head != first) {
          // "the ambassador", "the minister of ...": the latest person whose role has the head word
          for (const char* prep : {" of ", " from ", " at ", " in "})
            if (size_t k = words.find(prep); k != std::string::npos && k > first.size()) {
              std::string before = words.substr(0, k);
              head = before.substr(before.rfind(' ') + 1);
              break;
            }
          e = latest_before(sp.start, [&](const Annotation& a) { return a.attrs.kind == "person" && has_word(lower(a.attrs.role), head); });
        }
      }
    }
    if (e < 0) return -1;
    std::string gov = government_of(parts.names[size_t(e)]);
    return gov.empty() ? e : parts.intern(std::move(gov));
  }

  // A claim's speakers and the entities it names (GraphParts::Claim::links).
  void link(GraphParts::Claim& c) {
    const Annotation& cl = an[c.index];
    c.speakers.clear();
    c.links.clear();
    std::vector<int> speakers = members(cl);
    if (speakers.empty()) speakers.push_back(speaker_entity(cl));
    if (speakers[0] < 0) return;
    const SpanAttr& sp = cl.attrs.speaker;
    std::vector<int> seen;
    for (int from : speakers) {
      c.speakers.push_back(from);
      seen.clear();
      for (size_t k = first_actor_at(cl.start); k < actors.size() && actors[k].start < cl.end; ++k) {
        const GraphParts::Actor& a = actors[k];
        if (a.end > cl.end) continue;
        if (sp.is_set() && a.start < sp.end && a.end > sp.start) continue;  // the speaker itself
        if (a.name == from || std::find(seen.begin(), seen.end(), a.name) != seen.end()) continue;
        seen.push_back(a.name);
        c.links.push_back({c.speakers.size() - 1, a.name});
      }
    }
  }
};

// A claim's cue lower-cased, and its stance, remembered per distinct cue (a long article says
// "said" thousands of times).
struct CueStances {
  std::unordered_map<std::string, Stance> seen;
  Stance stance(const std::string& words) {
    auto it = seen.find(words);
    if (it == seen.end()) it = seen.emplace(words, cue_stance(lower(words))).first;
    return it->second;
  }
};

template <class T>
bool by_start(const T& p, const T& q) {
  return p.start != q.start ? p.start < q.start : p.end != q.end ? p.end > q.end : p.index < q.index;
}

// The parts of the annotations [from, to) (indices), in order; claims not linked yet.
void read_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& an, const GraphOptions& options,
                size_t from, size_t to, GraphParts& parts, std::vector<GraphParts::Actor>* actors, std::vector<GraphParts::Claim>* claims) {
  const std::string_view actor = kind(KindId::actor).label, claim = kind(KindId::claim).label;
  CueStances stances;
  for (size_t i = from; i < to; ++i) {
    const Annotation& a = an[i];
    if (a.status == Status::rejected) continue;
    if (a.label == actor) {
      std::string name = a.attrs.entity;
      if (name.empty()) {
        name = cp_substr(text, index, size_t(a.start), size_t(a.end));
        for (char& c : name)
          if (c == '\n') c = ' ';
      }
      actors->push_back({a.start, a.end, i, parts.intern(std::move(name)), a.attrs.kind});
    } else if (a.label == claim && !(options.accepted_only && a.status != Status::accepted)) {
      GraphParts::Claim c;
      c.start = a.start;
      c.end = a.end;
      c.index = i;
      c.accepted = a.status == Status::accepted;
      // Its links depend on the actors in it, in its speaker and cue, and up to kNear before them.
      const SpanAttr &sp = a.attrs.speaker, &cue = a.attrs.cue;
      c.near_from = std::min({a.start, sp.is_set() ? sp.start : a.start, cue.is_set() ? cue.start : a.start}) - GraphParts::kNear;
      c.near_to = std::max({a.end, sp.is_set() ? sp.end : a.end, cue.is_set() ? cue.end : a.end});
      c.cue = lower(claim_cue(a.attrs));
      c.stance = stances.stance(c.cue);
      claims->push_back(std::move(c));
    }
  }
}

// The names in name order again, when some were added.
void sort_names(GraphParts& parts) {
  if (parts.by_name.size() == parts.names.size()) return;
  parts.by_name.resize(parts.names.size());
  for (size_t i = 0; i < parts.by_name.size(); ++i) parts.by_name[i] = int(i);
  std::sort(parts.by_name.begin(), parts.by_name.end(), [&](int x, int y) { return parts.names[size_t(x)] < parts.names[size_t(y)]; });
}

}  // namespace

int GraphParts::intern(std::string name) {
  auto [it, fresh] = ids.try_emplace(std::move(name), int(names.size()));  // no node made when known
  if (fresh) names.push_back(it->first);
  return it->second;
}

// The graph of the parts: nodes by entity, one edge per (speaker, entity, stance). Names are
// numbers here (interned in the parts): no name is hashed or copied but the nodes' own.
Graph graph_of(const GraphParts& parts, const GraphOptions& options) {
  Graph g;
  // Nodes: every entity with its mentions (in text order), and the speakers' governments.
  struct NodeAt { bool node = false; const std::string* kind = nullptr; std::vector<size_t> mentions; };
  std::vector<NodeAt> at(parts.names.size());
  for (const GraphParts::Actor& a : parts.actors) {
    NodeAt& n = at[size_t(a.name)];
    if (!n.kind || n.kind->empty()) n.kind = &a.kind;
    n.node = true;
    n.mentions.push_back(a.index);
  }
  static const std::string organization = "organization";  // a government named only by its capital
  struct Link { int from, to; Stance stance; size_t claim; const std::string* cue; };
  std::vector<Link> links;
  for (const GraphParts::Claim& c : parts.claims) {
    if (options.accepted_only && !c.accepted) continue;
    if (c.speakers.empty()) { ++g.unlinked_claims; continue; }
    size_t l = 0;
    for (size_t k = 0; k < c.speakers.size(); ++k) {
      const int from = c.speakers[k];
      for (; l < c.links.size() && c.links[l].speaker == k; ++l) links.push_back({from, c.links[l].entity, c.stance, c.index, &c.cue});
      NodeAt& n = at[size_t(from)];
      if (!n.node) n.kind = &organization;
      n.node = true;
    }
  }
  // Node order: by entity name (the parts keep the names sorted).
  std::vector<int> node_of(parts.names.size(), -1);
  for (int name : parts.by_name) {
    NodeAt& n = at[size_t(name)];
    if (!n.node) continue;
    node_of[size_t(name)] = int(g.nodes.size());
    g.nodes.push_back({parts.names[size_t(name)], n.kind ? *n.kind : std::string(), std::move(n.mentions), 0});
  }
  // Edges: one per (from, to, stance), in that order; its claims and cues in text order.
  for (Link& l : links) {
    l.from = node_of[size_t(l.from)];
    l.to = node_of[size_t(l.to)];
  }
  std::stable_sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    return x.from != y.from ? x.from < y.from : x.to != y.to ? x.to < y.to : x.stance < y.stance;
  });
  for (size_t k = 0; k < links.size(); ++k) {
    const Link& l = links[k];
    if (k == 0 || l.from != links[k - 1].from || l.to != links[k - 1].to || l.stance != links[k - 1].stance)
      g.edges.push_back({size_t(l.from), size_t(l.to), l.stance, {}, {}});
    GraphEdge& e = g.edges.back();
    e.claims.push_back(l.claim);
    if (!l.cue->empty() && std::find(e.cues.begin(), e.cues.end(), *l.cue) == e.cues.end()) e.cues.push_back(*l.cue);
  }
  for (const GraphEdge& e : g.edges) {
    g.nodes[e.from].claims += e.claims.size();
    if (e.to != e.from) g.nodes[e.to].claims += e.claims.size();
  }
  return g;
}

GraphParts read_graph_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations, const GraphOptions& options) {
  GraphParts parts;
  read_parts(text, index, annotations, options, 0, annotations.size(), parts, &parts.actors, &parts.claims);
  // A session keeps its annotations in this order already: no sort then.
  auto order = [](const auto& x, const auto& y) { return by_start(x, y); };
  if (!std::is_sorted(parts.actors.begin(), parts.actors.end(), order)) std::sort(parts.actors.begin(), parts.actors.end(), order);
  if (!std::is_sorted(parts.claims.begin(), parts.claims.end(), order)) std::sort(parts.claims.begin(), parts.claims.end(), order);
  Builder b{text, index, annotations, parts};
  for (GraphParts::Claim& c : parts.claims) b.link(c);
  sort_names(parts);
  return parts;
}

size_t update_graph_parts(GraphParts& parts, std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                          const GraphOptions& options, size_t count_before, int64_t from, int64_t to) {
  if (from > to) return 0;  // the change touched no annotation
  // The annotations starting in [from, to] are read again; those after them moved by how many
  // the change added or removed; those before stay where they were.
  const ptrdiff_t moved = ptrdiff_t(annotations.size()) - ptrdiff_t(count_before);
  auto splice = [&](auto& v, auto&& fresh) {
    auto lo = std::lower_bound(v.begin(), v.end(), from, [](const auto& x, int64_t c) { return x.start < c; });
    auto hi = std::upper_bound(lo, v.end(), to, [](int64_t c, const auto& x) { return c < x.start; });
    for (auto it = hi; it != v.end(); ++it) it->index = size_t(ptrdiff_t(it->index) + moved);
    size_t at = size_t(lo - v.begin());
    v.erase(lo, hi);
    v.insert(v.begin() + ptrdiff_t(at), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    return at;
  };
  size_t first = size_t(std::lower_bound(annotations.begin(), annotations.end(), from, [](const Annotation& a, int64_t c) { return a.start < c; }) - annotations.begin());
  size_t last = first;
  while (last < annotations.size() && annotations[last].start <= to) ++last;
  std::vector<GraphParts::Actor> actors;
  std::vector<GraphParts::Claim> claims;
  read_parts(text, index, annotations, options, first, last, parts, &actors, &claims);
  const size_t fresh = claims.size();
  splice(parts.actors, actors);
  const size_t at = splice(parts.claims, claims);
  // Linked again: the claims read again, and those whose links depend on actors in [from, to].
  Builder b{text, index, annotations, parts};
  for (size_t k = 0; k < parts.claims.size(); ++k) {
    GraphParts::Claim& c = parts.claims[k];
    if ((k >= at && k < at + fresh) || (c.near_from <= to && c.near_to >= from)) b.link(c);
  }
  sort_names(parts);
  return last - first;
}

Graph build_graph(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations, const GraphOptions& options) {
  return graph_of(read_graph_parts(text, index, annotations, options));
}

Graph build_graph(const Session& s, const GraphOptions& options) { return build_graph(s.doc.text, s.index, s.annotations, options); }

json graph_json(const Graph& g, const std::vector<Annotation>& annotations) {
  json nodes = json::array(), edges = json::array();
  for (const GraphNode& n : g.nodes) nodes.push_back({{"entity", n.entity}, {"kind", n.kind}, {"mentions", n.mentions.size()}});
  for (const GraphEdge& e : g.edges) {
    json ids = json::array();
    for (size_t c : e.claims) ids.push_back(annotations[c].id);
    edges.push_back({{"from", g.nodes[e.from].entity}, {"to", g.nodes[e.to].entity}, {"stance", to_string(e.stance)}, {"cues", e.cues}, {"claims", ids}});
  }
  return {{"nodes", nodes}, {"edges", edges}, {"unlinked_claims", g.unlinked_claims}};
}

std::map<std::string, Point> layout_graph(const Graph& g, const std::vector<size_t>& shown, const std::map<std::string, Point>& previous) {
  const size_t n = shown.size();
  std::map<std::string, Point> out;
  if (n == 0) return out;
  std::vector<int> slot(g.nodes.size(), -1);
  for (size_t i = 0; i < n; ++i) slot[shown[i]] = int(i);
  struct Spring { size_t a, b; float w; };
  std::vector<Spring> springs;
  for (const GraphEdge& e : g.edges)
    if (slot[e.from] >= 0 && slot[e.to] >= 0 && e.from != e.to)
      springs.push_back({size_t(slot[e.from]), size_t(slot[e.to]), 1.0f + std::log(float(e.claims.size()))});
  const float kPi = 3.14159265f;
  std::vector<Point> p(n);
  std::vector<bool> placed(n, false);
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    auto it = previous.find(g.nodes[shown[i]].entity);
    if (it != previous.end()) { p[i] = it->second; placed[i] = true; ++kept; }
  }
  for (size_t i = 0; i < n; ++i) {  // a new node starts beside a placed neighbour, else on the circle
    if (placed[i]) continue;
    float a = 2 * kPi * float(i) / float(n);
    p[i] = {0.8f * std::cos(a), 0.8f * std::sin(a)};
    if (!kept) continue;
    for (const Spring& s : springs) {
      size_t other = s.a == i ? s.b : s.b == i ? s.a : n;
      if (other < n && placed[other]) { p[i] = {p[other].x + 0.15f * std::cos(a), p[other].y + 0.15f * std::sin(a)}; break; }
    }
  }
  // Fruchterman-Reingold in the square [-1, 1]^2; cooler (smaller steps, fewer rounds) when most
  // nodes were placed before, so the picture the reader knows stays.
  const float k = std::sqrt(4.0f / float(n)) * 0.6f;
  const bool warm = kept * 2 < n;
  const int rounds = warm ? 300 : 60;
  float temp = warm ? 0.3f : 0.04f;
  std::vector<Point> d(n);
  for (int r = 0; r < rounds; ++r) {
    for (size_t i = 0; i < n; ++i) d[i] = {-p[i].x * 0.05f, -p[i].y * 0.05f};  // gravity toward the middle
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        float dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
        float dist2 = dx * dx + dy * dy;
        if (dist2 < 1e-8f) { dx = 0.01f * float(int(i % 7) - 3) + 0.001f; dy = 0.01f * float(int(j % 5) - 2) + 0.001f; dist2 = dx * dx + dy * dy; }
        float f = k * k / dist2;
        d[i].x += dx * f; d[i].y += dy * f;
        d[j].x -= dx * f; d[j].y -= dy * f;
      }
    for (const Spring& s : springs) {
      float dx = p[s.a].x - p[s.b].x, dy = p[s.a].y - p[s.b].y;
      float dist = std::sqrt(dx * dx + dy * dy) + 1e-6f;
      float f = dist / k * s.w;
      d[s.a].x -= dx * f; d[s.a].y -= dy * f;
      d[s.b].x += dx * f; d[s.b].y += dy * f;
    }
    for (size_t i = 0; i < n; ++i) {
      float len = std::sqrt(d[i].x * d[i].x + d[i].y * d[i].y) + 1e-9f;
      float step = std::min(len, temp);
      p[i].x = std::clamp(p[i].x + d[i].x / len * step, -1.0f, 1.0f);
      p[i].y = std::clamp(p[i].y + d[i].y / len * step, -1.0f, 1.0f);
    }
    temp *= warm ? 0.985f : 0.95f;
  }
  // Then no two nodes closer than `gap` (a label's height at panel size): push overlapping pairs apart.
  const float gap = std::min(0.12f, 3.0f / float(n));
  for (int r = 0; r < 40; ++r) {
    bool moved = false;
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        float dx = p[j].x - p[i].x, dy = p[j].y - p[i].y, dist = std::sqrt(dx * dx + dy * dy);
        if (dist >= gap) continue;
        if (dist < 1e-6f) { dx = 1; dy = float(j % 3) - 1; dist = std::sqrt(dx * dx + dy * dy); }
        float push = (gap - dist) / 2 / dist;
        p[i].x = std::clamp(p[i].x - dx * push, -1.0f, 1.0f); p[i].y = std::clamp(p[i].y - dy * push, -1.0f, 1.0f);
        p[j].x = std::clamp(p[j].x + dx * push, -1.0f, 1.0f); p[j].y = std::clamp(p[j].y + dy * push, -1.0f, 1.0f);
        moved = true;
      }
    if (!moved) break;
  }
  for (size_t i = 0; i < n; ++i) out[g.nodes[shown[i]].entity] = p[i];
  return out;
}

std::vector<size_t> shown_nodes(const Graph& g, unsigned stance_mask, size_t max, size_t* total) {
  std::vector<size_t> claims(g.nodes.size(), 0);
  for (const GraphEdge& e : g.edges)
    if (stance_mask >> int(e.stance) & 1) {
      claims[e.from] += e.claims.size();
      claims[e.to] += e.claims.size();
    }
  std::vector<size_t> with;
  for (size_t i = 0; i < claims.size(); ++i)
    if (claims[i]) with.push_back(i);
  if (total) *total = with.size();
  std::stable_sort(with.begin(), with.end(), [&](size_t x, size_t y) { return claims[x] > claims[y]; });
  if (with.size() > max) with.resize(max);
  std::sort(with.begin(), with.end());
  return with;
}

bool GraphPicture::update(const Session& s) {
  const bool changed = session_ != &s || changes_ != s.changes;
  const bool rebuild = changed || built_accepted_only_ != options.accepted_only;
  if (!rebuild && built_mask_ == stance_mask) return false;
  if (changed) {
    if (session_ != &s) clear();  // another article: a new picture
    // After changes that each recorded where they touched the annotations, only that is read
    // again (and the claims near it linked again); else everything. The parts hold every claim
    // not rejected: "Accepted only" filters them (graph_of), it does not read them again.
    int64_t from, to;
    if (session_ == &s && touched_since(s, changes_, &from, &to))
      read = update_graph_parts(parts_, s.doc.text, s.index, s.annotations, GraphOptions{}, count_, from, to);
    else {
      parts_ = read_graph_parts(s.doc.text, s.index, s.annotations, GraphOptions{});
      read = s.annotations.size();
    }
    session_ = &s;
    changes_ = s.changes;
    count_ = s.annotations.size();
  } else {
    read = 0;
  }
  if (rebuild) {
    built_accepted_only_ = options.accepted_only;
    graph = graph_of(parts_, options);
  }
  built_mask_ = stance_mask;
  shown = shown_nodes(graph, stance_mask, kMaxNodes, &shown_total);
  // Lay out again only when what is drawn changed: its nodes, or its edges and their weights.
  std::vector<size_t> slot(graph.nodes.size(), SIZE_MAX);
  std::vector<std::string> key;
  for (size_t i = 0; i < shown.size(); ++i) {
    slot[shown[i]] = i;
    key.push_back(graph.nodes[shown[i]].entity);
  }
  for (const GraphEdge& e : graph.edges)
    if (slot[e.from] != SIZE_MAX && slot[e.to] != SIZE_MAX && e.from != e.to)
      key.push_back(std::to_string(slot[e.from]) + ">" + std::to_string(slot[e.to]) + ":" + std::to_string(e.claims.size()));
  if (key != laid_out_ || pos.empty()) {
    pos = layout_graph(graph, shown, pos);
    laid_out_ = std::move(key);
  }
  return rebuild;
}

void GraphPicture::clear() {
  session_ = nullptr;
  parts_ = {};
  pos.clear();
  laid_out_.clear();
}

}  // namespace lede
