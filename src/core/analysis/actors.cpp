// Actors: people, organizations and places. Gazetteer matches first, then capitalised sequences
// shaped by title, honorific, organization-word and name lexicons, then the statistical model for
// what the lexicons cannot decide. Mentions are then linked into entities and given roles.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/analysis/doc.hpp"
#include "core/analysis/model.hpp"

namespace lede::analysis {
namespace {

struct ActorPass {
  Doc& d;
  const Lexicon& L;
  const Words& W;
  FlatSet lower_words;  // lower-case hashes of words written in lower case somewhere
  bool lower_built = false;

  explicit ActorPass(Doc& doc) : d(doc), L(doc.lex), W(words()) {}

  bool title(size_t i) const {
    return d.word(i) && d.lx_has(i, LX_TITLE) && !d.lx_has(i, LX_GIVEN) && !d.lx_has(i, LX_NUMBER) && !plural_before_of(i);
  }
  // "the Daughters of the American Revolution", "the Knights of Columbus": a title word in the plural
  // before "of" begins a body's name inside a sentence; a person's title is singular ("Secretary of State")
  bool plural_before_of(size_t i) const {
    // not at a sentence's start ("Officials of the bank said": people) nor inside a name ("Board of Governors")
    if (!d.is(i + 1, W.of) || (d.toks[i].flags & F_SENT) || (i > 0 && (d.is(i - 1, W.of) || d.is(i - 1, W.for_)))) return false;
    std::string_view w = d.tok(i);
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
  }
  // A title word that begins a title here: the last word of a title phrase ("Minister", "spokesman"),
  // or a word of one before another ("Foreign Minister"); not a modifier alone ("City Hall", "state
  // Division of Criminal Investigation").
  bool title_start(size_t i) const {
    if (!title(i)) return false;
    if (L.title_heads.count(d.toks[i].hl)) return true;
    size_t k = i + 1;
    while (k < d.n() && k < i + 4 && (d.is(k, W.of) || d.is(k, W.the) || d.is(k, W.for_))) ++k;
    return k < i + 4 && title(k);
  }
  bool honorific(size_t i) const { return d.cap(i) && d.lx_has(i, LX_HONORIFIC); }
  bool name_connector(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    uint64_t h = d.toks[i].hl;
    return h == W.de || h == W.del || h == W.van || h == W.von || h == W.der || h == W.al || h == W.bin || h == W.ibn ||
           h == W.la || h == W.le || h == W.da || h == W.dos || h == W.ten || h == W.ter || h == W.du || h == W.di || h == W.della;
  }
  bool connector(size_t i) const {
    if (i >= d.n()) return false;
    if (d.punct(i, '&')) return true;
    if (!d.word(i) || d.cap(i)) return false;
    uint64_t h = d.toks[i].hl;
    return h == W.of || h == W.for_ || h == W.and_ || name_connector(i) || (h == W.the && i > 0 && (d.is(i - 1, W.of) || d.is(i - 1, W.for_)));
  }
  bool capword(size_t i) const {
    if (d.cap(i)) return true;
    // "al-Rashid", "bin-Salman": a lower-case particle hyphened to a capitalised name
    if (!d.word(i) || !(d.toks[i].flags & F_HYPHEN)) return false;
    std::string_view w = d.tok(i);
    size_t h = w.find('-');
    return h != std::string_view::npos && h <= 3 && h + 1 < w.size() && (w[h + 1] >= 'A' && w[h + 1] <= 'Z');
  }
  HeadKind head(size_t i) const {
    if (!d.word(i)) return HeadKind::none;
    HeadKind o = d.org_head(i);
    if (o != HeadKind::none && o != HeadKind::org_first) return o;
    return d.place_head(i) == HeadKind::place_last ? HeadKind::place_last : HeadKind::none;
  }
  HeadKind special(size_t i) const {
    return d.word(i) ? d.place_head(i) : HeadKind::none;
  }
  bool org_first(size_t i) const {
    return d.org_head(i) == HeadKind::org_first;
  }
  // "Children's Hospital", "Farmers' Union": the possessive after one of the possessor nouns
  // (assets/lexicon/name-possessors.txt), with a capitalised word after it, stays inside the name.
  // Not after a name: "Trump's Justice Department" is a person and an organization.
  bool possessive_in_name(size_t j) const {
    if (j == 0 || j + 1 >= d.n() || !d.adjacent(j) || !d.cap(j - 1) || !L.name_possessors.count(d.toks[j - 1].hs)) return false;
    bool poss = d.poss(j);
    if (!poss && (d.punct(j, '\'') || d.punct(j, 0x2019))) {  // plural: "Farmers' "
      std::string_view w = d.tok(j - 1);
      poss = !w.empty() && (w.back() == 's' || w.back() == 'S');
    }
    return poss && !(d.toks[j + 1].flags & F_NEWLINE) && (d.toks[j + 1].flags & F_SPACE) && capword(j + 1);
  }
  // Longest gazetteer phrase starting at p; returns its token count.
  int gaz_match(size_t p, const GazEntry** e) const {
    size_t n = d.n();
    if (p >= n) return 0;
    // The first word's lexeme bits say whether it is a phrase and whether a longer one starts
    // with it: the two big tables are read only for what they hold (they are out of the cache
    // by the time the scan meets the next name).
    const uint32_t lx = d.lx[p];
    if (!(lx & LX_GAZ_START)) return 0;  // no phrase starts with this word
    uint64_t h = hash_combine(hash_seed(), d.toks[p].hs);
    int best = 0;
    if (lx & LX_GAZ) {
      auto it = L.gaz.find(h);
      if (it != L.gaz.end()) { best = 1; *e = &L.gaz_entries[it->second]; }
    }
    if (!(lx & LX_GAZ_PREFIX)) return best;
    for (int k = 1; k < L.gaz_max_tokens && p + k < n; ++k) {
      if (d.toks[p + k].flags & F_NEWLINE) break;
      h = hash_combine(h, d.toks[p + k].hs);
      auto it = L.gaz.find(h);
      if (it != L.gaz.end()) { best = k + 1; *e = &L.gaz_entries[it->second]; }
      if (!L.gaz_prefix.count(h)) break;
    }
    return best;
  }
  int demonym_match(size_t p) const {
    uint64_t h = hash_seed();
    int best = 0;
    if (p < d.n() && !d.lx_has(p, LX_DEMONYM_START)) return 0;
    for (int k = 0; k < L.demonym_max_tokens && p + k < d.n(); ++k) {
      h = hash_combine(h, d.toks[p + k].hs);
      if (L.demonyms.count(h)) best = k + 1;
      if (!L.demonym_prefix.count(h)) break;  // no demonym starts with these tokens
    }
    return best;
  }
  // Is word i written in lower case somewhere in the document (or a function word)?
  bool common_word(size_t i) {
    const Token& t = d.toks[i];
    if (t.type == T_WORD && !(t.flags & F_CAP)) return true;  // itself
    if (!lower_built) {
      // Only capitalised words are asked about: keep the lower-case words whose hash may be one
      // of theirs (a bitmap of capitalised hashes says "maybe"), not every lower-case word. Function
      // words are common whatever the set says, so they stay out of the bitmap: otherwise "The" at
      // every sentence start lets every "the" through.
      lower_built = true;
      for (uint64_t h : d.lower_hashes)
        if (d.maybe_capitalised(h)) lower_words.insert(h);
    }
    return lower_words.count(t.hl) > 0 || d.fclass(i) != 0;
  }

  void add(uint32_t t0, uint32_t t1, ActorKind kind, std::string entity, bool known, const GazEntry* g, bool title_before) {
    // "The Huffington Post", "The Church of Scientology": the article is not part of the name's span
    if (t1 - t0 >= 2 && d.toks[t0].hl == W.the) {
      ++t0;
      if (entity.size() > 4 && (entity[0] == 'T' || entity[0] == 't') && entity.compare(1, 3, "he ") == 0) entity.erase(0, 4);
    }
    const uint32_t index = static_cast<uint32_t>(d.mentions.size());
    Mention& m = d.mentions.emplace_back();  // filled in place: a Mention is about 150 bytes
    m.t0 = t0;
    m.t1 = t1;
    m.kind = kind;
    m.entity = std::move(entity);
    m.known = known;
    m.title_before = title_before;
    if (g && g->capital) { m.capital = true; m.government = g->government; }
    if (g && g->place_too && t1 - t0 == 1) m.place_too = true;
    m.first_hs = d.toks[t0].hs;
    m.last_hs = d.toks[t1 - 1].hs;
    m.first_lx = d.lx[t0];
    m.first_head = head(t0);
    m.first_org_first = org_first(t0);
    m.first_flags = d.toks[t0].flags;
    // what link() asks of known places and of names whose initials may be an acronym (a kind set
    // here stays until link() for every mention of two tokens or more, and for every known one)
    if (known && kind == ActorKind::place) {
      m.chain = hash_seed();
      for (uint32_t t = t0; t < t1; ++t) m.chain = hash_combine(m.chain, d.toks[t].hs);
      m.sports = sports_verb(t1) || (t0 > 0 && sports_verb(t0 - 1)) || score_beside(t0, t1) || side_after_score(t0) || (g && !g->country && t1 < d.n() && d.toks[t1].type == T_NUM && results_line(t0, t1) > 0);
    }
    if (t1 - t0 >= 2 && (known || kind == ActorKind::organization)) {
      char ini[64];  // one byte per token; names are far shorter (the runs are bounded)
      size_t k = 0;
      for (uint32_t t = t0; t < t1 && k < sizeof ini; ++t) if (d.cap(t)) ini[k++] = d.text[d.toks[t].b];
      if (k >= 2) m.initials = hash_bytes(std::string_view(ini, k));
    }
    if (!known && t1 - t0 >= 2) {
      if (kind == ActorKind::person) {
        seen_surname.emplace(m.last_hs, index);
        if (!(m.first_lx & LX_GIVEN)) seen_person.emplace(chain_of(t0, t1), index);  // a given name first decides alone
      }
      else if (kind == ActorKind::organization && m.first_head == HeadKind::none && !(m.first_lx & (LX_TITLE | LX_FUNCTION | LX_GAZ)))
        seen_org_prefix.emplace(m.first_hs, index);
    }
  }

  // "Aner Shalev Wednesday": a weekday ends a name (months do not: April Ryan, June Carter; nor
  // short forms: "Daily Sun")
  bool weekday(size_t i) const {
    if (!d.lx_has(i, LX_CALENDAR) || d.tok(i).size() <= 4) return false;
    auto c = L.calendar.find(d.toks[i].hs);
    return c != L.calendar.end() && c->second.type == NumType::weekday;
  }

  // "Wai-ching", "Cheuk-yan", "Jae-in": a capitalised syllable, a hyphen and a lower-case one.
  bool romanised_given(size_t i) const {
    if (!(d.toks[i].flags & F_HYPHEN)) return false;
    std::string_view w = d.tok(i);
    size_t h = w.find('-');
    return h != std::string_view::npos && h >= 2 && h + 2 < w.size() && w.find('-', h + 1) == std::string_view::npos &&
           w[h + 1] >= 'a' && w[h + 1] <= 'z';
  }

  static bool follower_word(std::string_view w) {
    auto ends = [&](std::string_view e) { return w.size() > e.size() + 3 && w.substr(w.size() - e.size()) == e; };
    return ends("ist") || ends("ian") || ends("can") || ends("crat") || ends("ic");
  }

  // "Romelu Lukaku, Yannick Carrasco and Dries Mertens": a name in a list after a person's
  bool listed_with_person(size_t p) const {
    if (p < 2 || !(d.is(p - 1, W.and_) || d.is(p - 1, W.or_)) || d.mentions.empty()) return false;
    size_t e = d.punct(p - 2, ',') ? p - 2 : p - 1;
    const Mention& m = d.mentions.back();
    return m.t1 == e && m.kind == ActorKind::person && (e == p - 1 || d.punct(m.t0 - 1, ','));
  }

  // "Park Joo-ho", "Kim Min-Woo": a short family name and a romanised given name of two short
  // syllables joined by a hyphen (not "Rolls-Royce", "Coca-Cola": a syllable has at most 4 letters
  // and ends in a vowel, "n" or "g")
  bool korean_name(size_t p, size_t q) const {
    if (q != p + 2 || d.tok(p).size() > 5 || !(d.toks[p + 1].flags & F_HYPHEN)) return false;
    std::string_view w = d.tok(p + 1);
    size_t h = w.find('-');
    if (h == std::string_view::npos || w.find('-', h + 1) != std::string_view::npos) return false;
    auto syllable = [](std::string_view s) {
      if (s.size() < 2 || s.size() > 4) return false;
      for (char c : s) if (!((c | 32) >= 'a' && (c | 32) <= 'z')) return false;
      char e = static_cast<char>(s.back() | 32);
      return e == 'a' || e == 'e' || e == 'i' || e == 'o' || e == 'u' || e == 'n' || e == 'g';
    };
    return syllable(w.substr(0, h)) && syllable(w.substr(h + 1));
  }

  bool modifier_compound(size_t i) const {
    if (!(d.toks[i].flags & F_HYPHEN)) return false;
    std::string_view w = d.tok(i);
    size_t h = w.rfind('-');
    if (h == std::string_view::npos || h + 1 >= w.size()) return false;
    static const std::string_view kTails[] = {"based", "backed", "led", "born", "owned", "run", "made", "winning", "winner", "style",
                                              "era", "bound", "linked", "funded", "controlled", "held", "affiliated", "sponsored",
                                              "friendly", "related", "allied", "aligned", "occupied", "ruled", "centric", "focused"};
    std::string_view tail = w.substr(h + 1);
    for (std::string_view t : kTails) if (tail == t) return true;
    return false;
  }
  bool roman_numeral(size_t i) const {
    const Token& t = d.toks[i];
    if (!(t.flags & F_ALLCAPS) || t.e - t.b < 2) return false;
    bool ivx = false;
    for (char c : d.tok(i)) {
      if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
      ivx = ivx || c == 'I' || c == 'V' || c == 'X';
    }
    return ivx;
  }

  // Decides an unknown capitalised sequence; returns false when it is not a name.
  // surname / first word -> the first mention that had it (its entity does not change while the
  // runs are read)
  FlatMap<uint32_t> seen_surname, seen_org_prefix, seen_person;
  std::vector<uint32_t> first_words;  // sentences' first words left out for want of evidence
  uint64_t chain_of(size_t t0, size_t t1) const {
    uint64_t h = hash_seed();
    for (size_t t = t0; t < t1; ++t) h = hash_combine(h, d.toks[t].hs);
    return h;
  }

  bool unknown(uint32_t p, uint32_t q, bool title_ctx, bool hon) {
    uint32_t len = q - p;
    const Token& t = d.toks[p];
    auto text = [&] { return std::string(d.span(p, q)); };
    // "Moscow-based", "Booker Prize-winner", "Kremlin-backed": a name made a modifier is no name
    if ((d.toks[q - 1].flags & F_HYPHEN) && modifier_compound(q - 1)) return false;
    if (len == 1) {
      // a weekday is never an actor ("Sunday", with a title word before it or not)
      if (weekday(p)) return false;
      // "part XVII": a Roman numeral alone is a number ("Pope Benedict XVI" keeps it in the name)
      if ((t.flags & F_ALLCAPS) && roman_numeral(p)) return false;
      // "IE6", "STS-1", "Cloud9": a word with digits is a product or a code, not a name
      if (t.flags & F_DIGIT) return false;
      // emphasis and common acronyms: "NOT", "MORE", "SHE" (function words) and the listed ones
      // (VIP, IQ ...), unless a title or honorific goes before it
      if ((t.flags & F_ALLCAPS) && !hon && !title_ctx && d.tok(p).size() > 1 && (d.fclass(p) || d.lx_has(p, LX_STOP_CAP))) return false;
    }
    // "Millwall beat Stoke 2-0", "Reading lost to Hull 2-1": a name beside a result verb, with the
    // score in the clause, is a team (not "Nadal beat Ferrer 6-4, 6-3": sets are played by people)
    if (!hon && !title_ctx && len <= 3 && !d.lx_has(p, LX_GIVEN | LX_SURNAME | LX_STOP_CAP | LX_CALENDAR) && !(t.flags & F_ALLCAPS) &&
        plays_in_result(p, q) && !(d.model && !d.model->empty() && d.model->classify(d, p, q) == C_PER)) {
      add(p, q, ActorKind::organization, text(), false, nullptr, false);
      return true;
    }
    // "Coventry drew 0-0 with Bolton": the side after the score is a team, whatever the model says
    if (!hon && !title_ctx && len <= 3 && !d.lx_has(p, LX_GIVEN | LX_STOP_CAP | LX_CALENDAR) && side_after_score(p)) {
      add(p, q, ActorKind::organization, text(), false, nullptr, false);
      return true;
    }
    // "from Irving, Texas", "in Kearny, New Jersey": a name between a locative preposition and a comma
    // before a known place (its state or country) is a town
    if (len <= 3 && !hon && !title_ctx && town(p, q)) {
      add(p, q, ActorKind::place, text(), false, nullptr, false);
      return true;
    }
    // "so GREAT", "really BIG": capitals after a word of degree are emphasis
    if (len == 1 && (t.flags & F_ALLCAPS) && p > 0 && degree_word(p - 1)) return false;
    // "Dries Mertens scored": a full name the article has already made a person's is that person again
    if (len >= 2 && !seen_person.empty() && !d.lx_has(p, LX_GIVEN)) {
      auto s = seen_person.find(chain_of(p, q));
      if (s != seen_person.end()) { add(p, q, ActorKind::person, d.mentions[s->second].entity, false, nullptr, title_ctx); return true; }
    }
    if (len == 1 && !hon && !title_ctx) {
      auto s = seen_surname.find(t.hs);
      if (s != seen_surname.end()) { add(p, q, ActorKind::person, d.mentions[s->second].entity, false, nullptr, false); return true; }
      auto o = seen_org_prefix.find(t.hs);
      if (o != seen_org_prefix.end() && !place_use(p)) { add(p, q, ActorKind::organization, d.mentions[o->second].entity, false, nullptr, false); return true; }
    }
    if (hon || title_ctx) {
      if (len == 1 && plural_head(p)) return false;  // "State and Homeland Security Departments"
      // "Officials of the Italian Bishops Conference": a body's head word alone is no person's name
      if (len == 1 && head(p) != HeadKind::none && !d.lx_has(p, LX_GIVEN | LX_SURNAME)) return false;
      add(p, q, ActorKind::person, text(), false, nullptr, title_ctx);
      return true;
    }
    bool sent_start = (t.flags & F_SENT) || (p > 0 && d.toks[p - 1].type == T_PUNCT && (d.toks[p - 1].flags & F_OPENQ) &&
                                             (d.toks[p - 1].flags & F_SENT));
    // "Barnsley 1 Port Vale 0": a team in a results table, whatever the model makes of the name; in a
    // line with one name ("Chicago 62 39 .614", "Ernie Els 68 70 72") unless it is a person's
    if (q < d.n() && d.toks[q].type == T_NUM && !d.lx_has(p, LX_GIVEN) && !d.lx_has(p, LX_STOP_CAP)) {
      int teams = results_line(p, q);
      if (teams >= 2 || (teams == 1 && !(d.model && !d.model->empty() && d.model->classify(d, p, q) == C_PER))) {
        add(p, q, ActorKind::organization, text(), false, nullptr, false);
        return true;
      }
    }
    // "the Corvin Tallis Relief (CTR)": a name followed by its acronym is an organization's
    if (len >= 2 && d.punct(q, '(') && d.punct(q + 2, ')') && expands(p, q, q + 1)) {
      add(p, q, ActorKind::organization, text(), false, nullptr, false);
      return true;
    }
    HeadKind h = head(q - 1);
    if (len >= 2 && h != HeadKind::none) {
      add(p, q, body_kind(q - 1), text(), false, nullptr, false);
      return true;
    }
    // "Scientologist Tom Cruise", "Republican Mara Quill": a word for a follower of a faith or party
    // (-ist, -ian, -can, -crat, -ic) before a given name and one more word describes the person, whose
    // name starts at the given name (not "Hernan Dario Gomez": a first name the lists lack)
    if (len == 3 && !d.lx_has(p, LX_GIVEN | LX_SURNAME | LX_GAZ | LX_GAZ_START) && d.lx_has(p + 1, LX_GIVEN) &&
        !d.lx_has(p + 1, LX_AMBIGUOUS_GIVEN) && !(t.flags & F_ALLCAPS) && follower_word(d.tok(p)))
      return unknown(p + 1, q, title_ctx, hon);
    if (len == 1) {
      if (d.lx_has(p, LX_STOP_CAP)) return false;
      if (d.adjacent(p) && p > 0 && d.toks[p - 1].type == T_PUNCT && d.toks[p - 1].cp == '-') return false;
      if (d.lx_has(p, LX_DEMONYM)) return false;
      if (d.fclass(p) && !(t.flags & F_ALLCAPS)) return false;
      if (d.lx_has(p, LX_TITLE)) return false;
      if (d.lx_has(p, LX_CALENDAR | LX_NUMBER)) return false;
      // "a VBIED", "an IED": an acronym after an indefinite article names a thing, not a body
      if ((t.flags & F_ALLCAPS) && p > 0 && (d.is(p - 1, W.a) || d.is(p - 1, W.an))) return false;
      // "USD", "RMB": a currency code
      if ((t.flags & F_ALLCAPS) && d.lx_has(p, LX_CURRENCY_PREFIX)) return false;
      // "iodine deficiency disorders (IDD)": an acronym the text spells out in lower-case words is a thing
      if ((t.flags & F_ALLCAPS) && thing_acronym(p)) return false;
    }
    // "Zorvani, a Toronto software company,": described as an organization, it is one (a sentence's
    // first word only when the text never writes it in lower case: "Later, the company, which ...")
    if (!d.lx_has(p, LX_GIVEN) && org_apposition(q) && !(len == 1 && sent_start && common_word(p))) {
      add(p, q, ActorKind::organization, text(), false, nullptr, false);
      return true;
    }
    bool given = d.lx_has(p, LX_GIVEN) && !(len == 1 && d.lx_has(p, LX_AMBIGUOUS_GIVEN));
    if (d.candidates) d.candidates->emplace_back(p, q);
    // the model's class (-1 without a model), computed only when a decision below needs it
    int cls_value = -2;
    auto cls = [&] {
      if (cls_value == -2) cls_value = d.model && !d.model->empty() ? d.model->classify(d, p, q) : -1;
      return cls_value;
    };
    // "Trump's Justice Department": a listed surname with a possessive is a person
    if (len == 1 && !(t.flags & F_ALLCAPS) && d.lx_has(p, LX_SURNAME) && d.poss(q) && !d.lx_has(p, LX_GAZ)) {
      add(p, q, ActorKind::person, text(), false, nullptr, false);
      return true;
    }
    if (len == 1 && sent_start) {
      // a capitalised first word is a name only with evidence
      bool evidence = (t.flags & F_ALLCAPS) || d.lx_has(p, LX_SURNAME) || given || !common_word(p);
      if (!evidence) return false;
      if (cls() == C_NONE || (cls() < 0 && !(t.flags & F_ALLCAPS) && !d.lx_has(p, LX_SURNAME))) {
        if (!(t.flags & F_ALLCAPS)) first_words.push_back(p);  // may be a surname named later (run_all)
        return false;
      }
    }
    if (len == 1 && common_word(p) && !(t.flags & F_ALLCAPS) && cls() != C_PER && cls() != C_ORG && cls() != C_LOC) return false;
    // "Centre", "Council": a name's head word alone is a fragment or a common noun, never a person
    if (len == 1 && !given && cls() == C_PER && head(p) != HeadKind::none && !d.lx_has(p, LX_SURNAME)) return false;
    // "State and Homeland Security Departments": a head word's plural alone names several bodies
    if (len == 1 && !given && cls() == C_PER && plural_head(p)) return false;
    ActorKind kind;
    if (len >= 2 && given) kind = ActorKind::person;
    else if (cls() == C_PER) kind = ActorKind::person;
    else if (cls() == C_ORG) kind = ActorKind::organization;
    else if (cls() == C_LOC) kind = ActorKind::place;
    // "the magazine MicroMega", "the company Hitwise UK": a name right after an organization noun is one
    else if (cls() == C_NONE && !given && p > 0 && d.word(p - 1) && !d.cap(p - 1) && d.lx_has(p - 1, LX_ORG_NOUN))
      kind = ActorKind::organization;
    else if (cls() == C_NONE && len == 1 && !(t.flags & F_ALLCAPS)) return false;
    // Two or more capitalised words that the model calls no name, with no given name first, no
    // listed surname last and no romanised given name ("Yau Wai-ching") are not one either, all-capital
    // ones included ("DAB In" from a caption run into a sentence):
    // "Internet Explorer", "Science Fair", "Harrow Prize", "Space Shuttle Atlantis".
    else if (cls() == C_NONE && len >= 2 && !given && !d.lx_has(q - 1, LX_SURNAME) && !romanised_given(q - 1) &&
             !listed_with_person(p) && !korean_name(p, q))
      return false;
    else if (t.flags & F_ALLCAPS) kind = ActorKind::organization;
    else if (len >= 2 && d.lx_has(q - 1, LX_SURNAME)) kind = ActorKind::person;
    else if (len >= 2 && len <= 3) kind = ActorKind::person;
    else if (len == 1 && d.lx_has(p, LX_SURNAME)) kind = ActorKind::person;
    else kind = ActorKind::organization;
    // "Recognition of Science and Technology": one word after "and" that goes on with what a name is
    // "of" is no person of its own
    if (kind == ActorKind::person && len == 1 && !given && !d.lx_has(p, LX_SURNAME) && p >= 3 && d.is(p - 1, W.and_) && d.cap(p - 2) &&
        d.is(p - 3, W.of))
      return false;
    // "Iodine", "Iodine Nutrition": a person's name made only of words the text also writes in lower
    // case, none a listed given name or surname, is a capitalised common noun
    if (kind == ActorKind::person && !given && common_words(p, q)) return false;
    // "the Polaroids", "the Andy Warhol Photographic Legacy Program": a name after an article is not a
    // person's (one word: no actor; longer: an organization) unless a given name or title says so
    if (kind == ActorKind::person && p > 0 && (d.is(p - 1, W.the) || d.is(p - 1, W.a) || d.is(p - 1, W.an)) && !given) {
      if (len == 1) return false;
      kind = ActorKind::organization;
    }
    add(p, q, kind, text(), false, nullptr, false);
    return true;
  }

  // The kind of a name that ends in the head word at `last`: a place head makes a place, except a
  // district after a body's head ("Irving Independent School District" is a school board); an
  // organization head makes an organization, except a venue ("Metro Toronto Convention Centre")
  ActorKind body_kind(size_t last) const {
    static const uint64_t district = hash_bytes("District"), centre = hash_bytes("Centre"), center = hash_bytes("Center"),
                          convention = hash_bytes("Convention"), exhibition = hash_bytes("Exhibition");
    const uint64_t h = d.toks[last].hs;
    const uint64_t before = last > 0 && d.word(last - 1) ? d.toks[last - 1].hs : 0;
    if (head(last) == HeadKind::place_last) {
      HeadKind b = last > 0 ? head(last - 1) : HeadKind::none;
      return h == district && b != HeadKind::none && b != HeadKind::place_last ? ActorKind::organization : ActorKind::place;
    }
    return (h == centre || h == center) && (before == convention || before == exhibition) ? ActorKind::place : ActorKind::organization;
  }

  // Are the words [p, q) all written in lower case elsewhere in the text (no capitals, no listed
  // given name or surname)?
  bool common_words(size_t p, size_t q) {
    for (size_t i = p; i < q; ++i)
      if (!d.word(i) || (d.toks[i].flags & F_ALLCAPS) || d.lx_has(i, LX_GIVEN | LX_SURNAME) || !common_word(i)) return false;
    return true;
  }

  // "from Irving, Texas", "a school in Milan": the name at p used as a place (a locative preposition
  // right before it, or a comma and a known place after it)
  bool locative_before(size_t p) const {
    static const uint64_t kAt[] = {hash_lower("in"), hash_lower("from"), hash_lower("at"), hash_lower("near"), hash_lower("outside")};
    if (p == 0 || !d.word(p - 1) || d.cap(p - 1)) return false;
    for (uint64_t h : kAt) if (d.toks[p - 1].hl == h) return true;
    return false;
  }
  bool place_use(size_t p) const {
    // not "shares in Nordlys", "a stake in Milan": a holding in a company
    static const uint64_t kHolding[] = {hash_lower("shares"), hash_lower("stake"), hash_lower("stakes"), hash_lower("investment"), hash_lower("interest")};
    if (p > 1 && d.word(p - 2))
      for (uint64_t h : kHolding) if (d.toks[p - 2].hl == h) return false;
    if (locative_before(p)) return true;
    return d.punct(p + 1, ',') && d.cap(p + 2) && d.lx_has(p + 2, LX_GAZ) && !d.cap(p + 3);
  }

  bool town(size_t p, size_t q) const {
    if (!d.punct(q, ',') || !d.cap(q + 1) || !locative_before(p)) return false;
    const GazEntry* g = nullptr;
    int gl = gaz_match(q + 1, &g);
    return gl > 0 && g->kind == ActorKind::place && q + 1 + gl < d.n() && d.toks[q + 1 + gl].type == T_PUNCT && !d.poss(q + 1 + gl);
  }

  // The acronyms the text spells out in lower-case words ("iodine deficiency disorders (IDD)", "gross
  // domestic product (GDP)"): things, not bodies. An acronym is defined in brackets before it is used
  // alone, so the set grows as the runs are read and only a bracketed acronym is checked.
  FlatSet things;
  bool thing_acronym(size_t a) {
    if (d.punct(a - 1, '(') && d.punct(a + 1, ')') && a >= 2) {
      std::string_view acr = d.tok(a);
      // from the last letter back: each word before the bracket gives its initial; "of", "and",
      // "the", "for" may stand between them
      size_t w = a - 1, x = acr.size();
      bool ok = acr.size() >= 2 && acr.size() <= 8;
      while (x > 0 && ok) {
        if (w == 0 || !d.word(w - 1)) { ok = false; break; }
        --w;
        const bool cap = d.cap(w) && !((d.toks[w].flags & F_SENT) && x == 1);
        if (!cap && (d.is(w, W.of) || d.is(w, W.and_) || d.is(w, W.the) || d.is(w, W.for_))) continue;
        if (cap || (d.tok(w)[0] | 32) != (acr[x - 1] | 32)) ok = false;
        else --x;
      }
      if (ok) things.insert(d.toks[a].hs);
      return ok;
    }
    return !things.empty() && things.count(d.toks[a].hs);
  }

  // The first token after the capitalised run that starts at i.
  size_t run_end(size_t i) const {
    size_t n = d.n();
    size_t j = i + 1;
    while (j < n && !(d.toks[j].flags & F_NEWLINE)) {
      if (capword(j)) { ++j; continue; }
      if (d.punct(j, '.') && d.adjacent(j) && d.tok(j - 1).size() == 1 && d.cap(j - 1) && capword(j + 1) && !(j + 1 < n && (d.toks[j + 1].flags & F_NEWLINE))) { ++j; continue; }
      if (connector(j) && j + 1 < n && (capword(j + 1) || ((d.is(j, W.of) || d.is(j, W.for_)) && d.is(j + 1, W.the) && capword(j + 2)))) { ++j; continue; }
      if (possessive_in_name(j)) { ++j; continue; }
      break;
    }
    return j;
  }

  // "The", "I", "In", "But" before a plain lower-case word: run(i) would find a run of one token
  // that is a stop word and return i + 1 without a mention. Sentence-initial function words are a
  // quarter of the capitalised words, so they are told apart here first. Each test below rules out
  // one path of run() and run_end() that could do otherwise: a name that starts with the word (a
  // gazetteer phrase or demonym, an honorific, a hyphened particle) and a run that goes on after
  // it (a capitalised, connecting, possessive or hyphened word, "v" of a court case).
  bool lone_stop_word(size_t i) const {
    const uint32_t lx = d.lx[i];
    if (!(lx & LX_STOP_CAP) || (lx & (LX_HONORIFIC | LX_GAZ_START | LX_DEMONYM_START)) || (d.toks[i].flags & F_HYPHEN)) return false;
    size_t j = i + 1;
    if (j >= d.n()) return false;
    const Token& nx = d.toks[j];
    if (nx.type != T_WORD || (nx.flags & (F_CAP | F_POSS | F_HYPHEN | F_NEWLINE))) return false;
    return !connector(j) && !d.is(j, W.v);
  }

  // "HOUSTON -", "WASHINGTON, D.C. —", "LONDON (Reuters) -": a dateline's place, in capitals at the
  // start of a paragraph; returns the first token after it, or i when there is none.
  size_t dateline(size_t i) {
    size_t n = d.n(), k = i;
    while (k < n && k < i + 3 && d.word(k) && (d.toks[k].flags & F_ALLCAPS) && !(k > i && (d.toks[k].flags & F_NEWLINE))) ++k;
    if (k == i) return i;
    size_t e = k;
    if (d.punct(e, ',') && e + 1 < n && d.word(e + 1) && (d.toks[e + 1].flags & F_ALLCAPS)) e += 2;  // "WASHINGTON, D.C."
    if (d.punct(e, '(')) { size_t c = e + 1; while (c < n && c < e + 5 && !d.punct(c, ')')) ++c; e = c + 1; }  // "(AP)"
    // "LONDON 1996-08-30", "BRUSSELS Aug 30": a date line of its own instead of the dash
    auto date_line = [&] {
      if (e >= n || (d.toks[e].flags & F_NEWLINE) || !(d.toks[e].type == T_NUM || d.lx_has(e, LX_CALENDAR))) return false;
      for (size_t x = e + 1; x < n && x < e + 6; ++x) {
        if (d.toks[x].flags & F_NEWLINE) return true;
        if (!(d.toks[x].type == T_NUM || d.toks[x].type == T_PUNCT || d.lx_has(x, LX_CALENDAR))) return false;
      }
      return e + 6 > n;
    };
    if (!(d.punct(e, '-') || d.punct(e, 0x2014) || d.punct(e, 0x2013) || date_line())) return i;
    std::string name;
    uint64_t h = hash_seed();
    for (size_t x = i; x < k; ++x) {
      std::string w(d.tok(x));
      for (size_t c = 1; c < w.size(); ++c) if (w[c] >= 'A' && w[c] <= 'Z' && w[c - 1] != '-' && w[c - 1] != '.') w[c] = static_cast<char>(w[c] + 32);
      if (!name.empty()) name += ' ';
      name += w;
      h = hash_combine(h, hash_bytes(w));
    }
    auto it = L.gaz.find(h);
    if (it != L.gaz.end()) {
      const GazEntry& g = L.gaz_entries[it->second];
      add(static_cast<uint32_t>(i), static_cast<uint32_t>(k), g.kind, L.str(g.entity), true, &g, false);
    } else {
      add(static_cast<uint32_t>(i), static_cast<uint32_t>(k), ActorKind::place, name, false, nullptr, false);
    }
    return k;
  }

  // An all-capital headline ("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.") at the start
  // of a line: a line without a lower-case word. Returns its end, or i when the line is not one.
  size_t caps_line(size_t i) const {
    size_t n = d.n(), k = i, long_words = 0;
    for (; k < n && k < i + 64 && !(k > i && (d.toks[k].flags & F_NEWLINE)); ++k) {
      const Token& t = d.toks[k];
      if (t.type != T_WORD) continue;
      if (!(t.flags & (F_ALLCAPS | F_CAP))) return i;
      if (!(t.flags & F_ALLCAPS) && t.e - t.b > 1 && !(t.flags & F_DOT)) return i;  // "Port", "Mr": not all capitals
      if (t.e - t.b >= 3) ++long_words;
    }
    if (k == i + 64 && k < n && !(d.toks[k].flags & F_NEWLINE)) return i;
    return long_words >= 2 ? k : i;
  }

  // In an all-capital headline every word is capitalised, so only names the gazetteer knows are
  // read (as written, "NATO", "U.S.", or in title case, "JAPAN" as "Japan"), and a run of words
  // ending in an organization head word ("FEDERAL NATIONAL MORTGAGE ASSOCIATION"); the rest is no
  // name rather than a guess (a wrong name is worse than a missing one).
  void headline(size_t i, size_t end) {
    size_t p = i, run_start = i;
    auto title_hash = [&](size_t k) {
      std::string w(d.tok(k));
      for (size_t c = 1; c < w.size(); ++c)
        if (w[c] >= 'A' && w[c] <= 'Z' && w[c - 1] != '-' && w[c - 1] != '.') w[c] = static_cast<char>(w[c] + 32);
      return hash_bytes(w);
    };
    while (p < end) {
      if (!d.word(p)) { ++p; run_start = p; continue; }
      const GazEntry* g = nullptr;
      int gl = gaz_match(p, &g);
      if (gl == 0) {  // the title-case phrase
        uint64_t h = hash_seed();
        for (int k = 0; k < L.gaz_max_tokens && p + k < end && d.word(p + k); ++k) {
          h = hash_combine(h, title_hash(p + k));
          auto it = L.gaz.find(h);
          if (it != L.gaz.end()) { gl = k + 1; g = &L.gaz_entries[it->second]; }
          if (!L.gaz_prefix.count(h)) break;
        }
      }
      if (gl > 0 && !g->generic) {
        add(p, p + gl, g->kind, L.str(g->entity), true, g, false);
        p += gl;
        run_start = p;
        continue;
      }
      // "LEEDS 3 WIMBLEDON 1": in a results table written in capitals, a name before a score is a team
      if (p == run_start) {
        size_t k = p + 1;
        while (k < end && k < p + 4 && d.word(k) && !d.fclass(k)) ++k;
        if (k < end && d.toks[k].type == T_NUM && results_line(p, k) >= 2) {
          add(p, k, ActorKind::organization, std::string(d.span(p, k)), false, nullptr, false);
          p = k;
          run_start = p;
          continue;
        }
      }
      HeadKind h = d.org_head(p);
      if ((h == HeadKind::org_last || h == HeadKind::org_suffix) && p > run_start && p - run_start <= 4) {
        add(run_start, p + 1, ActorKind::organization, std::string(d.span(run_start, p + 1)), false, nullptr, false);
        run_start = p + 1;
      }
      ++p;
    }
  }

  // Splits the capitalised run starting at i into mentions; returns the first token after it.
  size_t run(size_t i) {
    if ((i == 0 || (d.toks[i].flags & F_NEWLINE)) && (d.toks[i].flags & F_ALLCAPS) && d.word(i)) {
      size_t e = caps_line(i);
      if (e > i) { headline(i, e); return e; }
      size_t k = dateline(i);
      if (k > i) return k;
    }
    size_t j = run_end(i);
    // laws, prizes and events are not actors: "CHIPS and Science Act", "Harrow Prize"; nor are
    // storms and operations: "Hurricane Idalia"
    if (special(j - 1) == HeadKind::not_actor || special(i) == HeadKind::not_actor_first) return j;
    // court cases: "Roe v. Wade", "Dobbs v. Jackson Women's Health Organization" (sports write "vs." or a bare "v")
    if (d.is(j, W.v) && d.punct(j + 1, '.') && d.adjacent(j + 1) && j + 2 < d.n() && capword(j + 2) &&
        !(d.toks[j + 2].flags & F_NEWLINE))
      return run_end(j + 2);
    size_t p = i;
    bool title_ctx = false, hon = false;
    while (p < j) {
      // "Route 6", "Interstate 90"
      if (special(p) == HeadKind::place_numbered && p + 1 < d.n() && d.toks[p + 1].type == T_NUM && (d.toks[p + 1].flags & F_SPACE) &&
          !(d.toks[p + 1].flags & F_NEWLINE)) {
        add(p, p + 2, ActorKind::place, std::string(d.span(p, p + 2)), false, nullptr, false);
        return p + 2 > j ? p + 2 : j;
      }
      // "Doctor Who Society of Canada": an honorific that begins an organization's name is part of it
      if (honorific(p) && !org_named_after(p)) {
        hon = true;
        ++p;
        if (d.punct(p, '.') && d.adjacent(p)) ++p;
        continue;
      }
      if (!d.word(p) || (!d.cap(p) && !(p + 1 < j && d.cap(p + 1) && name_connector(p)))) { ++p; continue; }
      const GazEntry* g = nullptr;
      int gl = gaz_match(p, &g);
      // "Regina Ip", "Victoria Beckham": a city that is also a given name, before a listed surname
      bool person_first = gl == 1 && g->kind == ActorKind::place && !g->country && p + 1 < j && d.cap(p + 1) &&
                          d.lx_has(p, LX_GIVEN) && d.lx_has(p + 1, LX_SURNAME) &&
                          !d.lx_has(p + 1, LX_GAZ) && head(p + 1) == HeadKind::none;
      if (gl > 0 && !(gl == 1 && (d.toks[p].flags & F_SENT) && g->generic) && !person_first) {
        size_t q = p + gl;
        // "Manchester City Council", "Texas House of Representatives": a place name that begins a
        // longer organization name (the last head word in the run decides)
        if (!g->country && g->kind == ActorKind::place) {
          size_t last = 0, stop = q;
          for (; stop < j && stop < q + 10; ++stop) {
            if (d.is(stop, W.and_) || d.punct(stop, '&')) break;
            if (head(stop) != HeadKind::none) last = stop + 1;
          }
          // "Texas Department of Public Safety", "New England Journal of Medicine"
          if (last > q && last + 1 < stop && d.is(last, W.of) && L.of_heads.count(d.toks[last - 1].hs) && !d.is(stop - 1, W.of) &&
              !d.is(stop - 1, W.the))
            last = stop;
          if (last > q) {
            add(p, last, body_kind(last - 1), std::string(d.span(p, last)), false, nullptr, false);
            p = last;
            continue;
          }
        }
        // "U.S. Environmental Protection Agency", "UK Department for Education": a country's name
        // before a body the lexicons do not know is part of the body's name (a known body stays
        // apart: "U.S. Federal Reserve" is a place and the Fed)
        if (g->country && g->kind == ActorKind::place && q < j && capword(q)) {
          size_t e = body_end(q, j);
          if (e > q) {
            add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
            p = e;
            continue;
          }
        }
        // "Emirates Stadium", "Allianz Arena": a sponsor's name before a place head word is a place
        if (g->kind == ActorKind::organization && q < j && head(q) == HeadKind::place_last) {
          size_t e = q + 1;
          while (e < j && head(e) == HeadKind::place_last) ++e;
          add(p, e, ActorKind::place, std::string(d.span(p, e)), false, nullptr, false);
          p = e;
          continue;
        }
        // "U.S. Federal Reserve": a country prefix before a known body is a place of its own;
        // "U.S. Trade Representative Laura Whitcomb": an office before a name is a title
        if (g->kind == ActorKind::organization && gl >= 2) {
          const GazEntry* c = nullptr;
          int cl = 0;
          for (int k = gl - 1; k >= 1 && !cl; --k) {
            uint64_t h = hash_seed();
            for (int x = 0; x < k; ++x) h = hash_combine(h, d.toks[p + x].hs);
            auto it = L.gaz.find(h);
            if (it != L.gaz.end() && L.gaz_entries[it->second].country) { cl = k; c = &L.gaz_entries[it->second]; }
          }
          bool office = title(q - 1) && q < j && capword(q);
          // "U.S. House Budget Committee": a committee of the country's chamber is one body, which
          // the lexicons do not know, so the country is part of its name (as "U.S. Coastal Agency")
          if (cl && q < j && capword(q)) {
            size_t e = committee_end(q, j);
            if (e > q) {
              add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
              p = e;
              continue;
            }
          }
          if (cl && (office || [&] { const GazEntry* r2 = nullptr; return gaz_match(p + cl, &r2) == gl - cl; }())) {
            add(p, p + cl, c->kind, L.str(c->entity), true, c, false);
            if (office) { title_ctx = true; p = q; continue; }
            const GazEntry* r2 = nullptr;
            gaz_match(p + cl, &r2);
            add(p + cl, q, g->kind, L.str(g->entity), true, g, false);
            p = q;
            continue;
          }
          if (office) { title_ctx = true; p = q; continue; }
        }
        if (g->kind == ActorKind::organization && q < d.n() && !(d.toks[q].flags & F_NEWLINE)) {
          // "Supreme Court of Canada", "National Assembly of Quebec": a known body whose last word
          // begins names before "of" (Court, Assembly, Bank), then "of" and a name, is another body
          // of that kind, named whole (not "Supreme Court" + a place)
          if (d.is(q, W.of) && L.of_heads.count(d.toks[q - 1].hs)) {
            size_t k = d.is(q + 1, W.the) ? q + 2 : q + 1, e = k;
            while (e < j && e < k + 4 && capword(e) && !title(e)) ++e;
            if (e > k) {
              add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
              p = e;
              continue;
            }
          }
          // "General Motors Corp.", "McKesson Corp", "Equinor ASA": the legal suffix stays in the name
          std::string_view nx = d.word(q) ? d.tok(q) : std::string_view();
          if (nx == "Corp" || nx == "Corp." || nx == "Inc" || nx == "Inc." || nx == "Co" || nx == "Co." || nx == "Ltd" || nx == "Ltd." ||
              nx == "LLC" || nx == "plc" || nx == "PLC" || nx == "AG" || nx == "SA" || nx == "NV" || nx == "GmbH" ||
              (d.word(q) && d.cap(q) && d.org_head(q) == HeadKind::org_suffix && !d.fclass(q))) {
            size_t e = q + 1;
            if (nx.back() != '.' && suffix_period(e)) ++e;
            add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
            if (e > j) j = e;
            p = e;
            continue;
          }
          // "House Budget Committee", "Senate Appropriations Subcommittee": a body of a known one
          size_t e = committee_end(q, j);
          if (e > q) {
            add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
            p = e;
            continue;
          }
        }
        add(p, q, g->kind, L.str(g->entity), true, g, false);
        if (q > j) j = q;
        p = q;
        continue;
      }
      if (int dl = demonym_match(p)) { p += dl; title_ctx = title_ctx || (p < j && title(p)); continue; }
      if ((d.toks[p].flags & F_HYPHEN) && split_hyphenated(p)) { ++p; continue; }
      if (d.lx_has(p, LX_STOP_CAP)) {
        bool org_follows = false;
        for (size_t r = p + 1; r < j && r < p + 12 && !d.is(r, W.and_); ++r) if (head(r) != HeadKind::none) org_follows = true;
        if (!org_follows || (d.toks[p].flags & F_SENT)) { ++p; continue; }
      }
      // "Shares of General Motors Corp", "Residents of Gaza City": a sentence's first word before "of"
      // that names no body (unlike "Bank of England", "Ministry of Defence") is not part of the name
      // after it: a plural or a word written in lower case elsewhere in the text, before a capitalised
      // word ("Friends of the Earth" stays whole)
      if ((d.toks[p].flags & F_SENT) && d.is(p + 1, W.of) && p + 2 < j && capword(p + 2) && !L.of_heads.count(d.toks[p].hs) && !title(p) &&
          !d.lx_has(p, LX_GAZ | LX_GIVEN | LX_SURNAME) && head(p) == HeadKind::none &&
          (d.tok(p).back() == 's' || common_word(p))) {
        p += 2;
        continue;
      }
      // sub-run up to "and"
      size_t r = p;
      while (r < j && r < p + 12 && !(d.is(r, W.and_) || (d.punct(r, '&') && !(r + 1 < j && (d.tok(r + 1) == "Co" || d.tok(r + 1) == "Co.")))))
        ++r;  // names are short: bounded scans; "Gabelli & Co." is one name
      // "Fernando Cheung of the Labour Party", "Wu Chi-wai of the Democratic Party": a person's name
      // (a given name first, or a romanised given name) and no head word before "of" is a person
      // of the organization, not part of its name
      for (size_t o = p + 2; o < r; ++o) {
        if (head(o - 1) != HeadKind::none || title(o - 1) || org_first(o - 1) || d.lx_has(o - 1, LX_GAZ)) break;
        if (!d.is(o, W.of)) continue;
        // also two or three words ending in a listed surname, or any two words when a head word
        // ends the part after "of" ("Tanya Chan of the Civic Party", "Jann Wenner of Rolling Stone Magazine")
        bool org_after = false;
        for (size_t x = o + 1; x < r && x < o + 8; ++x) if (head(x) != HeadKind::none && head(x) != HeadKind::place_last) org_after = true;
        if (d.lx_has(p, LX_GIVEN) || romanised_given(o - 1) || (o - p <= 3 && (d.lx_has(o - 1, LX_SURNAME) || org_after))) r = o;
        break;
      }
      // an organization or place name ending in a head word: "Foreign Ministry", "Greater Manchester Police"
      {
        size_t h = p + 1;
        while (h < r && head(h) == HeadKind::none) ++h;
        // "CEO of the Refugee Council", "Chairman of the Australian Centre": a title, then the body
        if (h < r && p + 2 < h && (d.is(p + 1, W.of) || d.is(p + 1, W.for_)) && title_start(p) && !org_first(p)) {
          title_ctx = true;
          p += d.is(p + 2, W.the) ? 3 : 2;
          continue;
        }
        if (h < r && !(title(p) && head(h) == HeadKind::place_last)) {
          size_t e = h + 1;
          while (e < r && head(e) != HeadKind::none) ++e;
          // "Ministry of Defence": org-first word followed by of; "Brennan Center for Justice"
          if (e < r && (d.is(e, W.of) || d.is(e, W.for_))) { e = r; }
          if (!d.is(e - 1, W.of) && !d.is(e - 1, W.the)) {
            // "Gabelli & Co.", "Harland Bros.": an abbreviated legal suffix keeps its period (not one
            // that ends the sentence)
            if (abbreviated_suffix(e - 1) && suffix_period(e)) {
              ++e;
              if (e > j) j = e;
            }
            add(p, e, body_kind(e - 1), std::string(d.span(p, e)), false, nullptr, false);
            p = e;
            title_ctx = false;
            continue;
          }
        }
        // "Ministry of Defence", "University of Texas", "Centre for Disease Control" (University also
        // ends names: of_heads keeps the words that begin one)
        if (p + 2 < r && (d.is(p + 1, W.of) || d.is(p + 1, W.for_)) && L.of_heads.count(d.toks[p].hs)) {  // of_heads: every org-first word
          // the name ends after a known place ("University of Texas Arlington Amneh Jafari") and
          // before a title ("Museum of Flight CEO")
          size_t k = d.is(p + 2, W.the) ? p + 3 : p + 2, e = r;
          const GazEntry* g = nullptr;
          int gl = k < r ? gaz_match(k, &g) : 0;
          if (gl > 0 && g->kind == ActorKind::place && k + gl < r && head(k + gl) == HeadKind::none) e = k + gl;
          for (size_t x = k + 1; x + 1 < e; ++x)  // a title before a name, not one inside ("Ministry of National Defense")
            if (title(x) && capword(x + 1) && !title(x + 1) && head(x + 1) == HeadKind::none) { e = x; break; }
          if (e == r) e = and_part_end(r, j);
          add(p, e, ActorKind::organization, std::string(d.span(p, e)), false, nullptr, false);
          p = e;
          continue;
        }
      }
      if (title_start(p) && (!d.lx_has(p, LX_SURNAME) || (p + 1 < j && capword(p + 1)))) {
        title_ctx = true;
        ++p;
        // "Secretary of State", "Chancellor of the Exchequer", "Minister for Foreign Affairs"
        if (p < j && (d.is(p, W.of) || d.is(p, W.for_))) {
          size_t k = p + 1;
          if (d.is(k, W.the)) ++k;
          if (k < j && capword(k)) {
            const GazEntry* g2 = nullptr;
            int l2 = gaz_match(k, &g2);
            if (l2 > 0) { add(k, k + l2, g2->kind, L.str(g2->entity), true, g2, false); p = k + l2; }
            else {
              p = k + 1;
              while (p < j && capword(p) && title(p)) ++p;
              // "Director of the National Iodine Nutrition study": two or more capitalised words after a
              // one-word complement, none a given name, go on naming the body, not a person
              size_t g = p;
              while (g < j && capword(g) && !d.lx_has(g, LX_GIVEN) && !honorific(g)) ++g;
              if (g >= p + 2 && (g == j || !capword(g))) { title_ctx = false; p = g; }
              else if (g > p && g < j && capword(g)) p = g;  // "Minister of Foreign Affairs Sergei Lavrov"
            }
          }
        }
        continue;
      }
      // (no second demonym_match(p): p is where the first one found none)
      if (d.is(p, W.of) || d.is(p, W.for_) || d.is(p, W.the) || d.is(p, W.and_) || d.punct(p, '&')) { ++p; continue; }
      // unknown name
      size_t q = p + 1;
      while (q < r && q < p + 6) {
        if (d.punct(q + 1, ':') && d.lx_has(q, LX_STOP_CAP)) break;  // "Ahmed Mohamed Image: Twitter": a caption word ends the name
        if (capword(q) && !(title(q) && q + 1 < r && capword(q + 1)) && !honorific(q) && !weekday(q)) { ++q; continue; }
        if (name_connector(q) && q + 1 < r && capword(q + 1)) { ++q; continue; }
        if (d.punct(q, '.') && q + 1 < r && capword(q + 1)) { ++q; continue; }
        break;
      }
      if (!title_ctx && p > 0 && title_start(p - 1) && !d.cap(p - 1)) title_ctx = true;  // "spokesman Dmitry Peskov"
      if (!title_ctx && p > 1 && d.punct(p - 1, '.') && d.adjacent(p - 1) && honorific(p - 2)) hon = true;
      unknown(static_cast<uint32_t>(p), static_cast<uint32_t>(q), title_ctx, hon);
      title_ctx = false;
      hon = false;
      p = q;
    }
    return j;
  }

  // "House Budget Committee": the end of a body named after the known one that ends before q (its
  // capitalised words and a head word; "House Ways and Means Committee": one "and" between two of
  // them), or q when there is none.
  size_t committee_end(size_t q, size_t j) const {
    size_t e = q;
    bool joined = false;
    while (e < j && e < q + 5 && head(e) == HeadKind::none) {
      if (capword(e) && !title_start(e)) { ++e; continue; }
      if (!joined && e > q && d.is(e, W.and_) && e + 1 < j && capword(e + 1) && !d.lx_has(e + 1, LX_GAZ | LX_GAZ_START | LX_GIVEN)) {
        joined = true;
        ++e;
        continue;
      }
      break;
    }
    if (e > q && e < j && head(e) != HeadKind::none && head(e) != HeadKind::place_last && d.org_head(e) != HeadKind::org_suffix) return e + 1;
    return q;
  }

  // The end of an organization's name that starts at q, inside the run that ends at j: its
  // capitalised words up to the last organization head word ("Environmental Protection Agency"), or
  // an org-first word, "of" or "for" and a name ("Department of Agriculture"); q when there is none,
  // or when it begins with a known name, a title or a given name.
  size_t body_end(size_t q, size_t j) const {
    const GazEntry* g = nullptr;
    if (title(q) || d.lx_has(q, LX_GIVEN) || gaz_match(q, &g) > 0) return q;
    size_t last = q;
    for (size_t e = q; e < j && e < q + 6 && capword(e) && !title(e); ++e) {
      HeadKind h = head(e);
      if (h != HeadKind::none && h != HeadKind::place_last) last = e + 1;
      if (org_first(e) && (d.is(e + 1, W.of) || d.is(e + 1, W.for_)) && e + 2 < j && capword(e + 2)) {
        size_t x = e + 2;
        while (x < j && x < e + 6 && capword(x) && !title(x)) ++x;
        return x;
      }
    }
    // "National Institutes of Health"
    if (last > q && last + 1 < j && (d.is(last, W.of) || d.is(last, W.for_)) && capword(last + 1)) {
      size_t x = last + 1;
      while (x < j && x < last + 5 && capword(x) && !title(x)) ++x;
      return x;
    }
    return last;
  }

  // "Ministry of Trade and Industry", "Union of Concerned Atheists and Agnostics": "and" and one or
  // two capitalised words that name nothing of their own (no known name, head word, given name,
  // surname or title) go on with what a body is "of"; not after a known name ("Bank of England and
  // Barclays", "University of Texas and Oklahoma State"). Returns the end of the name (r: none).
  size_t and_part_end(size_t r, size_t j) const {
    if (r + 1 >= j || !d.is(r, W.and_) || !capword(r + 1) || d.lx_has(r - 1, LX_GAZ)) return r;
    size_t e = r + 1;
    for (; e < j && capword(e); ++e)
      if (e >= r + 3 || d.lx_has(e, LX_GAZ | LX_GAZ_START | LX_GIVEN | LX_SURNAME) || title(e) || head(e) != HeadKind::none || org_first(e))
        return r;
    return e < j ? r : e;  // the run goes on after it ("... and Industry of Kenya"): not this simple case
  }

  // Does the capitalised run at p (an honorific) end in an organization head word before "and" or
  // a person's given name? ("Doctor Who Society", not "Dr. Jane Smith of the Ministry")
  bool org_named_after(size_t p) const {
    if (d.punct(p + 1, '.')) return false;
    for (size_t k = p + 1; k < d.n() && k < p + 6 && capword(k); ++k) {
      if (d.lx_has(k, LX_GIVEN) || d.lx_has(k, LX_SURNAME)) return false;
      HeadKind h = head(k);
      if (h != HeadKind::none && h != HeadKind::place_last) return true;
    }
    return false;
  }

  // "Russia-Ukraine": every part a known name
  bool split_hyphenated(size_t p) {
    std::string_view w = d.tok(p);
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    size_t a = 0;
    while (a <= w.size()) {
      size_t h = w.find('-', a);
      if (h == std::string_view::npos) h = w.size();
      parts.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(h));
      a = h + 1;
    }
    if (parts.size() < 2) return false;
    std::vector<const GazEntry*> es;
    for (auto& pr : parts) {
      auto it = L.gaz.find(hash_combine(hash_seed(), hash_bytes(w.substr(pr.first, pr.second - pr.first))));
      if (it == L.gaz.end()) return false;
      es.push_back(&L.gaz_entries[it->second]);
    }
    for (size_t k = 0; k < parts.size(); ++k) {
      add(static_cast<uint32_t>(p), static_cast<uint32_t>(p + 1), es[k]->kind, L.str(es[k]->entity), true, nullptr, false);
      d.mentions.back().bo = d.toks[p].b + parts[k].first;
      d.mentions.back().eo = d.toks[p].b + parts[k].second;
    }
    return true;
  }

  // A capital stands for its government when it acts: possessor, subject of a verb, "between X
  // and Y", or the object of "accused X of" / "urged X to".
  bool acts(const Mention& m) const {
    size_t e = m.eo ? m.t0 + 1 : m.t1;
    if (d.poss(e)) return true;
    if (m.t0 > 0 && d.is(m.t0 - 1, W.between)) return true;
    if (m.t0 > 1 && d.is(m.t0 - 1, W.and_) && d.mention_at[m.t0 - 2] >= 0) {
      const Mention& o = d.mentions[d.mention_at[m.t0 - 2]];
      if (o.t0 > 0 && d.is(o.t0 - 1, W.between)) return true;
    }
    if (locative(m)) return false;
    size_t k = e;
    if (d.is(k, W.and_) && d.mention_at.size() > k + 1 && d.mention_at[k + 1] >= 0) k = d.mentions[d.mention_at[k + 1]].t1;  // "Washington and Beijing agreed"
    if (k < d.n() && d.word(k) && !d.cap(k)) {
      uint64_t h = d.toks[k].hl;
      std::string_view w = d.tok(k);
      if (d.fclass(k) & Lexicon::fw_aux) return true;
      if (L.cues.count(hash_combine(hash_seed(), h))) return true;
      if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) return true;
      if (d.is(k, W.also) || d.is(k, W.has) || d.is(k, W.have)) return true;
      if ((h == W.of || h == W.to) && m.t0 > 0 && d.word(m.t0 - 1) && !d.cap(m.t0 - 1) && !d.fclass(m.t0 - 1)) return true;
    }
    return false;
  }

  bool sports_verb(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    static const uint64_t kVerbs[] = {hash_lower("beat"), hash_lower("beats"), hash_lower("defeated"), hash_lower("edged"),
                                      hash_lower("routed"), hash_lower("thrashed"), hash_lower("downed"), hash_lower("overcame"),
                                      hash_lower("outplayed"), hash_lower("drew"), hash_lower("trounced"), hash_lower("hammered"),
                                      hash_lower("faced"), hash_lower("vs"), hash_lower("vs."), hash_lower("v")};
    for (uint64_t h : kVerbs) if (d.toks[i].hl == h) return true;
    return false;
  }

  bool degree_word(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    static const uint64_t kDegree[] = {hash_lower("so"), hash_lower("very"), hash_lower("too"), hash_lower("really"), hash_lower("quite"),
                                       hash_lower("extremely"), hash_lower("absolutely"), hash_lower("totally"), hash_lower("incredibly")};
    for (uint64_t h : kDegree) if (d.toks[i].hl == h) return true;
    return false;
  }

  // a score's parts: "2", "-" or a dash
  bool dash(size_t k) const { return d.punct(k, '-') || d.punct(k, 0x2013) || d.punct(k, 0x2014); }
  bool num(size_t k) const { return k < d.n() && d.toks[k].type == T_NUM && d.tok(k).size() <= 2; }

  // A score ("2-0", "1 – 1") in [a, b) of one sentence and line; a set score followed by another
  // ("6-4, 6-3") does not count
  bool score_in(size_t a, size_t b) const {
    for (size_t k = a; k < b && k + 2 < d.n(); ++k) {
      if (k > a && (d.toks[k].flags & (F_NEWLINE | F_SENT))) return false;
      if (!(num(k) && dash(k + 1) && num(k + 2))) continue;
      size_t x = d.punct(k + 3, ',') ? k + 4 : k + 3;
      return !(num(x) && dash(x + 1) && num(x + 2));
    }
    return false;
  }

  // Is the name [p, q) a side in a result: before a result verb ("beat", "lost to") with a score
  // after it, or after one with the score after the name?
  bool plays_in_result(size_t p, size_t q) const {
    // most names have no number a few words after them: that is tested first, the verbs after
    size_t k = q;
    while (k < d.n() && k < q + 10 && d.toks[k].type != T_NUM) ++k;
    if (k >= d.n() || k == q + 10) return false;
    const uint64_t lost = hash_lower("lost");
    size_t v = q;
    if (v + 1 < d.n() && d.word(v) && d.toks[v].hl == lost && d.is(v + 1, W.to)) ++v;
    if (v < d.n() && (sports_verb(v) || v > q) && !(d.toks[v].flags & F_NEWLINE)) return score_in(v + 1, v + 10);
    size_t b = p;
    if (b >= 2 && d.is(b - 1, W.to) && d.word(b - 2) && d.toks[b - 2].hl == lost) --b;
    if (b >= 1 && (sports_verb(b - 1) || b < p) && !(d.toks[p].flags & F_NEWLINE)) return score_in(q, q + 3);
    return false;
  }

  // "Departments", "Ministries", "Councils": the plural of an organization's head word
  bool plural_head(size_t i) const {
    std::string_view w = d.tok(i);
    char one[32];
    if (w.size() < 5 || w.size() > sizeof one || w.back() != 's') return false;
    size_t n = w.size() - 1;
    w.copy(one, n);
    if (w.compare(n - 2, 3, "ies") == 0) { n = w.size() - 2; one[n - 1] = 'y'; }  // "Ministries" -> "Ministry"
    auto it = L.org_words.find(hash_bytes(std::string_view(one, n)));
    return it != L.org_words.end() && it->second != HeadKind::org_suffix;
  }
  bool abbreviated_suffix(size_t i) const {
    std::string_view w = d.word(i) ? d.tok(i) : std::string_view();
    return w == "Co" || w == "Cos" || w == "Corp" || w == "Inc" || w == "Ltd" || w == "Bros";
  }
  // the period right after a legal suffix, when it does not end the sentence
  bool suffix_period(size_t e) const {
    return d.punct(e, '.') && d.adjacent(e) && !(e + 1 < d.n() && (d.toks[e + 1].flags & (F_SENT | F_NEWLINE)));
  }

  // "drew 0-0 with Bolton", "lost 2-1 to Luton", "won 3-0 against Stoke": the other side of a result,
  // after a result verb, one score (not a set among others: "6-4 6-3 to Nadal") and "with", "to",
  // "against" or "over"
  bool side_after_score(size_t p) const {
    static const uint64_t against_ = hash_lower("against");
    // the score first: most names have no number two tokens before them
    if (p < 5 || !num(p - 2) || !dash(p - 3) || !num(p - 4) ||
        !(d.is(p - 1, W.with) || d.is(p - 1, W.to) || d.is(p - 1, W.over) || d.is(p - 1, against_)))
      return false;
    // "lost 6-4 to Dubois": a tennis set's shape (6 or 7 games to at most 7) is a person's result
    auto games = [&](size_t k) { std::string_view w = d.tok(k); return w.size() == 1 ? w[0] - '0' : 10; };  // two digits: no set
    const int a = games(p - 4), b = games(p - 2);
    if ((a == 6 || a == 7 || b == 6 || b == 7) && a <= 7 && b <= 7) return false;
    static const uint64_t kVerbs[] = {hash_lower("drew"), hash_lower("lost"), hash_lower("won"), hash_lower("tied")};
    const size_t v = p - 5;
    if (sports_verb(v)) return true;
    if (!d.word(v) || d.cap(v)) return false;
    for (uint64_t h : kVerbs) if (d.toks[v].hl == h) return true;
    return false;
  }

  bool legal_suffix(size_t i) const {
    if (d.org_head(i) == HeadKind::org_suffix) return true;
    std::string_view w = d.tok(i);  // capitals: not "CO" (Denver, CO)
    return w == "INC" || w == "CORP" || w == "LTD" || w == "LLC" || w == "PLC";
  }

  // "Sweden 1 – 0 Korea Republic": a score right after the name, or right before it
  bool score_beside(size_t t0, size_t t1) const {
    if (num(t1) && dash(t1 + 1) && num(t1 + 2) && !(d.toks[t1].flags & F_NEWLINE)) return true;
    return t0 >= 3 && num(t0 - 1) && dash(t0 - 2) && num(t0 - 3) && !(d.toks[t0].flags & F_NEWLINE);
  }

  // "Barnsley 1 Port Vale 0", "Chicago 62 39 .614": a name followed by a score in a line of a
  // results table (only capitalised words, connectors, numbers and light punctuation, two numbers or
  // more, no colon: "Scorers: Shearer 23" lists players; no month or weekday; not inside parentheses:
  // "(Shearer 23)").
  // Returns how many names in the line are followed by a number (two: a match; one: a standings or
  // a golf line), 0 when it is not such a line. Read only when a short number follows the name,
  // which prose rarely has.
  int results_line(size_t t0, size_t t1) const {
    const size_t n = d.n();
    if (t1 >= n || d.toks[t1].type != T_NUM || d.tok(t1).size() > 3 || (d.toks[t1].flags & F_NEWLINE) || !(d.toks[t1].flags & F_SPACE))
      return 0;
    size_t a = t0;
    while (a > 0 && !(d.toks[a].flags & F_NEWLINE) && t0 - a < 24) --a;
    if (!(d.toks[a].flags & F_NEWLINE) && a > 0) return 0;  // a long line is prose
    int nums = 0, named = 0, depth = 0;
    for (size_t k = a; k < n && k < a + 40; ++k) {
      if (k > a && (d.toks[k].flags & F_NEWLINE)) break;
      if (k == t0 && depth > 0) return 0;
      const Token& t = d.toks[k];
      if (t.type == T_NUM) {
        ++nums;
        if (k > a && d.word(k - 1) && d.cap(k - 1)) ++named;
        continue;
      }
      if (t.type == T_PUNCT) {
        if (t.cp == ':' || t.cp == '"' || t.cp == 0x201C || t.cp == 0x201D) return 0;
        if (t.cp == '(') ++depth;
        if (t.cp == ')') --depth;
        continue;
      }
      if (!(t.flags & F_CAP) && !connector(k) && !d.is(k, W.the)) return 0;
      if (d.lx_has(k, LX_CALENDAR)) return 0;  // a date line: "Thursday, July 21, 2017"
      if (k + 1 == a + 40) return 0;
    }
    return nums >= 2 ? named : 0;
  }

  bool locative(const Mention& m) const {
    size_t k = m.t0;
    int steps = 0;
    while (k > 0 && steps < 12) {
      --k;
      ++steps;
      if (d.word(k)) {
        uint64_t h = d.toks[k].hl;
        if (h == W.both || h == W.nearby || h == W.the || h == W.and_ || h == W.or_) continue;
        int32_t mi = d.mention_at[k];
        if (mi >= 0 && d.mentions[mi].kind == ActorKind::place) { k = d.mentions[mi].t0; continue; }
        if (h == W.between) return false;
        static const uint64_t kLoc[] = {hash_lower("in"), hash_lower("on"), hash_lower("at"), hash_lower("near"), hash_lower("from"),
                                        hash_lower("to"), hash_lower("into"), hash_lower("across"), hash_lower("outside"),
                                        hash_lower("around"), hash_lower("inside"), hash_lower("over"), hash_lower("of"), hash_lower("via"),
                                        hash_lower("toward"), hash_lower("towards"), hash_lower("through"), hash_lower("throughout"),
                                        hash_lower("within"), hash_lower("visited"), hash_lower("visit"), hash_lower("above"),
                                        hash_lower("off"), hash_lower("downtown"), hash_lower("central"), hash_lower("northern"),
                                        hash_lower("southern"), hash_lower("eastern"), hash_lower("western"), hash_lower("for")};
        for (uint64_t x : kLoc) if (h == x) return true;
        return false;
      }
      if (d.toks[k].type == T_PUNCT && d.toks[k].cp == ',') continue;
      return false;
    }
    return false;
  }

  bool role_modifier(size_t i) const {
    if (!d.word(i) || d.cap(i)) return false;
    if (d.fclass(i)) return false;
    if (L.cues.count(hash_combine(hash_seed(), d.toks[i].hl)) || d.lx_has(i, LX_NOT_NOUN)) return false;  // "met King Charles"
    std::string_view w = d.tok(i);
    if (w.size() < 3) return false;
    auto ends = [&](const char* s) { size_t l = std::char_traits<char>::length(s); return w.size() > l && w.substr(w.size() - l) == s; };
    return !(ends("ed") || ends("ing") || ends("ly"));
  }

  std::string title_role(const Mention& m) {
    size_t t0 = m.t0;
    size_t k = t0;
    if (k > 0 && d.punct(k - 1, '.') && k > 1 && honorific(k - 2)) k -= 2;
    else if (k > 0 && honorific(k - 1)) k -= 1;
    size_t end = k;  // role is [start, end)
    size_t start = end;
    size_t sb = d.sent_begin[d.sent[t0]];
    int modifiers = 0;
    bool seen_title = false;
    while (k > sb) {
      size_t i = k - 1;
      if (d.word(i) && d.poss(i)) break;
      int32_t mi = d.mention_at[i];
      if (mi >= 0) {
        const Mention& o = d.mentions[mi];
        if (o.kind == ActorKind::person) break;
        k = o.t0; start = k; modifiers = 0; continue;
      }
      if (!d.word(i)) break;
      if (title(i)) { k = i; start = k; seen_title = true; modifiers = 0; continue; }
      if (d.cap(i) && (d.lx_has(i, LX_DEMONYM) || !d.fclass(i))) {
        // "Polaroids of author Truman Capote": a capitalised word before "of" is in the role only
        // when it is a title itself ("Secretary of State", "Chancellor of the Exchequer")
        if (d.is(i + 1, W.of) || d.is(i + 1, W.to) || d.is(i + 1, W.for_)) break;
        if (d.toks[i].flags & F_SENT) {
          if (!d.lx_has(i, LX_STOP_CAP)) { k = i; start = k; }
          break;
        }
        if (d.lx_has(i, LX_STOP_CAP)) break;
        k = i; start = k; continue;
      }
      if (d.cap(i) && i > 0 && L.demonyms.count(hash_combine(hash_combine(hash_seed(), d.toks[i - 1].hs), d.toks[i].hs))) {
        k = i - 1; start = k; continue;
      }
      uint64_t h = d.toks[i].hl;
      if (h == W.of || h == W.to || h == W.for_ || (h == W.the && i > 0 && (d.is(i - 1, W.of) || d.is(i - 1, W.to) || d.is(i - 1, W.for_)))) {
        k = i; continue;
      }
      if (seen_title && start == i + 1 && modifiers < 2 && role_modifier(i) && title(i + 1)) { k = i; start = k; ++modifiers; continue; }
      if (seen_title && start == i + 1 && (d.toks[i].flags & F_SENT) && d.cap(i) && !d.lx_has(i, LX_STOP_CAP) && !d.fclass(i)) { k = i; start = k; break; }
      break;
    }
    if (!seen_title || start >= end) return {};
    // the word right before the name must belong to the title phrase
    size_t last = end - 1;
    if (!(title(last) || d.mention_at[last] >= 0 || d.cap(last))) return {};
    return role_text(start, end);
  }

  // A preposition (or, with `pronouns`, a subject pronoun) before the first title word in [s, e):
  // the phrase is not headed by the title, so it is no role.
  bool clause_before_title(size_t s, size_t e, bool pronouns) const {
    for (size_t x = s; x < e && !title(x); ++x)
      if (d.word(x) && ((d.fclass(x) & Lexicon::fw_prep) ||
                        (pronouns && (d.is(x, W.he) || d.is(x, W.she) || d.is(x, W.they) || d.is(x, W.it)))))
        return true;
    return false;
  }

  // The text of a role phrase [s, e), trimmed to the noun phrase: no leading "and" / "also" / article,
  // nothing from the first verb on ("Central Command spokesman will moderate", "wikiHow founder
  // interviewed by ..."), no trailing weekday ("nominee for Governor of Virginia Saturday").
  std::string role_text(size_t s, size_t e) const {
    while (s < e && d.word(s) && (d.is(s, W.and_) || d.is(s, W.also) || d.is(s, W.but))) ++s;  // "And the head of NATO"
    if (s < e && np_start_token(s)) ++s;
    bool title_seen = false;
    for (size_t x = s; x < e; ++x) {
      if (!title_seen) { title_seen = title(x); continue; }
      if (!d.word(x) || d.cap(x)) continue;
      std::string_view w = d.tok(x);
      bool verb = (d.fclass(x) & Lexicon::fw_aux) || d.lx_has(x, LX_NOT_NOUN) ||
                  (L.cues.count(hash_combine(hash_seed(), d.toks[x].hl)) && !title(x)) ||
                  (!title(x) && w.size() > 4 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0));
      if (verb) { e = x; break; }
    }
    while (e > s && (d.toks[e - 1].type == T_PUNCT || (d.cap(e - 1) && d.lx_has(e - 1, LX_CALENDAR)) ||
                     (d.word(e - 1) && (d.fclass(e - 1) & (Lexicon::fw_prep | Lexicon::fw_conj | Lexicon::fw_det)))))
      --e;
    if (e <= s) return {};
    return std::string(d.span(s, e));
  }

  bool np_start_token(size_t i) const {
    if (!d.word(i)) return false;
    uint64_t h = d.toks[i].hl;
    return h == W.the || h == W.a || h == W.an || h == W.its || h == W.his || h == W.her || h == W.their;
  }

  // "Kim Song, North Korea’s ambassador to the United Nations," -> "ambassador to the United Nations"
  std::string apposition_role(const Mention& m) {
    size_t n = d.n();
    size_t i = m.t1;
    if (!d.punct(i, ',')) return {};
    ++i;
    size_t sent_end = d.sent_begin[d.sent[m.t0] + 1];
    size_t k = i;
    bool has_title = false;
    size_t title_pos = 0;
    while (k < n && k < sent_end && k - i < 16) {
      if (d.toks[k].type == T_PUNCT) {
        uint32_t c = d.toks[k].cp;
        if (c == ',' || c == '.' || c == ';' || c == ')' || c == 0x2014 || c == 0x2013) break;
        if (c != '-' && c != '&') return {};
      }
      if (k > i && (d.is(k, W.who) || d.is(k, W.which) || d.is(k, W.that) || d.is(k, W.whose))) break;
      if (d.word(k) && !has_title && title(k)) { has_title = true; title_pos = k; }
      if (d.word(k) && !d.cap(k) && L.cues.count(hash_combine(hash_seed(), d.toks[k].hl)) && !title(k)) return {};
      ++k;
    }
    if (!has_title || k == i) return {};
    if (!(k >= n || k >= sent_end || d.toks[k].type == T_PUNCT || d.is(k, W.who) || d.is(k, W.which) || d.is(k, W.that) || d.is(k, W.whose))) return {};
    if (d.is(i, W.who) || d.is(i, W.which) || d.is(i, W.whose) || d.toks[i].type == T_NUM) return {};
    // strip a leading article or possessor
    size_t s = i;
    for (size_t x = i; x < title_pos; ++x) if (d.poss(x)) s = x + 1;
    if (s == i && np_start_token(s)) ++s;
    if (s >= k) return {};
    if (title_pos < s) return {};
    // the title heads the phrase: "Karis, in high school she came up with" is no role
    if (clause_before_title(s, k, true)) return {};
    // the first content word should be the title or its modifiers (not a verb phrase)
    return role_text(s, k);
  }

  // "Its energy spokesman, David Hale, said": the NP before the comma
  std::string preposed_role(const Mention& m) {
    if (m.t0 < 2 || !d.punct(m.t0 - 1, ',')) return {};
    size_t e = m.t0 - 1;
    size_t sb = d.sent_begin[d.sent[m.t0]];
    size_t k = e;
    bool has_title = false;
    while (k > sb && e - k < 12) {
      size_t i = k - 1;
      if (d.toks[i].type == T_PUNCT && !d.poss(i)) { if (d.toks[i].cp == 0x201C || d.toks[i].cp == '"') break; return {}; }
      if (title(i)) has_title = true;
      k = i;
    }
    if (k != sb || !has_title) return {};
    // the role noun heads the phrase: "The Treasury secretary, Janet Yellen", not "Speaking to
    // reporters in Brasília, Yellen" (a preposition before the first role word)
    if (clause_before_title(k, e, false)) return {};
    size_t s = k;
    // "Apple's chief executive, Tim Cook" and "... sued Binance and its founder, Changpeng Zhao": the role
    // begins after the last possessive
    for (size_t x = k; x < e; ++x)
      if (d.poss(x) || d.is(x, W.its) || d.is(x, W.his) || d.is(x, W.her) || d.is(x, W.their)) s = x + 1;
    if (s == k && np_start_token(s)) ++s;
    if (s >= e) return {};
    return role_text(s, e);
  }

  // Is the all-capital word at a the acronym of mention m? It is made of beginnings of the name's
  // capitalised words, in order, the first word's included: "ISIL" of "Islamic State of Iraq and
  // the Levant", "NYMEX" of "New York Mercantile Exchange", "NAVCENT" of "Naval Forces Central Command".
  bool expands(size_t t0, size_t t1, size_t a) const {
    if (!d.word(a) || !(d.toks[a].flags & F_ALLCAPS) || (d.toks[a].flags & F_NEWLINE)) return false;
    if (d.fclass(a) || d.lx_has(a, LX_STOP_CAP | LX_TITLE)) return false;
    char acr[12];
    size_t n = 0;
    for (char c : d.tok(a)) {
      if (c >= 'A' && c <= 'Z') { if (n == sizeof acr) return false; acr[n++] = c; }
      else if (c != '-' && c != '&') return false;
    }
    std::string_view ws[12];
    size_t nw = 0;
    for (size_t t = t0; t < t1 && nw < 12; ++t) if (d.cap(t)) ws[nw++] = d.tok(t);
    if (n < 2 || nw < 2) return false;
    // words [j, nw) spell acr[k, n): each word used gives a prefix of itself; only the first must be used
    auto spell = [&](auto&& self, size_t j, size_t k) -> bool {
      if (k == n) return true;
      for (size_t x = j; x < nw && (x == j || j > 0); ++x)
        for (size_t l = 1; l <= ws[x].size() && k + l <= n && (ws[x][l - 1] & ~32) == acr[k + l - 1]; ++l)
          if (self(self, x + 1, k + l)) return true;
      return false;
    };
    return spell(spell, 0, 0);
  }

  void link() {
    // -> index of the first mention that gave it; those mentions span two tokens or more, and only
    // one-token mentions change below, so their entities stay as they were
    FlatMap<uint32_t> surname, org_prefix, acronym;
    for (const Mention& m : d.mentions) {
      uint32_t len = m.t1 - m.t0;
      uint32_t mi = static_cast<uint32_t>(&m - d.mentions.data());
      if (m.kind == ActorKind::person && len >= 2) surname.emplace(m.last_hs, mi);
      if (m.kind == ActorKind::organization && len >= 2 && !m.known) {
        if (!(m.first_lx & (LX_GAZ | LX_TITLE | LX_FUNCTION | LX_DEMONYM)) && m.first_head == HeadKind::none && !m.first_org_first)
          org_prefix.emplace(m.first_hs, mi);
      }
      // initials of organizations and known names: Rapid Support Forces -> RSF
      if (m.initials) acronym.emplace(m.initials, mi);
    }
    // "the Federal Emergency Management Agency (FEMA)": a name that gives its acronym in brackets
    // is an organization's (people have none), and the acronym is that organization wherever it
    // stands, also when its letters are not exactly the initials ("Naval Forces Central Command
    // (NAVCENT)"). An expansion is rare: the check runs only where a bracket follows a name.
    for (Mention& m : d.mentions) {
      const size_t a = m.t1 + 1;
      if (m.t1 - m.t0 < 2 || m.eo || !d.punct(m.t1, '(') || !d.punct(a + 1, ')') || !expands(m.t0, m.t1, a)) continue;
      if (!m.known && m.kind == ActorKind::person) m.kind = ActorKind::organization;
      if (m.kind == ActorKind::person) continue;
      acronym[d.toks[a].hs] = static_cast<uint32_t>(&m - d.mentions.data());
    }
    for (Mention& m : d.mentions) {
      if (m.t1 - m.t0 != 1) continue;
      // "a school in Milan": a known organization named like a place is the place where used as one
      if (m.place_too && place_use(m.t0)) {
        m.kind = ActorKind::place;
        m.entity = std::string(d.span(m.t0, m.t1));
        m.known = false;
        continue;
      }
      uint64_t h = m.first_hs;
      if (!m.known) {
        auto s = surname.find(h);
        if (s != surname.end()) { m.kind = ActorKind::person; m.entity = d.mentions[s->second].entity; continue; }
      } else if (m.kind == ActorKind::place && !surname.empty()) {
        // "Valeska Paris ... Paris said": a city that is the surname of a person the article names,
        // where it is not a location
        auto s = surname.find(h);
        if (s != surname.end() && !locative(m)) { m.kind = ActorKind::person; m.entity = d.mentions[s->second].entity; m.known = false; m.capital = false; continue; }
      }
      if (!m.known) {
        auto s = surname.find(h);
        if (s != surname.end()) { m.kind = ActorKind::person; m.entity = d.mentions[s->second].entity; continue; }
        auto o = org_prefix.find(h);
        if (o != org_prefix.end() && !place_use(m.t0)) { m.kind = ActorKind::organization; m.entity = d.mentions[o->second].entity; continue; }
      }
      if (m.first_flags & F_ALLCAPS) {
        auto a = acronym.find(h);
        if (a != acronym.end() && !m.known) { m.kind = ActorKind::organization; m.entity = d.mentions[a->second].entity; }
      }
    }
    // Teams this article names in full, by city: "Chicago" in a match report is the team it named.
    // city -> the first team named for it (a map, not a scan per place: both grow with the text)
    std::vector<std::string> teams_here;
    FlatMap<uint32_t> team_by_city;
    if (!L.team_city.empty())
      for (const Mention& m : d.mentions)
        if (m.known && m.kind == ActorKind::organization)
          if (auto c = L.team_city.find(hash_bytes(m.entity)))
            if (team_by_city.emplace(c->second, static_cast<uint32_t>(teams_here.size())).second) teams_here.push_back(m.entity);
    // a country or city that plays ("Sweden defeated South Korea", "Sweden 1 – 0 Korea Republic") is
    // the team wherever the article does not use it as a location ("put Sweden in the lead")
    FlatSet playing;
    for (const Mention& m : d.mentions)
      if (m.sports && m.kind == ActorKind::place && m.known && !m.eo) playing.insert(m.chain);
    for (Mention& m : d.mentions) {
      const bool known_place = m.kind == ActorKind::place && m.known && !m.eo;
      if (!known_place && !m.capital) continue;
      if (known_place && !m.sports && !m.capital && !playing.empty() && playing.count(m.chain) && !locative(m)) {
        m.kind = ActorKind::organization;
        continue;
      }
      uint64_t city = m.chain;
      const std::string* named = nullptr;
      if (known_place && !teams_here.empty())
        if (auto t = team_by_city.find(city)) named = &teams_here[t->second];
      // "Boston beat Chicago 112-104": teams named by their city. Where the article names the
      // team ("the Celtics"), its city alone is the team too ("Boston (38-11) hosts..."), unless
      // it is where something happens ("in Boston") or a capital's government.
      if (known_place && (m.sports || (named && !m.capital && !locative(m)))) {
        auto team = L.team_of_city.find(city);
        m.kind = ActorKind::organization;
        m.entity = named ? *named
                   : team != L.team_of_city.end() && team->second != Lexicon::kNoTeam ? L.str(team->second)
                                                                                       : std::string(d.span(m.t0, m.t1));
        m.capital = false;
        continue;
      }
      if (m.capital && acts(m)) m.entity = L.str(m.government);
    }
  }

  // "Vektra Bio, a biotech company,", "Clearwave, the Irish mobile operator that": a name set beside
  // a description headed by an organization noun (the noun last before punctuation, a preposition or
  // a relative word; not "a party official", "the group's founder").
  bool org_apposition(size_t t1) const {
    size_t i = t1 + 1;
    if (!d.punct(t1, ',') || !(d.is(i, W.a) || d.is(i, W.an) || d.is(i, W.the))) return false;
    for (size_t k = i + 1; k < d.n() && k < i + 6; ++k) {
      if (!d.word(k) || d.poss(k) || (d.toks[k].flags & F_NEWLINE) || (d.fclass(k) & (Lexicon::fw_prep | Lexicon::fw_conj))) return false;
      if (d.cap(k) || !d.lx_has(k, LX_ORG_NOUN)) continue;
      size_t x = k + 1;
      if (x >= d.n() || (d.toks[x].type == T_PUNCT && !d.poss(x)) || (d.word(x) && (d.fclass(x) & Lexicon::fw_prep)) || d.is(x, W.that) ||
          d.is(x, W.which) || d.is(x, W.whose))
        return true;
    }
    return false;
  }

  void roles() {
    for (Mention& m : d.mentions) {
      // "British cider maker Orchard Lane", "football club Wrexham": an unknown name right after an
      // organization noun (a person only when it is one word and no given name: "film maker Spike Lee")
      // (or two or three words with no given name first and no listed surname last: "the magazine
      // Pensiero Libero")
      auto one_word = [&] {
        return m.t1 - m.t0 <= 3 && !d.lx_has(m.t0, LX_GIVEN) && (m.t1 - m.t0 == 1 || !d.lx_has(m.t1 - 1, LX_SURNAME));
      };
      if (!m.known && !m.eo && m.t0 > 0 && d.word(m.t0 - 1) && !d.cap(m.t0 - 1) && d.lx_has(m.t0 - 1, LX_ORG_NOUN) &&
          (m.kind == ActorKind::place || (m.kind == ActorKind::person && one_word()))) {
        m.kind = ActorKind::organization;
        continue;
      }
      if (m.kind != ActorKind::person) continue;
      std::string r = title_role(m);
      if (r.empty()) r = apposition_role(m);
      if (r.empty()) r = preposed_role(m);
      // "Norwegian broadcaster NRK": described as an organization, it is one (a name the model
      // could not place otherwise)
      size_t sp = r.rfind(' ');
      // (the noun heads the description: not "a nurse at the city hospital")
      auto headed = [&] {
        for (const char* prep : {" at ", " of ", " in ", " for ", " from ", " with "}) if (r.find(prep) != std::string::npos) return false;
        return true;
      };
      if (!m.known && !r.empty() && L.org_nouns.count(hash_lower(sp == std::string::npos ? r : r.substr(sp + 1))) && headed()) {
        m.kind = ActorKind::organization;
        continue;
      }
      m.role = std::move(r);
    }
  }

  void run_all() {
    size_t n = d.n();
    size_t i = 0;
    while (i < n) {
      while (i < n && !d.cap(i)) ++i;  // a tight loop over the lower-case words and punctuation between names
      if (i >= n) break;
      if (lone_stop_word(i)) { ++i; continue; }
      // "@POTUS", "#IStandWithAhmed": a handle or a hashtag names an account or a topic
      if (i > 0 && d.adjacent(i) && (d.punct(i - 1, '@') || d.punct(i - 1, '#'))) { ++i; continue; }
      // "Kestrel Foods, LLC", "EVERGREEN SOLAR, INC": a legal suffix after a name and a comma is part
      // of the company's name, never an actor alone (nor "INC" the Indian National Congress)
      if (i >= 2 && d.punct(i - 1, ',') && d.cap(i - 2) && legal_suffix(i)) { ++i; continue; }
      i = run(i);
    }
    // "Braverman (left) and Sunak ... Home Secretary Suella Braverman said": a sentence's first word
    // left out for want of evidence is the surname of a person the article names in full (these come
    // after the runs' mentions, in order of their own)
    const size_t runs_found = d.mentions.size();
    for (uint32_t p : first_words) {
      auto s = seen_surname.find(d.toks[p].hs);
      if (s != seen_surname.end()) add(p, p + 1, ActorKind::person, d.mentions[s->second].entity, false, nullptr, false);
    }
    // sort by t0, keeping the order they were found in for equal starts (the parts of a hyphenated
    // word): the runs are read left to right, so the mentions are nearly always in order already
    std::vector<std::pair<uint32_t, uint32_t>> order(d.mentions.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = {d.mentions[k].t0, static_cast<uint32_t>(k)};
    const auto mid = order.begin() + static_cast<std::ptrdiff_t>(runs_found);
    if (std::is_sorted(order.begin(), mid) && std::is_sorted(mid, order.end())) std::inplace_merge(order.begin(), mid, order.end());
    else std::sort(order.begin(), order.end());  // (t0, index): stable
    // drop overlaps (keep the first); a list already in order with none keeps its place (no copies)
    auto dropped = [&](size_t k, uint32_t last_end) {
      const Mention& m = d.mentions[order[k].second];
      const Mention& prev = d.mentions[order[k - 1].second];
      return m.t0 < last_end && !(m.eo && prev.eo && m.t0 == prev.t0);
    };
    bool in_place = true;
    for (size_t k = 0, last_end = 0; k < order.size() && in_place; last_end = d.mentions[order[k].second].t1, ++k)
      in_place = order[k].second == k && !(k > 0 && dropped(k, static_cast<uint32_t>(last_end)));
    if (!in_place) {
      std::vector<Mention> kept;
      kept.reserve(d.mentions.size());
      uint32_t last_end = 0;
      for (size_t k = 0; k < order.size(); ++k) {
        Mention& m = d.mentions[order[k].second];
        if (!kept.empty() && m.t0 < last_end && !(m.eo && kept.back().eo && m.t0 == kept.back().t0)) continue;
        last_end = m.t1;
        kept.push_back(std::move(m));
      }
      d.mentions.swap(kept);
    }
    d.mention_at.assign(n, -1);
    for (size_t k = 0; k < d.mentions.size(); ++k)
      for (uint32_t t = d.mentions[k].t0; t < d.mentions[k].t1; ++t) d.mention_at[t] = static_cast<int32_t>(k);
    link();
    roles();
    same_kind();
  }

  // One name, one kind: a name the lexicons do not know that the article shows once to be an
  // organization's (a head word, an expansion, a description beside it) is that organization at
  // its other mentions too ("Zorvani, a Toronto software company, ... Zorvani said").
  void same_kind() {
    FlatSet orgs;
    for (const Mention& m : d.mentions)
      if (m.kind == ActorKind::organization && !m.known) orgs.insert(hash_bytes(m.entity));
    if (orgs.empty()) return;
    for (Mention& m : d.mentions)
      if (m.kind != ActorKind::organization && !m.known && !m.eo && orgs.count(hash_bytes(m.entity))) {
        m.kind = ActorKind::organization;
        m.role.clear();
      }
  }
};

}  // namespace

void find_actors(Doc& d) {
  d.mentions.reserve(d.n() / 16 + 16);  // news has about one mention per 20 tokens: no regrowth copies
  ActorPass p(d);
  p.run_all();
}

void actor_spans(Doc& d) {
  for (Mention& m : d.mentions) {
    m.b = m.eo ? m.bo : d.toks[m.t0].b;
    m.e = m.eo ? m.eo : d.toks[m.t1 - 1].e;
  }
}

}  // namespace lede::analysis
