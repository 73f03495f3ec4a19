#include "core/reanchor.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "core/lede_file.hpp"
#include "core/text.hpp"

namespace lede {

const char* to_string(AnchorMethod m) {
  switch (m) {
    case AnchorMethod::position: return "position";
    case AnchorMethod::exact: return "exact";
    case AnchorMethod::fuzzy: return "fuzzy";
    default: return "orphan";
  }
}

namespace {

using Cps = std::vector<uint32_t>;

Cps decode(std::string_view s) {
  Cps out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    i += utf8_decode(s, i, &cp);
    out.push_back(cp);
  }
  return out;
}

constexpr size_t kMaxFuzzyQuote = 2000;   // code points; longer quotes are placed exactly or not at all
constexpr size_t kMaxHits = 2000;         // occurrences considered per search
constexpr size_t kMaxFuzzyCandidates = 8;


// Positions of every G-byte gram of a text, bucketed by hash (counting sort: O(n), positions
// ascending within a bucket). Built on first use.
template <size_t G>
class GramIndex {
 public:
  static constexpr int kBucketBits = 20;
  static size_t bucket_of(const char* p) {
    uint64_t k = 0;
    std::memcpy(&k, p, G);
    return size_t((k * 0x9E3779B97F4A7C15ull) >> (64 - kBucketBits));
  }
  void build(std::string_view text) {
    if (built_) return;
    built_ = true;
    starts_.assign((size_t(1) << kBucketBits) + 1, 0);
    if (text.size() < G) return;
    size_t n = text.size() - G + 1;
    for (size_t i = 0; i < n; ++i) ++starts_[bucket_of(text.data() + i) + 1];
    for (size_t b = 1; b < starts_.size(); ++b) starts_[b] += starts_[b - 1];
    positions_.resize(n);
    std::vector<uint32_t> fill(starts_.begin(), starts_.end() - 1);
    for (size_t i = 0; i < n; ++i) positions_[fill[bucket_of(text.data() + i)]++] = uint32_t(i);
  }
  // Where pat (at least G bytes) occurs, nearest `near` first.
  void find(std::string_view text, std::string_view pat, size_t near, size_t max_hits, std::vector<size_t>* hits) {
    build(text);
    size_t bucket = bucket_of(pat.data());
    const uint32_t* lo = positions_.data() + starts_[bucket];
    const uint32_t* hi = positions_.data() + starts_[bucket + 1];
    const uint32_t* mid = std::lower_bound(lo, hi, uint32_t(std::min<size_t>(near, UINT32_MAX)));
    const uint32_t *l = mid, *r = mid;
    size_t checked = 0;
    while ((l != lo || r != hi) && hits->size() < max_hits && checked < 16 * max_hits + 256) {
      bool take_right = l == lo || (r != hi && *r - near <= near - *(l - 1));
      size_t pos = take_right ? *r++ : *--l;
      ++checked;
      if (text.compare(pos, pat.size(), pat) == 0) hits->push_back(pos);
    }
  }

 private:
  bool built_ = false;
  std::vector<uint32_t> starts_, positions_;
};

// The new text, with lazily built gram indexes for fast searches.
class Haystack {
 public:
  explicit Haystack(std::string_view text) : text_(text), index_(text), cps_(decode(text)) {}
  std::string_view text() const { return text_; }
  const TextIndex& index() const { return index_; }
  const Cps& cps() const { return cps_; }
  size_t length() const { return cps_.size(); }

  // Byte offsets where `pat` occurs, nearest to byte `near` first, at most max_hits.
  std::vector<size_t> find(std::string_view pat, size_t near, size_t max_hits) {
    std::vector<size_t> hits;
    if (pat.empty() || pat.size() > text_.size()) return hits;
    if (text_.size() >= 4096 && pat.size() >= 8) { idx8_.find(text_, pat, near, max_hits, &hits); return hits; }
    if (text_.size() >= 4096 && pat.size() >= 4) { idx4_.find(text_, pat, near, max_hits, &hits); return hits; }
    // Very short patterns or texts: widening windows around `near`.
    for (size_t w : {size_t(4096), size_t(65536), text_.size()}) {
      hits = find_near(pat, near, w, max_hits * 4);
      if (!hits.empty() || w >= text_.size()) break;
    }
    std::sort(hits.begin(), hits.end(), [&](size_t a, size_t b) {
      size_t da = a > near ? a - near : near - a, db = b > near ? b - near : near - b;
      return da != db ? da < db : a < b;
    });
    if (hits.size() > max_hits) hits.resize(max_hits);
    return hits;
  }

  // Byte offsets where `pat` occurs within `window` bytes of `near` (a plain scan).
  std::vector<size_t> find_near(std::string_view pat, size_t near, size_t window, size_t max_hits = 64) const {
    std::vector<size_t> hits;
    if (pat.empty()) return hits;
    size_t b = near > window ? near - window : 0, e = std::min(text_.size(), near + window + pat.size());
    std::string_view win = text_.substr(b, e - b);  // bounded: never scans past the window
    for (size_t p = win.find(pat); p != std::string_view::npos && hits.size() < max_hits; p = win.find(pat, p + 1))
      hits.push_back(b + p);
    return hits;
  }

 private:
  std::string_view text_;
  TextIndex index_;
  Cps cps_;
  GramIndex<8> idx8_;
  GramIndex<4> idx4_;
};

struct Query {
  Cps exact, prefix, suffix;
  std::string exact_bytes;
  int64_t start, end;
};

bool matches_at(const Cps& text, const Cps& q, int64_t pos) {
  // Compared as int64_t: in WebAssembly size_t is 32 bits, and size_t(2^32) would be 0.
  if (pos < 0 || pos > int64_t(text.size()) - int64_t(q.size())) return false;
  return std::equal(q.begin(), q.end(), text.begin() + pos);
}

// Share of prefix and suffix found right before/after [s, e): 1 if both match entirely (or are empty).
double context_score(const Cps& text, const Query& q, int64_t s, int64_t e) {
  size_t total = q.prefix.size() + q.suffix.size();
  if (total == 0) return 1;
  size_t m = 0;
  for (size_t k = 0; k < q.prefix.size() && size_t(s) > k; ++k) {
    if (text[size_t(s) - 1 - k] != q.prefix[q.prefix.size() - 1 - k]) break;
    ++m;
  }
  for (size_t k = 0; k < q.suffix.size() && size_t(e) + k < text.size(); ++k) {
    if (text[size_t(e) + k] != q.suffix[k]) break;
    ++m;
  }
  return double(m) / double(total);
}

// Semi-global edit distance of q against text[b, e): the best-matching substring. Returns the
// distance and sets [*ms, *me) to that substring (code points), preferring ends near want_end.
size_t best_substring(const Cps& q, const Cps& text, size_t b, size_t e, size_t want_end, size_t* ms, size_t* me) {
  size_t m = q.size(), n = e - b;
  std::vector<uint32_t> prev(n + 1, 0), cur(n + 1), pstart(n + 1), cstart(n + 1);
  for (size_t j = 0; j <= n; ++j) pstart[j] = uint32_t(j);
  for (size_t i = 1; i <= m; ++i) {
    cur[0] = uint32_t(i);
    cstart[0] = 0;
    for (size_t j = 1; j <= n; ++j) {
      uint32_t sub = prev[j - 1] + (q[i - 1] != text[b + j - 1]);
      uint32_t del = prev[j] + 1, ins = cur[j - 1] + 1;
      if (sub <= del && sub <= ins) { cur[j] = sub; cstart[j] = pstart[j - 1]; }
      else if (del <= ins) { cur[j] = del; cstart[j] = pstart[j]; }
      else { cur[j] = ins; cstart[j] = cstart[j - 1]; }
    }
    std::swap(prev, cur);
    std::swap(pstart, cstart);
  }
  size_t best = SIZE_MAX, best_j = 0;
  for (size_t j = 0; j <= n; ++j) {
    size_t dist_end = (b + j) > want_end ? b + j - want_end : want_end - (b + j);
    size_t best_dist_end = (b + best_j) > want_end ? b + best_j - want_end : want_end - (b + best_j);
    if (prev[j] < best || (prev[j] == best && dist_end < best_dist_end)) { best = prev[j]; best_j = j; }
  }
  *ms = b + pstart[best_j];
  *me = b + best_j;
  return best;
}

std::string encode(const Cps& c, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e && i < c.size(); ++i) utf8_append(s, c[i]);
  return s;
}

class Anchorer {
 public:
  explicit Anchorer(std::string_view text) : hay_(text) {}

  Anchor place(const Query& q, int64_t delta) {
    const Cps& t = hay_.cps();
    int64_t n = int64_t(t.size());
    int64_t len = int64_t(q.exact.size());
    if (q.exact.empty()) {
      // Nothing to search for: trust the position if it fits.
      if (q.start >= 0 && q.start <= q.end && q.end <= n) return {AnchorMethod::position, q.start, q.end, 1};
      return {};
    }
    // 1. position (and the neighbours' shift)
    double pos_ctx = -1;
    if (matches_at(t, q.exact, q.start)) {
      pos_ctx = context_score(t, q, q.start, q.start + len);
      if (pos_ctx >= 0.999) return {AnchorMethod::position, q.start, q.start + len, 1};
    }
    int64_t expect = std::clamp<int64_t>(q.start + delta, 0, n);
    if (delta != 0 && matches_at(t, q.exact, expect) && context_score(t, q, expect, expect + len) >= 0.999)
      return {AnchorMethod::exact, expect, expect + len, 1};

    // 2. exact search, nearest the expected position first: a few KB around it, then everywhere
    size_t near = hay_.index().to_byte(size_t(expect));
    int64_t best_s = -1;
    double best_ctx = -1;
    int64_t best_d = 0;
    auto consider = [&](const std::vector<size_t>& hits) {
      for (size_t h : hits) {
        int64_t s = int64_t(hay_.index().to_cp(h));
        double ctx = context_score(t, q, s, s + len);
        int64_t d = std::abs(s - expect);
        if (ctx > best_ctx + 1e-9 || (std::abs(ctx - best_ctx) <= 1e-9 && d < best_d)) { best_s = s; best_ctx = ctx; best_d = d; }
      }
    };
    std::vector<size_t> hits = hay_.find_near(q.exact_bytes, near, 1024, 16);
    consider(hits);
    if (best_ctx < 0.999) {
      hits = hay_.find(q.exact_bytes, near, 16);
      consider(hits);
    }
    if (best_ctx < 0.999) {
      hits = hay_.find(q.exact_bytes, near, kMaxHits);
      consider(hits);
    }
    if (pos_ctx >= 0 && pos_ctx >= best_ctx - 1e-9) return {AnchorMethod::position, q.start, q.start + len, 0.9 + 0.1 * pos_ctx};
    bool no_context = q.prefix.empty() && q.suffix.empty();
    if (best_s >= 0 && (best_ctx >= 0.5 || no_context || (hits.size() == 1 && len >= 8)))
      return {AnchorMethod::exact, best_s, best_s + len, 0.9 + 0.1 * best_ctx};

    // 3. fuzzy
    Anchor f = fuzzy(q, expect);
    if (f.method == AnchorMethod::fuzzy) return f;
    return {};
  }

 private:
  void add_seed(std::vector<int64_t>& starts, const Cps& seed, int64_t offset, int64_t expect, size_t max_hits) {
    if (seed.size() < 3) return;
    std::string bytes = encode(seed, 0, seed.size());
    size_t near = hay_.index().to_byte(size_t(std::max<int64_t>(0, expect - offset)));
    for (size_t h : hay_.find(bytes, near, max_hits)) starts.push_back(int64_t(hay_.index().to_cp(h)) + offset);
  }

  Anchor fuzzy(const Query& q, int64_t expect) {
    const Cps& t = hay_.cps();
    size_t m = q.exact.size();
    if (m > kMaxFuzzyQuote || t.empty()) return {};
    int64_t len = int64_t(m);
    const size_t k = 16;
    std::vector<int64_t> starts{expect};
    Cps head(q.exact.begin(), q.exact.begin() + std::min(k, m));
    Cps tail(q.exact.end() - std::min(k, m), q.exact.end());
    Cps pre(q.prefix.end() - std::min(k, q.prefix.size()), q.prefix.end());
    Cps suf(q.suffix.begin(), q.suffix.begin() + std::min(k, q.suffix.size()));
    add_seed(starts, head, 0, expect, 4);
    if (m > k) add_seed(starts, tail, -int64_t(m - tail.size()), expect, 4);
    add_seed(starts, pre, int64_t(pre.size()), expect, 4);
    add_seed(starts, suf, -len, expect, 4);
    if (m > 2 * k) {  // the middle, for typos at both ends
      Cps mid(q.exact.begin() + m / 2 - k / 2, q.exact.begin() + m / 2 + k / 2);
      add_seed(starts, mid, -int64_t(m / 2 - k / 2), expect, 4);
    }
    // Candidates, nearest the expected position first, skipping near-duplicates.
    int64_t slack = std::max<int64_t>(8, len / 4);
    std::vector<int64_t> cands;
    for (int64_t s : starts) {
      s = std::clamp<int64_t>(s, 0, int64_t(t.size()));
      bool dup = false;
      for (int64_t c : cands) dup |= std::abs(c - s) <= slack / 2;
      if (!dup) cands.push_back(s);
      if (cands.size() >= kMaxFuzzyCandidates) break;
    }
    Anchor best;
    double best_score = 0;
    for (int64_t c : cands) {
      size_t b = size_t(std::max<int64_t>(0, c - slack));
      size_t e = size_t(std::min<int64_t>(int64_t(t.size()), c + len + slack));
      if (b >= e) continue;
      // A budget for the whole call keeps adversarial inputs (thousands of long quotes matching
      // nothing) bounded: past it, what exact search cannot place becomes an orphan (kept).
      size_t cells = m * (e - b);
      if (cells > dp_budget_) return best;
      dp_budget_ -= cells;
      size_t ms, me;
      size_t d = best_substring(q.exact, t, b, e, size_t(std::min<int64_t>(c + len, int64_t(t.size()))), &ms, &me);
      if (me <= ms) continue;
      double sim = 1.0 - double(d) / double(m);
      double ctx = context_score(t, q, int64_t(ms), int64_t(me));
      double far = std::min(1.0, double(std::abs(int64_t(ms) - expect)) / double(std::max<size_t>(1000, t.size() / 4)));
      double score = 0.6 * sim + 0.3 * ctx + 0.1 * (1 - far);
      bool ok = m >= 8 ? sim >= 0.75 && (ctx >= 0.25 || sim >= 0.85) : d <= 1 && ctx >= 0.5;
      if (ok && score > best_score) {
        best_score = score;
        best = {AnchorMethod::fuzzy, int64_t(ms), int64_t(me), score};
      }
    }
    return best;
  }

  Haystack hay_;
  size_t dp_budget_ = size_t(400) << 20;  // edit-distance cells per call (~0.5 s of work at most)
};

}  // namespace

std::vector<Anchor> anchor_quotes(const std::vector<AnchorQuery>& queries, std::string_view new_text) {
  std::vector<Anchor> out(queries.size());
  Anchorer an(new_text);
  std::vector<size_t> order(queries.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return queries[a].start < queries[b].start; });
  int64_t delta = 0;
  for (size_t i : order) {
    const AnchorQuery& aq = queries[i];
    Query q{decode(aq.quote.exact), decode(aq.quote.prefix), decode(aq.quote.suffix), aq.quote.exact, aq.start, aq.end};
    out[i] = an.place(q, delta);
    if (out[i].method != AnchorMethod::orphan && aq.start >= 0) delta = out[i].start - aq.start;
  }
  return out;
}

ReanchorResult reanchor(AnnotationSet file, std::string_view new_text) {
  ReanchorResult r;
  r.set.document.title = file.document.title;
  r.set.document.text = std::string(new_text);
  r.set.document.meta = file.document.meta;
  r.set.labels = file.labels;
  r.set.ratings = file.ratings;
  r.set.author = file.author;
  const std::string& old = file.document.text;
  TextIndex old_index(old);
  std::vector<AnchorQuery> qs;
  qs.reserve(file.annotations.size() + file.orphans.size());
  // Each quote moves into its query: a placed annotation's is recomputed from the new text, an
  // orphan's is the query's.
  for (Annotation& a : file.annotations) {
    AnchorQuery q{std::move(a.quote), a.start, a.end};
    if (!old.empty() && a.start >= 0 && a.start <= a.end && a.end <= int64_t(old_index.length()))
      q.quote = quote_at(old, old_index, size_t(a.start), size_t(a.end));
    qs.push_back(std::move(q));
  }
  for (Annotation& a : file.orphans) qs.push_back({std::move(a.quote), a.start, a.end});
  std::vector<Anchor> anchors = anchor_quotes(qs, new_text);
  size_t na = file.annotations.size();
  std::unordered_map<std::string, int64_t> moved;  // by how much each placed annotation moved
  r.set.annotations.reserve(na + file.orphans.size());
  for (size_t i = 0; i < anchors.size(); ++i) {
    Annotation& src = i < na ? file.annotations[i] : file.orphans[i - na];
    const Anchor& x = anchors[i];
    r.methods.push_back(x.method);
    if (x.method != AnchorMethod::orphan) moved[src.id] = x.start - src.start;
    Annotation a = std::move(src);
    switch (x.method) {
      case AnchorMethod::position: ++r.by_position; break;
      case AnchorMethod::exact: ++r.by_exact; break;
      case AnchorMethod::fuzzy: ++r.by_fuzzy; break;
      case AnchorMethod::orphan: ++r.orphaned; break;
    }
    if (x.method == AnchorMethod::orphan) {
      a.quote = std::move(qs[i].quote);  // what it covered, for finding it again later
      r.set.orphans.push_back(std::move(a));
    } else {
      if (i >= na) ++r.recovered_orphans;
      a.start = x.start;
      a.end = x.end;
      a.quote = TextQuote{};  // recomputed from the new text when saved
      r.set.annotations.push_back(std::move(a));
    }
  }
  // The file's order is kept (annotations first, then recovered orphans).
  file.annotations = {};  // moved from: only their shells are left
  file.orphans = {};
  qs = {};
  TextIndex ni(r.set.document.text);
  for (Annotation& a : r.set.annotations) a.quote = quote_at(r.set.document.text, ni, size_t(a.start), size_t(a.end));
  // Spans inside attrs (a claim's speaker and cue) move with their annotation; one whose text is
  // not there any more keeps its text and loses its offsets rather than point at other words.
  // Where nothing moved and the text is the file's own (or the file has none, as a W3C file), the
  // spans stay exactly as the file says: reading it as a Lede file would keep them too.
  const bool same_text = file.document.text.empty() || file.document.text == r.set.document.text;
  for (Annotation& a : r.set.annotations) {
    auto d = moved.find(a.id);
    if (d == moved.end() || a.attrs.empty() || (d->second == 0 && same_text)) continue;
    json attrs = a.attrs;
    for (auto& [key, v] : attrs.items()) {
      if (!v.is_object() || !v.contains("start") || !v.contains("end") || !v["start"].is_number_integer() || !v["end"].is_number_integer()) continue;
      int64_t s0 = v["start"].get<int64_t>() + d->second, e0 = v["end"].get<int64_t>() + d->second;
      bool fits = s0 >= 0 && s0 <= e0 && e0 <= int64_t(ni.length()) &&
                  (!v.contains("text") || !v["text"].is_string() ||
                   cp_substr(r.set.document.text, ni, size_t(s0), size_t(e0)) == v["text"].get<std::string>());
      if (fits) {
        v["start"] = s0;
        v["end"] = e0;
      } else {
        v.erase("start");
        v.erase("end");
      }
    }
    a.attrs = attrs.get<Attrs>();
  }
  return r;
}

namespace {
std::vector<uint64_t> shingles(std::string_view s, size_t k) {
  std::vector<uint64_t> words;
  uint64_t h = 1469598103934665603ull;
  bool in = false;
  for (size_t i = 0; i <= s.size(); ++i) {
    unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) { h = (h ^ c) * 1099511628211ull; in = true; }
    else if (in) { words.push_back(h); h = 1469598103934665603ull; in = false; }
  }
  std::vector<uint64_t> out;
  if (words.size() < k) k = words.size();
  if (k == 0) return out;
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t x = 0;
    for (size_t j = 0; j < k; ++j) x = (x ^ words[i + j]) * 0x9E3779B97F4A7C15ull + j;
    out.push_back(x);
  }
  return out;
}
}  // namespace

TextComparison compare_texts(std::string_view file_text, std::string_view open_text) {
  TextComparison c;
  if (file_text == open_text) { c.relation = TextRelation::same; c.similarity = 1; return c; }
  std::vector<uint64_t> a = shingles(file_text, 5), b = shingles(open_text, 5);
  if (a.empty() || b.empty()) return c;
  std::unordered_set<uint64_t> bs(b.begin(), b.end());
  size_t shared = 0;
  for (uint64_t x : a) shared += bs.count(x);
  c.similarity = double(shared) / double(a.size());
  c.relation = c.similarity >= 0.5 ? TextRelation::revised : TextRelation::different;
  return c;
}

}  // namespace lede
