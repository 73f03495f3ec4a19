// The one way Lede parses JSON it did not write itself (annotation files, W3C files, `analyze
// --jsonl` lines): bounded nesting, no repeated keys, linear time, no exceptions escaping.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lede {

using json = nlohmann::json;

enum class JsonFault { none, too_deep, syntax, truncated, number_too_large, duplicate_key, out_of_memory };

struct JsonInput {
  bool ok = false;
  json value;             // discarded unless ok
  JsonFault fault = JsonFault::none;
  size_t byte = 0;        // where a syntax error was found (0-based)
  std::string key;        // the repeated key, for duplicate_key
};

// Parses bytes as one JSON value. Refuses nesting deeper than max_depth (checked before any value
// is built, so a 100,000-deep input costs one scan) and an object that repeats a key (parsers
// disagree on which one wins). Keys are checked per object by sorting them once at its end, so
// the whole parse is O(n log k), never quadratic.
JsonInput parse_json_input(std::string_view bytes, int max_depth);

// Deepest bracket nesting of JSON text (strings scanned correctly); stops counting past limit.
int json_nesting_depth(std::string_view json_text, int limit);

// 1-based line and column of a byte offset, for messages.
void json_line_col(std::string_view text, size_t byte, size_t* line, size_t* col);

}  // namespace lede
