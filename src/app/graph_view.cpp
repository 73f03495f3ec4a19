// The Graph and Timeline side-panel tabs: the claim graph (core/graph.hpp) drawn with ImGui's draw
// lists, and the dates of the article on an axis with the numbers grouped by what they count
// (core/timeline.hpp). Both are updated on the frame after a change, from what it touched.
#include "app/graph_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/reader.hpp"
#include "core/dates.hpp"
#include "imgui.h"

namespace lede {

namespace {

// Paul Tol's "bright" scheme, as the kinds table: red accuses, purple denies, green supports, grey says.
constexpr const char* kStanceColor[kStanceCount] = {"#EE6677", "#AA3377", "#228833", "#999999"};
constexpr const char* kStanceName[kStanceCount] = {"Accuses", "Denies", "Supports", "Says"};

// DOM keyCodes, as the platform layer puts them in io.KeysDown.
enum Key { kEnter = 13, kLeft = 37, kUp = 38, kRight = 39, kDown = 40 };

unsigned stance_color(int s, float alpha) { return label_color(kStanceColor[s], alpha); }

// A node's colour and shape by the actor's kind: a person is a circle in the actor colour of the
// kinds table, an organization a square, a place a diamond, anything else a ring.
enum class Shape { circle, square, diamond, ring };
Shape shape_of(const std::string& kind) {
  if (kind == "person") return Shape::circle;
  if (kind == "organization") return Shape::square;
  if (kind == "place") return Shape::diamond;
  return Shape::ring;
}
unsigned node_color(const std::string& kind, float alpha) {
  switch (shape_of(kind)) {
    case Shape::circle: return label_color(std::string(kind_of("actor")->color), alpha);
    case Shape::square: return label_color("#66CCEE", alpha);
    case Shape::diamond: return label_color("#CCBB44", alpha);
    default: return label_color("#BBBBBB", alpha);
  }
}

bool edge_on(const GraphView& g, const GraphEdge& e) { return g.stance_on[int(e.stance)]; }
void ensure_graph(App& a);

// The picture follows the session and the filters; indices into the graph change when it is rebuilt.
void ensure_graph(App& a) {
  GraphView& g = a.graph;
  GraphPicture& p = g.picture;
  unsigned mask = 0;
  for (int s = 0; s < kStanceCount; ++s) mask |= unsigned(g.stance_on[s]) << s;
  p.stance_mask = mask;
  if (p.update(*a.s)) g.edge = g.edge_step = -1;
  if (g.cursor >= int(p.shown.size())) g.cursor = int(p.shown.size()) - 1;
}

// Opens an annotation's card and brings it on screen.
void go_to(App& a, size_t index) {
  const Annotation& an = a.s->annotations[index];
  a.active_id = an.id;
  scroll_to_annotation(a, an);
}

// The claims on the visible edges of node n, in text order.
std::vector<size_t> node_claims(const GraphView& g, size_t n) {
  std::vector<size_t> out;
  for (const GraphEdge& e : g.picture.graph.edges)
    if (edge_on(g, e) && (e.from == n || e.to == n)) out.insert(out.end(), e.claims.begin(), e.claims.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Each click on a node steps to its next mention, as the Actors panel does.
void step_mentions(App& a, const GraphNode& n) {
  if (n.mentions.empty()) return;
  if (a.focus_entity != n.entity) { a.focus_entity = n.entity; a.focus_step = 0; }
  else a.focus_step = (a.focus_step + 1) % int(n.mentions.size());
  go_to(a, n.mentions[size_t(a.focus_step) % n.mentions.size()]);
}

void step_edge(App& a, int edge) {
  GraphView& g = a.graph;
  if (g.edge != edge) { g.edge = edge; g.edge_step = 0; }
  else g.edge_step = (g.edge_step + 1) % int(g.picture.graph.edges[size_t(edge)].claims.size());
  go_to(a, g.picture.graph.edges[size_t(edge)].claims[size_t(g.edge_step)]);
}

float dist_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
  float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0;
  float x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
  return std::sqrt(x * x + y * y);
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, unsigned col, float w, float dash) {
  float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1) return;
  for (float t = 0; t < len; t += dash * 2) {
    float t1 = std::min(len, t + dash);
    dl->AddLine(ImVec2(a.x + dx * t / len, a.y + dy * t / len), ImVec2(a.x + dx * t1 / len, a.y + dy * t1 / len), col, w);
  }
}

// The stance filters, drawn as the legend: a swatch of each stance's line beside its checkbox.
void legend(App& a, const char* key) {
  GraphView& g = a.graph;
  const float item_w = 30 + ImGui::CalcTextSize("Supports").x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().ItemSpacing.x;
  for (int s = 0; s < kStanceCount; ++s) {
    if (s) ImGui::SameLine();
    if (s && ImGui::GetContentRegionAvail().x < item_w) ImGui::NewLine();  // a narrow panel: two lines
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (s == int(Stance::denies)) dashed_line(dl, ImVec2(p.x, p.y + h / 2), ImVec2(p.x + 16, p.y + h / 2), stance_color(s, 1), 3, 3);
    else dl->AddLine(ImVec2(p.x, p.y + h / 2), ImVec2(p.x + 16, p.y + h / 2), stance_color(s, 1), 3);
    ImGui::Dummy(ImVec2(18, h));
    ImGui::SameLine(0, 2);
    char label[48];
    std::snprintf(label, sizeof label, "%s##%s%d", kStanceName[s], key, s);
    if (ImGui::Checkbox(label, &g.stance_on[s])) ensure_graph(a);
    mark_ui(a, std::string("graph:stance:") + to_string(Stance(s)));
  }
  if (ImGui::Checkbox((std::string("Accepted only##") + key).c_str(), &g.picture.options.accepted_only)) ensure_graph(a);
  mark_ui(a, "graph:accepted-only");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Only the claims you accepted or marked yourself; otherwise suggestions too.");
}

// Arrows move the keyboard node to the nearest node in that direction; Enter steps through the
// claims on its edges.
void graph_keys(App& a, ImVec2 (*at)(const App&, size_t, ImVec2, ImVec2), ImVec2 p0, ImVec2 size) {
  GraphView& g = a.graph;
  const ImGuiIO& io = ImGui::GetIO();
  if (key_zone(a) != KeyZone::panels || io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeyShift || g.picture.shown.empty()) return;
  int dir = ImGui::IsKeyPressed(kLeft) ? 0 : ImGui::IsKeyPressed(kRight) ? 1 : ImGui::IsKeyPressed(kUp) ? 2 : ImGui::IsKeyPressed(kDown) ? 3 : -1;
  if (dir >= 0) {
    if (g.cursor < 0) g.cursor = 0;
    else {
      static const float kDx[] = {-1, 1, 0, 0}, kDy[] = {0, 0, -1, 1};
      ImVec2 c = at(a, g.picture.shown[size_t(g.cursor)], p0, size);
      float best = 1e30f;
      int pick = -1;
      for (size_t i = 0; i < g.picture.shown.size(); ++i) {
        ImVec2 q = at(a, g.picture.shown[i], p0, size);
        float along = (q.x - c.x) * kDx[dir] + (q.y - c.y) * kDy[dir];
        float across = std::fabs((q.x - c.x) * kDy[dir] - (q.y - c.y) * kDx[dir]);
        if (along <= 0.5f) continue;
        float score = along + 2 * across;
        if (score < best) { best = score; pick = int(i); }
      }
      if (pick >= 0) g.cursor = pick;
    }
    g.edge = -1;
    g.edge_step = -1;
  }
  if (g.cursor >= 0 && ImGui::IsKeyPressed(kEnter, false)) {
    std::vector<size_t> claims = node_claims(g, g.picture.shown[size_t(g.cursor)]);
    if (!claims.empty()) {
      int key = -2 - g.cursor;  // the node's claims are stepped like an edge's
      if (g.edge != key) { g.edge = key; g.edge_step = 0; }
      else g.edge_step = (g.edge_step + 1) % int(claims.size());
      go_to(a, claims[size_t(g.edge_step)]);
    }
  }
}

ImVec2 node_at(const App& a, size_t n, ImVec2 p0, ImVec2 size) {
  const float margin = 36;
  auto it = a.graph.picture.pos.find(a.graph.picture.graph.nodes[n].entity);
  Point p = it == a.graph.picture.pos.end() ? Point{} : it->second;
  return ImVec2(p0.x + margin + (p.x + 1) * 0.5f * (size.x - 2 * margin), p0.y + margin * 0.6f + (p.y + 1) * 0.5f * (size.y - 1.2f * margin));
}

float node_radius(const GraphNode& n) { return std::clamp(3.5f + 2.2f * std::sqrt(float(n.mentions.size())), 4.0f, 16.0f); }

// The graph in a canvas of the given size; `name` prefixes the rectangles recorded for scripts.
void canvas(App& a, const char* name, ImVec2 size) {
  GraphView& g = a.graph;
  const Graph& gr = g.picture.graph;
  ImGuiIO& io = ImGui::GetIO();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton((std::string("##canvas") + name).c_str(), size);
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  mark_ui(a, std::string(name) + ":canvas");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), true);
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f), 4);
  graph_keys(a, node_at, p0, size);

  std::vector<int> slot(gr.nodes.size(), -1);
  for (size_t i = 0; i < g.picture.shown.size(); ++i) slot[g.picture.shown[i]] = int(i);
  // Each edge as drawn: from the rim of one node to the rim of the other, beside the edges of
  // other stances between the same pair.
  struct Drawn { int edge; ImVec2 a, b; };
  std::vector<Drawn> drawn;
  for (size_t e = 0; e < gr.edges.size(); ++e) {
    const GraphEdge& ed = gr.edges[e];
    if (!edge_on(g, ed) || slot[ed.from] < 0 || slot[ed.to] < 0 || ed.from == ed.to) continue;
    ImVec2 A = node_at(a, ed.from, p0, size), B = node_at(a, ed.to, p0, size);
    float dx = B.x - A.x, dy = B.y - A.y, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1) continue;
    float ux = dx / len, uy = dy / len, off = (float(int(ed.stance)) - 1.5f) * 3.0f;
    float ra = node_radius(gr.nodes[ed.from]) + 2, rb = node_radius(gr.nodes[ed.to]) + 4;
    drawn.push_back({int(e), ImVec2(A.x + ux * ra - uy * off, A.y + uy * ra + ux * off), ImVec2(B.x - ux * rb - uy * off, B.y - uy * rb + ux * off)});
  }
  // What the mouse is on: a node first, else the nearest edge within a few pixels.
  g.hover_node = g.hover_edge = -1;
  if (hovered) {
    float best = 1e30f;
    for (size_t i = 0; i < g.picture.shown.size(); ++i) {
      ImVec2 c = node_at(a, g.picture.shown[i], p0, size);
      float d = std::hypot(c.x - io.MousePos.x, c.y - io.MousePos.y);
      if (d <= node_radius(gr.nodes[g.picture.shown[i]]) + 3 && d < best) { best = d; g.hover_node = int(g.picture.shown[i]); }
    }
    best = 5;
    for (const Drawn& d : drawn)
      if (g.hover_node < 0) {
        float dd = dist_to_segment(io.MousePos, d.a, d.b);
        if (dd < best) { best = dd; g.hover_edge = d.edge; }
      }
  }
  const bool lit_any = g.hover_edge >= 0 || g.hover_node >= 0 || g.edge >= 0;
  for (const Drawn& d : drawn) {
    const GraphEdge& ed = gr.edges[size_t(d.edge)];
    bool lit = d.edge == g.hover_edge || d.edge == g.edge || (g.hover_node >= 0 && (int(ed.from) == g.hover_node || int(ed.to) == g.hover_node));
    float w = 1.0f + 1.6f * std::log2(1.0f + float(ed.claims.size())) + (lit ? 1.5f : 0);
    unsigned col = stance_color(int(ed.stance), lit || !lit_any ? 0.95f : 0.35f);
    if (ed.stance == Stance::denies) dashed_line(dl, d.a, d.b, col, w, 6);
    else dl->AddLine(d.a, d.b, col, w);
    float dx = d.b.x - d.a.x, dy = d.b.y - d.a.y, len = std::sqrt(dx * dx + dy * dy);
    if (len > 1) {  // the arrowhead at the entity spoken about
      float ux = dx / len, uy = dy / len, s = 5 + w;
      dl->AddTriangleFilled(d.b, ImVec2(d.b.x - ux * s - uy * s * 0.5f, d.b.y - uy * s + ux * s * 0.5f),
                            ImVec2(d.b.x - ux * s + uy * s * 0.5f, d.b.y - uy * s - ux * s * 0.5f), col);
    }
    // A point on the edge for scripts (tests hover it): a little before its middle, off the nodes.
    ImVec2 m(d.a.x + dx * 0.45f, d.a.y + dy * 0.45f);
    a.ui_rects.push_back({std::string(name) + ":edge:" + gr.nodes[ed.from].entity + ">" + gr.nodes[ed.to].entity + ":" + to_string(ed.stance),
                          {m.x - 1, m.y - 1, 2, 2}});
  }
  const unsigned text_col = ImGui::GetColorU32(ImGuiCol_Text), outline = ImGui::GetColorU32(ImGuiCol_WindowBg);
  for (size_t i = 0; i < g.picture.shown.size(); ++i) {
    const GraphNode& n = gr.nodes[g.picture.shown[i]];
    ImVec2 c = node_at(a, g.picture.shown[i], p0, size);
    float r = node_radius(n);
    bool lit = int(g.picture.shown[i]) == g.hover_node || a.focus_entity == n.entity;
    unsigned col = node_color(n.kind, 1);
    switch (shape_of(n.kind)) {
      case Shape::circle: dl->AddCircleFilled(c, r, col, 20); dl->AddCircle(c, r, outline, 20, 1.5f); break;
      case Shape::square:
        dl->AddRectFilled(ImVec2(c.x - r * 0.9f, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y + r * 0.9f), col);
        dl->AddRect(ImVec2(c.x - r * 0.9f, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y + r * 0.9f), outline, 0, 0, 1.5f);
        break;
      case Shape::diamond:
        dl->AddQuadFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.2f, c.y), ImVec2(c.x, c.y + r * 1.2f), ImVec2(c.x - r * 1.2f, c.y), col);
        break;
      default: dl->AddCircle(c, r, col, 20, 3); break;
    }
    if (lit) dl->AddCircle(c, r + 4, text_col, 24, 1.5f);
    if (int(i) == g.cursor && key_zone(a) == KeyZone::panels) dl->AddCircle(c, r + 6, ImGui::GetColorU32(ImGuiCol_NavHighlight), 24, 2.5f);
    std::string label = clip(n.entity, 22);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float lx = std::clamp(c.x - ts.x / 2, p0.x + 2, p0.x + size.x - ts.x - 2);
    dl->AddText(ImVec2(lx, c.y + r + 2), lit ? text_col : ImGui::GetColorU32(ImGuiCol_Text, 0.8f), label.c_str());
    a.ui_rects.push_back({std::string(name) + ":node:" + n.entity, {c.x - r, c.y - r, 2 * r, 2 * r}});
  }
  dl->PopClipRect();

  if (g.hover_edge >= 0) {
    const GraphEdge& ed = gr.edges[size_t(g.hover_edge)];
    g.tooltip_claims.clear();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(420);
    ImGui::Text("%s %s %s \u2014 %s", gr.nodes[ed.from].entity.c_str(), to_string(ed.stance), gr.nodes[ed.to].entity.c_str(),
                count_of(ed.claims.size(), "claim", "claims").c_str());
    for (size_t k = 0; k < ed.claims.size() && k < 8; ++k) {
      const Annotation& c = a.s->annotations[ed.claims[k]];
      g.tooltip_claims.push_back(c.id);
      std::string cue = claim_cue(c.attrs);
      ImGui::Bullet();
      ImGui::TextWrapped("\u201C%s\u201D%s%s", clip(annotation_text(a, c), 110).c_str(), cue.empty() ? "" : "  \u00B7 ", cue.c_str());
    }
    if (ed.claims.size() > 8) ImGui::TextDisabled("and %zu more", ed.claims.size() - 8);
    ImGui::TextDisabled("Click: go to its claims in the text, one per click");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  } else if (g.hover_node >= 0) {
    const GraphNode& n = gr.nodes[size_t(g.hover_node)];
    ImGui::SetTooltip("%s%s%s\n%s \u00B7 %s\nClick: go to its mentions, one per click", n.entity.c_str(), n.kind.empty() ? "" : " \u00B7 ",
                      n.kind.c_str(), count_of(n.mentions.size(), "mention", "mentions").c_str(), count_of(n.claims, "claim", "claims").c_str());
  }
  if (g.hover_edge < 0) g.tooltip_claims.clear();
  if (clicked && g.hover_edge >= 0) step_edge(a, g.hover_edge);
  else if (clicked && g.hover_node >= 0) {
    g.cursor = int(std::find(g.picture.shown.begin(), g.picture.shown.end(), size_t(g.hover_node)) - g.picture.shown.begin());
    step_mentions(a, gr.nodes[size_t(g.hover_node)]);
  }
}

void summary_line(App& a) {
  GraphView& g = a.graph;
  size_t edges = 0;
  for (const GraphEdge& e : g.picture.graph.edges) edges += edge_on(g, e);
  ImGui::TextDisabled("%s, %s", count_of(g.picture.shown.size(), "entity", "entities").c_str(), count_of(edges, "link", "links").c_str());
  if (g.picture.shown_total > g.picture.shown.size()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(the %zu most quoted of %zu)", g.picture.shown.size(), g.picture.shown_total);
  }
  if (g.picture.graph.unlinked_claims) {
    ImGui::SameLine();
    ImGui::TextDisabled("\u00B7 %zu without a known speaker", g.picture.graph.unlinked_claims);
  }
}

}  // namespace

void draw_graph_tab(App& a) {
  ensure_graph(a);
  GraphView& g = a.graph;
  legend(a, "tab");
  ImGui::SameLine();
  if (ImGui::SmallButton(g.large ? "Close the large view" : "Larger view")) g.large = !g.large;
  mark_ui(a, "graph:large");
  summary_line(a);
  if (g.picture.shown.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("No claims link two entities yet. Claims whose speaker and content name actors draw an arrow from the speaker to each actor named.");
    ImGui::PopTextWrapPos();
    return;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float h = std::max(160.0f, avail.y - ImGui::GetTextLineHeightWithSpacing() * 1.2f);
  canvas(a, "graph", ImVec2(avail.x, h));
  ImGui::TextDisabled("Arrows: speaker \u2192 entity named. F6, then arrows: nodes; Enter: their claims.");
}

void draw_graph_window(App& a) {
  GraphView& g = a.graph;
  if (!g.large) return;
  ensure_graph(a);
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(1000.0f, io.DisplaySize.x - 40), std::min(760.0f, io.DisplaySize.y - 60)), ImGuiCond_Appearing);
  if (ImGui::Begin("Claim graph", &g.large, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    mark_ui(a, "window:graph");
    legend(a, "win");
    summary_line(a);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (!g.picture.shown.empty()) canvas(a, "graphwin", ImVec2(avail.x, std::max(200.0f, avail.y)));
  }
  ImGui::End();
}

// ---- the timeline -----------------------------------------------------------------------------

namespace {

std::string day_text(int64_t z) {
  int y, m, d;
  civil_from_days(z, &y, &m, &d);
  return iso_date(y, m, d);
}

std::string entry_when(const TimelineEntry& e) {
  if (e.duration) return e.placed ? day_text(e.first) + " \u2013 " + day_text(e.last) : "duration";
  if (!e.resolved.empty()) return e.resolved;
  return e.value.empty() ? e.kind : e.value;
}

// The placed entries on a horizontal axis: a dot per day, a bar per span or duration, stacked in
// lanes so that none hides another.
void axis(App& a, const Timeline& t) {
  const std::vector<AxisStretch> stretches = axis_stretches(t);
  if (stretches.empty()) return;
  const float lane_h = 9, pad = 8;
  std::vector<float> lane_end;
  std::vector<int> lane(t.entries.size(), -1);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const float w = avail.x - 2 * pad;
  auto x_of = [&](int64_t z) { return pad + float(axis_x(stretches, double(z))) * w; };
  for (size_t i = 0; i < t.entries.size(); ++i) {
    const TimelineEntry& e = t.entries[i];
    if (!e.placed) continue;
    float x0 = x_of(e.first), x1 = std::max(x_of(e.last + 1), x0 + 6);
    size_t l = 0;
    while (l < lane_end.size() && lane_end[l] > x0 - 2) ++l;
    if (l == lane_end.size()) lane_end.push_back(0);
    lane_end[l] = x1;
    lane[i] = int(l);
  }
  float h = std::min<float>(float(lane_end.size()), 12) * lane_h + 30;
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##axis", ImVec2(avail.x, h));
  mark_ui(a, "timeline:axis");
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float base = p0.y + h - 18;
  // A line per stretch, a slanted pair of strokes in each break, and each stretch's first date under
  // its start (the last stretch's last date under the end) where it does not run into the one before.
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float label_end = -1e9f;
  auto label = [&](const std::string& s, float x, bool right) {
    const float tw = ImGui::CalcTextSize(s.c_str()).x;
    const float lx = std::max(p0.x + pad, std::min(right ? x - tw : x, p0.x + pad + w - tw));
    if (lx < label_end + 8) return;
    dl->AddText(ImVec2(lx, base + 2), faint, s.c_str());
    label_end = lx + tw;
  };
  for (size_t i = 0; i < stretches.size(); ++i) {
    const AxisStretch& st = stretches[i];
    const float a = p0.x + pad + float(st.x0) * w, b = p0.x + pad + float(st.x1) * w;
    dl->AddLine(ImVec2(a, base), ImVec2(b, base), faint, 1);
    if (i > 0) {
      const float m = p0.x + pad + float(stretches[i - 1].x1 + st.x0) / 2 * w;
      dl->AddLine(ImVec2(m - 5, base + 4), ImVec2(m - 1, base - 4), faint, 1);
      dl->AddLine(ImVec2(m + 1, base + 4), ImVec2(m + 5, base - 4), faint, 1);
    }
    int y0, m0, d0, y1, m1, d1;
    civil_from_days(st.first, &y0, &m0, &d0);
    civil_from_days(st.last, &y1, &m1, &d1);
    const bool year = y0 == y1 && m0 == 1 && d0 == 1 && m1 == 12 && d1 == 31;  // "2006", not 2006-01-01
    label(year ? std::to_string(y0) : day_text(st.first), a, false);
    if (i + 1 == stretches.size() && !year && st.last != st.first) label(day_text(st.last), p0.x + pad + w, true);
  }
  const ImVec2 m = ImGui::GetIO().MousePos;
  int hit = -1;
  const unsigned number_col = label_color(std::string(kind(KindId::number).color), 0.9f);
  for (size_t i = 0; i < t.entries.size(); ++i) {
    if (lane[i] < 0 || lane[i] >= 12) continue;
    const TimelineEntry& e = t.entries[i];
    float x0 = p0.x + x_of(e.first), x1 = std::max(p0.x + x_of(e.last + 1), x0 + 6);
    float y = base - 6 - float(lane[i]) * lane_h;
    bool on = hovered && m.x >= x0 - 2 && m.x <= x1 + 2 && m.y >= y - 4 && m.y <= y + 4;
    if (on) hit = int(i);
    unsigned col = e.duration ? label_color("#66CCEE", 0.9f) : number_col;
    if (e.first == e.last && !e.duration) dl->AddCircleFilled(ImVec2((x0 + x1) / 2, y), on ? 5.0f : 3.5f, col);
    else dl->AddRectFilled(ImVec2(x0, y - 3), ImVec2(x1, y + 3), col, 2);
    a.ui_rects.push_back({"timeline:mark:" + a.s->annotations[e.number].id, {x0, y - 3, x1 - x0, 6}});
  }
  if (hit >= 0) {
    const TimelineEntry& e = t.entries[size_t(hit)];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(380);
    ImGui::Text("%s \u00B7 %s", entry_when(e).c_str(), annotation_text(a, a.s->annotations[e.number]).c_str());
    ImGui::TextWrapped("%s", clip(cp_substr(a.s->doc.text, a.s->index, size_t(e.sentence_start), size_t(e.sentence_end)), 300).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    if (clicked) go_to(a, e.number);
  }
}

}  // namespace

void draw_timeline_tab(App& a) {
  a.graph.timeline.update(*a.s);
  const Timeline& t = a.graph.timeline.timeline;
  if (t.reference.empty()) ImGui::TextDisabled("Publication date unknown: relative dates are not placed.");
  else ImGui::TextDisabled("Published %s: relative dates count from it.", t.reference.c_str());
  if (t.entries.empty() && t.groups.empty()) {
    ImGui::TextDisabled("No dates, times or counted numbers yet.");
    return;
  }
  axis(a, t);
  ImGui::BeginChild("##timeline");
  for (size_t i = 0; i < t.entries.size(); ++i) {
    const TimelineEntry& e = t.entries[i];
    const Annotation& an = a.s->annotations[e.number];
    ImGui::PushID(int(i));
    std::string when = entry_when(e), said = clip(annotation_text(a, an), 40);
    std::string head = when == said ? when : when + "  \u00B7  " + said;  // "2006", not "2006 · 2006"
    if (!e.placed) head += "  (not placed)";
    if (ImGui::Selectable(head.c_str(), a.active_id == an.id)) go_to(a, e.number);
    mark_ui(a, "timeline:row:" + an.id);
    if (ImGui::IsItemHovered()) a.panel_hover_id = an.id;
    ImGui::Indent();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", clip(cp_substr(a.s->doc.text, a.s->index, size_t(e.sentence_start), size_t(e.sentence_end)), 220).c_str());
    std::string who;
    for (size_t k : e.actors) {
      const Annotation& ac = a.s->annotations[k];
      std::string name = ac.attrs.entity.empty() ? annotation_text(a, ac) : ac.attrs.entity;
      if (who.find(name) == std::string::npos) who += (who.empty() ? "" : ", ") + name;
    }
    if (!e.claims.empty() || !who.empty())
      ImGui::TextDisabled("%s%s%s", e.claims.empty() ? "" : count_of(e.claims.size(), "claim", "claims").c_str(), e.claims.empty() || who.empty() ? "" : " \u00B7 ",
                          clip(who, 200).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (!t.groups.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Counted twice or more");
    for (size_t gi = 0; gi < t.groups.size(); ++gi) {
      const NumberGroup& grp = t.groups[gi];
      ImGui::PushID(int(1000000 + gi));
      ImGui::TextDisabled("%s:", grp.counted.c_str());
      for (size_t k = 0; k < grp.numbers.size(); ++k) {
        const Annotation& an = a.s->annotations[grp.numbers[k]];
        ImGui::SameLine();
        ImGui::PushID(int(k));
        std::string v = number_value_text(an.attrs.value);
        if (an.attrs.approx) v = "~" + v;
        if (an.attrs.bound == "min") v = "\u2265" + v;
        if (an.attrs.bound == "max") v = "\u2264" + v;
        if (ImGui::SmallButton(v.c_str())) go_to(a, grp.numbers[k]);
        mark_ui(a, "timeline:count:" + an.id);
        if (ImGui::IsItemHovered()) {
          a.panel_hover_id = an.id;
          ImGui::SetTooltip("\u201C%s\u201D", clip(annotation_text(a, an), 80).c_str());
        }
        ImGui::PopID();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

std::string graph_state_json(const App& a) {
  const GraphView& g = a.graph;
  json edges = json::array();
  if (g.picture.session() == a.s)
    for (const GraphEdge& e : g.picture.graph.edges)
      if (edge_on(g, e)) {
        json ids = json::array();
        for (size_t c : e.claims) ids.push_back(a.s->annotations.size() > c ? a.s->annotations[c].id : "");
        edges.push_back({{"from", g.picture.graph.nodes[e.from].entity}, {"to", g.picture.graph.nodes[e.to].entity}, {"stance", to_string(e.stance)}, {"claims", ids}});
      }
  return json{{"edges", edges}, {"tooltipClaims", g.tooltip_claims}, {"large", g.large}, {"cursor", g.cursor >= 0 && size_t(g.cursor) < g.picture.shown.size() ? json(g.picture.graph.nodes[g.picture.shown[size_t(g.cursor)]].entity) : json(nullptr)}}.dump();
}

}  // namespace lede
