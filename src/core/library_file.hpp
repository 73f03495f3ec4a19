// The file File > Export library writes: every article of the library with its work, to move a
// library to another browser or keep a copy. Reading validates every article before any is used.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"

namespace lede {

inline constexpr const char* kLibraryFormat = "lede-library";
inline constexpr int kLibraryVersion = 1;

struct LibraryArticle {
  json meta;          // the library's entry: id, title, created, updated, deleted, ...
  std::string id;     // meta.id
  std::string updated;
  AnnotationSet set;  // the article and its work, validated as a .lede.json file
  std::string file;   // that file's JSON text
};

// All the articles of a library file, or false with a message naming the first bad one (by its
// JSON path) and nothing in *out.
bool read_library_file(std::string_view bytes, std::vector<LibraryArticle>* out, std::string* error);

}  // namespace lede
