// What each built-in kind of annotation is: its label id, name, colour, side panel, layer switch
// and the one-line summary of its details. The page, the panels, the menus, the analysis merge and
// `lede eval` read this table instead of spelling "actor", "claim" and "number" themselves.
#pragma once
#include <string>
#include <string_view>

#include "core/attrs.hpp"

namespace lede {

enum class KindId : int { actor = 0, claim = 1, number = 2 };
inline constexpr int kKindCount = 3;

struct Kind {
  KindId id;
  std::string_view label;   // the Label::id annotations of this kind carry
  std::string_view name;    // shown in menus and the legend
  std::string_view plural;  // "Actors": the side panel's tab, the View menu's layer switch
  std::string_view color;   // "#RRGGBB", Paul Tol's "bright" scheme (colour-vision safe)
  std::string_view noun;    // "actor suggestions" and the like: what a bulk action counts
};

inline constexpr Kind kKinds[kKindCount] = {
    {KindId::actor, "actor", "Actor", "Actors", "#4477AA", "actor"},
    {KindId::claim, "claim", "Claim", "Claims", "#EE6677", "claim"},
    {KindId::number, "number", "Number", "Numbers", "#228833", "number"},
};

// The kind of a label id; nullptr for the reader's own labels.
const Kind* kind_of(std::string_view label);
inline int kind_index(std::string_view label) {
  const Kind* k = kind_of(label);
  return k ? int(k->id) : -1;
}
inline const Kind& kind(KindId id) { return kKinds[int(id)]; }

// A number's value as text: integers without a decimal point, reals with up to 15 digits, ranges
// as [low, high].
std::string number_value_text(const json& v);
// A date or time number's value placed on the calendar against the article's publication date
// ("rel:day-1" -> "2024-01-04"), when the value is relative and the date is known and placeable;
// empty otherwise (absolute values show as they are).
std::string resolved_date(const Attrs& attrs, std::string_view published);
// One line describing an annotation's details (kind, entity, role; speaker, cue; value, unit,
// counted noun...), empty for the reader's own labels. published (the article's date) resolves
// relative dates.
std::string kind_summary(std::string_view label, const Attrs& attrs, std::string_view published = {});
// A claim's speaker (its entity when linked, else its words) and cue, in whatever shape the file
// gave them; empty when there is none.
std::string claim_speaker(const Attrs& attrs);
std::string claim_cue(const Attrs& attrs);

}  // namespace lede
