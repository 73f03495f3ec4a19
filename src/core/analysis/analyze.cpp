#include "core/analysis/analyze.hpp"

#include "core/kinds.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/analysis/doc.hpp"
#include "core/analysis/lexicon.hpp"
#include "core/analysis/model.hpp"

namespace lede {
namespace analysis {

Words::Words() {
  auto h = [](const char* s) { return hash_lower(s); };
  of = h("of"); the = h("the"); a = h("a"); an = h("an"); and_ = h("and"); or_ = h("or"); to = h("to"); for_ = h("for");
  in = h("in"); on = h("on"); at = h("at"); from = h("from"); near = h("near"); by = h("by"); with = h("with"); that = h("that");
  as = h("as"); between = h("between"); both = h("both"); nearby = h("nearby"); de = h("de"); del = h("del"); van = h("van");
  von = h("von"); der = h("der"); al = h("al"); bin = h("bin"); ibn = h("ibn"); la = h("la"); le = h("le"); da = h("da");
  dos = h("dos"); who = h("who"); which = h("which"); said = h("said"); says = h("says"); says_ = h("say"); saying = h("saying");
  according = h("according"); is = h("is"); was = h("was"); were = h("were"); are = h("are"); it = h("it"); he = h("he");
  she = h("she"); they = h("they"); its = h("its"); his = h("his"); her = h("her"); their = h("their"); there = h("there");
  this_ = h("this"); these = h("these"); those = h("those"); into = h("into"); across = h("across"); outside = h("outside");
  over = h("over"); around = h("around"); inside = h("inside"); of_the = h("of the"); per = h("per"); cent = h("cent");
  percent = h("percent"); pm = h("p.m."); am = h("a.m."); pm2 = h("pm"); am2 = h("am"); st = h("st"); nd = h("nd"); rd = h("rd");
  th = h("th"); some = h("some"); whose = h("whose"); reporters = h("reporters"); not_ = h("not"); also = h("also");
  has = h("has"); have = h("have"); had = h("had"); but = h("but"); than = h("than"); more = h("more"); just = h("just");
  being = h("being"); quoted = h("quoted"); aged = h("aged"); ten = h("ten"); ter = h("ter"); du = h("du"); di = h("di");
  della = h("della"); v = h("v"); minus = h("minus"); negative = h("negative");
  for (const char* a : {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof", "Inc",
                        "Corp", "Ltd", "Co", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                        "Dec", "Mt", "Ft", "approx", "e.g", "i.e", "etc"})
    abbrev.insert(hash_bytes(a));
}

const Words& words() {
  static const Words w;
  return w;
}

CpIndex::CpIndex(std::string_view s) : bytes(static_cast<uint32_t>(s.size())) {
  size_t n = s.size(), blocks = (n + 63) / 64;
  starts.assign(blocks, 0);
  base.assign(blocks, 0);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  uint32_t cp;
  for (size_t i = 0; i < n;) {
    if ((i & 63) == 0 && i + 64 <= n) {  // a whole block of ASCII, the common case in English text
      uint64_t any = 0;
      for (size_t k = 0; k < 64; k += 8) {
        uint64_t w;
        std::memcpy(&w, p + i + k, 8);
        any |= w;
      }
      if (!(any & 0x8080808080808080ull)) { starts[i >> 6] = ~0ull; i += 64; continue; }
    }
    if ((i & 7) == 0 && i + 8 <= n) {  // eight ASCII bytes at once
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (!(w & 0x8080808080808080ull)) { starts[i >> 6] |= 0xFFull << (i & 63); i += 8; continue; }
    }
    starts[i >> 6] |= 1ull << (i & 63);
    if (p[i] < 0x80) { ++i; continue; }
    int len = utf8_decode(s, i, &cp);
    if (cp == 0xFFFD && len == 1) valid = false;  // as utf8_valid() decides
    i += len;
  }
  uint32_t total = 0;
  for (size_t b = 0; b < blocks; ++b) { base[b] = total; total += static_cast<uint32_t>(popcount64(starts[b])); }
  count = total;
}

namespace {

// The punctuation the sentence splitter acts on: quotation marks it lists for the claim pass, and
// the marks that may end a sentence.
bool is_quote_mark(uint32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x201D; }
bool may_end_sentence(uint32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

bool is_abbrev_before_period(const Doc& d, size_t i) {
  // token i is the word before a '.'
  if (!d.word(i)) return false;
  std::string_view w = d.tok(i);
  if (d.toks[i].flags & F_DOT) return true;
  if (w.size() == 1 && (d.toks[i].flags & F_CAP)) return true;  // initials: S. Venkataraman
  return words().abbrev.count(d.toks[i].hs) > 0;
}

}  // namespace

void attach_lexemes(Doc& d) {
  // A few thousand words make up most of any text: a direct-mapped memo of the last word seen
  // per slot answers most tokens without the tables. 65,536 slots (1 MB) measured fastest on the
  // 5 MB benchmark: 8,192 missed one token in seven. With a Scratch the memo outlives the
  // document (its slots say which document last saw their word); else it is made for this one.
  size_t n = d.n(), slots = 64;
  Scratch local;
  Scratch& s = d.scratch ? *d.scratch : local;
  if (!d.scratch) {
    while (slots < n && slots < Scratch::kMemoSlots) slots *= 2;
    s.memo.assign(slots, Scratch::Memo());
  } else if (s.memo.empty() || s.doc == UINT32_MAX) {
    s.memo.assign(Scratch::kMemoSlots, Scratch::Memo());
    s.doc = 0;
  }
  const uint32_t doc = ++s.doc;
  const int shift = 64 - __builtin_ctzll(s.memo.size());
  d.lx.resize(n);
  d.lower_hashes.clear();
  d.cue_tokens.clear();
  if (d.scratch && d.scratch->cap_bits.size() == Doc::kCapWords) d.cap_bits = std::move(d.scratch->cap_bits);
  else d.cap_bits.assign(Doc::kCapWords, 0);
  d.cap_words.clear();
  // The arrays in locals: the loop appends to other vectors, and the compiler cannot tell that
  // those stores leave these pointers alone, so it reloaded each of them for every token.
  const Token* toks = d.toks.data();
  uint32_t* lxs = d.lx.data();
  Scratch::Memo* memo = s.memo.data();
  auto slot = [memo, shift](uint64_t hs) { return &memo[(hs * 0x9E3779B97F4A7C15ull) >> shift]; };
  constexpr size_t kAhead = 16;  // the memo slots of later tokens are loaded while this one is looked up
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (i + kAhead < n) __builtin_prefetch(slot(toks[i + kAhead].hs));
    Scratch::Memo& m = *slot(t.hs);
    if (m.hs != t.hs || !m.doc) {
      uint32_t lx = d.lex.lexeme(t.hs, t.hl);
      // "FEDERAL NATIONAL MORTGAGE ASSOCIATION": an all-capital word is a name's head word as its
      // title-case form is
      if ((t.flags & F_ALLCAPS) && t.type == T_WORD && t.e - t.b >= 4 && t.e - t.b <= 24 && !(lx & (LX_ORG_HEAD | LX_PLACE_HEAD))) {
        char w[24];
        for (uint32_t k = 0; k < t.e - t.b; ++k) {
          char c = d.text[t.b + k];
          w[k] = k > 0 && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        }
        lx |= d.lex.lexeme(hash_bytes(std::string_view(w, t.e - t.b)), t.hl) & (LX_ORG_HEAD | LX_PLACE_HEAD);
      }
      m = {t.hs, lx, 0};
    }
    if (m.doc != doc) {
      // the word's first time in this document: the same text seen again adds nothing to the two sets
      m.doc = doc;
      if (t.type == T_WORD) {
        if (!(t.flags & F_CAP)) d.lower_hashes.push_back(t.hl);
        else if (!(m.lx & LX_FUNCTION)) d.mark_capitalised(t.hl);
      }
    }
    lxs[i] = m.lx;
    if (m.lx & LX_CUE_FIRST) d.cue_tokens.push_back(static_cast<uint32_t>(i));
  }
}

void split_sentences(Doc& d) {
  attach_lexemes(d);
  size_t n = d.n();
  d.sent.assign(n, 0);
  d.sent_begin.clear();
  d.quote_marks.clear();
  d.para_starts.clear();
  uint32_t s = 0;
  bool start = true;
  // Most tokens only take the sentence number: words without a line break or an abbreviation
  // period before or in them, and punctuation that neither ends a sentence nor quotes. A tight
  // loop over those is twice as fast as the full test below on every token.
  auto plain = [](const Token& t) {
    if (t.flags & (F_NEWLINE | F_DOT)) return false;
    if (t.type != T_PUNCT) return true;
    return !is_quote_mark(t.cp) && !may_end_sentence(t.cp);
  };
  for (size_t i = 0; i < n; ++i) {
    if (!start) {
      while (i < n && plain(d.toks[i])) d.sent[i++] = s;
      if (i == n) break;
    }
    Token& t = d.toks[i];
    if (t.flags & F_NEWLINE) {
      d.para_starts.push_back(static_cast<uint32_t>(i));
      if (i > 0) start = true;
    }
    if (t.type == T_PUNCT && is_quote_mark(t.cp)) d.quote_marks.push_back(static_cast<uint32_t>(i));
    if (start) {
      if (!d.sent_begin.empty() || i > 0) ++s;
      if (d.sent_begin.empty()) s = 0;
      d.sent_begin.push_back(static_cast<uint32_t>(i));
      s = static_cast<uint32_t>(d.sent_begin.size() - 1);
      t.flags |= F_SENT;
      start = false;
    }
    d.sent[i] = s;
    if (t.type == T_PUNCT && may_end_sentence(t.cp)) {
      if (t.cp == '.' && i > 0 && d.adjacent(i) && is_abbrev_before_period(d, i - 1)) {
        // "Jan. 2", "Mr. Smith": not an end unless a new paragraph follows
        continue;
      }
      // closing quotes and brackets stay with this sentence
      size_t j = i + 1;
      while (j < n && d.toks[j].type == T_PUNCT && !(d.toks[j].flags & F_SPACE) &&
             (d.toks[j].cp == '"' || d.toks[j].cp == 0x201D || d.toks[j].cp == 0x2019 || d.toks[j].cp == ')')) {
        d.sent[j] = s;
        ++j;
      }
      if (j < n && (d.toks[j].flags & F_SPACE)) {
        const Token& nx = d.toks[j];
        bool next_starts = (nx.flags & F_CAP) || nx.type == T_NUM || nx.type == T_PUNCT;
        if (next_starts) {
          for (size_t k = i + 1; k < j; ++k) {  // the closing marks, which the loop now skips
            d.sent[k] = s;
            if (d.toks[k].cp == '"' || d.toks[k].cp == 0x201D) d.quote_marks.push_back(static_cast<uint32_t>(k));
          }
          i = j - 1;
          start = true;
        }
      }
    } else if (t.type == T_WORD && (t.flags & F_DOT) && i + 1 < n && (d.toks[i + 1].flags & F_SPACE) && d.toks[i + 1].type == T_WORD &&
               (d.toks[i + 1].flags & F_CAP)) {
      // "in the U.S. The ..." : a sentence-initial function word after an abbreviation
      if (d.lx_has(i + 1, LX_STOP_CAP) && (d.fclass(i + 1) & (Lexicon::fw_det | Lexicon::fw_pron)))
        start = true;
    }
  }
  d.sent_begin.push_back(static_cast<uint32_t>(n));
}

namespace {

void sanitize(std::string& s) {
  if (!utf8_valid(s)) s = utf8_sanitize(s);
}

void sanitize(json& j) {
  if (j.is_string()) {
    sanitize(j.get_ref<std::string&>());
  } else if (j.is_object() || j.is_array()) {
    for (auto& v : j) sanitize(v);
  }
}

void sanitize(Attrs& a) {
  for (std::string* s : {&a.kind, &a.entity, &a.role, &a.counted, &a.currency, &a.unit, &a.bound, &a.speaker.text,
                         &a.speaker.entity, &a.cue.text, &a.cue.entity})
    sanitize(*s);
  sanitize(a.value);
  sanitize(a.extra);
}

}  // namespace
}  // namespace analysis

Analyzer::Analyzer() : lex_(std::make_unique<analysis::Lexicon>()), model_(std::make_unique<analysis::Model>(analysis::Model::embedded())) {}
Analyzer::Analyzer(std::unique_ptr<analysis::Lexicon> lex, analysis::Model model)
    : lex_(std::move(lex)), model_(std::make_unique<analysis::Model>(std::move(model))) {}
Analyzer::~Analyzer() = default;
void Analyzer::set_model(analysis::Model m) { *model_ = std::move(m); }

namespace analysis {
namespace {

// Where run() puts the annotations: straight into analyze()'s vector (each built in its slot:
// moving a finished Annotation, some twenty strings, cost as much as building it), or one reused
// Annotation handed to a callback.
struct IntoVector {
  std::vector<Annotation>& v;
  static constexpr bool kFresh = true;  // slot() is a default Annotation
  void at_most(size_t n) { v.reserve(n); }
  Annotation& slot() { return v.emplace_back(); }
  void done(Annotation&) {}
};
struct ToCallback {
  const std::function<void(Annotation&)>& emit;
  Annotation a;
  static constexpr bool kFresh = false;  // slot() holds what the callback left of the last one
  void at_most(size_t) {}
  Annotation& slot() { return a; }
  void done(Annotation& x) { emit(x); }
};

// The analysis, its annotations put into out one by one; first out.at_most(n) says how many there
// can be at most.
template <class Out>
void run(const Lexicon& lex, const Model& model, std::string_view utf8, std::string_view reference_date, Out& out,
         PassTimes* times, Scratch* scratch = nullptr) {
  if (utf8.empty()) return;
  using Clock = std::chrono::steady_clock;
  Clock::time_point t0 = times ? Clock::now() : Clock::time_point();
  auto lap = [&](double PassTimes::*slot) {
    if (!times) return;
    Clock::time_point t1 = Clock::now();
    times->*slot += std::chrono::duration<double>(t1 - t0).count();
    t0 = t1;
  };
  Doc d(utf8, lex);
  d.model = &model;
  d.reference_date = reference_date;
  if (scratch) {
    d.scratch = scratch;
    d.model_parts = std::move(scratch->model_parts);
  }
  lap(&PassTimes::index);
  tokenize(utf8, d.toks);
  lap(&PassTimes::tokenize);
  split_sentences(d);
  lap(&PassTimes::sentences);
  find_actors(d);
  lap(&PassTimes::actors);
  find_numbers(d);
  lap(&PassTimes::numbers);
  find_claims(d);
  lap(&PassTimes::claims);
  actor_spans(d);
  lap(&PassTimes::actor_output);
  // the working state is no longer needed: release it before the output is built (peak memory)
  std::vector<Token>().swap(d.toks);
  std::vector<uint32_t>().swap(d.sent);
  std::vector<uint32_t>().swap(d.lx);
  if (scratch && d.model_parts.size() <= Scratch::kMaxModelParts) scratch->model_parts = std::move(d.model_parts);
  if (scratch && d.cap_bits.size() == Doc::kCapWords) {
    for (uint32_t w : d.cap_words) d.cap_bits[w] = 0;
    scratch->cap_bits = std::move(d.cap_bits);
  }
  d.model_parts = {};
  std::vector<int32_t>().swap(d.mention_at);

  // The passes number their labels in the order of the kinds table (actor, claim, number).
  static const std::string kLabels[] = {std::string(kKinds[0].label), std::string(kKinds[1].label), std::string(kKinds[2].label)};
  static_assert(kKindCount == 3 && int(KindId::actor) == 0 && int(KindId::claim) == 1 && int(KindId::number) == 2);
  // byte order equals code-point order; ties: end, then label name (actor < claim < number), then
  // the order the passes found them (the first of equal spans is kept)
  struct Key {
    uint64_t span;  // start << 32 | end
    uint32_t label, index;
    bool operator<(const Key& o) const { return span != o.span ? span < o.span : label != o.label ? label < o.label : index < o.index; }
  };
  // Each pass finds its annotations nearly in text order: sort each label's keys on their own
  // (most often only checked), then merge the three, instead of sorting everything together.
  std::vector<Key> by_label[3];
  by_label[0].reserve(d.mentions.size());
  for (size_t i = 0; i < d.mentions.size(); ++i)  // the actors straight from their mentions
    by_label[0].push_back({static_cast<uint64_t>(d.mentions[i].b) << 32 | d.mentions[i].e, 0, static_cast<uint32_t>(i)});
  for (size_t i = 0; i < d.out.size(); ++i) {
    const RawAnn& r = d.out[i];
    by_label[r.label].push_back({static_cast<uint64_t>(r.b) << 32 | r.e, static_cast<uint32_t>(r.label), static_cast<uint32_t>(i)});
  }
  for (auto& keys : by_label)
    if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
  std::vector<Key> first_two(by_label[0].size() + by_label[1].size()), order(d.mentions.size() + d.out.size());
  std::merge(by_label[0].begin(), by_label[0].end(), by_label[1].begin(), by_label[1].end(), first_two.begin());
  std::merge(first_two.begin(), first_two.end(), by_label[2].begin(), by_label[2].end(), order.begin());
  out.at_most(order.size());
  size_t count = 0;
  const Key* prev = nullptr;
  char id[16];
  for (const Key& key : order) {
    if (static_cast<uint32_t>(key.span) <= static_cast<uint32_t>(key.span >> 32)) continue;  // empty
    if (prev && prev->span == key.span && prev->label == key.label) continue;
    prev = &key;
    ++count;
    Annotation& a = out.slot();
    {  // "s1", "s2", ...
      char* e = id + sizeof id;
      char* p = e;
      for (size_t v = count; v; v /= 10) *--p = static_cast<char>('0' + v % 10);
      *--p = 's';
      a.id.assign(p, static_cast<size_t>(e - p));
    }
    a.label = kLabels[key.label];
    a.origin = Origin::automatic;
    a.status = Status::suggested;
    a.start = d.cp(static_cast<uint32_t>(key.span >> 32));
    a.end = d.cp(static_cast<uint32_t>(key.span));
    if (key.label == 0) {
      Mention& m = d.mentions[key.index];
      if constexpr (!Out::kFresh) a.attrs = Attrs();
      a.attrs.entity = std::move(m.entity);
      a.attrs.kind = actor_kind_name(m.kind);
      a.attrs.role = std::move(m.role);
    } else {
      a.attrs = std::move(d.out[key.index].attrs);
    }
    // strings in attrs are lexicon strings (valid, see Lexicon::intern) or cut from the text at
    // code point boundaries: only an invalid text can give invalid ones
    if (!d.index.valid) sanitize(a.attrs);
    out.done(a);
  }
  lap(&PassTimes::output);
}

}  // namespace
}  // namespace analysis

std::vector<Annotation> Analyzer::analyze(std::string_view utf8, PassTimes* times, std::string_view reference_date) const {
  std::vector<Annotation> result;
  analysis::IntoVector out{result};
  analysis::run(*lex_, *model_, utf8, reference_date, out, times);
  return result;
}

void Analyzer::analyze_each(std::string_view utf8, const std::function<void(Annotation&)>& emit, PassTimes* times,
                            std::string_view reference_date) const {
  analysis::ToCallback out{emit, {}};
  analysis::run(*lex_, *model_, utf8, reference_date, out, times);
}

Analyzer::Workspace::Workspace() = default;
Analyzer::Workspace::~Workspace() = default;

void Analyzer::analyze_each(std::string_view utf8, Workspace& ws, const std::function<void(Annotation&)>& emit, PassTimes* times,
                            std::string_view reference_date) const {
  if (!ws.scratch_ || ws.owner_ != this) {  // its caches hold this Analyzer's tables' answers
    ws.scratch_ = std::make_unique<analysis::Scratch>();
    ws.owner_ = this;
  }
  analysis::ToCallback out{emit, {}};
  analysis::run(*lex_, *model_, utf8, reference_date, out, times, ws.scratch_.get());
}

}  // namespace lede
