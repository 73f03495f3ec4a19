#include "core/graph.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
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

struct Builder {
  std::string_view text;
  const TextIndex& index;
  const std::vector<Annotation>& an;
  std::vector<size_t> actors;  // non-rejected actor annotations, by start

  std::string entity_of(const Annotation& a) const {
    if (!a.attrs.entity.empty()) return a.attrs.entity;
    std::string s = cp_substr(text, index, size_t(a.start), size_t(a.end));
    for (char& c : s)
      if (c == '\n') c = ' ';
    return s;
  }
  // The first actor starting at or after cp.
  size_t first_actor_at(int64_t cp) const {
    return size_t(std::lower_bound(actors.begin(), actors.end(), cp, [&](size_t i, int64_t c) { return an[i].start < c; }) - actors.begin());
  }
  // The latest actor before cp (within a few paragraphs) that `want` accepts.
  template <class F>
  std::string latest_before(int64_t cp, F want) const {
    for (size_t k = first_actor_at(cp); k-- > 0;) {
      const Annotation& a = an[actors[k]];
      if (cp - a.start > 3000) break;
      if (want(a)) return entity_of(a);
    }
    return "";
  }

  // A group named by its members: "the foreign ministers of 47 nations, including Japan, South
  // Korea and Antony Blinken, denounced ...": the actors between ", including" (or "such as") after
  // the speaker and the cue.
  std::vector<std::string> members(const Annotation& claim) const {
    std::vector<std::string> out;
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
    std::string cue_word = lower(cue.text);
    size_t cue_byte = index.to_byte(size_t(cue.start));
    if (from < 0 && cue_word.size() > 4 && cue_word.compare(cue_word.size() - 3, 3, "ing") == 0 && cue_byte >= 2 &&
        text.compare(cue_byte - 2, 2, ", ") == 0) {
      size_t k = first_actor_at(cue.start);
      int64_t at = cue.start - 2;  // the list runs back over actors, commas, "and", "the"
      while (k > 0) {
        const Annotation& a = an[actors[k - 1]];
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
    for (size_t k = first_actor_at(from); k < actors.size() && an[actors[k]].end <= cue.start; ++k) {
      std::string e = entity_of(an[actors[k]]);
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
  }

  // The speaker's entity: the link the span carries, an actor inside the span (the last: "Analysts
  // at Goldman Sachs"), or for a pronoun or a description the entity it refers to.
  std::string speaker_entity(const Annotation& claim) const {
    const SpanAttr& sp = claim.attrs.speaker;
    std::string e;
    if (!sp.is_set()) {
      json other = claim.attrs.get("speaker");  // another shape, from a file
      if (other.is_object() && other.contains("entity") && other["entity"].is_string()) e = other["entity"].get<std::string>();
    } else if (!sp.entity.empty()) {
      e = sp.entity;
    } else {
      for (size_t k = first_actor_at(sp.start); k < actors.size() && an[actors[k]].start < sp.end; ++k)
        if (an[actors[k]].end <= sp.end) e = entity_of(an[actors[k]]);
      if (e.empty()) {
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
    std::string gov = government_of(e);
    return gov.empty() ? e : gov;
  }
};

}  // namespace

Graph build_graph(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations, const GraphOptions& options) {
  Graph g;
  Builder b{text, index, annotations, {}};
  std::vector<size_t> claims;
  for (size_t i = 0; i < annotations.size(); ++i) {
    const Annotation& a = annotations[i];
    if (a.status == Status::rejected) continue;
    int k = kind_index(a.label);
    if (k == int(KindId::actor)) b.actors.push_back(i);
    else if (k == int(KindId::claim) && !(options.accepted_only && a.status != Status::accepted)) claims.push_back(i);
  }
  auto by_start = [&](size_t x, size_t y) {
    const Annotation &p = annotations[x], &q = annotations[y];
    return p.start != q.start ? p.start < q.start : p.end != q.end ? p.end > q.end : x < y;
  };
  std::sort(b.actors.begin(), b.actors.end(), by_start);
  std::sort(claims.begin(), claims.end(), by_start);

  // Nodes: every entity with its mentions, and the speakers' governments.
  std::map<std::string, GraphNode> nodes;
  for (size_t i : b.actors) {
    GraphNode& n = nodes[b.entity_of(annotations[i])];
    if (n.kind.empty()) n.kind = annotations[i].attrs.kind;
    n.mentions.push_back(i);
  }
  struct Link { std::string from, to; Stance stance; size_t claim; std::string cue; };
  std::vector<Link> links;
  for (size_t c : claims) {
    const Annotation& cl = annotations[c];
    std::vector<std::string> speakers = b.members(cl);
    if (speakers.empty()) speakers.push_back(b.speaker_entity(cl));
    if (speakers[0].empty()) { ++g.unlinked_claims; continue; }
    std::string cue = lower(claim_cue(cl.attrs));
    Stance st = cue_stance(cue);
    const SpanAttr& sp = cl.attrs.speaker;
    for (const std::string& from : speakers) {
      std::set<std::string> seen;
      for (size_t k = b.first_actor_at(cl.start); k < b.actors.size() && annotations[b.actors[k]].start < cl.end; ++k) {
        const Annotation& a = annotations[b.actors[k]];
        if (a.end > cl.end) continue;
        if (sp.is_set() && a.start < sp.end && a.end > sp.start) continue;  // the speaker itself
        std::string to = b.entity_of(a);
        if (to == from || !seen.insert(to).second) continue;
        links.push_back({from, to, st, c, cue});
      }
      if (nodes.find(from) == nodes.end()) nodes[from].kind = "organization";  // a government named only by its capital
    }
  }
  for (auto& [name, n] : nodes) {
    n.entity = name;
    g.nodes.push_back(std::move(n));
  }
  std::map<std::tuple<int, int, int>, size_t> edge_at;
  for (const Link& l : links) {
    int f = g.node_of(l.from), t = g.node_of(l.to);
    auto [it, fresh] = edge_at.emplace(std::make_tuple(f, t, int(l.stance)), g.edges.size());
    if (fresh) g.edges.push_back({size_t(f), size_t(t), l.stance, {}, {}});
    GraphEdge& e = g.edges[it->second];
    e.claims.push_back(l.claim);
    if (!l.cue.empty() && std::find(e.cues.begin(), e.cues.end(), l.cue) == e.cues.end()) e.cues.push_back(l.cue);
  }
  std::vector<GraphEdge> sorted;
  for (auto& [key, i] : edge_at) sorted.push_back(std::move(g.edges[i]));
  g.edges = std::move(sorted);
  for (const GraphEdge& e : g.edges) {
    g.nodes[e.from].claims += e.claims.size();
    if (e.to != e.from) g.nodes[e.to].claims += e.claims.size();
  }
  return g;
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

}  // namespace lede
