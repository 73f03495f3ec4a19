// The claim graph: who says what about whom. Nodes are entities (the actors' `entity`, else their
// words); an edge runs from a claim's speaker entity to each entity named in its content, typed by
// the stance of its cue (assets/lexicon/stances.tsv). No UI: the Graph panel, `lede graph` and the
// tests build the same Graph.
#pragma once
#include <cstdint>
#include <map>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/annotation.hpp"
#include "core/text.hpp"

namespace lede {

struct Session;

enum class Stance : uint8_t { accuses, denies, supports, says };
inline constexpr int kStanceCount = 4;
const char* to_string(Stance s);  // "accuses", "denies", "supports", "says"
// A cue's stance: its words looked up by form in cues.tsv (for the lemma), then in stances.tsv;
// "says" when none of them has one ("said", "quoted ... as saying").
Stance cue_stance(std::string_view cue);
// The country a capital or seat of government stands for ("Pyongyang", "Kremlin" -> "North Korea",
// "Russia"); empty when the name is neither.
std::string government_of(std::string_view name);

struct GraphOptions {
  bool accepted_only = false;  // only the claims the reader accepted (or made), not suggestions
};

struct GraphNode {
  std::string entity, kind;     // kind: the actors' (person, organization, place), may be empty
  std::vector<size_t> mentions;  // its actor annotations (indices), in text order
  size_t claims = 0;             // claims on its edges, both ways
};

struct GraphEdge {
  size_t from = 0, to = 0;  // node indices
  Stance stance = Stance::says;
  std::vector<std::string> cues;  // the distinct cue words, lower case, in text order
  std::vector<size_t> claims;     // claim annotations (indices), in text order; the edge's weight
};

struct Graph {
  std::vector<GraphNode> nodes;  // sorted by entity
  std::vector<GraphEdge> edges;  // sorted by from, to, stance
  size_t unlinked_claims = 0;    // claims whose speaker has no entity (not drawn)
  int node_of(const std::string& entity) const;  // -1 when none
};

// The graph of a set of annotations on text (indices refer to `annotations`). Rejected suggestions
// are left out; a speaker without an entity is linked as the analysis links it (a pronoun to the
// latest person or organization before it, "the ambassador" to the latest person with that role),
// and a capital or seat of government as speaker becomes its country.
Graph build_graph(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                  const GraphOptions& options = {});
Graph build_graph(const Session& s, const GraphOptions& options = {});

// `lede graph`: {"nodes": [{entity, kind, mentions}], "edges": [{from, to, stance, cues, claims (ids)}]}.
json graph_json(const Graph& g, const std::vector<Annotation>& annotations);

// What the graph is made of, read from the annotations: the actors and the claims with their
// links. GraphPicture keeps it between changes, so that a change reads again only the annotations
// it touched and links again only the claims near them (a claim's links depend on the actors in
// it, in its speaker and cue, and within kNear code points before them).
struct GraphParts {
  static constexpr int64_t kNear = 3000;
  // Entity names, interned once: actors, speakers and links refer to them by number, so that
  // grouping after a change hashes no name again. Only grows (a name no longer used stays).
  std::vector<std::string> names;
  std::unordered_map<std::string, int> ids;
  std::vector<int> by_name;  // every name's number, in name order (the graph's node order)
  int intern(std::string name);
  struct Actor {
    int64_t start, end;
    size_t index;              // the annotation
    int name;                  // its entity (else its words), interned
    std::string kind;          // the actors' kind
  };
  struct Link {
    size_t speaker;  // into Claim::speakers
    int entity;      // the entity the claim names
  };
  struct Claim {
    int64_t start, end;
    size_t index;
    bool accepted;                      // by the reader ("Accepted only" keeps these)
    int64_t near_from, near_to;         // where the actors its links depend on lie
    std::string cue;                    // its cue words, lower case
    Stance stance;                      // of the cue
    std::vector<int> speakers;          // empty when the speaker has no entity (unlinked)
    std::vector<Link> links;            // by speaker, then text order
  };
  std::vector<Actor> actors;  // non-rejected actors, by (start, end descending, index)
  std::vector<Claim> claims;  // non-rejected claims (accepted only, when asked), in the same order
};
GraphParts read_graph_parts(std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                            const GraphOptions& options = {});
// After a change that touched only annotations starting in [from, to] (Session::change_spans) and
// left `annotations` with count_before annotations before it: the same parts read_graph_parts
// would give now.
// Returns how many annotations it read.
size_t update_graph_parts(GraphParts& parts, std::string_view text, const TextIndex& index, const std::vector<Annotation>& annotations,
                          const GraphOptions& options, size_t count_before, int64_t from, int64_t to);
// The graph of the parts; with accepted_only, of their accepted claims only (a filter of the same
// parts: the reader's "Accepted only" toggle reads no annotation again).
Graph graph_of(const GraphParts& parts, const GraphOptions& options = {});

// A deterministic layout in [-1, 1]^2 of the given nodes (indices into g.nodes): a force layout
// started from `previous` positions (by entity) where there are some, else from a circle in name
// order; with previous positions it runs cooler, so a change adds or moves little.
struct Point { float x = 0, y = 0; };
std::map<std::string, Point> layout_graph(const Graph& g, const std::vector<size_t>& shown,
                                          const std::map<std::string, Point>& previous = {});

// The nodes a picture of the graph draws: those with an edge of a stance in `stance_mask` (bit
// 1 << int(Stance)), the most claimed first, at most `max`, returned in node order; *total gets how
// many had such an edge.
std::vector<size_t> shown_nodes(const Graph& g, unsigned stance_mask, size_t max, size_t* total = nullptr);

// What the Graph tab draws, kept across frames: the graph of a session, the nodes shown and their
// layout. update() rebuilds the graph only when the session changed (Session::changes) or the
// options did (after a change, from the parts it touched: update_graph_parts), and lays the nodes out again only when the nodes or edges shown changed, starting
// from the positions they had: a change that touches neither moves nothing. The report draws a
// new picture of the article: the layout the Graph tab shows when the article is opened.
struct GraphPicture {
  static constexpr size_t kMaxNodes = 60;
  GraphOptions options;
  unsigned stance_mask = 0xF;
  Graph graph;
  std::vector<size_t> shown;         // node indices drawn, in node order
  size_t shown_total = 0;            // nodes with an edge the filter lets through, before the cap
  std::map<std::string, Point> pos;  // layout by entity
  size_t read = 0;                   // annotations the last rebuild read: all, or those a change touched
  // True when the graph was rebuilt (node and edge indices changed).
  bool update(const Session& s);
  void clear();  // another article: a new picture, laid out afresh
  const Session* session() const { return session_; }  // the session drawn, if any

 private:
  const Session* session_ = nullptr;
  uint64_t changes_ = ~0ull;
  GraphParts parts_;   // what `graph` was made of, updated where a change touched the annotations
  size_t count_ = 0;   // the session's annotations then
  bool built_accepted_only_ = false;
  unsigned built_mask_ = 0;
  std::vector<std::string> laid_out_;  // what the layout was made for: the shown entities and edges
};

}  // namespace lede
