// Internal: the per-call working state shared by the actor, number and claim passes.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/lexicon.hpp"
#include "core/analysis/tokenizer.hpp"
#include "core/annotation.hpp"
#include "core/text.hpp"

namespace lede::analysis {

class Model;

struct Mention {
  uint32_t t0 = 0, t1 = 0;  // token range [t0, t1)
  ActorKind kind = ActorKind::place;
  std::string entity;
  std::string role;
  bool known = false;       // from the gazetteer
  bool capital = false;     // a capital that may stand for its government
  uint32_t government = 0;  // country entity (lexicon string) for capitals
  bool title_before = false;
  uint32_t bo = 0, eo = 0;  // byte span override (parts of a hyphenated word)
  uint32_t b = 0, e = 0;    // the byte span, for the output (actor_spans)
  // What linking reads of the mention's tokens, taken when it is found and its tokens are in the
  // cache: a pass over the mentions then reads 41,000 mentions, not 41,000 scattered tokens (5 MB).
  uint64_t first_hs = 0, last_hs = 0;  // the first and last tokens' hashes
  uint64_t chain = 0;                  // known places: hash_combine over the tokens' hashes (the gazetteer's key)
  uint64_t initials = 0;               // known names and organizations: hash_bytes of the capitalised
                                       // words' first bytes ("RSF"); 0 for fewer than two
  uint32_t first_lx = 0;               // the first token's lexeme bits
  HeadKind first_head = HeadKind::none;  // ActorPass::head() and org_first() of the first token
  bool first_org_first = false;
  uint16_t first_flags = 0;
  bool sports = false;                 // known places: a result verb right before or after ("Boston beat Chicago")
  bool place_too = false;              // a known organization named like a place (GazEntry::place_too)
};

struct RawAnn {  // a claim or a number (actors are output from their mentions)
  int label = 0;  // 1 claim, 2 number
  uint32_t b = 0, e = 0;  // bytes
  Attrs attrs;  // moved into the Annotation at the end
};

// The number and claim records, each filled in place where it stays: chunks of 256 that are never
// moved. A vector reserved for the most records there could be (a number per 32 tokens, a claim
// per cue word and per pair of quotation marks) held 2.7 times the records found: 40 MB more Wasm
// heap at 10 MB of text. A vector grown as needed would move every record (some ten strings) at
// each step, and hold the old and the new array at once while it does. A chunk's slots are raw
// memory until a record is made in one: a 4 KB article has about 30 records, and making and
// destroying all 256 of its first chunk was 7% of `lede analyze --jsonl`'s instructions.
class Records {
 public:
  Records() = default;
  Records(const Records&) = delete;
  Records& operator=(const Records&) = delete;
  ~Records() {
    for (size_t i = 0; i < n_; ++i) (*this)[i].~RawAnn();
  }
  RawAnn& emplace_back() {
    if (n_ == chunks_.size() * kChunk) chunks_.emplace_back(new Slot[kChunk]);  // not value-initialised
    RawAnn* r = new (&chunks_[n_ / kChunk][n_ % kChunk]) RawAnn();
    ++n_;
    return *r;
  }
  size_t size() const { return n_; }
  RawAnn& back() { return (*this)[n_ - 1]; }
  RawAnn& operator[](size_t i) { return *std::launder(reinterpret_cast<RawAnn*>(&chunks_[i / kChunk][i % kChunk])); }
  const RawAnn& operator[](size_t i) const {
    return *std::launder(reinterpret_cast<const RawAnn*>(&chunks_[i / kChunk][i % kChunk]));
  }

 private:
  static constexpr size_t kChunk = 256;
  struct Slot {
    alignas(RawAnn) unsigned char bytes[sizeof(RawAnn)];
  };
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  size_t n_ = 0;
};

// Byte offset -> code point offset in O(1), counted as TextIndex counts them (an invalid byte is one
// code point; a byte inside a sequence maps to the code point it belongs to). Per 64-byte block:
// the code points that start before it, and a bit mask of the bytes that start one.
struct CpIndex {
  std::vector<uint32_t> base;
  std::vector<uint64_t> starts;
  uint32_t bytes = 0, count = 0;
  bool valid = true;  // the text is valid UTF-8
  explicit CpIndex(std::string_view s);
  uint32_t to_cp(uint32_t byte) const {
    if (byte >= bytes) return count;
    uint64_t upto = starts[byte >> 6] & ((2ull << (byte & 63)) - 1);  // starts at or before byte
    return base[byte >> 6] + static_cast<uint32_t>(popcount64(upto)) - 1;
  }
  static int popcount64(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(x);
#else
    int n = 0;
    for (; x; x &= x - 1) ++n;
    return n;
#endif
  }
};

// What one thread keeps from one document to the next (Analyzer::Workspace): caches of what
// depends only on a word and the Analyzer's tables, which a short article would otherwise fill
// again from empty (over 4 KB news articles: 31% of the analysis's time, against 8% in one long text).
struct Scratch {
  struct Memo {  // attach_lexemes: the last word seen in this slot
    uint64_t hs = 0;
    uint32_t lx = 0;   // its LexBit bits
    uint32_t doc = 0;  // the document that last saw it (0: an empty slot)
  };
  static constexpr size_t kMemoSlots = 65536;  // 1 MB, as attach_lexemes sizes its own for long texts
  static constexpr size_t kMaxModelParts = 1 << 17;  // a larger cache is dropped after its document
  std::vector<Memo> memo;
  uint32_t doc = 0;  // the current document's number
  FlatMap<std::array<int32_t, 4>> model_parts;  // Doc::model_parts, kept between documents
  std::vector<uint64_t> cap_bits;  // Doc::cap_bits, all zero between documents (32 KB not cleared whole for each)
};

struct Doc {
  std::string_view text;
  std::string_view reference_date;  // the article's publication date (ISO 8601) when known: relative dates resolve against it
  const Lexicon& lex;
  const Model* model = nullptr;
  CpIndex index;
  std::vector<Token> toks;
  std::vector<uint32_t> lx;             // LexBit bits of each token (attach_lexemes)
  // For "is this capitalised word written in lower case elsewhere?" (attach_lexemes fills both, once
  // per distinct word rather than per token): the lower-case hashes of the words written in lower
  // case, and a bitmap of those of capitalised words that are not function words.
  std::vector<uint64_t> lower_hashes;
  std::vector<uint64_t> cap_bits;
  std::vector<uint32_t> cap_words;  // the words of cap_bits set, each once
  void mark_capitalised(uint64_t hl) {
    uint64_t& w = cap_bits[(hl >> 6) & (kCapWords - 1)];
    if (!w) cap_words.push_back(static_cast<uint32_t>((hl >> 6) & (kCapWords - 1)));
    w |= 1ull << (hl & 63);
  }
  bool maybe_capitalised(uint64_t hl) const { return cap_bits[(hl >> 6) & (kCapWords - 1)] >> (hl & 63) & 1; }
  std::vector<uint32_t> cue_tokens;  // the tokens whose lexeme has LX_CUE_FIRST, in order (attach_lexemes)
  std::vector<uint32_t> quote_marks;  // the tokens " “ ”, in order (split_sentences)
  std::vector<uint32_t> para_starts;  // the tokens after a line break, in order (split_sentences)
  static constexpr uint64_t kCapWords = 4096;  // 262,144 bits
  std::vector<uint32_t> sent;           // sentence number of each token
  std::vector<uint32_t> sent_begin;     // first token of each sentence (plus a sentinel)
  std::vector<Mention> mentions;        // sorted by t0
  std::vector<int32_t> mention_at;      // token -> mention index, -1 if none
  Records out;
  // The weight sums per token part of `model` (see Model::score), filled as candidates are scored;
  // a Doc is scored by one model only.
  mutable FlatMap<std::array<int32_t, 4>> model_parts;
  Scratch* scratch = nullptr;  // when set, caches kept between documents (one model, one lexicon)
  // Training: when set, every candidate the statistical model would classify is recorded here.
  std::vector<std::pair<uint32_t, uint32_t>>* candidates = nullptr;

  Doc(std::string_view t, const Lexicon& l) : text(t), lex(l), index(t) {}

  size_t n() const { return toks.size(); }
  std::string_view tok(size_t i) const { return text.substr(toks[i].b, toks[i].e - toks[i].b); }
  bool word(size_t i) const { return i < toks.size() && toks[i].type == T_WORD; }
  bool cap(size_t i) const { return word(i) && (toks[i].flags & F_CAP) && !(toks[i].flags & F_POSS); }
  bool punct(size_t i, uint32_t cp) const { return i < toks.size() && toks[i].type == T_PUNCT && toks[i].cp == cp; }
  bool is(size_t i, uint64_t lower_hash) const { return i < toks.size() && toks[i].hl == lower_hash; }
  bool poss(size_t i) const { return i < toks.size() && (toks[i].flags & F_POSS); }
  bool adjacent(size_t i) const { return i < toks.size() && !(toks[i].flags & F_SPACE); }  // no space before token i
  std::string_view span(size_t t0, size_t t1) const {  // text of tokens [t0, t1)
    if (t1 <= t0) return {};
    return text.substr(toks[t0].b, toks[t1 - 1].e - toks[t0].b);
  }
  uint32_t cp(uint32_t byte) const { return index.to_cp(byte); }
  // The first token that ends after byte b (n() if none), searched outwards from a token near it,
  // then by halves: the answer is a few tokens from `near` where the passes ask, and a binary
  // search over all the tokens missed the cache at nearly every step once they outgrow it.
  size_t tok_at(uint32_t b, size_t near) const {
    const size_t n = toks.size();
    auto before = [&](size_t k) { return toks[k].e <= b; };  // true, then false, along the tokens
    size_t lo = 0, hi = std::min(near, n), step = 1;  // the answer is in [lo, hi]
    if (hi < n && before(hi)) {
      lo = hi + 1;
      while (lo + step - 1 < n && before(lo + step - 1)) { lo += step; step *= 2; }
      hi = std::min(n, lo + step - 1);
    } else {
      while (hi >= step && !before(hi - step)) { hi -= step; step *= 2; }
      lo = hi >= step ? hi - step + 1 : 0;
    }
    return static_cast<size_t>(std::partition_point(toks.begin() + lo, toks.begin() + hi, [b](const Token& t) { return t.e <= b; }) -
                               toks.begin());
  }
  bool lx_has(size_t i, uint32_t bit) const { return (lx[i] & bit) != 0; }  // token i's lexeme has the bit
  uint8_t fclass(size_t i) const { return static_cast<uint8_t>(lx[i] & LX_FUNCTION); }
  HeadKind org_head(size_t i) const { return static_cast<HeadKind>((lx[i] & LX_ORG_HEAD) >> 8); }
  HeadKind place_head(size_t i) const { return static_cast<HeadKind>((lx[i] & LX_PLACE_HEAD) >> 11); }
  // A byte span as a claim's speaker or cue, with its entity when it is an actor.
  SpanAttr span_attr(uint32_t b, uint32_t e, const std::string* entity = nullptr) const {
    SpanAttr s;
    s.state = SpanAttr::State::set;
    s.start = cp(b);
    s.end = cp(e);
    s.text.assign(text.substr(b, e - b));
    if (entity) s.entity = *entity;
    return s;
  }
};

// Frequently compared lower-case word hashes.
struct Words {
  uint64_t of, the, a, an, and_, or_, to, for_, in, on, at, from, near, by, with, that, as, between, both, nearby, de, del,
      van, von, der, al, bin, ibn, la, le, da, dos, who, which, said, says, says_, saying, according, is, was, were, are, it,
      he, she, they, its, his, her, their, there, this_, these, those, into, across, outside, over, around, inside, of_the, per,
      cent, percent, pm, am, pm2, am2, st, nd, rd, th, some, whose, reporters, not_, also, has, have, had, but, than, more,
      just, being, quoted, aged, ten, ter, du, di, della, v, minus, negative;
  FlatSet abbrev;  // case-sensitive hashes of abbreviations a period does not end ("Mr", "Jan", "e.g")
  Words();
};
const Words& words();

void attach_lexemes(Doc& d);  // fills d.lx (split_sentences calls it first)
void split_sentences(Doc& d);
void find_actors(Doc& d);
void find_numbers(Doc& d);
void find_claims(Doc& d);
void actor_spans(Doc& d);  // fills each mention's byte span (b, e) while the tokens are there

}  // namespace lede::analysis
