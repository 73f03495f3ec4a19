#include "core/analysis/model.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/analysis/doc.hpp"
#include "core/assets.hpp"

namespace lede::analysis {

static_assert(C_COUNT == 4, "Doc::model_parts holds one sum per class");

namespace {

inline uint64_t fh(uint64_t tag, uint64_t v) { return hash_combine(hash_combine(hash_seed(), tag), v); }

// The features hash token text with FNV-1a, the token hash the weights in assets/model were
// trained with, independent of the tokenizer's own (faster) hash.
constexpr uint64_t kFnvBasis = 1469598103934665603ull, kFnvPrime = 1099511628211ull;
struct LowerByte {  // ASCII A-Z folded to a-z
  unsigned char v[256] = {};
  constexpr LowerByte() {
    for (int c = 0; c < 256; ++c) v[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
};
constexpr LowerByte kLowerByte;
uint64_t fnv_lower(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : s) h = (h ^ kLowerByte.v[c]) * kFnvPrime;
  return h;
}
uint64_t fnv_lower(const Doc& d, size_t i) { return fnv_lower(d.tok(i)); }
void fnv_both(std::string_view s, uint64_t* hs, uint64_t* hl) {  // two independent chains in one loop
  uint64_t a = kFnvBasis, b = kFnvBasis;
  for (unsigned char c : s) {
    a = (a ^ c) * kFnvPrime;
    b = (b ^ kLowerByte.v[c]) * kFnvPrime;
  }
  *hs = a;
  *hl = b;
}

// word shape: Xx, XX, X.X., x, d, with length bucket
uint64_t shape(const Doc& d, size_t i) {
  if (i >= d.n()) return 1;
  const Token& t = d.toks[i];
  uint64_t s = t.type;
  s = s * 8 + ((t.flags & F_CAP) ? 1 : 0) + ((t.flags & F_ALLCAPS) ? 2 : 0) + ((t.flags & F_DOT) ? 4 : 0);
  s = s * 4 + ((t.flags & F_DIGIT) ? 1 : 0) + ((t.flags & F_HYPHEN) ? 2 : 0);
  size_t len = t.e - t.b;
  s = s * 4 + (len <= 2 ? 0 : len <= 4 ? 1 : len <= 8 ? 2 : 3);
  return s + 100;
}

uint64_t suffix3(const Doc& d, size_t i) {
  std::string_view w = d.tok(i);
  if (w.size() > 3) w = w.substr(w.size() - 3);
  return fnv_lower(w);
}

// The features come in parts that depend on one token's text only: the candidate's own tokens
// (by position: first, middle, last) and the two tokens on each side. score() sums each part's
// weights once per distinct word and reuses the sum (news repeats its names and their contexts).
template <class Out>
void token_part(const Doc& d, size_t i, uint64_t pos, Out&& out) {
  const Lexicon& L = d.lex;
  const Token& t = d.toks[i];
  uint64_t hs, hl;
  fnv_both(d.tok(i), &hs, &hl);
  out(fh(2, hs));
  out(fh(3 + pos, hl));
  out(fh(6, shape(d, i)));
  out(fh(7 + pos, suffix3(d, i)));
  if (L.given_names.count(t.hs)) out(fh(10 + pos, L.ambiguous_given.count(t.hs) ? 2 : 1));
  if (L.surnames.count(t.hs)) out(fh(13 + pos, 1));
  auto ow = L.org_words.find(t.hs);
  if (ow != L.org_words.end()) out(fh(16 + pos, static_cast<uint64_t>(ow->second)));
  if (L.place_words.count(t.hs)) out(fh(19 + pos, 1));
  if (L.title_words.count(t.hl)) out(fh(22 + pos, 1));
  auto g = L.gaz.find(hash_combine(hash_seed(), t.hs));
  if (g != L.gaz.end()) out(fh(25 + pos, static_cast<uint64_t>(L.gaz_entries[g->second].kind)));
}
template <class Out>
void before_part(const Doc& d, size_t p, int k, Out&& out) {
  out(fh(31 + k, fnv_lower(d, p)));
  out(fh(34 + k, shape(d, p)));
  if (d.lex.title_words.count(d.toks[p].hl)) out(fh(37 + k, 1));
}
template <class Out>
void after_part(const Doc& d, size_t q, int k, Out&& out) {
  out(fh(40 + k, fnv_lower(d, q)));
  out(fh(43 + k, shape(d, q)));
  if (d.lex.cues.count(hash_combine(hash_seed(), d.toks[q].hl))) out(fh(46 + k, 1));
}

// What a part's features depend on: the token's text and the token fields shape() reads. The
// byte length too: "’s" has the hash of "'s" (tokenizer.cpp) but not its FNV features.
uint64_t part_key(const Token& t, uint64_t part) {
  uint64_t fields = (uint64_t{t.e - t.b} << 24) | (uint64_t{t.type} << 16) | (t.flags & (F_CAP | F_ALLCAPS | F_DOT | F_DIGIT | F_HYPHEN)) << 3 | part;
  return hash_combine(hash_combine(hash_seed(), t.hs), fields);
}

// Walks the features of the candidate [t0, t1) in a fixed order: one(tag, value) for the feature
// fh(tag, value) of those that depend on the candidate as a whole, part(key, emit) for each token
// part, where emit(out) calls out(feature) for the part's features and key says what they depend on.
template <class One, class Part>
void walk_features(const Doc& d, uint32_t t0, uint32_t t1, One&& one, Part&& part) {
  uint32_t len = t1 - t0;
  one(1, len > 4 ? 4 : len);
  for (uint32_t i = t0; i < t1; ++i) {
    uint64_t pos = i == t0 ? 0 : i + 1 == t1 ? 2 : 1;
    part(part_key(d.toks[i], pos), [&](auto&& out) { token_part(d, i, pos, out); });
  }
  one(30, (d.toks[t0].flags & F_SENT) ? 1 : 0);
  for (int k = 1; k <= 2; ++k) {
    if (t0 >= static_cast<uint32_t>(k)) part(part_key(d.toks[t0 - k], 2 + k), [&](auto&& out) { before_part(d, t0 - k, k, out); });
    else one(31 + k, 0);
    size_t q = t1 + k - 1;
    if (q < d.n()) part(part_key(d.toks[q], 4 + k), [&](auto&& out) { after_part(d, q, k, out); });
    else one(40 + k, 0);
  }
  if (len >= 2) one(50, hash_combine(fnv_lower(d, t0), fnv_lower(d, t1 - 1)));
  one(51, 1);  // bias-like
}

// The features one() gives that take only a few values (length, sentence start, no token before
// or after, bias): their weights are read once per model into a small array, which stays in the
// cache while the actor scan streams the tokens through it (the weight table does not).
constexpr int fixed_slot(uint64_t tag, uint64_t value) {
  if (tag == 1 && value >= 1 && value <= 4) return static_cast<int>(value) - 1;  // 0..3
  if (tag == 30 && value <= 1) return 4 + static_cast<int>(value);             // 4, 5
  if ((tag == 32 || tag == 33) && value == 0) return 6 + static_cast<int>(tag - 32);  // 6, 7
  if ((tag == 41 || tag == 42) && value == 0) return 8 + static_cast<int>(tag - 41);  // 8, 9
  if (tag == 51 && value == 1) return 10;
  return -1;
}
constexpr uint64_t kFixedTags[Model::kFixed][2] = {{1, 1}, {1, 2}, {1, 3}, {1, 4}, {30, 0}, {30, 1}, {32, 0}, {33, 0}, {41, 0}, {42, 0}, {51, 1}};
// The table Model::parse fills fixed_ from and the slots score() reads must name the same features.
constexpr bool fixed_tags_match_slots() {
  for (int k = 0; k < Model::kFixed; ++k)
    if (fixed_slot(kFixedTags[k][0], kFixedTags[k][1]) != k) return false;
  return true;
}
static_assert(fixed_tags_match_slots(), "kFixedTags and fixed_slot disagree");

}  // namespace

void Model::features(const Doc& d, uint32_t t0, uint32_t t1, std::vector<uint64_t>& out) {
  out.clear();
  auto push = [&out](uint64_t f) { out.push_back(f); };
  walk_features(d, t0, t1, [&](uint64_t tag, uint64_t v) { push(fh(tag, v)); }, [&](uint64_t, auto&& emit) { emit(push); });
}

std::array<float, C_COUNT> Model::score(const Doc& d, uint32_t t0, uint32_t t1) const {
  std::array<float, C_COUNT> s = bias_;
  if (weights_.empty()) return s;
  // Integer sums: exact, so the order the parts are added in does not matter.
  std::array<int32_t, C_COUNT> sum{};
  auto add = [&](std::array<int32_t, C_COUNT>& to) {
    return [this, &to](uint64_t f) {
      auto it = weights_.find(key(f));
      if (it == weights_.end()) return;
      for (int c = 0; c < C_COUNT; ++c) to[c] += it->second[c];
    };
  };
  // each part's sum is kept per document and reused (see token_part)
  auto part = [&](uint64_t key, auto&& emit) {
    auto* e = d.model_parts.find(key);
    if (e == d.model_parts.end()) {
      std::array<int32_t, C_COUNT> w{};
      emit(add(w));
      e = d.model_parts.emplace(key, w).first;
    }
    for (int c = 0; c < C_COUNT; ++c) sum[c] += e->second[c];
  };
  auto one = [&](uint64_t tag, uint64_t v) {
    int slot = fixed_slot(tag, v);
    if (slot >= 0) {
      for (int c = 0; c < C_COUNT; ++c) sum[c] += fixed_[slot][c];
    } else {
      add(sum)(fh(tag, v));
    }
  };
  walk_features(d, t0, t1, one, part);
  for (int c = 0; c < C_COUNT; ++c) s[c] += static_cast<float>(sum[c]) * scale_;
  return s;
}

int Model::classify(const Doc& d, uint32_t t0, uint32_t t1, float* margin) const {
  auto s = score(d, t0, t1);
  int best = 0;
  for (int c = 1; c < C_COUNT; ++c) if (s[c] > s[best]) best = c;
  if (margin) {
    float second = -1e30f;
    for (int c = 0; c < C_COUNT; ++c) if (c != best && s[c] > second) second = s[c];
    *margin = s[best] - second;
  }
  return best;
}

Model Model::parse(std::string_view text) {
  // Format: lines "# ..." comments; "scale\tS"; "bias\tb0\tb1\tb2\tb3"; "HEX\tw0\tw1\tw2\tw3" (integers, weight = w*S).
  // Hand-rolled number parsing: this runs once per Analyzer, at page start.
  Model m;
  float scale = 1.0f;
  const char* p = text.data();
  const char* end = p + text.size();
  auto skip_line = [&]() { while (p < end && *p != '\n') ++p; if (p < end) ++p; };
  auto read_int = [&]() -> long {
    bool neg = false;
    if (p < end && *p == '-') { neg = true; ++p; }
    long v = 0;
    while (p < end && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
    return neg ? -v : v;
  };
  while (p < end) {
    if (*p == '#' || *p == '\n' || *p == '\r') { skip_line(); continue; }
    if (end - p > 6 && std::string_view(p, 6) == "scale\t") {
      p += 6;
      const char* e = p;
      while (e < end && *e != '\n') ++e;
      scale = std::strtof(std::string(p, e).c_str(), nullptr);
      p = e;
      skip_line();
      continue;
    }
    bool bias = end - p > 5 && std::string_view(p, 5) == "bias\t";
    uint64_t key = 0;
    if (bias) p += 5;
    else {
      bool any = false;
      while (p < end) {
        char c = *p;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) break;
        key = key * 16 + static_cast<uint64_t>(d);
        any = true;
        ++p;
      }
      if (!any || p >= end || *p != '\t') { skip_line(); continue; }
      ++p;
    }
    std::array<long, C_COUNT> w{};
    for (int c = 0; c < C_COUNT; ++c) {
      w[c] = std::clamp(read_int(), -32767L, 32767L);  // the trainer writes -127..127
      if (p < end && *p == '\t') ++p;
    }
    skip_line();
    if (bias) {
      for (int c = 0; c < C_COUNT; ++c) m.bias_[c] = static_cast<float>(w[c]) * scale;
    } else {
      std::array<int16_t, C_COUNT> q{};
      for (int c = 0; c < C_COUNT; ++c) q[c] = static_cast<int16_t>(w[c]);
      m.weights_.emplace(Model::key(key), q);
    }
  }
  m.scale_ = scale;  // the file gives it before the weights
  m.fill_fixed();
  return m;
}

Model Model::decode(std::string_view bin) {
  // tools/pack_model.py writes it: "LEDM" 3, scale text, 4 x int16 bias, N, P, P weight rows of
  // 4 x int8, the N keys (Model::key, not the file's hashes) as Rice-coded differences, N varint row numbers.
  Model m;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bin.data());
  const unsigned char* end = p + bin.size();
  if (bin.size() < 6 || bin.substr(0, 5) != std::string_view("LEDM\x03", 5)) return m;
  p += 5;
  const size_t scale_len = *p++;
  if (size_t(end - p) < scale_len + 16) return m;
  const float scale = std::strtof(std::string(reinterpret_cast<const char*>(p), scale_len).c_str(), nullptr);
  p += scale_len;
  for (int c = 0; c < C_COUNT; ++c) m.bias_[c] = static_cast<float>(static_cast<int16_t>(p[2 * c] | (p[2 * c + 1] << 8))) * scale;
  p += 8;
  auto u32 = [&]() { uint32_t v = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; p += 4; return v; };
  const uint32_t n = u32(), rows = u32();
  if (size_t(end - p) < size_t(rows) * C_COUNT) return Model{};
  const unsigned char* table = p;
  p += size_t(rows) * C_COUNT;
  if (size_t(end - p) < size_t(n)) return Model{};  // a row number takes a byte at least
  bool ok = true;  // every varint complete
  auto varint = [&]() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p == end) break;
      const unsigned char b = *p++;
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return v;
  };
  // The keys: Rice code, R then per difference its high part in unary and its low R bits.
  if (p == end) return Model{};
  const int r = *p++;
  if (r > kKeyBits) return Model{};
  // Read 57 bits at a time (least significant first), not bit by bit: this runs at every start,
  // before the first suggestions (6.2 M instructions natively, 12.0 M bit by bit; bench/README.md).
  size_t bit = 0;
  const size_t bytes = size_t(end - p), bits = bytes * 8;
  auto window = [&]() {  // the bits from `bit` on, at least 57 of them; zeros past the end
    const size_t at = bit >> 3;
    uint64_t w = 0;
    if (bytes - at >= 8) {
      for (int k = 0; k < 8; ++k) w |= uint64_t(p[at + size_t(k)]) << (8 * k);
    } else {
      for (size_t k = at; k < bytes; ++k) w |= uint64_t(p[k]) << (8 * (k - at));
    }
    return w >> (bit & 7);
  };
  std::vector<uint64_t> keys(n);
  m.weights_.reserve(n);
  uint64_t key = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t q = 0;  // the unary part: ones up to a zero
    for (;;) {
      if (bit >= bits) return Model{};
      const uint64_t w = window();
      const size_t have = std::min<size_t>(57, bits - bit);
      const size_t ones = ~w ? size_t(__builtin_ctzll(~w)) : 64;
      if (ones < have) {
        q += ones;
        bit += ones + 1;
        break;
      }
      q += have;
      bit += have;
    }
    if (bit + size_t(r) > bits || q >> kKeyBits) return Model{};
    const uint64_t low = r ? window() & (~0ull >> (64 - r)) : 0;
    bit += size_t(r);
    keys[i] = key += q << r | low;
  }
  p += (bit + 7) / 8;
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t row = varint();
    if (row >= rows || !ok) return Model{};
    std::array<int16_t, C_COUNT> q{};
    for (int c = 0; c < C_COUNT; ++c) q[c] = static_cast<int8_t>(table[row * C_COUNT + size_t(c)]);
    m.weights_.emplace(keys[i], q);
  }
  if (!ok || p != end) return Model{};
  m.scale_ = scale;
  m.fill_fixed();
  return m;
}

void Model::fill_fixed() {
  for (int k = 0; k < kFixed; ++k) {
    auto it = weights_.find(key(fh(kFixedTags[k][0], kFixedTags[k][1])));
    for (int c = 0; c < C_COUNT; ++c) fixed_[k][c] = it == weights_.end() ? 0 : it->second[c];
  }
}

// The compact form the build makes from ner.tsv (tools/pack_model.py); the text where there is none.
Model Model::embedded() {
  std::string_view bin = embedded_asset("model/ner.bin");
  return bin.empty() ? parse(embedded_asset("model/ner.tsv")) : decode(bin);
}

}  // namespace lede::analysis
