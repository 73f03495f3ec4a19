#include "core/kinds.hpp"

#include <cstdio>

#include "core/dates.hpp"

namespace lede {

const Kind* kind_of(std::string_view label) {
  for (const Kind& k : kKinds)
    if (k.label == label) return &k;
  return nullptr;
}

std::string number_value_text(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
    return buf;
  }
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string claim_speaker(const Attrs& t) {
  if (t.speaker.is_set()) return t.speaker.entity.empty() ? t.speaker.text : t.speaker.entity;
  json other = t.get("speaker");  // one in another shape, from a file
  return other.is_object() ? other.value("entity", other.value("text", "")) : "";
}

std::string claim_cue(const Attrs& t) {
  if (t.cue.is_set()) return t.cue.text;
  json other = t.get("cue");
  return other.is_object() ? other.value("text", "") : "";
}

std::string resolved_date(const Attrs& t, std::string_view published) {
  Ymd ref;
  if (published.empty() || !t.value.is_string() || !parse_iso_date(published, &ref)) return "";
  const std::string v = t.value.get<std::string>();
  std::string r = resolve_date_value(v, t.kind, ref);
  return r == v ? "" : r;
}

std::string kind_summary(std::string_view label, const Attrs& t, std::string_view published) {
  const Kind* k = kind_of(label);
  if (!k) return "";
  auto add = [](std::string& s, const std::string& part) {
    if (part.empty()) return;
    s += (s.empty() ? "" : " \u00B7 ") + part;
  };
  std::string s;
  switch (k->id) {
    case KindId::actor:
      add(s, t.str("kind"));
      add(s, t.str("entity"));
      add(s, t.str("role"));
      break;
    case KindId::claim: {
      // A speaker span, or "speaker": null (or another shape) for a claim whose speaker is not named.
      if (t.speaker.is_set() || t.get("speaker").is_object()) s = "speaker: " + claim_speaker(t);
      else if (t.speaker.state == SpanAttr::State::null || (t.extra.is_object() && t.extra.contains("speaker"))) s = "speaker: not named";
      std::string cue = claim_cue(t);
      if (!cue.empty()) add(s, "cue: " + cue);
      break;
    }
    case KindId::number: {
      add(s, t.str("kind"));
      json v = t.get("value");
      if (!v.is_null()) add(s, number_value_text(v));
      std::string on = resolved_date(t, published);
      if (!on.empty()) s += " = " + on;
      if (!t.str("currency").empty()) s += " " + t.str("currency");
      if (!t.str("unit").empty()) s += " " + t.str("unit");
      if (!t.str("counted").empty()) add(s, "counts " + t.str("counted"));
      json approx = t.get("approx");
      if (approx.is_boolean() && approx.get<bool>()) add(s, "approximate");
      if (t.str("bound") == "min") add(s, "at least");
      if (t.str("bound") == "max") add(s, "at most");
      break;
    }
  }
  return s;
}

}  // namespace lede
