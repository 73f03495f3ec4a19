// The Graph and Timeline side-panel tabs (graph_view.cpp): what they keep between frames.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/graph.hpp"
#include "core/timeline.hpp"

namespace lede {

struct App;
struct Session;

struct GraphView {
  // The graph of the session shown, its nodes drawn and their layout: rebuilt on the frame after a
  // change (Session::changes), laid out again only when what is drawn changed (core/graph.hpp).
  GraphPicture picture;
  // The timeline, updated on the frame after a change from what the change touched.
  TimelinePicture timeline;

  // Filters and view.
  bool stance_on[kStanceCount] = {true, true, true, true};
  bool large = false;                  // the larger window
  // Interaction.
  int cursor = -1;                     // keyboard node (index into shown)
  int hover_edge = -1, hover_node = -1;
  int edge = -1;                       // the edge clicked last: its claims are stepped through
  int edge_step = -1;
  std::vector<std::string> tooltip_claims;  // the claim ids the edge tooltip lists this frame (for tests)
};

void draw_graph_tab(App& a);
void draw_timeline_tab(App& a);
void draw_graph_window(App& a);  // the larger window, when open
std::string graph_state_json(const App& a);  // for app_state_json

}  // namespace lede
