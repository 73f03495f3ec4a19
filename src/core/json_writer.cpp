#include "core/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/lede_file.hpp"
#include "core/text.hpp"

namespace lede {

namespace {

// Eight bytes at a time (news text is mostly plain ASCII): a byte-by-byte test of every character
// was a tenth of a `lede analyze --jsonl` run's instructions in reading and writing the text.
uint64_t load8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
uint64_t zero_byte(uint64_t w) { return (w - kOnes) & ~w & kHighs; }  // nonzero if any byte of w is 0
// No '"' and no '\\' among the eight bytes.
bool no_quote8(uint64_t w) { return !(zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))); }
// Nothing a JSON string escapes or checks: ASCII, no control character, no '"' or '\\'.
bool plain8(const unsigned char* p) {
  uint64_t w = load8(p);
  return !((w & kHighs) | ((w - kOnes * 0x20) & ~w & kHighs)) && no_quote8(w);
}

// Sixteen bytes at a time where the target has SSE2 (every x86-64: the native `lede`), the same
// tests as no_quote8 and plain8.
#ifdef __SSE2__
bool no_quote16(const unsigned char* p) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return _mm_movemask_epi8(hit) == 0;
}
bool plain16(const unsigned char* p) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // a signed compare: bytes from 0x80 up are negative, so "< 0x20" takes them with the controls
  __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return _mm_movemask_epi8(bad) == 0;
}
#endif

}  // namespace

// Room for n bytes and as many as this writer wrote so far (at least 512): a writer per
// suggestion makes little slack, one writing a long answer grows it geometrically.
void JsonWriter::grow(size_t n) { out_.resize(len_ + std::max({n, size_t(512), len_ - start_})); }

void JsonWriter::string(std::string_view s) {
  size_t mark = len_;
  put('"');
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), run = 0;
  for (size_t i = 0; i < n;) {
#ifdef __SSE2__
    if (i + 16 <= n && plain16(p + i)) { i += 16; continue; }
#endif
    if (i + 8 <= n && plain8(p + i)) { i += 8; continue; }
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { ++i; continue; }
    if (c >= 0x80) {
      uint32_t cp;
      int len = utf8_decode(s, i, &cp);
      if (cp == 0xFFFD && len == 1) {  // invalid UTF-8: nlohmann's own replacement, byte for byte
        len_ = mark;
        serialize(json(std::string(s)));
        return;
      }
      i += size_t(len);
      continue;
    }
    raw(s.substr(run, i - run));
    switch (c) {
      case '"': raw("\\\""); break;
      case '\\': raw("\\\\"); break;
      case '\b': raw("\\b"); break;
      case '\f': raw("\\f"); break;
      case '\n': raw("\\n"); break;
      case '\r': raw("\\r"); break;
      case '\t': raw("\\t"); break;
      default: {  // other control characters, as nlohmann writes them (lower-case hex)
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        raw(buf);
      }
    }
    run = ++i;
  }
  raw(s.substr(run));
  put('"');
}

void JsonWriter::integer(int64_t v) {
  char* p = room(24);
  len_ += size_t(std::to_chars(p, p + 24, v).ptr - p);
}

// As nlohmann's compact dump writes it, without its serializer (whose set-up alone, per call, cost
// more than writing a number).
void JsonWriter::value(const json& v) {
  switch (v.type()) {
    case json::value_t::null: raw("null"); return;
    case json::value_t::boolean: raw(v.get<bool>() ? "true" : "false"); return;
    case json::value_t::number_integer: integer(v.get<json::number_integer_t>()); return;
    case json::value_t::number_unsigned: {
      char* p = room(24);
      len_ += size_t(std::to_chars(p, p + 24, v.get<json::number_unsigned_t>()).ptr - p);
      return;
    }
    case json::value_t::number_float: {  // serializer::dump_float
      double x = v.get<double>();
      if (!std::isfinite(x)) { raw("null"); return; }
      char* p = room(64);
      len_ += size_t(nlohmann::detail::to_chars(p, p + 64, x) - p);
      return;
    }
    case json::value_t::string: string(v.get_ref<const std::string&>()); return;
    case json::value_t::array: {
      char sep = '[';
      for (const json& e : v) { put(sep); sep = ','; value(e); }
      if (sep == '[') put('[');
      put(']');
      return;
    }
    case json::value_t::object: {  // a std::map: keys in sorted order, as dump() walks them
      char sep = '{';
      for (auto it = v.begin(); it != v.end(); ++it) { put(sep); sep = ','; string(it.key()); put(':'); value(it.value()); }
      if (sep == '{') put('{');
      put('}');
      return;
    }
    default: serialize(v);  // binary, discarded
  }
}

void JsonWriter::serialize(const json& v) {
  out_.resize(len_);  // nlohmann appends to the string itself
  nlohmann::detail::serializer<json> s(nlohmann::detail::output_adapter<char>(out_), ' ', json::error_handler_t::replace);
  s.dump(v, false, false, 0);
  len_ = out_.size();
}

void JsonWriter::span(const SpanAttr& s) {
  if (s.state != SpanAttr::State::set) { raw("null"); return; }
  raw("{\"end\":");
  integer(s.end);
  if (!s.entity.empty()) { raw(",\"entity\":"); string(s.entity); }
  raw(",\"start\":");
  integer(s.start);
  raw(",\"text\":");
  string(s.text);
  put('}');
}

void JsonWriter::attrs(const Attrs& a) {
  if (a.extra.is_object() && !a.extra.empty()) { serialize(json(a)); return; }  // keys of a file's own: merged by nlohmann
  char sep = '{';
  auto key = [&](std::string_view k) {  // k: the key with its quotes and colon, in one copy
    put(sep);
    sep = ',';
    raw(k);
  };
  // the order nlohmann's std::map sorts them in
  if (a.approx) { key("\"approx\":"); raw("true"); }
  if (!a.bound.empty()) { key("\"bound\":"); string(a.bound); }
  if (!a.counted.empty()) { key("\"counted\":"); string(a.counted); }
  if (a.cue.state != SpanAttr::State::absent) { key("\"cue\":"); span(a.cue); }
  if (!a.currency.empty()) { key("\"currency\":"); string(a.currency); }
  if (!a.entity.empty()) { key("\"entity\":"); string(a.entity); }
  if (!a.kind.empty()) { key("\"kind\":"); string(a.kind); }
  if (!a.role.empty()) { key("\"role\":"); string(a.role); }
  if (a.speaker.state != SpanAttr::State::absent) { key("\"speaker\":"); span(a.speaker); }
  if (!a.unit.empty()) { key("\"unit\":"); string(a.unit); }
  if (!a.value.is_null()) { key("\"value\":"); value(a.value); }
  if (sep == '{') put('{');
  put('}');
}

namespace {

// The keys in sorted order; a file's suggestion also has its id, origin and status.
void write_suggestion(JsonWriter& w, const Annotation& a, bool file) {
  w.raw("{\"attrs\":");
  w.attrs(a.attrs);
  w.raw(",\"end\":");
  w.integer(a.end);
  if (file) {
    w.raw(",\"id\":");
    w.string(a.id);
  }
  w.raw(",\"label\":");
  w.string(a.label);
  w.raw(file ? ",\"origin\":\"auto\",\"start\":" : ",\"start\":");
  w.integer(a.start);
  w.raw(file ? ",\"status\":\"suggested\"}" : "}");
}

}  // namespace

void write_jsonl_suggestion(JsonWriter& w, const Annotation& a) { write_suggestion(w, a, false); }

bool write_file_suggestion(JsonWriter& w, const Annotation& a) {
  if (a.origin != Origin::automatic || a.status != Status::suggested || !a.note.empty() || !a.created.empty() ||
      !a.modified.empty() || !a.author.empty() || a.review)
    return false;
  write_suggestion(w, a, true);
  return true;
}

namespace {

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool read_hex4(std::string_view s, size_t i, uint32_t* v) {
  if (i + 4 > s.size()) return false;
  *v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int d = hex_digit(s[k]);
    if (d < 0) return false;
    *v = *v << 4 | uint32_t(d);
  }
  return true;
}

// The content of a JSON string (between its quotes) unescaped, accepting exactly what nlohmann's
// lexer accepts: no raw control character, well-formed UTF-8, the JSON escapes, \u surrogates in
// pairs. False for anything else (the caller then lets nlohmann say what is wrong).
bool unescape(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), run = 0;
  for (size_t i = 0; i < n;) {
#ifdef __SSE2__
    if (i + 16 <= n && plain16(p + i)) { i += 16; continue; }
#endif
    if (i + 8 <= n && plain8(p + i)) { i += 8; continue; }
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80 && c != '\\') { ++i; continue; }
    if (c >= 0x80) {
      uint32_t cp;
      int len = utf8_decode(s, i, &cp);
      if (cp == 0xFFFD && len == 1) return false;
      i += size_t(len);
      continue;
    }
    if (c < 0x20 || i + 1 >= n) return false;
    out->append(s.data() + run, i - run);
    char e = s[i + 1];
    i += 2;
    switch (e) {
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case '/': *out += '/'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'u': {
        uint32_t v;
        if (!read_hex4(s, i, &v)) return false;
        i += 4;
        if (v >= 0xDC00 && v <= 0xDFFF) return false;
        if (v >= 0xD800 && v <= 0xDBFF) {
          uint32_t lo;
          if (i + 6 > n || s[i] != '\\' || s[i + 1] != 'u' || !read_hex4(s, i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
          i += 6;
          v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        }
        utf8_append(*out, v);
        break;
      }
      default: return false;
    }
    run = i;
  }
  out->append(s.data() + run, n - run);
  return true;
}

// From s[i] == '"': the index of its closing quote, or npos.
size_t string_end(std::string_view s, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  for (++i; i < s.size(); ++i) {
#ifdef __SSE2__
    while (i + 16 <= s.size() && no_quote16(p + i)) i += 16;
#endif
    while (i + 8 <= s.size() && no_quote8(load8(p + i))) i += 8;
    if (i >= s.size()) break;
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i;
  }
  return std::string_view::npos;
}

// From the first byte of a value: the index just past it, or npos (a value this walk does not
// take apart, left to the full parse).
size_t value_end(std::string_view s, size_t i) {
  if (i >= s.size()) return std::string_view::npos;
  if (s[i] == '"') {
    size_t e = string_end(s, i);
    return e == std::string_view::npos ? e : e + 1;
  }
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '"') {
        i = string_end(s, i);
        if (i == std::string_view::npos) return i;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return std::string_view::npos;
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != '"' && !json_space(s[i])) ++i;  // a number, true, ...
  return i;
}

// Where the top-level "text" string's content is: [*b, *e). False when the line is not an object
// of simply quoted keys with one "text" string among them.
bool find_text(std::string_view s, size_t* b, size_t* e) {
  size_t i = 0, n = s.size();
  bool found = false;
  auto skip = [&] { while (i < n && json_space(s[i])) ++i; };
  skip();
  if (i == n || s[i] != '{') return false;
  ++i;
  for (;;) {
    skip();
    if (i == n || s[i] != '"') return false;
    size_t k = i + 1, ke = string_end(s, i);
    if (ke == std::string_view::npos) return false;
    std::string_view key = s.substr(k, ke - k);
    if (key.find('\\') != std::string_view::npos) return false;
    i = ke + 1;
    skip();
    if (i == n || s[i] != ':') return false;
    ++i;
    skip();
    size_t v = i, ve = value_end(s, i);
    if (ve == std::string_view::npos || ve == v) return false;
    if (key == "text") {
      if (found || s[v] != '"') return false;
      found = true;
      *b = v + 1;
      *e = ve - 1;
    }
    i = ve;
    skip();
    if (i < n && s[i] == ',') { ++i; continue; }
    if (i < n && s[i] == '}') { ++i; break; }
    return false;
  }
  skip();
  return found && i == n;
}

}  // namespace

void read_jsonl_line(std::string_view line, int max_depth, JsonlLine* out) {
  out->fast = false;
  size_t b = 0, e = 0;
  if (find_text(line, &b, &e) && unescape(line.substr(b, e - b), &out->text)) {
    // The same line with an empty text: the same tokens but one string, whose content is checked
    // above as the lexer checks it, so parse_json_input gives the verdict it gives the whole line.
    std::string rest;
    rest.reserve(line.size() - (e - b));
    rest.append(line.data(), b);
    rest.append(line.data() + e, line.size() - e);
    out->in = parse_json_input(rest, max_depth);
    out->fast = out->in.ok;
    if (out->in.ok) return;
    // a fault: the whole line's own (its byte offset is the line's)
  }
  out->text.clear();
  out->in = parse_json_input(line, max_depth);
}

}  // namespace lede

namespace lede {

namespace {
constexpr std::string_view kNoAnnotations = "{\"annotations\":[]";
}

StreamedLedeFile::StreamedLedeFile(const AnnotationSet& rest, const std::string& generator, Sink sink) : sink_(std::move(sink)) {
  tail_ = write_lede_file(rest, generator, false);
  ok_ = rest.annotations.empty() && tail_.compare(0, kNoAnnotations.size(), kNoAnnotations) == 0;
  if (!ok_) return;
  buf_.reserve(1 << 20);
  buf_.assign(kNoAnnotations.data(), kNoAnnotations.size() - 1);
}

void StreamedLedeFile::flush() {
  sink_(buf_);
  buf_.clear();
}

void StreamedLedeFile::add(const Annotation& a) {
  if (++count_ > kMaxAnnotations) return;
  {
    JsonWriter w(buf_);
    if (count_ > 1) w.put(',');
    // The analysis gives only open suggestions; anything else would also need its quote (annotation_json)
    if (!write_file_suggestion(w, a)) w.value(json(a));
  }
  if (buf_.size() >= (1u << 20)) flush();
}

size_t StreamedLedeFile::finish() {
  flush();
  sink_(std::string_view(tail_).substr(kNoAnnotations.size() - 1));  // from the "]" on
  return count_ > kMaxAnnotations ? count_ - kMaxAnnotations : 0;
}

}  // namespace lede
