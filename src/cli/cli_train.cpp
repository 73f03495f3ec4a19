// lede train: retrains the candidate classifier (assets/model/ner.tsv) from IOB2 NER data.
// The candidates and their features come from the analyzer's own code (ActorPass + Model::features),
// so training and inference see exactly the same thing. See tools/train/README.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/analysis/doc.hpp"
#include "core/analysis/model.hpp"
#endif

#ifdef LEDE_WITH_ANALYSIS
namespace lede::cli {

namespace {

using namespace lede::analysis;

struct Example {
  std::vector<uint64_t> feats;
  int label;
};

struct Sentence {
  std::string text;
  struct Ent { uint32_t b, e; int cls; };
  std::vector<Ent> ents;
};

bool attach_left(const std::string& t) {
  static const char* kLeft[] = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "’s", "n't", "'", "’", "”"};
  for (const char* k : kLeft) if (t == k) return true;
  return false;
}

int cls_of(const std::string& tag) {
  if (tag.size() < 3) return C_NONE;
  std::string t = tag.substr(2);
  if (t == "PER") return C_PER;
  if (t == "ORG") return C_ORG;
  if (t == "LOC") return C_LOC;
  return -1;  // MISC: not one of ours
}

// Documents whose id contains one of `exclude` are skipped (the GUM news documents are the dev set of
// `lede eval --gum`, so the shipped model must not see them).
bool excluded(const std::string& id, const std::vector<std::string>& exclude) {
  for (const std::string& x : exclude) if (!x.empty() && id.find(x) != std::string::npos) return true;
  return false;
}

void read_iob2(const std::string& path, std::vector<Sentence>& out, const std::vector<std::string>& exclude, int* skipped_docs) {
  std::ifstream f(path);
  if (!f) { std::fprintf(stderr, "lede train: cannot read %s (skipped)\n", path.c_str()); return; }
  std::string line;
  Sentence s;
  int open_cls = C_NONE;
  uint32_t open_b = 0, open_e = 0;
  bool prev_open_paren = false;
  auto close = [&]() {
    if (open_cls != C_NONE) s.ents.push_back({open_b, open_e, open_cls});
    open_cls = C_NONE;
  };
  auto flush = [&]() {
    close();
    if (!s.text.empty()) out.push_back(std::move(s));
    s = Sentence();
    prev_open_paren = false;
  };
  bool skip = false;
  while (std::getline(f, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      skip = excluded(line, exclude);
      if (skip) ++*skipped_docs;
      continue;
    }
    if (skip) continue;
    if (line.empty()) { flush(); continue; }
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string tok = line.substr(0, tab), tag = line.substr(tab + 1);
    if (!s.text.empty() && !attach_left(tok) && !prev_open_paren) s.text += ' ';
    uint32_t b = static_cast<uint32_t>(s.text.size());
    s.text += tok;
    uint32_t e = static_cast<uint32_t>(s.text.size());
    prev_open_paren = tok == "(" || tok == "$" || tok == "“";
    if (tag[0] == 'B') { close(); open_cls = cls_of(tag); open_b = b; open_e = e; if (open_cls < 0) open_cls = C_NONE; }
    else if (tag[0] == 'I' && open_cls != C_NONE) open_e = e;
    else if (tag[0] == 'O') close();
  }
  flush();
}

}  // namespace

int train(int argc, char** argv) {
  std::string data = "../shared/ner-train", out_path = "assets/model/ner.tsv";
  std::string sets = "gum,re3d,sec,btc", exclude_arg = "GUM_news";
  int epochs = 6;
  size_t max_features = 40000;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
    else if (!std::strcmp(argv[i], "--out") && i + 1 < argc) out_path = argv[++i];
    else if (!std::strcmp(argv[i], "--sets") && i + 1 < argc) sets = argv[++i];
    else if (!std::strcmp(argv[i], "--exclude") && i + 1 < argc) exclude_arg = argv[++i];
    else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc) epochs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--max-features") && i + 1 < argc) max_features = std::strtoul(argv[++i], nullptr, 10);
    else { std::fprintf(stderr, "usage: lede train [--data DIR] [--out FILE] [--sets gum,re3d,sec,btc] [--exclude GUM_news|none] [--epochs N] [--max-features N]\n"); return 2; }
  }
  std::vector<std::string> exclude;
  if (exclude_arg != "none") {
    std::stringstream xs(exclude_arg);
    std::string x;
    while (std::getline(xs, x, ',')) exclude.push_back(x);
  }
  std::vector<Sentence> sents;
  std::stringstream ss(sets);
  std::string name;
  int skipped_docs = 0;
  while (std::getline(ss, name, ',')) read_iob2(data + "/" + name + ".iob2", sents, exclude, &skipped_docs);
  std::fprintf(stderr, "lede train: %d documents excluded (--exclude %s)\n", skipped_docs, exclude_arg.c_str());
  if (sents.empty()) { std::fprintf(stderr, "lede train: no training data\n"); return 1; }

  Analyzer analyzer;  // lexicons (the model it loads is not used for candidate generation here)
  std::vector<Example> ex;
  std::array<int, C_COUNT> dist{};
  for (const Sentence& s : sents) {
    Doc d(s.text, analyzer.lexicon());
    d.model = nullptr;
    std::vector<std::pair<uint32_t, uint32_t>> cands;
    d.candidates = &cands;
    tokenize(s.text, d.toks);
    split_sentences(d);
    find_actors(d);
    for (auto& c : cands) {
      uint32_t b = d.toks[c.first].b, e = d.toks[c.second - 1].e;
      int label = C_NONE;
      for (const auto& en : s.ents) if (en.b == b && en.e == e) { label = en.cls; break; }
      Example x;
      Model::features(d, c.first, c.second, x.feats);
      x.label = label;
      ++dist[label];
      ex.push_back(std::move(x));
    }
  }
  std::fprintf(stderr, "lede train: %zu sentences, %zu candidates (none %d, person %d, organization %d, place %d)\n", sents.size(), ex.size(),
               dist[0], dist[1], dist[2], dist[3]);

  // averaged perceptron
  std::unordered_map<uint64_t, std::array<float, C_COUNT>> w, u;
  std::array<float, C_COUNT> bw{}, bu{};
  float c = 1;
  std::vector<size_t> order(ex.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = 12345;
  for (int ep = 0; ep < epochs; ++ep) {
    for (size_t i = order.size(); i > 1; --i) {  // deterministic shuffle
      rng = rng * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(order[i - 1], order[(rng >> 33) % i]);
    }
    int errors = 0;
    for (size_t k : order) {
      const Example& x = ex[k];
      std::array<float, C_COUNT> s = bw;
      for (uint64_t f : x.feats) {
        auto it = w.find(f);
        if (it != w.end()) for (int q = 0; q < C_COUNT; ++q) s[q] += it->second[q];
      }
      int pred = 0;
      for (int q = 1; q < C_COUNT; ++q) if (s[q] > s[pred]) pred = q;
      if (pred != x.label) {
        ++errors;
        for (uint64_t f : x.feats) {
          auto& wf = w[f];
          auto& uf = u[f];
          wf[x.label] += 1; uf[x.label] += c;
          wf[pred] -= 1; uf[pred] -= c;
        }
        bw[x.label] += 1; bu[x.label] += c;
        bw[pred] -= 1; bu[pred] -= c;
      }
      c += 1;
    }
    std::fprintf(stderr, "  epoch %d: %d errors (%.1f%%)\n", ep + 1, errors, 100.0 * errors / std::max<size_t>(1, ex.size()));
  }
  // average, prune, quantize
  std::vector<std::pair<uint64_t, std::array<float, C_COUNT>>> avg;
  avg.reserve(w.size());
  for (auto& kv : w) {
    std::array<float, C_COUNT> a{};
    const auto& uf = u[kv.first];
    float mag = 0;
    for (int q = 0; q < C_COUNT; ++q) { a[q] = kv.second[q] - uf[q] / c; mag = std::max(mag, std::fabs(a[q])); }
    if (mag > 0.05f) avg.emplace_back(kv.first, a);
  }
  auto mag = [](const std::array<float, C_COUNT>& a) { float m = 0; for (float v : a) m = std::max(m, std::fabs(v)); return m; };
  std::sort(avg.begin(), avg.end(), [&](const auto& x, const auto& y) {
    float mx = mag(x.second), my = mag(y.second);
    if (mx != my) return mx > my;
    return x.first < y.first;
  });
  if (avg.size() > max_features) avg.resize(max_features);
  std::sort(avg.begin(), avg.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::array<float, C_COUNT> ab{};
  for (int q = 0; q < C_COUNT; ++q) ab[q] = bw[q] - bu[q] / c;
  float maxw = 1e-6f;
  for (auto& kv : avg) maxw = std::max(maxw, mag(kv.second));
  maxw = std::max(maxw, mag(ab));
  const float scale = maxw / 127.0f;
  std::ofstream o(out_path, std::ios::binary);
  if (!o) { std::fprintf(stderr, "lede train: cannot write %s\n", out_path.c_str()); return 1; }
  o << "# lede candidate-name classifier (averaged perceptron: none person organization place), produced by: lede train --data "
    << data << " --sets " << sets << " --exclude " << exclude_arg << " --epochs " << epochs << " --max-features " << max_features << "\n";
  o << "# trained on " << sents.size() << " sentences / " << ex.size() << " candidates, " << skipped_docs
    << " documents excluded (the GUM news documents are the dev set of lede eval --gum); see NOTICE and tools/train/README.md\n";
  o << "# format: 'scale S', 'bias b0..b3', then 'FEATUREHASH(hex) w0 w1 w2 w3' with weight = w * S\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "scale\t%.8g\n", scale);
  o << buf;
  o << "bias";
  for (int q = 0; q < C_COUNT; ++q) o << '\t' << static_cast<int>(std::lround(ab[q] / scale));
  o << '\n';
  size_t written = 0;
  for (auto& kv : avg) {
    int iw[C_COUNT];
    bool any = false;
    for (int q = 0; q < C_COUNT; ++q) { iw[q] = static_cast<int>(std::lround(kv.second[q] / scale)); any = any || iw[q] != 0; }
    if (!any) continue;
    std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(kv.first));
    o << buf;
    for (int q = 0; q < C_COUNT; ++q) o << '\t' << iw[q];
    o << '\n';
    ++written;
  }
  std::fprintf(stderr, "lede train: wrote %zu features to %s\n", written, out_path.c_str());
  return 0;
}

}  // namespace lede::cli
#else  // the analysis core is not built (-DLEDE_WITH_ANALYSIS=OFF)
namespace lede::cli {
int train(int, char**) {
  std::fprintf(stderr, "lede train: this build has no analysis core (configure with -DLEDE_WITH_ANALYSIS=ON)\n");
  return 2;
}
}  // namespace lede::cli
#endif
