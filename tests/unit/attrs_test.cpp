// Annotation details: typed fields for what the analysis writes, everything else kept as read.
#include <doctest/doctest.h>

#include "core/attrs.hpp"

using lede::Attrs;
using lede::json;
using lede::SpanAttr;

namespace {
json round_trip(const json& j) { return json(j.get<Attrs>()); }
}  // namespace

TEST_CASE("attrs: what the analysis writes lands in typed fields and reads back the same") {
  json actor = {{"kind", "person"}, {"entity", "Antony Blinken"}, {"role", "U.S. Secretary of State"}};
  Attrs a = actor.get<Attrs>();
  CHECK(a.kind == "person");
  CHECK(a.entity == "Antony Blinken");
  CHECK(a.role == "U.S. Secretary of State");
  CHECK(a.extra.is_null());
  CHECK(json(a) == actor);

  json number = {{"kind", "count"}, {"value", 127}, {"counted", "injuries"}, {"bound", "min"}, {"approx", true},
                 {"currency", "USD"}, {"unit", "%"}};
  Attrs n = number.get<Attrs>();
  CHECK(n.value == 127);
  CHECK(n.approx);
  CHECK(n.bound == "min");
  CHECK(n.counted == "injuries");
  CHECK(n.extra.is_null());
  CHECK(json(n) == number);

  json claim = {{"speaker", {{"start", 0}, {"end", 7}, {"text", "Blinken"}, {"entity", "Antony Blinken"}}},
                {"cue", {{"start", 8}, {"end", 14}, {"text", "argued"}}}};
  Attrs c = claim.get<Attrs>();
  REQUIRE(c.speaker.is_set());
  CHECK(c.speaker.start == 0);
  CHECK(c.speaker.end == 7);
  CHECK(c.speaker.entity == "Antony Blinken");
  CHECK(c.cue.text == "argued");
  CHECK(c.cue.entity.empty());
  CHECK(c.extra.is_null());
  CHECK(json(c).dump() == claim.dump());  // same keys, same order, same number types

  json unnamed = {{"speaker", nullptr}, {"cue", nullptr}};
  Attrs u = unnamed.get<Attrs>();
  CHECK(u.speaker.state == SpanAttr::State::null);
  CHECK(json(u) == unnamed);
}

TEST_CASE("attrs: other keys and other shapes of known keys are kept exactly") {
  const json odd[] = {
      json::object(),
      {{"kind", ""}},                                        // an empty string is not "no kind"
      {{"kind", 5}},                                         // not a string
      {{"approx", false}},                                   // false is written, so it is kept
      {{"value", nullptr}},                                  // an explicit null
      {{"value", json::array({1, 2})}, {"note2", "x"}},      // a range and an unknown key
      {{"speaker", {{"text", "Blinken"}}}},                  // a span without offsets (re-anchoring drops them)
      {{"speaker", {{"start", 1}, {"end", 2}, {"text", "a"}, {"extra", true}}}},  // a span with more keys
      {{"cue", {{"start", 1.5}, {"end", 2}, {"text", "a"}}}},                    // offsets that are not integers
      {{"speaker", {{"start", 1}, {"end", 2}, {"text", "a"}, {"entity", ""}}}},  // an empty entity
      {{"speaker", "the minister"}},                                             // a plain string
      {{"speaker", {{"start", 9223372036854775808ull}, {"end", 1}, {"text", "a"}}}},  // past int64_t
      {{"nested", {{"x", json::array({1, {{"y", nullptr}}})}}}, {"entity", "NATO"}},
  };
  for (const json& j : odd) {
    CAPTURE(j.dump());
    CHECK(round_trip(j).dump() == j.dump());
  }
  // a key is read into one place only: typed, or extra
  Attrs a = json{{"kind", 5}, {"entity", "NATO"}}.get<Attrs>();
  CHECK(a.kind.empty());
  CHECK(a.extra == json{{"kind", 5}});
  CHECK(a.entity == "NATO");
  CHECK(a.get("kind") == 5);
  CHECK(a.str("kind").empty());
  CHECK(a.str("entity") == "NATO");
  CHECK(a.get("missing").is_null());
}

TEST_CASE("attrs: empty means no key at all") {
  CHECK(Attrs().empty());
  CHECK(json(Attrs()) == json::object());
  CHECK_FALSE(json{{"approx", false}}.get<Attrs>().empty());
  CHECK_FALSE(json{{"speaker", nullptr}}.get<Attrs>().empty());
  CHECK(json("not an object").get<Attrs>().empty());
}
