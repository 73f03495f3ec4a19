// lede eval FILE.jsonl [--verbose]: scores the analyzer against a hand-annotated set
// (tests/devset/*.jsonl): precision / recall / F1 per label, actor kind and number kind.
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/text.hpp"
#endif

#ifdef LEDE_WITH_ANALYSIS
namespace lede::cli {

namespace {

struct Item {
  std::string label, kind;
  int64_t start, end;
  json attrs;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;      // exact span (and label / kind)
  int ptp = 0, pfp = 0, pfn = 0;   // partial overlap
  void line(const std::string& name) const {
    auto pr = [](int tp, int fp, int fn, double* p, double* r, double* f) {
      *p = tp + fp ? double(tp) / (tp + fp) : 0;
      *r = tp + fn ? double(tp) / (tp + fn) : 0;
      *f = *p + *r ? 2 * *p * *r / (*p + *r) : 0;
    };
    double p, r, f, pp, prr, pf;
    pr(tp, fp, fn, &p, &r, &f);
    pr(ptp, pfp, pfn, &pp, &prr, &pf);
    std::printf("  %-22s %5d %5d %5d   %5.1f %5.1f %5.1f   %5.1f %5.1f %5.1f\n", name.c_str(), tp + fn, tp + fp, tp, 100 * p, 100 * r,
                100 * f, 100 * pp, 100 * prr, 100 * pf);
  }
};

std::string kind_of(const Item& it) {
  if (it.label == "claim") return "claim";
  return it.label + ":" + (it.attrs.contains("kind") && it.attrs["kind"].is_string() ? it.attrs["kind"].get<std::string>() : "?");
}

bool overlap(const Item& a, const Item& b) { return a.start < b.end && b.start < a.end; }

void score(const std::vector<Item>& gold, const std::vector<Item>& pred, const std::string& key, Counts& c,
           std::string (*keyf)(const Item&)) {
  std::vector<char> gused(gold.size(), 0), pused(pred.size(), 0);
  std::vector<char> gpart(gold.size(), 0), ppart(pred.size(), 0);
  for (size_t i = 0; i < gold.size(); ++i) {
    if (keyf(gold[i]) != key) continue;
    for (size_t j = 0; j < pred.size(); ++j) {
      if (keyf(pred[j]) != key) continue;
      if (!pused[j] && gold[i].start == pred[j].start && gold[i].end == pred[j].end) { gused[i] = pused[j] = 1; break; }
    }
    for (size_t j = 0; j < pred.size(); ++j)
      if (keyf(pred[j]) == key && overlap(gold[i], pred[j])) { gpart[i] = 1; ppart[j] = 1; }
  }
  for (size_t i = 0; i < gold.size(); ++i)
    if (keyf(gold[i]) == key) { if (gused[i]) ++c.tp; else ++c.fn; if (gpart[i]) ++c.ptp; else ++c.pfn; }
  for (size_t j = 0; j < pred.size(); ++j)
    if (keyf(pred[j]) == key) { if (!pused[j]) ++c.fp; if (!ppart[j]) ++c.pfp; }
}

std::string key_label(const Item& it) { return it.label; }
std::string key_kind(const Item& it) { return kind_of(it); }

}  // namespace

int eval(int argc, char** argv) {
  bool verbose = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--verbose") || !std::strcmp(argv[i], "-v")) verbose = true;
    else path = argv[i];
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: lede eval FILE.jsonl [--verbose]\n");
    return 2;
  }
  std::string data, error;
  if (!read_input(path, &data, size_t(256) << 20, &error)) {  // a development set, not user input
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return 1;
  }
  Analyzer analyzer;
  std::map<std::string, Counts> by_label, by_kind;
  int claims_matched = 0, speaker_ok = 0, cue_ok = 0, actors_matched = 0, entity_ok = 0, role_gold = 0, role_ok = 0;
  int nums_matched = 0, value_ok = 0, passages = 0;
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) { std::fprintf(stderr, "lede: skipping a bad line\n"); continue; }
    ++passages;
    const std::string& text = j["text"].get_ref<const std::string&>();
    std::vector<Item> gold, pred;
    for (const json& a : j["annotations"]) gold.push_back({a["label"], "", a["start"].get<int64_t>(), a["end"].get<int64_t>(), a["attrs"]});
    for (const Annotation& a : analyzer.analyze(text)) pred.push_back({a.label, "", a.start, a.end, a.attrs});
    for (const char* l : {"actor", "claim", "number"}) score(gold, pred, l, by_label[l], key_label);
    std::map<std::string, int> kinds;
    for (const Item& g : gold) kinds[kind_of(g)] = 1;
    for (const Item& p : pred) kinds[kind_of(p)] = 1;
    for (auto& kv : kinds) if (kv.first != "claim") score(gold, pred, kv.first, by_kind[kv.first], key_kind);
    // attribute accuracy on exact matches
    TextIndex idx(text);
    for (const Item& g : gold) {
      const Item* m = nullptr;
      for (const Item& p : pred) if (p.label == g.label && p.start == g.start && p.end == g.end) { m = &p; break; }
      if (g.label == "actor" && g.attrs.contains("role")) ++role_gold;
      if (!m) {
        if (verbose) std::printf("%s  MISS %-6s [%s] %s\n", j.value("id", "").c_str(), g.label.c_str(), cp_substr(text, idx, g.start, g.end).c_str(), g.attrs.dump().c_str());
        continue;
      }
      if (g.label == "claim") {
        ++claims_matched;
        auto span_eq = [](const json& a, const json& b) {
          if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
          return a.value("start", -1) == b.value("start", -1) && a.value("end", -1) == b.value("end", -1);
        };
        json gs = g.attrs.value("speaker", json(nullptr)), ps = m->attrs.value("speaker", json(nullptr));
        bool sok = span_eq(gs, ps);
        if (sok) ++speaker_ok;
        if (span_eq(g.attrs.value("cue", json(nullptr)), m->attrs.value("cue", json(nullptr)))) ++cue_ok;
        if (verbose && !sok) std::printf("%s  SPKR [%s] gold %s got %s\n", j.value("id", "").c_str(), cp_substr(text, idx, g.start, g.end).substr(0, 50).c_str(), gs.dump().c_str(), ps.dump().c_str());
      } else if (g.label == "actor") {
        ++actors_matched;
        bool eok = g.attrs.value("entity", "") == m->attrs.value("entity", "") && g.attrs.value("kind", "") == m->attrs.value("kind", "");
        if (eok) ++entity_ok;
        if (g.attrs.contains("role") && g.attrs["role"] == m->attrs.value("role", json(nullptr))) ++role_ok;
        if (verbose && !eok) std::printf("%s  ENT  [%s] gold %s got %s\n", j.value("id", "").c_str(), cp_substr(text, idx, g.start, g.end).c_str(), g.attrs.dump().c_str(), m->attrs.dump().c_str());
        else if (verbose && g.attrs.value("role", "") != m->attrs.value("role", "")) std::printf("%s  ROLE [%s] gold %s got %s\n", j.value("id", "").c_str(), cp_substr(text, idx, g.start, g.end).c_str(), g.attrs.dump().c_str(), m->attrs.dump().c_str());
      } else {
        ++nums_matched;
        json ga = g.attrs, pa = m->attrs;
        bool vok = ga.value("kind", "") == pa.value("kind", "") && ga.value("value", json()) == pa.value("value", json());
        if (vok) ++value_ok;
        if (verbose && ga != pa) std::printf("%s  NUM  [%s] gold %s got %s\n", j.value("id", "").c_str(), cp_substr(text, idx, g.start, g.end).c_str(), ga.dump().c_str(), pa.dump().c_str());
      }
    }
    if (verbose)
      for (const Item& p : pred) {
        bool hit = false;
        for (const Item& g : gold) if (p.label == g.label && p.start == g.start && p.end == g.end) { hit = true; break; }
        if (!hit) std::printf("%s  FP   %-6s [%s] %s\n", j.value("id", "").c_str(), p.label.c_str(), cp_substr(text, idx, p.start, p.end).c_str(), p.attrs.dump().c_str());
      }
  }
  std::printf("%s: %d passages\n\n", path.c_str(), passages);
  std::printf("  %-22s %5s %5s %5s   %-17s   %-17s\n", "", "gold", "pred", "exact", "exact span", "partial overlap");
  std::printf("  %-22s %5s %5s %5s   %5s %5s %5s   %5s %5s %5s\n", "label / kind", "", "", "", "P", "R", "F1", "P", "R", "F1");
  for (auto& kv : by_label) kv.second.line(kv.first);
  std::printf("\n");
  for (auto& kv : by_kind) kv.second.line(kv.first);
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("\n  actors (exact span): entity+kind correct %d/%d (%.1f%%); roles correct %d/%d gold roles (%.1f%%)\n", entity_ok,
              actors_matched, pct(entity_ok, actors_matched), role_ok, role_gold, pct(role_ok, role_gold));
  std::printf("  claims (exact span): speaker span correct %d/%d (%.1f%%); cue correct %d/%d (%.1f%%)\n", speaker_ok, claims_matched,
              pct(speaker_ok, claims_matched), cue_ok, claims_matched, pct(cue_ok, claims_matched));
  std::printf("  numbers (exact span): kind+value correct %d/%d (%.1f%%)\n", value_ok, nums_matched, pct(value_ok, nums_matched));
  return 0;
}

}  // namespace lede::cli
#else  // the analysis core is not built (-DLEDE_WITH_ANALYSIS=OFF)
namespace lede::cli {
int eval(int, char**) {
  std::fprintf(stderr, "lede eval: this build has no analysis core (configure with -DLEDE_WITH_ANALYSIS=ON)\n");
  return 2;
}
}  // namespace lede::cli
#endif
