// Helpers for tests that build a Session's annotations by the text they cover.
#pragma once
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
