#include "core/agreement.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"

namespace lede {

namespace {

struct Span {
  int64_t start, end;
};

std::vector<Span> spans_of(const std::vector<Annotation>& v, const std::string& label) {
  std::vector<Span> out;
  for (const Annotation& a : v)
    if (a.label == label && a.status != Status::rejected && a.start <= a.end) out.push_back({a.start, a.end});
  return out;
}

int64_t overlap(const Span& x, const Span& y) {
  if (x.start == x.end || y.start == y.end)  // empty spans overlap only when identical
    return x.start == y.start && x.end == y.end ? 1 : 0;
  return std::max<int64_t>(0, std::min(x.end, y.end) - std::max(x.start, y.start));
}

SpanScores scores(size_t matched, size_t na, size_t nb) {
  SpanScores s;
  s.matched = matched;
  s.only_a = na - matched;
  s.only_b = nb - matched;
  s.defined = na + nb > 0;
  if (nb) s.precision = double(matched) / double(nb);
  if (na) s.recall = double(matched) / double(na);
  if (na + nb) s.f1 = 2.0 * double(matched) / double(na + nb);
  return s;
}

size_t exact_matches(std::vector<Span> a, std::vector<Span> b) {
  auto key = [](const Span& s) { return std::make_pair(s.start, s.end); };
  auto less = [&](const Span& x, const Span& y) { return key(x) < key(y); };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  size_t i = 0, j = 0, m = 0;
  while (i < a.size() && j < b.size()) {
    if (key(a[i]) == key(b[j])) { ++m; ++i; ++j; }
    else if (less(a[i], b[j])) ++i;
    else ++j;
  }
  return m;
}

// Greedy one-to-one pairing by a score (higher first); pairs with score <= 0 are never made.
template <typename Score>
std::vector<std::pair<size_t, size_t>> greedy_pairs(size_t na, size_t nb, const std::vector<Span>& a,
                                                    const std::vector<Span>& b, Score score) {
  std::vector<std::tuple<double, size_t, size_t>> cands;
  // Sweep by start so only overlapping or identical pairs are scored.
  std::vector<size_t> ib(nb);
  for (size_t j = 0; j < nb; ++j) ib[j] = j;
  std::sort(ib.begin(), ib.end(), [&](size_t x, size_t y) { return b[x].start < b[y].start; });
  for (size_t i = 0; i < na; ++i) {
    auto it = std::lower_bound(ib.begin(), ib.end(), a[i].end + 1, [&](size_t j, int64_t v) { return b[j].start < v; });
    for (auto k = ib.begin(); k != it; ++k) {
      double s = score(i, *k);
      if (s > 0) cands.emplace_back(s, i, *k);
    }
  }
  std::sort(cands.begin(), cands.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    return std::make_pair(std::get<1>(x), std::get<2>(x)) < std::make_pair(std::get<1>(y), std::get<2>(y));
  });
  std::vector<char> used_a(na, 0), used_b(nb, 0);
  std::vector<std::pair<size_t, size_t>> out;
  for (auto& [s, i, j] : cands)
    if (!used_a[i] && !used_b[j]) { used_a[i] = used_b[j] = 1; out.emplace_back(i, j); }
  return out;
}

size_t overlap_matches(const std::vector<Span>& a, const std::vector<Span>& b) {
  return greedy_pairs(a.size(), b.size(), a, b, [&](size_t i, size_t j) { return double(overlap(a[i], b[j])); }).size();
}

void kappa(Agreement& g, const std::vector<char>& ma, const std::vector<char>& mb) {
  g.units = ma.size();
  for (size_t u = 0; u < ma.size(); ++u) {
    if (ma[u] && mb[u]) ++g.both;
    else if (ma[u]) ++g.only_in_a;
    else if (mb[u]) ++g.only_in_b;
    else ++g.neither;
  }
  if (g.units == 0) return;
  double n = double(g.units);
  g.observed = double(g.both + g.neither) / n;
  double pa = double(g.both + g.only_in_a) / n, pb = double(g.both + g.only_in_b) / n;
  g.expected = pa * pb + (1 - pa) * (1 - pb);
  if (g.expected < 1 - 1e-12) {
    g.kappa_defined = true;
    g.kappa = (g.observed - g.expected) / (1 - g.expected);
  }
}

// Units as [begin, end) code-point ranges, sorted and disjoint.
std::vector<char> covered_units(const std::vector<Span>& spans, const std::vector<Span>& units) {
  std::vector<char> m(units.size(), 0);
  for (const Span& s : spans) {
    // First unit ending after s.start.
    auto it = std::upper_bound(units.begin(), units.end(), s.start, [](int64_t v, const Span& u) { return v < u.end; });
    for (; it != units.end() && it->start < std::max(s.end, s.start + 1); ++it)
      if (s.end > it->start || (s.start == s.end && s.start >= it->start)) m[size_t(it - units.begin())] = 1;
  }
  return m;
}

Agreement spans_agreement(const std::vector<Annotation>& a, const std::vector<Annotation>& b, const std::string& label,
                          std::vector<Span>* units_out) {
  Agreement g;
  g.label = label;
  std::vector<Span> sa = spans_of(a, label), sb = spans_of(b, label);
  g.count_a = sa.size();
  g.count_b = sb.size();
  g.exact = scores(exact_matches(sa, sb), sa.size(), sb.size());
  g.overlap = scores(overlap_matches(sa, sb), sa.size(), sb.size());
  kappa(g, covered_units(sa, *units_out), covered_units(sb, *units_out));
  return g;
}

bool is_word_cp(uint32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  // Letters of other scripts; general punctuation and symbols stand alone.
  return !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F) && c != 0xA0 && !(c >= 0x80 && c <= 0xBF);
}

}  // namespace

Agreement agreement(const std::vector<Annotation>& a, const std::vector<Annotation>& b, const std::string& label) {
  int64_t n = 0;
  for (auto* v : {&a, &b})
    for (const Annotation& x : *v)
      if (x.label == label && x.status != Status::rejected) n = std::max(n, x.end);
  n = std::min<int64_t>(n, int64_t(1) << 26);  // no real text is longer; keeps memory bounded
  std::vector<Span> units;
  units.reserve(size_t(n));
  for (int64_t i = 0; i < n; ++i) units.push_back({i, i + 1});
  return spans_agreement(a, b, label, &units);
}

Agreement agreement(const std::vector<Annotation>& a, const std::vector<Annotation>& b, const std::string& label,
                    std::string_view text) {
  std::vector<Span> units;
  int64_t cp = 0, word_start = -1;
  for (size_t i = 0; i < text.size(); ++cp) {
    uint32_t c;
    i += utf8_decode(text, i, &c);
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0;
    bool word = !space && is_word_cp(c);
    if (word) {
      if (word_start < 0) word_start = cp;
      continue;
    }
    if (word_start >= 0) { units.push_back({word_start, cp}); word_start = -1; }
    if (!space) units.push_back({cp, cp + 1});
  }
  if (word_start >= 0) units.push_back({word_start, cp});
  return spans_agreement(a, b, label, &units);
}

std::vector<MergeItem> pair_for_merge(const std::vector<Annotation>& a, const std::vector<Annotation>& b) {
  std::vector<Span> sa, sb;
  for (auto& x : a) sa.push_back({x.start, x.end});
  for (auto& x : b) sb.push_back({x.start, x.end});
  auto pairs = greedy_pairs(a.size(), b.size(), sa, sb, [&](size_t i, size_t j) {
    bool span = sa[i].start == sb[j].start && sa[i].end == sb[j].end;
    bool lab = a[i].label == b[j].label;
    int64_t ov = overlap(sa[i], sb[j]);
    if (span && lab) return 4.0;
    if (lab && ov > 0) {
      int64_t uni = std::max(sa[i].end, sb[j].end) - std::min(sa[i].start, sb[j].start);
      return 2.0 + double(ov) / double(std::max<int64_t>(1, uni));  // (2, 3]
    }
    if (span) return 1.5;
    return 0.0;
  });
  std::vector<MergeItem> rows;
  std::vector<char> used_a(a.size(), 0), used_b(b.size(), 0);
  for (auto& [i, j] : pairs) {
    used_a[i] = used_b[j] = 1;
    rows.push_back({int(i), int(j), sa[i].start == sb[j].start && sa[i].end == sb[j].end, a[i].label == b[j].label});
  }
  for (size_t i = 0; i < a.size(); ++i)
    if (!used_a[i]) rows.push_back({int(i), -1, false, false});
  for (size_t j = 0; j < b.size(); ++j)
    if (!used_b[j]) rows.push_back({-1, int(j), false, false});
  auto pos = [&](const MergeItem& r) {
    const Span& s = r.a >= 0 ? sa[size_t(r.a)] : sb[size_t(r.b)];
    return std::make_tuple(s.start, s.end, r.a < 0 ? 1 : 0, r.a, r.b);
  };
  std::sort(rows.begin(), rows.end(), [&](const MergeItem& x, const MergeItem& y) { return pos(x) < pos(y); });
  return rows;
}

}  // namespace lede
