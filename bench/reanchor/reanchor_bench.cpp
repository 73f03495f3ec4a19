// Re-anchoring benchmark: a ~1 MB article, 5,000 annotations, several kinds of revision.
// Build: part of the native build (target lede_reanchor_bench); run: ./build/lede_reanchor_bench
// Prints, per scenario, the time of reanchor() and how each annotation was placed.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/lede_file.hpp"
#include "core/reanchor.hpp"
#include "core/text.hpp"

using namespace lede;

namespace {

std::string make_word(std::mt19937& rng) {
  static const char* syll[] = {"ka", "lo", "mi", "ne", "ru", "sta", "ve", "dor", "pel", "qui", "zan", "bé", "ło", "tr", "ch", "ü"};
  std::string w;
  int n = 1 + int(rng() % 3);
  for (int i = 0; i < n; ++i) w += syll[rng() % 16];
  return w;
}

std::string make_text(std::mt19937& rng, size_t bytes) {
  std::vector<std::string> vocab;
  for (int i = 0; i < 3000; ++i) vocab.push_back(make_word(rng));
  std::string t;
  while (t.size() < bytes) {
    int words = 8 + int(rng() % 20);
    for (int i = 0; i < words; ++i) {
      std::string w = vocab[std::min<size_t>(vocab.size() - 1, size_t(std::exponential_distribution<>(0.01)(rng)))];
      if (i == 0) w[0] = char(std::toupper(static_cast<unsigned char>(w[0])));
      t += w;
      t += i + 1 == words ? ". " : " ";
    }
    if (rng() % 6 == 0) t += "\n\n";
  }
  return t;
}

// Word-aligned spans of 1..8 words.
AnnotationSet make_set(std::mt19937& rng, const std::string& text, size_t count) {
  AnnotationSet s;
  s.document.text = text;
  s.labels = builtin_labels();
  TextIndex idx(text);
  for (size_t i = 0; i < count; ++i) {
    size_t b = text.find(' ', rng() % text.size());
    if (b == std::string::npos) continue;
    ++b;
    size_t e = b;
    int words = 1 + int(rng() % 8);
    for (int k = 0; k < words && e != std::string::npos; ++k) e = text.find(' ', e + 1);
    if (e == std::string::npos) continue;
    Annotation a;
    a.id = "a" + std::to_string(i);
    a.label = "claim";
    a.start = int64_t(idx.to_cp(b));
    a.end = int64_t(idx.to_cp(e));
    s.annotations.push_back(a);
  }
  LoadResult r = read_lede_file(write_lede_file(s, "bench"));
  if (!r.ok) std::fprintf(stderr, "bench: %s\n", r.summary().c_str());
  return r.set;
}

size_t char_boundary(const std::string& t, size_t i) {
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
  return i;
}

std::string revise(std::mt19937& rng, std::string t, int inserts, int deletes, int typos) {
  for (int i = 0; i < inserts; ++i)
    t.insert(char_boundary(t, rng() % t.size()), " An inserted sentence, new in this version. ");
  for (int i = 0; i < deletes; ++i) {
    size_t b = char_boundary(t, rng() % (t.size() - 400));
    t.erase(b, char_boundary(t, b + 200 + rng() % 200) - b);
  }
  for (int i = 0; i < typos; ++i) {
    size_t p = char_boundary(t, rng() % t.size());
    if (p < t.size() && t[p] >= 'a' && t[p] <= 'z') t[p] = char('a' + (t[p] - 'a' + 1) % 26);
  }
  return t;
}

void run(const char* name, const AnnotationSet& s, const std::string& revised) {
  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  ReanchorResult r = reanchor(s, revised);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  double cpu = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
  std::printf("%-30s %7.1f ms (cpu %7.1f ms)  position %5zu  exact %5zu  fuzzy %5zu  orphans %5zu\n", name, ms, cpu, r.by_position, r.by_exact,
              r.by_fuzzy, r.orphaned);
}

}  // namespace

int main() {
  std::mt19937 rng(42);
  std::string text = make_text(rng, 1u << 20);
  AnnotationSet s = make_set(rng, text, 5000);
  std::printf("text: %zu bytes, %zu code points; %zu annotations\n", text.size(), utf8_length(text), s.annotations.size());
  run("unchanged", s, text);
  run("one insertion at the top", s, "Correction: an earlier version misnamed the minister.\n\n" + text);
  run("50 insertions, 20 deletions", s, revise(rng, text, 50, 20, 0));
  run("+ 300 one-letter typo fixes", s, revise(rng, text, 50, 20, 300));
  run("2000 one-letter changes", s, revise(rng, text, 0, 0, 2000));
  // Worst case: paragraphs reordered (nearly every annotation searched for).
  std::vector<std::string> paras;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find("\n\n", b);
    e = e == std::string::npos ? text.size() : e + 2;
    paras.push_back(text.substr(b, e - b));
    b = e;
  }
  std::shuffle(paras.begin(), paras.end(), rng);
  std::string shuffled;
  for (auto& p : paras) shuffled += p;
  run("paragraphs shuffled", s, shuffled);
  run("another text entirely", s, make_text(rng, 1u << 20));
  return 0;
}
