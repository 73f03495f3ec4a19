// Word lists for the analysis core, loaded once from the embedded assets/lexicon/*.tsv files.
// Everything is keyed by 64-bit token hashes (see tokenizer.hpp), so lookups never allocate.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace lede::analysis {

// Token hashes, 8 bytes at a time: little-endian loads, the last chunk zero-padded, then the
// length. The lower-case variant folds ASCII A-Z. The tokenizer computes the same values while it
// scans a word (tokenizer.cpp); a unit test keeps the two in step.
constexpr uint64_t kHashSeed = 0x243F6A8885A308D3ull;
constexpr uint64_t hash_mix(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}
constexpr uint64_t hash_finish(uint64_t h, size_t len) {
  h = (h ^ len) * 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}
inline uint64_t load_chunk(const char* p, size_t n) {  // n <= 8 bytes, little-endian, zero-padded
  uint64_t x = 0;
  for (size_t k = 0; k < n; ++k) x |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  return x;
}
inline uint64_t load_chunk8(const char* p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t x;
  __builtin_memcpy(&x, p, 8);
  return x;
#else
  return load_chunk(p, 8);
#endif
}
// 0x80 in each byte that is 'A'..'Z'; ORing it in >> 2 (0x20) makes those bytes lower case.
inline uint64_t upper_bytes(uint64_t x) {
  uint64_t x7 = x & 0x7F7F7F7F7F7F7F7Full;
  return (x7 + 0x3F3F3F3F3F3F3F3Full) & ~(x7 + 0x2525252525252525ull) & ~x & 0x8080808080808080ull;
}
// 0x80 in each byte that is an ASCII letter.
inline uint64_t letter_bytes(uint64_t x) {
  uint64_t y = (x | 0x2020202020202020ull) & 0x7F7F7F7F7F7F7F7Full;
  return (y + 0x1F1F1F1F1F1F1F1Full) & ~(y + 0x0505050505050505ull) & ~x & 0x8080808080808080ull;
}
template <class Fold>
uint64_t hash_chunks(std::string_view s, Fold fold) {
  uint64_t h = kHashSeed;
  size_t i = 0, n = s.size();
  for (; i + 8 <= n; i += 8) h = hash_mix(h, fold(load_chunk8(s.data() + i)));
  if (i < n) h = hash_mix(h, fold(load_chunk(s.data() + i, n - i)));
  return hash_finish(h, n);
}
inline uint64_t hash_bytes(std::string_view s) {
  return hash_chunks(s, [](uint64_t x) { return x; });
}
inline uint64_t hash_lower(std::string_view s) {
  return hash_chunks(s, [](uint64_t x) { return x | (upper_bytes(x) >> 2); });
}
// Hash of a token sequence: fold token hashes.
inline uint64_t hash_seed() { return 0x9e3779b97f4a7c15ull; }
inline uint64_t hash_combine(uint64_t h, uint64_t t) { return (h ^ t) * 0x100000001b3ull + 0x7f4a7c15ull; }

// The tables as bytes (Lexicon::image, native builds): values as they lie in memory, read back
// by the same build only.
template <class T>
void image_put(std::string& out, const T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
struct ImageReader {
  const char* p;
  const char* end;
  template <class T>
  bool get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (static_cast<size_t>(end - p) < sizeof v) return false;
    __builtin_memcpy(&v, p, sizeof v);
    p += sizeof v;
    return true;
  }
};

// Open-addressing hash map from 64-bit hashes (keys are already well mixed): one probe sequence in
// one array, so a lookup costs about one cache miss. Key 0 is reserved (mapped to 1). Most lookups
// miss (a token that is not a title, not a number...): a one-bit-per-key filter of 8 bits per slot,
// indexed by the mixed key's top bits, answers most of them from a small array without touching the slots.
template <class V>
class FlatMap {
 public:
  using value_type = std::pair<uint64_t, V>;
  const value_type* find(uint64_t k) const {
    if (filter_.empty()) return nullptr;
    k = k ? k : 1;
    uint64_t f = filter_bit(k);
    if (!((filter_[f >> 6] >> (f & 63)) & 1)) return nullptr;
    size_t i = slot(k);
    while (true) {
      const value_type& s = slots_[i];
      if (s.first == k) return &s;
      if (s.first == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  const value_type* end() const { return nullptr; }
  size_t count(uint64_t k) const { return find(k) ? 1 : 0; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::pair<value_type*, bool> emplace(uint64_t k, V v) {
    k = k ? k : 1;
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = slot(k);
    while (true) {
      value_type& s = slots_[i];
      if (s.first == k) return {&s, false};
      if (s.first == 0) {
        s.first = k;
        s.second = std::move(v);
        ++size_;
        uint64_t f = filter_bit(k);
        filter_[f >> 6] |= 1ull << (f & 63);
        return {&s, true};
      }
      i = (i + 1) & mask_;
    }
  }
  std::pair<value_type*, bool> insert(uint64_t k) { return emplace(k, V{}); }
  void reserve(size_t n) {  // room for n keys without growing: one table, not one per doubling
    size_t cap = 64;
    while (cap < 2 * n) cap *= 2;  // the size growing to n keys ends at
    if (cap > slots_.size()) rehash(cap);
  }
  template <class F>
  void for_each(F&& f) const {  // f(key, value) for every entry, in no particular order
    for (const value_type& s : slots_) if (s.first) f(s.first, s.second);
  }
  V& operator[](uint64_t k) { return emplace(k, V{}).first->second; }
  // Its slots as they lie: read back without hashing a key again.
  void save(std::string& out) const {
    image_put(out, uint64_t{slots_.size()});
    image_put(out, uint64_t{size_});
    image_put(out, int32_t{filter_shift_});
    for (const value_type& s : slots_) {
      image_put(out, s.first);
      image_put(out, s.second);
    }
    for (uint64_t f : filter_) image_put(out, f);
  }
  bool load(ImageReader& in) {
    uint64_t cap = 0, size = 0;
    int32_t shift = 0;
    if (!in.get(cap) || !in.get(size) || !in.get(shift) || (cap & (cap - 1)) || size > cap / 2) return false;
    if (static_cast<size_t>(in.end - in.p) < cap * (sizeof(uint64_t) + sizeof(V)) + cap / 8 * sizeof(uint64_t)) return false;
    slots_.resize(cap);
    for (value_type& s : slots_) in.get(s.first), in.get(s.second);
    filter_.resize(cap / 8);
    for (uint64_t& f : filter_) in.get(f);
    mask_ = cap ? cap - 1 : 0;
    size_ = size;
    filter_shift_ = shift;
    return true;
  }

 private:
  // FNV's top bits hardly depend on the last bytes: mix them in before taking the top bits
  uint64_t filter_bit(uint64_t k) const { return (k * 0xD6E8FEB86659FD93ull) >> filter_shift_; }
  size_t slot(uint64_t k) const { return static_cast<size_t>((k ^ (k >> 31)) * 0x9E3779B97F4A7C15ull >> 20) & mask_; }
  void grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }
  void rehash(size_t cap) {  // a power of two
    std::vector<value_type> old;
    old.swap(slots_);
    slots_.assign(cap, value_type{0, V{}});
    mask_ = cap - 1;
    size_ = 0;
    filter_.assign(cap / 8, 0);  // cap * 8 bits
    filter_shift_ = 64 - 3;
    for (size_t c = cap; c > 1; c >>= 1) --filter_shift_;
    for (value_type& s : old) if (s.first) emplace(s.first, std::move(s.second));
  }
  std::vector<value_type> slots_;
  std::vector<uint64_t> filter_;
  int filter_shift_ = 63;
  size_t mask_ = 0, size_ = 0;
};
using FlatSet = FlatMap<uint8_t>;

enum class ActorKind : uint8_t { person = 0, organization = 1, place = 2 };
std::string_view actor_kind_name(ActorKind k);

struct GazEntry {
  ActorKind kind = ActorKind::place;
  bool country = false;    // a country (or the EU)
  bool capital = false;    // a capital city: stands for `government` when it acts
  bool generic = false;    // generic names (Parliament, Senate) that need context
  bool place_too = false;  // an organization named like a place ("Milan", "Oxford"): a place where used as one
  uint32_t entity = 0;     // index into Lexicon::strings
  uint32_t government = 0; // for capitals: the country entity (index into strings)
};

enum class CueType : uint8_t { none, say, object, accuse, quote, show, call, according };
struct Cue {
  CueType type = CueType::none;
  bool that = false, quote = false, obj = false;  // frames
  bool zero_that = false;  // takes a bare clause: "said the deal ..."
  bool question = false;   // takes "whether", "if", "how" ...: "asked whether the minister would resign"
  bool belief = false;     // think, believe, fear, hope ...: no parenthetical before its clause ("I think by the ...")
};

// fraction: a denominator word (half, thirds, quarter); reldate: a word that starts a relative date
// (last, next, this, past, coming, recent, mid; yesterday, today, tomorrow, tonight)
enum class NumType : uint8_t { none, cardinal, ordinal, scale, month, weekday, timeword, fraction, reldate };
struct NumWord { NumType type = NumType::none; double value = 0; };

struct Qualifier { bool approx = false; int8_t bound = 0; /* -1 max, +1 min */ };

enum class UnitKind : uint8_t { none, measure, duration, currency, percent };
struct Unit { UnitKind kind = UnitKind::none; uint32_t name = 0; /* strings index */ };

enum class HeadKind : uint8_t { none, org_first, org_last, org_suffix, place_last, place_numbered, not_actor, not_actor_first };

// What the single-token tables say about one word, as bits (see Lexicon::lexeme). Each document
// computes them once per distinct word (attach_lexemes), and the passes read a token's bits
// instead of asking the tables again and again: spaCy's lexeme attributes.
enum LexBit : uint32_t {
  LX_FUNCTION = 0xFF,                   // Lexicon::function_class()
  LX_ORG_HEAD = 7u << 8,                // org_words' HeadKind
  LX_PLACE_HEAD = 7u << 11,             // place_words' HeadKind
  LX_TITLE = 1u << 14,                  // title_words (lower case)
  LX_GIVEN = 1u << 15,                  // given_names
  LX_SURNAME = 1u << 16,                // surnames
  LX_HONORIFIC = 1u << 17,              // honorifics
  LX_STOP_CAP = 1u << 18,               // stop_caps
  LX_NUMBER = 1u << 19,                 // numbers (lower case)
  LX_CALENDAR = 1u << 20,               // calendar
  LX_CUE_FIRST = 1u << 21,              // cue_first (lower case)
  LX_CURRENCY_PREFIX = 1u << 22,        // currency_prefix
  LX_GAZ = 1u << 23,                    // a one-token gazetteer phrase
  LX_GAZ_START = 1u << 24,              // a gazetteer phrase, or the start of a longer one
  LX_AMBIGUOUS_GIVEN = 1u << 25,        // ambiguous_given
  LX_DEMONYM = 1u << 26,                // a one-token demonym
  LX_DEMONYM_START = 1u << 27,          // a demonym, or the start of a longer one
  LX_NOT_NOUN = 1u << 28,               // not_nouns (lower case)
  LX_ORG_NOUN = 1u << 29,               // org_nouns (lower case)
  LX_GAZ_PREFIX = 1u << 30,             // the start of a longer gazetteer phrase (bit 31 is free)
};

class Lexicon {
 public:
  Lexicon();  // from the packed lexicons compiled in (tools/pack_lexicon.py)
  // From file(name) for each "lexicon/..." name: the packed forms (packed), or the text of
  // assets/lexicon's sources (a test checks both give the same tables).
  Lexicon(const std::function<std::string_view(std::string_view)>& file, bool packed);
  // The tables ready to use, as bytes (tools/lexicon_image.cpp writes them at build time for the
  // native `lede`: no parsing and hashing at start), and back; null for bytes this build did not write.
  std::string image() const;
  static std::unique_ptr<Lexicon> from_image(std::string_view bytes);

  std::vector<std::string> strings;  // entity names, unit names, currency codes...
  const std::string& str(uint32_t i) const { return strings[i]; }

  // Phrase tables: key = hash_combine chain over the tokens of the phrase (case-sensitive token hashes).
  FlatMap<uint32_t> gaz;          // -> index into gaz_entries
  FlatSet gaz_prefix;             // chain hashes of every proper prefix of a gazetteer phrase
  std::vector<GazEntry> gaz_entries;
  int gaz_max_tokens = 1;
  FlatMap<uint32_t> demonyms;     // phrase (case-sensitive) -> country entity
  int demonym_max_tokens = 1;
  FlatSet demonym_prefix;         // chain hashes of every proper prefix of a demonym phrase
  FlatMap<uint32_t> capital_of;   // entity string hash -> country entity
  FlatMap<uint32_t> team_of_city; // phrase hash of a city ("Boston") -> its only listed team ("Boston Celtics"), kNoTeam if several
  FlatMap<uint64_t> team_city;    // hash_bytes(team entity) -> phrase hash of its city
  FlatSet org_nouns;              // lower-case nouns that describe an organization ("broadcaster")
  FlatSet name_possessors;        // case-sensitive: "Children" in "Children's Hospital"
  FlatSet not_nouns;              // lower case: verbs and adverbs that are never nouns ("remain", "met", "overnight")
  FlatSet of_heads;               // case-sensitive org words that begin a name before "of" ("Department of Health")
  static constexpr uint32_t kNoTeam = UINT32_MAX;

  // Single-token tables keyed by lower-case token hash unless noted.
  FlatSet title_words;   // words that occur in titles/roles (lower case)
  FlatSet title_heads;   // the last word of each title/role phrase (lower case): "minister", not "foreign"
  FlatSet honorifics;    // case-sensitive
  FlatSet stop_caps;     // case-sensitive capitalised words that are not names
  FlatMap<uint8_t> function_words;  // lower case -> class bits
  FlatMap<HeadKind> org_words;      // case-sensitive
  FlatMap<HeadKind> place_words;    // case-sensitive
  FlatSet given_names;   // case-sensitive
  FlatSet ambiguous_given;  // case-sensitive
  FlatSet surnames;      // case-sensitive
  FlatSet female_given, male_given;  // case-sensitive: the gender of a he / she speaker's antecedent

  FlatMap<Cue> cues;     // lower-case phrase hash (1-2 tokens)
  FlatSet cue_first;     // lower-case hash of the first word of every cue
  FlatMap<NumWord> numbers;   // lower-case
  FlatMap<NumWord> calendar;  // case-sensitive (months, weekdays)
  FlatMap<Qualifier> qualifiers;  // lower-case phrase
  int qualifier_max_tokens = 1;
  FlatMap<Unit> units;        // case-sensitive phrase after a number
  int unit_max_tokens = 1;
  FlatMap<uint32_t> currency_prefix;  // case-sensitive token -> code string
  FlatMap<uint32_t> currency_suffix;  // lower-case word -> code string
  FlatMap<double> currency_subunit;   // lower-case word -> its value in the code's unit ("cents" -> 0.01)

  enum FunctionClass : uint8_t { fw_det = 1, fw_pron = 2, fw_prep = 4, fw_conj = 8, fw_aux = 16, fw_adv = 32, fw_other = 64, fw_sent_initial = 128 };
  uint8_t function_class(uint64_t lower_hash) const {
    auto it = function_words.find(lower_hash);
    return it == function_words.end() ? 0 : it->second;
  }

  uint32_t intern(std::string_view s);
  // The LexBit bits of the token with case-sensitive hash hs and lower-case hash hl: three lookups
  // in tables that merge the single-token ones, instead of one per table.
  uint32_t lexeme(uint64_t hs, uint64_t hl) const {
    uint32_t b = 0;
    if (auto x = lexeme_cs_.find(hs)) b |= x->second;
    if (auto x = lexeme_lc_.find(hl)) b |= x->second;
    if (auto x = lexeme_first_.find(hash_combine(hash_seed(), hs))) b |= x->second;
    return b;
  }

 private:
  FlatMap<uint32_t> lexeme_cs_;     // case-sensitive token hash -> bits
  FlatMap<uint32_t> lexeme_lc_;     // lower-case token hash -> bits
  FlatMap<uint32_t> lexeme_first_;  // one-token phrase hash -> gazetteer and demonym bits
  void build_lexemes();             // from the tables above, once they are loaded
  struct Unloaded {};
  explicit Lexicon(Unloaded) {}
  template <class Self, class F>
  static void parts(Self& l, F&& f);  // f(member) for every member the image holds (lexicon.cpp)
  std::unordered_map<std::string, uint32_t> interned_;
};

// Splits a phrase from a lexicon file into tokens with the same tokenizer the analysis uses and
// returns its phrase hash (case-sensitive or lower-case token hashes) and its token count.
uint64_t phrase_hash(std::string_view phrase, bool lower, int* ntokens);

}  // namespace lede::analysis
