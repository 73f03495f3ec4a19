// Numbers: digits and number words with scale, currency, percent, units, dates, years, weekdays,
// times, ordinals and ranges; qualifiers (approximate, lower/upper bound) and the counted noun.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/analysis/doc.hpp"
#include "core/dates.hpp"

// Rare paths (codes, cents, months, glued names, "ago"): kept out of line rather than inlined into
// each caller (the analysis is built with a high inline threshold for speed)
#define LEDE_COLD [[gnu::noinline]]

namespace lede::analysis {
namespace {

enum Kind { K_COUNT, K_MONEY, K_PERCENT, K_DATE, K_YEAR, K_WEEKDAY, K_TIME, K_ORDINAL, K_MEASURE, K_RANGE, K_DURATION, K_RATIO, K_SCORE, K_MARGIN };
constexpr std::string_view kKindNames[] = {"count", "money", "percent", "date", "year", "weekday", "time", "ordinal", "measure", "range", "duration", "ratio", "score", "margin"};

// Words the number grammar asks about (lower-case hashes), beyond Words.
struct NumWords {
  uint64_t point, dozen, dozens, plus, out, call, calls, caller, callers, dispatcher, dispatchers, operator_, emergency, line, hotline,
      center, centre, system, dialed, dialled, dial, week, weekend, month, year, quarter, quarters, decade, summer, winter, spring, fall,
      autumn, night, morning, afternoon, evening, years, months, weeks, days, decades, from, since, mid, recent, day, time, earnings,
      revenue, revenues, profit, profits, sales, growth, gdp, economy, quarterly, results, loss, losses, income, fiscal, financial,
      yesterday, today, tomorrow, tonight, called, calling, phoned, flight, half, few, several, early, late, later, earlier,
      came, come, comes, finished, finish, finishes, placed, ranked, ranks, be, been, place, among, behind, overall, points, point_,
      another, no, any, every, each, that_, pct, pc, p, s, won, yen, ago, by, up, down, per, a_, an, for_, in_, on, at, rs, last, next;
  FlatSet sport;
  FlatSet change;      // "rose", "fell": a verb of change before an amount ("rose $1.50 to $75.20": a change and a level)
  FlatSet lower_code;  // "usd", "eur": ISO codes that news and forms write in lower case too (none is an English word)
  FlatSet future;      // "will", "expected": a clause about days to come
  FlatSet past_verb;   // "said", "met": irregular past forms (regular ones end in "ed")
  FlatSet not_bare;    // "last Tuesday", "the following Tuesday", "every Tuesday": not the bare weekday     // words of a game's report: "the third quarter" near them is a period of play, not of a year
  FlatSet one_vague;  // "one day", "one way": "one" before them is no count
  FlatSet rel_next;  // the words a relative date word can go before (week, year, summer, afternoon, years ...)
  FlatSet locator;   // "page 12", "room 101": the number names a place, it counts nothing
  NumWords() {
    auto h = [](const char* w) { return hash_lower(w); };
    point = h("point"); dozen = h("dozen"); dozens = h("dozens"); plus = h("plus"); out = h("out"); call = h("call");
    calls = h("calls"); caller = h("caller"); callers = h("callers"); dispatcher = h("dispatcher"); dispatchers = h("dispatchers");
    operator_ = h("operator"); emergency = h("emergency"); line = h("line"); hotline = h("hotline"); center = h("center");
    centre = h("centre"); system = h("system"); dialed = h("dialed"); dialled = h("dialled"); dial = h("dial"); week = h("week");
    weekend = h("weekend"); month = h("month"); year = h("year"); quarter = h("quarter"); quarters = h("quarters");
    decade = h("decade"); summer = h("summer"); winter = h("winter"); spring = h("spring"); fall = h("fall"); autumn = h("autumn");
    night = h("night"); morning = h("morning"); afternoon = h("afternoon"); evening = h("evening"); years = h("years");
    months = h("months"); weeks = h("weeks"); days = h("days"); decades = h("decades"); from = h("from"); since = h("since");
    mid = h("mid"); recent = h("recent"); day = h("day"); time = h("time"); earnings = h("earnings"); revenue = h("revenue");
    revenues = h("revenues"); profit = h("profit"); profits = h("profits"); sales = h("sales"); growth = h("growth"); gdp = h("gdp");
    economy = h("economy"); quarterly = h("quarterly"); results = h("results"); loss = h("loss"); losses = h("losses");
    income = h("income"); fiscal = h("fiscal"); financial = h("financial");
    yesterday = h("yesterday"); today = h("today"); tomorrow = h("tomorrow"); tonight = h("tonight");
    called = h("called"); calling = h("calling"); phoned = h("phoned"); flight = h("flight"); half = h("half"); few = h("few");
    several = h("several"); early = h("early"); late = h("late"); later = h("later"); earlier = h("earlier"); came = h("came");
    come = h("come"); comes = h("comes"); finished = h("finished"); finish = h("finish"); finishes = h("finishes"); placed = h("placed");
    ranked = h("ranked"); ranks = h("ranks"); be = h("be"); been = h("been"); place = h("place"); among = h("among");
    behind = h("behind"); overall = h("overall"); points = h("points"); point_ = h("point"); another = h("another"); no = h("no");
    any = h("any"); every = h("every"); each = h("each"); that_ = h("that");
    pct = h("pct"); pc = h("pc"); p = h("p"); s = h("s"); won = h("won");
    {  // in a loop: one hash in the Wasm code, not one inlined per word
      uint64_t* f[] = {&yen, &ago, &by, &up, &down, &per, &a_, &an, &for_, &in_, &on, &at, &rs, &last, &next};
      const char* w[] = {"yen", "ago", "by", "up", "down", "per", "a", "an", "for", "in", "on", "at", "rs", "last", "next"};
      for (size_t k = 0; k < sizeof f / sizeof f[0]; ++k) *f[k] = h(w[k]);
    }
    for (const char* w : {"rose", "rise", "rises", "fell", "fall", "falls", "gained", "gains", "lost", "loses", "climbed", "climbs", "jumped",
                          "jumps", "dropped", "drops", "slid", "slides", "declined", "declines", "increased", "decreased", "added",
                          "adds", "shed", "sheds", "slipped", "slips", "edged", "eased", "eases", "dipped", "dips", "soared", "soars",
                          "plunged", "plunges", "tumbled", "tumbles", "rallied", "surged", "surges", "sank", "advanced", "retreated",
                          "up", "down", "higher", "lower"})
      change.insert(h(w));
    for (const char* w : {"usd", "eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "nzd", "hkd", "sgd", "inr", "krw", "rub",
                          "brl", "mxn", "zar", "sek", "nok", "dkk", "pln"})
      lower_code.insert(h(w));
    for (const char* w : {"game", "games", "match", "scored", "scoring", "score", "touchdown", "touchdowns", "goal", "goals", "basket",
                          "baskets", "inning", "innings", "quarterback", "playoff", "playoffs", "halftime", "half-time", "rebounds",
                          "assists", "penalty", "overtime", "coach", "striker", "pitch", "points", "led", "trailed", "lead", "win",
                          "won", "beat", "lost", "victory", "defeat", "team", "season", "defeated", "beating", "drew",
                          "tied", "winning", "losing", "equaliser", "equalizer", "referee"})
      sport.insert(h(w));
    for (const char* w : {"day", "time", "way", "hand", "side", "thing", "point", "morning", "night", "evening", "afternoon", "another",
                          "reason", "place", "year", "week", "month", "moment", "stage", "go"})
      one_vague.insert(h(w));
    for (const char* w : {"will", "'ll", "shall", "would", "expected", "scheduled", "due", "plans", "plan", "planned",
                          "expects", "hopes", "intends", "aims", "promised", "vowed", "threatened", "tomorrow", "next", "upcoming"})
      future.insert(h(w));
    for (const char* w : {"said", "was", "were", "had", "did", "told", "met", "made", "took", "came", "went", "gave", "left", "held",
                          "began", "won", "lost", "fell", "rose", "sold", "paid", "found", "saw", "got", "ran", "spoke", "wrote", "struck",
                          "hit", "shot", "brought", "thought", "felt", "kept", "led", "sent", "spent", "stood", "broke", "chose", "drove",
                          "flew", "knew", "became", "fought", "caught", "threw", "heard", "sought", "bought", "ate", "fled", "wore",
                          "withdrew", "overtook", "undertook", "forgave", "swore", "tore", "slid", "stole", "sank", "shut", "quit", "yesterday"})
      past_verb.insert(h(w));
    for (const char* w : {"last", "next", "this", "every", "each", "following", "previous", "coming", "that", "the", "a", "same", "past",
                          "one", "another", "its", "his", "her", "their", "our", "any", "some", "until", "by"})
      not_bare.insert(h(w));
    for (const char* w : {"page", "section", "chapter", "paragraph", "clause", "article", "exhibit", "room",
                          "gate", "platform", "pier", "seat", "row", "ward", "precinct", "lane", "exit", "terminal", "footnote"})
      locator.insert(h(w));
    for (uint64_t x : {week, month, year, quarter, weekend, decade, summer, winter, spring, fall, autumn, night, morning, afternoon, evening,
                       years, months, weeks, days, decades, few, several})
      rel_next.insert(x);
  }
};
const NumWords& num_words() {
  static const NumWords w;
  return w;
}

// Denominator words: "half" 2, "thirds" 3, "quarter" 4 ... (0 when w is none).
int denominator(std::string_view w) {
  static constexpr std::pair<std::string_view, int> kDen[] = {
      {"half", 2}, {"halves", 2}, {"third", 3}, {"thirds", 3}, {"quarter", 4}, {"quarters", 4}, {"fourth", 4}, {"fourths", 4},
      {"fifth", 5}, {"fifths", 5}, {"sixth", 6}, {"sixths", 6}, {"seventh", 7}, {"sevenths", 7}, {"eighth", 8}, {"eighths", 8},
      {"ninth", 9}, {"ninths", 9}, {"tenth", 10}, {"tenths", 10}, {"hundredth", 100}, {"hundredths", 100},
      {"thousandth", 1000}, {"thousandths", 1000}};
  for (const auto& p : kDen) if (w.size() == p.first.size() && std::equal(w.begin(), w.end(), p.first.begin(), [](char a, char b) { return (a | 32) == b; })) return p.second;
  return 0;
}

struct Num {
  Kind kind = K_COUNT;
  uint32_t b = 0, e = 0;  // span bytes
  size_t t0 = 0, t1 = 0;  // tokens covered (for qualifier and counted lookups)
  double value = 0;
  bool has_value = true;
  std::string svalue;     // dates, weekdays, times
  std::string currency, unit;
  bool word = false;      // written as a word
  bool cur_after = false; // the currency is a word after the amount ("15 cents")
  bool cur_copied = false;  // a range's second amount took the first one's currency
  bool approx_word = false; // "early", "late" joined the span
};

// As printf's "%0*d", without printf (it scans its format string on every call, which shows in
// the Wasm profile): zeros after the sign up to the width. Negative values come only from
// absurd times ("3000000000:00"), where atoi overflows; they print as printf printed them.
void put_padded(std::string& s, int v, int width) {
  char buf[12];
  int k = 0;
  const bool neg = v < 0;
  unsigned u = neg ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  do { buf[k++] = static_cast<char>('0' + u % 10); u /= 10; } while (u);
  while (k < width - (neg ? 1 : 0)) buf[k++] = '0';
  if (neg) s += '-';
  while (k) s += buf[--k];
}

// "10:30": every number token is asked, so no memchr call (string_view::find) for these few bytes
bool has_colon(std::string_view w) {
  for (char c : w) if (c == ':') return true;
  return false;
}

bool ends_with(std::string_view w, std::string_view s) {
  return w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

json num_json(double v) {
  if (std::fabs(v) < 9e15 && std::floor(v) == v) return json(static_cast<int64_t>(v));
  // avoid binary noise such as 1.2000000000000002
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return json(std::strtod(buf, nullptr));
}

struct NumPass {
  Doc& d;
  const Lexicon& L;
  const Words& W;
  std::vector<uint8_t> used;
  uint64_t h_hyphen_year_old = 0;

  const NumWords& N = num_words();
  int art_y = 0, art_m = 0, art_d = 0;  // the article's date, when one of its first lines gives it in full
  bool published = false;               // ... or when the caller gave it (the publication date)
  bool dateline = false;                // the date of the first lines is the article's, not an event's

  explicit NumPass(Doc& doc) : d(doc), L(doc.lex), W(words()) {
    used.assign(d.n(), 0);
    article_date();
  }

  // The article's publication date when the reader gave it, else "Friday, July 21, 2017" or
  // "21 July 2017" in the first three lines (a dateline)
  void article_date() {
    Ymd ref;
    if (parse_iso_date(d.reference_date, &ref)) { art_y = ref.y; art_m = ref.m; art_d = ref.d; published = true; return; }
    int lines = 0;
    for (size_t i = 0; i < d.n() && i < 120; ++i) {
      if (d.toks[i].flags & F_NEWLINE) if (++lines >= 3) return;
      int m = month_at(i);
      if (m) {
        size_t k = i + 1;
        if (d.punct(k, '.') && d.adjacent(k)) ++k;
        int day = day_at(k);
        size_t y = d.punct(k + 1, ',') ? k + 2 : k + 1;
        if (day && year_at(y)) { art_y = year_at(y); art_m = m; art_d = day; dateline = !event_date(i); return; }
      }
      if (int day = day_at(i)) {
        if ((m = month_at(i + 1)) && year_at(i + 2)) { art_y = year_at(i + 2); art_m = m; art_d = day; dateline = !event_date(i); return; }
      }
    }
  }

  // a date after "on", "since", "by" ... ("On Monday, March 3, 2025, ...") tells of an event, not when
  // the article was written
  bool event_date(size_t i) const {
    size_t p = weekday_before(i);
    size_t s = p ? p - 1 : i;
    if (s == 0 || !d.word(s - 1)) return false;
    static const uint64_t kPrep[] = {hash_lower("on"), hash_lower("since"), hash_lower("by"), hash_lower("until"), hash_lower("from"),
                                     hash_lower("before"), hash_lower("after"), hash_lower("of"), hash_lower("in"), hash_lower("to"),
                                     hash_lower("till"), hash_lower("through"), hash_lower("and")};
    for (uint64_t h : kPrep) if (d.toks[s - 1].hl == h) return true;
    return false;
  }

  bool digits_value(size_t i, double* v) const {
    if (i >= d.n() || d.toks[i].type != T_NUM) return false;
    std::string_view s = d.tok(i);
    {  // digits and commas only, up to 15 digits: the integer is exact as a double, as strtod
       // would give it (strtod is slow in the Wasm libc)
      uint64_t x = 0;
      int digits = 0;
      bool plain = true;
      for (char c : s) {
        if (c == ',') continue;
        if (c < '0' || c > '9' || ++digits > 15) { plain = false; break; }
        x = x * 10 + static_cast<uint64_t>(c - '0');
      }
      if (plain) { *v = static_cast<double>(x); return true; }
    }
    char buf[64];
    size_t k = 0;
    for (char c : s) {
      if (c == ',') continue;
      if (c == ':') return false;
      if (k + 1 < sizeof buf) buf[k++] = c;
    }
    buf[k] = 0;
    *v = std::strtod(buf, nullptr);
    return true;
  }
  // "percent", "per cent", "pct" at k (the figure before it is a percent)
  bool percent_word_at(size_t k) const { return d.is(k, W.percent) || (d.is(k, W.per) && d.is(k + 1, W.cent)) || d.is(k, N.pct); }
  // A money, percent or scale word at k: what makes "1,5" or "46 . 8" before it one figure
  bool figure_word_at(size_t k) const {
    if (k >= d.n() || (d.toks[k].flags & F_NEWLINE)) return false;
    if (d.punct(k, '%') || percent_word_at(k)) return true;
    if (!d.word(k)) return false;
    if (scale_at(k, false) > 0) return true;
    return L.currency_suffix.find(hash_combine(hash_seed(), d.toks[k].hl)) != L.currency_suffix.end() && !d.is(k, N.won);
  }
  // "1,5 million euros", "1.000,5 euros": a decimal comma, as European quotes write it. The tokenizer
  // splits a comma off when other than three digits follow it, so read apart these were "1" and
  // "5 million" (wrong values). 1 (and *v the value, its sign kept) when a currency, percent or scale
  // says it is one figure, or dots group the thousands; -1 when nothing does (no value is safer:
  // "1,5" may be a list); 0 when token i is not followed by such a comma.
  int decimal_comma(size_t i, bool currency_before, double* v) const {
    size_t n = d.n();
    if (!(i + 2 < n && d.punct(i + 1, ',') && d.adjacent(i + 1) && d.adjacent(i + 2) && d.toks[i + 2].type == T_NUM && plain_int(i + 2)))
      return 0;
    std::string_view a = d.tok(i);
    bool dots = false;
    std::string whole;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] == '.') {
        if (k == 0 || a.size() - k < 4 || (a.size() - k - 1) % 4 != 3) return -1;
        dots = true;
        continue;
      }
      if (a[k] < '0' || a[k] > '9') return -1;
      whole += a[k];
    }
    if (dots ? (a.find('.') > 3) : a.size() > 3) return -1;
    // a list ("1,2,3") or a figure before: no value
    if (i + 4 < n && d.adjacent(i + 3) && d.toks[i + 3].type == T_PUNCT && d.adjacent(i + 4) && d.toks[i + 4].type == T_NUM) return -1;
    if (i >= 2 && d.adjacent(i) && d.toks[i - 1].type == T_PUNCT && d.adjacent(i - 1) && d.toks[i - 2].type == T_NUM) return -1;
    if (!dots && !currency_before && !figure_word_at(i + 3)) return -1;
    double m = std::strtod((whole + "." + std::string(d.tok(i + 2))).c_str(), nullptr);
    *v = *v < 0 ? -m : m;
    return 1;
  }
  // "$ 46 . 8 million", "10 . 50 percent": a point set apart by spaces (text tokenised for parsers,
  // as the Penn Treebank does) inside a figure. Only with a currency before it or a money, percent or
  // scale word after it, since elsewhere "1989 . 10" is a sentence end.
  bool spaced_point(size_t i, bool currency_before, double* v) const {
    size_t n = d.n();
    if (!(i + 2 < n && d.punct(i + 1, '.') && !d.adjacent(i + 1) && !d.adjacent(i + 2) && d.toks[i + 2].type == T_NUM && plain_int(i + 2)))
      return false;
    if ((d.toks[i + 1].flags & F_NEWLINE) || (d.toks[i + 2].flags & F_NEWLINE)) return false;
    std::string_view a = d.tok(i);
    std::string whole;
    for (char c : a) {
      if (c == ',') continue;
      if (c < '0' || c > '9') return false;
      whole += c;
    }
    if (!currency_before && (year_at(i) || !figure_word_at(i + 3))) return false;
    double m = std::strtod((whole + "." + std::string(d.tok(i + 2))).c_str(), nullptr);
    *v = *v < 0 ? -m : m;
    return true;
  }
  // "k", "million", "bn": the value of a scale word (0 when w is none)
  double scale_word(std::string_view w) const {
    auto it = L.numbers.find(hash_lower(w));
    return it != L.numbers.end() && it->second.type == NumType::scale ? it->second.value : 0;
  }
  // "twenty-something", "30-odd", "fifty-plus", "40-ish": a vague figure, with no value to give
  static bool vague_tail(std::string_view w) {
    return w == "something" || w == "somethings" || w == "odd" || w == "plus" || w == "ish" || w == "some";
  }
  bool plain_int(size_t i) const {
    std::string_view s = d.tok(i);
    for (char c : s) if (c < '0' || c > '9') return false;
    return true;
  }
  // "five", "forty-seven", "twenty one" is not handled (two tokens)
  bool cardinal_word(std::string_view w, double* v) const {
    auto it = L.numbers.find(hash_lower(w));
    if (it != L.numbers.end() && it->second.type == NumType::cardinal) { *v = it->second.value; return true; }
    size_t h = w.find('-');
    if (h == std::string_view::npos) return false;
    double a, b;
    auto ia = L.numbers.find(hash_lower(w.substr(0, h)));
    auto ib = L.numbers.find(hash_lower(w.substr(h + 1)));
    if (ia == L.numbers.end() || ib == L.numbers.end()) return false;
    if (ia->second.type != NumType::cardinal || ib->second.type != NumType::cardinal) return false;
    a = ia->second.value; b = ib->second.value;
    if (a >= 20 && a <= 90 && b >= 1 && b <= 9) { *v = a + b; return true; }
    return false;
  }
  bool ordinal_word(std::string_view w, double* v) const {
    auto it = L.numbers.find(hash_lower(w));
    if (it != L.numbers.end() && it->second.type == NumType::ordinal) { *v = it->second.value; return true; }
    size_t h = w.find('-');
    if (h == std::string_view::npos) return false;
    auto ia = L.numbers.find(hash_lower(w.substr(0, h)));
    auto ib = L.numbers.find(hash_lower(w.substr(h + 1)));
    if (ia == L.numbers.end() || ib == L.numbers.end() || ia->second.type != NumType::cardinal || ib->second.type != NumType::ordinal) return false;
    *v = ia->second.value + ib->second.value;
    return ia->second.value >= 20;
  }
  // A number written in words, from token i: "one hundred and sixteen" (116), "twenty one", "two
  // thousand five hundred", "three dozen" (36). Sets *last to its last token; false when token i is
  // no cardinal. Each part must fit the one before ("five six" stops after "five").
  bool parse_words(size_t i, double* out, size_t* last) const {
    enum { START, UNIT, TEEN, TENS, HUNDRED, SCALE, AND, DONE };
    int state = START;
    double total = 0, cur = 0, last_scale = 1e300;
    size_t k = i, end = SIZE_MAX;
    for (; k < d.n() && k < i + 16 && state != DONE; ++k) {
      if (!d.word(k) || (k > i && (d.toks[k].flags & F_NEWLINE))) break;
      if (k > i && !d.lx_has(k, LX_NUMBER) && !d.is(k, W.and_) && !(d.toks[k].flags & F_HYPHEN)) break;
      if (d.is(k, W.and_)) {  // "one hundred and sixteen", "two thousand and five"
        double nv;
        if ((state == HUNDRED || state == SCALE) && k + 1 < d.n() && d.word(k + 1) && cardinal_word(d.tok(k + 1), &nv) && nv < 100 && nv > 0) {
          state = AND;
          continue;
        }
        break;
      }
      std::string_view w = d.tok(k);
      double v;
      if (d.is(k, N.dozen)) {  // "a dozen", "three dozen"
        if (state == START) { cur = 12; state = TEEN; end = k; continue; }
        if ((state == UNIT || state == TEEN || state == TENS) && cur < 100) { cur *= 12; end = k; state = DONE; continue; }
        break;
      }
      if (cardinal_word(w, &v)) {
        if (v == 0) { if (state != START) break; end = k; state = DONE; continue; }
        if (v >= 100) break;
        bool tens = v >= 20 && std::fmod(v, 10) == 0;
        if (v < 10) {
          if (!(state == START || state == TENS || state == HUNDRED || state == SCALE || state == AND)) break;
          state = UNIT;
        } else {
          if (!(state == START || state == HUNDRED || state == SCALE || state == AND)) break;
          state = v < 20 ? TEEN : tens ? TENS : UNIT;
        }
        cur += v;
        end = k;
        continue;
      }
      auto it = d.lx_has(k, LX_NUMBER) ? L.numbers.find(d.toks[k].hl) : L.numbers.end();
      if (it == L.numbers.end() || it->second.type != NumType::scale || w.back() == 's' || (d.toks[k].flags & F_CAP && k > i)) break;
      double sc = it->second.value;
      if (w.size() <= 3) break;  // "m", "bn" only after digits
      if (sc == 100) {
        if (!(state == START || state == UNIT || state == TEEN || state == TENS) || cur >= 100) break;
        cur = (cur == 0 ? 1 : cur) * 100;
        state = HUNDRED;
      } else {
        if (sc >= last_scale || state == AND) break;
        total += (cur == 0 ? 1 : cur) * sc;
        cur = 0;
        last_scale = sc;
        state = SCALE;
      }
      end = k;
    }
    if (end == SIZE_MAX) return false;
    *out = total + cur;
    *last = end;
    return true;
  }
  // "point zero three" after a whole number in words: the digits after the point, or 0 tokens.
  size_t spelled_decimals(size_t k, double* v) const {
    if (!d.is(k, N.point)) return 0;
    double frac = 0, scale = 0.1;
    size_t j = k + 1;
    for (; j < d.n() && j < k + 8; ++j) {
      double dv;
      if (!d.word(j) || !cardinal_word(d.tok(j), &dv) || dv > 9 || std::floor(dv) != dv || (d.toks[j].flags & F_HYPHEN)) break;
      frac += dv * scale;
      scale /= 10;
    }
    if (j == k + 1) return 0;
    *v += frac;
    return j - k;
  }
  // "3/4" at k (digits, a slash and digits, nothing between): true with num and den.
  bool digit_fraction(size_t k, double* num, double* den) const {
    if (k + 2 >= d.n() || !d.punct(k + 1, '/') || d.toks[k].type != T_NUM || !plain_int(k) || !d.punct(k + 1, '/') || !d.adjacent(k + 1) ||
        d.toks[k + 2].type != T_NUM || !plain_int(k + 2) || !d.adjacent(k + 2))
      return false;
    double a = std::atof(std::string(d.tok(k)).c_str()), b = std::atof(std::string(d.tok(k + 2)).c_str());
    if (!(a >= 1 && a < b) || !(b == 2 || b == 3 || b == 4 || b == 5 || b == 8 || b == 10 || b == 16 || b == 32 || b == 100)) return false;
    if (k + 3 < d.n() && d.adjacent(k + 3) && (d.punct(k + 3, '/') || d.toks[k + 3].type == T_NUM)) return false;  // 3/4/2021
    *num = a;
    *den = b;
    return true;
  }
  double scale_at(size_t i, bool adjacent_only) const {
    if (!d.word(i) || !d.lx_has(i, LX_NUMBER)) return 0;
    auto it = L.numbers.find(d.toks[i].hl);
    if (it == L.numbers.end() || it->second.type != NumType::scale) return 0;
    std::string_view w = d.tok(i);
    bool adj = d.adjacent(i);
    // m, b only directly after digits; k, bn, mn, mln also after a space ("2.33 k")
    if (w.size() <= 3 && !adj && !(w == "k" || w == "bn" || w == "mn" || w == "mln")) return 0;
    if (adjacent_only && !adj) return 0;
    if (w == "hundred" || w == "Hundred") return 100;
    return it->second.value;
  }
  int month_at(size_t i) const {
    if (!d.word(i) || !(d.toks[i].flags & F_CAP) || !d.lx_has(i, LX_CALENDAR)) return 0;
    auto it = L.calendar.find(d.toks[i].hs);
    if (it == L.calendar.end() || it->second.type != NumType::month) return 0;
    return static_cast<int>(it->second.value);
  }
  int day_at(size_t i) const {
    if (i >= d.n() || d.toks[i].type != T_NUM || !plain_int(i)) return 0;
    std::string_view s = d.tok(i);
    if (s.size() > 2) return 0;
    int v = std::atoi(std::string(s).c_str());
    if (v < 1 || v > 31) return 0;
    // "2nd", "30th"
    return v;
  }
  int year_at(size_t i) const {
    if (i >= d.n() || d.toks[i].type != T_NUM || !plain_int(i) || d.tok(i).size() != 4) return 0;
    int v = std::atoi(std::string(d.tok(i)).c_str());
    return (v >= 1000 && v <= 2199) ? v : 0;
  }
  bool ampm(size_t i, bool* pm) const {
    if (!d.word(i)) return false;
    uint64_t h = d.toks[i].hl;
    if (h == W.pm || h == W.pm2) { *pm = true; return true; }
    if (h == W.am || h == W.am2) { *pm = false; return true; }
    // "a.m" followed by '.' at sentence end is tokenized as a.m. already
    return false;
  }
  bool in_name(size_t i) const {
    if (i >= d.mention_at.size()) return false;
    if (d.mention_at[i] >= 0) return true;
    if (i == 0) return false;
    // "Boeing 737", "Route 6", "Kestrel Fold 2"
    size_t p = i - 1;
    // a model name written in camel case ("iPhone 12", "eBay 2") is a name too
    std::string_view pw = d.word(p) ? d.tok(p) : std::string_view();
    bool camel = pw.size() > 2 && pw[0] >= 'a' && pw[0] <= 'z' && std::any_of(pw.begin() + 1, pw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if ((!d.cap(p) && !camel) || (d.toks[i].flags & F_NEWLINE)) return false;
    if (!plain_int(i)) return false;
    if (d.punct(i + 1, '%') || d.is(i + 1, W.percent)) return false;  // "led Trump 46 percent to 35 percent"
    // a score after a team: "Boston beat Chicago 112-104"
    // ("Sweden 1 – 0 Korea", spaced as some sites set it)
    if ((d.punct(i + 1, '-') || d.punct(i + 1, 0x2013)) && d.adjacent(i + 1) == d.adjacent(i + 2) && i + 2 < d.n() &&
        d.toks[i + 2].type == T_NUM && !(d.toks[i + 2].flags & F_NEWLINE))
      return false;
    if (month_at(p) || d.lx_has(p, LX_CALENDAR)) return false;
    if (d.fclass(p) || d.lx_has(p, LX_STOP_CAP)) return false;
    if (d.lx_has(p, LX_CURRENCY_PREFIX)) return false;
    if (d.toks[p].flags & F_SENT) {
      // "Shares 5 ...": sentence-initial words are rarely names
      if (!(d.toks[p].flags & F_ALLCAPS) && d.mention_at[p] < 0) return false;
    }
    if (d.mention_at[p] >= 0) {
      const Mention& m = d.mentions[d.mention_at[p]];
      if (m.kind == ActorKind::place && m.known) return false;  // "Britain 2 Germany 1" is rare; "in Ukraine 5 ..." too
      if (m.kind == ActorKind::person) return false;           // "Kovač, 52" has a comma anyway
    }
    return true;
  }
  // Unit phrase starting at i (case-sensitive, then lower case for capitalised forms); returns tokens used.
  int unit_at(size_t i, const Unit** u) const {
    uint64_t h = hash_seed();
    int best = 0;
    for (int k = 0; k < L.unit_max_tokens && i + k < d.n(); ++k) {
      if (d.toks[i + k].type == T_PUNCT && d.toks[i + k].cp != '%' && d.toks[i + k].cp != 0xB0) break;
      h = hash_combine(h, d.toks[i + k].hs);
      auto it = L.units.find(h);
      if (it != L.units.end()) { best = k + 1; *u = &it->second; }
    }
    return best;
  }

  // The longest qualifier phrase ("about", "more than", "up to") right before token t0, if any;
  // *len is its length in tokens.
  const Qualifier* qualifier(size_t t0, int* len) const {
    uint64_t h = hash_seed();
    const Qualifier* best = nullptr;
    // build from the nearest word backwards: phrase hash must be computed left to right, so try each length
    for (int n = 1; n <= L.qualifier_max_tokens && static_cast<size_t>(n) <= t0; ++n) {
      h = hash_seed();
      for (size_t k = t0 - n; k < t0; ++k) h = hash_combine(h, d.toks[k].hl);
      auto it = L.qualifiers.find(h);
      if (it != L.qualifiers.end()) { best = &it->second; *len = n; }
    }
    return best;
  }
  // The qualifier goes into the attrs and into the span: a reader quotes "about 14%", "more than
  // 3.08 billion yuan", not "14%" (fifth round). The span stays put when the phrase is on the line
  // before or overlaps a number found already ("5 to about 10" is one range).
  void qualifiers(size_t t0, RawAnn& a) {
    int len = 0;
    const Qualifier* best = qualifier(t0, &len);
    if (!best) return;
    if (best->approx) a.attrs.approx = true;
    if (best->bound > 0) a.attrs.bound = "min";
    if (best->bound < 0) a.attrs.bound = "max";
    const size_t q = t0 - static_cast<size_t>(len);
    for (size_t k = q + 1; k <= t0; ++k)
      if (d.toks[k].flags & F_NEWLINE) return;
    const uint32_t b = d.toks[q].b;
    for (size_t k = d.out.size(), seen = 0; k-- > 0 && seen < 4; ++seen)
      if (d.out[k].label == 2 && &d.out[k] != &a && d.out[k].e > b) return;
    a.b = b;
    for (size_t k = q; k < t0; ++k) used[k] = 1;
  }

  bool adjective_like(std::string_view w) const {
    static constexpr std::string_view kSuf[] = {"ic", "al", "ous", "ive", "ful", "less", "able", "ible", "ary", "ian", "ese", "ish", "ern", "est", "ior"};
    for (std::string_view s : kSuf) if (ends_with(w, s)) return true;
    static constexpr std::string_view kAdj[] = {"new", "old", "more", "other", "major", "small", "large", "big", "key", "top", "few", "many",
                                 "young", "senior", "junior", "straight", "consecutive", "additional", "further", "separate",
                                 "different", "main", "whole", "full", "short", "long", "high", "low", "recent", "last", "next",
                                 "first", "previous", "former", "extra", "single", "fresh", "alleged", "armed", "injured"};
    for (std::string_view s : kAdj) if (w == s) return true;
    return false;
  }

  // the noun a count counts, from token k on; returns an empty string when none
  std::string counted(size_t k) const {
    size_t n = d.n();
    size_t first = SIZE_MAX, last = SIZE_MAX;
    int count = 0;
    size_t j = k;
    while (j < n && count < 4) {
      if (!d.word(j) || d.poss(j)) break;
      const Token& t = d.toks[j];
      std::string_view w = d.tok(j);
      if (t.flags & F_CAP) {
        if (d.lx_has(j, LX_DEMONYM) && first == SIZE_MAX) { ++j; ++count; continue; }
        break;
      }
      if (d.lx_has(j, LX_FUNCTION | LX_NOT_NOUN)) break;
      if (L.cues.count(hash_combine(hash_seed(), t.hl)) && !(w.size() > 3 && w.back() == 's' && w != "says")) break;
      if (d.lx_has(j, LX_NUMBER)) break;
      if (ends_with(w, "ed") || ends_with(w, "ly") || (ends_with(w, "ing") && !ends_with(w, "ings"))) break;
      if (first == SIZE_MAX && adjective_like(w) && j + 1 < n && d.word(j + 1) && !(d.toks[j + 1].flags & F_CAP)) { ++j; ++count; continue; }
      if (first == SIZE_MAX) first = j;
      last = j;
      ++j;
      ++count;
      // a plural noun usually ends the phrase
      if (w.size() > 3 && w.back() == 's' && !ends_with(w, "ss")) break;
    }
    if (first == SIZE_MAX) return {};
    // drop adjective-like words at the start of a multi-word run
    while (first < last && adjective_like(d.tok(first))) ++first;
    return std::string(d.span(first, last + 1));
  }

  void emit(const Num& x, const std::string& count_noun, bool qualify = true) {
    RawAnn& a = d.out.emplace_back();  // filled in place
    a.label = 2;
    a.b = x.b;
    a.e = x.e;
    if (qualify) qualifiers(x.t0, a);
    a.attrs.counted = count_noun;
    a.attrs.currency = x.currency;
    a.attrs.kind = kKindNames[x.kind];
    a.attrs.unit = x.unit;
    if (x.has_value) a.attrs.value = x.svalue.empty() ? num_json(x.value) : json(x.svalue);
    for (size_t k = x.t0; k < x.t1 && k < used.size(); ++k) used[k] = 1;
  }

  static std::string mmdd(int m, int day) {
    std::string s = "--";
    put_padded(s, m, 2);
    s += '-';
    put_padded(s, day, 2);
    return s;
  }
  static int days_in_month(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
  }
  static std::string ymd(int y, int m, int day) { return iso_date(y, m, day); }
  static std::string hh_mm(int h, int m) {
    std::string s;
    put_padded(s, h, 2);
    s += ':';
    put_padded(s, m, 2);
    return s;
  }

  // Parses a numeric quantity at i: [currency] digits|words [scale] ; fills x (money/count) and returns next token.
  size_t quantity(size_t i, Num& x) {
    size_t n = d.n();
    size_t start = i;
    const size_t first = i;
    std::string cur;
    // currency symbol before
    if (i < n && d.toks[i].type == T_PUNCT) {
      auto c = d.lx_has(i, LX_CURRENCY_PREFIX) ? L.currency_prefix.find(d.toks[i].hs) : L.currency_prefix.end();
      // "$75", and "$ 75" as some wires set it (a space, not a line break, and no figure before the
      // sign: "10 $ 30 cents" is not $30)
      if (c == L.currency_prefix.end() || !(i + 1 < n && d.toks[i + 1].type == T_NUM && !(d.toks[i + 1].flags & F_NEWLINE))) return i;
      if (!d.adjacent(i + 1) && i > 0 && d.toks[i - 1].type == T_NUM) return i;
      cur = L.str(c->second);
      // "US$5", "A$20", "HK$3": the letters before the dollar sign say whose dollar
      if (d.punct(i, '$') && i > 0 && d.word(i - 1) && d.adjacent(i) && d.tok(i - 1).size() <= 4) {
        auto c2 = L.currency_prefix.find(hash_bytes(std::string(d.tok(i - 1)) + "$"));
        if (c2 != L.currency_prefix.end()) { cur = L.str(c2->second); start = i - 1; }
      }
      ++i;
    } else if (d.word(i) && i + 1 < n && (((d.toks[i].flags & F_ALLCAPS) && d.adjacent(i + 1)) || spaced_code(i))) {
      auto c = d.lx_has(i, LX_CURRENCY_PREFIX) ? L.currency_prefix.find(d.toks[i].hs) : L.currency_prefix.end();
      if (c != L.currency_prefix.end() && (d.toks[i + 1].type == T_NUM || (d.toks[i + 1].type == T_PUNCT && i + 2 < n && d.toks[i + 2].type == T_NUM))) {
        cur = L.str(c->second);
        ++i;
        if (d.toks[i].type == T_PUNCT) ++i;  // US$
      }
    }
    double v = 0;
    bool word = false, lead_point = false;
    size_t last = i;
    if (i < n && d.toks[i].type == T_NUM) {
      // "usd115.5", "v2.5": digits after a point that is attached to a word with digits belong to
      // that code; reading them as a number would give a wrong value
      if (start == i && i >= 2 && d.punct(i - 1, '.') && d.adjacent(i) && d.adjacent(i - 1) && d.toks[i - 2].type == T_WORD &&
          (d.toks[i - 2].flags & F_DIGIT))
        return start;
      if (!digits_value(i, &v)) return start;
      // ".08 percent" is 0.08: a point right before the digits, with a space or nothing before it
      if (start == i && i > 0 && d.punct(i - 1, '.') && d.adjacent(i) && plain_int(i) && (i == 1 || !d.adjacent(i - 1))) {
        std::string frac = "0." + std::string(d.tok(i));
        v = std::strtod(frac.c_str(), nullptr);
        lead_point = true;
      }
    } else if (d.word(i) && cur.empty() && parse_words(i, &v, &last)) {
      word = true;
    } else {
      return start;
    }
    // signed figures: "minus 20 degrees"; "fell to -5C", "−12" (a minus sign on the number, with a
    // space or nothing before the sign and no number right before it: not "10 -20"); "plus or
    // minus 3.4 points" is a margin, not a negative number
    if (start == i && !word && !lead_point && i > 0) {
      bool minus_word = d.word(i - 1) && (d.is(i - 1, W.minus) || d.is(i - 1, W.negative)) && !d.adjacent(i) &&
                        !(i >= 3 && d.is(i - 2, W.or_) && d.is(i - 3, N.plus));
      bool minus_sign = (d.punct(i - 1, '-') || d.punct(i - 1, 0x2212)) && d.adjacent(i) && (i == 1 || !d.adjacent(i - 1)) &&
                        !(i >= 2 && d.toks[i - 2].type == T_NUM);
      // "convert - 20 degrees": a minus set apart by spaces, only after a lower-case word and before degrees
      const Unit* deg = nullptr;
      bool spaced_minus = !minus_word && !minus_sign && i >= 2 && d.punct(i - 1, '-') && !d.adjacent(i) && !d.adjacent(i - 1) &&
                          d.word(i - 2) && !(d.toks[i - 2].flags & F_CAP) && !(d.toks[i].flags & F_NEWLINE) && unit_at(i + 1, &deg) &&
                          L.str(deg->name).rfind("\u00B0", 0) == 0;
      if (minus_word || minus_sign || spaced_minus) {
        start = i - 1;
        v = -v;
      }
    }
    if (lead_point) start = i - 1;
    x.t0 = start;
    x.b = d.toks[start].b;
    bool frac = false;
    if (word) {
      i = last;
      x.e = d.toks[i].e;
      // "two hundred point zero three"; not the idiom "at one point"
      if (!(v == 1 && start > 0 && d.is(start - 1, W.at)))
        if (size_t dl = spelled_decimals(i + 1, &v)) { i += dl; x.e = d.toks[i].e; }
    } else {
      x.e = d.toks[i].e;
      double a, b;
      if (!lead_point) {
        // "1,5 million", "46 . 8": a decimal comma or a spaced point (below) joins the digits after it
        if (int dc = decimal_comma(i, !cur.empty(), &v); dc < 0) {
          for (size_t k = i; k <= i + 2; ++k) used[k] = 1;
          return first;
        } else if (dc > 0 || spaced_point(i, !cur.empty(), &v)) {
          x.e = d.toks[i + 2].e;
          i += 2;
        }
      }
      // "12,34,567.89 rupees": Indian grouping (lakhs), which the tokenizer splits after the first
      // group; read apart, "12" and "34,567.89" would be two wrong values
      if (i + 2 < n && !lead_point && plain_int(i) && d.tok(i).size() <= 2 && d.punct(i + 1, ',') && d.adjacent(i + 1) &&
          d.adjacent(i + 2) && d.toks[i + 2].type == T_NUM) {
        std::string_view t2 = d.tok(i + 2);
        if (t2.size() >= 6 && t2[0] >= '0' && t2[0] <= '9' && t2[1] >= '0' && t2[1] <= '9' && t2[2] == ',') {
          std::string all(d.tok(i));
          for (char ch : t2) if (ch != ',') all += ch;
          v = std::strtod(all.c_str(), nullptr);
          i += 2;
          x.e = d.toks[i].e;
        }
      }
      if (d.punct(i + 1, '/') && !lead_point && plain_int(i) && digit_fraction(i, &a, &b)) {  // "3/4"
        v = v < 0 ? -a / b : a / b;
        i += 2;
        x.e = d.toks[i].e;
        frac = true;
      } else if (i + 2 < n && d.toks[i + 1].type == T_NUM && d.punct(i + 2, '/') && !lead_point && plain_int(i) && !d.adjacent(i + 1) &&
                 digit_fraction(i + 1, &a, &b)) {  // "8 3/4"
        v = v < 0 ? v - a / b : v + a / b;
        i += 3;
        x.e = d.toks[i].e;
      } else if (i + 3 < n && d.punct(i + 1, '-') && d.adjacent(i + 1) && d.adjacent(i + 2) && !lead_point && plain_int(i) &&
                 digit_fraction(i + 2, &a, &b)) {  // "2-1/2": a mixed number as wires set it, not 2 and 1/2
        v = v < 0 ? v - a / b : v + a / b;
        i += 4;
        x.e = d.toks[i].e;
      } else if (i + 2 < n && d.punct(i + 1, '/') && !d.adjacent(i + 1) && !d.adjacent(i + 2) && !lead_point && plain_int(i) &&
                 d.toks[i + 2].type == T_NUM && plain_int(i + 2)) {
        // "rose 1 / 2": a fraction in text tokenised for parsers; read apart, "2 to 30" became a range
        double num = std::fabs(v), den = std::atof(std::string(d.tok(i + 2)).c_str());
        for (size_t k = i; k <= i + 2; ++k) used[k] = 1;
        if (!(num >= 1 && num < den && (den == 2 || den == 4 || den == 8 || den == 16 || den == 32))) return first;
        v = v < 0 ? -num / den : num / den;
        i += 2;
        x.e = d.toks[i].e;
        frac = true;
      }
      // "5k-20k", "2 million-3 million": the tokenizer keeps "k-20k" and "million-3" whole, so "5" or
      // "2" alone would be a wrong value; a range when the rest reads as a figure and a scale
      if (i + 1 < n && d.word(i + 1) && (d.toks[i + 1].flags & F_HYPHEN) && (d.adjacent(i + 1) || !word)) {
        std::string_view hw = d.tok(i + 1);
        if (double s1 = scale_word(hw.substr(0, hw.find('-')))) {
          for (size_t k = i; k <= i + 1; ++k) used[k] = 1;
          if (!cur.empty() || lead_point || (hw.size() == 1 + hw.find('-')) || (!d.adjacent(i + 1) && s1 < 1e6)) return first;
          std::string_view rest = hw.substr(hw.find('-') + 1);
          size_t dg = 0;
          while (dg < rest.size() && ((rest[dg] >= '0' && rest[dg] <= '9') || (rest[dg] == '.' && dg > 0))) ++dg;
          if (dg == 0) return first;
          double r = std::strtod(std::string(rest.substr(0, dg)).c_str(), nullptr), s2 = 0;
          size_t end = i + 1;
          if (dg < rest.size()) s2 = scale_word(rest.substr(dg));
          else if (i + 2 < n && d.word(i + 2) && !d.adjacent(i + 2) && (s2 = scale_word(d.tok(i + 2))) < 1e6) s2 = 0;
          else if (s2) end = i + 2;
          if (!s2 || v * s1 >= r * s2 || v < 0) return first;
          used[end] = 1;
          RawAnn& a = d.out.emplace_back(); a.label = 2; a.b = d.toks[start].b; a.e = d.toks[end].e;
          a.attrs.kind = "range";
          a.attrs.value = json::array({num_json(v * s1), num_json(r * s2)});
          a.attrs.counted = counted(end + 1);
          qualifiers(start, a);
          return first;
        }
      }
    }
    ++i;
    // "two thirds", "one quarter", "two and a half"
    if (word && i < n && d.word(i) && !(d.toks[i].flags & F_CAP) && (d.lx_has(i, LX_NUMBER) || d.is(i, W.and_))) {
      int den = d.lx_has(i, LX_NUMBER) ? denominator(d.tok(i)) : 0;  // every denominator word is a number word
      std::string_view dw = d.tok(i);
      bool plural = !dw.empty() && dw.back() == 's';
      if (den && std::floor(v) == v && v >= 1 && v < den && (plural ? v >= 2 : v == 1) && !(den == 2 && plural)) {
        v /= den;
        x.e = d.toks[i].e;
        ++i;
        frac = true;
      } else if (d.is(i, W.and_) && d.is(i + 1, W.a) && (den = denominator(d.tok(i + 2))) && den <= 4 && d.tok(i + 2).back() != 's') {
        v += 1.0 / den;
        x.e = d.toks[i + 2].e;
        i += 3;
      }
    }
    // "three quarters billion": a spelled fraction of a large scale
    double s = frac ? (word && scale_at(i, false) >= 1e6 ? scale_at(i, false) : 0) : scale_at(i, false);
    if (frac && s > 0) frac = false;  // a count again
    // "1.8m tall", "1m is equal to 10 dm": without a currency, an attached "m" before a size word or
    // a verb is metres, not millions ("48m viewers"; at the end of a phrase it stays millions)
    if (s == 1e6 && cur.empty() && d.tok(i) == "m") {
      size_t q = i + 1;
      std::string_view nw = q < n && d.word(q) ? d.tok(q) : std::string_view();
      if (nw == "tall" || nw == "long" || nw == "high" || nw == "wide" || nw == "deep" ||
          nw == "away" || nw == "above" || nw == "below" || nw == "is" || nw == "was" || nw == "are" || nw == "were")
        s = 0;
    }
    if (s > 0) { v *= s; x.e = d.toks[i].e; ++i; }
    // "3 dozen", "three dozens of roses"
    if (!frac && !word && (d.is(i, N.dozen) || d.is(i, N.dozens)) && v >= 1 && v < 1000 && std::floor(v) == v) { v *= 12; x.e = d.toks[i].e; ++i; }
    x.value = v;
    x.word = word;
    x.kind = cur.empty() ? (frac ? K_RATIO : K_COUNT) : K_MONEY;
    x.currency = cur;
    // currency or percent words after
    if (i < n) {
      if (d.punct(i, '%') && (x.kind == K_COUNT || x.kind == K_RATIO)) { x.kind = K_PERCENT; x.e = d.toks[i].e; ++i; }
      else if ((x.kind == K_COUNT || x.kind == K_RATIO) && d.word(i) &&
               (percent_word_at(i) || (d.is(i, N.pc) && d.adjacent(i)))) {
        size_t e = d.is(i, W.per) ? i + 1 : i;
        x.kind = K_PERCENT; x.e = d.toks[e].e; i = e + 1;
      } else if (x.kind == K_COUNT && !word && d.is(i, N.p) && d.tok(i) == "p" && d.adjacent(i) && !(i + 1 < n && d.punct(i + 1, '.'))) {
        x.kind = K_MONEY; x.currency = "GBP"; x.value = v / 100; x.e = d.toks[i].e; ++i;  // "99p": pence
        x.cur_after = true;
      } else if (d.word(i) && x.kind == K_COUNT) {
        uint64_t h = hash_combine(hash_seed(), d.toks[i].hl);
        auto c = L.currency_suffix.find(h);
        bool code = (d.toks[i].flags & F_ALLCAPS) && d.tok(i).size() == 3;
        double mult = 1;
        // an ISO code after the amount ("50 million USD", "75 USD million"), as before it
        if (c == L.currency_suffix.end() && code && d.lx_has(i, LX_CURRENCY_PREFIX))
          c = L.currency_prefix.find(d.toks[i].hs);
        else if (c == L.currency_suffix.end() && !code)
          c = scaled_code(i, &mult, &code);  // "17 usd", "30 musd", "120 MSEK"
        // "yen" is always money after a figure; "won" only after a scale ("1.5 trillion won": not the verb)
        const bool short_word = d.is(i, N.yen) || (d.is(i, N.won) && s > 0);
        if (c != nullptr && (d.tok(i).size() > 3 || code || short_word)) {
          x.kind = K_MONEY; x.currency = L.str(c->second); x.e = d.toks[i].e; ++i;
          x.cur_after = true;
          x.value = v * mult;
          auto sub = L.currency_subunit.find(h);  // "15 cents" is USD 0.15
          if (sub != L.currency_subunit.end()) x.value = v * sub->second;
          else if (double s2 = code && mult == 1 ? scale_at(i, false) : 0; s2 >= 1e6) {
            x.value = v * s2;  // "75 USD million": the code before the scale
            x.e = d.toks[i].e;
            ++i;
          } else if (i < n) {
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount
            size_t j = d.is(i, W.and_) ? i + 1 : i;
            Num y;
            size_t k = j < n && (d.toks[j].type == T_NUM || d.lx_has(j, LX_NUMBER)) ? quantity(j, y) : j;
            // "20 euros and 50 cents": a cent is a hundredth of the amount's currency, whatever the
            // lexicon's default for the word alone (USD)
            const bool cents = k > j && (d.tok(k - 1) == "cents" || d.tok(k - 1) == "cent") && x.currency != "JPY" && x.currency != "KRW";
            if (k > j && y.kind == K_MONEY && y.cur_after && (y.currency == x.currency || cents) && y.value > 0 && y.value < 1 &&
                L.currency_subunit.find(hash_combine(hash_seed(), d.toks[k - 1].hl)) != L.currency_subunit.end()) {
              x.value = std::round((v + y.value) * 100) / 100;
              x.e = y.e;
              i = k;
            } else if (k > j && mult == 1 && !(x.t0 > 0 && d.word(x.t0 - 1) && (d.lx_has(x.t0 - 1, LX_CURRENCY_PREFIX) ||
                                                                          N.lower_code.count(d.toks[x.t0 - 1].hl))) &&
                       bare_cents(v, y, j, k, j != i)) {  // "15 dollars 50", "17 USD 25": cents (not "rmb 10 usd 20": two amounts)
              x.value = std::round(v * 100 + y.value) / 100;
              x.e = y.e;
              i = k;
            }
          }
        }
      }
    }
    x.t1 = i;
    return i;
  }

  // "CHF 2 billion", "EUR 500", "Rs 15,000": a currency code set apart from the amount by a space
  // (three capitals that are no English word, or "Rs"), on the same line
  LEDE_COLD bool spaced_code(size_t i) const {
    if (i + 1 >= d.n() || d.adjacent(i + 1) || d.toks[i + 1].type != T_NUM || (d.toks[i + 1].flags & F_NEWLINE)) return false;
    if (!d.lx_has(i, LX_CURRENCY_PREFIX)) return false;
    std::string_view w = d.tok(i);
    if (w == "Rs") return true;
    return (d.toks[i].flags & F_ALLCAPS) && w.size() == 3 && w != "TRY" && w != "PEN";
  }
  // A code after an amount in lower case ("17 usd") or with a scale letter on it ("30 musd", "120
  // MSEK", "5 kEUR"): its currency (end() if none); *mult the scale, *code true
  LEDE_COLD const std::pair<uint64_t, uint32_t>* scaled_code(size_t i, double* mult, bool* code) const {
    std::string_view w = d.tok(i);
    if (w.size() < 3 || w.size() > 5) return L.currency_prefix.end();
    // most words after a count are nouns ("400 jobs"): leave at the first letter that no such code has
    const char f = static_cast<char>(w[0] | 32);
    if (w.size() > 3 && f != 'm' && f != 'k' && f != 'b') return L.currency_prefix.end();
    if (w.size() == 3 && !N.lower_code.count(d.toks[i].hl)) return L.currency_prefix.end();
    size_t pl = w.size() - 3;
    std::string_view pre = w.substr(0, pl), rest = w.substr(pl);
    auto low = [&](std::string_view a, std::string_view b) {
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char p, char q) { return (p | 32) == q; });
    };
    double m = pl == 0 ? 1 : low(pre, "m") || low(pre, "mn") ? 1e6 : low(pre, "k") ? 1e3 : low(pre, "bn") ? 1e9 : 0;
    if (!m) return L.currency_prefix.end();
    // the code all in lower case or all in capitals: "musd", "MUSD", "mUSD"
    bool up = std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    bool lo = std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!up && !lo) return L.currency_prefix.end();
    if (lo && !N.lower_code.count(hash_lower(rest))) return L.currency_prefix.end();
    std::string u(rest);
    for (char& c : u) c = static_cast<char>(c & ~32);
    auto c = L.currency_prefix.find(hash_bytes(u));
    if (c == L.currency_prefix.end()) return c;
    *mult = m;
    *code = true;
    return c;
  }
  // "15 dollars 50", "thirteen dollars forty five", "one dollar and one": a bare whole number below
  // 100 after a whole amount in a currency word is its cents, when nothing it could count follows
  // (after "and" only the end of the phrase: "15 dollars and 50 people" is two numbers)
  LEDE_COLD bool bare_cents(double v, const Num& y, size_t j, size_t k, bool and_) const {
    if (std::floor(v) != v || y.kind != K_COUNT || y.t0 != j || y.value < 1 || y.value >= 100 || std::floor(y.value) != y.value) return false;
    if (k >= d.n() || (d.toks[k].flags & F_NEWLINE)) return true;
    if (d.toks[k].type == T_PUNCT) return !(d.punct(k, '%') || d.punct(k, '-') || d.punct(k, '/') || d.punct(k, 0x2013) || d.punct(k, ':'));
    if (and_) return false;
    return d.is(k, N.per) || d.is(k, N.a_) || d.is(k, N.an) || d.is(k, N.for_) || d.is(k, N.in_) || d.is(k, N.on) || d.is(k, N.at) ||
           d.is(k, N.each);
  }
  // "rose $1.50 to $75.20", "fell by $2 to $40": a verb of change before the first amount
  bool change_before(size_t t0) const {
    if (t0 == 0) return false;
    size_t p = t0 - 1;
    if (d.is(p, N.by) && p > 0) --p;
    return d.word(p) && N.change.count(d.toks[p].hl);
  }
  // the sentence around token i: tokens [*s0, *s1), at most 60 either side
  void sentence_of(size_t i, size_t* s0, size_t* s1) const {
    size_t a = i;
    while (a > 0 && !(d.toks[a].flags & F_SENT) && i - a < 60) --a;
    size_t b = i + 1;
    while (b < d.n() && !(d.toks[b].flags & F_SENT) && b - i < 60) ++b;
    *s0 = a;
    *s1 = b;
  }
  LEDE_COLD bool sport_in_sentence(size_t i) const {
    size_t s0, s1;
    sentence_of(i, &s0, &s1);
    for (size_t k = s0; k < s1; ++k)
      if (d.word(k) && N.sport.count(d.toks[k].hl)) return true;
    return false;
  }
  // "4chan", "3M", "5G": digits glued to a word that is no unit, scale, currency or suffix belong to a name
  LEDE_COLD bool glued_name(size_t i) const {
    size_t k = i + 1;
    if (!d.word(k) || !d.adjacent(k) || (d.toks[k].flags & F_HYPHEN)) return false;
    // letters only; in lower case a word of three or more with a vowel ("chan", "ers"), not an abbreviation ("kmph")
    const bool cap = d.toks[k].flags & F_CAP;
    std::string_view g = d.tok(k);
    if (!std::all_of(g.begin(), g.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) return false;
    if (!cap && (g.size() < 3 || g.find_first_of("aeiou") == std::string_view::npos)) return false;
    if (d.lx_has(k, LX_NUMBER | LX_CURRENCY_PREFIX | LX_CALENDAR)) return false;
    if (d.is(k, W.st) || d.is(k, W.nd) || d.is(k, W.rd) || d.is(k, W.th) || percent_word_at(k) || d.is(k, N.pc) || d.is(k, N.s)) return false;
    bool pm;
    const Unit* u = nullptr;
    if (ampm(k, &pm) || unit_at(k, &u)) return false;
    return L.currency_suffix.find(hash_combine(hash_seed(), d.toks[k].hl)) == L.currency_suffix.end();
  }

  bool range_second(size_t i, const Num& first, Num& second, size_t* next) {
    // after "to", "-", "and", "or": a number of the same shape
    size_t j = quantity(i, second);
    if (j == i) return false;
    if (second.kind == K_COUNT && first.kind == K_MONEY) { second.kind = K_MONEY; second.currency = first.currency; second.cur_copied = true; }
    if (first.kind == K_COUNT && second.kind == K_MONEY) return false;
    *next = j;
    return true;
  }

  // Identifiers are not counts: IP addresses and version numbers (two points or more), emergency
  // numbers before "call", "dispatcher"... ("a 911 call"), phone numbers (555-1234, 212-555-0100).
  // Marks their tokens used; true when token i starts one.
  bool identifier(size_t i) {
    std::string_view w = d.tok(i);
    // "flight 370" (capitalised, "Flight 370" is a name already)
    const Unit* u = nullptr;
    if (i > 0 && d.is(i - 1, N.flight) && plain_int(i) && !unit_at(i + 1, &u)) { used[i] = 1; return true; }
    // "page 12", "section 3", "room 101": a place in a document or a building, not a count
    if (i > 0 && plain_int(i) && N.locator.count(d.toks[i - 1].hl) && !unit_at(i + 1, &u)) {
      used[i] = 1;
      return true;
    }
    if (w.size() >= 5) {  // "1.2.3" at the shortest
      int dots = 0;
      for (char c : w) dots += c == '.';
      if (dots >= 2) { used[i] = 1; return true; }
    }
    const bool glued = d.word(i + 1) && d.adjacent(i + 1);  // a word right after the digits
    if (glued && plain_int(i) && glued_name(i)) { used[i] = used[i + 1] = 1; return true; }
    // "787s", "A350s": planes of a model, no count (decades, "the 1990s", are read as years below)
    if (glued && d.is(i + 1, N.s) && d.tok(i + 1) == "s" && plain_int(i) && !year_at(i) && !(w.size() == 2 && w[1] == '0')) {
      used[i] = used[i + 1] = 1;
      return true;
    }
    // "020 7946 0018": a group of digits with a leading zero is a code or a phone number, and so are
    // the groups that follow it
    if (w.size() >= 3 && w[0] == '0' && plain_int(i)) {
      used[i] = 1;
      for (size_t k = i + 1; k < d.n() && d.toks[k].type == T_NUM && plain_int(k) && d.tok(k).size() >= 2 && !(d.toks[k].flags & F_NEWLINE); ++k)
        used[k] = 1;
      return true;
    }
    auto digits = [&](size_t k, size_t len) { return k < d.n() && d.toks[k].type == T_NUM && plain_int(k) && d.tok(k).size() == len; };
    auto dash = [&](size_t k) { return (d.punct(k, '-') || d.punct(k, '.')) && d.adjacent(k) && d.adjacent(k + 1); };
    // "1-800-555-0199": a country or toll-free prefix before a phone number
    if (w == "1" && dash(i + 1) && digits(i + 2, 3) && dash(i + 3) && digits(i + 4, 3) && dash(i + 5) && digits(i + 6, 4)) {
      for (size_t k = i; k < i + 7; ++k) used[k] = 1;
      return true;
    }
    if (w.size() != 3) return false;  // the tests below start with three digits
    if (plain_int(i) && (w == "911" || w == "999" || w == "112" || w == "000")) {
      size_t k = i + 1;
      if (d.punct(k, '-') && d.adjacent(k)) ++k;  // "911-call"
      const NumWords& N2 = N;
      auto callish = [&](size_t q) {
        return d.is(q, N2.call) || d.is(q, N2.calls) || d.is(q, N2.caller) || d.is(q, N2.callers) || d.is(q, N2.dispatcher) ||
               d.is(q, N2.dispatchers) || d.is(q, N2.operator_) || d.is(q, N2.emergency) || d.is(q, N2.line) || d.is(q, N2.hotline) ||
               d.is(q, N2.center) || d.is(q, N2.centre) || d.is(q, N2.system);
      };
      if (callish(k) || (i > 0 && (d.is(i - 1, N2.dialed) || d.is(i - 1, N2.dialled) || d.is(i - 1, N2.dial) || d.is(i - 1, N2.call) ||
                                   d.is(i - 1, N2.called) || d.is(i - 1, N2.calling) || d.is(i - 1, N2.calls) || d.is(i - 1, N2.phoned)))) {
        used[i] = 1;
        return true;
      }
    }
    // phone numbers: 3 digits - 4 digits, or 3 - 3 - 4, hyphens on both sides without spaces
    if (digits(i, 3) && i > 0 && d.punct(i - 1, '(') && d.punct(i + 1, ')') && digits(i + 2, 3) && dash(i + 3) && digits(i + 4, 4)) {
      for (size_t k = i; k < i + 5; ++k) used[k] = 1;  // "(202) 555-0100"
      return true;
    }
    if (digits(i, 3) && dash(i + 1)) {
      size_t e = 0;
      if (digits(i + 2, 3) && dash(i + 3) && digits(i + 4, 4)) e = i + 5;
      else if (digits(i + 2, 4) && !(i + 3 < d.n() && d.adjacent(i + 3) && d.toks[i + 3].type != T_PUNCT)) e = i + 3;
      if (e) {
        for (size_t k = i; k < e; ++k) used[k] = 1;
        return true;
      }
    }
    return false;
  }

  // "3:30 p.m. EST": the zone after a time belongs to its span (the value stays the clock time)
  void time_zone(Num& x) const {
    size_t k = x.t1;
    if (k >= d.n() || !d.word(k) || !(d.toks[k].flags & F_ALLCAPS) || (d.toks[k].flags & F_NEWLINE)) return;
    static constexpr std::string_view kZones[] = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT", "MT",
                                                  "GMT", "UTC", "BST", "CET", "CEST", "EET", "JST", "KST", "AEST", "AEDT", "IST", "HKT", "SGT"};
    std::string_view w = d.tok(k);
    for (std::string_view z : kZones)
      if (w == z) { x.e = d.toks[k].e; x.t1 = k + 1; return; }
  }

  // "5 ft 2 in", "5 feet and 2 inches": one height in feet (5.1666...), as a reader reads it
  void feet_and_inches(Num& x) {
    if (x.unit != "ft" || x.word) return;
    size_t k = d.is(x.t1, W.and_) ? x.t1 + 1 : x.t1;
    double in = 0;
    if (k >= d.n() || d.toks[k].type != T_NUM || !plain_int(k) || !digits_value(k, &in) || in >= 12) return;
    const Unit* u = nullptr;
    int ul = unit_at(k + 1, &u);
    bool bare_in = ul == 0 && d.is(k + 1, W.in) && (k + 2 >= d.n() || !d.word(k + 2) || (d.toks[k + 2].flags & F_NEWLINE));
    if (!bare_in && !(ul && L.str(u->name) == "in")) return;
    x.value += in / 12;
    x.t1 = k + 1 + (bare_in ? 1 : ul);
    x.e = d.toks[x.t1 - 1].e;
  }

  // A margin of error: "plus or minus 3.4 points", "±3 percentage points", "+/- 2%". The span takes the
  // sign phrase and the points; the value is the size of the margin (3.4), never negative.
  bool margin(Num& x, size_t j) {
    if (x.kind != K_COUNT && x.kind != K_PERCENT) return false;
    size_t t0 = x.t0, s = SIZE_MAX;
    if (t0 >= 3 && d.is(t0 - 3, N.plus) && d.is(t0 - 2, W.or_) && d.is(t0 - 1, W.minus)) s = t0 - 3;
    else if (t0 >= 1 && d.punct(t0 - 1, 0xB1)) s = t0 - 1;
    else if (t0 >= 3 && d.punct(t0 - 3, '+') && d.punct(t0 - 2, '/') && d.punct(t0 - 1, '-') && d.adjacent(t0 - 2) && d.adjacent(t0 - 1)) s = t0 - 3;
    if (s == SIZE_MAX || x.value < 0) return false;
    Num m = x;
    m.kind = K_MARGIN;
    m.t0 = s;
    m.b = d.toks[s].b;
    m.t1 = j;
    if (x.kind == K_PERCENT) m.unit = "%";
    else if (d.is(j, N.points) || d.is(j, N.point_)) { m.unit = "points"; m.e = d.toks[j].e; m.t1 = j + 1; }
    else {
      const Unit* u = nullptr;
      if (int ul = unit_at(j, &u)) { m.unit = L.str(u->name); m.e = d.toks[j + ul - 1].e; m.t1 = j + ul; }
    }
    emit(m, "", false);
    return true;
  }

  // "three days ago", "two decades ago": a date counted back from the article's (resolved when the
  // article has a date: "75 years ago" in 2020 is 1945); other units stay durations
  LEDE_COLD void ago(Num& x) const {
    const char* unit = x.unit == "days" ? "day" : x.unit == "weeks" ? "week" : x.unit == "months" ? "month" :
                       x.unit == "years" || x.unit == "decades" ? "year" : nullptr;
    if (!unit || std::floor(x.value) != x.value || x.value < 1 || x.value > 3000) return;
    const int back = static_cast<int>(x.value) * (x.unit == "decades" ? 10 : 1);
    x.kind = K_DATE;
    x.svalue = rel_value(unit, -back);
    x.unit.clear();
    x.e = d.toks[x.t1].e;
    x.t1 += 1;
  }

  // "one" is a count before a noun it counts ("one person was killed"), not as a pronoun ("one of
  // them", "no one"), after a determiner ("the one", "that one") or in set phrases ("one day").
  bool one_counts(const Num& x, size_t j) const {
    const Unit* u = nullptr;
    if (unit_at(j, &u)) return true;
    if (x.t1 != x.t0 + 1 || x.t0 != j - 1) return false;  // a plain "one", nothing composed
    if (d.is(j, W.or_) || d.is(j, W.to)) {  // "one or two people", "one to three years"
      double v;
      size_t l;
      if (d.word(j + 1) && parse_words(j + 1, &v, &l) && v > 1 && v < 100) return true;
    }
    size_t p = x.t0;
    if (p > 0 && (d.is(p - 1, W.the) || d.is(p - 1, N.no) || d.is(p - 1, N.any) || d.is(p - 1, N.every) || d.is(p - 1, N.each) ||
                  d.is(p - 1, N.that_) || d.is(p - 1, W.this_) || d.is(p - 1, W.a) || d.is(p - 1, W.which) || d.poss(p - 1) ||
                  d.is(p - 1, W.its) || d.is(p - 1, W.his) || d.is(p - 1, W.her) || d.is(p - 1, W.their)))
      return false;
    if (j >= d.n() || !d.word(j) || (d.toks[j].flags & F_CAP) || N.one_vague.count(d.toks[j].hl)) return false;
    // one counts one thing: "one hopes", "one wonders" are the pronoun before a verb
    std::string c = counted(j);
    return !c.empty() && !(c.size() > 3 && c.back() == 's' && !ends_with(c, "ss") && !ends_with(c, "us") && !ends_with(c, "is"));
  }

  // "one in five voters", "1 in 10", "one out of three": a ratio, from the count x that ends
  // before token j; emits it and returns true.
  bool ratio(Num& x, size_t j) {
    if (x.kind != K_COUNT || x.value < 1 || std::floor(x.value) != x.value || x.t1 != j) return false;
    size_t k = j;
    if (d.is(k, W.in)) ++k;
    else if (d.is(k, N.out) && d.is(k + 1, W.of)) k += 2;
    else return false;
    if (k >= d.n() || (d.toks[k].type != T_NUM && !d.word(k)) || year_at(k)) return false;
    Num y;
    size_t after = quantity(k, y);
    if (after == k || y.kind != K_COUNT || y.value <= x.value || y.t0 != k || y.value > 1e6) return false;
    Num r = x;
    r.kind = K_RATIO;
    r.value = x.value / y.value;
    r.e = y.e;
    r.t1 = after;
    emit(r, counted(after));
    return true;
  }

  void process_number(size_t i) {
    size_t n = d.n();
    const Token& t = d.toks[i];
    std::string_view w = d.tok(i);
    // times: 10:30, 3 p.m.
    bool pm = false;
    if (t.type == T_NUM && has_colon(w)) {
      int hh = std::atoi(std::string(w).c_str());
      int mm = std::atoi(std::string(w.substr(w.find(':') + 1)).c_str());
      Num x; x.kind = K_TIME; x.t0 = i; x.b = t.b; x.e = t.e; x.t1 = i + 1;
      if (ampm(i + 1, &pm)) { x.e = d.toks[i + 1].e; x.t1 = i + 2; if (pm && hh < 12) hh += 12; if (!pm && hh == 12) hh = 0; }
      time_zone(x);
      x.svalue = hh_mm(hh % 24, mm % 60);
      emit(x, "");
      return;
    }
    if (t.type == T_NUM && plain_int(i) && ampm(i + 1, &pm)) {
      int hh = std::atoi(std::string(w).c_str());
      if (hh >= 1 && hh <= 12) {
        Num x; x.kind = K_TIME; x.t0 = i; x.t1 = i + 2; x.b = t.b; x.e = d.toks[i + 1].e;
        if (pm && hh < 12) hh += 12;
        if (!pm && hh == 12) hh = 0;
        x.svalue = hh_mm(hh, 0);
        time_zone(x);
        emit(x, "");
        return;
      }
    }
    // "30 December [2023]"
    if (int day = day_at(i)) {
      size_t k = i + 1;
      if (d.word(k) && (d.is(k, W.th) || d.is(k, W.st) || d.is(k, W.nd) || d.is(k, W.rd)) && d.adjacent(k)) {
        ++k;
        if (d.is(k, W.of) && month_at(k + 1)) ++k;  // "the 5th of June"
      }
      if (int m = month_at(k)) {
        Num x; x.kind = K_DATE; x.t0 = i; x.b = t.b; x.e = d.toks[k].e; x.t1 = k + 1;
        size_t y = k + 1;
        if (d.punct(y, '.') && d.adjacent(y)) ++y;
        if (int yr = year_at(y)) { x.e = d.toks[y].e; x.t1 = y + 1; x.svalue = ymd(yr, m, day); }
        else x.svalue = mmdd(m, day);
        emit(x, "");
        return;
      }
    }
    // "the #2 browser": a rank
    if (t.type == T_NUM && i > 0 && d.punct(i - 1, '#') && d.adjacent(i) && w.size() <= 3 && plain_int(i) &&
        !(i + 1 < n && d.adjacent(i + 1) && d.toks[i + 1].type != T_PUNCT)) {
      Num x; x.kind = K_ORDINAL; x.t0 = i - 1; x.t1 = i + 1; x.b = d.toks[i - 1].b; x.e = t.e; x.value = std::atof(std::string(w).c_str());
      emit(x, "", false);
      return;
    }
    // "at 1430 GMT", "at 0600 hours": a wire's clock time in four digits (not a year, not a count)
    if (t.type == T_NUM && w.size() == 4 && i + 1 < n && d.word(i + 1) && i > 0 &&
        (d.is(i - 1, N.at) || d.is(i - 1, N.by) || d.is(i - 1, N.from) || d.is(i - 1, N.since) || d.is(i - 1, W.around) ||
         d.is(i - 1, W.to)) && plain_int(i)) {  // "at 1430 GMT", not "the 2019 GMT report"
      int hh = (w[0] - '0') * 10 + (w[1] - '0'), mm = (w[2] - '0') * 10 + (w[3] - '0');
      Num x; x.kind = K_TIME; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e;
      time_zone(x);
      bool hours = x.t1 == i + 1 && i > 0 && d.is(i - 1, N.at) && (d.tok(i + 1) == "hours" || d.tok(i + 1) == "hrs");
      if (hours) { x.t1 = i + 2; x.e = d.toks[i + 1].e; }
      if (hh < 24 && mm < 60 && (x.t1 > i + 1)) {
        x.svalue = hh_mm(hh, mm);
        emit(x, "");
        return;
      }
    }
    if (t.type == T_NUM && in_name(i)) { used[i] = 1; return; }
    if (t.type == T_NUM && identifier(i)) return;
    // ordinals 21st
    if (t.type == T_NUM && plain_int(i) && d.word(i + 1) && d.adjacent(i + 1) &&
        (d.is(i + 1, W.st) || d.is(i + 1, W.nd) || d.is(i + 1, W.rd) || d.is(i + 1, W.th))) {
      Num x; x.kind = K_ORDINAL; x.t0 = i; x.t1 = i + 2; x.b = t.b; x.e = d.toks[i + 1].e;
      x.value = std::atof(std::string(w).c_str());
      emit(x, "");
      return;
    }
    // years and year ranges
    if (int yr = year_at(i)) {
      // ISO dates: "2025-03-05"
      auto two = [&](size_t k, int lo, int hi) {
        if (k >= n || d.toks[k].type != T_NUM || !plain_int(k) || d.tok(k).size() != 2 || !d.adjacent(k)) return 0;
        int v = std::atoi(std::string(d.tok(k)).c_str());
        return v >= lo && v <= hi ? v : 0;
      };
      int m = d.punct(i + 1, '-') && d.adjacent(i + 1) ? two(i + 2, 1, 12) : 0;
      int day = m && d.punct(i + 3, '-') && d.adjacent(i + 3) ? two(i + 4, 1, days_in_month(yr, m)) : 0;
      if (day && !(i + 5 < n && d.adjacent(i + 5) && d.toks[i + 5].type != T_PUNCT)) {
        Num x; x.kind = K_DATE; x.t0 = i; x.t1 = i + 5; x.b = t.b; x.e = d.toks[i + 4].e; x.svalue = ymd(yr, m, day);
        emit(x, "");
        return;
      }
      bool currency_before = i > 0 && d.toks[i - 1].type == T_PUNCT && d.lx_has(i - 1, LX_CURRENCY_PREFIX) && !(t.flags & F_NEWLINE);
      const Unit* u = nullptr;
      bool unit_after = unit_at(i + 1, &u) > 0 || scale_at(i + 1, false) > 0 || d.punct(i + 1, '%') || d.is(i + 1, W.percent);
      if (!currency_before && !unit_after) {
        {
          Num x; x.kind = K_YEAR; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e; x.value = yr;
          // a decade: "the 1990s", "the 1980's"
          size_t sx = i + 1;
          if (d.poss(sx) && d.adjacent(sx) && d.tok(sx).back() == 's') sx = i + 2;  // 1980's: the tokenizer's possessive
          else if (d.word(sx) && d.adjacent(sx) && d.tok(sx) == "s") sx = i + 2;
          if (sx == i + 2 && yr % 10 == 0 && !(i + 2 < n && d.word(i + 2) && d.adjacent(i + 2))) {
            x.t1 = sx; x.e = d.toks[i + 1].e; x.svalue = std::to_string(yr) + "s";
            emit(x, "");
            return;
          }
          // "between 2021 and 2023"
          if (i > 0 && d.is(i - 1, W.between) && d.is(i + 1, W.and_)) {
            if (int y2 = year_at(i + 2)) {
              RawAnn& a = d.out.emplace_back(); a.label = 2; a.b = t.b; a.e = d.toks[i + 2].e;
              a.attrs.kind = "range"; a.attrs.value = json::array({yr, y2});
              used[i] = used[i + 1] = used[i + 2] = 1;
              return;
            }
          }
          // 2019-2021, 2019-21
          if ((d.punct(i + 1, '-') || d.punct(i + 1, 0x2013)) && d.adjacent(i + 1) && i + 2 < n && d.toks[i + 2].type == T_NUM && d.adjacent(i + 2)) {
            int y2 = year_at(i + 2);
            std::string_view w2 = d.tok(i + 2);
            if (!y2 && w2.size() == 2 && plain_int(i + 2)) y2 = (yr / 100) * 100 + std::atoi(std::string(w2).c_str());
            if (y2 > yr) {
              Num r; r.kind = K_RANGE; r.t0 = i; r.t1 = i + 3; r.b = t.b; r.e = d.toks[i + 2].e;
              RawAnn& a = d.out.emplace_back(); a.label = 2; a.b = r.b; a.e = r.e;
              a.attrs.kind = "range"; a.attrs.value = json::array({yr, y2});
              used[i] = used[i + 1] = used[i + 2] = 1;
              return;
            }
          }
          emit(x, "", false);
          return;
        }
      }
    }
    // "in his 30s": a decade of someone's age, no figure to give
    if (t.type == T_NUM && w.size() == 2 && w[1] == '0' && plain_int(i) && d.is(i + 1, N.s) && d.adjacent(i + 1) && d.tok(i + 1) == "s") {
      used[i] = used[i + 1] = 1;
      return;
    }
    // general quantities
    Num x;
    size_t j = quantity(i, x);
    if (j == i) return;
    if (margin(x, j)) return;
    if (ratio(x, j)) return;
    if (x.word && x.value == 1 && x.kind == K_COUNT && !one_counts(x, j)) { used[i] = 1; return; }
    // "a dozen", "a thousand": the article is part of what a reader quotes
    if (x.word && x.t0 == i && i > 0 && d.is(i - 1, W.a) &&
        (d.is(i, N.dozen) || scale_at(i, false) > 0)) {
      x.t0 = i - 1;
      x.b = d.toks[i - 1].b;
      if (i >= 2 && d.is(i - 2, N.half)) {  // "half a million" is 500,000, "half a dozen" 6
        x.value *= 0.5;
        x.t0 = i - 2;
        x.b = d.toks[i - 2].b;
      }
    }
    // hyphenated compound: 23-year-old, 41-yard, five-match
    if (x.kind == K_COUNT && !x.word && d.punct(j, '-') && d.adjacent(j) && d.word(j + 1) && d.adjacent(j + 1)) {
      std::string_view rest = d.tok(j + 1);
      size_t h = rest.find('-');
      std::string_view head = h == std::string_view::npos ? rest : rest.substr(0, h);
      int nt = 0;
      uint64_t uh = phrase_hash(head, false, &nt);
      auto u = L.units.find(uh);
      auto cur = L.currency_suffix.find(hash_combine(hash_seed(), hash_lower(head)));
      if (vague_tail(head) || head == "to") {  // "20-something", "30-odd", "a 2-to-1 margin": no figure a reader could quote
        used[j] = used[j + 1] = 1;
        return;
      }
      if (head == "fold") {  // "a 3.5-fold rise": a multiple
        x.kind = K_RATIO;
        x.t1 = j + 2;
        x.e = d.toks[j + 1].e;
        emit(x, "");
        return;
      }
      if (cur != L.currency_suffix.end() && head.size() > 3) {  // "a 12-cent dividend", "a 20-dollar bill"
        x.kind = K_MONEY;
        x.currency = L.str(cur->second);
        auto sub = L.currency_subunit.find(hash_combine(hash_seed(), hash_lower(head)));
        if (sub != L.currency_subunit.end()) x.value *= sub->second;
        x.t1 = j + 2;
        x.e = d.toks[j + 1].b + static_cast<uint32_t>(head.size());
        emit(x, "");
      } else if (u != L.units.end()) {
        x.kind = (rest.find("old") != std::string_view::npos || u->second.kind == UnitKind::measure) ? K_MEASURE : K_DURATION;
        x.unit = L.str(u->second.name);
        x.t1 = j + 2;
        emit(x, "");
      } else {
        x.t1 = j + 2;
        emit(x, std::string(head));
      }
      return;
    }
    // range: "10 to 15", "between 200 and 300", "10-15", "five or six"
    bool between = x.t0 > 0 && d.is(x.t0 - 1, W.between);
    if (x.kind != K_PERCENT || true) {
      size_t k = j;
      bool sep = false, dash = false, spaced = false;
      if (d.is(k, W.to) || d.is(k, W.or_) || (between && d.is(k, W.and_))) sep = true;
      else if ((d.punct(k, '-') || d.punct(k, 0x2013)) && d.adjacent(k) && d.adjacent(k + 1)) { sep = true; dash = true; }
      else if ((d.punct(k, '-') || d.punct(k, 0x2013)) && !d.adjacent(k) && !d.adjacent(k + 1) && x.kind == K_COUNT && !x.word &&
               plain_int(x.t0) && d.tok(x.t0).size() <= 3 && !(d.toks[k].flags & F_NEWLINE) && !(d.toks[k + 1].flags & F_NEWLINE)) {
        sep = dash = spaced = true;  // "1 – 0" as a results line sets a score
      }
      Num y;
      size_t after = 0;
      if (sep && range_second(k + 1, x, y, &after)) {
        // "52-48", "won 3-1", "a 2-2 draw": a score or tally, two whole counts of kind score (a range
        // runs upwards); "lost 1-2 to England" when a word of a game is in the sentence and the
        // second number counts nothing
        const bool whole = x.kind == K_COUNT && y.kind == K_COUNT && !x.word && !y.word && plain_int(x.t0) && plain_int(y.t0) && y.t1 == after;
        const Unit* uu = nullptr;
        // a results line, "Tunisia 1 – 2 England": a name on either side
        const bool teams = x.t0 > 0 && d.cap(x.t0 - 1) && d.cap(after) && !(d.toks[after].flags & F_NEWLINE);
        bool score = dash && whole &&
                     (y.value <= x.value || (d.tok(x.t0).size() <= 2 && d.tok(y.t0).size() <= 2 && !unit_at(after, &uu) &&
                                             (teams || (counted(after).empty() && sport_in_sentence(x.t0)))));
        // "Boeing 777-200", "a 737-800": a model and its variant, not a score
        if (score && x.value >= 100 && y.value >= 100 && std::fmod(y.value, 100) == 0 && x.t0 > 0 && d.cap(x.t0 - 1) &&
            !(d.mention_at[x.t0 - 1] >= 0 && d.mentions[d.mention_at[x.t0 - 1]].kind == ActorKind::place)) {
          for (size_t q = x.t0; q < after; ++q) used[q] = 1;
          return;
        }
        // a spaced dash that makes no score joins nothing (as before), unless a unit follows a rising pair ("2 – 3 days")
        if (spaced && !score && !(y.value > x.value && unit_at(after, &uu))) {
          x.t1 = j;
          emit(x, "");
          return;
        }
        if (score) {
          x.t1 = j;
          x.kind = K_SCORE;
          emit(x, "", false);
          y.t1 = after;
          y.kind = K_SCORE;
          emit(y, "", false);
          return;
        }
        // "46 percent to 35 percent" (a poll), "passed 116 to 90" (a tally), "fell from 10 to 5":
        // two numbers, not a range (only "between" makes a range of two written percents)
        if ((x.kind == K_PERCENT && y.kind == K_PERCENT && !between) || (!dash && y.value < x.value && x.kind == y.kind)) {
          x.t1 = j;
          emit(x, x.kind == K_COUNT ? counted(j) : std::string());
          return;
        }
        // "rose $1.50 to $75.20": a change and the level it reached, not a range
        if (!between && !dash && x.kind == K_MONEY && y.kind == K_MONEY && !y.cur_copied && change_before(x.t0)) {
          x.t1 = j;
          emit(x, "");
          return;
        }
        // "52-48 percent": a vote's two shares, not a range (a range runs upwards)
        if (dash && y.value < x.value && (x.kind == K_COUNT || x.kind == K_PERCENT) && y.kind == K_PERCENT) {
          x.kind = K_PERCENT;
          x.t1 = j;
          emit(x, "", false);
          y.t1 = after;
          emit(y, "", false);
          return;
        }
        if (y.kind == K_PERCENT && x.kind == K_COUNT) x.kind = K_PERCENT;
        // "rose 2.3% to $82.40", "rose 15 cents to $42.10": two numbers, not a range
        if (x.kind != y.kind || (x.cur_after != y.cur_after && !y.cur_copied)) {
          x.t1 = j;
          emit(x, "");
          return;
        }
        Num r = x;
        r.kind = K_RANGE;
        r.e = y.e;
        r.t1 = after;
        // unit after the range
        const Unit* u = nullptr;
        int ul = unit_at(after, &u);
        std::string noun;
        if (ul) { r.unit = L.str(u->name); r.e = d.toks[after + ul - 1].e; r.t1 = after + ul; }
        else if (x.kind == K_COUNT && y.kind == K_COUNT) noun = counted(after);
        RawAnn& a = d.out.emplace_back(); a.label = 2; a.b = r.b; a.e = r.e;
        a.attrs.kind = "range";
        a.attrs.value = json::array({num_json(x.value), num_json(y.value)});
        a.attrs.counted = noun;
        a.attrs.currency = x.currency;
        if (x.kind == K_PERCENT) a.attrs.unit = "%";
        if (!r.unit.empty()) a.attrs.unit = r.unit;
        qualifiers(r.t0, a);
        for (size_t q = r.t0; q < r.t1 && q < used.size(); ++q) used[q] = 1;
        return;
      }
    }
    // unit after: 40 kilometres, five hours, 44C
    if (x.kind == K_COUNT) {
      const Unit* u = nullptr;
      int ul = unit_at(j, &u);
      if (ul && (u->kind == UnitKind::measure || u->kind == UnitKind::duration)) {
        std::string_view uw = d.tok(j);
        bool single_letter = uw.size() == 1;
        if (!single_letter || d.adjacent(j)) {
          x.kind = u->kind == UnitKind::duration ? K_DURATION : K_MEASURE;
          x.unit = L.str(u->name);
          x.e = d.toks[j + ul - 1].e;
          x.t1 = j + ul;
          feet_and_inches(x);
          if (x.kind == K_DURATION && d.is(x.t1, N.ago)) ago(x);
          emit(x, "");
          return;
        }
      }
      // "square kilometres" after a scale: "1.99 million square kilometres" handled by unit_at
    }
    // ages: "aged 15", "Matej Kovač, 52,"
    if (x.kind == K_COUNT && !x.word && x.value > 0 && x.value < 120 && plain_int(i) && x.t1 == i + 1 && i > 0 &&
        (d.is(i - 1, W.aged) ||
         (d.punct(i - 1, ',') && i > 1 && d.mention_at[i - 2] >= 0 && d.mentions[d.mention_at[i - 2]].kind == ActorKind::person &&
          (d.punct(j, ',') || d.punct(j, '.') || d.punct(j, ')'))))) {
      x.kind = K_MEASURE;
      x.unit = "years";
      emit(x, "", false);
      return;
    }
    std::string noun = x.kind == K_COUNT ? counted(j) : std::string();
    // "31 of the 47 drones", "two of 12 candidates": the part counts what the whole counts
    if (x.kind == K_COUNT && noun.empty() && d.is(j, W.of)) {
      size_t k = d.is(j + 1, W.the) ? j + 2 : j + 1;
      Num y;
      size_t after = k < n && (d.toks[k].type == T_NUM || d.lx_has(k, LX_NUMBER)) ? quantity(k, y) : k;
      if (after > k && y.kind == K_COUNT && y.t0 == k && y.value > x.value) noun = counted(after);
    }
    emit(x, noun);
  }

  // A relative date's value: resolved against the article's date when it has one ("2017-W28",
  // "2016", "2017-07-20"), else relative ("rel:week-1", "rel:year+1", "rel:day+0").
  std::string rel_value(const char* unit, int off) const {
    std::string r = art_y ? lede::relative_date(Ymd{art_y, art_m, art_d}, unit, off) : std::string();
    if (!r.empty()) return r;
    r = "rel:";
    r += unit;
    if (off >= 0) r += '+';
    r += std::to_string(off);
    return r;
  }

  // "last week", "next year", "this afternoon", "yesterday", "tonight", "in recent years", "the
  // past month": dates (times for parts of a day), relative unless the article's date is known.
  // "early next year", "later this month", "late last year": the approximating word joins the span
  void relative_date(size_t i, int off) {
    size_t before = d.out.size();
    relative_date_at(i, off);
    if (d.out.size() != before + 1 || i == 0 || d.out.back().b != d.toks[i].b) return;
    size_t p = i - 1;
    if (!(d.is(p, N.early) || d.is(p, N.late) || d.is(p, N.later) || d.is(p, N.earlier))) return;
    d.out.back().b = d.toks[p].b;
    d.out.back().attrs.approx = true;
    used[p] = 1;
  }
  void relative_date_at(size_t i, int off) {
    const Token& t = d.toks[i];
    // most of these words ("this", "last", "next") go before anything else: one probe says so
    const bool dayword = t.hl == N.yesterday || t.hl == N.today || t.hl == N.tomorrow || t.hl == N.tonight;
    if (!dayword && (i + 1 >= d.n() || !N.rel_next.count(d.toks[i + 1].hl))) return;
    if ((t.flags & F_CAP) && !(t.flags & F_SENT) && !(i > 0 && d.toks[i - 1].type == T_PUNCT)) return;  // "Last Week Tonight"
    Num x; x.kind = K_DATE; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e;
    const char* unit = nullptr;
    std::string_view w = d.tok(i);
    auto lw = [&](std::string_view a) { return w.size() == a.size() && std::equal(w.begin(), w.end(), a.begin(), [](char p, char q) { return (p | 32) == q; }); };
    if (lw("yesterday") || lw("today") || lw("tomorrow") || lw("tonight")) {
      if (lw("today") && (d.poss(i + 1) || (i > 0 && d.is(i - 1, W.of)))) return;  // "today's world", "the youth of today": vague
      int dayoff = lw("yesterday") ? -1 : lw("tomorrow") ? 1 : 0;
      size_t k = i + 1;
      // "yesterday afternoon", "tonight": a time of day
      if (lw("tonight")) { x.kind = K_TIME; x.svalue = rel_value("day", dayoff) + " night"; }
      else if (d.is(k, N.morning) || d.is(k, N.afternoon) || d.is(k, N.evening)) {
        x.kind = K_TIME; x.e = d.toks[k].e; x.t1 = k + 1;
        x.svalue = rel_value("day", dayoff) + " " + std::string(d.tok(k));
      } else x.svalue = rel_value("day", dayoff);
      emit(x, "", false);
      return;
    }
    size_t k = i + 1;
    if (k >= d.n() || !d.word(k)) return;
    if (lw("recent")) {  // "in recent years": vague, no value
      if (!(d.is(k, N.years) || d.is(k, N.months) || d.is(k, N.weeks) || d.is(k, N.days) || d.is(k, N.decades))) return;
      if (i == 0 || !(d.is(i - 1, W.in) || d.is(i - 1, W.of) || d.is(i - 1, W.over))) return;
      x.e = d.toks[k].e; x.t1 = k + 1; x.has_value = false;
      emit(x, "", false);
      return;
    }
    if (lw("mid")) return;
    bool past = lw("past");
    // "the past few years", "the coming months", "in coming weeks", "over the next several days":
    // a stretch of time next to the article's date, vague (no value)
    if (past || lw("previous") || lw("coming") || lw("next") || lw("last")) {
      size_t u = k;
      if (d.is(u, N.few) || d.is(u, N.several)) ++u;
      if (d.is(u, N.years) || d.is(u, N.months) || d.is(u, N.weeks) || d.is(u, N.days) || d.is(u, N.decades)) {
        bool the = i > 0 && d.is(i - 1, W.the);
        if (!the && !(i > 0 && (d.is(i - 1, W.in) || d.is(i - 1, W.over) || d.is(i - 1, W.for_)))) return;
        if (the) { x.t0 = i - 1; x.b = d.toks[i - 1].b; }
        x.e = d.toks[u].e; x.t1 = u + 1; x.has_value = false;
        emit(x, "", false);
        return;
      }
    }
    // "past" and "previous" need "the" ("the past week"); "this" and "last" must not follow "the" ("the last week of")
    if ((past || lw("previous")) && !(i > 0 && d.is(i - 1, W.the))) return;
    // "the last quarter", "the next decade": "the" does not make these a stretch of a story's own time
    // (not "the last quarter of the year", nor a game's quarter)
    const bool the_q = i > 0 && d.is(i - 1, W.the) && (lw("last") || lw("next")) && (d.is(k, N.quarter) || d.is(k, N.decade)) &&
                       !d.is(k + 1, W.of) && !sport_in_sentence(i);
    if (!(past || lw("previous")) && !the_q && i > 0 && (d.is(i - 1, W.the) || d.poss(i - 1) || d.is(i - 1, W.its) || d.is(i - 1, W.his) || d.is(i - 1, W.her) || d.is(i - 1, W.their))) return;
    if (lw("coming") && !(i > 0 && d.is(i - 1, W.the))) return;
    if (d.is(k, N.week)) unit = "week";
    else if (d.is(k, N.month)) unit = "month";
    else if (d.is(k, N.year)) unit = "year";
    else if (d.is(k, N.quarter)) unit = "quarter";
    else if (d.is(k, N.weekend)) unit = "weekend";
    else if (d.is(k, N.decade)) unit = "decade";
    else if (d.is(k, N.summer) || d.is(k, N.winter) || d.is(k, N.spring) || d.is(k, N.autumn) || (d.is(k, N.fall) && !d.word(k + 1))) unit = "season";
    else if (d.is(k, N.night) && off == -1 && !past) {  // "last night"
      x.kind = K_TIME; x.e = d.toks[k].e; x.t1 = k + 1; x.svalue = rel_value("day", -1) + " night";
      emit(x, "", false);
      return;
    } else if (off == 0 && (d.is(k, N.morning) || d.is(k, N.afternoon) || d.is(k, N.evening))) {  // "this afternoon"
      x.kind = K_TIME; x.e = d.toks[k].e; x.t1 = k + 1; x.svalue = rel_value("day", 0) + " " + std::string(d.tok(k));
      emit(x, "", false);
      return;
    } else return;
    if (d.toks[k].flags & F_CAP) return;
    // "next year's budget" is fine; "this year alone" too; not "last year-end": one word only
    x.e = d.toks[k].e; x.t1 = k + 1;
    if (i > 0 && (past || lw("previous") || lw("coming") || the_q) && d.is(i - 1, W.the)) { x.t0 = i - 1; x.b = d.toks[i - 1].b; }
    if (!std::strcmp(unit, "weekend") || !std::strcmp(unit, "decade")) x.svalue = std::string("rel:") + unit + (off >= 0 ? "+" : "") + std::to_string(off);
    else if (!std::strcmp(unit, "season")) { x.svalue = std::string("rel:") + std::string(d.tok(k)) + (off >= 0 ? "+" : "") + std::to_string(off); }
    else x.svalue = rel_value(unit, off);
    emit(x, "", false);
  }

  // "December 2019" (2019-12), "in December", "since August", "early March" (--12, --08, --03: the
  // year is not given), "last December", "this September" (resolved when the article has a date).
  // A month alone needs a word of time before it ("May" is also a verb, "March" a noun); k is the
  // token after the month (and its abbreviation point).
  LEDE_COLD void month_date(size_t i, size_t k, int m) {
    std::string_view w = d.tok(i);
    const bool full = w.size() >= 5 || w == "May" || w == "June" || w == "July";
    if (full) k = i + 1;  // "in December." ends a sentence: the point is no abbreviation's
    Num x; x.kind = K_DATE; x.t0 = i; x.t1 = k; x.b = d.toks[i].b; x.e = d.toks[k - 1].e;
    if (int yr = year_at(k); yr && !(d.toks[k].flags & F_NEWLINE) && !d.adjacent(k)) {
      x.t1 = k + 1;
      x.e = d.toks[k].e;
      put_padded(x.svalue, yr, 4);
      x.svalue += '-';
      put_padded(x.svalue, m, 2);
      emit(x, "");
      return;
    }
    if (i == 0 || !full || (k < d.n() && d.word(k) && (d.toks[k].flags & F_CAP))) return;
    static constexpr std::string_view kBefore[] = {"in", "since", "until", "till", "by", "from", "through", "before", "after",
                                                   "during", "early", "late", "between", "last", "this", "next"};
    const size_t p = i - 1;
    bool ok = false;
    for (std::string_view b : kBefore) ok = ok || (d.word(p) && d.tok(p).size() == b.size() && d.toks[p].hl == hash_lower(b));
    if (!ok || (d.toks[i].flags & F_SENT)) return;
    x.svalue = "--";
    put_padded(x.svalue, m, 2);
    const int rel = d.is(p, N.last) ? -1 : d.is(p, N.next) ? 1 : d.is(p, W.this_) ? 0 : 2;
    if (rel != 2 || d.is(p, N.early) || d.is(p, N.late)) {
      x.t0 = p;
      x.b = d.toks[p].b;
      if (rel == 2) x.approx_word = true;
    }
    if (rel != 2 && art_y) {  // the last December before the article's month, the next March after it
      int y = rel == 0 ? art_y : rel < 0 ? (m < art_m ? art_y : art_y - 1) : (m > art_m ? art_y : art_y + 1);
      x.svalue.clear();
      put_padded(x.svalue, y, 4);
      x.svalue += '-';
      put_padded(x.svalue, m, 2);
    }
    emit(x, "", false);
    if (x.approx_word) d.out.back().attrs.approx = true;
    if (x.t0 == p) used[p] = 1;
  }

  // "mid-1987", "mid-March": a date, approximate
  bool mid_date(size_t i) {
    std::string_view w = d.tok(i);
    if (w.size() < 5 || (w[0] | 32) != 'm' || (w[1] | 32) != 'i' || (w[2] | 32) != 'd' || w[3] != '-') return false;
    std::string_view rest = w.substr(4);
    Num x; x.kind = K_DATE; x.t0 = i; x.t1 = i + 1; x.b = d.toks[i].b; x.e = d.toks[i].e;
    if (rest.size() == 4 && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int y = std::atoi(std::string(rest).c_str());
      if (y < 1000 || y > 2199) return false;
      x.svalue = std::string(rest);
    } else {
      auto it = L.calendar.find(hash_bytes(rest));
      if (it == L.calendar.end() || it->second.type != NumType::month) return false;
      x.svalue = "--";
      put_padded(x.svalue, static_cast<int>(it->second.value), 2);
    }
    RawAnn& a = d.out.emplace_back();
    a.label = 2; a.b = x.b; a.e = x.e;
    a.attrs.kind = "date";
    a.attrs.value = json(x.svalue);
    a.attrs.approx = true;
    used[i] = 1;
    return true;
  }

  // "the third quarter" of a year: "of 2019" after it, or a financial word within eight tokens
  // "the first half of 2019", "the second half of the year": halves need a year or a financial word.
  // Quarters need "the" and no word of a game's report near them (a quarter of play).
  bool quarter_date(size_t i, int q, char per = 'Q') {
    size_t k = i + 1;  // "quarter"
    if (k + 1 < d.n() && d.word(k + 1) && !(d.toks[k + 1].flags & F_CAP) && !d.is(k + 1, W.of) && !d.lx_has(k + 1, LX_FUNCTION) &&
        !d.lx_has(k + 1, LX_NOT_NOUN) && !(d.tok(k + 1).size() > 2 && d.tok(k + 1).substr(d.tok(k + 1).size() - 2) == "ed"))
      return false;  // "third-quarter revenue" is hyphenated; "third quarter profits" is a modifier: leave as ordinal
    int yr = 0;
    bool of_year = false;
    if (d.is(k + 1, W.of) && (yr = year_at(k + 2))) {}
    else if (d.is(k + 1, W.of) && d.is(k + 2, W.the) && d.is(k + 3, N.year)) of_year = true;
    else {
      bool fin = false, fin_sent = false;
      size_t lo = i > 10 ? i - 10 : 0, hi = std::min(d.n(), k + 10), s0, s1;
      sentence_of(i, &s0, &s1);
      for (size_t j = lo; j < hi && !fin_sent; ++j)
        if (d.is(j, N.earnings) || d.is(j, N.revenue) || d.is(j, N.revenues) || d.is(j, N.profit) || d.is(j, N.profits) ||
            d.is(j, N.sales) || d.is(j, N.growth) || d.is(j, N.gdp) || d.is(j, N.economy) || d.is(j, N.quarterly) ||
            d.is(j, N.results) || d.is(j, N.loss) || d.is(j, N.losses) || d.is(j, N.income) || d.is(j, N.fiscal) || d.is(j, N.financial)) {
          fin = true;
          fin_sent = j >= s0 && j < s1;
        }
      // a financial word in the sentence before or after does not outweigh a game's word in this one
      // ("He scored 28 points in the third quarter. Profits ...")
      if (fin && !fin_sent && sport_in_sentence(i)) return false;
      if (!fin) {
        if (per != 'Q' || i == 0 || !d.is(i - 1, W.the)) return false;
        for (size_t j = lo; j < hi; ++j)
          if (N.sport.count(d.toks[j].hl) || (d.toks[j].type == T_NUM && d.punct(j + 1, '-') && d.toks[std::min(j + 2, d.n() - 1)].type == T_NUM))
            return false;  // "scored 12 points in the third quarter", "led 54-50 after the third quarter"
      }
    }
    Num x; x.kind = K_DATE; x.t0 = i; x.b = d.toks[i].b; x.e = d.toks[k].e; x.t1 = k + 1;
    if (i > 0 && d.is(i - 1, W.the)) { x.t0 = i - 1; x.b = d.toks[i - 1].b; }
    if (of_year) { x.e = d.toks[k + 3].e; x.t1 = k + 4; }
    if (yr) { x.e = d.toks[k + 2].e; x.t1 = k + 3; x.svalue.clear(); put_padded(x.svalue, yr, 4); x.svalue += '-'; x.svalue += per; x.svalue += static_cast<char>('0' + q); }
    else if (art_y) { x.svalue.clear(); put_padded(x.svalue, art_y, 4); x.svalue += '-'; x.svalue += per; x.svalue += static_cast<char>('0' + q); }
    else { x.svalue = "rel:"; x.svalue += per; x.svalue += static_cast<char>('0' + q); }
    emit(x, "", false);
    return true;
  }

  void process_word(size_t i) {
    const Token& t = d.toks[i];
    if (d.mention_at[i] >= 0) return;
    // fast exit: only calendar words, number words and hyphenated words can start a number here
    bool capital = t.flags & F_CAP;
    if (!(t.flags & F_HYPHEN) && !(capital && d.lx_has(i, LX_CALENDAR)) && !d.lx_has(i, LX_NUMBER)) return;
    std::string_view w = d.tok(i);
    // weekdays
    if ((t.flags & F_CAP) && d.lx_has(i, LX_CALENDAR)) {
      auto it = L.calendar.find(t.hs);
      if (it != L.calendar.end()) {
        if (it->second.type == NumType::weekday) {
          Num x; x.kind = K_WEEKDAY; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e;
          x.svalue = L.str(static_cast<uint32_t>(it->second.value));
          if (w.size() <= 4) return;  // "Wed", "Sun" need more context than we check
          emit(x, "");
          return;
        }
        if (it->second.type == NumType::month) {
          int m = static_cast<int>(it->second.value);
          size_t k = i + 1;
          if (d.punct(k, '.') && d.adjacent(k)) ++k;
          if (int day = day_at(k)) {
            Num x; x.kind = K_DATE; x.t0 = i; x.b = t.b; x.e = d.toks[k].e; x.t1 = k + 1;
            size_t y = k + 1;
            if (d.word(y) && d.adjacent(y) && (d.is(y, W.th) || d.is(y, W.st) || d.is(y, W.nd) || d.is(y, W.rd))) { x.e = d.toks[y].e; ++y; x.t1 = y; }
            // "June 12-13 [, 2024]": two days, each a date (the second alone was a count of 13)
            if (x.t1 == k + 1 && (d.punct(y, '-') || d.punct(y, 0x2013)) && d.adjacent(y) && d.adjacent(y + 1) && day_at(y + 1) > day &&
                !(y + 2 < d.n() && d.adjacent(y + 2) && d.toks[y + 2].type != T_PUNCT)) {
              const int day2 = day_at(y + 1);
              const size_t d2 = y + 1, y3 = d.punct(d2 + 1, ',') ? d2 + 2 : d2 + 1;
              const int yr = year_at(y3);
              x.t1 = d2;
              x.svalue = yr ? ymd(yr, m, day) : mmdd(m, day);
              emit(x, "");
              Num z; z.kind = K_DATE; z.t0 = d2; z.b = d.toks[d2].b; z.e = d.toks[yr ? y3 : d2].e; z.t1 = yr ? y3 + 1 : d2 + 1;
              z.svalue = yr ? ymd(yr, m, day2) : mmdd(m, day2);
              emit(z, "", false);
              return;
            }
            size_t y2 = d.punct(y, ',') ? y + 1 : y;
            if (int yr = year_at(y2)) { x.e = d.toks[y2].e; x.t1 = y2 + 1; x.svalue = ymd(yr, m, day); }
            else x.svalue = mmdd(m, day);
            emit(x, "");
            return;
          }
          month_date(i, k, m);
          return;
        }
      }
    }
    // a hyphenated word ("well-known") is a number only when it, or its part before the first
    // hyphen, is a number word: below, every path needs one of these lookups to succeed
    if ((t.flags & F_HYPHEN) && !d.lx_has(i, LX_NUMBER)) {  // t.hl is hash_lower(w)
      size_t h = w.find('-');
      if (h != std::string_view::npos && !L.numbers.count(hash_lower(w.substr(0, h)))) return;
    }
    // noon, midnight
    auto nw = d.lx_has(i, LX_NUMBER) ? L.numbers.find(t.hl) : L.numbers.end();
    if (nw != L.numbers.end() && nw->second.type == NumType::reldate) { relative_date(i, static_cast<int>(nw->second.value)); return; }
    if ((t.flags & F_HYPHEN) && mid_date(i)) return;
    // "a third of", "one quarter of": a fraction of something (not "a third man")
    if (nw != L.numbers.end() && (nw->second.type == NumType::fraction || nw->second.type == NumType::ordinal) && i > 0 &&
        d.is(i - 1, W.a) && d.is(i + 1, W.of) && !(t.flags & F_CAP)) {
      if (int den = denominator(w); den > 2 && w.back() != 's') {
        Num x; x.kind = K_RATIO; x.t0 = i - 1; x.t1 = i + 1; x.b = d.toks[i - 1].b; x.e = t.e; x.value = 1.0 / den;
        emit(x, "");
        return;
      }
    }
    if (nw != L.numbers.end() && nw->second.type == NumType::timeword) {
      Num x; x.kind = K_TIME; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e;
      x.svalue = L.str(static_cast<uint32_t>(nw->second.value));
      emit(x, "");
      return;
    }
    double v;
    // hyphenated modifiers: four-hour, five-match, third-quarter
    if (t.flags & F_HYPHEN) {
      size_t h = w.find('-');
      std::string_view a = w.substr(0, h), rest = w.substr(h + 1);
      double dummy;
      if (!cardinal_word(w, &dummy) && !ordinal_word(w, &dummy)) {
        bool card = cardinal_word(a, &v);
        bool ord = !card && ordinal_word(a, &v);
        // "two-thirds", "one-quarter", "three-fifths"
        if (card && rest.find('-') == std::string_view::npos) {
          int den = denominator(rest);
          bool plural = rest.back() == 's';
          if (den && v >= 1 && v < den && (plural ? v >= 2 : v == 1)) {
            Num x; x.kind = K_RATIO; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e; x.value = v / den; x.word = true;
            size_t j = i + 1;
            if (d.punct(j, '%') || d.is(j, W.percent)) { x.kind = K_PERCENT; x.value = v / den; x.e = d.toks[j].e; x.t1 = j + 1; }
            emit(x, "");
            return;
          }
        }
        if ((card && v != 1) || ord) {
          size_t h2 = rest.find('-');
          std::string_view head = h2 == std::string_view::npos ? rest : rest.substr(0, h2);
          if (vague_tail(head)) { used[i] = 1; return; }  // "twenty-something", "forty-odd"
          Num x; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.b + static_cast<uint32_t>(a.size()); x.value = v; x.word = true;
          if (ord) {
            // "second-guessing", "second-guessed": a verb, not a place in an order
            if (ends_with(rest, "ing") || ends_with(rest, "ed") || rest == "guess") { used[i] = 1; return; }
            x.kind = K_ORDINAL;
            emit(x, "");
            return;
          }
          auto u = L.units.find(phrase_hash(head, false, nullptr));
          if (u != L.units.end() && (u->second.kind == UnitKind::measure || u->second.kind == UnitKind::duration)) {
            x.kind = (u->second.kind == UnitKind::duration && rest.find("old") == std::string_view::npos) ? K_DURATION : K_MEASURE;
            x.unit = L.str(u->second.name);
            emit(x, "");
          } else {
            x.kind = K_COUNT;
            emit(x, std::string(head));
          }
          return;
        }
      }
    }
    if (ordinal_word(w, &v)) {
      // "the third quarter" of a year (financial words near it, or "of 2019"): a date
      if (v >= 1 && v <= 4 && !(t.flags & F_HYPHEN) && (d.is(i + 1, N.quarter)) && quarter_date(i, static_cast<int>(v))) return;
      if (v >= 1 && v <= 2 && !(t.flags & F_HYPHEN) && d.is(i + 1, N.half) && quarter_date(i, static_cast<int>(v), 'H')) return;
      // "came first", "finished second.", "was third in the race": a place in an order, not the adverb
      // ("first reported", "First, ...")
      if (i > 0 && !(t.flags & F_CAP) && (d.is(i - 1, N.came) || d.is(i - 1, N.come) || d.is(i - 1, N.comes) || d.is(i - 1, N.finished) ||
                                          d.is(i - 1, N.finish) || d.is(i - 1, N.finishes) || d.is(i - 1, N.placed) || d.is(i - 1, N.ranked) ||
                                          d.is(i - 1, N.ranks) || d.is(i - 1, W.was) || d.is(i - 1, W.is) || d.is(i - 1, W.were) ||
                                          d.is(i - 1, W.are) || d.is(i - 1, N.be) || d.is(i - 1, N.been))) {
        size_t k = i + 1;
        if (k >= d.n() || (d.toks[k].type == T_PUNCT && !d.punct(k, '-')) || d.is(k, W.in) || d.is(k, N.place) || d.is(k, N.among) ||
            d.is(k, N.behind) || d.is(k, N.overall) || d.is(k, W.with)) {
          Num x; x.kind = K_ORDINAL; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e; x.value = v; x.word = true;
          emit(x, "");
          return;
        }
      }
      // an ordinal that modifies a noun: "third quarter", "fifth straight win"; not "first reported"
      size_t k = i + 1;
      // "the first to", "the second of", "finished third." after an article or a possessive
      bool det = i > 0 && (d.is(i - 1, W.the) || d.is(i - 1, W.its) || d.is(i - 1, W.his) || d.is(i - 1, W.her) || d.is(i - 1, W.their) || d.poss(i - 1));
      if (det && !(t.flags & F_CAP) && (d.is(k, W.to) || d.is(k, W.of) || d.is(k, W.in) || (k < d.n() && d.toks[k].type == T_PUNCT && !d.punct(k, '-')))) {
        Num x; x.kind = K_ORDINAL; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e; x.value = v; x.word = true;
        emit(x, "");
        return;
      }
      if (!d.word(k) || (d.toks[k].flags & F_CAP)) return;
      std::string_view nx = d.tok(k);
      if ((d.fclass(k) && nx != "half") || ends_with(nx, "ed") || ends_with(nx, "ly")) return;  // "first half" counts
      if (v == 2 && i > 0 && d.toks[i - 1].type == T_NUM) return;  // 10 second (a unit); "a second term" is an ordinal
      if (i > 0 && !(d.is(i - 1, W.the) || d.is(i - 1, W.a) || d.is(i - 1, W.its) || d.is(i - 1, W.his) || d.is(i - 1, W.her) ||
                     d.is(i - 1, W.their) || d.poss(i - 1) || (d.toks[i].flags & F_SENT) || d.word(i - 1)))
        return;
      Num x; x.kind = K_ORDINAL; x.t0 = i; x.t1 = i + 1; x.b = t.b; x.e = t.e; x.value = v; x.word = true;
      emit(x, "");
      return;
    }
    if (cardinal_word(w, &v)) process_number(i);
    // "a thousand others", "a hundred people"
    else if (nw != L.numbers.end() && nw->second.type == NumType::scale && w.size() > 3 && w.back() != 's' && i > 0 && d.is(i - 1, W.a))
      process_number(i);
  }

  // A weekday after a full date that the article gives ("On Monday, March 3, ... On Tuesday, ..."):
  // news writing names the day of that week, so the weekday is the nearest such day to the date.
  // Only within two days of it (a weekday three or four days off could lie in either week), in the
  // date's paragraph or the next, in a clause with a past-tense verb and no word of the future, and
  // while no other date has come between (a year, a month, "last week" moves the story in time).
  // Otherwise the weekday keeps its name (the reader places it against the article's date).
  struct DayAnchor {
    int y = 0, m = 0, day = 0, wd = 0;  // y 0: the year is not known (wd is then the weekday given)
    size_t tok = 0;
    bool ok = false;
    bool article = false;  // a dateline: the day the article was written, which no past event follows
  } anchor;
  int year_in_force = 0;  // of the last full date with its year

  static bool day_value(const std::string& v, int* y, int* m, int* day) {
    auto num = [&](size_t at, size_t len) {
      int r = 0;
      for (size_t k = at; k < at + len; ++k) {
        if (v[k] < '0' || v[k] > '9') return -1;
        r = r * 10 + (v[k] - '0');
      }
      return r;
    };
    if (v.size() == 7 && v[0] == '-' && v[1] == '-' && v[4] == '-') { *y = 0; *m = num(2, 2); *day = num(5, 2); }
    else if (v.size() == 10 && v[4] == '-' && v[7] == '-') { *y = num(0, 4); *m = num(5, 2); *day = num(8, 2); }
    else return false;
    return *m >= 1 && *m <= 12 && *day >= 1 && *day <= 31 && *y >= 0;
  }
  // the weekday token right before a date starting at token t0 ("Monday, March 3", "Tuesday 4 March"): 0 if none
  size_t weekday_before(size_t t0) const {
    size_t p = t0 > 0 && d.punct(t0 - 1, ',') ? t0 - 1 : t0;
    if (p == 0 || !d.word(p - 1) || !(d.toks[p - 1].flags & F_CAP) || !d.lx_has(p - 1, LX_CALENDAR)) return 0;
    auto it = L.calendar.find(d.toks[p - 1].hs);
    return it != L.calendar.end() && it->second.type == NumType::weekday ? p : 0;
  }
  // what a number just emitted from token i does to the anchor; a weekday is placed by it
  void track_anchor(size_t i, size_t before) {
    for (size_t k = before; k < d.out.size(); ++k) {
      RawAnn& a = d.out[k];
      if (a.label != 2) continue;
      const std::string_view kind = a.attrs.kind;  // compared as views: the size first, no strlen
      if (kind == kKindNames[K_WEEKDAY]) { place_weekday(i, a); continue; }
      // a clock time ("15:30") keeps the day; "last night" or "yesterday morning" moves it
      const std::string* tv = kind == kKindNames[K_TIME] && a.attrs.value.is_string() ? &a.attrs.value.get_ref<const std::string&>() : nullptr;
      bool datelike = kind == kKindNames[K_DATE] || kind == kKindNames[K_YEAR] || (tv && !(tv->size() == 5 && (*tv)[2] == ':'));
      if (!datelike) continue;
      anchor.ok = false;
      int y, m, day;
      if (kind != kKindNames[K_DATE] || !a.attrs.value.is_string() || !day_value(a.attrs.value.get_ref<const std::string&>(), &y, &m, &day)) continue;
      const bool explicit_year = y != 0;
      if (y) year_in_force = y;
      else if (year_in_force) y = year_in_force;
      else if (art_y) {
        std::string r = resolve_date_value(a.attrs.value.get_ref<const std::string&>(), "date", Ymd{art_y, art_m, art_d});
        Ymd ry;
        if (parse_iso_date(r, &ry)) y = ry.y;
      }
      if (y && day > days_in_month(y, m)) continue;
      int given = 0;
      RawAnn* wa = nullptr;
      if (size_t p = weekday_before(i)) {
        for (size_t q = k; q-- > before && q + 3 > k;)  // the weekday's record, emitted just before
          if (d.out[q].label == 2 && std::string_view(d.out[q].attrs.kind) == kKindNames[K_WEEKDAY] && d.out[q].e == d.toks[p - 1].e) wa = &d.out[q];
        if (!wa)
          for (size_t q = before; q-- > 0 && q + 3 > before;)
            if (d.out[q].label == 2 && std::string_view(d.out[q].attrs.kind) == kKindNames[K_WEEKDAY] && d.out[q].e == d.toks[p - 1].e) wa = &d.out[q];
        if (wa && wa->attrs.value.is_string()) given = weekday_number(wa->attrs.value.get_ref<const std::string&>());
      }
      if (y && given && iso_weekday(y, m, day) != given) {
        if (explicit_year) continue;  // the text contradicts itself: no anchor
        y = 0;                        // the year in force is not this date's: keep the weekday given
      }
      if (!y && !given) continue;
      if (wa && given) wa->attrs.value = json(y ? iso_date(y, m, day) : mmdd(m, day));
      // the date of something that happened: "on" before it ("On Monday, March 3, ..."), a verb in the
      // past tense and none of the future; or a dateline ("Friday, July 21, 2017", the weekday and
      // the year given). Not a date something is planned for, nor one a noun carries ("the
      // February 6 earthquake").
      const size_t s0 = wa ? weekday_before(i) - 1 : i;
      const bool on = s0 > 0 && d.is(s0 - 1, W.on);
      const int tn = tense(i);
      if (tn < 0 || !((on && tn > 0) || (given && explicit_year))) continue;
      anchor = DayAnchor{y, m, day, y ? iso_weekday(y, m, day) : given, i, true, !on};
    }
  }
  // The sentence around token i: -1 when a word of the future is in it ("will", "expected"), 1 when
  // a verb in the past tense is ("said", "walked"), else 0
  int tense(size_t i) const {
    size_t s0 = i;
    while (s0 > 0 && !(d.toks[s0].flags & F_SENT) && i - s0 < 60) --s0;
    bool past = false;
    for (size_t k = s0; k < d.n() && k < i + 60 && (k == s0 || !(d.toks[k].flags & F_SENT)); ++k) {
      if (!d.word(k)) continue;
      if (N.future.count(d.toks[k].hl)) return -1;
      std::string_view w = d.tok(k);
      // "is played" is a present passive, not a past
      if (N.past_verb.count(d.toks[k].hl) || (w.size() > 4 && ends_with(w, "ed") && !(d.toks[k].flags & F_CAP) &&
                                               !(k > 0 && (d.is(k - 1, W.is) || d.is(k - 1, W.are) || d.is(k - 1, N.be)))))
        past = true;
    }
    return past ? 1 : 0;
  }
  void place_weekday(size_t i, RawAnn& a) {
    if (!anchor.ok || i <= anchor.tok || !a.attrs.value.is_string()) return;
    int wd = weekday_number(a.attrs.value.get_ref<const std::string&>());
    if (!wd) return;
    if (month_at(i + 1) || (d.punct(i + 1, ',') && (month_at(i + 2) || day_at(i + 2)))) return;  // a date follows: it is that date's
    if (day_at(i + 1) && month_at(i + 2)) return;
    if (i > 0 && (d.poss(i - 1) || (d.word(i - 1) && N.not_bare.count(d.toks[i - 1].hl)))) return;
    if (d.poss(i + 1) || (d.word(i + 1) && d.adjacent(i + 1))) return;
    int lines = 0;
    for (size_t k = anchor.tok + 1; k <= i; ++k)
      if ((d.toks[k].flags & F_NEWLINE) && ++lines > 1) return;
    int off = (wd - anchor.wd + 7) % 7;
    if (off >= 3 && off <= 4) return;
    if (off >= 5) off -= 7;
    if (anchor.article && off > 0) return;
    if (tense(i) <= 0) return;
    std::string v;
    const bool art_known = published || dateline;
    if (art_known && !anchor.y) return;  // an event whose year is unknown, in an article whose date is known
    if (anchor.y) {
      int y, m, dd;
      const int64_t az = days_from_civil(anchor.y, unsigned(anchor.m), unsigned(anchor.day));
      const int64_t artz = art_known ? days_from_civil(art_y, unsigned(art_m), unsigned(art_d)) : 0;
      // a date far from the article's (a caption's, a story's past) does not set the week it speaks of
      if (art_known && (az - artz > 7 || artz - az > 7)) return;
      civil_from_days(az + off, &y, &m, &dd);
      if (art_known && az + off > artz) return;  // a past event does not lie after the article's date
      v = iso_date(y, m, dd);
    } else {
      int m = anchor.m, dd = anchor.day + off;
      if ((m == 2 && dd >= 28) || (m == 3 && dd <= 2)) return;  // across a February of unknown length
      if (dd < 1) { m = m == 1 ? 12 : m - 1; dd += days_in_month(2001, m); }
      else if (dd > days_in_month(2001, m)) { dd -= days_in_month(2001, m); m = m == 12 ? 1 : m + 1; }
      v = mmdd(m, dd);
    }
    a.attrs.value = json(v);
  }

  void run() {
    size_t n = d.n();
    for (size_t i = 0; i < n; ++i) {
      const Token& t = d.toks[i];
      // most tokens are words that none of the tests below can take: skip them on what the token
      // and its lexeme bits say, without reading used[] and mention_at[]
      if (t.type == T_WORD && !(t.flags & F_HYPHEN) && !(d.lx[i] & (LX_NUMBER | LX_CALENDAR | LX_CURRENCY_PREFIX))) continue;
      if (used[i]) continue;
      const size_t before = d.out.size();
      if (t.type == T_NUM) process_number(i);
      else if (t.type == T_PUNCT && d.lx_has(i, LX_CURRENCY_PREFIX) && i + 1 < n && d.toks[i + 1].type == T_NUM) process_number(i);
      else if (t.type == T_WORD && d.lx_has(i, LX_CURRENCY_PREFIX) && i + 1 < n && (((t.flags & F_ALLCAPS) && d.adjacent(i + 1)) || spaced_code(i)))
        process_number(i);
      else if (t.type == T_WORD && d.mention_at[i] < 0 &&
               ((t.flags & F_HYPHEN) || ((t.flags & F_CAP) && d.lx_has(i, LX_CALENDAR)) || d.lx_has(i, LX_NUMBER)))
        process_word(i);  // the same fast exit as in process_word, without the call
      if (d.out.size() != before) track_anchor(i, before);
    }
  }
};

}  // namespace

void find_numbers(Doc& d) {
  NumPass p(d);
  p.run();
}

}  // namespace lede::analysis
