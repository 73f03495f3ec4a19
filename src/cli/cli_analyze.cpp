// lede analyze FILE | - | --jsonl : the analysis core from the command line.
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/article.hpp"
#include "core/json_input.hpp"
#include "core/lede_file.hpp"
#include "core/limits.hpp"
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

// Reads one line (without its '\n') of at most max bytes. A longer line is consumed to its end
// without being kept, and *too_long says so. False at end of input with nothing read.
class LineReader {
 public:
  explicit LineReader(FILE* f) : f_(f) {}
  bool next(std::string* line, size_t max, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_) {
        len_ = std::fread(buf_, 1, sizeof buf_, f_);
        pos_ = 0;
        if (len_ == 0) return any;
      }
      any = true;
      const char* start = buf_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      size_t n = nl ? size_t(nl - start) : len_ - pos_;
      if (!*too_long) {
        if (line->size() + n > max) { *too_long = true; line->clear(); line->shrink_to_fit(); }
        else line->append(start, n);
      }
      pos_ += n;
      if (nl) { ++pos_; return true; }
    }
  }

 private:
  FILE* f_;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
};

std::string json_error(const JsonInput& in) {
  switch (in.fault) {
    case JsonFault::too_deep: return "the JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    case JsonFault::duplicate_key: return "the key \"" + in.key + "\" appears twice in one JSON object";
    case JsonFault::number_too_large: return "the line holds a number too large to represent";
    case JsonFault::out_of_memory: return "out of memory";
    default: return "line is not a JSON object";
  }
}

// One output line per input line, in order, blank lines included; exit 1 when any line failed.
int analyze_jsonl() {
  Analyzer analyzer;
  auto in_reader = std::make_unique<LineReader>(stdin);  // its 64 KB buffer lives on the heap
  std::string line;
  bool too_long = false;
  size_t lines = 0, failed = 0;
  while (in_reader->next(&line, kMaxJsonlLineBytes, &too_long)) {
    ++lines;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    json out = json::object();
    out["id"] = nullptr;
    if (too_long) {
      out["error"] = "line is too long (the limit is " + std::to_string(kMaxJsonlLineBytes >> 20) + " MB)";
    } else if (line.find_first_not_of(" \t") == std::string::npos) {
      out["error"] = "blank line";
    } else {
      JsonInput in = parse_json_input(line, kMaxJsonDepth);
      if (!in.ok) {
        out["error"] = json_error(in);
      } else if (!in.value.is_object()) {
        out["error"] = "line is not a JSON object";
      } else {
        const json& v = in.value;
        if (v.contains("id")) out["id"] = v["id"];
        if (!v.contains("text") || !v["text"].is_string()) {
          out["error"] = "missing string field \"text\"";
        } else if (v["text"].get_ref<const std::string&>().size() > kMaxArticleBytes) {
          out["error"] = "text is too large (the limit is " + std::to_string(kMaxArticleBytes >> 20) + " MB)";
        } else {
          json arr = json::array();
          for (const Annotation& a : analyzer.analyze(v["text"].get_ref<const std::string&>())) arr.push_back(annotation_json(a));
          out["annotations"] = std::move(arr);
        }
      }
    }
    if (out.contains("error")) ++failed;
    std::string s = out.dump(-1, ' ', false, json::error_handler_t::replace);
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (failed) {
    std::fprintf(stderr, "lede analyze --jsonl: %zu of %zu lines failed (their output lines hold \"error\")\n", failed, lines);
    return 1;
  }
  return 0;
}

}  // namespace

int analyze(int argc, char** argv) {
  bool pretty = false, jsonl = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--pretty")) pretty = true;
    else if (!std::strcmp(argv[i], "--jsonl")) jsonl = true;
    else if (path.empty()) path = argv[i];
    else path = "\n";  // a second file: usage
  }
  if (jsonl && path.empty()) return analyze_jsonl();
  if (jsonl || path.empty() || path == "\n") {
    std::fprintf(stderr, "usage: lede analyze [--pretty] FILE | - | --jsonl\n");
    return 2;
  }
  std::string bytes, error;
  if (!read_input(path, &bytes, kMaxArticleBytes, &error)) {
    std::fprintf(stderr, "lede: %s\n", error.c_str());
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
  if (size_t left_out = cap_suggestions(&set.annotations))
    std::fprintf(stderr, "lede: %s: kept the first %zu suggestions; %zu more were left out (the limit of one file)\n",
                 path.c_str(), kMaxAnnotations, left_out);
  std::string out = write_lede_file(set, "lede analyze", pretty);
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
