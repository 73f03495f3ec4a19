// lede eval FILE.jsonl [--verbose]: scores the analyzer against a hand-annotated set
// (tests/devset/*.jsonl): precision / recall / F1 per label, actor kind and number kind.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/kinds.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/analysis/model.hpp"
#include "core/text.hpp"
#endif

#ifdef LEDE_WITH_ANALYSIS
namespace {
// The label ids of the built-in kinds, from the one table that names them.
const std::string kActor(lede::kind(lede::KindId::actor).label), kClaim(lede::kind(lede::KindId::claim).label);
}  // namespace

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
  if (it.label == kClaim) return kClaim;
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


// ---- lede eval --gum DIR: the GUM documents of ../shared/ner-train as they are ----------------
// Entities from gum.iob2 (PER/ORG/LOC), attributions from claims-gum.jsonl. Each document's text is
// the one claims-gum.jsonl carries (GUM's own spacing, headline and paragraphs); the IOB2 tokens are
// aligned to it in order. Doc ids containing --docs (default GUM_news) are scored.

struct GumTok { std::string tok, tag; };
struct GumDoc { std::string id; std::vector<GumTok> toks; };

std::vector<GumDoc> read_gum_iob2(const std::string& data) {
  std::vector<GumDoc> docs;
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("-DOCSTART-", 0) == 0) {
      size_t tab = line.find('\t');
      std::string id = tab == std::string::npos ? "" : line.substr(tab + 1);
      if (id.rfind("gum:", 0) == 0) id = id.substr(4);
      docs.push_back({id, {}});
      continue;
    }
    if (line.empty() || docs.empty()) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    docs.back().toks.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return docs;
}

struct Span { int64_t b, e; std::string kind; };

struct PRF {
  int tp = 0, fp = 0, fn = 0;
  void print(const char* name, int gold, int pred) const {
    double p = gold + pred && (tp + fp) ? double(tp) / (tp + fp) : 0, r = (tp + fn) ? double(tp) / (tp + fn) : 0;
    double f = p + r ? 2 * p * r / (p + r) : 0;
    std::printf("  %-26s %5d %5d %5d   %5.1f %5.1f %5.1f\n", name, gold, pred, tp, 100 * p, 100 * r, 100 * f);
  }
};

// --model FILE: the name model in its text form (lede train --out FILE), instead of the embedded one.
bool load_model(Analyzer& analyzer, const std::string& path) {
  std::string text, error;
  if (!read_input(path, &text, size_t(64) << 20, &error)) {
    std::fprintf(stderr, "lede eval: %s\n", error.c_str());
    return false;
  }
  analysis::Model m = analysis::Model::parse(text);
  if (m.empty()) {
    std::fprintf(stderr, "lede eval: %s: no model weights in it\n", path.c_str());
    return false;
  }
  analyzer.set_model(std::move(m));
  return true;
}

// --docs: "all", or comma-separated parts of document ids ("afghan,clock": a split of the dev set)
bool doc_selected(const std::string& id, const std::string& only) {
  if (only == "all") return true;
  for (size_t at = 0; at <= only.size();) {
    size_t comma = std::min(only.find(',', at), only.size());
    if (comma > at && id.find(only.substr(at, comma - at)) != std::string::npos) return true;
    at = comma + 1;
  }
  return false;
}

int eval_gum(const std::string& dir, const std::string& iob_name, const std::string& only, bool verbose, const std::string& model_path) {
  std::string iob, cl, error;
  const std::string iob_file = "/" + iob_name;
  for (auto [name, out] : {std::pair{iob_file.c_str(), &iob}, std::pair{"/claims-gum.jsonl", &cl}})
    if (!read_input(dir + name, out, size_t(256) << 20, &error)) {  // development data, not user input
      std::fprintf(stderr, "lede eval: %s\n", error.c_str());
      return 1;
    }
  std::map<std::string, json> claims;
  {
    std::istringstream in(cl);
    std::string line;
    while (std::getline(in, line)) {
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("id")) continue;
      std::string id = j["id"].get<std::string>();
      claims[id] = std::move(j);
    }
  }
  Analyzer analyzer;
  if (!model_path.empty() && !load_model(analyzer, model_path)) return 1;
  const char* kinds[] = {"person", "organization", "place"};
  std::map<std::string, PRF> ak;          // typed exact, per kind
  PRF atyped, aspan, aover;               // all kinds: typed exact, span only, typed overlap
  std::map<std::string, int> agold, apred;
  int cgold = 0, cpred = 0, c_exact_p = 0, c_exact_g = 0, c_ov_p = 0, c_ov_g = 0, pairs = 0, spk_ok = 0, spk_exact = 0, cue_ok = 0;
  int docs_n = 0, misaligned = 0, c_trim_p = 0, c_trim_g = 0;
  for (const GumDoc& d : read_gum_iob2(iob)) {
    if (!doc_selected(d.id, only)) continue;
    ++docs_n;
    auto cit = claims.find(d.id);
    std::string text;
    if (cit != claims.end()) text = cit->second["text"].get<std::string>();
    else for (const GumTok& t : d.toks) { if (!text.empty()) text += ' '; text += t.tok; }
    // byte offset -> code point
    std::vector<int64_t> cp(text.size() + 1, 0);
    for (size_t i = 0, n = 0; i <= text.size(); ++i) { cp[i] = n; if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n; }
    std::vector<Span> gold;
    size_t pos = 0;
    Span open{-1, -1, ""};
    auto close = [&]() { if (open.b >= 0) gold.push_back(open); open = {-1, -1, ""}; };
    for (const GumTok& t : d.toks) {
      size_t at = text.compare(pos, t.tok.size(), t.tok) == 0 ? pos : std::string::npos;
      if (at == std::string::npos) {
        size_t q = pos;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\n' || text[q] == '\t')) ++q;
        if (text.compare(q, t.tok.size(), t.tok) == 0) at = q;
        else { at = text.find(t.tok, pos); if (at == std::string::npos || at > pos + 40) { ++misaligned; at = pos; } }
      }
      int64_t b = cp[at], e = cp[std::min(text.size(), at + t.tok.size())];
      pos = std::min(text.size(), at + t.tok.size());
      std::string ty = t.tag.size() > 2 ? t.tag.substr(2) : "";
      std::string k = ty == "PER" ? "person" : ty == "ORG" ? "organization" : ty == "LOC" || ty == "GPE" ? "place" : "";
      if (t.tag[0] == 'B') { close(); if (!k.empty()) open = {b, e, k}; }
      else if (t.tag[0] == 'I' && open.b >= 0) open.e = e;
      else if (t.tag[0] != 'I') close();
    }
    close();
    std::vector<Annotation> out = analyzer.analyze(text);
    std::vector<Span> pred;
    std::vector<const Annotation*> pclaims;
    for (const Annotation& a : out) {
      if (a.label == kActor) pred.push_back({a.start, a.end, a.attrs.kind});
      else if (a.label == kClaim) pclaims.push_back(&a);
    }
    TextIndex idx(text);
    auto sub = [&](int64_t b, int64_t e) { return cp_substr(text, idx, b, e); };
    // code points, for the content comparison that ignores edge punctuation, quote marks and "that"
    std::u32string u;
    for (size_t k = 0; k < text.size();) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
      char32_t cpv = len == 1 ? c : c & (0x3F >> (len - 1));
      for (int q = 1; q < len && k + q < text.size(); ++q) cpv = (cpv << 6) | (static_cast<unsigned char>(text[k + q]) & 0x3F);
      u.push_back(cpv);
      k += len;
    }
    auto trim = [&](int64_t b, int64_t e) {
      auto edge = [](char32_t c) {
        return c == ' ' || c == '\n' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\'' ||
               c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == '(' || c == ')' || c == 0x2014 || c == 0x2013 || c == '-';
      };
      e = std::min<int64_t>(e, static_cast<int64_t>(u.size()));
      for (;;) {
        while (b < e && edge(u[b])) ++b;
        if (e - b > 5 && u[b] == 't' && u[b + 1] == 'h' && u[b + 2] == 'a' && u[b + 3] == 't' && u[b + 4] == ' ') { b += 5; continue; }
        break;
      }
      while (e > b && edge(u[e - 1])) --e;
      return std::make_pair(b, e);
    };
    // actors
    std::vector<char> gt(gold.size()), pt(pred.size()), gs(gold.size()), ps(pred.size()), go(gold.size()), po(pred.size());
    for (size_t i = 0; i < gold.size(); ++i)
      for (size_t j = 0; j < pred.size(); ++j) {
        if (gold[i].b == pred[j].b && gold[i].e == pred[j].e) { gs[i] = ps[j] = 1; if (gold[i].kind == pred[j].kind) gt[i] = pt[j] = 1; }
        if (gold[i].b < pred[j].e && pred[j].b < gold[i].e && gold[i].kind == pred[j].kind) go[i] = po[j] = 1;
      }
    for (size_t i = 0; i < gold.size(); ++i) {
      ++agold[gold[i].kind];
      PRF& k = ak[gold[i].kind];
      if (gt[i]) { ++k.tp; ++atyped.tp; } else { ++k.fn; ++atyped.fn; }
      if (gs[i]) ++aspan.tp; else ++aspan.fn;
      if (go[i]) ++aover.tp; else ++aover.fn;
      if (verbose && !gt[i]) std::printf("%s  MISS %-12s [%s]%s\n", d.id.c_str(), gold[i].kind.c_str(), sub(gold[i].b, gold[i].e).c_str(), gs[i] ? " (kind)" : "");
    }
    for (size_t j = 0; j < pred.size(); ++j) {
      ++apred[pred[j].kind];
      if (!pt[j]) { ++ak[pred[j].kind].fp; ++atyped.fp; }
      if (!ps[j]) ++aspan.fp;
      if (!po[j]) ++aover.fp;
      if (verbose && !pt[j]) std::printf("%s  FP   %-12s [%s]%s\n", d.id.c_str(), pred[j].kind.c_str(), sub(pred[j].b, pred[j].e).c_str(), ps[j] ? " (kind)" : "");
    }
    // claims
    if (cit == claims.end()) continue;
    const json& atts = cit->second["attributions"];
    cgold += static_cast<int>(atts.size());
    cpred += static_cast<int>(pclaims.size());
    std::vector<char> pex(pclaims.size()), pov(pclaims.size()), ptr(pclaims.size());
    for (const json& g : atts) {
      int64_t gb = g["content"]["start"], ge = g["content"]["end"];
      bool ex = false, tr = false;
      auto gtr = trim(gb, ge);
      const Annotation* best = nullptr;
      int64_t best_ov = 0;
      for (size_t j = 0; j < pclaims.size(); ++j) {
        const Annotation* p = pclaims[j];
        if (p->start == gb && p->end == ge) { ex = true; pex[j] = 1; }
        if (trim(p->start, p->end) == gtr) { tr = true; ptr[j] = 1; }
        int64_t ov = std::min(ge, p->end) - std::max(gb, p->start);
        if (ov > 0) { pov[j] = 1; if (ov > best_ov) { best_ov = ov; best = p; } }
      }
      if (ex) ++c_exact_g;
      if (tr) ++c_trim_g;
      if (best) {
        ++c_ov_g;
        ++pairs;
        const json& src = g["source"];
        const SpanAttr& sp = best->attrs.speaker;
        bool ok, exact;
        if (src.is_null()) ok = exact = !sp.is_set();
        else {
          int64_t sb = src["start"], se = src["end"];
          ok = sp.is_set() && sp.start < se && sb < sp.end;
          exact = sp.is_set() && sp.start == sb && sp.end == se;
        }
        if (ok) ++spk_ok;
        if (exact) ++spk_exact;
        const json& cue = g["cue"];
        const SpanAttr& cu = best->attrs.cue;
        if (!cue.is_null() && cu.is_set() && cu.start < cue["end"].get<int64_t>() && cue["start"].get<int64_t>() < cu.end) ++cue_ok;
        if (verbose && !tr)
          std::printf("%s  CSPAN gold [%s]\n%*s got  [%s]\n", d.id.c_str(), sub(gb, ge).c_str(), static_cast<int>(d.id.size() + 7), "",
                      sub(best->start, best->end).c_str());
        if (verbose && !ok)
          std::printf("%s  SPKR [%s] gold [%s] got [%s]\n", d.id.c_str(), sub(gb, ge).substr(0, 60).c_str(),
                      src.is_null() ? "-" : src["text"].get<std::string>().c_str(), sp.is_set() ? sp.text.c_str() : "-");
      } else if (verbose) {
        std::printf("%s  CMISS [%s] <- [%s]\n", d.id.c_str(), sub(gb, ge).substr(0, 100).c_str(),
                    g["cue"].is_null() ? "-" : g["cue"]["text"].get<std::string>().c_str());
      }
    }
    for (size_t j = 0; j < pclaims.size(); ++j) {
      if (pex[j]) ++c_exact_p;
      if (ptr[j]) ++c_trim_p;
      if (pov[j]) ++c_ov_p;
      else if (verbose) std::printf("%s  CFP  [%s]\n", d.id.c_str(), sub(pclaims[j]->start, pclaims[j]->end).substr(0, 100).c_str());
    }
  }
  std::printf("GUM (%s/%s + claims-gum.jsonl), documents matching \"%s\": %d%s\n\n", dir.c_str(), iob_name.c_str(), only.c_str(), docs_n,
              misaligned ? " (some tokens not aligned)" : "");
  std::printf("  %-26s %5s %5s %5s   %5s %5s %5s\n", "actors (typed exact span)", "gold", "pred", "tp", "P", "R", "F1");
  int tg = 0, tp = 0;
  for (const char* k : kinds) { tg += agold[k]; tp += apred[k]; }
  atyped.print("actor (all kinds)", tg, tp);
  for (const char* k : kinds) ak[k].print((std::string("actor:") + k).c_str(), agold[k], apred[k]);
  aspan.print("actor span, kind ignored", tg, tp);
  aover.print("actor typed overlap", tg, tp);
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  auto f1 = [](double p, double r) { return p + r ? 2 * p * r / (p + r) : 0.0; };
  double ep = pct(c_exact_p, cpred), er = pct(c_exact_g, cgold), op = pct(c_ov_p, cpred), orr = pct(c_ov_g, cgold);
  std::printf("\n  claims: %d gold attributions, %d predicted\n", cgold, cpred);
  std::printf("  %-26s P %5.1f  R %5.1f  F1 %5.1f\n", "content exact span", ep, er, f1(ep, er));
  double tp_ = pct(c_trim_p, cpred), tr_ = pct(c_trim_g, cgold);
  std::printf("  %-26s P %5.1f  R %5.1f  F1 %5.1f\n", "content exact, edges norm.", tp_, tr_, f1(tp_, tr_));
  std::printf("  %-26s P %5.1f  R %5.1f  F1 %5.1f\n", "content overlap", op, orr, f1(op, orr));
  std::printf("  speaker on %d overlapping pairs: overlaps gold source %.1f%%, exact %.1f%%; cue overlaps %.1f%%\n", pairs,
              pct(spk_ok, pairs), pct(spk_exact, pairs), pct(cue_ok, pairs));
  return 0;
}

}  // namespace

int eval(int argc, char** argv) {
  bool verbose = false;
  std::string path, gum, docs = "GUM_news", model, iob2 = "gum.iob2";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--verbose") || !std::strcmp(argv[i], "-v")) verbose = true;
    else if (!std::strcmp(argv[i], "--gum") && i + 1 < argc) gum = argv[++i];
    else if (!std::strcmp(argv[i], "--docs") && i + 1 < argc) docs = argv[++i];
    else if (!std::strcmp(argv[i], "--model") && i + 1 < argc) model = argv[++i];
    else if (!std::strcmp(argv[i], "--iob2") && i + 1 < argc) iob2 = argv[++i];
    else path = argv[i];
  }
  if (!gum.empty()) return eval_gum(gum, iob2, docs, verbose, model);
  if (path.empty()) {
    std::fprintf(stderr, "usage: lede eval FILE.jsonl [--model NER.tsv] [--verbose]\n"
                         "       lede eval --gum DIR [--docs GUM_news|all|ID-PART[,ID-PART...]] [--iob2 gum.iob2|re3d.iob2...] [--model NER.tsv] [--verbose]\n"
                         "       (DIR = ../shared/ner-train; documents without a text in claims-gum.jsonl are their tokens joined by spaces)\n");
    return 2;
  }
  std::string data, error;
  if (!read_input(path, &data, size_t(256) << 20, &error)) {  // a development set, not user input
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return 1;
  }
  Analyzer analyzer;
  if (!model.empty() && !load_model(analyzer, model)) return 1;
  std::map<std::string, Counts> by_label, by_kind;
  int claims_matched = 0, speaker_ok = 0, cue_ok = 0, spk_ent_gold = 0, spk_ent_ok = 0, actors_matched = 0, entity_ok = 0, role_gold = 0, role_ok = 0;
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
    for (const Kind& k : kKinds) score(gold, pred, std::string(k.label), by_label[std::string(k.label)], key_label);
    std::map<std::string, int> kinds;
    for (const Item& g : gold) kinds[kind_of(g)] = 1;
    for (const Item& p : pred) kinds[kind_of(p)] = 1;
    for (auto& kv : kinds) if (kv.first != kClaim) score(gold, pred, kv.first, by_kind[kv.first], key_kind);
    // attribute accuracy on exact matches
    TextIndex idx(text);
    for (const Item& g : gold) {
      const Item* m = nullptr;
      for (const Item& p : pred) if (p.label == g.label && p.start == g.start && p.end == g.end) { m = &p; break; }
      if (g.label == kActor && g.attrs.contains("role")) ++role_gold;
      if (!m) {
        if (verbose) std::printf("%s  MISS %-6s [%s] %s\n", j.value("id", "").c_str(), g.label.c_str(), cp_substr(text, idx, g.start, g.end).c_str(), g.attrs.dump().c_str());
        continue;
      }
      if (g.label == kClaim) {
        ++claims_matched;
        auto span_eq = [](const json& a, const json& b) {
          if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
          return a.value("start", -1) == b.value("start", -1) && a.value("end", -1) == b.value("end", -1);
        };
        json gs = g.attrs.value("speaker", json(nullptr)), ps = m->attrs.value("speaker", json(nullptr));
        bool sok = span_eq(gs, ps);
        if (sok) ++speaker_ok;
        // a pronoun or description speaker links to the named actor it refers to
        if (gs.is_object() && gs.contains("entity")) {
          ++spk_ent_gold;
          bool eok = sok && ps.is_object() && ps.value("entity", "") == gs.value("entity", "");
          if (eok) ++spk_ent_ok;
          if (verbose && sok && !eok) std::printf("%s  SPENT [%s] gold %s got %s\n", j.value("id", "").c_str(), gs.value("text", "").c_str(), gs.dump().c_str(), ps.dump().c_str());
        }
        if (span_eq(g.attrs.value("cue", json(nullptr)), m->attrs.value("cue", json(nullptr)))) ++cue_ok;
        if (verbose && !sok) std::printf("%s  SPKR [%s] gold %s got %s\n", j.value("id", "").c_str(), cp_substr(text, idx, g.start, g.end).substr(0, 50).c_str(), gs.dump().c_str(), ps.dump().c_str());
      } else if (g.label == kActor) {
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
  std::printf("  claims (exact span): speaker entity correct %d/%d gold speakers with an entity (%.1f%%)\n", spk_ent_ok, spk_ent_gold,
              pct(spk_ent_ok, spk_ent_gold));
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
