// What the side panel lists (Actors, Claims, Numbers, Notes) of a session: the annotations of each
// list and the open suggestions of each kind, by index. No UI: the panels (src/app/panels.cpp) draw
// them, the unit tests check them. Kept across frames and updated from the change spans
// (Session::change_spans) as the graph is (core/graph.hpp): a change reads again only the
// annotations it touched, so a change frame does not go through all of a long article's.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lede {

struct Session;

struct PanelLists {
  struct Entity {
    std::string name, kind, role;     // kind and role: the first mention's that has one
    std::vector<size_t> mentions;     // its actor annotations (indices), in text order
    std::vector<size_t> suggested;    // those still suggested
  };
  std::vector<Entity> entities;          // by name: an actor's entity, else its words
  std::vector<size_t> suggested[3];      // open actor, claim and number suggestions, in text order
  std::vector<size_t> claims, numbers, notes;  // in text order; notes: the reader's own or with a note
  std::vector<std::string> claim_speaker;      // parallel to claims
  std::vector<std::string> speakers;           // the claims' distinct speakers, sorted, none empty
  size_t read = 0;                             // annotations the last update read

  // Brings the lists up to the session: nothing when it did not change, else from the annotations
  // the changes since touched (all of them after an article opened, labels changed or too many
  // changes at once). True when the lists changed.
  bool update(const Session& s);

 private:
  const Session* session_ = nullptr;
  uint64_t changes_ = ~0ull;
  size_t count_ = 0;                         // the session's annotations then
  std::map<std::string, size_t> speaker_n_;  // claims per speaker
  void read_range(const Session& s, size_t first, size_t last);
};

}  // namespace lede
