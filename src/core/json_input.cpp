#include "core/json_input.hpp"

#include <algorithm>
#include <new>
#include <vector>

namespace lede {

namespace {

// nlohmann's own DOM builder, with a check of each object's keys added around it.
class StrictSax {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  StrictSax(json& root, int max_depth, size_t size) : dom_(root, false), max_depth_(max_depth), size_(size) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) { return dom_.number_float(v, s); }
  bool string(string_t& v) { return dom_.string(v); }
  bool binary(binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) {
    if (!deeper()) return false;
    if (keys_.size() < depth_) keys_.resize(depth_);
    keys_[depth_ - 1].clear();
    return dom_.start_object(n);
  }
  bool key(string_t& k) {
    keys_[depth_ - 1].push_back(k);
    return dom_.key(k);
  }
  bool end_object() {
    std::vector<std::string>& ks = keys_[depth_ - 1];
    // Sorting once per object keeps an object of a million keys O(k log k).
    std::sort(ks.begin(), ks.end());
    auto dup = std::adjacent_find(ks.begin(), ks.end());
    if (dup != ks.end()) {
      result_.fault = JsonFault::duplicate_key;
      result_.key = *dup;
      return false;
    }
    ks.clear();
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return deeper() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  template <class Exception>
  bool parse_error(std::size_t pos, const std::string& token, const Exception& ex) {
    result_.byte = pos > 0 ? pos - 1 : 0;
    if (ex.id == 406) result_.fault = JsonFault::number_too_large;  // out_of_range: number overflow
    // Input that ends inside a string is cut short too, not only input that ends between values.
    else if (std::string(ex.what()).find("unexpected end of input") != std::string::npos ||
             (pos >= size_ && std::string(ex.what()).find("missing closing quote") != std::string::npos))
      result_.fault = JsonFault::truncated;
    else result_.fault = JsonFault::syntax;
    (void)token;
    return false;
  }
  bool is_errored() const { return result_.fault != JsonFault::none; }

  JsonInput result_;

 private:
  bool deeper() {
    if (++depth_ > size_t(max_depth_)) {
      result_.fault = JsonFault::too_deep;
      return false;
    }
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int max_depth_;
  size_t size_;
  size_t depth_ = 0;
  std::vector<std::vector<std::string>> keys_;  // per open object, reused level by level
};

}  // namespace

int json_nesting_depth(std::string_view s, int limit) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

void json_line_col(std::string_view s, size_t pos, size_t* line, size_t* col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') { ++*line; *col = 1; }
    else ++*col;
  }
}

JsonInput parse_json_input(std::string_view bytes, int max_depth) {
  // The depth check runs first, on the raw text: nothing is built for a hostile nesting.
  if (json_nesting_depth(bytes, max_depth) > max_depth) {
    JsonInput r;
    r.fault = JsonFault::too_deep;
    return r;
  }
  json root;
  StrictSax sax(root, max_depth, bytes.size());
  bool ok = false;
  try {
    ok = json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::json, true);
  } catch (const std::bad_alloc&) {
    sax.result_.fault = JsonFault::out_of_memory;
  } catch (const std::exception&) {
    if (sax.result_.fault == JsonFault::none) sax.result_.fault = JsonFault::syntax;
  }
  JsonInput r = std::move(sax.result_);
  if (ok && r.fault == JsonFault::none) {
    r.ok = true;
    r.value = std::move(root);
  }
  return r;
}

}  // namespace lede
