// The one way Lede parses JSON it did not write itself (annotation files, W3C files, `analyze
// --jsonl` lines): bounded nesting, no repeated keys, linear time, no exceptions escaping.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  bool stopped = false;   // parse_json_streamed: on_item asked to stop
};

// Parses bytes as one JSON value. Refuses nesting deeper than max_depth (checked before any value
// is built, so a 100,000-deep input costs one scan) and an object that repeats a key (parsers
// disagree on which one wins). Keys are checked per object by sorting them once at its end, so
// the whole parse is O(n log k), never quadratic.
JsonInput parse_json_input(std::string_view bytes, int max_depth);

// The same parse and the same checks for input too large to hold as one tree (an annotation
// file of 200,000 annotations): the elements of the arrays `streamed` picks are handed to on_item
// one at a time, each as a small tree of its own that is not kept. `streamed(path)` is asked for
// every array outside such elements: path holds the member names leading to it from the top
// ({"annotations"}; "" for an array element; {} for the top level itself). Everything else is
// built into *rest (when rest is given), with the streamed arrays left empty. on_item returns
// false to stop early (JsonInput::stopped is then set; the input was fine up to there). Memory:
// the rest, one element, the keys of the open objects.
struct JsonStreamItem {
  const std::vector<std::string>& path;  // of its array
  size_t array = 0;                      // which streamed array, 0-based, in the order met
  size_t index = 0;                      // its index in that array
};
using JsonStreamPick = std::function<bool(const std::vector<std::string>& path)>;
using JsonItemFn = std::function<bool(const JsonStreamItem& at, json& item)>;
struct JsonStreamCounts {
  std::vector<std::pair<std::vector<std::string>, size_t>> arrays;  // path, length, in the order met
  size_t total() const {
    size_t n = 0;
    for (const auto& a : arrays) n += a.second;
    return n;
  }
};
JsonInput parse_json_streamed(std::string_view bytes, int max_depth, const JsonStreamPick& streamed,
                              const JsonItemFn& on_item, json* rest, JsonStreamCounts* counts = nullptr);

// Deepest bracket nesting of JSON text (strings scanned correctly); stops counting past limit.
int json_nesting_depth(std::string_view json_text, int limit);

// 1-based line and column of a byte offset, for messages.
void json_line_col(std::string_view text, size_t byte, size_t* line, size_t* col);

}  // namespace lede
