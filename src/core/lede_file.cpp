#include "core/lede_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/json_input.hpp"
#include "core/json_writer.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace lede {

std::string LoadResult::summary(size_t max_items) const {
  std::string s;
  for (size_t i = 0; i < problems.size() && i < max_items; ++i) {
    if (!s.empty()) s += "\n";
    s += problems[i].path.empty() ? problems[i].message : problems[i].path + ": " + problems[i].message;
  }
  if (problems.size() > max_items) s += "\n(" + std::to_string(problems.size() - max_items) + " more problems)";
  return s;
}

namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a fractional number";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a number";
    default: return "an unsupported value";
  }
}

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// Collects problems while walking the parsed value.
struct Checker {
  std::vector<Problem> problems;
  static constexpr size_t kMaxProblems = 20;

  bool full() const { return problems.size() >= kMaxProblems; }
  void add(std::string path, std::string msg) {
    if (!full()) problems.push_back({std::move(path), std::move(msg)});
  }

  // Field lookups that report what is wrong. Each returns nullptr when the caller can't go on.
  const json* field(const json& obj, const std::string& path, const char* key, json::value_t want,
                    const char* want_name, bool required) {
    auto it = obj.find(key);
    std::string p = path.empty() ? key : path + "." + key;
    if (it == obj.end()) {
      if (required) add(p, std::string("is missing (expected ") + want_name + ")");
      return nullptr;
    }
    bool ok = it->type() == want ||
              (want == json::value_t::number_integer && it->type() == json::value_t::number_unsigned);
    if (!ok) {
      if (want == json::value_t::number_integer && it->is_number_float())
        add(p, "must be a whole number, found " + it->dump());
      else
        add(p, std::string("must be ") + want_name + ", found " + type_name(*it));
      return nullptr;
    }
    return &*it;
  }
  const json* str(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::string, "a string", required);
  }
  // A string of at most max bytes.
  const json* text(const json& o, const std::string& path, const char* key, bool required, size_t max) {
    const json* v = str(o, path, key, required);
    if (v && v->get_ref<const std::string&>().size() > max) {
      add(path.empty() ? key : path + "." + key, "is too long (" + std::to_string(v->get_ref<const std::string&>().size()) +
                                                      " bytes; the limit is " + std::to_string(max) + ")");
      return nullptr;
    }
    return v;
  }
  const json* obj(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::object, "an object", required);
  }
  const json* arr(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::array, "an array", required);
  }
  // A non-negative integer offset or count.
  bool count(const json& o, const std::string& path, const char* key, int64_t* out) {
    const json* v = field(o, path, key, json::value_t::number_integer, "a whole number", true);
    if (!v) return false;
    std::string p = path.empty() ? key : path + "." + key;
    if (v->is_number_unsigned()) {
      if (v->get<uint64_t>() > (uint64_t(1) << 53)) { add(p, "is too large (" + v->dump() + ")"); return false; }
      *out = static_cast<int64_t>(v->get<uint64_t>());
      return true;
    }
    int64_t n = v->get<int64_t>();
    if (n < 0) { add(p, "must not be negative, found " + std::to_string(n)); return false; }
    *out = n;
    return true;
  }
};



// Shortens s to at most max bytes without cutting a UTF-8 sequence, and quotes it.
std::string in_quotes(const std::string& s, size_t max = 40) {
  if (s.size() <= max) return "\"" + s + "\"";
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return "\"" + s.substr(0, n) + "...\"";
}

// A JSON value in a message, kept short.
std::string shown(const json& v) {
  std::string d = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (d.size() > 60) {
    size_t n = 60;
    while (n > 0 && (static_cast<unsigned char>(d[n]) & 0xC0) == 0x80) --n;
    d = d.substr(0, n) + "...";
  }
  return d;
}

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Accepts ISO 8601 dates and times starting "YYYY-MM-DD" (e.g. "2026-03-01T12:00:00Z").
bool looks_like_date(const std::string& s) {
  if (s.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return s[4] == '-' && s[7] == '-';
}

}  // namespace

std::string iso_date_fault(const std::string& s) {
  const std::string want = "must be an ISO 8601 date or date-time such as \"2026-03-01\" or \"2026-03-01T12:00:00Z\"";
  auto digits = [&](size_t at, size_t n, int* out) {
    if (at + n > s.size()) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, mo, d;
  if (!digits(0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &mo) || s[7] != '-' || !digits(8, 2, &d))
    return want + ", found " + in_quotes(s);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12) return "has no month " + std::to_string(mo) + " (" + in_quotes(s) + ")";
  int days = kDays[mo - 1] + (mo == 2 && leap ? 1 : 0);
  if (d < 1 || d > days) return "is not a real date: " + in_quotes(s.substr(0, 10)) + " does not exist";
  if (s.size() == 10) return {};
  int h, mi, sec;
  size_t i = 11;
  if (s[10] != 'T' || !digits(11, 2, &h) || i + 2 >= s.size() || s[13] != ':' || !digits(14, 2, &mi))
    return want + ", found " + in_quotes(s);
  i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(17, 2, &sec) || sec > 60) return want + ", found " + in_quotes(s);  // 60: a leap second
    i = 19;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      size_t f = ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == f) return want + ", found " + in_quotes(s);
    }
  }
  if (h > 23 || mi > 59) return "is not a real time of day (" + in_quotes(s) + ")";
  if (i == s.size()) return {};  // local time
  if (s[i] == 'Z' && i + 1 == s.size()) return {};
  int oh, om;
  if ((s[i] == '+' || s[i] == '-') && i + 6 == s.size() && digits(i + 1, 2, &oh) && s[i + 3] == ':' &&
      digits(i + 4, 2, &om) && oh <= 23 && om <= 59)
    return {};
  return want + ", found " + in_quotes(s);
}

std::string web_url_fault(const std::string& s) {
  for (unsigned char ch : s)
    if (ch <= 0x20 || ch == 0x7F)
      return "must be an http or https URL without spaces or control characters, found " + in_quotes(s);
  size_t colon = s.find(':');
  size_t stop = s.find_first_of("/?#");
  bool has_scheme = colon != std::string::npos && colon > 0 && (stop == std::string::npos || colon < stop) &&
                    std::isalpha(static_cast<unsigned char>(s[0]));
  if (!has_scheme) return "must be an absolute http or https URL (starting http:// or https://), found " + in_quotes(s);
  std::string scheme = s.substr(0, colon);
  for (char& ch : scheme) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  if (scheme != "http" && scheme != "https")
    return "must be an http or https URL; the scheme " + in_quotes(scheme + ":") + " is not allowed";
  if (s.compare(colon + 1, 2, "//") != 0 || colon + 3 >= s.size() || std::string("/?#").find(s[colon + 3]) != std::string::npos)
    return "must be an http or https URL with a host (" + scheme + "://host/...), found " + in_quotes(s);
  return {};
}

namespace {

bool is_sha256_hex(const std::string& s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool ends_with(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

// A date field of format version 2 (review.date, meta.published): "" or an ISO 8601 date.
void check_date(Checker& c, const json& o, const std::string& path, const char* key, std::string* out) {
  if (const json* v = c.text(o, path, key, false, kMaxFieldBytes)) {
    std::string fault = v->get<std::string>().empty() ? "" : iso_date_fault(v->get<std::string>());
    if (fault.empty()) *out = v->get<std::string>();
    else c.add(path + "." + key, fault);
  }
}

// A URL field of format version 2 (evidence url, meta.url): "" or an http(s) URL.
void check_url(Checker& c, const json& o, const std::string& path, const char* key, std::string* out) {
  if (const json* v = c.text(o, path, key, false, kMaxUrlBytes)) {
    std::string fault = v->get<std::string>().empty() ? "" : web_url_fault(v->get<std::string>());
    if (fault.empty()) *out = v->get<std::string>();
    else c.add(path + "." + key, fault);
  }
}

void check_review(Checker& c, const json& r, const std::string& p, const std::set<std::string>& rating_ids, Review* out) {
  Review& rv = *out;
  if (const json* v = c.text(r, p, "rating", false, kMaxFieldBytes)) {
    rv.rating = v->get<std::string>();
    if (!rv.rating.empty() && !rating_ids.count(rv.rating))
      c.add(p + ".rating", in_quotes(rv.rating) + " is not one of the file's ratings");
  }
  if (const json* v = c.text(r, p, "explanation", false, kMaxNoteBytes)) rv.explanation = v->get<std::string>();
  if (const json* ev = c.arr(r, p, "evidence", false)) {
    if (ev->size() > kMaxEvidence)
      c.add(p + ".evidence", "holds " + std::to_string(ev->size()) + " items; the limit is " + std::to_string(kMaxEvidence));
    for (size_t i = 0; i < ev->size() && i < kMaxEvidence && !c.full(); ++i) {
      const json& e = (*ev)[i];
      std::string ep = p + ".evidence[" + std::to_string(i) + "]";
      if (!e.is_object()) { c.add(ep, std::string("must be an object, found ") + type_name(e)); continue; }
      Evidence item;
      check_url(c, e, ep, "url", &item.url);
      if (const json* v = c.text(e, ep, "quote", false, kMaxNoteBytes)) item.quote = v->get<std::string>();
      if (const json* v = c.text(e, ep, "note", false, kMaxNoteBytes)) item.note = v->get<std::string>();
      bool has_url = e.contains("url") && e["url"].is_string() && !e["url"].get_ref<const std::string&>().empty();
      bool has_quote = e.contains("quote") && e["quote"].is_string() && !e["quote"].get_ref<const std::string&>().empty();
      if (!has_url && !has_quote) c.add(ep, "needs a url or a quote (a note alone is not evidence)");
      rv.evidence.push_back(std::move(item));
    }
  }
  if (const json* v = c.str(r, p, "status", false))
    if (!parse_review_status(v->get<std::string>(), &rv.status))
      c.add(p + ".status", "must be \"to-check\", \"checking\" or \"checked\", found " + in_quotes(v->get<std::string>()));
  if (const json* v = c.text(r, p, "reviewer", false, kMaxFieldBytes)) rv.reviewer = v->get<std::string>();
  check_date(c, r, p, "date", &rv.date);
}

// What both annotations and orphans hold. rating_ids is null for a version 1 file (no reviews).
void check_annotation(Checker& c, const json& a, const std::string& p, const std::set<std::string>& label_ids,
                      const std::set<std::string>* rating_ids, std::unordered_set<std::string>& ids,
                      const std::string& text, const TextIndex& index, bool orphan, Annotation* out) {
  Annotation& an = *out;
  size_t before = c.problems.size();
  if (const json* v = c.str(a, p, "id", true)) {
    an.id = v->get<std::string>();
    if (an.id.empty()) c.add(p + ".id", "must not be empty");
    else if (!ids.insert(an.id).second) c.add(p + ".id", "duplicates the id " + in_quotes(an.id) + " of an earlier annotation");
  }
  if (const json* v = c.str(a, p, "label", true)) {
    an.label = v->get<std::string>();
    if (!label_ids.count(an.label)) c.add(p + ".label", in_quotes(an.label) + " is not one of the file's labels");
  }
  if (const json* v = c.str(a, p, "origin", false))
    if (!parse_origin(v->get<std::string>(), &an.origin))
      c.add(p + ".origin", "must be \"user\" or \"auto\", found " + in_quotes(v->get<std::string>()));
  if (const json* v = c.str(a, p, "status", false))
    if (!parse_status(v->get<std::string>(), &an.status))
      c.add(p + ".status", "must be \"suggested\", \"accepted\" or \"rejected\", found " + in_quotes(v->get<std::string>()));
  bool have_start = c.count(a, p, "start", &an.start);
  bool have_end = c.count(a, p, "end", &an.end);
  int64_t length = int64_t(index.length());
  if (have_start && have_end) {
    if (an.start > an.end)
      c.add(p, "start (" + std::to_string(an.start) + ") is after end (" + std::to_string(an.end) + ")");
    else if (!orphan && an.end > length)
      c.add(p + ".end", "(" + std::to_string(an.end) + ") is past the end of the text (" + std::to_string(length) + ")");
  }
  if (const json* v = c.text(a, p, "note", false, kMaxNoteBytes)) an.note = v->get<std::string>();
  if (rating_ids)
    if (const json* v = c.obj(a, p, "review", false)) check_review(c, *v, p + ".review", *rating_ids, &an.review.emplace());
  if (const json* v = c.obj(a, p, "attrs", false)) an.attrs = v->get<Attrs>();
  for (const char* key : {"created", "modified"}) {
    if (const json* v = c.str(a, p, key, false)) {
      std::string t = v->get<std::string>();
      if (!t.empty() && !looks_like_date(t))
        c.add(p + "." + key, "must be an ISO 8601 date and time such as \"2026-03-01T12:00:00Z\", found " + in_quotes(t));
      (key[0] == 'c' ? an.created : an.modified) = t;
    }
  }
  if (const json* v = c.str(a, p, "author", false)) an.author = v->get<std::string>();
  const json* q = c.obj(a, p, "quote", orphan);
  if (q) {
    std::string qp = p + ".quote";
    const json* ex = c.str(*q, qp, "exact", true);
    const json* pre = c.str(*q, qp, "prefix", false);
    const json* suf = c.str(*q, qp, "suffix", false);
    if (ex) an.quote.exact = ex->get<std::string>();
    if (pre) an.quote.prefix = pre->get<std::string>();
    if (suf) an.quote.suffix = suf->get<std::string>();
    if (!orphan && c.problems.size() == before) {
      size_t s = size_t(an.start), e = size_t(an.end);
      std::string at = cp_substr(text, index, s, e);
      size_t bs = index.to_byte(s), be = index.to_byte(e);
      if (ex && at != an.quote.exact)
        c.add(qp + ".exact", in_quotes(an.quote.exact) + " does not match the text at " + std::to_string(an.start) +
                                 ".." + std::to_string(an.end) + " (" + in_quotes(at) + ")");
      else if (pre && !ends_with(std::string_view(text).substr(0, bs), an.quote.prefix))
        c.add(qp + ".prefix", in_quotes(an.quote.prefix) + " is not the text just before " + std::to_string(an.start));
      else if (suf && std::string_view(text).substr(be).substr(0, an.quote.suffix.size()) != an.quote.suffix)
        c.add(qp + ".suffix", in_quotes(an.quote.suffix) + " is not the text just after " + std::to_string(an.end));
    }
  }
  // A placed annotation's quote is always the standard one of its text (what a save writes).
  if (!orphan && c.problems.size() == before) an.quote = quote_at(text, index, size_t(an.start), size_t(an.end));
}

}  // namespace

size_t cap_suggestions(std::vector<Annotation>* suggestions) {
  if (suggestions->size() <= kMaxAnnotations) return 0;
  size_t over = suggestions->size() - kMaxAnnotations;
  suggestions->resize(kMaxAnnotations);
  return over;
}

std::string binary_fault(std::string_view bytes) {
  size_t nul = bytes.find('\0');
  if (nul == std::string_view::npos) return {};
  // JSON text starts with an ASCII character, so UTF-16 without a byte-order mark shows a zero
  // byte first (big-endian) or second (little-endian).
  if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] != '\0')
    return "The file is in UTF-16 (big-endian, without a byte-order mark), not UTF-8. Lede files are UTF-8 JSON.";
  if (bytes.size() >= 2 && bytes[0] != '\0' && bytes[1] == '\0')
    return "The file is in UTF-16 (little-endian, without a byte-order mark), not UTF-8. Lede files are UTF-8 JSON.";
  return "The file contains a zero byte at offset " + std::to_string(nul) + ": it is binary data, not JSON text.";
}

TextQuote quote_at(std::string_view text, const TextIndex& index, size_t s, size_t e) {
  size_t ps = s > kQuoteContext ? s - kQuoteContext : 0;
  return TextQuote{cp_substr(text, index, s, e), cp_substr(text, index, ps, s), cp_substr(text, index, e, e + kQuoteContext)};
}

namespace {

// Lenient reading: moves the problems check_annotation found (from index `before` on) to `dropped`,
// one line per annotation, and tells the caller to leave it out. An id the dropped annotation
// claimed is released so a later valid annotation may use it.
bool drop_if_bad(Checker& c, size_t before, std::vector<Problem>& dropped, std::unordered_set<std::string>& ids,
                 const Annotation& an) {
  if (c.problems.size() == before) return false;
  Problem first = c.problems[before];
  bool id_was_duplicate = first.message.find("duplicates the id") != std::string::npos;
  for (size_t k = before; k < c.problems.size(); ++k)
    if (c.problems[k].message.find("duplicates the id") != std::string::npos) id_was_duplicate = true;
  if (!id_was_duplicate && !an.id.empty()) ids.erase(an.id);
  std::string what = an.id.empty() ? std::string() : " (id " + in_quotes(an.id) + ")";
  dropped.push_back({first.path, first.message + what});
  c.problems.resize(before);
  return true;
}

// The autosave journal (write_lede_journal_entry), folded by annotation id before the file is read:
// what each id touched ends as (its last value, or removed), and the last of the small parts. The
// file is then read streamed as without a journal, each annotation swapped for its journal value
// on the way: no tree of the whole file is built. Holds about the journal's own size: each
// annotation's value is kept as its JSON text, parsed again when it is read.
struct JournalFold {
  struct Item {
    std::string id, value;  // value: the annotation's JSON text (empty when removed)
    std::string path;       // where that value (or the removal) is in the journal
    bool removed = false;
    bool given = false;     // the journal gave it a value at some point (a removal of it is explained)
    bool used = false;      // met in the file
  };
  std::vector<Item> items;                      // in the order first met
  std::unordered_map<std::string, size_t> at;   // id -> items index
  std::vector<std::pair<std::string, std::string>> no_id;  // path, JSON text: annotations without an id
  json top = json::object();   // author, labels, orphans, ratings: the last entry's
  std::optional<json> title;   // the document's title and details, the last entry's
  std::optional<json> meta;    // set: replaced by it; null: removed
  uint64_t seq = 0;
  std::vector<Problem> dropped;

  Item& item(const std::string& id) {
    auto [it, fresh] = at.emplace(id, items.size());
    if (fresh) {
      items.emplace_back();
      items.back().id = id;
    }
    return items[it->second];
  }

  explicit JournalFold(std::string_view journal) {
    size_t k = 0;
    for (size_t b = 0; b < journal.size(); ++k) {
      size_t e = std::min(journal.find('\n', b), journal.size());
      std::string_view line = journal.substr(b, e - b);
      b = e + 1;
      std::string entry_path = "journal[" + std::to_string(k) + "]";
      JsonInput in = parse_json_input(line, kMaxJsonDepth);
      if (!in.ok || !in.value.is_object()) {
        dropped.push_back({entry_path, "a change stored in the browser could not be read (left out)"});
        continue;
      }
      json& entry = in.value;
      if (auto rm = entry.find("removed"); rm != entry.end() && rm->is_array())
        for (size_t j = 0; j < rm->size(); ++j) {
          if (!(*rm)[j].is_string()) continue;
          Item& it = item((*rm)[j].get<std::string>());
          it.removed = true;
          it.value.clear();
          it.path = entry_path + ".removed[" + std::to_string(j) + "]";
        }
      if (auto anns = entry.find("annotations"); anns != entry.end() && anns->is_array())
        for (size_t j = 0; j < anns->size(); ++j) {
          const json& a = (*anns)[j];
          std::string p = entry_path + ".annotations[" + std::to_string(j) + "]";
          auto id = a.is_object() ? a.find("id") : a.end();
          if (!a.is_object() || id == a.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
            no_id.emplace_back(p, dumped(a));  // read as it is: the check says what is wrong with it
            continue;
          }
          Item& it = item(id->get<std::string>());
          it.removed = false;
          it.given = true;
          it.value = dumped(a);
          it.path = p;
        }
      for (const char* key : {"author", "labels", "orphans", "ratings"})
        if (entry.contains(key)) top[key] = std::move(entry[key]);
      if (auto doc = entry.find("document"); doc != entry.end() && doc->is_object()) {
        if (doc->contains("title")) title = std::move((*doc)["title"]);
        if (doc->contains("meta")) meta = std::move((*doc)["meta"]);
        else meta = json();
      }
      if (entry.contains("seq") && entry["seq"].is_number_unsigned()) seq = entry["seq"].get<uint64_t>();
    }
  }

  // The small parts onto the file's top level (everything but its annotations, which stream).
  void apply_top(json& root) {
    for (auto& [key, value] : top.items()) root[key] = std::move(value);
    auto doc = root.find("document");
    if (doc == root.end() || !doc->is_object()) return;  // the file's own problem, reported by the check
    if (title) (*doc)["title"] = std::move(*title);
    if (meta && meta->is_null()) doc->erase("meta");
    else if (meta) (*doc)["meta"] = std::move(*meta);
  }
};

// keep: false counts the annotations and orphans (annotation_count, orphan_count) without keeping
// them (`lede validate`: memory a small multiple of the file, whatever it holds).
// lenient: an annotation or orphan with a problem is left out and listed in r.dropped, instead of
// failing the whole file (what a restore of stored work needs).
// journal: applied to the file as it is read (see JournalFold); only with lenient.
LoadResult read_impl(std::string_view bytes, bool lenient, bool keep, JournalFold* journal = nullptr) {
  LoadResult r;
  auto fail = [&](std::string msg) {
    r.problems.push_back({"", std::move(msg)});
    return r;
  };
  if (bytes.empty()) return fail("The file is empty.");
  if (bytes.size() > kMaxFileBytes)
    return fail("The file is too large (" + std::to_string(bytes.size() >> 20) + " MB); the limit is " +
                std::to_string(kMaxFileBytes >> 20) + " MB.");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    return fail("The file starts with a byte-order mark (BOM). Lede files are UTF-8 JSON without a BOM.");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return fail("The file is in UTF-16, not UTF-8. Lede files are UTF-8 JSON.");
  if (std::string fault = binary_fault(bytes); !fault.empty()) return fail(fault);
  size_t bad = 0;
  if (!utf8_valid(bytes, &bad))
    return fail("The file is not valid UTF-8 (invalid byte at offset " + std::to_string(bad) + ").");
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail("The file is empty (it holds only white space).");
  // Streamed: everything but the elements of "annotations" and "orphans" is built here (and the
  // whole input checked: syntax, depth, repeated keys); those are read one by one below.
  json root;
  JsonStreamCounts counts;
  JsonInput in = parse_json_streamed(
      bytes, kMaxJsonDepth,
      [](const std::vector<std::string>& path) {
        return path.size() == 1 && (path[0] == "annotations" || path[0] == "orphans");
      },
      nullptr, &root, &counts);
  if (!in.ok) {
    size_t line, col;
    json_line_col(bytes, in.byte, &line, &col);
    std::string where = " (line " + std::to_string(line) + ", column " + std::to_string(col) + ")";
    switch (in.fault) {
      case JsonFault::too_deep:
        return fail("The JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep; a Lede file never is.");
      case JsonFault::truncated:
        return fail("This is not complete JSON: the file ends unexpectedly" + where + ". It may be truncated.");
      case JsonFault::number_too_large:
        return fail("This is not a JSON file Lede can read: it holds a number too large to represent" + where + ".");
      case JsonFault::duplicate_key:
        return fail("The key " + in_quotes(in.key) + " appears twice in one JSON object; every key must appear once.");
      case JsonFault::out_of_memory: return fail("The file could not be read (out of memory).");
      default: return fail("This is not a JSON file: it has a syntax error" + where + ".");
    }
  }

  Checker c;
  if (!root.is_object())
    return fail(std::string("The top level must be a JSON object, found ") + type_name(root) +
                ". This is not a Lede annotation file.");
  // What the journal stored for the small parts replaces the file's; its orphans (all of them,
  // when it has any) are then read from the top level instead of from the bytes.
  const bool journal_orphans = journal && journal->top.contains("orphans");
  if (journal) journal->apply_top(root);

  // format and version first: for a file of another kind, nothing else is worth reporting.
  auto fmt = root.find("format");
  if (fmt == root.end()) {
    if (root.contains("@context") || root.contains("type"))
      return fail("\"format\" is missing: this looks like a W3C Web Annotation file; convert it with `lede convert --to lede`.");
    return fail("\"format\" is missing: this JSON file is not a Lede annotation file.");
  }
  if (!fmt->is_string() || fmt->get<std::string>() != kFormatName)
    return fail("format is " + shown(*fmt) + ", expected \"" + kFormatName + "\": this is not a Lede annotation file.");
  auto ver = root.find("version");
  if (ver == root.end()) return fail("version is missing (expected " + std::to_string(kFormatVersion) + ").");
  if (!ver->is_number_integer())
    return fail("version must be a whole number, found " + shown(*ver) + ".");
  bool newer = ver->is_number_unsigned() ? ver->get<uint64_t>() > uint64_t(kFormatVersion) : ver->get<int64_t>() > kFormatVersion;
  bool older = ver->is_number_unsigned() ? ver->get<uint64_t>() < uint64_t(kOldestFormatVersion) : ver->get<int64_t>() < kOldestFormatVersion;
  if (newer || older)
    return fail("version " + shown(*ver) + " is not supported: this Lede reads versions " + std::to_string(kOldestFormatVersion) +
                " to " + std::to_string(kFormatVersion) +
                (newer ? " (the file was made by a newer Lede; update Lede to open it)." : "."));
  r.version = static_cast<int>(ver->get<int64_t>());
  bool v2 = r.version >= 2;  // reviews, document.meta and the rating scale
  if (const json* g = c.str(root, "", "generator", false)) r.generator = g->get<std::string>();
  AnnotationSet& set = r.set;
  if (const json* a = c.str(root, "", "author", false)) set.author = a->get<std::string>();

  bool have_text = false;
  if (const json* doc = c.obj(root, "", "document", true)) {
    if (const json* t = c.str(*doc, "document", "text", true)) {
      // Moved out of the tree: a copy of a long article's text would be megabytes more heap.
      set.document.text = std::move(const_cast<json*>(t)->get_ref<std::string&>());
      have_text = true;
      size_t nul = set.document.text.find('\0');
      if (nul != std::string::npos)
        c.add("document.text", "contains a zero character (\\u0000) at byte " + std::to_string(nul) + "; article text never does");
      // The format says LF only: a CR would count as a code point of its own and shift every
      // offset against a CRLF-normalising reader, so it is refused rather than silently changed.
      size_t cr = set.document.text.find('\r');
      if (cr != std::string::npos)
        c.add("document.text", "contains a carriage return (\\r) at byte " + std::to_string(cr) +
                                   "; Lede texts end lines with LF only");
    }
    if (const json* t = c.str(*doc, "document", "title", false)) set.document.title = t->get<std::string>();
    size_t before_meta = c.problems.size();
    if (const json* m = v2 ? c.obj(*doc, "document", "meta", false) : nullptr) {
      ArticleMeta& meta = set.document.meta;
      if (const json* v = c.text(*m, "document.meta", "title", false, kMaxFieldBytes)) meta.title = v->get<std::string>();
      check_url(c, *m, "document.meta", "url", &meta.url);
      if (const json* v = c.text(*m, "document.meta", "outlet", false, kMaxFieldBytes)) meta.outlet = v->get<std::string>();
      if (const json* v = c.text(*m, "document.meta", "byline", false, kMaxFieldBytes)) meta.byline = v->get<std::string>();
      check_date(c, *m, "document.meta", "published", &meta.published);
    }
    if (lenient) {  // a bad detail is left out (it was not stored above); the rest of the work is kept
      for (size_t k = before_meta; k < c.problems.size(); ++k)
        r.dropped.push_back({c.problems[k].path, c.problems[k].message + " (left out)"});
      c.problems.resize(before_meta);
    }
    size_t actual = utf8_length(set.document.text);
    int64_t declared;
    if (have_text && doc->contains("length") && c.count(*doc, "document", "length", &declared) && declared != int64_t(actual))
      c.add("document.length", "is " + std::to_string(declared) + " but the text has " + std::to_string(actual) +
                                   " code points");
    if (const json* h = c.str(*doc, "document", "sha256", false)) {
      std::string got = h->get<std::string>();
      if (!is_sha256_hex(got))
        c.add("document.sha256", "must be 64 lowercase hexadecimal digits, found " + in_quotes(got));
      else if (have_text && got != sha256_hex(set.document.text))
        c.add("document.sha256", "does not match the text (the text was changed after the file was saved)");
    }
  }

  std::set<std::string> label_ids;
  if (const json* labels = c.arr(root, "", "labels", false)) {
    for (size_t i = 0; i < labels->size() && !c.full(); ++i) {
      const json& l = (*labels)[i];
      std::string p = "labels[" + std::to_string(i) + "]";
      if (!l.is_object()) { c.add(p, std::string("must be an object, found ") + type_name(l)); continue; }
      Label lab;
      if (const json* v = c.str(l, p, "id", true)) lab.id = v->get<std::string>();
      if (const json* v = c.str(l, p, "name", true)) lab.name = v->get<std::string>();
      if (const json* v = c.str(l, p, "color", true)) {
        lab.color = v->get<std::string>();
        if (!is_hex_color(lab.color)) c.add(p + ".color", "must look like \"#RRGGBB\", found " + in_quotes(lab.color));
      }
      if (l.contains("id") && l["id"].is_string()) {
        if (lab.id.empty()) c.add(p + ".id", "must not be empty");
        else if (!label_ids.insert(lab.id).second) c.add(p + ".id", "duplicates the label id " + in_quotes(lab.id));
      }
      set.labels.push_back(std::move(lab));
    }
  }
  if (set.labels.empty() && !root.contains("labels")) {
    set.labels = builtin_labels();
    for (auto& l : set.labels) label_ids.insert(l.id);
  } else if (set.labels.empty()) {
    for (auto& l : builtin_labels()) label_ids.insert(l.id);  // "labels": [] means the built-in ones
    set.labels = builtin_labels();
  }

  std::set<std::string> rating_ids;
  if (const json* ratings = v2 ? c.arr(root, "", "ratings", false) : nullptr) {
    if (ratings->size() > kMaxRatings)
      c.add("ratings", "holds " + std::to_string(ratings->size()) + " ratings; the limit is " + std::to_string(kMaxRatings));
    for (size_t i = 0; i < ratings->size() && i < kMaxRatings && !c.full(); ++i) {
      const json& l = (*ratings)[i];
      std::string p = "ratings[" + std::to_string(i) + "]";
      if (!l.is_object()) { c.add(p, std::string("must be an object, found ") + type_name(l)); continue; }
      Rating rt;
      if (const json* v = c.text(l, p, "id", true, kMaxFieldBytes)) {
        rt.id = v->get<std::string>();
        if (rt.id.empty()) c.add(p + ".id", "must not be empty");
        else if (!rating_ids.insert(rt.id).second) c.add(p + ".id", "duplicates the rating id " + in_quotes(rt.id));
      }
      if (const json* v = c.text(l, p, "name", true, kMaxFieldBytes)) {
        rt.name = v->get<std::string>();
        if (rt.name.empty()) c.add(p + ".name", "must not be empty");
      }
      if (const json* v = c.str(l, p, "color", true)) {
        rt.color = v->get<std::string>();
        if (!is_hex_color(rt.color)) c.add(p + ".color", "must look like \"#RRGGBB\", found " + in_quotes(rt.color));
      }
      auto val = l.find("value");
      if (val == l.end()) c.add(p + ".value", "is missing (expected a number)");
      else if (!val->is_number()) c.add(p + ".value", std::string("must be a number, found ") + type_name(*val));
      else if (!std::isfinite(val->get<double>())) c.add(p + ".value", "must be a finite number");
      else rt.value = val->get<double>();
      set.ratings.push_back(std::move(rt));
    }
  }
  if (set.ratings.empty()) {  // absent (version 1) or [] means the default scale
    set.ratings = default_ratings();
    for (auto& rt : set.ratings) rating_ids.insert(rt.id);
  }

  {
    size_t n = counts.total();
    if (n > kMaxAnnotations) {
      r.set = AnnotationSet{};
      return fail("The file holds " + std::to_string(n) + " annotations and orphans; the limit is " +
                  std::to_string(kMaxAnnotations) + ".");
    }
  }
  TextIndex index(set.document.text);
  std::unordered_set<std::string> ids;
  // One annotation or orphan at path p checked, and kept unless it has a problem.
  auto read_item = [&](const std::string& p, const json& a, bool orphan, std::vector<Annotation>* into, size_t* count) {
    if (!a.is_object()) {
      (lenient ? r.dropped : c.problems).push_back({p, std::string("must be an object, found ") + type_name(a)});
      return;
    }
    Annotation an;
    size_t before = c.problems.size();
    check_annotation(c, a, p, label_ids, v2 ? &rating_ids : nullptr, ids, set.document.text, index, orphan, &an);
    if (lenient && drop_if_bad(c, before, r.dropped, ids, an)) return;
    ++*count;
    if (keep) into->push_back(std::move(an));
  };
  // An annotation as the journal left it: its value there, or none (removed). Null when the
  // journal did not touch it (or touched an earlier annotation of the same id: that one is replaced).
  auto in_journal = [&](const json& a) -> JournalFold::Item* {
    if (!journal || !a.is_object()) return nullptr;
    auto id = a.find("id");
    if (id == a.end() || !id->is_string()) return nullptr;
    auto it = journal->at.find(id->get_ref<const std::string&>());
    if (it == journal->at.end() || journal->items[it->second].used) return nullptr;
    journal->items[it->second].used = true;
    return &journal->items[it->second];
  };
  auto parsed = [](const std::string& text) { return parse_json_input(text, kMaxJsonDepth).value; };
  // The annotations, then the orphans, each read again from the bytes one at a time (streamed
  // above; the tree of one is all that is held beside what is kept).
  auto read_items = [&](const char* key, bool orphan, std::vector<Annotation>* into, size_t* count) {
    // Reserved once, with room for what the journal adds: growing a vector of a long article's
    // annotations by doubling would hold it twice over.
    if (keep)
      for (const auto& [path, n] : counts.arrays)
        if (path[0] == key) into->reserve(n + (journal && !orphan ? journal->items.size() + journal->no_id.size() : 0));
    JsonItemFn each = [&](const JsonStreamItem& at, json& a) {
      if (c.full()) return false;
      if (JournalFold::Item* j = orphan ? nullptr : in_journal(a)) {
        if (!j->removed) read_item(j->path, parsed(j->value), orphan, into, count);
        return true;
      }
      read_item(std::string(key) + "[" + std::to_string(at.index) + "]", a, orphan, into, count);
      return true;
    };
    parse_json_streamed(
        bytes, kMaxJsonDepth, [key](const std::vector<std::string>& path) { return path.size() == 1 && path[0] == key; },
        each, nullptr);
  };
  if (c.arr(root, "", "annotations", true)) {
    read_items("annotations", false, &set.annotations, &r.annotation_count);
    if (journal) {  // what the journal added, in its order; and what it removed that the file does not hold
      for (JournalFold::Item& j : journal->items) {
        if (j.used || c.full()) continue;
        if (!j.removed) read_item(j.path, parsed(j.value), false, &set.annotations, &r.annotation_count);
        else if (!j.given)
          journal->dropped.push_back({j.path, "removes the annotation " + in_quotes(j.id) +
                                                  ", which the stored file does not hold (nothing else was changed)"});
      }
      for (const auto& [p, text] : journal->no_id)
        if (!c.full()) read_item(p, parsed(text), false, &set.annotations, &r.annotation_count);
    }
  }
  if (journal_orphans) {
    if (const json* orphans = c.arr(root, "", "orphans", false))
      for (size_t i = 0; i < orphans->size() && !c.full(); ++i)
        read_item("orphans[" + std::to_string(i) + "]", (*orphans)[i], true, &set.orphans, &r.orphan_count);
  } else if (c.arr(root, "", "orphans", false)) {
    read_items("orphans", true, &set.orphans, &r.orphan_count);
  }
  if (journal) {
    r.dropped.insert(r.dropped.begin(), journal->dropped.begin(), journal->dropped.end());
    r.journal_seq = journal->seq;
  }
  r.problems = std::move(c.problems);
  r.ok = r.problems.empty();
  if (!r.ok) r.set = AnnotationSet{};
  return r;
}

}  // namespace

LoadResult read_lede_file(std::string_view bytes, bool keep_annotations) { return read_impl(bytes, false, keep_annotations); }
LoadResult read_lede_file_lenient(std::string_view bytes, std::string_view journal) {
  if (journal.empty()) return read_impl(bytes, true, true);
  JournalFold fold(journal);
  return read_impl(bytes, true, true, &fold);
}

std::string LoadResult::dropped_summary(size_t max_items) const {
  std::string s;
  for (size_t i = 0; i < dropped.size() && i < max_items; ++i) {
    if (!s.empty()) s += "\n";
    s += dropped[i].path + ": " + dropped[i].message;
  }
  if (dropped.size() > max_items) s += "\n(" + std::to_string(dropped.size() - max_items) + " more)";
  return s;
}

namespace {

// One element of "annotations" or "orphans" as written.
json annotation_json(const Annotation& a, const std::string& text, const TextIndex& index, bool orphan) {
  json j = a;
  if (orphan) {
    j["quote"] = json{{"exact", a.quote.exact}, {"prefix", a.quote.prefix}, {"suffix", a.quote.suffix}};
  } else if (!(a.origin == Origin::automatic && a.status == Status::suggested)) {
    // An open suggestion is the analysis's, redone on every open: its quote (which the text at
    // its offsets gives anyway) would be most of the file's size for nothing.
    TextQuote q = quote_at(text, index, size_t(a.start), size_t(a.end));
    j["quote"] = json{{"exact", q.exact}, {"prefix", q.prefix}, {"suffix", q.suffix}};
  }
  return j;
}

// Appends one annotation as annotation_json(...).dump() writes it; an open suggestion of the
// analysis (nearly all of a long article's) straight, without a json value.
void append_annotation(std::string& out, const Annotation& a, const std::string& text, const TextIndex& index, bool orphan) {
  if (!orphan) {
    JsonWriter w(out);
    bool written = write_file_suggestion(w, a);
    w.finish();
    if (written) return;
  }
  out += dumped(annotation_json(a, text, index, orphan));
}

void append_annotations(std::string& out, const std::vector<Annotation>& v, const std::string& text, const TextIndex& index, bool orphans) {
  out += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    append_annotation(out, v[i], text, index, orphans);
  }
  out += ']';
}

json document_json(const Document& d, const TextIndex& index) {
  json j{{"title", d.title}, {"sha256", sha256_hex(d.text)}, {"length", index.length()}, {"text", d.text}};
  if (!d.meta.empty()) j["meta"] = d.meta;
  return j;
}

// The scale as written: always present in version 2, the default one when the set has none.
json ratings_json(const std::vector<Rating>& ratings) { return ratings.empty() ? json(default_ratings()) : json(ratings); }

SetView view_of(const AnnotationSet& set) {
  return {set.document, set.labels, set.ratings, set.annotations, set.orphans, set.author};
}

}  // namespace

json lede_file_json(const AnnotationSet& set, const std::string& generator) {
  const std::string& text = set.document.text;
  TextIndex index(text);
  json anns = json::array();
  for (const Annotation& a : set.annotations) anns.push_back(annotation_json(a, text, index, false));
  json labels = set.labels;
  json out = json{{"format", kFormatName},
                  {"version", kFormatVersion},
                  {"generator", generator},
                  {"document", document_json(set.document, index)},
                  {"labels", labels},
                  {"ratings", ratings_json(set.ratings)},
                  {"annotations", anns}};
  if (!set.author.empty()) out["author"] = set.author;
  if (!set.orphans.empty()) {
    json orphans = json::array();
    for (const Annotation& a : set.orphans) orphans.push_back(annotation_json(a, text, index, true));
    out["orphans"] = std::move(orphans);
  }
  return out;
}

std::string write_lede_file(const AnnotationSet& set, const std::string& generator, bool pretty) {
  if (pretty) return lede_file_json(set, generator).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return write_lede_file(view_of(set), generator);
}

std::string write_lede_file(const SetView& v, const std::string& generator, const TextIndex* index) {
  // Compact: written annotation by annotation, never as one JSON tree of the whole file (that
  // tree took several times the file's size). Same bytes as lede_file_json(...).dump(), keys in
  // the order nlohmann::json sorts them.
  const std::string& text = v.document.text;
  TextIndex own;
  if (!index) index = &(own = TextIndex(text));
  std::string out;
  // Reserved once, for the text and about what an open suggestion takes: growing by doubling held
  // up to 3x the file at the peak, and a larger reserve is heap the page keeps.
  out.reserve(text.size() + text.size() / 16 + (v.annotations.size() + v.orphans.size()) * 120 + 4096);
  out += "{\"annotations\":";
  append_annotations(out, v.annotations, text, *index, false);
  if (!v.author.empty()) out += ",\"author\":" + dumped(v.author);
  out += ",\"document\":" + dumped(document_json(v.document, *index));
  out += ",\"format\":" + dumped(kFormatName);
  out += ",\"generator\":" + dumped(generator);
  out += ",\"labels\":" + dumped(json(v.labels));
  if (!v.orphans.empty()) {
    out += ",\"orphans\":";
    append_annotations(out, v.orphans, text, *index, true);
  }
  out += ",\"ratings\":" + dumped(ratings_json(v.ratings));
  out += ",\"version\":" + std::to_string(kFormatVersion) + "}\n";
  return out;
}

std::string write_lede_journal_entry(const SetView& v, const TextIndex& index, uint64_t seq, const std::set<std::string>& touched,
                                     bool with_orphans, size_t from, size_t to) {
  const std::string& text = v.document.text;
  std::string out = "{\"annotations\":[";
  std::set<std::string> gone = touched;
  bool first = true;
  for (size_t i = from; i < std::min(to, v.annotations.size()) && !gone.empty(); ++i) {
    const Annotation& a = v.annotations[i];
    if (!gone.erase(a.id)) continue;
    if (!first) out += ',';
    first = false;
    append_annotation(out, a, text, index, false);
  }
  out += ']';
  out += ",\"author\":" + dumped(v.author);
  json doc{{"title", v.document.title}};
  if (!v.document.meta.empty()) doc["meta"] = v.document.meta;
  out += ",\"document\":" + dumped(doc);
  out += ",\"labels\":" + dumped(json(v.labels));
  if (with_orphans) {
    out += ",\"orphans\":";
    append_annotations(out, v.orphans, text, index, true);
  }
  out += ",\"ratings\":" + dumped(ratings_json(v.ratings));
  out += ",\"removed\":" + dumped(json(gone));
  out += ",\"seq\":" + std::to_string(seq) + "}";
  return out;
}

}  // namespace lede
