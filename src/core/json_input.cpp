#include "core/json_input.hpp"

#include <algorithm>
#include <new>
#include <optional>
#include <vector>

namespace lede {

namespace {

using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

// nlohmann's own DOM builder, with a check of each object's keys added around it. Events go to
// the tree of the rest, or, inside an element of a streamed array, to that element's own tree.
class StrictSax {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  StrictSax(json* rest, int max_depth, size_t size, const JsonStreamPick* streamed, const JsonItemFn* on_item,
            JsonStreamCounts* counts)
      : max_depth_(max_depth), size_(size), streamed_(streamed), on_item_(on_item), counts_(counts) {
    if (rest) rest_.emplace(*rest, false);
  }

  bool null() { return scalar([](DomParser& d) { return d.null(); }); }
  bool boolean(bool v) { return scalar([&](DomParser& d) { return d.boolean(v); }); }
  bool number_integer(number_integer_t v) { return scalar([&](DomParser& d) { return d.number_integer(v); }); }
  bool number_unsigned(number_unsigned_t v) { return scalar([&](DomParser& d) { return d.number_unsigned(v); }); }
  bool number_float(number_float_t v, const string_t& s) { return scalar([&](DomParser& d) { return d.number_float(v, s); }); }
  bool string(string_t& v) { return scalar([&](DomParser& d) { return d.string(v); }); }
  bool binary(binary_t& v) { return scalar([&](DomParser& d) { return d.binary(v); }); }
  bool start_object(std::size_t n) {
    if (!open(true)) return false;
    if (keys_.size() < depth_) keys_.resize(depth_);
    keys_[depth_ - 1].clear();
    return to([&](DomParser& d) { return d.start_object(n); });
  }
  bool key(string_t& k) {
    keys_[depth_ - 1].push_back(k);
    if (item_depth_ == 0) path_.back() = k;
    return to([&](DomParser& d) { return d.key(k); });
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
    return close([](DomParser& d) { return d.end_object(); });
  }
  bool start_array(std::size_t n) {
    if (!open(false)) return false;
    if (!to([&](DomParser& d) { return d.start_array(n); })) return false;
    if (item_depth_ == 0 && stream_depth_ == 0 && streamed_ && *streamed_) {
      std::vector<std::string> at(path_.begin(), path_.end() - 1);  // the names leading to this array
      if ((*streamed_)(at)) {
        stream_depth_ = depth_;
        stream_path_ = std::move(at);
        stream_index_ = 0;
      }
    }
    return true;
  }
  bool end_array() {
    if (depth_ == stream_depth_ && item_depth_ == 0) {
      if (counts_) counts_->arrays.emplace_back(stream_path_, stream_index_);
      ++stream_array_;
      stream_depth_ = 0;
    }
    return close([](DomParser& d) { return d.end_array(); });
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
  // A value directly inside a streamed array starts an element.
  bool at_stream_level() const { return stream_depth_ != 0 && item_depth_ == 0 && depth_ == stream_depth_; }
  void begin_item() {
    item_ = json();
    item_dom_.emplace(item_, false);
  }
  bool end_item() {
    bool go = (*on_item_)(JsonStreamItem{stream_path_, stream_array_, stream_index_++}, item_);
    item_dom_.reset();
    item_ = json();
    if (!go) result_.stopped = true;
    return go;
  }
  bool streaming_items() const { return on_item_ && *on_item_; }
  // Sends an event to the tree it belongs to (none: the part is not built in this pass).
  template <class F>
  bool to(F&& f) {
    if (item_depth_ != 0) return item_dom_ ? f(*item_dom_) : true;
    return rest_ ? f(*rest_) : true;
  }
  template <class F>
  bool scalar(F&& f) {
    if (!at_stream_level()) return to(f);
    if (!streaming_items()) {  // counted, not built
      ++stream_index_;
      return true;
    }
    begin_item();
    return f(*item_dom_) && end_item();
  }
  bool open(bool object) {
    bool starts_item = at_stream_level();
    if (++depth_ > size_t(max_depth_)) {
      result_.fault = JsonFault::too_deep;
      return false;
    }
    if (starts_item) {
      item_depth_ = depth_;
      if (streaming_items()) begin_item();
    }
    if (item_depth_ == 0) path_.emplace_back();  // the name of the member (or "" for an element) opened next
    return true;
  }
  template <class F>
  bool close(F&& f) {
    bool ok = to(f);
    bool ends_item = depth_ == item_depth_;
    if (item_depth_ == 0) path_.pop_back();
    --depth_;
    if (!ok || !ends_item) return ok;
    item_depth_ = 0;
    if (!streaming_items()) {
      ++stream_index_;
      return true;
    }
    return end_item();
  }

  std::optional<DomParser> rest_;
  int max_depth_;
  size_t size_;
  const JsonStreamPick* streamed_;
  const JsonItemFn* on_item_;
  JsonStreamCounts* counts_;
  size_t depth_ = 0;
  std::vector<std::vector<std::string>> keys_;  // per open object, reused level by level
  std::vector<std::string> path_;               // per open container outside elements: the member being read
  size_t stream_depth_ = 0;                     // depth of the streamed array being read, 0: none
  std::vector<std::string> stream_path_;
  size_t stream_array_ = 0, stream_index_ = 0;
  size_t item_depth_ = 0;                       // depth of the element being read, 0: none
  json item_;
  std::optional<DomParser> item_dom_;
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

JsonInput parse_json_streamed(std::string_view bytes, int max_depth, const JsonStreamPick& streamed,
                              const JsonItemFn& on_item, json* rest, JsonStreamCounts* counts) {
  // The depth check runs first, on the raw text: nothing is built for a hostile nesting.
  if (json_nesting_depth(bytes, max_depth) > max_depth) {
    JsonInput r;
    r.fault = JsonFault::too_deep;
    return r;
  }
  StrictSax sax(rest, max_depth, bytes.size(), &streamed, &on_item, counts);
  bool ok = false;
  try {
    ok = json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::json, true);
  } catch (const std::bad_alloc&) {
    sax.result_.fault = JsonFault::out_of_memory;
  } catch (const std::exception&) {
    if (sax.result_.fault == JsonFault::none && !sax.result_.stopped) sax.result_.fault = JsonFault::syntax;
  }
  JsonInput r = std::move(sax.result_);
  r.ok = (ok || r.stopped) && r.fault == JsonFault::none;
  return r;
}

JsonInput parse_json_input(std::string_view bytes, int max_depth) {
  json root;
  JsonInput r = parse_json_streamed(bytes, max_depth, nullptr, nullptr, &root);
  if (r.ok) r.value = std::move(root);
  return r;
}

}  // namespace lede
