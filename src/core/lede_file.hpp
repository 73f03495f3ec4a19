// Reading and writing .lede.json files (format described in docs/file-format.md).
// Reading validates everything and reports problems with their JSON path; a file with any
// problem yields nothing, so a caller never half-applies a bad file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"

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
  AnnotationSet set;
  std::vector<Problem> problems;
  // One user-facing paragraph: the first problems, each as "path: message".
  std::string summary(size_t max_items = 3) const;
};

LoadResult read_lede_file(std::string_view bytes);
std::string write_lede_file(const AnnotationSet& set, const std::string& generator);
json lede_file_json(const AnnotationSet& set, const std::string& generator);

}  // namespace lede
