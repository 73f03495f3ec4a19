// Throughput benchmark for lede::Analyzer (native and WebAssembly under node).
// usage: lede_bench CORPUS.txt [repeats]   -- one warm-up call, then the fastest of `repeats` calls:
//                                              one JSON line with MB/s and peak memory
//        lede_bench CORPUS.txt REPEATS --passes   -- milliseconds per pass, of the fastest call
//        lede_bench CORPUS.txt 1 --dump   -- every annotation, one per line (to compare builds)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/analysis/analyze.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten/heap.h>
static double peak_mb() { return emscripten_get_heap_size() / 1048576.0; }  // the Wasm memory only grows
#else
#include <sys/resource.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
static double peak_mb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // KiB on Linux
}
#endif

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lede_bench CORPUS.txt [repeats]\n");
    return 2;
  }
#if defined(__GLIBC__)
  // glibc serves blocks above its mmap threshold (at most 32 MB) with fresh mappings and unmaps
  // them on free, so every call would page-fault its token and annotation arrays in again (at
  // 5 MB that took longer than the analysis). Keep them in the heap for reuse, as the Wasm
  // module's memory is reused.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  std::ifstream f(argv[1], std::ios::binary);
  if (!f) { std::fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
  std::stringstream ss;
  ss << f.rdbuf();
  std::string text = ss.str();
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  if (argc > 3 && std::string(argv[3]) == "--dump") {  // cross-platform determinism check
    lede::Analyzer analyzer;
    for (const auto& a : analyzer.analyze(text))
      std::printf("%s %lld %lld %s\n", a.label.c_str(), (long long)a.start, (long long)a.end, a.attrs.as_json().dump().c_str());
    return 0;
  }
  if (argc > 3 && std::string(argv[3]) == "--passes") {  // where the time goes: best of `repeats` per pass
    lede::Analyzer analyzer;
    lede::PassTimes best;
    double best_total = 1e30;
    for (int r = 0; r < repeats; ++r) {
      lede::PassTimes t;
      analyzer.analyze(text, &t);
      if (t.total() < best_total) { best_total = t.total(); best = t; }
    }
    std::printf("{\"index_ms\": %.1f, \"tokenize_ms\": %.1f, \"sentences_ms\": %.1f, \"actors_ms\": %.1f, \"numbers_ms\": %.1f, "
                "\"claims_ms\": %.1f, \"actor_output_ms\": %.1f, \"output_ms\": %.1f, \"total_ms\": %.1f}\n",
                best.index * 1e3, best.tokenize * 1e3, best.sentences * 1e3, best.actors * 1e3, best.numbers * 1e3, best.claims * 1e3,
                best.actor_output * 1e3, best.output * 1e3, best_total * 1e3);
    return 0;
  }
  auto t0 = std::chrono::steady_clock::now();
  lede::Analyzer analyzer;
  auto t1 = std::chrono::steady_clock::now();
  // One untimed call first, as wink.mjs makes one untimed pass: V8 runs a module's first calls in
  // its baseline compiler and replaces the code while the analysis runs.
  analyzer.analyze(text);
  double best = 1e30;
  size_t count = 0, actors = 0, claims = 0, numbers = 0;
  for (int r = 0; r < repeats; ++r) {
    auto a = std::chrono::steady_clock::now();
    auto anns = analyzer.analyze(text);
    auto b = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(b - a).count();
    if (s < best) best = s;
    count = anns.size();
    actors = claims = numbers = 0;
    for (const auto& x : anns) (x.label == "actor" ? actors : x.label == "claim" ? claims : numbers)++;
  }
  double mb = text.size() / 1e6;
  std::printf("{\"bytes\": %zu, \"seconds\": %.4f, \"mb_per_s\": %.1f, \"load_seconds\": %.4f, \"annotations\": %zu, \"actors\": %zu, "
              "\"claims\": %zu, \"numbers\": %zu, \"peak_mb\": %.1f}\n",
              text.size(), best, mb / best, std::chrono::duration<double>(t1 - t0).count(), count, actors, claims, numbers, peak_mb());
  return 0;
}
