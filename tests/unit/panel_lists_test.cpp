// The side panel's lists (core/panel_lists.hpp): kept up to date from the change spans, they must
// be exactly the lists read afresh from every annotation, whatever the reader did.
#include <doctest/doctest.h>

#include <string>

#include "core/panel_lists.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "analyzer_support.hpp"
#include "test_support.hpp"
#endif

using namespace lede;

namespace {

std::string whole(const PanelLists& p) {
  auto list = [](const char* name, const std::vector<size_t>& v) {
    std::string out = name;
    for (size_t i : v) out += " " + std::to_string(i);
    return out + "\n";
  };
  std::string out;
  for (const PanelLists::Entity& e : p.entities)
    out += e.name + " | " + e.kind + " | " + e.role + " |" + list(" mentions", e.mentions) + list(" suggested", e.suggested);
  for (int k = 0; k < 3; ++k) out += list("suggested", p.suggested[k]);
  out += list("claims", p.claims) + list("numbers", p.numbers) + list("notes", p.notes);
  for (const std::string& s : p.claim_speaker) out += "said by " + s + "\n";
  for (const std::string& s : p.speakers) out += "speaker " + s + "\n";
  return out;
}

}  // namespace

#ifdef LEDE_WITH_ANALYSIS
TEST_CASE("panel lists: after any mix of changes, undo and redo they equal the lists read afresh") {
  Session s;
  open_analysed(s, read_source_file("assets/articles/dprk-missiles-un.txt"));
  REQUIRE(s.annotations.size() > 50);
  PanelLists p;
  REQUIRE(p.update(s));
  CHECK(p.read == s.annotations.size());
  REQUIRE(!p.entities.empty());
  REQUIRE(!p.speakers.empty());
  CHECK_FALSE(p.update(s));  // nothing changed
  const size_t partial = follow_random_steps(s, p, 11, 300, [&] { return whole(p); }, [&] {
    PanelLists fresh;
    fresh.update(s);
    return whole(fresh);
  });
  CHECK(partial > 200);  // most updates read only what their change touched
}
#endif
