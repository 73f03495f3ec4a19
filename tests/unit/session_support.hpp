// Helpers for tests that build a Session's annotations by the text they cover.
#pragma once
#include <cstdint>
#include <string>

#include <doctest/doctest.h>

#include "core/session.hpp"

// An annotation over the first occurrence of `quote` in the session's text (offsets in code
// points), accepted when the reader's own, an open suggestion when the analysis'.
inline lede::Annotation annotation_over(const lede::Session& s, const std::string& id, const std::string& label,
                                        const std::string& quote, lede::Origin origin) {
  size_t at = s.doc.text.find(quote);
  REQUIRE(at != std::string::npos);
  lede::Annotation an;
  an.id = id;
  an.label = label;
  an.origin = origin;
  an.status = origin == lede::Origin::user ? lede::Status::accepted : lede::Status::suggested;
  an.start = int64_t(s.index.to_cp(at));
  an.end = int64_t(s.index.to_cp(at + quote.size()));
  return an;
}

// A deterministic mix of the steps a reader takes (accept, reject, edit an entity or a count, move a
// span, mark a copy elsewhere, delete, a batch of several, undo, redo), for the tests that a view
// kept up to date from the change spans equals one built afresh. `seed` moves on with each step.
inline void random_step(lede::Session& s, uint64_t& seed) {
  using namespace lede;
  auto next = [&](uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return n ? (seed >> 33) % n : 0;
  };
  const int64_t length = int64_t(s.index.length());
  auto one_edit = [&](Change& c) {
    if (s.annotations.empty()) return;
    const Annotation& an = s.annotations[next(s.annotations.size())];
    for (const AnnotationEdit& e : c.edits)  // each annotation once per change
      if (e.before && e.before->id == an.id) return;
    Annotation now = an;
    switch (next(6)) {
      case 0: now.status = Status::accepted; break;
      case 1: now.status = Status::rejected; break;
      case 2:
        if (an.label == "number") now.attrs.counted = "thing " + std::to_string(next(3));
        else now.attrs.entity = "Someone " + std::to_string(next(5));
        break;
      case 3: now.end = std::min(length, std::max(now.start + 1, now.end + int64_t(next(7)) - 3)); break;
      case 4: {  // a copy of it marked elsewhere
        now.id = new_annotation_id(s);
        now.origin = Origin::user;
        now.status = Status::accepted;
        now.start = int64_t(next(uint64_t(std::max<int64_t>(1, length - 40))));
        now.end = now.start + 1 + int64_t(next(30));
        c.edits.push_back({std::nullopt, now});
        return;
      }
      default: c.edits.push_back({an, std::nullopt}); return;
    }
    c.edits.push_back({an, now});
  };
  uint64_t kind = next(10);
  if (kind == 8) { undo(s); return; }
  if (kind == 9) { redo(s); return; }
  Change c;
  c.what = "step";
  for (uint64_t n = kind == 7 ? 3 + next(15) : 1; n > 0; --n) one_edit(c);
  commit(s, std::move(c));
}

// Takes `steps` random steps and checks after each that `picture`, updated from the change spans,
// reads as one built afresh (`now()` and `fresh()` describe each as text). Returns how many
// updates read fewer than all the annotations.
template <class Picture, class Now, class Fresh>
size_t follow_random_steps(lede::Session& s, Picture& picture, uint64_t seed, int steps, Now now, Fresh fresh) {
  size_t partial = 0;
  for (int step = 0; step < steps; ++step) {
    random_step(s, seed);
    picture.update(s);
    partial += picture.read < s.annotations.size();
    INFO("step " << step);
    REQUIRE(now() == fresh());
  }
  return partial;
}
