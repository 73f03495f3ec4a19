#include "core/analysis/tokenizer.hpp"

#include "core/analysis/lexicon.hpp"
#include "core/text.hpp"

namespace lede::analysis {

bool is_letter_cp(uint32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, currency
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == 0xFFFD || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF) return false;
  if (cp >= 0x2B0 && cp <= 0x2FF) return cp == 0x2BC;  // modifier letters: keep ʼ
  return true;
}

bool is_upper_cp(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return (cp & 1) == 0;
  if (cp >= 0x139 && cp <= 0x148) return (cp & 1) == 1;
  if (cp >= 0x14A && cp <= 0x177) return (cp & 1) == 0;
  if (cp == 0x178) return true;
  if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) == 1;
  if (cp >= 0x391 && cp <= 0x3AB) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

namespace {

inline bool let_cp(uint32_t cp) { return cp < 0x80 ? (((cp | 32) - 'a') < 26u) : is_letter_cp(cp); }
inline bool up_cp(uint32_t cp) { return cp < 0x80 ? ((cp - 'A') < 26u) : is_upper_cp(cp); }

inline bool is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019; }
inline bool is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

inline int ctz64(uint64_t x) {  // x != 0
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll(x);
#else
  int n = 0;
  for (; !(x & 1); x >>= 1) ++n;
  return n;
#endif
}

// hash_bytes of each single byte (an ASCII punctuation token)
struct PunctHashes {
  uint64_t v[128] = {};
  constexpr PunctHashes() {
    for (int c = 0; c < 128; ++c) v[c] = hash_finish(hash_mix(kHashSeed, static_cast<uint64_t>(c)), 1);
  }
};
constexpr PunctHashes kPunctHash;

// Bytes that may continue a word after its letters (digits, - ' & / and any non-ASCII byte).
struct ContinueTable {
  bool v[256];
  constexpr ContinueTable() : v() {
    for (int c = 0; c < 256; ++c) v[c] = c >= 0x80 || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '&' || c == '/';
  }
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
constexpr ContinueTable kMayContinue;

struct Cursor {
  std::string_view s;
  uint32_t at(size_t i, int* len) const {
    if (i >= s.size()) { *len = 0; return 0; }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { *len = 1; return c; }
    uint32_t cp;
    *len = utf8_decode(s, i, &cp);
    return cp;
  }
};

}  // namespace

void tokenize(std::string_view s, std::vector<Token>& out) {
  Cursor cur{s};
  size_t i = 0, n = s.size();
  uint16_t pending = 0;
  out.reserve(out.size() + n / 4 + 8);
  // After a fast-path token, a single space (the usual case) is taken at once: one trip through
  // the main loop less per word (in Wasm, each trip also pays V8's check on the loop's back edge).
  auto next_after = [&](size_t r) {
    bool sp = r < n && s[r] == ' ';
    pending = sp ? F_SPACE : 0;
    i = r + sp;
  };
  while (i < n) {
    int len;
    uint32_t cp;
    unsigned char c0 = static_cast<unsigned char>(s[i]);
    if (c0 == ' ') {  // the most common byte: skip it without decoding
      pending |= F_SPACE;
      ++i;
      continue;
    }
    if (static_cast<unsigned>((c0 | 32) - 'a') < 26u) {
      // Fast path: a plain ASCII word (letters only, then a byte that cannot continue it), found
      // and hashed 8 bytes at a time (see hash_bytes). Anything else is left to the general code
      // below, from the start.
      const char* p = s.data();
      size_t r = i;
      uint64_t hs = kHashSeed, hl = kHashSeed, seen = 0;  // seen: the word's bytes ORed (bit 5: a lower-case letter)
      for (;;) {
        uint64_t x = r + 8 <= n ? load_chunk8(p + r) : load_chunk(p + r, n - r);
        uint64_t stop = ~letter_bytes(x) & 0x8080808080808080ull;
        if (!stop) {
          hs = hash_mix(hs, x);
          hl = hash_mix(hl, x | 0x2020202020202020ull);
          seen |= x;
          r += 8;
          continue;
        }
        unsigned k = static_cast<unsigned>(ctz64(stop)) >> 3;  // letters before the first other byte
        if (k) {
          uint64_t keep = ~0ull >> (64 - 8 * k);
          uint64_t w = x & keep;
          hs = hash_mix(hs, w);
          hl = hash_mix(hl, w | (0x2020202020202020ull & keep));
          seen |= w;
        }
        r += k;
        break;
      }
      bool all_upper = !(seen & 0x2020202020202020ull);
      unsigned char c = r < n ? static_cast<unsigned char>(s[r]) : ' ';
      // digits, - ' & / and non-ASCII may continue a word; a period after one letter may be U.S.
      if (!kMayContinue[c] && !(c == '.' && r - i == 1)) {
        Token& t = out.emplace_back();
        t.b = static_cast<uint32_t>(i);
        t.e = static_cast<uint32_t>(r);
        t.hs = hash_finish(hs, r - i);
        t.hl = hash_finish(hl, r - i);
        t.type = T_WORD;
        t.flags = static_cast<uint16_t>(pending | (c0 <= 'Z' ? F_CAP : 0) | (r - i >= 2 && all_upper ? F_ALLCAPS : 0));
        next_after(r);
        continue;
      }
    }
    if (c0 > ' ' && c0 < 0x80 && !is_digit(c0) && static_cast<unsigned>((c0 | 32) - 'a') >= 26u && c0 != '\'') {
      // Fast path: one ASCII punctuation byte (an apostrophe may start a possessive 's)
      Token& t = out.emplace_back();
      t.b = static_cast<uint32_t>(i);
      t.e = static_cast<uint32_t>(i + 1);
      t.hs = t.hl = kPunctHash.v[c0];
      t.type = T_PUNCT;
      t.flags = pending;
      t.cp = c0;
      next_after(i + 1);
      continue;
    }
    if (c0 < 0x80) { cp = c0; len = 1; }
    else cp = cur.at(i, &len);
    if (is_space_cp(cp)) {
      pending |= F_SPACE;
      if (cp == '\n') pending |= F_NEWLINE;
      i += len;
      continue;
    }
    Token t;
    t.b = static_cast<uint32_t>(i);
    t.flags = pending;
    pending = 0;
    if (cp < 0x80 && is_digit(static_cast<unsigned char>(cp))) {
      size_t j = i + 1;
      while (j < n) {
        unsigned char c = s[j];
        if (is_digit(c)) { ++j; continue; }
        if ((c == ',' || c == '.' || c == ':') && j + 1 < n && is_digit(s[j + 1])) {
          // "3,000" "1.5" "10:30"; a comma must be followed by exactly three digits
          if (c == ',') {
            bool three = j + 3 < n && is_digit(s[j + 2]) && is_digit(s[j + 3]) && (j + 4 >= n || !is_digit(s[j + 4]));
            if (!three) break;
          }
          j += 2;
          continue;
        }
        break;
      }
      t.e = static_cast<uint32_t>(j);
      t.type = T_NUM;
      t.flags |= F_DIGIT;
      i = j;
    } else if (let_cp(cp)) {
      bool all_upper = up_cp(cp);
      int letters = 1;
      bool single_segments = true;  // letters between dots are single (U.S.)
      int seg_len = 1;
      bool has_dot = false, has_digit = false, has_hyphen = false;
      size_t j = i + len;
      while (j < n) {
        // ASCII letters, the common case, in a tight loop
        size_t r = j;
        for (unsigned char a; r < n && static_cast<unsigned>(((a = static_cast<unsigned char>(s[r])) | 32) - 'a') < 26u; ++r)
          all_upper &= a <= 'Z';
        if (r > j) {
          letters += static_cast<int>(r - j);
          seg_len += static_cast<int>(r - j);
          if (seg_len > 1) single_segments = false;
          j = r;
          if (j >= n) break;
        }
        unsigned char a = static_cast<unsigned char>(s[j]);
        if (a < 0x80) {
          if (is_digit(a)) { has_digit = true; j += 1; single_segments = false; continue; }
          if (a != '-' && a != '\'' && a != '.' && a != '&' && a != '/') break;
        }
        int l2;
        uint32_t c2 = cur.at(j, &l2);
        if (let_cp(c2)) {
          ++letters; all_upper &= up_cp(c2);
          ++seg_len; if (seg_len > 1) single_segments = false;
          j += l2; continue;
        }
        if (c2 < 0x80 && is_digit(static_cast<unsigned char>(c2))) { has_digit = true; j += 1; single_segments = false; continue; }
        if (is_hyphen(c2) || is_apos(c2) || c2 == '.' || c2 == '&' || c2 == '/') {
          int l3;
          uint32_t c3 = cur.at(j + l2, &l3);
          if (c2 == '.') {
            if (single_segments && let_cp(c3)) {
              int l4; uint32_t c4 = cur.at(j + l2 + l3, &l4);
              if (c4 == '.') { has_dot = true; seg_len = 0; j += l2; continue; }
            }
            if (has_dot && single_segments) { j += l2; }  // final period of U.S.
            break;
          }
          if (is_apos(c2)) {
            // possessive 's / ’s stays a separate token
            if ((c3 == 's' || c3 == 'S')) {
              int l4; uint32_t c4 = cur.at(j + l2 + l3, &l4);
              if (!let_cp(c4)) break;
            }
            if (let_cp(c3)) { j += l2; single_segments = false; continue; }
            break;
          }
          if (c2 == '&' || c2 == '/') {
            // AT&T, km/h: only between letters without spaces
            if (let_cp(c3) && letters <= 3) { j += l2; single_segments = false; continue; }
            break;
          }
          if (let_cp(c3) || (c3 < 0x80 && is_digit(static_cast<unsigned char>(c3)))) {
            has_hyphen = true; single_segments = false; j += l2; continue;
          }
          break;
        }
        break;
      }
      t.e = static_cast<uint32_t>(j);
      t.type = T_WORD;
      if (up_cp(cp)) t.flags |= F_CAP;
      if (letters >= 2 && all_upper) t.flags |= F_ALLCAPS;
      if (has_digit) t.flags |= F_DIGIT;
      if (has_dot) t.flags |= F_DOT;
      if (has_hyphen) t.flags |= F_HYPHEN;
      i = j;
    } else {
      t.type = T_PUNCT;
      t.cp = cp;
      // possessive 's / ’s directly after a word
      if (is_apos(cp) && !out.empty() && out.back().e == i) {
        int l3; uint32_t c3 = cur.at(i + len, &l3);
        if (c3 == 's' || c3 == 'S') {
          int l4; uint32_t c4 = cur.at(i + len + l3, &l4);
          if (!let_cp(c4)) { t.type = T_WORD; t.flags |= F_POSS; len += l3; t.cp = 0; }
        }
      }
      t.e = static_cast<uint32_t>(i + len);
      i += len;
    }
    {
      std::string_view w = s.substr(t.b, t.e - t.b);
      // a curly apostrophe hashes as a straight one, as the lexicons write it ("King’s College London")
      char straight[2] = {'\'', w.back()};
      if (t.flags & F_POSS) w = std::string_view(straight, 2);
      else if (t.type == T_PUNCT && t.cp == 0x2019) w = std::string_view(straight, 1);
      t.hs = hash_bytes(w);
      t.hl = hash_lower(w);
    }
    out.push_back(t);
  }
}

}  // namespace lede::analysis
