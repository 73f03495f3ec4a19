// lede analyze FILE | - | --jsonl : the analysis core from the command line.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/article.hpp"
#include "core/lede_file.hpp"
#endif

#ifdef LEDE_WITH_ANALYSIS
namespace lede::cli {

namespace {

json annotation_json(const Annotation& a) {
  json j = json::object();
  j["label"] = a.label;
  j["start"] = a.start;
  j["end"] = a.end;
  j["attrs"] = a.attrs;
  return j;
}

int analyze_jsonl() {
  Analyzer analyzer;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json in = json::parse(line, nullptr, false);
    json out = json::object();
    if (in.is_discarded() || !in.is_object()) {
      out["id"] = nullptr;
      out["error"] = "line is not a JSON object";
    } else {
      out["id"] = in.contains("id") ? in["id"] : json(nullptr);
      if (!in.contains("text") || !in["text"].is_string()) {
        out["error"] = "missing string field \"text\"";
      } else {
        json arr = json::array();
        for (const Annotation& a : analyzer.analyze(in["text"].get_ref<const std::string&>())) arr.push_back(annotation_json(a));
        out["annotations"] = std::move(arr);
      }
    }
    std::string s = out.dump(-1, ' ', false, json::error_handler_t::replace);
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fputc('\n', stdout);
  }
  return 0;
}

}  // namespace

int analyze(int argc, char** argv) {
  if (argc == 2 && !std::strcmp(argv[1], "--jsonl")) return analyze_jsonl();
  if (argc != 2) {
    std::fprintf(stderr, "usage: lede analyze FILE | - | --jsonl\n");
    return 2;
  }
  std::string path = argv[1], bytes;
  if (!read_input(path, &bytes)) {
    std::fprintf(stderr, "lede: cannot read %s\n", path.c_str());
    return 1;
  }
  ArticleResult art = article_from_file(path == "-" ? std::string("stdin.txt") : path, bytes);
  if (!art.ok) {
    std::fprintf(stderr, "lede: %s: %s\n", path.c_str(), art.error.c_str());
    return 1;
  }
  AnnotationSet set;
  set.document = art.document;
  set.document.title = file_stem(path == "-" ? std::string("stdin") : path);
  set.labels = builtin_labels();
  Analyzer analyzer;
  set.annotations = analyzer.analyze(set.document.text);
  std::string out = write_lede_file(set, "lede analyze");
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (out.empty() || out.back() != '\n') std::fputc('\n', stdout);
  return 0;
}

}  // namespace lede::cli
#else  // the analysis core is not built (-DLEDE_WITH_ANALYSIS=OFF)
namespace lede::cli {
int analyze(int, char**) {
  std::fprintf(stderr, "lede analyze: this build has no analysis core (configure with -DLEDE_WITH_ANALYSIS=ON)\n");
  return 2;
}
}  // namespace lede::cli
#endif
