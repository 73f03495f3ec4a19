// Claims: direct quotes with their attribution, indirect speech after reporting verbs, object
// verbs (denied X), accusations, "according to", "quoted Y as saying", participial cues.
#include <algorithm>
#include <functional>
#include <initializer_list>

#include "core/analysis/doc.hpp"

namespace lede::analysis {
namespace {

struct Speaker {
  bool present = false;
  uint32_t b = 0, e = 0;
  const std::string* entity = nullptr;  // a mention's entity (the mentions do not change in this pass)
};

struct ClaimPass {
  Doc& d;
  const Lexicon& L;
  const Words& W;
  std::vector<uint8_t> in_quote;  // token is inside a standalone quote claim
  size_t last_cue_end = SIZE_MAX;  // token after the cue of the last claim emitted
  std::vector<uint8_t> cue_used;
  Speaker last_sp;
  uint32_t last_claim_sent = UINT32_MAX;
  size_t nested_cue = SIZE_MAX;  // a cue inside the last claim's content that still gives its own claim
  uint64_t h_commit[19], h_warn[4];  // commissive(); "warned" and its forms
  uint64_t h_it, h_is, h_be, h_been, h_reportedly, h_later, h_earlier, h_previously, h_repeatedly, h_will, h_would, h_may,
      h_could, h_told, h_tell, h_tells, h_telling, h_calling, h_called, h_them, h_him, h_including, h_while, h_when, h_after,
      h_because, h_if, h_whether, h_how, h_what, h_why, h_however, h_spokesman, h_whose, h_although, h_though, h_whereas, h_where,
      h_unless, h_am;
  uint64_t h_belief_adj[10];  // belief_adj()

  explicit ClaimPass(Doc& doc) : d(doc), L(doc.lex), W(words()) {
    in_quote.assign(d.n(), 0);
    cue_used.assign(d.n(), 0);
    h_it = hash_lower("it"); h_is = hash_lower("is"); h_be = hash_lower("be"); h_been = hash_lower("been");
    h_reportedly = hash_lower("reportedly"); h_later = hash_lower("later"); h_earlier = hash_lower("earlier");
    h_previously = hash_lower("previously"); h_repeatedly = hash_lower("repeatedly"); h_will = hash_lower("will");
    h_would = hash_lower("would"); h_may = hash_lower("may"); h_could = hash_lower("could"); h_told = hash_lower("told");
    h_tell = hash_lower("tell"); h_tells = hash_lower("tells"); h_telling = hash_lower("telling"); h_calling = hash_lower("calling");
    h_called = hash_lower("called"); h_them = hash_lower("them"); h_him = hash_lower("him"); h_including = hash_lower("including");
    h_while = hash_lower("while"); h_when = hash_lower("when"); h_after = hash_lower("after"); h_because = hash_lower("because");
    h_if = hash_lower("if"); h_whether = hash_lower("whether"); h_how = hash_lower("how"); h_what = hash_lower("what");
    h_why = hash_lower("why"); h_however = hash_lower("however"); h_spokesman = hash_lower("spokesman"); h_whose = hash_lower("whose");
    h_although = hash_lower("although"); h_though = hash_lower("though"); h_whereas = hash_lower("whereas");
    h_where = hash_lower("where"); h_unless = hash_lower("unless"); h_am = hash_lower("am");
    const char* adj[] = {"concerned", "confident", "convinced", "worried", "sure", "certain", "hopeful", "optimistic", "adamant", "fearful"};
    for (size_t k = 0; k < 10; ++k) h_belief_adj[k] = hash_lower(adj[k]);
    const char* commit[] = {"vow", "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging", "promise", "promises",
                            "promised", "promising", "threaten", "threatens", "threatened", "threatening", "swore", "swears", "sworn"};
    for (size_t k = 0; k < 19; ++k) h_commit[k] = hash_lower(commit[k]);
    const char* warn[] = {"warned", "warning", "warns", "warn"};
    for (size_t k = 0; k < 4; ++k) h_warn[k] = hash_lower(warn[k]);
  }

  size_t sent_begin(size_t i) const { return d.sent_begin[d.sent[i]]; }
  size_t sent_end(size_t i) const { return d.sent_begin[d.sent[i] + 1]; }

  const Cue* cue_at(size_t i, int* len) const {
    *len = 0;
    if (!d.word(i) || (d.toks[i].flags & F_CAP && !(d.toks[i].flags & F_SENT))) return nullptr;
    if (!d.lx_has(i, LX_CUE_FIRST)) return nullptr;
    // two-word cues first ("according to", "point out")
    if (i + 1 < d.n() && d.is(i, W.according)) {
      auto it = L.cues.find(hash_combine(hash_combine(hash_seed(), d.toks[i].hl), d.toks[i + 1].hl));
      if (it != L.cues.end()) { *len = 2; return &it->second; }
    }
    auto it = L.cues.find(hash_combine(hash_seed(), d.toks[i].hl));
    if (it == L.cues.end()) return nullptr;
    if (i > 0 && (d.poss(i - 1) || d.is(i - 1, W.the) || d.is(i - 1, W.a) || d.is(i - 1, W.an) || d.is(i - 1, W.its) ||
                  d.is(i - 1, W.his) || d.is(i - 1, W.her) || d.is(i - 1, W.their) || d.is(i - 1, W.with) || d.is(i - 1, W.of) ||
                  d.is(i - 1, W.to) || d.is(i - 1, W.for_) || d.is(i - 1, W.these) || d.is(i - 1, W.those) || d.is(i - 1, W.this_) ||
                  d.is(i - 1, h_whose)))
      return nullptr;
    // "banning migrants from claiming asylum", "by suggesting": an -ing form after a preposition is no
    // report
    if (i > 0 && d.word(i - 1) && !d.cap(i - 1) && (d.fclass(i - 1) & Lexicon::fw_prep) && !d.is(i - 1, W.that) && ing(i)) return nullptr;
    if (i + 1 < d.n() && d.word(i + 1) && (d.fclass(i + 1) & Lexicon::fw_aux) && !d.is(i + 1, W.that)) return nullptr;
    if (i > 0 && d.cap(i - 1) && d.lx_has(i - 1, LX_DEMONYM)) return nullptr;
    *len = 1;
    return &it->second;
  }
  bool is_open_quote(size_t i) const {
    if (i >= d.n() || d.toks[i].type != T_PUNCT) return false;
    uint32_t c = d.toks[i].cp;
    if (c == 0x201C) return true;
    if (c != '"') return false;
    bool before_ok = i == 0 || (d.toks[i].flags & F_SPACE) || (d.toks[i - 1].type == T_PUNCT && d.toks[i - 1].cp != '.' && d.toks[i - 1].cp != ',');
    bool after_ok = i + 1 < d.n() && !(d.toks[i + 1].flags & F_SPACE);
    return before_ok && after_ok;
  }
  bool is_close_quote(size_t i) const {
    if (i >= d.n() || d.toks[i].type != T_PUNCT) return false;
    uint32_t c = d.toks[i].cp;
    if (c == 0x201D) return true;
    return c == '"' && !is_open_quote(i);
  }
  bool ing(size_t i) const {
    std::string_view w = d.tok(i);
    return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
  }
  // "is", "was", "were", "are", "been": the auxiliary of a passive cue ("was claimed", "is quoted")
  bool be_form(size_t i) const {
    return d.is(i, W.was) || d.is(i, h_is) || d.is(i, W.were) || d.is(i, W.are) || d.is(i, h_been);
  }
  // The first token of "has/have/had" right before i ("has been quoted"), or i.
  size_t before_perfect(size_t i, size_t sb) const {
    while (i > sb && (d.is(i - 1, W.has) || d.is(i - 1, W.have) || d.is(i - 1, W.had))) --i;
    return i;
  }

  bool verbish(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    if (d.fclass(i) & Lexicon::fw_aux) return true;
    int l;
    if (cue_at(i, &l)) return true;
    return false;
  }

  // "promised members of Congress that", "assured investors that": verbs with an addressee before the clause
  bool tell_like(size_t i) const {
    std::string_view w = d.tok(i);
    return w == "promised" || w == "promising" || w == "promise" || w == "promises" || w == "assured" || w == "assuring" ||
           w == "assure" || w == "assures" || w == "reminded" || w == "reminding" || w == "informed" || w == "informing" ||
           w == "convinced" || w == "persuaded";
  }
  // "vowed to fight", "threatened to resign", "pledged to cut": a promise or a threat states what its
  // speaker will do, so its to-infinitive is the content. Wants, plans and hopes are not speech (and
  // "urged X to", "told X to" are orders, not claims): they stay out.
  bool commissive(size_t i) const {
    for (uint64_t h : h_commit) if (d.is(i, h)) return true;
    return false;
  }
  // "concerned", "confident", "sure" ...: a belief adjective (extra-cues.tsv lists them as cues)
  bool belief_adj(size_t i) const {
    for (uint64_t h : h_belief_adj) if (d.is(i, h)) return true;
    return false;
  }
  // A bare verb after "to" ("to fight", "to be"), not a noun ("pledged to charity", "promised to
  // voters", "to the fund"): lower case, no article or pronoun, no plural or -ing ending.
  bool bare_verb(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    if ((d.fclass(i) & (Lexicon::fw_det | Lexicon::fw_pron | Lexicon::fw_prep | Lexicon::fw_conj)) && !(d.fclass(i) & Lexicon::fw_aux)) return false;
    std::string_view w = d.tok(i);
    auto ends = [&](std::string_view x) { return w.size() > x.size() + 1 && w.compare(w.size() - x.size(), x.size(), x) == 0; };
    if (ends("s") && !ends("ss") && !ends("us")) return false;
    if (ends("ing") || ends("ion") || ends("ity") || ends("ment") || ends("ness") || (ends("ed") && !ends("eed"))) return false;
    if (d.fclass(i) & Lexicon::fw_adv) return d.word(i + 1) && !d.cap(i + 1) && !(d.fclass(i + 1) & (Lexicon::fw_det | Lexicon::fw_prep));
    return true;
  }
  // "announced it would cut 500 jobs", "confirmed two soldiers had been killed": a bare clause after a
  // verb that also takes an object, told by a subject pronoun or by an auxiliary after a short noun
  // phrase (no preposition but "of", no verb, no comma before it)
  bool aux_clause(size_t x, size_t se) const {
    if (!d.word(x) && d.toks[x].type != T_NUM) return false;
    if (d.is(x, W.he) || d.is(x, W.she) || d.is(x, W.they) || d.tok(x) == "we" || d.tok(x) == "We" || d.tok(x) == "I") return true;
    for (size_t k = x; k < se && k < x + 7; ++k) {
      if (d.poss(k)) continue;
      if (d.toks[k].type == T_NUM) continue;
      if (!d.word(k)) return false;
      if (d.cap(k)) continue;
      const uint8_t fc = d.fclass(k);
      if (fc & Lexicon::fw_aux) return k > x;
      if (d.is(k, W.that) || d.is(k, W.who) || d.is(k, W.which) || (fc & Lexicon::fw_conj) || ((fc & Lexicon::fw_prep) && !d.is(k, W.of)))
        return false;
      std::string_view w = d.tok(k);
      if (w.size() > 4 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0)) return false;
    }
    return false;
  }
  // "..., said the spokesman for the ministry.": an inverted cue's speaker may be a description, a
  // noun phrase after an article with no verb in it ("..., said the meeting ended." is no inversion)
  bool described_after(size_t k, size_t e) const {
    if (!(d.is(k, W.the) || d.is(k, W.a) || d.is(k, W.an)) || e < k + 2) return false;
    for (size_t y = k + 1; y < e; ++y) {
      if (!d.word(y)) {
        if (d.poss(y) || d.punct(y, '-')) continue;
        return false;
      }
      if (d.cap(y)) continue;
      std::string_view w = d.tok(y);
      if (verbish(y) || ing(y) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !d.lx_has(y, LX_TITLE))) return false;
    }
    return true;
  }
  // [b, e) is a short noun phrase with no verb in it ("The plan", "Prices of new homes")
  bool subject_only(size_t b, size_t e) const {
    if (e <= b || e > b + 10) return false;
    for (size_t k = b; k < e; ++k) {
      if (!d.word(k)) {
        if (d.poss(k) || d.punct(k, '-') || d.toks[k].type == T_NUM) continue;
        return false;
      }
      if (d.cap(k)) continue;
      std::string_view w = d.tok(k);
      if (verbish(k) || d.is(k, W.that) || d.is(k, W.which) || d.is(k, W.who) || (d.fclass(k) & Lexicon::fw_conj) ||
          (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0))
        return false;
    }
    return true;
  }
  // a verb phrase goes on at k ("will cost", "rose"), not a clause or a relative ("which", "and", "the")
  bool predicate_start(size_t k) const {
    if (!d.word(k) || d.cap(k)) return false;
    const uint8_t fc = d.fclass(k);
    if (fc & Lexicon::fw_aux) return true;
    return !(fc & (Lexicon::fw_det | Lexicon::fw_pron | Lexicon::fw_prep | Lexicon::fw_conj | Lexicon::fw_adv)) && !d.is(k, W.that);
  }
  bool starts_pp(size_t k) const { return d.word(k) && !d.cap(k) && (d.fclass(k) & Lexicon::fw_prep); }
  // "the city expects about 6 million visitors", "estimated 300 deaths": a forecast's amount is its
  // object; a clause after it needs a verb ("expects 6 million visitors will come")
  bool amount_object(size_t c, size_t x, size_t se) const {
    std::string_view w = d.tok(c);
    if (!(w.substr(0, 6) == "expect" || w.substr(0, 7) == "predict" || w.substr(0, 7) == "estimat" || w.substr(0, 8) == "forecast"))
      return false;
    if (d.toks[x].type != T_NUM && !(d.word(x) && !d.cap(x) && !(d.fclass(x) & (Lexicon::fw_det | Lexicon::fw_pron)))) return false;
    for (size_t y = x; y < se && y < x + 10; ++y) {
      if (d.toks[y].type == T_PUNCT && !d.poss(y) && !d.punct(y, '.') && !d.punct(y, '%')) return true;
      if (!d.word(y) || d.cap(y)) continue;
      std::string_view v = d.tok(y);
      if ((d.fclass(y) & Lexicon::fw_aux) || (v.size() > 4 && v.compare(v.size() - 2, 2, "ed") == 0)) return false;
    }
    return true;
  }
  // "warned parents to keep children indoors", "cautioned investors to be patient": an object and a
  // to-infinitive, an order or advice, not a reported clause. A finite verb after the infinitive makes
  // it a clause again ("said the plan to cut taxes would fail").
  bool object_infinitive(size_t c, size_t x, size_t se) const {
    std::string_view w = d.tok(c);  // the verbs that take an object and an infinitive ("said X to" does not)
    if (!(w.substr(0, 4) == "warn" || w.substr(0, 7) == "caution" || w.substr(0, 6) == "remind" || w.substr(0, 5) == "advis")) return false;
    size_t k = x;
    while (k < se && k < x + 6 && d.word(k) && !d.is(k, W.to) && !(d.fclass(k) & Lexicon::fw_aux) && !d.is(k, W.that)) ++k;
    if (k == x || k >= se || !d.is(k, W.to) || !bare_verb(k + 1)) return false;
    for (size_t y = k + 2; y < se; ++y)
      if (d.word(y) && !d.cap(y) && (d.fclass(y) & Lexicon::fw_aux)) return false;
    return true;
  }
  bool temporal(size_t i) const {
    std::string_view w = d.tok(i);
    for (std::string_view t : {"last", "this", "next", "earlier", "later", "yesterday", "today", "week", "month", "year", "weekend",
                               "morning", "afternoon", "evening", "night", "recently", "previously", "again"})
      if (w == t) return true;
    return false;
  }
  bool clause_word(size_t i) const {
    return d.is(i, h_whether) || d.is(i, h_if) || d.is(i, h_how) || d.is(i, h_why) || d.is(i, h_what) || d.is(i, h_when);
  }
  // A speaker is never a date, a time, a number or an adverb ("In 2017, said", "Already, officials said");
  // near: a token close to the speaker (its cue)
  bool bad_speaker(const Speaker& sp, size_t near) const {
    if (!sp.present || sp.entity) return false;  // a named actor is a speaker
    size_t k = d.tok_at(sp.b, near);
    bool any = false;
    for (; k < d.n() && d.toks[k].b < sp.e; ++k) {
      const Token& t = d.toks[k];
      if (t.type == T_PUNCT) continue;
      any = true;
      if (t.type == T_NUM) continue;
      if (d.lx_has(k, LX_CALENDAR | LX_NUMBER)) continue;
      if (d.word(k) && !d.cap(k) && (d.fclass(k) & Lexicon::fw_adv)) continue;
      std::string_view w = d.tok(k);
      if (d.word(k) && w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0 && !d.cap(k)) continue;
      return false;
    }
    return any;
  }
  // 'f', 'm' or 0 (not known) for a person mention: its entity's given name, an honorific before
  // it, or its role ("spokeswoman")
  char gender(const Mention& m) const {
    std::string_view e = m.entity;
    uint64_t g = hash_bytes(e.substr(0, e.find(' ')));
    if (L.female_given.count(g)) return 'f';
    if (L.male_given.count(g)) return 'm';
    size_t hk = m.t0 > 1 && d.punct(m.t0 - 1, '.') ? m.t0 - 2 : m.t0 - 1;  // "Mr. Smith", "Mr Smith"
    if (m.t0 > 0 && d.word(hk)) {
      std::string_view h = d.tok(hk);
      if (!h.empty() && h.back() == '.') h.remove_suffix(1);
      if (h == "Mrs" || h == "Ms" || h == "Miss" || h == "Madam" || h == "Dame" || h == "Lady") return 'f';
      if (h == "Mr" || h == "Sir" || h == "Lord") return 'm';
    }
    std::string_view r = m.role;
    for (std::string_view w : {"woman", "mother", "wife", "daughter", "sister", "actress", "queen", "princess", "Queen", "Princess"})
      if (r.find(w) != std::string_view::npos) return 'f';
    for (std::string_view w : {"spokesman", "chairman", "congressman", "businessman", "councilman", "father", "husband", "brother",
                               "king", "prince", "King", "Prince"})
      if (r.find(w) != std::string_view::npos) return 'm';
    return 0;
  }
  // The nearest preceding mention of the wanted kind; for "he" / "she" (want_gender 'm' / 'f'), the
  // nearest person whose gender is not known to be the other
  const std::string* pronoun_entity(size_t before, ActorKind want, char want_gender = 0) const {
    // "it" and "the company" look back to the previous paragraph at most, "he" and "she" two
    // paragraphs: an actor named further back is more often not the one meant than the one
    size_t floor = 0;
    const ptrdiff_t back = want == ActorKind::person ? 3 : 2;
    auto p = std::upper_bound(d.para_starts.begin(), d.para_starts.end(), static_cast<uint32_t>(before));
    if (p - d.para_starts.begin() >= back) floor = *(p - back);
    for (size_t k = before; k-- > floor;) {
      int32_t mi = d.mention_at[k];
      if (mi >= 0 && d.mentions[mi].kind == want) {
        char g = want_gender ? gender(d.mentions[mi]) : 0;
        if (!g || g == want_gender) return &d.mentions[mi].entity;
        k = d.mentions[mi].t0;  // skip the rest of this mention
      }
      if (before - k > 400) break;
    }
    return nullptr;
  }

  // Refines an NP [s, e) into a speaker.
  Speaker make_speaker(size_t s, size_t e) const {
    Speaker sp;
    while (s < e && (d.toks[s].type == T_PUNCT && !d.poss(s))) ++s;
    while (e > s && d.toks[e - 1].type == T_PUNCT) --e;
    if (s >= e) return sp;
    // "The company's statement said", "Google's letter said": the possessor speaks through its document
    // (data nouns stay: "The ministry's figures show" needs its subject for data_subject())
    if (e >= s + 3 && d.poss(e - 2) && d.word(e - 1)) {
      std::string_view h = d.tok(e - 1);
      for (std::string_view w : {"statement", "statements", "letter", "filing", "release", "memo", "website", "announcement", "tweet",
                                 "editorial", "lawsuit", "complaint", "ruling", "indictment", "notice", "email", "message", "blog"})
        if (h == w) return make_speaker(s, e - 2);
    }
    // "The World Health Organization (WHO) recommends": the name, not its acronym
    if (e >= s + 3 && d.punct(e, ')') && d.punct(e - 2, '(') && d.mention_at[e - 3] >= 0) e -= 2;
    // a named actor at the head
    int32_t mi = d.mention_at[e - 1];
    bool prep_before_name = false;
    if (mi >= 0)
      for (size_t k = s; k < d.mentions[mi].t0; ++k)
        if (d.word(k) && !d.cap(k) && (d.fclass(k) & Lexicon::fw_prep)) prep_before_name = true;
    if (mi >= 0 && !prep_before_name) {
      const Mention& m = d.mentions[mi];
      sp.present = true;
      sp.b = d.toks[m.t0].b;
      sp.e = d.toks[m.t1 - 1].e;
      sp.entity = &m.entity;
      return sp;
    }
    sp.present = true;
    sp.b = d.toks[s].b;
    sp.e = d.toks[e - 1].e;
    if (e - s == 1 && d.word(s)) {
      uint64_t h = d.toks[s].hl;
      if (h == W.he || h == W.she) sp.entity = pronoun_entity(s, ActorKind::person, h == W.she ? 'f' : 'm');
      if (h == h_it) sp.entity = pronoun_entity(s, ActorKind::organization);
      return sp;
    }
    // a description that refers to a named actor: "the ambassador", "the company"
    size_t head = e - 1;
    for (size_t k = s; k < e; ++k) if (d.is(k, W.of) || d.is(k, W.from) || d.is(k, W.at) || d.is(k, W.in)) { head = k - 1; break; }
    if ((d.is(s, W.the) || d.is(s, W.its) || d.is(s, W.his) || d.is(s, W.her)) && head > s && head == e - 1) {
      std::string_view hw = d.tok(head);
      static constexpr std::string_view kOrgHeads[] = {"company", "firm", "group", "bank", "ministry", "agency", "government", "club", "team",
                                        "union", "court", "council", "newspaper", "publisher", "carrier", "airline", "retailer",
                                        "manufacturer", "lender", "insurer", "broadcaster", "regulator", "university", "party"};
      for (std::string_view oh : kOrgHeads) if (hw == oh) { sp.entity = pronoun_entity(s, ActorKind::organization); return sp; }
      if (d.lx_has(head, LX_TITLE)) {
        // the latest person whose role mentions this title word (compared ignoring ASCII case, without a
        // lower-cased copy of each role: this loop visits every token of every person named before)
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        auto mentions_title = [&](std::string_view r) {
          for (size_t i = 0; i + hw.size() <= r.size(); ++i) {
            size_t j = 0;
            while (j < hw.size() && lower(r[i + j]) == lower(hw[j])) ++j;
            if (j == hw.size()) return true;
          }
          return false;
        };
        for (size_t k = s; k-- > 0;) {
          int32_t pm = d.mention_at[k];
          if (pm >= 0 && d.mentions[pm].kind == ActorKind::person && !d.mentions[pm].role.empty() && mentions_title(d.mentions[pm].role)) {
            sp.entity = &d.mentions[pm].entity;
            break;
          }
          if (s - k > 600) break;
        }
      }
    }
    return sp;
  }

  // NP ending right before token c (a cue); returns its start, or c when none.
  size_t np_before(size_t c, size_t limit, size_t* np_end = nullptr) const {
    // "X, <apposition>, said": the name before the apposition, or the apposition when it is a name
    if (c > limit + 2 && d.punct(c - 1, ',')) {
      size_t k = c - 1;
      size_t steps = 0;
      while (k > limit && steps < 20 && !d.punct(k - 1, ',')) { --k; ++steps; }
      if (k > limit && d.punct(k - 1, ',')) {
        int32_t inner = d.mention_at[k];
        if (inner >= 0 && d.mentions[inner].t0 == k && d.mentions[inner].t1 == c - 1 && d.mentions[inner].kind == ActorKind::person) {
          if (np_end) *np_end = c - 1;
          return k;
        }
        int32_t outer = k >= 2 ? d.mention_at[k - 2] : -1;
        if (outer >= 0 && d.mentions[outer].t1 == k - 1) {
          if (np_end) *np_end = k - 1;
          return d.mentions[outer].t0;
        }
        size_t e2 = k - 1;
        size_t s2 = np_before(e2, limit, np_end);
        // "Professor Jane Roe, director of the study, and chair of the board, says": the person
        // before the first of two appositions
        if (s2 < e2 && s2 >= limit + 2 && d.punct(s2 - 1, ',')) {
          int32_t pm = d.mention_at[s2 - 2];
          if (pm >= 0 && d.mentions[pm].t1 == s2 - 1 && d.mentions[pm].kind == ActorKind::person) {
            if (np_end) *np_end = s2 - 1;
            return d.mentions[pm].t0;
          }
        }
        if (s2 < e2) return s2;
      }
      return c;
    }
    size_t e = c;
    // skip adverbs and auxiliaries between subject and cue: "has repeatedly denied", "also said"
    while (e > limit) {
      size_t k = e - 1;
      if (!d.word(k) || d.cap(k)) break;
      uint64_t h = d.toks[k].hl;
      std::string_view w = d.tok(k);
      bool adv = (w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0) || h == W.also || h == W.has || h == W.have || h == W.had ||
                 h == h_is || h == W.was || h == W.were || h == W.are || h == h_later || h == h_earlier || h == h_previously ||
                 h == h_will || h == h_would || h == h_may || h == h_could || h == W.not_ || h == h_reportedly ||
                 (d.fclass(k) & Lexicon::fw_adv);  // "Scientists now think", "has long argued", "has never said"
      if (!adv) break;
      e = k;
    }
    size_t s = e;
    int guard = 0;
    while (s > limit && guard < 14) {
      size_t k = s - 1;
      ++guard;
      const Token& t = d.toks[k];
      // "The World Health Organisation (WHO) recommends": past the parenthesised acronym
      if (t.type == T_PUNCT && t.cp == ')' && k + 1 == e) {
        size_t o = k;
        while (o > limit && k - o < 5 && !d.punct(o, '(')) --o;
        if (d.punct(o, '(') && o > limit) { s = o; continue; }
      }
      if (t.type == T_PUNCT && !d.poss(k)) {
        if (t.cp == '-' || t.cp == '&' || t.cp == '.') { s = k; continue; }
        break;
      }
      if (t.type == T_NUM) { s = k; continue; }
      if (d.poss(k)) { s = k; continue; }
      uint64_t h = t.hl;
      if (t.flags & F_ALLCAPS) { s = k; continue; }  // "WHO say", "US officials": an acronym, not a function word
      if (h == W.and_ || h == W.or_ || h == W.but || h == W.that || h == W.which || h == W.who || h == h_while || h == h_when ||
          h == h_because || h == h_if || h == h_after || h == h_however || h == W.as || h == h_though || h == h_although ||
          h == h_whereas || h == h_where)  // "the station where they claimed": the subject is "they"
        break;
      int l;
      if (!d.cap(k) && cue_at(k, &l)) break;
      if (!d.cap(k) && (d.fclass(k) & Lexicon::fw_aux)) break;
      if (!d.cap(k) && (d.fclass(k) & Lexicon::fw_prep) && !(h == W.of || h == W.from || h == W.at || h == W.in || h == W.for_ || h == W.with)) break;
      // a lower-case past-tense verb ends the NP
      std::string_view w = d.tok(k);
      if (!d.cap(k) && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !d.lx_has(k, LX_TITLE)) break;
      s = k;
      // an article ends the NP unless a preposition inside it comes first ("a spokesperson for the
      // company", "the head of the agency")
      if ((h == W.the || h == W.a || h == W.an) &&
          !(k > limit && (d.is(k - 1, W.of) || d.is(k - 1, W.from) || d.is(k - 1, W.at) || d.is(k - 1, W.in) || d.is(k - 1, W.for_))))
        break;
    }
    // a PP cannot start the NP
    while (s < e && d.word(s) && !d.cap(s) && (d.is(s, W.of) || d.is(s, W.from) || d.is(s, W.at) || d.is(s, W.in) || d.is(s, W.for_) || d.is(s, W.with))) ++s;
    if (np_end) *np_end = e;
    return s < e ? s : c;
  }

  // NP starting at s (after a cue: "said captain Rohan Iyer", "quoted the ambassador as saying")
  size_t np_after(size_t s, size_t limit) const {
    size_t k = s;
    while (k < limit && k - s < 12) {
      const Token& t = d.toks[k];
      if (t.type == T_PUNCT && !d.poss(k) && t.cp != '-' && t.cp != '&') break;
      if (d.is(k, W.as) || d.is(k, W.that) || d.is(k, W.who) || d.is(k, W.which) || d.is(k, W.and_)) break;
      if (d.word(k) && !d.cap(k) && k > s && (d.fclass(k) & Lexicon::fw_prep) && !(d.is(k, W.of) || d.is(k, W.from) || d.is(k, W.at) || d.is(k, W.in) || d.is(k, W.for_)))
        break;
      if (d.word(k) && !d.cap(k) && (d.is(k, W.on) || d.is(k, W.in)) && k + 1 < limit && (d.cap(k + 1) && d.lx_has(k + 1, LX_CALENDAR))) break;
      ++k;
    }
    return k;
  }

  SpanAttr speaker_attr(const Speaker& sp) const {
    if (!sp.present) return SpanAttr::null_span();
    return d.span_attr(sp.b, sp.e, sp.entity && !sp.entity->empty() ? sp.entity : nullptr);
  }

  void emit(uint32_t b, uint32_t e, const Speaker& sp, size_t c0, size_t c1) {
    // trim spaces and a final period / comma outside quotes
    while (e > b && (d.text[e - 1] == ' ' || d.text[e - 1] == '\n')) --e;
    if (e <= b) return;
    RawAnn& a = d.out.emplace_back();  // filled in place
    a.label = 1;
    a.b = b;
    a.e = e;
    a.attrs.cue = c1 > c0 ? d.span_attr(d.toks[c0].b, d.toks[c1 - 1].e) : SpanAttr::null_span();
    Speaker who = sp;
    const bool bad = bad_speaker(sp, c0);
    if (bad) {
      // "Asante, 41, said": the name before an age; else no speaker
      who = Speaker();
      size_t k = d.tok_at(sp.b, c0);
      if (k >= 2 && d.punct(k - 1, ',') && d.mention_at[k - 2] >= 0) {
        const Mention& m = d.mentions[d.mention_at[k - 2]];
        who.present = true;
        who.b = d.toks[m.t0].b;
        who.e = d.toks[m.t1 - 1].e;
        who.entity = &m.entity;
      }
    }
    a.attrs.speaker = speaker_attr(who);
    for (size_t k = c0; k < c1; ++k) cue_used[k] = 1;
    if (c1 > c0) last_cue_end = c1;
    if (sp.present && c1 > c0 && !bad) { last_sp = sp; last_claim_sent = d.sent[c0]; }
  }

  // ------------------------------------------------------------------ direct quotes
  struct Quote { size_t open, close; Speaker sp; size_t c0 = 0, c1 = 0; bool attributed = false, taken = false; };
  std::vector<Quote> pending;  // unattributed quotes after a comma, emitted by finish() unless a claim took them in

  void quotes() {
    size_t n = d.n();
    std::vector<Quote> qs;
    // open quotes, close quotes and paragraph starts, in text order (one pass): the next close
    // quote or paragraph at or after a token is a binary search, so finding a quote's end costs
    // O(log n) per paragraph it spans
    std::vector<uint32_t> opens, closes;
    const std::vector<uint32_t>& paras = d.para_starts;
    for (uint32_t k : d.quote_marks) {
      if (is_open_quote(k)) opens.push_back(k);
      if (is_close_quote(k)) closes.push_back(k);
    }
    auto next_in = [n](const std::vector<uint32_t>& v, size_t pos) -> size_t {
      auto it = std::lower_bound(v.begin(), v.end(), static_cast<uint32_t>(pos));
      return it == v.end() ? n : *it;
    };
    size_t resume = 0;  // quotes are not nested: the next open quote is looked for after the last close
    for (uint32_t open : opens) {
      size_t i = open;
      if (i < resume) continue;
      // find the close quote; a paragraph may end without one when the next opens again
      size_t pos = i + 1;
      size_t found = SIZE_MAX;
      for (int steps = 0; steps < 20 && pos < n; ++steps) {
        size_t c = next_in(closes, pos), para = next_in(paras, pos);
        if (c < para) { found = c; break; }
        if (para < n && is_open_quote(para)) { pos = para + 1; continue; }
        // a close quote in the next paragraph with no open quote before it closes this one: a line
        // break inside the quote (said, "... today's game.\nIt was a very emotional day.")
        if (para < n && c < next_in(paras, para + 1) && next_in(opens, para) > c) found = c;
        break;
      }
      if (found != SIZE_MAX && found - i > 3000) found = SIZE_MAX;
      if (found == SIZE_MAX) { resume = i + 1; continue; }
      size_t words = 0;
      bool all_caps_words = true;  // no lower-case word but function words: a title, not a quote
      for (size_t k = i + 1; k < found; ++k) {
        if (!d.word(k)) continue;
        ++words;
        if (!d.cap(k) && !(d.fclass(k) & (Lexicon::fw_det | Lexicon::fw_prep | Lexicon::fw_conj))) all_caps_words = false;
      }
      bool end_punct = found > i + 1 && d.toks[found - 1].type == T_PUNCT &&
                       (d.toks[found - 1].cp == '.' || d.toks[found - 1].cp == ',' || d.toks[found - 1].cp == '!' || d.toks[found - 1].cp == '?' || d.toks[found - 1].cp == 0x2026);
      bool starts = (d.toks[i].flags & F_SENT) || (i > 0 && (d.punct(i - 1, ':') || d.punct(i - 1, ','))) ||
                    (i > 0 && d.word(i - 1) && [&] { int l; const Cue* c = cue_at(i - 1, &l); return c && c->type == CueType::say; }());
      bool standalone = starts && (words >= 3 || end_punct) && !(all_caps_words && !end_punct);
      if (!standalone) { resume = found + 1; continue; }
      Quote q{i, found, {}, 0, 0, false};
      attribute_quote(q);
      qs.push_back(q);
      for (size_t k = i; k <= found; ++k) in_quote[k] = 1;
      resume = found + 1;
    }
    // unattributed quotes inherit from a nearby attributed one (same paragraph, or the previous
    // paragraph's last quote): “A,” he said. “B.”
    for (size_t k = 0; k < qs.size(); ++k) {
      Quote& q = qs[k];
      if (!q.attributed && k > 0 && qs[k - 1].attributed) {
        const Quote& p = qs[k - 1];
        size_t gap_sents = d.sent[q.open] - d.sent[p.close];
        if (gap_sents <= 2 && !attribution_between(p.close + 1, q.open, p.c0)) { q.sp = p.sp; q.c0 = p.c0; q.c1 = p.c1; q.attributed = true; }
      }
    }
    for (size_t k = qs.size(); k-- > 1;) {
      Quote& q = qs[k - 1];
      // '"A." "B," she said.': the next quote's speaker, in the same paragraph only (a quote that
      // ends a paragraph is not the next paragraph's speaker's) and with no other attribution between
      if (!q.attributed && qs[k].attributed && d.sent[qs[k].open] - d.sent[q.close] <= 1 && same_para(q.close, qs[k].open) &&
          !attribution_between(q.close + 1, qs[k].open, qs[k].c0)) {
        q.sp = qs[k].sp; q.c0 = qs[k].c0; q.c1 = qs[k].c1; q.attributed = true;
      }
    }
    for (const Quote& q : qs) {
      // 'Heald said although ..., "nobody has looked at these together".': an unattributed quote after a
      // comma inside a sentence may end a reported clause, whose claim then takes it in (finish())
      if (!q.attributed && !(d.toks[q.open].flags & F_SENT) && q.open > 0 && d.punct(q.open - 1, ',')) {
        for (size_t k = q.open; k <= q.close; ++k) in_quote[k] = 2;
        pending.push_back(q);
        continue;
      }
      emit(d.toks[q.open].e, d.toks[q.close].b, q.sp, q.c0, q.c1);
    }
  }
  // A claim [b, e) found after quotes() takes in the pending quotes inside it (they are in text order).
  void take_pending(uint32_t b, uint32_t e) {
    auto it = std::lower_bound(pending.begin(), pending.end(), b, [&](const Quote& q, uint32_t x) { return d.toks[q.open].b < x; });
    for (; it != pending.end() && d.toks[it->open].b < e; ++it)
      if (d.toks[it->close].e <= e) it->taken = true;
  }
  // The quotes quotes() left pending that no claim took in.
  void finish() {
    for (const Quote& q : pending)
      if (!q.taken) emit(d.toks[q.open].e, d.toks[q.close].b, q.sp, q.c0, q.c1);
  }

  // A reporting verb with its own subject between two quotes, other than the first quote's own
  // ('"A," she said. X told Sky News: "B"'): the second quote is not the first one's speaker's
  bool same_para(size_t a, size_t b) const {
    auto p = std::upper_bound(d.para_starts.begin(), d.para_starts.end(), static_cast<uint32_t>(a));
    return p == d.para_starts.end() || *p > b;
  }
  bool attribution_between(size_t b, size_t e, size_t own_cue) const {
    for (size_t k = b; k < e; ++k) {
      if (k == own_cue) continue;
      int l;
      const Cue* cue = d.lx_has(k, LX_CUE_FIRST) ? cue_at(k, &l) : nullptr;
      if (cue && cue->type != CueType::according && !ing(k) && np_before(k, sent_begin(k)) < k) return true;
    }
    return false;
  }

  void attribute_quote(Quote& q) {
    size_t n = d.n();
    size_t i = q.close + 1;
    size_t end = std::min(n, i + 16);
    if (i < n && (d.toks[i].flags & F_NEWLINE)) end = i;
    // '"So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram': a dash and a name that end the line
    if (i + 1 < n && d.toks[i].type == T_PUNCT && (d.toks[i].cp == '-' || d.toks[i].cp == 0x2013 || d.toks[i].cp == 0x2014) &&
        !(d.toks[i].flags & F_NEWLINE) && d.mention_at[i + 1] >= 0) {
      const Mention& m = d.mentions[d.mention_at[i + 1]];
      if (m.t0 == i + 1 && m.kind != ActorKind::place && (m.t1 >= n || (d.toks[m.t1].flags & F_NEWLINE))) {
        q.sp = make_speaker(m.t0, m.t1);
        q.attributed = true;
        return;
      }
    }
    // after: ,” X said / ,” said X / ,” X quoted Y as saying
    // (a quote that ends in a period ends its sentence: '... early." After the match, X said, "...' is no
    // attribution of it)
    const bool period = q.close > q.open + 1 && d.punct(q.close - 1, '.');
    for (size_t c = i; c < end; ++c) {
      if (d.toks[c].flags & F_NEWLINE) break;
      if (period && d.punct(c, ',')) break;
      if (is_open_quote(c)) break;
      if (d.toks[c].type == T_PUNCT && (d.toks[c].cp == '.' || d.toks[c].cp == ';' || d.toks[c].cp == '!' || d.toks[c].cp == '?')) break;
      int l;
      const Cue* cue = cue_at(c, &l);
      if (!cue || cue->type == CueType::according) continue;
      if (cue->type == CueType::quote) {
        size_t s = c + l;
        size_t e = np_after(s, n);
        if (e > s) { q.sp = make_speaker(s, e); q.c0 = c; q.c1 = c + l; q.attributed = true; mark_as_saying(e); return; }
      }
      size_t npe = c;
      size_t s = np_before(c, i, &npe);
      if (s < c) { q.sp = make_speaker(s, npe); q.c0 = c; q.c1 = c + l; q.attributed = true; return; }
      // '"...", highlighting the importance of ...': a participle after the quote says what it does, and
      // its object is no speaker; the attribution before the quote stands
      if ((c == i || (c == i + 1 && d.punct(i, ','))) && !ing(c) && !starts_pp(c + l)) {
        size_t e = np_after(c + l, n);
        if (e > c + l) { q.sp = make_speaker(c + l, e); q.c0 = c; q.c1 = c + l; q.attributed = true; return; }
      }
      break;
    }
    // before: X said: “...” / X told reporters, “...”
    if (q.open > 0 && (d.punct(q.open - 1, ':') || d.punct(q.open - 1, ',') || d.word(q.open - 1))) {
      // a paragraph that ends in a colon introduces the quote that opens the next one ("Obama tweeted
      // from his account:"), with a few more words between its cue and the colon
      const bool para_colon = d.punct(q.open - 1, ':') && (d.toks[q.open].flags & F_NEWLINE);
      size_t lim = sent_begin(para_colon ? q.open - 1 : q.open);
      size_t k = q.open - (d.word(q.open - 1) ? 0 : 1);
      size_t win = para_colon ? 8u : 4u;
      // 'told Sky News any process "must be well thought out": "Moves ..."': the cue is before a partial
      // quote that ends at the colon
      if (d.punct(q.open - 1, ':') && q.open >= lim + 3 && is_close_quote(q.open - 2) && !in_quote[q.open - 2]) {
        size_t o = q.open - 3;
        while (o > lim && q.open - o < 24 && !is_open_quote(o)) --o;
        if (o > lim && is_open_quote(o) && !in_quote[o]) { k = o; win = 6; }
      }
      for (size_t c = k; c-- > lim && k - c <= 8;) {
        if (k - c > win && !d.lx_has(c, LX_CUE_FIRST)) continue;  // (past the window only a cue matters)
        int l;
        const Cue* cue = cue_at(c, &l);
        // further than the window only with a prepositional phrase between ('writing in a blog post "...')
        if (cue && k - c > win && !pp_run(c + l, k)) break;
        // "She continued: “...”": a speaker goes on
        if (!cue && c + 1 == k && d.punct(k, ':') && d.tok(c) == "continued") {
          size_t npe = c;
          size_t s = np_before(c, lim, &npe);
          if (s < c) { q.sp = make_speaker(s, npe); q.c0 = c; q.c1 = c + 1; q.attributed = true; return; }
          break;
        }
        if (!cue || cue->type == CueType::according || cue->type == CueType::object) continue;
        size_t npe = c;
        size_t s = np_before(c, lim, &npe);
        if (s < c) { q.sp = make_speaker(s, npe); q.c0 = c; q.c1 = c + l; q.attributed = true; return; }
        // participle "..., saying: “...”": main-clause subject
        if (c > lim && d.punct(c - 1, ',')) {
          Speaker sp = main_subject(c);
          if (sp.present) { q.sp = sp; q.c0 = c; q.c1 = c + l; q.attributed = true; return; }
        }
        break;
      }
    }
  }

  // [b, e) is words only and starts with a preposition ("in a blog post")
  bool pp_run(size_t b, size_t e) const {
    if (b >= e || !starts_pp(b)) return false;
    for (size_t y = b; y < e; ++y)
      if (!d.word(y)) return false;
    return true;
  }

  bool bare_noun(size_t k) const {
    if (!d.word(k) || d.cap(k) || d.fclass(k)) return false;
    std::string_view w = d.tok(k);
    if (w.size() < 3) return false;
    if (w.compare(w.size() - 2, 2, "ly") == 0 || w.compare(w.size() - 2, 2, "ed") == 0) return false;
    int l;
    if (cue_at(k, &l)) return false;
    return true;
  }

  bool data_subject(const Speaker& sp) const {
    if (!sp.present) return false;
    std::string_view t = d.text.substr(sp.b, sp.e - sp.b);
    static constexpr std::string_view kData[] = {"figures", "data",    "study",     "survey", "poll",   "statistics",
                                                 "research", "report", "analysis",  "records", "results", "numbers",
                                                 "estimates", "tests", "census",    "polls",  "studies", "findings"};
    const bool cap = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';  // "Figures show": capitalised at the start
    for (std::string_view w : kData) {
      if (t.find(w) != std::string_view::npos) return true;
      if (cap && t.size() >= w.size() && t[0] == w[0] - 32 && t.compare(1, w.size() - 1, w.substr(1)) == 0) return true;
    }
    return false;
  }

  void mark_as_saying(size_t e) {
    // "quoted Y as saying": the "saying" is part of the attribution, not a new cue
    if (d.is(e, W.as) && d.is(e + 1, W.saying)) cue_used[e + 1] = 1;
  }

  // The subject of the sentence's main clause (for participial cues: ", asserting that ...").
  Speaker main_subject(size_t c) {
    size_t sb = sent_begin(c);
    // main-clause cue before: its speaker
    size_t lim = c > sb + 120 ? c - 120 : sb;
    for (size_t k = c; k-- > lim;) {
      int l;
      const Cue* cue = cue_at(k, &l);
      if (cue && !d.cap(k) && !ing(k) && cue->type != CueType::according && !in_quote[k]) {
        size_t npe = k;
        size_t s = np_before(k, sb, &npe);
        if (s < k) return make_speaker(s, npe);
        return main_np(k);
      }
    }
    return main_np(c);
  }

  // The sentence's subject NP before token c, skipping an introductory phrase.
  Speaker main_np(size_t c) {
    size_t sb = sent_begin(c);
    // skip an introductory phrase "In a joint statement on Wednesday,"
    size_t s = sb;
    while (s < c && is_open_quote(s)) ++s;
    if (d.word(s) && (d.fclass(s) & (Lexicon::fw_prep | Lexicon::fw_adv | Lexicon::fw_conj)) && !d.is(s, W.the)) {
      size_t k = s;
      while (k < c && k < s + 40 && !d.punct(k, ',')) ++k;
      if (k < c && d.punct(k, ',')) s = k + 1;
    }
    size_t e = s;
    while (e < c) {
      const Token& t = d.toks[e];
      if (t.type == T_PUNCT && !d.poss(e) && t.cp != '-') break;
      if (verbish(e)) break;
      if (e > s && d.word(e) && !d.cap(e) && ing(e)) break;
      std::string_view w = d.tok(e);
      if (!d.cap(e) && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !d.lx_has(e, LX_TITLE)) break;
      if (d.word(e) && !d.cap(e) && e > s && d.tok(e).back() == 's' && !d.lx_has(e, LX_TITLE) && d.word(e - 1) && d.cap(e - 1) && d.mention_at[e - 1] >= 0) break;
      ++e;
    }
    // trim trailing adverbs ("strongly")
    while (e > s && d.word(e - 1) && !d.cap(e - 1) && d.tok(e - 1).size() > 3 && d.tok(e - 1).compare(d.tok(e - 1).size() - 2, 2, "ly") == 0) --e;
    if (e <= s || e - s > 14) return {};
    return make_speaker(s, e);
  }

  // End of an indirect claim that starts at s: sentence end, ';', or ", <participle cue>"
  size_t content_end(size_t s) const {
    size_t e = std::min<size_t>(sent_end(s), s + 400);  // bounded: a claim is at most a long sentence
    for (size_t k = s; k < e; ++k) {
      if (in_quote[k] == 1 && k > s) return k;  // (2: an unattributed quote after a comma goes on the clause)
      if (d.punct(k, ';')) return k;
      if (k > s && d.is(k, W.according) && d.is(k + 1, W.to)) return k;  // "... visitors according to the website"
      if (k > s && (d.is(k, W.and_) || d.is(k, W.but)) && k + 1 < e) {
        int l;
        size_t v = k + 1;
        if (d.word(v) && (d.is(v, W.also) || (d.tok(v).size() > 3 && d.tok(v).compare(d.tok(v).size() - 2, 2, "ly") == 0))) ++v;
        const Cue* c = cue_at(v, &l);
        if (c && !d.cap(v) && c->type != CueType::according && !(d.is(v + l, W.that) == false && c->type == CueType::show)) {
          size_t r = k;
          if (r > s && d.punct(r - 1, ',')) --r;
          return r;
        }
        // "..., and the central bank said inflation was rising": another subject with its reporting verb
        // and clause
        if (!c && k > s && d.toks[k - 1].type == T_PUNCT)  // (after a comma or a dash: checked only there)
          for (size_t y = k + 2; y < e && y < k + 8; ++y) {
            if (d.toks[y].type == T_PUNCT && !d.poss(y)) break;
            const Cue* c2 = d.lx_has(y, LX_CUE_FIRST) ? cue_at(y, &l) : nullptr;
            if (!c2 || d.cap(y) || c2->type != CueType::say || ing(y)) continue;
            if (np_before(y, k + 1) == k + 1 && (d.is(y + l, W.that) || clause_start(y + l) || bare_noun(y + l)))
              return k > s && d.punct(k - 1, ',') ? k - 1 : k;
            break;
          }
      }
      if (d.punct(k, ',') && k + 1 < e) {
        int l;
        const Cue* c = cue_at(k + 1, &l);
        if (c && (ing(k + 1) || c->type == CueType::according)) return k;
        // "Jones, who said he was tired, told the court that he was innocent": the next attribution
        if (c && c->type == CueType::say && k > s + 1 && !d.cap(k + 1)) {
          for (size_t v = k + 1 + l; v < e && v < k + 8; ++v) {
            if (d.is(v, W.that)) return k;
            if (d.toks[v].type == T_PUNCT) break;
          }
        }
        if (d.is(k + 1, W.according) || d.is(k + 1, W.with)) return k;
        // "..., District Attorney Fani Willis said.": the sentence's own speaker follows
        if (k > s + 2) {
          for (size_t v = k + 2; v < e && v < k + 9; ++v) {
            if (d.toks[v - 1].type == T_PUNCT && !d.poss(v - 1) && !d.punct(v - 1, '.')) break;
            const Cue* c2 = cue_at(v, &l);
            if (!c2 || d.cap(v) || c2->type != CueType::say) continue;
            size_t after = v + l;
            if (after >= e || (d.toks[after].type == T_PUNCT && (d.toks[after].cp == '.' || d.toks[after].cp == '!'))) return k;
            break;
          }
        }
        // ", while supporters say ...", ", though residents say ...": another speaker's claim begins
        if (d.is(k + 1, h_while) || d.is(k + 1, W.but) || d.is(k + 1, h_though) || d.is(k + 1, h_although) || d.is(k + 1, h_whereas)) {
          for (size_t v = k + 3; v < e && v < k + 7; ++v) {
            if (d.toks[v - 1].type == T_PUNCT && !d.poss(v - 1)) break;
            const Cue* c2 = cue_at(v, &l);
            if (c2 && !d.cap(v) && c2->type != CueType::according && !ing(v)) return k;
          }
        }
      }
    }
    // drop the final period / closing punctuation
    size_t k = e;
    while (k > s && d.toks[k - 1].type == T_PUNCT && (d.toks[k - 1].cp == '.' || d.toks[k - 1].cp == '!' || d.toks[k - 1].cp == ',' || d.toks[k - 1].cp == ':'))
      --k;
    return k;
  }

  uint32_t content_bytes_end(size_t s, size_t e) const {
    while (e > s && d.toks[e - 1].type == T_PUNCT && (d.toks[e - 1].cp == '.' || d.toks[e - 1].cp == ',' || d.toks[e - 1].cp == ':')) --e;
    return e > s ? d.toks[e - 1].e : d.toks[s].b;
  }

  bool clause_start(size_t k) const {
    if (k >= d.n()) return false;
    const Token& t = d.toks[k];
    if (t.type == T_NUM) return true;
    if (t.type == T_PUNCT) return t.cp == '$' || t.cp == 0x20AC || t.cp == 0xA3 || is_open_quote(k);
    if (d.cap(k)) return true;
    uint8_t fc = d.fclass(k);
    if (fc & (Lexicon::fw_det | Lexicon::fw_pron)) return !(t.hl == W.that);
    if (t.hl == W.there) return true;  // "said there was no evidence"
    // "said although temperature and ozone ..., nobody ...", "said if the talks fail, workers will
    // strike": a subordinate clause and, after its comma, the main one
    if ((fc & Lexicon::fw_conj) && (t.hl == h_although || t.hl == h_though || t.hl == h_because || t.hl == h_unless ||
                                    t.hl == h_if || t.hl == h_while || t.hl == h_whereas)) {
      if (d.is(k + 1, W.of) || !d.word(k + 1)) return false;  // "because of"
      const size_t se = sent_end(k);
      for (size_t y = k + 2; y + 1 < se && y < k + 25; ++y)
        if (d.punct(y, ',')) return d.word(y + 1) || is_open_quote(y + 1);
      return false;
    }
    // "found only a quarter of citizens favoured ...", "revealed many are not ...": a quantifier or
    // focusing word before the clause's subject
    if (!d.cap(k)) {
      std::string_view w = d.tok(k);
      if (w == "only" || w == "many" || w == "most" || w == "some" || w == "few" || w == "several" || w == "nearly" || w == "almost" ||
          w == "just")
        return k + 1 < d.n() && (d.word(k + 1) || d.toks[k + 1].type == T_NUM) && !d.is(k + 1, W.that);
    }
    // "said at least 115 people were killed": a qualified number, not a prepositional phrase
    uint64_t h = hash_seed();
    for (int m = 0; m < L.qualifier_max_tokens && k + m + 1 < d.n(); ++m) {
      h = hash_combine(h, d.toks[k + m].hl);
      if (!L.qualifiers.count(h)) continue;
      const Token& x = d.toks[k + m + 1];
      if (x.type == T_NUM || (x.type == T_PUNCT && d.lx_has(k + m + 1, LX_CURRENCY_PREFIX)) || (x.type == T_WORD && d.lx_has(k + m + 1, LX_NUMBER))) return true;
    }
    return false;
  }

  // The end of a that-clause in the sentence's subject ("The claim that crime had fallen was
  // challenged"): the main verb is taken to be the first auxiliary after the clause's own auxiliary
  // and verb. Without an auxiliary in the clause ("The claim that he lied surfaced"), or past a comma,
  // a conjunction or a relative pronoun, where it ends cannot be told without a parser: SIZE_MAX.
  size_t subject_clause_end(size_t cs) const {
    const size_t se = sent_end(cs);
    bool own = false, verb = false;
    for (size_t k = cs; k < se && k < cs + 30; ++k) {
      if (d.toks[k].type == T_PUNCT) {
        if (d.poss(k) || d.punct(k, '-')) continue;
        return SIZE_MAX;
      }
      if (!d.word(k)) continue;
      if (k > cs && (d.is(k, W.that) || d.is(k, W.which) || d.is(k, W.who) || d.is(k, W.and_) || d.is(k, W.or_) || d.is(k, W.but)))
        return SIZE_MAX;
      if (!d.cap(k) && (d.fclass(k) & Lexicon::fw_aux)) {
        if (verb) return k;
        own = true;
      } else if (own) {
        verb = true;
      }
    }
    return SIZE_MAX;
  }

  // "the allegation that he took bribes", "Smith's claim that ...": a claim noun with a that-clause.
  // The speaker is the possessor, if any. Returns true when it emitted one.
  bool nominal(size_t c) {
    if (!d.word(c) || d.cap(c) || !d.is(c + 1, W.that) || c == 0) return false;
    std::string_view w = d.tok(c);
    static constexpr std::string_view kNouns[] = {"allegation", "allegations", "claim", "claims", "assertion", "assertions", "accusation",
                                                  "accusations", "suggestion", "suggestions", "belief", "assurance", "assurances",
                                                  "assurance", "warning", "warnings", "rumour", "rumours", "rumor", "rumors", "insistence",
                                                  "contention", "charge", "charges", "argument", "promise", "pledge", "announcement"};
    bool noun = false;
    for (std::string_view x : kNouns) if (w == x) { noun = true; break; }
    if (!noun) return false;
    // a determiner or possessor before it: "the allegation", "his claim", "Smith's claim"
    size_t p = c - 1;
    while (p > 0 && d.word(p) && !d.cap(p) && !d.fclass(p) && !d.poss(p) && c - p < 3) --p;  // "the new allegation"
    bool poss = d.poss(p);
    bool prep = d.word(p) && !d.cap(p) && (d.fclass(p) & Lexicon::fw_prep) && p + 1 == c;  // "amid allegations that"
    if (!(poss || prep || d.is(p, W.the) || d.is(p, W.its) || d.is(p, W.his) || d.is(p, W.her) || d.is(p, W.their) || d.is(p, W.a) ||
          d.is(p, W.an)))
      return false;
    // the subject of its sentence ("The claim that crime had fallen was challenged"): its clause ends
    // before the main verb (subject_clause_end)
    size_t np0 = p;
    while (np0 > 0 && !(d.toks[np0].flags & F_SENT) && (d.cap(np0 - 1) || d.poss(np0))) --np0;
    if (poss && !(d.toks[np0].flags & F_SENT)) np0 = std::min(np0, np_before(p, sent_begin(p)));  // "The former mayor's claim"
    const bool subject = d.toks[np0].flags & F_SENT;
    size_t cs = c + 2;
    if (!(clause_start(cs) || (subject && bare_noun(cs))) || in_quote[cs]) return false;
    size_t ce = subject ? subject_clause_end(cs) : content_end(cs);
    if (ce == SIZE_MAX || ce <= cs) return false;
    Speaker sp;
    if (poss && p > 0) {
      size_t npe = p;
      size_t s0 = np_before(p, sent_begin(p), &npe);
      if (s0 < p) sp = make_speaker(s0, p);
    } else if (d.is(p, W.his) || d.is(p, W.her) || d.is(p, W.its) || d.is(p, W.their)) {
      sp = make_speaker(p, p + 1);
    }
    emit(d.toks[cs].b, content_bytes_end(cs, ce), sp, c, c + 1);
    return true;
  }

  // ------------------------------------------------------------------ blame, its verb not X's
  // "In a statement by X, blame was shifted to Y for Z", "blame was placed on Y by X", "Y was blamed
  // by X for Z", "X shifted the blame onto Y": X accuses Y though X is not the verb's subject.
  // Content: from Y to the clause's end (without "by X"); cue: "blame was shifted", "was blamed",
  // "shifted the blame". Runs before indirect(), which would take Y, the subject of "Y was blamed by
  // X", for the speaker.
  void blame_frames() {
    auto any_of = [&](size_t i, std::initializer_list<std::string_view> ws) {
      for (std::string_view w : ws)
        if (d.is(i, hash_lower(w))) return true;
      return false;
    };
    auto frame_verb = [&](size_t i) {
      return any_of(i, {"shifted", "placed", "laid", "put", "pinned", "cast", "assigned", "apportioned", "directed", "heaped", "shift",
                        "shifts", "place", "places", "lay", "lays", "puts", "pin", "pins", "casts"});
    };
    // Where Y starts after "on", "onto", "upon", "to" or "at the door / feet of"; SIZE_MAX for none.
    auto target = [&](size_t p) -> size_t {
      if (d.is(p, W.on) || d.is(p, W.to) || any_of(p, {"onto", "upon"})) return p + 1;
      if (d.is(p, W.at) && d.is(p + 1, W.the) && any_of(p + 2, {"door", "doors", "feet"}) && d.is(p + 3, W.of)) return p + 4;
      return SIZE_MAX;
    };
    // The agent after "by" at k, before limit: a named actor within three words ("by Kim Song", "by
    // President Emmanuel Macron"), else a short phrase up to a comma or a preposition ("by state
    // regulators").
    auto agent = [&](size_t k, size_t limit) {
      for (size_t m = k + 1; m < limit && m <= k + 3 && d.word(m); ++m) {
        int32_t mi = d.mention_at[m];
        if (mi < 0 || d.mentions[mi].t0 != m) continue;
        Speaker sp;
        sp.present = true;
        sp.b = d.toks[m].b;
        sp.e = d.toks[d.mentions[mi].t1 - 1].e;
        sp.entity = &d.mentions[mi].entity;
        return sp;
      }
      size_t e = k + 1;
      while (e < limit && e < k + 6 && d.word(e) && !((d.fclass(e) & (Lexicon::fw_prep | Lexicon::fw_aux)) && !d.is(e, W.of))) ++e;
      return e > k + 1 ? make_speaker(k + 1, e) : Speaker();
    };
    auto statement_noun = [&](size_t i) {
      return any_of(i, {"statement", "remarks", "speech", "letter", "address", "interview", "briefing", "comments", "message", "post",
                        "note", "declaration", "communique", "testimony", "report", "editorial", "broadcast", "tweet", "response"});
    };
    // Is byte x inside a claim found already (nested speech is left to the reader)? The cues come
    // in text order, so x only grows: the claims that start at or before it leave a min-heap of
    // starts once, keeping the furthest end. A scan of every claim per cue was quadratic.
    std::vector<std::pair<uint32_t, uint32_t>> starts;  // (b, e) of the claims not yet reached
    size_t taken = 0;                                   // d.out entries already in `starts`
    uint32_t reach = 0;                                 // the furthest end of the claims reached
    auto nested = [&](uint32_t x) {
      for (; taken < d.out.size(); ++taken)
        if (d.out[taken].label == 1) {
          starts.emplace_back(d.out[taken].b, d.out[taken].e);
          std::push_heap(starts.begin(), starts.end(), std::greater<>());
        }
      while (!starts.empty() && starts.front().first <= x) {
        reach = std::max(reach, starts.front().second);
        std::pop_heap(starts.begin(), starts.end(), std::greater<>());
        starts.pop_back();
      }
      return x < reach;
    };
    const uint64_t h_blame = hash_lower("blame"), h_blamed = hash_lower("blamed");
    for (uint32_t i : d.cue_tokens) {
      if (!(d.is(i, h_blame) || d.is(i, h_blamed)) || in_quote[i] || cue_used[i]) continue;
      if (nested(d.toks[i].b)) continue;
      const size_t sb = sent_begin(i), se = sent_end(i);
      size_t c0 = i, c1 = i + 1, ys = SIZE_MAX;  // the cue [c0, c1); Y starts at ys
      Speaker sp;
      if (d.is(i, h_blame) && i >= sb + 2 && d.is(i - 1, W.the) && frame_verb(i - 2)) {  // X shifted the blame onto Y
        c0 = i - 2;
        ys = target(i + 1);
        size_t npe = c0, s = np_before(c0, sb, &npe);
        if (s < c0) sp = make_speaker(s, npe);
      } else if (d.is(i, h_blame)) {  // blame [for Z] was shifted to Y
        size_t v = i + 1;
        if (d.is(v, W.for_))
          while (v < se && v < i + 12 && !be_form(v) && d.toks[v].type != T_PUNCT) ++v;
        if (d.is(v, W.has) || d.is(v, W.have) || d.is(v, W.had)) ++v;
        if (!be_form(v)) continue;
        ++v;
        while (v < se && d.word(v) && (d.is(v, W.also) || (d.tok(v).size() > 3 && d.tok(v).substr(d.tok(v).size() - 2) == "ly"))) ++v;
        if (!frame_verb(v)) continue;
        c1 = v + 1;
        ys = target(v + 1);
      } else if (i > sb + 1 && be_form(i - 1) && d.is(i + 1, W.by)) {  // Y was blamed by X
        c0 = before_perfect(i - 1, sb);
        size_t npe = c0, s = np_before(c0, sb, &npe);
        if (s >= c0) continue;
        ys = s;
        sp = agent(i + 1, se);
      }
      if (ys >= se || in_quote[ys]) continue;
      size_t ce = content_end(ys);
      // "... on Y by X": the agent, where the content stops ("caused by": no agent)
      for (size_t k = ys + 1; k < ce && !sp.present; ++k)
        if (d.is(k, W.by) && !(d.tok(k - 1).size() > 3 && d.tok(k - 1).substr(d.tok(k - 1).size() - 2) == "ed")) {
          sp = agent(k, ce);
          if (sp.present) ce = d.punct(k - 1, ',') ? k - 1 : k;
          break;
        }
      // "In a statement by X, blame was ...": the agent of the statement the sentence opens with
      if (!sp.present && c0 == i && i > sb + 3 && d.punct(i - 1, ',') && (d.fclass(sb) & Lexicon::fw_prep))
        for (size_t k = sb + 2; k + 1 < i; ++k)
          if ((d.is(k, W.by) || d.is(k, W.from)) && (statement_noun(k - 1) || statement_noun(k - 2) || statement_noun(k - 3))) {
            sp = agent(k, i - 1);  // "a statement by", "a speech on Tuesday by"
            break;
          }
      if (!sp.present || bad_speaker(sp, c0) || ce <= ys) continue;
      emit(d.toks[ys].b, content_bytes_end(ys, ce), sp, c0, c1);
    }
  }

  void indirect() {
    size_t covered_until = 0;  // tokens inside the previous indirect claim's content
    // only tokens that can start a cue (cue_at's first tests, without the call)
    for (uint32_t c : d.cue_tokens) {
      if (in_quote[c] || cue_used[c] || (c < covered_until && c != nested_cue)) continue;
      if (d.is(c + 1, W.that) && nominal(c)) {
        uint32_t end_b = d.out.back().e;
        size_t k = c + 1;
        while (k < d.n() && d.toks[k].e <= end_b) ++k;
        covered_until = k;
        continue;
      }
      const Token& t = d.toks[c];
      if (t.type != T_WORD || ((t.flags & F_CAP) && !(t.flags & F_SENT))) continue;
      size_t before = d.out.size();
      process_cue(c, &covered_until, before);
    }
  }

  void process_cue(size_t c, size_t* covered_until, size_t before) {
    size_t n = d.n();
    {
      int l;
      const Cue* cue = cue_at(c, &l);
      if (!cue) return;
      size_t sb = sent_begin(c), se = sent_end(c);
      size_t k = c + l;
      bool participle = c > sb && d.punct(c - 1, ',') && ing(c);
      Speaker sp;
      bool have_sp = false, passive = false;
      auto subject = [&]() {
        if (have_sp) return;
        have_sp = true;
        if (participle) { sp = main_subject(c); return; }
        // "The president spent the week promising members ...": an -ing cue after the object of
        // another verb speaks for the sentence's subject
        if (ing(c) && c > sb && !be_form(c - 1)) {
          size_t npe0 = c;
          size_t s0 = np_before(c, sb, &npe0);
          if (s0 > sb && s0 < c && d.word(s0 - 1) && !d.cap(s0 - 1) && !d.fclass(s0 - 1)) { sp = main_np(s0 - 1); return; }
        }
        // passive "It was claimed that": no speaker
        if (c >= 2 && be_form(c - 1)) {
          size_t s0 = before_perfect(c - 1, sb);
          if (s0 > sb && d.is(s0 - 1, h_it)) {
            passive = true;
            // "It was announced by the university that ...": the agent speaks
            if (d.is(k, W.by)) {
              size_t e = np_after(k + 1, se);
              if (e > k + 1 && !starts_pp(k + 1)) sp = make_speaker(k + 1, e);
            }
            return;
          }
        }
        size_t npe = c;
        size_t s = np_before(c, sb, &npe);
        size_t v = c;
        while (v > sb && d.word(v - 1) && !d.cap(v - 1) && (d.is(v - 1, W.also) || (d.tok(v - 1).size() > 3 && d.tok(v - 1).compare(d.tok(v - 1).size() - 2, 2, "ly") == 0))) --v;
        if (v > sb && (d.is(v - 1, W.and_) || d.is(v - 1, W.but)) && last_claim_sent == d.sent[c] && last_sp.present) { sp = last_sp; return; }
        // "Zuckerberg tweeted to Mohamed and said the boy was welcome": the second verb's subject is
        // the sentence's
        if (v > sb + 1 && (d.is(v - 1, W.and_) || d.is(v - 1, W.but)) && (d.is(c, W.said) || d.is(c, W.says)) && s >= c) {
          Speaker m = main_subject(c);
          if (m.present) { sp = m; return; }
        }
        if (s < c) sp = make_speaker(s, npe);
        else if (c > sb && (d.punct(c - 1, ',') || (c > sb + 1 && d.punct(c - 2, ',')))) sp = main_np(c);
        else {
          // "Devocht, who had told Montalvo he would ...": the name before the relative clause
          size_t w = c;
          while (w > sb + 3 && w + 4 > c && d.word(w - 1) && !d.cap(w - 1) && (d.fclass(w - 1) & (Lexicon::fw_aux | Lexicon::fw_adv))) --w;
          if (w > sb + 2 && d.is(w - 1, W.who) && d.punct(w - 2, ',') && d.mention_at[w - 3] >= 0) {
            const Mention& m = d.mentions[d.mention_at[w - 3]];
            if (m.kind != ActorKind::place) {
              sp.present = true;
              sp.b = d.toks[m.t0].b;
              sp.e = d.toks[m.t1 - 1].e;
              sp.entity = &m.entity;
            }
          }
        }
        // (only when no subject was found, or one word that is a date or in lower case: "Monday" of "... on
        // Monday show", "today")
        if (cue->type == CueType::show && c > sb && c <= sb + 10 && (s >= c || (npe == s + 1 && (!d.cap(s) || d.lx_has(s, LX_CALENDAR)))) &&
            !data_subject(sp)) {
          // "Figures to be published today show ...", "Data released on Monday show ...": the data and
          // what is said of them, from the sentence's start, with no comma or relative pronoun
          bool plain = d.word(sb) && d.cap(sb);
          for (size_t y = sb; y < c && plain; ++y)
            plain = !(d.toks[y].type == T_PUNCT && !d.poss(y)) && !d.is(y, W.that) && !d.is(y, W.which) && !d.is(y, W.who);
          Speaker m = plain ? make_speaker(sb, v) : Speaker();
          if (data_subject(m)) sp = m;
        }
      };
      switch (cue->type) {
        case CueType::according: {
          // "according to X" -- X up to the comma or sentence end
          size_t s = k;
          size_t e = np_after(s, se);
          if (e <= s) break;
          // "said that, according to X, ...", "has learned that according to X, ...": the source opens a
          // reported clause, whose own claim is X's (the outer claim keeps the whole clause)
          const bool after_that = c > sb + 1 && (d.is(c - 1, W.that) || (d.punct(c - 1, ',') && d.is(c - 2, W.that))) &&
                                  last_cue_end != SIZE_MAX && last_cue_end > sb && last_cue_end <= c;
          const bool initial = c == sb || (c == sb + 1 && d.toks[sb].type == T_PUNCT) || after_that;
          // "According to Rathbun the property was returned": no comma after a name; the clause starts
          // after it
          bool name_only = false;
          if (initial && !d.punct(e, ',') && d.mention_at[s] >= 0 && d.mentions[d.mention_at[s]].t0 == s) {
            size_t m1 = d.mentions[d.mention_at[s]].t1;
            if (m1 < e && !d.cap(m1) && clause_start(m1)) { e = m1; name_only = true; }
          }
          // "According to Afghan Ambassador to the United States Hamdullah Mohib, ...": the source runs
          // to the comma when no verb comes first
          if (initial && !d.punct(e, ',') && !name_only) {
            size_t y = e;
            while (y < se && y < e + 12 && !d.punct(y, ',') && (d.toks[y].type != T_NUM || after_that) && !verbish(y) && !in_quote[y] &&
                   !(d.toks[y].type == T_PUNCT && !d.poss(y) && d.toks[y].cp != '-' && d.toks[y].cp != '.'))
              ++y;
            if (d.punct(y, ',')) e = y;
          }
          Speaker who = make_speaker(s, e);
          // "X warned that ..., according to a report": the claim is X's, already emitted
          bool cue_before = last_cue_end != SIZE_MAX && last_cue_end > sb && last_cue_end <= c;
          // "... about 6 million visitors according to the event website.": no comma, the source ends
          // the sentence
          const bool at_end = c > sb + 3 && !d.punct(c - 1, ',') && (e >= se || d.punct(e, '.')) && !in_quote[c - 1];
          if (c > sb && (d.punct(c - 1, ',') || at_end) && !cue_before && !after_that) {
            size_t cs = sb;
            while (cs < c && (d.toks[cs].type == T_PUNCT && (is_open_quote(cs)))) ++cs;
            // "The plan, according to officials, will cost more": a subject alone before the source and its
            // predicate after it; the claim is the whole sentence, not the subject
            if (!at_end && d.punct(e, ',') && e + 1 < se && subject_only(cs, c - 1) && predicate_start(e + 1)) {
              size_t ce = content_end(e + 1);
              if (ce > e + 1) { emit(d.toks[cs].b, content_bytes_end(e + 1, ce), who, c, c + l); break; }
            }
            emit(d.toks[cs].b, content_bytes_end(cs, at_end ? c : c - 1), who, c, c + l);
          } else if (initial) {
            if (after_that && !d.punct(e, ',') && !name_only) break;  // where the source ends is not clear
            size_t cs = e;
            if (d.punct(cs, ',')) ++cs;
            // "According to the team's coach, Alireza Mehraban, in their first match ...": past the name
            if (d.punct(e, ',') && cs < se && d.mention_at[cs] >= 0) {
              const Mention& m = d.mentions[d.mention_at[cs]];
              if (m.t0 == cs && m.kind == ActorKind::person && d.punct(m.t1, ',')) cs = m.t1 + 1;
            }

            size_t ce = content_end(cs);
            // "According to ABC News, Basya also believes ...", "According to the Herald, Professor
            // John Burrows, the project's chairman, said ...": the clause has its own speaker and cue,
            // whose claim is the one to show
            {
              bool inner = false;
              for (size_t v = cs + 1; v < ce && v < cs + 16 && !inner; ++v) {
                int l2;
                const Cue* c2 = in_quote[v] ? nullptr : cue_at(v, &l2);
                if (!c2 || c2->type != CueType::say || d.cap(v) || ing(v)) continue;
                size_t s0 = np_before(v, cs);
                bool named = false;
                for (size_t m = cs; m < cs + 4 && m < v; ++m) named = named || (d.mention_at[m] >= 0 && d.mentions[d.mention_at[m]].kind != ActorKind::place);
                if (s0 == cs || (named && s0 < v)) inner = true;
                break;
              }
              if (inner) break;
            }
            // a name the actor pass did not find: "According to the coach, Alireza Mehraban, the robot ..."
            if (d.punct(e, ',') && cs == e + 1 && cs + 2 < se && d.cap(cs) && d.word(cs)) {
              size_t y = cs;
              while (y < se && y < cs + 4 && d.word(y) && d.cap(y)) ++y;
              if (y >= cs + 2 && d.punct(y, ',')) cs = y + 1;
            }
            if (ce > cs) emit(d.toks[cs].b, content_bytes_end(cs, ce), who, c, c + l);
          }
          break;
        }
        case CueType::quote: {
          size_t s = k;
          size_t e = np_after(s, se);
          // "The minister was quoted as saying ...": the speaker is the passive's subject
          if (d.is(k, W.as) && d.is(k + 1, W.saying) && c > sb + 1 && be_form(c - 1)) {
            size_t v = before_perfect(c - 1, sb), npe = v;
            size_t s0 = np_before(v, sb, &npe);
            size_t cs = d.is(k + 2, W.that) ? k + 3 : k + 2;
            if (s0 >= v || cs >= se || in_quote[cs]) break;
            size_t ce = content_end(cs);
            if (ce > cs) { emit(d.toks[cs].b, content_bytes_end(cs, ce), make_speaker(s0, npe), c, c + l); cue_used[k + 1] = 1; }
            break;
          }
          if (e > s && d.is(e, W.as) && d.is(e + 1, W.saying)) {
            size_t cs = e + 2;
            if (d.is(cs, W.that)) ++cs;
            if (cs < se && !in_quote[cs]) {
              size_t ce = content_end(cs);
              if (ce > cs) { emit(d.toks[cs].b, content_bytes_end(cs, ce), make_speaker(s, e), c, c + l); cue_used[e + 1] = 1; }
            }
          }
          break;
        }
        case CueType::object:
        case CueType::accuse: {
          if (d.cap(c) && !(d.toks[c].flags & F_SENT)) break;
          if (c > 0 && (d.is(c - 1, W.the) || d.is(c - 1, W.a) || d.is(c - 1, W.an))) break;  // "the alleged transfers"
          // "had been denied visas", "was reportedly rejected by X", "was charged with": a passive, whose
          // subject is the thing denied, not a speaker
          {
            size_t v = c;
            while (v > sb && d.word(v - 1) && !d.cap(v - 1) && (d.fclass(v - 1) & Lexicon::fw_adv) && !be_form(v - 1)) --v;
            if (v > sb && be_form(v - 1) && !d.is(k, W.that)) break;
          }
          size_t cs = k;
          if (d.is(cs, W.that)) ++cs;
          if (cs >= se || d.toks[cs].type == T_PUNCT) break;
          size_t ce = cs;
          if (cue->type == CueType::accuse || d.is(k, W.that)) ce = content_end(cs);
          else {
            // the object ends before "as" ("rejected the allegations as baseless") and before a clause
            // that says when or while ("defended the record whilst promising ...")
            while (ce < se && !(d.toks[ce].type == T_PUNCT && !d.poss(ce) && !is_open_quote(ce) && !is_close_quote(ce) && d.toks[ce].cp != '-') && !d.is(ce, W.as) &&
                   !(ce > cs && (d.is(ce, h_while) || d.is(ce, h_when) || d.is(ce, h_because) || d.tok(ce) == "whilst")))
              ++ce;
            // stop before a following claim marker
          }
          if (ce <= cs) break;
          subject();
          if (!sp.present && !passive) break;
          emit(d.toks[cs].b, content_bytes_end(cs, ce), sp, c, c + l);
          break;
        }
        case CueType::call: {
          if (!(d.is(c, h_calling) || d.is(c, h_called))) break;
          size_t q = k;
          if (d.is(q, h_it) || d.is(q, h_them) || d.is(q, h_him) || d.is(q, W.her)) ++q;
          if (!is_open_quote(q)) break;
          size_t j = q + 1;
          while (j < se + 2 && j < n && !is_close_quote(j)) ++j;
          if (j >= n || !is_close_quote(j)) break;
          subject();
          emit(d.toks[q].e, d.toks[j].b, sp, c, c + l);
          break;
        }
        case CueType::say:
        case CueType::show: {
          if (d.cap(c) && !(d.toks[c].flags & F_SENT)) break;
          if (c > 0 && (d.is(c - 1, W.the) || d.is(c - 1, W.a) || d.is(c - 1, W.an) || d.is(c - 1, W.to))) break;
          // "condemning alleged transfers", "over alleged abuses": a participle before a noun, after
          // a verb or a preposition, describes the noun
          if (c > 0 && c + 1 < n && d.word(c + 1) && !d.cap(c + 1) && !d.fclass(c + 1) && d.tok(c).size() > 2 &&
              d.tok(c).substr(d.tok(c).size() - 2) == "ed" && (d.lx_has(c - 1, LX_CUE_FIRST) || (d.fclass(c - 1) & Lexicon::fw_prep)))
            break;
          if (d.tok(c).size() && (d.toks[c].flags & F_SENT)) break;
          // "Residents are concerned the water is unsafe", "The coach is confident that ...": a belief
          // adjective after a form of "be" takes a that-clause or a bare clause; its subject believes
          if (!cue->zero_that && belief_adj(c)) {
            size_t v = c;
            while (v > sb && d.word(v - 1) && !d.cap(v - 1) && (d.fclass(v - 1) & Lexicon::fw_adv) && !be_form(v - 1)) --v;
            if (!(v > sb + 1 && (be_form(v - 1) || d.is(v - 1, h_am)))) break;
            const size_t cs = d.is(k, W.that) ? k + 1 : aux_clause(k, se) ? k : SIZE_MAX;
            if (cs >= se || in_quote[cs]) break;
            size_t npe = v - 1, s0 = np_before(v - 1, sb, &npe);
            // never "it" or "there" ("It is certain that ...": no one is named)
            if (s0 >= v - 1 || (npe == s0 + 1 && (d.is(s0, h_it) || d.is(s0, W.there)))) break;
            const size_t ce = content_end(cs);
            if (ce <= cs) break;
            emit(d.toks[cs].b, content_bytes_end(cs, ce), make_speaker(s0, npe), c, c + l);
            break;
          }
          // skip an indirect object and short PPs: told reporters, said in a statement, said on Friday
          size_t x = k;
          uint64_t ch = d.toks[c].hl;
          bool tell = ch == h_told || ch == h_tell || ch == h_tells || ch == h_telling || tell_like(c);
          // "warned lawmakers that ...": an addressee before "that" (but "warned that", "warned the
          // deficit would grow")
          if (!tell && (ch == h_warn[0] || ch == h_warn[1] || ch == h_warn[2] || ch == h_warn[3]) && !d.is(k, W.that))
            for (size_t y = k + 1; y < se && y <= k + 4 && d.word(y); ++y)
              if (d.is(y, W.that)) { tell = true; break; }
          // "asked whether ...", "questioned how ...": the question is the content; so it is after any
          // reporting verb for "whether" and "why" ("have not said why the team was denied visas")
          if (cue->question || (!cue->belief && (d.is(x, h_whether) || d.is(x, h_why)))) {
            size_t y = x;
            while (y < se && y < x + 8 && !d.punct(y, '.') && !d.punct(y, ';') && !clause_word(y)) ++y;
            if (!(y < se && clause_word(y)) || in_quote[y]) break;
            size_t ce = content_end(y + 1);
            if (ce <= y + 1) break;
            subject();
            if (!sp.present && !passive) break;
            emit(d.toks[y].b, content_bytes_end(y, ce), sp, c, c + l);
            break;
          }
          if (d.is(k, W.to) && commissive(c) && !(c > sb && be_form(c - 1)) && !in_quote[k] && bare_verb(k + 1)) {
            size_t ce = content_end(k);
            if (ce <= k + 1) break;
            subject();
            if (!sp.present || bad_speaker(sp, c)) break;
            emit(d.toks[k].b, content_bytes_end(k, ce), sp, c, c + l);
            break;
          }
          // "temperatures are expected to reach", "he hopes to win", "is said to have": an infinitive, not a
          // reported clause
          if (d.is(k, W.to) && !tell && (cue->belief || (c > sb && be_form(c - 1)) || d.tok(c).substr(0, 6) == "expect")) break;
          // "As Heald told The Huffington Post, US surface ozone has dropped": the clause after the
          // attribution
          if (c > sb + 1 && d.is(sb, W.as) && c - sb <= 8 && !participle) {
            size_t y = k;
            while (y < se && y < k + 10 && !d.punct(y, ',') && !d.punct(y, '.') && !in_quote[y] && !d.is(y, W.that)) ++y;
            if (d.punct(y, ',') && y + 1 < se && !in_quote[y + 1] && (clause_start(y + 1) || bare_noun(y + 1))) {
              size_t ce = content_end(y + 1);
              subject();
              if (ce > y + 1 && sp.present && !bad_speaker(sp, c)) emit(d.toks[y + 1].b, content_bytes_end(y + 1, ce), sp, c, c + l);
              break;
            }
          }
          if (tell) {
            bool found = false;
            for (size_t y = x + 1; y < se && y <= x + 7; ++y) {
              if (d.is(y, W.that) || d.punct(y, ':')) { x = y; found = true; break; }
              if (!d.word(y)) break;
              uint8_t fc = d.fclass(y);
              if (y <= x + 3 && (fc & (Lexicon::fw_det | Lexicon::fw_pron)) && !(d.fclass(y - 1) & (Lexicon::fw_det | Lexicon::fw_prep)) &&
                  !d.is(y, W.of)) {
                x = y; found = true; break;
              }
            }
            if (!found) {
              // inverted "X, a spokeswoman told Reuters on Monday.": past the addressee to the end;
              // the inverted case below wants a comma before the subject, else it is no claim
              size_t y = x;
              while (y < se && y < x + 8 && d.toks[y].type != T_PUNCT && !d.is(y, W.that)) ++y;
              if (y > x && (y >= se || d.punct(y, '.'))) { x = y; found = true; }
            }
            if (!found && !d.punct(x, ':') && !d.punct(x, '.') && !d.punct(x, ',') && x < se) break;
            if (d.punct(x, ':')) ++x;
          }
          // "explains, in a satirical fashion, that ...": a parenthesis between the cue and its clause
          if (d.punct(x, ',') && !participle) {
            size_t y = x + 1;
            while (y < se && y < x + 9 && d.word(y) && !verbish(y)) ++y;
            if (y > x + 1 && d.punct(y, ',') && d.is(y + 1, W.that)) x = y + 1;
          }
          // "said last week that", "said Tuesday that": a time before the clause
          {
            size_t y = x;
            while (y < se && y < x + 4 && d.word(y) && !d.is(y, W.that)) ++y;
            if (y > x && d.is(y, W.that)) {
              bool time = true;
              for (size_t t = x; t < y && time; ++t) time = d.lx_has(t, LX_CALENDAR) || temporal(t);
              if (time) x = y;
            } else {
              // "said Tuesday it had found no evidence": a day or month before a bare clause (calendar
              // words only: temporal() compares strings, too slow for every cue)
              size_t t = x;
              while (t < se && t < x + 3 && d.word(t) && d.lx_has(t, LX_CALENDAR)) ++t;
              if (t > x && aux_clause(t, se)) x = t;
            }
          }
          for (int rep = 0; rep < 2 && !cue->belief; ++rep) {
            if (d.word(x) && (d.fclass(x) & Lexicon::fw_prep) && !d.is(x, W.that) && !d.is(x, W.according)) {
              size_t y = x + 1;
              while (y < se && y - x < 8 && !d.is(y, W.that) && !d.punct(y, ',') && !d.punct(y, '.') && !d.punct(y, ':')) ++y;
              if (d.is(y, W.that) || d.punct(y, ',')) { x = y; if (d.punct(x, ',')) ++x; }
              else if ((y >= se || d.punct(y, '.')) && y - x <= 4) x = y;  // X, officials said on Saturday.
            }
          }
          // (or '... "dead on arrival," said Senator Jane Roe.': the comma inside a partial quote)
          const size_t qc = c > sb + 2 && d.punct(c - 2, ',') && !in_quote[c - 1] && is_close_quote(c - 1);
          if (c > sb + 1 && (d.punct(c - 1, ',') || qc) && !participle && x == k && !d.is(k, W.that) && k < se &&
              (d.cap(k) || described_after(k, np_after(k, se)))) {
            size_t e = np_after(k, se);
            const size_t comma = c - 1 - qc;
            if (e > k && (e >= se || d.punct(e, '.') || d.punct(e, ','))) {
              size_t cs0 = c > sb + 400 ? c - 400 : sb;
              for (size_t y = cs0; y < comma; ++y) if (in_quote[y]) cs0 = y + 1;
              while (cs0 < comma && d.toks[cs0].type == T_PUNCT && !is_open_quote(cs0)) ++cs0;
              if (cs0 < comma && !in_quote[comma - 1]) {
                emit(d.toks[cs0].b, qc ? d.toks[c - 1].e : content_bytes_end(cs0, comma), make_speaker(k, e), c, c + l);
                break;
              }
            }
          }
          // 'Governor Chris Gregoire said, "The Museum of Flight put ...' with no closing mark in the
          // paragraph (or an opening mark used to close it): the quote runs to that mark or the
          // paragraph's end
          {
            size_t q = k;
            if (d.punct(q, ',') || d.punct(q, ':')) ++q;
            if (q < n && q > k && is_open_quote(q) && !in_quote[q] && q + 1 < n && !in_quote[q + 1]) {
              size_t e = q + 1;
              while (e < n && e < q + 400 && !(d.toks[e].flags & F_NEWLINE) &&
                     !(d.toks[e].type == T_PUNCT && (d.toks[e].cp == '"' || d.toks[e].cp == 0x201C || d.toks[e].cp == 0x201D)))
                ++e;
              if (e > q + 3) {
                subject();
                if (sp.present && !bad_speaker(sp, c)) {
                  emit(d.toks[q].e, content_bytes_end(q + 1, e), sp, c, c + l);
                  break;
                }
              }
            }
          }
          size_t cs;
          const bool x_quoted = x < n && in_quote[x];  // x can be past the last token ("... said, " at the end)
          if (d.is(x, W.that)) {
            cs = x + 1;
            if (d.punct(cs, ',') && d.is(cs + 1, W.according)) ++cs;  // "said that, according to X, ..."
          } else if (x >= se || d.punct(x, '.') || d.punct(x, '!') || (d.punct(x, ',') && !participle) || x_quoted) {
            // inverted: "X, officials said." / "X, said captain Rohan Iyer."
            if (participle || x_quoted) break;
            if (d.punct(x, ',') && !(x + 1 < se)) break;
            // find the comma before the subject
            size_t npe = c;
            size_t s = np_before(c, sb, &npe);
            // "X, local officials and aid agencies said.": a coordinated subject after the comma
            if (s < c && s > sb + 1 && (d.is(s - 1, W.and_) || d.is(s - 1, W.or_))) {
              size_t s2 = np_before(s - 1, sb);
              if (s2 < s - 1 && s2 > sb && d.punct(s2 - 1, ',')) s = s2;
            }
            Speaker who;
            size_t comma;
            // 'The plan is "dead on arrival," the senator said.': the comma inside a partial quote
            // that ends the content; the content keeps the closing mark
            auto quote_comma = [&](size_t j) { return j > sb + 1 && d.punct(j - 1, ',') && !in_quote[j] && is_close_quote(j); };
            size_t cend = SIZE_MAX;
            if (s < c && s > sb && (d.punct(s - 1, ',') || quote_comma(s - 1))) { who = make_speaker(s, npe); comma = s - 1; }
            else if (c > sb && (d.punct(c - 1, ',') || quote_comma(c - 1))) {
              size_t e = np_after(k, se);
              if (e <= k || starts_pp(k)) break;  // "X, written by Y.": no speaker begins with a preposition
              who = make_speaker(k, e);
              comma = c - 1;
            } else break;
            if (!d.punct(comma, ',')) { cend = comma + 1; --comma; }
            size_t cs0 = comma > sb + 400 ? comma - 400 : sb;
            // content begins after a previous quote in the sentence, if any
            for (size_t y = cs0; y < comma; ++y) if (in_quote[y]) cs0 = y + 1;
            while (cs0 < comma && d.toks[cs0].type == T_PUNCT && !is_open_quote(cs0)) ++cs0;
            if (comma <= cs0 || in_quote[comma - 1]) break;
            if (cue->type == CueType::show && !data_subject(who)) break;
            // "Already, officials said, the plan has failed": the clause goes on after the attribution
            if (comma - cs0 <= 2 && d.punct(x, ',') && x + 1 < se && !in_quote[x + 1]) {
              size_t ce2 = content_end(x + 1);
              if (ce2 > x + 1) emit(d.toks[x + 1].b, content_bytes_end(x + 1, ce2), who, c, c + l);
              break;
            }
            emit(d.toks[cs0].b, cend == SIZE_MAX ? content_bytes_end(cs0, comma) : d.toks[cend - 1].e, who, c, c + l);
            break;
          } else if ((cue->zero_that && (clause_start(x) || bare_noun(x)) && !commissive(c) && !amount_object(c, x, se) &&
                      !object_infinitive(c, x, se)) ||
                     (cue->that && aux_clause(x, se))) {
            cs = x;
          } else {
            break;
          }
          if (cs >= se) break;
          if (in_quote[cs]) break;
          size_t ce = content_end(cs);
          if (ce <= cs) break;
          subject();
          if (!sp.present && !passive) break;
          if (cue->type == CueType::show && !data_subject(sp)) break;
          uint32_t b = d.toks[cs].b, e = content_bytes_end(cs, ce);
          // a fully quoted clause: the text inside the marks
          if (is_open_quote(cs) && ce > cs + 1 && is_close_quote(ce - 1)) { b = d.toks[cs].e; e = d.toks[ce - 1].b; }
          emit(b, e, sp, c, c + l);
          break;
        }
        default:
          break;
      }
    }
    if (d.out.size() > before) {
      // later cues inside this content are not new claims, but for one whose subject opens the
      // content: "Memon said she believed the movement helped" is Memon's claim and her belief
      uint32_t end_b = d.out.back().e;
      size_t k = c + 1;
      while (k < n && d.toks[k].e <= end_b) ++k;
      *covered_until = std::max(*covered_until, k);
      if (!pending.empty()) take_pending(d.out.back().b, end_b);
      nested_cue = opening_cue(d.tok_at(d.out.back().b, c), k);
    }
  }

  // A reporting verb whose subject is the first words of the content [cs, ce): "she believed ...",
  // "the minister told him that ..."; SIZE_MAX for none.
  size_t opening_cue(size_t cs, size_t ce) const {
    if (d.is(cs, W.according) && d.is(cs + 1, W.to)) return cs;  // "learned that according to X, ..."
    for (size_t v = cs + 1; v < ce && v <= cs + 4; ++v) {
      if (!d.lx_has(v, LX_CUE_FIRST) || in_quote[v]) continue;
      int l;
      const Cue* cue = cue_at(v, &l);
      if (!cue) continue;  // "the judge"
      if (cue->type != CueType::say || ing(v)) return SIZE_MAX;
      for (size_t k = cs; k < v; ++k)  // never a date or a number ("Tuesday it had found")
        if (d.toks[k].type == T_NUM || d.lx_has(k, LX_CALENDAR | LX_NUMBER)) return SIZE_MAX;
      return np_before(v, sent_begin(v)) == cs ? v : SIZE_MAX;  // the subject it will get opens the content
    }
    return SIZE_MAX;
  }
};

}  // namespace

void find_claims(Doc& d) {
  ClaimPass p(d);
  p.quotes();
  p.blame_frames();
  p.indirect();
  p.finish();
}

}  // namespace lede::analysis
