// libFuzzer target for the analysis core (lede::Analyzer::analyze), any bytes in.
// Built by tests/fuzz/fuzz.cmake with clang++ -fsanitize=fuzzer,address,undefined.
// Besides "no crash, no sanitizer report", it checks what callers rely on, and aborts otherwise:
//   - every annotation lies inside the text, in code points, with start < end, sorted by start;
//   - a claim's speaker and cue spans lie inside the text too;
//   - the same input gives the same output (no hidden state between calls).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/analysis/analyze.hpp"
#include "core/text.hpp"
#include "invariant.hpp"

using namespace lede;

namespace {

void check_span(const json& attrs, const char* key, int64_t length) {
  auto it = attrs.find(key);
  if (it == attrs.end() || !it->is_object()) return;
  int64_t s = it->value("start", int64_t(-1)), e = it->value("end", int64_t(-1));
  check(0 <= s && s <= e && e <= length, "speaker / cue inside the text");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Analyzer analyzer;  // loading the lexicons once is the point of the class
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const int64_t length = int64_t(TextIndex(in).length());
  std::vector<Annotation> anns = analyzer.analyze(in);
  int64_t last_start = 0;
  for (const Annotation& a : anns) {
    check(0 <= a.start && a.start < a.end && a.end <= length, "annotation inside the text, not empty");
    check(a.start >= last_start, "sorted by start");
    last_start = a.start;
    check(a.label == "actor" || a.label == "claim" || a.label == "number", "known label");
    check_span(a.attrs.as_json(), "speaker", length);
    check_span(a.attrs.as_json(), "cue", length);
  }
  std::vector<Annotation> again = analyzer.analyze(in);
  check(again.size() == anns.size(), "deterministic count");
  for (size_t i = 0; i < anns.size(); ++i)
    check(again[i].start == anns[i].start && again[i].end == anns[i].end && again[i].attrs == anns[i].attrs, "deterministic output");
  return 0;
}
