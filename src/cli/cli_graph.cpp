// lede graph FILE / lede timeline FILE: the claim graph and the timeline as JSON. FILE is a
// .lede.json or W3C file with its text, or an article (.txt/.md), which is analysed first.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.hpp"
#include "core/graph.hpp"
#include "core/lede_file.hpp"
#include "core/limits.hpp"
#include "core/session.hpp"
#include "core/timeline.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#endif

namespace lede::cli {

namespace {

// Opens FILE as the reader does (an article gets the analysis' suggestions). False with a message.
bool open_session(const std::string& path, const std::string& published, Session& s) {
  std::string bytes, error;
  if (!read_input(path, &bytes, kMaxFileBytes, &error)) {
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return false;
  }
  bool suggested = false;
  Outcome o = open_file_as_article(s, path == "-" ? std::string("stdin.txt") : path, bytes, &suggested);
  if (!o.ok) {
    std::fprintf(stderr, "lede: %s: %s\n", path.c_str(), o.error.c_str());
    return false;
  }
  if (!published.empty()) s.doc.meta.published = published;
#ifdef LEDE_WITH_ANALYSIS
  if (!suggested) {
    Analyzer analyzer;
    std::vector<Annotation> found = analyzer.analyze(s.doc.text, nullptr, s.doc.meta.published);
    cap_suggestions(&found);
    add_suggestions(s, std::move(found));
  }
#endif
  return true;
}

// FILE and the options both commands take; false (after the usage line) when they are wrong.
bool parse_args(int argc, char** argv, const char* usage, std::string* path, std::string* published, bool* accepted, bool* pretty) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--pretty")) *pretty = true;
    else if (accepted && !std::strcmp(argv[i], "--accepted")) *accepted = true;
    else if (!std::strcmp(argv[i], "--published") && i + 1 < argc) *published = argv[++i];
    else if (path->empty() && (argv[i][0] != '-' || !argv[i][1])) *path = argv[i];
    else { path->clear(); break; }
  }
  if (path->empty()) std::fprintf(stderr, "usage: %s\n", usage);
  return !path->empty();
}

int print(const json& j, bool pretty) {
  std::string out = j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace

int graph(int argc, char** argv) {
  std::string path, published;
  bool accepted = false, pretty = false;
  if (!parse_args(argc, argv, "lede graph [--accepted] [--published DATE] [--pretty] FILE", &path, &published, &accepted, &pretty)) return 2;
  Session s;
  if (!open_session(path, published, s)) return 1;
  GraphOptions o;
  o.accepted_only = accepted;
  return print(graph_json(build_graph(s, o), s.annotations), pretty);
}

int timeline(int argc, char** argv) {
  std::string path, published;
  bool pretty = false;
  if (!parse_args(argc, argv, "lede timeline [--published DATE] [--pretty] FILE", &path, &published, nullptr, &pretty)) return 2;
  Session s;
  if (!open_session(path, published, s)) return 1;
  return print(timeline_json(build_timeline(s), s.doc.text, s.index, s.annotations), pretty);
}

}  // namespace lede::cli
