#pragma once
// One Analyzer for every analysis test: it loads the lexicons and the model once per test binary.
#include "core/analysis/analyze.hpp"

inline const lede::Analyzer& analyzer() {
  static const lede::Analyzer a;
  return a;
}

#include <string>

#include "core/kinds.hpp"
#include "core/session.hpp"

// A session on `text` with the analysis' suggestions, as the reader opens an article.
inline void open_analysed(lede::Session& s, const std::string& text, const std::string& published = {}) {
  lede::Document doc;
  doc.text = text;
  doc.meta.published = published;
  lede::session_open(s, std::move(doc), lede::builtin_labels(), {});
  lede::add_suggestions(s, analyzer().analyze(text));
}
