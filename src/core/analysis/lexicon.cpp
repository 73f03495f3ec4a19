#include "core/analysis/lexicon.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/analysis/tokenizer.hpp"
#include "core/assets.hpp"
#include "core/text.hpp"

namespace lede::analysis {

std::string_view actor_kind_name(ActorKind k) {
  switch (k) {
    case ActorKind::person: return "person";
    case ActorKind::organization: return "organization";
    default: return "place";
  }
}

namespace {

// Calls fn(cols) for each data row of a TSV (or one-column list) file. A front-coded list (the
// packed .txt lists, tools/pack_lexicon.py) starts each line with '0' + the number of bytes it
// shares with the line before.
template <class Fn>
void read_rows(std::string_view data, bool front_coded, Fn fn) {
  std::vector<std::string_view> cols;
  std::string name;  // a front-coded line, whole
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (front_coded && !line.empty()) {
      size_t shared = std::min(static_cast<size_t>(static_cast<unsigned char>(line[0]) - '0'), name.size());
      name.resize(shared);
      name.append(line.substr(1));
      line = name;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    cols.clear();
    size_t c = 0;
    while (true) {
      size_t t = line.find('\t', c);
      if (t == std::string_view::npos) { cols.push_back(line.substr(c)); break; }
      cols.push_back(line.substr(c, t - c));
      c = t + 1;
    }
    for (auto& v : cols) {
      while (!v.empty() && (v.front() == ' ')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ')) v.remove_suffix(1);
    }
    if (cols[0].empty()) continue;
    fn(cols);
  }
}

template <class Fn>
void for_each_value(std::string_view field, Fn fn) {
  size_t c = 0;
  while (c <= field.size()) {
    size_t t = field.find('|', c);
    if (t == std::string_view::npos) t = field.size();
    std::string_view v = field.substr(c, t - c);
    if (!v.empty()) fn(v);
    c = t + 1;
  }
}

std::string_view col(const std::vector<std::string_view>& cols, size_t i) { return i < cols.size() ? cols[i] : std::string_view(); }

bool has_acronym_token(std::string_view s) {
  std::vector<Token> toks;
  tokenize(s, toks);
  for (const Token& t : toks) if (t.flags & (F_ALLCAPS | F_DOT)) return true;
  return false;
}

}  // namespace

uint64_t phrase_hash(std::string_view phrase, bool lower, int* ntokens) {
  std::vector<Token> toks;
  tokenize(phrase, toks);
  uint64_t h = hash_seed();
  for (const Token& t : toks) h = hash_combine(h, lower ? t.hl : t.hs);
  if (ntokens) *ntokens = static_cast<int>(toks.size());
  return h;
}

void Lexicon::build_lexemes() {
  auto merge = [](FlatMap<uint32_t>& into, const auto& table, auto bits) {
    table.for_each([&](uint64_t k, const auto& v) { into[k] |= bits(v); });
  };
  auto flag = [](uint32_t bit) { return [bit](const auto&) { return bit; }; };
  merge(lexeme_lc_, function_words, [](uint8_t c) { return uint32_t{c}; });
  merge(lexeme_lc_, title_words, flag(LX_TITLE));
  merge(lexeme_lc_, numbers, flag(LX_NUMBER));
  merge(lexeme_lc_, cue_first, flag(LX_CUE_FIRST));
  merge(lexeme_lc_, not_nouns, flag(LX_NOT_NOUN));
  merge(lexeme_lc_, org_nouns, flag(LX_ORG_NOUN));
  merge(lexeme_cs_, org_words, [](HeadKind k) { return static_cast<uint32_t>(k) << 8; });
  merge(lexeme_cs_, place_words, [](HeadKind k) { return static_cast<uint32_t>(k) << 11; });
  merge(lexeme_cs_, given_names, flag(LX_GIVEN));
  merge(lexeme_cs_, surnames, flag(LX_SURNAME));
  merge(lexeme_cs_, honorifics, flag(LX_HONORIFIC));
  merge(lexeme_cs_, stop_caps, flag(LX_STOP_CAP));
  merge(lexeme_cs_, calendar, flag(LX_CALENDAR));
  merge(lexeme_cs_, currency_prefix, flag(LX_CURRENCY_PREFIX));
  merge(lexeme_cs_, ambiguous_given, flag(LX_AMBIGUOUS_GIVEN));
  // phrase tables hold longer phrases too; only their one-token keys are ever asked for here
  merge(lexeme_first_, gaz, flag(LX_GAZ | LX_GAZ_START));
  merge(lexeme_first_, gaz_prefix, flag(LX_GAZ_START | LX_GAZ_PREFIX));
  merge(lexeme_first_, demonyms, flag(LX_DEMONYM | LX_DEMONYM_START));
  merge(lexeme_first_, demonym_prefix, flag(LX_DEMONYM_START));
}

uint32_t Lexicon::intern(std::string_view s) {
  auto it = interned_.find(std::string(s));
  if (it != interned_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings.size());
  strings.push_back(utf8_sanitize(s));  // analyze() relies on valid strings (the files are UTF-8)
  interned_.emplace(std::string(s), id);
  return id;
}

Lexicon::Lexicon() : Lexicon(embedded_asset, true) {}

// Every member the analysis reads; interned_ only serves the load. A member left out here would be
// missing from the native `lede`'s tables: the size check below fails when one is added.
template <class Self, class F>
void Lexicon::parts(Self& l, F&& f) {
#if defined(__x86_64__) && defined(__GLIBCXX__)
  static_assert(sizeof(Lexicon) == 2656, "a new Lexicon member: add it to Lexicon::parts (the image) and to the image test");
#endif
  f(l.strings), f(l.gaz), f(l.gaz_prefix), f(l.gaz_entries), f(l.gaz_max_tokens), f(l.demonyms), f(l.demonym_max_tokens);
  f(l.demonym_prefix), f(l.capital_of), f(l.team_of_city), f(l.team_city), f(l.org_nouns), f(l.name_possessors);
  f(l.not_nouns), f(l.of_heads), f(l.title_words), f(l.title_heads), f(l.honorifics), f(l.stop_caps);
  f(l.function_words), f(l.org_words), f(l.place_words), f(l.given_names), f(l.ambiguous_given), f(l.surnames);
  f(l.female_given), f(l.male_given), f(l.cues), f(l.cue_first), f(l.numbers), f(l.calendar), f(l.qualifiers);
  f(l.qualifier_max_tokens), f(l.units), f(l.unit_max_tokens), f(l.currency_prefix), f(l.currency_suffix);
  f(l.currency_subunit), f(l.lexeme_cs_), f(l.lexeme_lc_), f(l.lexeme_first_);
}

namespace {
constexpr char kImageMagic[8] = {'L', 'E', 'D', 'X', 'I', 'M', 'G', '1'};

struct ImageWriter {
  std::string& out;
  void operator()(const std::vector<std::string>& v) {
    image_put(out, uint64_t{v.size()});
    for (const std::string& s : v) {
      image_put(out, uint32_t(s.size()));
      out += s;
    }
  }
  void operator()(const std::vector<GazEntry>& v) {
    image_put(out, uint64_t{v.size()});
    for (const GazEntry& e : v) image_put(out, e);
  }
  void operator()(int v) { image_put(out, int32_t(v)); }
  template <class V>
  void operator()(const FlatMap<V>& m) { m.save(out); }
};

struct ImageLoader {
  ImageReader& in;
  bool ok = true;
  void operator()(std::vector<std::string>& v) {
    uint64_t n = 0;
    if (!(ok = ok && in.get(n) && n <= static_cast<size_t>(in.end - in.p))) return;
    v.resize(n);
    for (std::string& s : v) {
      uint32_t len = 0;
      if (!(ok = in.get(len) && len <= static_cast<size_t>(in.end - in.p))) return;
      s.assign(in.p, len);
      in.p += len;
    }
  }
  void operator()(std::vector<GazEntry>& v) {
    uint64_t n = 0;
    if (!(ok = ok && in.get(n) && n <= static_cast<size_t>(in.end - in.p) / sizeof(GazEntry))) return;
    v.resize(n);
    for (GazEntry& e : v) in.get(e);
  }
  void operator()(int& v) {
    int32_t x = 0;
    ok = ok && in.get(x);
    v = x;
  }
  template <class V>
  void operator()(FlatMap<V>& m) { ok = ok && m.load(in); }
};
}  // namespace

std::string Lexicon::image() const {
  std::string out(kImageMagic, sizeof kImageMagic);
  image_put(out, uint32_t(sizeof(Lexicon)));
  parts(*this, ImageWriter{out});
  return out;
}

std::unique_ptr<Lexicon> Lexicon::from_image(std::string_view bytes) {
  ImageReader in{bytes.data(), bytes.data() + bytes.size()};
  char magic[sizeof kImageMagic];
  uint32_t size = 0;
  if (!in.get(magic) || std::string_view(magic, sizeof magic) != std::string_view(kImageMagic, sizeof kImageMagic) ||
      !in.get(size) || size != sizeof(Lexicon))
    return nullptr;
  std::unique_ptr<Lexicon> lex(new Lexicon(Unloaded{}));
  ImageLoader load{in};
  parts(*lex, load);
  if (!load.ok || in.p != in.end) return nullptr;
  return lex;
}

Lexicon::Lexicon(const std::function<std::string_view(std::string_view)>& file, bool packed) {
  // Each file's rows: the packed .txt lists are front-coded, everything else is TSV as written.
  auto for_each_row = [&](std::string_view name, auto fn) {
    std::string_view data = file(name);
    bool txt = name.size() > 4 && name.substr(name.size() - 4) == ".txt";
    read_rows(data, packed && txt, fn);
  };
  intern("");
  // A city with several listed teams ("Chicago": Bulls, Bears, Cubs...) names none of them alone;
  // the document may still say which (see actors.cpp).
  auto add_team_city = [&](uint64_t city, uint32_t team) {
    team_city.emplace(hash_bytes(str(team)), city);
    auto [slot, fresh] = team_of_city.emplace(city, team);
    if (!fresh && slot->second != team) slot->second = kNoTeam;
  };
  auto add_gaz = [&](std::string_view name, const GazEntry& e) -> uint32_t {
    std::vector<Token> toks;
    tokenize(name, toks);
    int n = static_cast<int>(toks.size());
    if (n == 0) return UINT32_MAX;
    uint64_t h = hash_seed();
    for (int k = 0; k < n; ++k) {
      h = hash_combine(h, toks[k].hs);
      if (k + 1 < n) gaz_prefix.insert(h);
    }
    auto it = gaz.find(h);
    if (it != gaz.end()) return it->second;
    uint32_t idx = static_cast<uint32_t>(gaz_entries.size());
    gaz_entries.push_back(e);
    gaz.emplace(h, idx);
    if (n > gaz_max_tokens) gaz_max_tokens = n;
    return idx;
  };

  // Organizations first: "European Union" is an organization even though countries lists it.
  // nick_from_name: a sports team's plural last word names it alone (organizations.tsv); the
  // team list (sports-teams.tsv) gives those nicknames itself, leaving out ordinary words.
  auto add_organization = [&](const std::vector<std::string_view>& c, bool nick_from_name) {
    std::string_view name = c[0];
    std::string_view canonical = name;
    if (has_acronym_token(name)) {
      for_each_value(col(c, 1), [&](std::string_view a) {
        if (!has_acronym_token(a) && a.size() > canonical.size() && a.find('(') == std::string_view::npos) canonical = a;
      });
    }
    GazEntry e;
    e.kind = ActorKind::organization;
    e.entity = intern(canonical);
    std::string_view type = col(c, 2);
    e.generic = (name.find(' ') == std::string_view::npos && (type == "legislature" || type == "court")) ||
                name == "Foreign Ministry" || name == "Supreme Court";
    add_gaz(name, e);
    for_each_value(col(c, 1), [&](std::string_view a) { add_gaz(a, e); });
    if (type == "sports") {
      // "Boston Celtics": the nickname alone names the team, and "Boston" does in a match report
      std::vector<Token> toks;
      tokenize(name, toks);
      if (toks.size() >= 2 && toks.back().type == T_WORD) {
        std::string_view nick = name.substr(toks.back().b);
        // team nicknames are plural nouns (Celtics, Bulls, Chiefs), not "A" (Serie A) or "Council"
        bool plural = nick.size() >= 4 && nick.back() == 's' && (toks.back().flags & F_CAP) && !(toks.back().flags & F_ALLCAPS);
        for (const char* no : {"Games", "Championships", "Series", "Olympics", "Sports", "Athletics", "Nations", "States", "Rules"})
          if (nick == no) plural = false;
        if (plural && nick_from_name) add_gaz(nick, e);
        uint64_t h = hash_seed();
        for (size_t k = 0; k + 1 < toks.size(); ++k) h = hash_combine(h, toks[k].hs);
        add_team_city(h, e.entity);
      }
      if (toks.size() == 2 && toks.back().type == T_WORD) {
        std::string_view last = name.substr(toks.back().b);
        if (last == "United" || last == "City") add_team_city(hash_combine(hash_seed(), toks[0].hs), e.entity);
      }
    }
  };
  for_each_row("lexicon/organizations.tsv", [&](const std::vector<std::string_view>& c) { add_organization(c, true); });
  for_each_row("lexicon/sports-teams.tsv", [&](const std::vector<std::string_view>& c) { add_organization(c, false); });
  for_each_row("lexicon/places.tsv", [&](const std::vector<std::string_view>& c) {
    GazEntry e;
    e.kind = ActorKind::place;
    e.entity = intern(c[0]);
    // "Milan" (AC Milan), "Oxford" (the university): an organization listed first keeps the name
    uint32_t idx = add_gaz(c[0], e);
    if (idx != UINT32_MAX && gaz_entries[idx].kind == ActorKind::organization) gaz_entries[idx].place_too = true;
    for_each_value(col(c, 3), [&](std::string_view a) { add_gaz(a, e); });
  });
  auto load_countries = [&](std::string_view file) {
    for_each_row(file, [&](const std::vector<std::string_view>& c) {
      GazEntry e;
      e.kind = ActorKind::place;
      e.country = true;
      e.entity = intern(c[0]);
      add_gaz(c[0], e);
      for_each_value(col(c, 1), [&](std::string_view a) { add_gaz(a, e); });
      for_each_value(col(c, 2), [&](std::string_view d) {
        int n = 0;
        uint64_t h = phrase_hash(d, false, &n);
        demonyms.emplace(h, e.entity);
        if (n > demonym_max_tokens) demonym_max_tokens = n;
        std::vector<Token> toks;
        tokenize(d, toks);
        uint64_t ph = hash_seed();
        for (size_t k = 0; k + 1 < toks.size(); ++k) demonym_prefix.insert(ph = hash_combine(ph, toks[k].hs));
      });
      uint32_t country = e.entity;
      for_each_value(col(c, 3), [&](std::string_view cap) {
        GazEntry ce;
        ce.kind = ActorKind::place;
        ce.entity = intern(cap);
        uint32_t idx = add_gaz(cap, ce);
        if (idx == UINT32_MAX) return;
        GazEntry& g = gaz_entries[idx];
        if (g.kind == ActorKind::place && !g.country && !g.capital) { g.capital = true; g.government = country; }
        // alternative spellings listed in places.tsv share the entry through their own aliases
      });
    });
  };
  load_countries("lexicon/countries.tsv");
  load_countries("lexicon/extra-countries.tsv");
  // Capitals whose alternative spellings come from places.tsv (Kiev -> Kyiv): mark every entry
  // whose entity is a capital.
  {
    std::unordered_map<uint32_t, uint32_t> cap_gov;
    for (const GazEntry& g : gaz_entries) if (g.capital) cap_gov.emplace(g.entity, g.government);
    for (GazEntry& g : gaz_entries) {
      auto it = cap_gov.find(g.entity);
      if (it != cap_gov.end() && g.kind == ActorKind::place && !g.country) { g.capital = true; g.government = it->second; }
    }
  }
  for_each_row("lexicon/extra-places.tsv", [&](const std::vector<std::string_view>& c) {
    GazEntry e;
    e.kind = col(c, 2) == "organization" ? ActorKind::organization : col(c, 2) == "person" ? ActorKind::person : ActorKind::place;
    e.entity = intern(col(c, 1).empty() ? c[0] : col(c, 1));
    add_gaz(c[0], e);
  });

  // Titles, roles, honorifics.
  auto add_title_words = [&](std::string_view phrase) {
    std::vector<Token> toks;
    tokenize(phrase, toks);
    for (size_t k = toks.size(); k-- > 0;)
      if (toks[k].type == T_WORD) { title_heads.insert(toks[k].hl); break; }
    for (const Token& t : toks) {
      if (t.type != T_WORD) continue;
      std::string_view w = phrase.substr(t.b, t.e - t.b);
      if (w == "of" || w == "the" || w == "for" || w == "to" || w == "and" || w == "a" || w == "an" || w == "on" || w == "in" || w == "at" || w == "de")
        continue;
      title_words.insert(t.hl);
    }
  };

  for_each_row("lexicon/titles.tsv", [&](const std::vector<std::string_view>& c) {
    if (col(c, 1) == "honorific") {
      std::string_view h = c[0];
      honorifics.insert(hash_bytes(h));
      if (!h.empty() && h.back() == '.') honorifics.insert(hash_bytes(h.substr(0, h.size() - 1)));
    } else {
      add_title_words(c[0]);
    }
  });
  for_each_row("lexicon/extra-titles.tsv", [&](const std::vector<std::string_view>& c) { add_title_words(c[0]); });
  for_each_row("lexicon/extra-honorifics.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view h = c[0];
    if (!h.empty() && h.back() == '.') h.remove_suffix(1);
    honorifics.insert(hash_bytes(h));
  });

  // Function words and capitalised non-names.
  for_each_row("lexicon/function-words.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view cls = col(c, 1);
    if (cls == "sent_initial") { stop_caps.insert(hash_bytes(c[0])); return; }
    uint8_t bit = cls == "det" ? fw_det : cls == "pron" ? fw_pron : cls == "prep" ? fw_prep : cls == "conj" ? fw_conj
                : cls == "aux" ? fw_aux : cls == "adv" ? fw_adv : fw_other;
    int n = 0;
    phrase_hash(c[0], true, &n);
    if (n == 1) function_words[hash_lower(c[0])] |= bit;
  });
  for_each_row("lexicon/extra-stopcaps.tsv", [&](const std::vector<std::string_view>& c) { stop_caps.insert(hash_bytes(c[0])); });

  // Name-shape words.
  for_each_row("lexicon/org-words.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view p = col(c, 1);
    HeadKind k = p == "first" ? HeadKind::org_first : p == "suffix" ? HeadKind::org_suffix : HeadKind::org_last;
    uint64_t h = hash_bytes(c[0]);
    auto it = org_words.find(h);
    if (it == org_words.end() || k == HeadKind::org_last) org_words[h] = k;
    if (k == HeadKind::org_first) of_heads.insert(h);
  });
  for_each_row("lexicon/extra-heads.tsv", [&](const std::vector<std::string_view>& c) {
    uint64_t h = hash_bytes(c[0]);
    if (col(c, 1) == "place") place_words.emplace(h, HeadKind::place_last);
    else if (col(c, 1) == "place_numbered") place_words[h] = HeadKind::place_numbered;
    else if (col(c, 1) == "none") place_words[h] = HeadKind::not_actor;
    else if (col(c, 1) == "none_first") place_words[h] = HeadKind::not_actor_first;
    else if (!org_words.count(h)) org_words.emplace(h, HeadKind::org_last);
  });
  for_each_row("lexicon/org-nouns.tsv", [&](const std::vector<std::string_view>& c) { org_nouns.insert(hash_lower(c[0])); });
  for_each_row("lexicon/not-nouns.txt", [&](const std::vector<std::string_view>& c) { not_nouns.insert(hash_lower(c[0])); });
  for_each_row("lexicon/name-possessors.txt", [&](const std::vector<std::string_view>& c) { name_possessors.insert(hash_bytes(c[0])); });
  for_each_row("lexicon/given-names.txt", [&](const std::vector<std::string_view>& c) { given_names.insert(hash_bytes(c[0])); });
  for_each_row("lexicon/given-names-ambiguous.txt", [&](const std::vector<std::string_view>& c) { ambiguous_given.insert(hash_bytes(c[0])); });
  for_each_row("lexicon/surnames.txt", [&](const std::vector<std::string_view>& c) { surnames.insert(hash_bytes(c[0])); });
  for_each_row("lexicon/extra-given-female.txt", [&](const std::vector<std::string_view>& c) { female_given.insert(hash_bytes(c[0])); });
  for_each_row("lexicon/extra-given-male.txt", [&](const std::vector<std::string_view>& c) { male_given.insert(hash_bytes(c[0])); });

  // Reporting cues.
  auto cue_type = [](std::string_view type, std::string_view lemma) -> CueType {
    if (lemma == "according to") return CueType::according;
    if (type == "accuse") return CueType::accuse;
    if (type == "quote") return lemma == "quote" ? CueType::quote : CueType::none;
    if (type == "show") return CueType::show;
    if (type == "call") return CueType::call;
    if (type == "deny" || type == "reject" || type == "dismiss" || type == "refute" || type == "dispute") return CueType::object;
    static const char* kSay[] = {"say", "tell", "state", "argue", "claim", "allege", "warn", "announce", "report", "add", "note",
                                 "insist", "explain", "admit", "acknowledge", "assert", "caution", "complain", "concede", "confirm",
                                 "contend", "counter", "declare", "emphasize", "estimate", "stress", "suggest", "testify", "write",
                                 "tweet", "reply", "respond", "reveal", "recall", "disclose", "maintain", "predict", "find", "indicate",
                                 "point_out", "conclude", "type",
                                 // beliefs and expectations ("believe": fear, hope, suspect, assume): a that-clause or a bare
                                 // clause is the attributed content; "hopes to win" (an infinitive) is not a clause
                                 "believe", "think"};
    for (const char* s : kSay) if (type == s) return CueType::say;
    return CueType::none;
  };
  for_each_row("lexicon/cues.tsv", [&](const std::vector<std::string_view>& c) {
    Cue cue;
    cue.type = cue_type(col(c, 2), col(c, 1));
    if (col(c, 1) == "defend") cue.type = CueType::object;
    // "knew", "felt", "assumed": common words whose clause is rarely an attributed claim
    if (col(c, 1) == "know" || col(c, 1) == "feel" || col(c, 1) == "assume") cue.type = CueType::none;
    if (cue.type == CueType::none) return;
    cue.belief = col(c, 2) == "believe" || col(c, 2) == "think";
    static const char* kZero[] = {"say", "tell", "claim", "argue", "warn", "insist", "admit", "add", "estimate", "write", "suggest",
                                  "acknowledge", "predict", "complain", "caution", "contend", "maintain", "assert", "allege",
                                  "state", "note", "stress", "testify", "reply", "respond", "show", "find", "believe", "think", "fear",
                                  "hope", "expect", "suspect", "reckon"};
    for (const char* z : kZero) if (col(c, 1) == z) cue.zero_that = true;
    std::string_view fr = col(c, 3);
    cue.that = fr.find("that") != std::string_view::npos;
    cue.quote = fr.find("quote") != std::string_view::npos;
    cue.obj = fr.find("obj") != std::string_view::npos;
    if (cue.type == CueType::say && !cue.that && !cue.quote) return;  // "talks to", "unveiled a plan"
    int n = 0;
    uint64_t h = phrase_hash(c[0], true, &n);
    cues.emplace(h, cue);
    std::string_view first = c[0].substr(0, c[0].find(' '));
    cue_first.insert(hash_lower(first));
  });
  for_each_row("lexicon/extra-cues.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view t = col(c, 1);
    if (t == "noun") { cue_first.insert(hash_lower(c[0])); return; }  // claim nouns: claims.cpp's nominal()
    Cue cue;
    cue.question = t == "ask";
    cue.type = t == "say" || t == "ask" || t == "say_that" ? CueType::say : t == "object" ? CueType::object : t == "accuse" ? CueType::accuse : t == "quote" ? CueType::quote
             : t == "show" ? CueType::show : t == "call" ? CueType::call : t == "according" ? CueType::according : CueType::none;
    cue.that = (cue.type == CueType::say && !cue.question) || cue.type == CueType::object || cue.type == CueType::show;
    cue.quote = cue.obj = true;
    cue.zero_that = (cue.type == CueType::say && !cue.question && t != "say_that") || cue.type == CueType::show;
    if (cue.type == CueType::none) return;
    cues.emplace(phrase_hash(c[0], true, nullptr), cue);
    cue_first.insert(hash_lower(c[0].substr(0, c[0].find(' '))));
  });

  // Numbers and calendar words.
  auto add_number = [&](std::string_view w, NumType type, double v) {
    numbers.emplace(hash_lower(w), NumWord{type, v});
  };
  for_each_row("lexicon/numbers.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view type = col(c, 2);
    double v = std::strtod(std::string(col(c, 1)).c_str(), nullptr);
    if (c[0].find(' ') != std::string_view::npos) return;
    if (type == "cardinal") add_number(c[0], NumType::cardinal, v);
    else if (type == "ordinal") add_number(c[0], NumType::ordinal, v);
    else if (type == "scale") add_number(c[0], NumType::scale, v);
    else if (type == "fraction" && c[0].find('-') == std::string_view::npos) add_number(c[0], NumType::fraction, v);  // not over "third" the ordinal
  });
  for_each_row("lexicon/extra-numbers.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view type = col(c, 1);
    std::string_view w = c[0];
    if (type == "month" || type == "weekday") {
      if (!w.empty() && w.back() == '.') w.remove_suffix(1);
      NumWord nw{type == "month" ? NumType::month : NumType::weekday, 0};
      if (type == "month") nw.value = std::strtod(std::string(col(c, 2)).c_str(), nullptr);
      else nw.value = intern(col(c, 2));
      calendar.emplace(hash_bytes(w), nw);
      return;
    }
    if (type == "time") { numbers.emplace(hash_lower(w), NumWord{NumType::timeword, static_cast<double>(intern(col(c, 2)))}); return; }
    double v = std::strtod(std::string(col(c, 2)).c_str(), nullptr);
    NumType t = type == "card" ? NumType::cardinal : type == "ord" ? NumType::ordinal : type == "rel" ? NumType::reldate : NumType::scale;
    numbers.emplace(hash_lower(w), NumWord{t, v});
  });
  for_each_row("lexicon/calendar.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view type = col(c, 1), w = c[0];
    if (type != "month" && type != "weekday") return;
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (type == "month") {
      calendar.emplace(hash_bytes(w), NumWord{NumType::month, std::strtod(std::string(col(c, 2)).c_str(), nullptr)});
    } else {
      static const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
      int d = std::atoi(std::string(col(c, 2)).c_str());
      if (d >= 1 && d <= 7) calendar.emplace(hash_bytes(w), NumWord{NumType::weekday, static_cast<double>(intern(kDays[d]))});
    }
  });

  // Qualifiers.
  auto add_qual = [&](std::string_view phrase, Qualifier q) {
    int n = 0;
    uint64_t h = phrase_hash(phrase, true, &n);
    if (n == 0) return;
    qualifiers.emplace(h, q);
    if (n > qualifier_max_tokens) qualifier_max_tokens = n;
  };
  for_each_row("lexicon/qualifiers.tsv", [&](const std::vector<std::string_view>& c) {
    if (c[0][0] == '+') return;
    std::string_view e = col(c, 1);
    Qualifier q;
    if (e == "approx") q.approx = true;
    else if (e == "min" || e == "min_excl") q.bound = 1;
    else if (e == "max" || e == "max_excl") q.bound = -1;
    else if (e == "approx_min") { q.approx = true; q.bound = 1; }
    else if (e == "approx_max") { q.approx = true; q.bound = -1; }
    else return;
    add_qual(c[0], q);
  });
  for_each_row("lexicon/extra-qualifiers.tsv", [&](const std::vector<std::string_view>& c) {
    Qualifier q;
    q.approx = col(c, 1) == "1";
    std::string_view b = col(c, 2);
    q.bound = b == "min" ? 1 : b == "max" ? -1 : 0;
    if (!q.approx && q.bound == 0) return;
    add_qual(c[0], q);
  });

  // Currencies and units.
  for_each_row("lexicon/currencies.tsv", [&](const std::vector<std::string_view>& c) {
    uint32_t code = intern(col(c, 1));
    if (col(c, 2) == "prefix") {
      int n = 0;
      phrase_hash(c[0], false, &n);
      if (n == 1 || (n == 2 && c[0].back() == '$')) currency_prefix.emplace(hash_bytes(c[0]), code);  // "US$": its two tokens' text
    } else {
      uint64_t h = phrase_hash(c[0], true, nullptr);
      currency_suffix.emplace(h, code);
      // a subunit's name says its value: "cent (USD 0.01)"
      std::string_view name = col(c, 3);
      size_t open = name.find('(');
      size_t sp = open == std::string_view::npos ? open : name.find(' ', open);
      if (sp != std::string_view::npos) {
        double v = std::strtod(std::string(name.substr(sp + 1)).c_str(), nullptr);
        if (v > 0 && v < 1) currency_subunit.emplace(h, v);
      }
    }
  });
  for_each_row("lexicon/extra-units.tsv", [&](const std::vector<std::string_view>& c) {
    std::string_view k = col(c, 1);
    UnitKind kind = k == "measure" ? UnitKind::measure : k == "duration" ? UnitKind::duration : k == "currency" ? UnitKind::currency
                  : k == "percent" ? UnitKind::percent : UnitKind::none;
    if (kind == UnitKind::currency) {
      int n = 0;
      phrase_hash(c[0], false, &n);
      uint32_t code = intern(col(c, 2));
      unsigned char f = static_cast<unsigned char>(c[0][0]);
      if (n == 1 && !(f >= 'a' && f <= 'z')) currency_prefix.emplace(hash_bytes(c[0]), code);
      else currency_suffix.emplace(phrase_hash(c[0], true, nullptr), code);
      return;
    }
    int n = 0;
    uint64_t h = phrase_hash(c[0], false, &n);
    units.emplace(h, Unit{kind, intern(col(c, 2))});
    if (n > unit_max_tokens) unit_max_tokens = n;
  });
  build_lexemes();
}

}  // namespace lede::analysis
