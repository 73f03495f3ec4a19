// The claim graph and the timeline on a long article (issue 15, item 5), natively or in node:
// the same ~1 MB article bench/reader/frames.mjs opens (the dev and held-out passages repeated),
// with the analysis' suggestions, then
//   * a full build of the graph, its layout and the timeline (what the reader did after any change),
//   * the reader's update after a change, as the Graph and Timeline tabs run it (GraphPicture: the
//     graph, and the layout when what is drawn changed; TimelinePicture): reject a claim, then undo
//     and redo it, alternately, as frames.mjs does; and the undo or redo itself, for comparison,
//   * the side panel's lists (PanelLists: a full read, then the update after each change), the
//     autosave journal entry of each change (next_store), and "Accepted only" toggled with the
//     graph built (GraphPicture: a filter of its parts).
// usage: lede_graph_bench REPO_ROOT [SIZE_MB] [ROUNDS]
//   prints median and p99 of each step over ROUNDS rounds (default 40), in ms of CPU time.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/analysis/analyze.hpp"
#include "core/graph.hpp"
#include "core/kinds.hpp"
#include "core/panel_lists.hpp"
#include "core/session.hpp"
#include "core/timeline.hpp"

using namespace lede;

namespace {

// This thread's CPU time: on the shared development machine the wall clock mostly measures the wait
// for a core (bench/README.md).
double now_ms() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Stats {
  std::vector<double> v;
  void add(double x) { v.push_back(x); }
  void print(const char* name) {
    std::sort(v.begin(), v.end());
    auto q = [&](double p) { return v[std::min(v.size() - 1, size_t(p * double(v.size())))]; };
    std::printf("%-34s n %3zu  median %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", name, v.size(), q(0.5), q(0.99), v.back());
  }
};

// The article frames.mjs builds: the passages of the dev and held-out sets, one per line, repeated
// until the text reaches size_mb.
std::string long_article(const std::string& repo, double size_mb) {
  std::vector<std::string> passages;
  for (const char* f : {"/tests/devset/dev.jsonl", "/tests/devset/heldout.jsonl"}) {
    std::ifstream in(repo + f);
    if (!in) { std::fprintf(stderr, "cannot read %s%s\n", repo.c_str(), f); std::exit(1); }
    for (std::string line; std::getline(in, line);)
      if (line.find_first_not_of(" \t\r") != std::string::npos) passages.push_back(json::parse(line)["text"].get<std::string>());
  }
  std::string text;
  for (size_t i = 0; double(text.size()) < size_mb * 1024 * 1024; ++i) text += passages[i % passages.size()] + "\n";
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lede_graph_bench REPO_ROOT [SIZE_MB] [ROUNDS]\n");
    return 2;
  }
  const double size_mb = argc > 2 ? std::atof(argv[2]) : 1;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 40;
  std::string text = long_article(argv[1], size_mb);
  Analyzer analyzer;
  Session s;
  Document doc;
  doc.title = "long-article";
  doc.text = text;
  session_open(s, std::move(doc), builtin_labels(), {});
  add_suggestions(s, analyzer.analyze(s.doc.text));
  size_t claims = 0;
  for (const Annotation& a : s.annotations) claims += a.label == "claim";
  std::printf("article: %.2f MB, %zu annotations (%zu claims)\n", double(text.size()) / 1048576, s.annotations.size(), claims);

  // A full build, as the reader did on every change before the caches.
  Stats full_graph, full_layout, full_timeline;
  std::vector<size_t> shown;
  for (int r = 0; r < std::max(5, rounds / 4); ++r) {
    double t0 = now_ms();
    Graph g = build_graph(s);
    double t1 = now_ms();
    if (shown.empty())
      for (size_t i = 0; i < g.nodes.size() && shown.size() < 60; ++i)
        if (g.nodes[i].claims) shown.push_back(i);
    std::map<std::string, Point> pos = layout_graph(g, shown);
    double t2 = now_ms();
    Timeline t = build_timeline(s);
    double t3 = now_ms();
    full_graph.add(t1 - t0);
    full_layout.add(t2 - t1);
    full_timeline.add(t3 - t2);
  }
  full_graph.print("full build: graph");
  full_layout.print("full build: layout (60 nodes, cold)");
  full_timeline.print("full build: timeline");
  Stats full_lists;
  for (int r = 0; r < std::max(5, rounds / 4); ++r) {
    double t0 = now_ms();
    PanelLists lists;
    lists.update(s);
    full_lists.add(now_ms() - t0);
  }
  full_lists.print("full build: panel lists");

  // The reader's update after a change: reject a suggested claim, then undo / redo it.
  GraphPicture picture;  // as the Graph tab keeps it
  auto update_graph = [&]() { picture.update(s); };
  TimelinePicture timeline;  // as the Timeline tab keeps it
  auto update_timeline = [&]() { timeline.update(s); };
  update_timeline();
  update_graph();
  PanelLists lists;
  lists.update(s);
  next_store(s);  // the whole file once; then a journal entry per change
  size_t pick = 0;
  for (size_t i = s.annotations.size() / 2; i < s.annotations.size(); ++i)
    if (s.annotations[i].label == "claim" && s.annotations[i].status == Status::suggested) { pick = i; break; }
  Change reject;
  reject.what = "Reject";
  Annotation after = s.annotations[pick];
  after.status = Status::rejected;
  reject.edits.push_back({s.annotations[pick], after});
  commit(s, reject);
  Stats upd_change, upd_graph, upd_timeline, upd_lists, upd_store;
  for (int r = 0; r < rounds; ++r) {
    double tc = now_ms();
    if (r % 2 == 0) undo(s);
    else redo(s);
    upd_change.add(now_ms() - tc);
    double t0 = now_ms();
    update_graph();
    double t1 = now_ms();
    update_timeline();
    double t2 = now_ms();
    lists.update(s);
    double t3 = now_ms();
    StoreWrite w = next_store(s);
    double t4 = now_ms();
    if (w.whole) std::printf("(round %d stored the whole file)\n", r);
    upd_graph.add(t1 - t0);
    upd_timeline.add(t2 - t1);
    upd_lists.add(t3 - t2);
    upd_store.add(t4 - t3);
  }
  upd_change.print("the change itself (undo / redo)");
  upd_graph.print("after a change: graph + layout");
  upd_timeline.print("after a change: timeline");
  upd_lists.print("after a change: panel lists");
  upd_store.print("after a change: journal entry");
  Stats toggle;
  for (int r = 0; r < rounds; ++r) {
    picture.options.accepted_only = !picture.options.accepted_only;
    double t0 = now_ms();
    update_graph();
    toggle.add(now_ms() - t0);
  }
  toggle.print("accepted only toggled: graph+layout");
  // For comparison: the sort of every annotation each change, undo and redo did before it was
  // applied in place (on annotations already in order; the old path also hashed every id).
  Stats sort;
  for (int r = 0; r < std::max(5, rounds / 4); ++r) {
    double t0 = now_ms();
    sort_annotations(s);
    sort.add(now_ms() - t0);
  }
  sort.print("reference: sort of all annotations");
  return 0;
}
