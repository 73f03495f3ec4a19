#pragma once
// One Analyzer for every analysis test: it loads the lexicons and the model once per test binary.
#include "core/analysis/analyze.hpp"

inline const lede::Analyzer& analyzer() {
  static const lede::Analyzer a;
  return a;
}
