// Reading and writing .lede.json files (format described in docs/file-format.md, schema in
// docs/lede-annotations.schema.json).
// Reading validates everything and reports problems with their JSON path; a file with any
// problem yields nothing, so a caller never half-applies a bad file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"
#include "core/text.hpp"

namespace lede {

inline constexpr const char* kFormatName = "lede-annotations";
inline constexpr int kFormatVersion = 1;
inline constexpr size_t kMaxFileBytes = 50u << 20;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr size_t kQuoteContext = 32;  // code points of prefix/suffix kept around each quote

struct Problem {
  std::string path;  // JSON path, e.g. "annotations[3].end"; empty for the file as a whole
  std::string message;
};

struct LoadResult {
  bool ok = false;
  AnnotationSet set;  // empty unless ok; set.orphans holds the file's "orphans" array
  std::vector<Problem> problems;
  std::string generator;  // the file's "generator" (informational), empty if absent
  // One user-facing paragraph: the first problems, each as "path: message".
  std::string summary(size_t max_items = 3) const;
};

// Parses and validates a whole file. Never throws; at most 20 problems are collected.
LoadResult read_lede_file(std::string_view bytes);
// The file for `set`: quotes of placed annotations are recomputed from the text; orphans are
// written with the quote they carry.
std::string write_lede_file(const AnnotationSet& set, const std::string& generator);
json lede_file_json(const AnnotationSet& set, const std::string& generator);

// Deepest bracket nesting of JSON text (strings scanned correctly); stops counting past limit.
int json_nesting_depth(std::string_view json_text, int limit);

// The quote (exact, prefix and suffix of kQuoteContext code points) of [start, end) in text.
TextQuote quote_at(std::string_view text, const TextIndex& index, size_t start, size_t end);

}  // namespace lede
