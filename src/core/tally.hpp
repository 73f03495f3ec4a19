// The counts the status bar and the library list show of an article's annotations. The session
// keeps them up to date from each change's edits (session.cpp), so that a change frame does not
// recount a long article's 31k annotations (it did, six times, for the status bar and autosave).
#pragma once
#include <cstddef>
#include <vector>

#include "core/annotation.hpp"

namespace lede {

struct Tally {
  size_t accepted = 0, suggested = 0, rejected = 0;
  size_t claims = 0, checked = 0;  // claims not rejected, and those whose review is checked
  // Annotations the reader made or decided (accepted or rejected suggestions, their own marks).
  size_t decided() const { return accepted + rejected; }
  void add(const Annotation& an) { count(an, 1); }
  void remove(const Annotation& an) { count(an, size_t(-1)); }  // wraps back: unsigned arithmetic
  bool operator==(const Tally& o) const {
    return accepted == o.accepted && suggested == o.suggested && rejected == o.rejected && claims == o.claims && checked == o.checked;
  }

 private:
  void count(const Annotation& an, size_t one);
};

Tally tally_of(const std::vector<Annotation>& annotations);  // counted afresh

}  // namespace lede
