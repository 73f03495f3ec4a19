// An annotation's details (the "attrs" object of the file formats), as typed fields.
//
// The analysis writes one set per suggestion, tens of thousands per long article: plain strings
// and numbers cost a fraction of what a JSON object per annotation costs (a map node per key and
// a heap string per value). Files may carry any other keys, or known keys in other shapes; those
// stay in `extra` exactly as read, so that reading and writing a file gives back the same JSON.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lede {

using json = nlohmann::json;

// A span an annotation points at besides its own: a claim's speaker or cue (code points).
struct SpanAttr {
  enum class State : uint8_t { absent, null, set };  // no key / "key": null / a span
  State state = State::absent;
  int64_t start = 0, end = 0;
  std::string text;
  std::string entity;  // the actor's entity when the span is one; empty = none
  bool is_set() const { return state == State::set; }
  // A span in the text; false for a name the reader typed (or one whose words went in a revision):
  // written as {"text"[, "entity"]} without offsets.
  bool has_offsets() const { return is_set() && start >= 0 && end >= start; }
  static SpanAttr named(std::string text, std::string entity = {}) {
    SpanAttr s;
    s.state = State::set;
    s.start = s.end = -1;
    s.text = std::move(text);
    s.entity = std::move(entity);
    return s;
  }
  static SpanAttr null_span() {  // written as "key": null (a claim without a named speaker or cue)
    SpanAttr s;
    s.state = State::null;
    return s;
  }
};

struct Attrs {
  // A typed field is written only when set: an empty string, a null value or approx = false
  // means "no such key".
  std::string kind;    // actor: person | organization | place; number: count, money, date, ...
  std::string entity;  // actor: the entity's canonical name
  std::string role;    // actor: "Kremlin spokesman"
  json value;          // number: its normalized value (number, string or [low, high])
  std::string counted, currency, unit;
  std::string bound;  // number: "min" | "max"
  bool approx = false;
  SpanAttr speaker, cue;  // claim
  json extra;             // every other key, as read (null when there is none)

  bool empty() const;
  // The JSON value under key (typed or extra); null when there is none.
  json get(const std::string& key) const;
  // A string value under key; empty when there is none or it is not a string.
  std::string str(const std::string& key) const;
  json as_json() const;
  bool operator==(const Attrs& o) const { return as_json() == o.as_json(); }
  bool operator!=(const Attrs& o) const { return !(*this == o); }
};

void to_json(json& j, const SpanAttr& s);  // {"start", "end", "text"[, "entity"]} or null
void to_json(json& j, const Attrs& a);     // an object, keys sorted as nlohmann::json sorts them
// From any JSON object: the keys in their expected shape become fields, the rest go to extra.
// A value that is not an object becomes an empty set (the file readers check that it is one).
void from_json(const json& j, Attrs& a);

}  // namespace lede
