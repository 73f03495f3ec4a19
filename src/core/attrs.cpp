#include "core/attrs.hpp"

namespace lede {

namespace {

// An integer that int64_t holds (a larger unsigned one would not write back the same).
bool is_int64(const json& v) {
  return v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX));
}

// A span object as the analysis writes it: integer start and end, a text, maybe a non-empty
// entity, and nothing else. Any other shape is kept as it is, in extra.
bool read_span(const json& v, SpanAttr* s) {
  if (v.is_null()) { s->state = SpanAttr::State::null; return true; }
  if (!v.is_object()) return false;
  auto st = v.find("start"), en = v.find("end"), tx = v.find("text"), ent = v.find("entity");
  const bool offsets = st != v.end() || en != v.end();
  if (tx == v.end() || !tx->is_string()) return false;
  if (offsets && (st == v.end() || !is_int64(*st) || st->get<int64_t>() < 0 || en == v.end() || !is_int64(*en))) return false;
  if (!offsets && tx->get_ref<const std::string&>().empty()) return false;
  size_t keys = offsets ? 3 : 1;
  if (ent != v.end()) {
    if (!ent->is_string() || ent->get_ref<const std::string&>().empty()) return false;
    ++keys;
  }
  if (v.size() != keys) return false;
  s->state = SpanAttr::State::set;
  s->start = offsets ? st->get<int64_t>() : -1;  // a typed name: no span (SpanAttr::named)
  s->end = offsets ? en->get<int64_t>() : -1;
  s->text = tx->get<std::string>();
  if (ent != v.end()) s->entity = ent->get<std::string>();
  return true;
}

// The typed string field named key (const or not), or null.
template <class A>
auto string_field(A& a, const std::string& key) -> decltype(&a.kind) {
  if (key == "kind") return &a.kind;
  if (key == "entity") return &a.entity;
  if (key == "role") return &a.role;
  if (key == "counted") return &a.counted;
  if (key == "currency") return &a.currency;
  if (key == "unit") return &a.unit;
  if (key == "bound") return &a.bound;
  return nullptr;
}

}  // namespace

void to_json(json& j, const SpanAttr& s) {
  if (s.state != SpanAttr::State::set) { j = nullptr; return; }
  json::object_t o;
  if (s.has_offsets()) o.emplace_hint(o.end(), "end", s.end);  // keys in ascending order: each one goes at the end
  if (!s.entity.empty()) o.emplace_hint(o.end(), "entity", s.entity);
  if (s.has_offsets()) o.emplace_hint(o.end(), "start", s.start);
  o.emplace_hint(o.end(), "text", s.text);
  j = std::move(o);
}

void to_json(json& j, const Attrs& a) {
  j = a.extra.is_object() ? a.extra : json::object();
  if (a.approx) j["approx"] = true;
  if (!a.bound.empty()) j["bound"] = a.bound;
  if (!a.counted.empty()) j["counted"] = a.counted;
  if (a.cue.state != SpanAttr::State::absent) j["cue"] = a.cue;
  if (!a.currency.empty()) j["currency"] = a.currency;
  if (!a.entity.empty()) j["entity"] = a.entity;
  if (!a.kind.empty()) j["kind"] = a.kind;
  if (!a.role.empty()) j["role"] = a.role;
  if (a.speaker.state != SpanAttr::State::absent) j["speaker"] = a.speaker;
  if (!a.unit.empty()) j["unit"] = a.unit;
  if (!a.value.is_null()) j["value"] = a.value;
}

void from_json(const json& j, Attrs& a) {
  a = Attrs();
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    bool typed = false;
    if (std::string* s = string_field(a, key)) {
      if (v.is_string() && !v.get_ref<const std::string&>().empty()) { *s = v.get<std::string>(); typed = true; }
    } else if (key == "approx") {
      if (v.is_boolean() && v.get<bool>()) { a.approx = true; typed = true; }
    } else if (key == "value") {
      if (!v.is_null()) { a.value = v; typed = true; }
    } else if (key == "speaker" || key == "cue") {
      typed = read_span(v, key == "speaker" ? &a.speaker : &a.cue);
    }
    if (!typed) {
      if (!a.extra.is_object()) a.extra = json::object();
      a.extra[key] = v;
    }
  }
}

bool Attrs::empty() const {
  return kind.empty() && entity.empty() && role.empty() && value.is_null() && counted.empty() && currency.empty() && unit.empty() &&
         bound.empty() && !approx && speaker.state == SpanAttr::State::absent && cue.state == SpanAttr::State::absent &&
         (!extra.is_object() || extra.empty());
}

json Attrs::get(const std::string& key) const {
  if (const std::string* s = string_field(*this, key)) {
    if (!s->empty()) return *s;
  } else if (key == "approx") {
    if (approx) return true;
  } else if (key == "value") {
    if (!value.is_null()) return value;
  } else if (key == "speaker" || key == "cue") {
    const SpanAttr& sp = key == "speaker" ? speaker : cue;
    if (sp.state != SpanAttr::State::absent) return json(sp);
  }
  if (extra.is_object()) {
    auto it = extra.find(key);
    if (it != extra.end()) return *it;
  }
  return json();
}

std::string Attrs::str(const std::string& key) const {
  if (const std::string* s = string_field(*this, key))
    if (!s->empty()) return *s;
  if (extra.is_object()) {
    auto it = extra.find(key);
    if (it != extra.end() && it->is_string()) return it->get<std::string>();
  }
  return std::string();
}

json Attrs::as_json() const { return json(*this); }

}  // namespace lede
