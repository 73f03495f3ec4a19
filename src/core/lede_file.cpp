#include "core/lede_file.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_set>

#include "core/sha256.hpp"
#include "core/text.hpp"

namespace lede {

std::string LoadResult::summary(size_t max_items) const {
  std::string s;
  for (size_t i = 0; i < problems.size() && i < max_items; ++i) {
    if (!s.empty()) s += "\n";
    s += problems[i].path.empty() ? problems[i].message : problems[i].path + ": " + problems[i].message;
  }
  if (problems.size() > max_items) s += "\n(" + std::to_string(problems.size() - max_items) + " more problems)";
  return s;
}

namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a fractional number";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a number";
    default: return "an unsupported value";
  }
}

// Deepest bracket nesting, scanning strings correctly; stops early once past the limit.
int json_depth(std::string_view s, int limit) {
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

void line_col(std::string_view s, size_t pos, size_t* line, size_t* col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') { ++*line; *col = 1; }
    else ++*col;
  }
}

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// Collects problems while walking the parsed value.
struct Checker {
  std::vector<Problem> problems;
  static constexpr size_t kMaxProblems = 20;

  bool full() const { return problems.size() >= kMaxProblems; }
  void add(std::string path, std::string msg) {
    if (!full()) problems.push_back({std::move(path), std::move(msg)});
  }

  // Field lookups that report what is wrong. Each returns nullptr when the caller can't go on.
  const json* field(const json& obj, const std::string& path, const char* key, json::value_t want,
                    const char* want_name, bool required) {
    auto it = obj.find(key);
    std::string p = path.empty() ? key : path + "." + key;
    if (it == obj.end()) {
      if (required) add(p, std::string("is missing (expected ") + want_name + ")");
      return nullptr;
    }
    bool ok = it->type() == want ||
              (want == json::value_t::number_integer && it->type() == json::value_t::number_unsigned);
    if (!ok) {
      if (want == json::value_t::number_integer && it->is_number_float())
        add(p, "must be a whole number, found " + it->dump());
      else
        add(p, std::string("must be ") + want_name + ", found " + type_name(*it));
      return nullptr;
    }
    return &*it;
  }
  const json* str(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::string, "a string", required);
  }
  const json* obj(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::object, "an object", required);
  }
  const json* arr(const json& o, const std::string& path, const char* key, bool required) {
    return field(o, path, key, json::value_t::array, "an array", required);
  }
  // A non-negative integer offset or count.
  bool count(const json& o, const std::string& path, const char* key, int64_t* out) {
    const json* v = field(o, path, key, json::value_t::number_integer, "a whole number", true);
    if (!v) return false;
    std::string p = path.empty() ? key : path + "." + key;
    if (v->is_number_unsigned()) {
      if (v->get<uint64_t>() > (uint64_t(1) << 53)) { add(p, "is too large (" + v->dump() + ")"); return false; }
      *out = static_cast<int64_t>(v->get<uint64_t>());
      return true;
    }
    int64_t n = v->get<int64_t>();
    if (n < 0) { add(p, "must not be negative, found " + std::to_string(n)); return false; }
    *out = n;
    return true;
  }
};

std::string in_quotes(const std::string& s, size_t max = 40) {
  std::string t = s.size() > max ? s.substr(0, max) + "..." : s;
  return "\"" + t + "\"";
}

}  // namespace

LoadResult read_lede_file(std::string_view bytes) {
  LoadResult r;
  auto fail = [&](std::string msg) {
    r.problems.push_back({"", std::move(msg)});
    return r;
  };
  if (bytes.empty()) return fail("The file is empty.");
  if (bytes.size() > kMaxFileBytes)
    return fail("The file is too large (" + std::to_string(bytes.size() >> 20) + " MB); the limit is " +
                std::to_string(kMaxFileBytes >> 20) + " MB.");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    return fail("The file starts with a byte-order mark (BOM). Lede files are UTF-8 JSON without a BOM.");
  size_t bad = 0;
  if (!utf8_valid(bytes, &bad))
    return fail("The file is not valid UTF-8 (invalid byte at offset " + std::to_string(bad) + ").");
  if (json_depth(bytes, kMaxJsonDepth) > kMaxJsonDepth)
    return fail("The JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                " levels deep; a Lede file never is.");

  json root;
  try {
    root = json::parse(bytes.begin(), bytes.end());
  } catch (const json::parse_error& e) {
    size_t line, col;
    line_col(bytes, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    std::string where = " (line " + std::to_string(line) + ", column " + std::to_string(col) + ")";
    if (e.byte >= bytes.size())
      return fail("This is not complete JSON: the file ends unexpectedly" + where + ". It may be truncated.");
    return fail("This is not a JSON file: it has a syntax error" + where + ".");
  }

  Checker c;
  if (!root.is_object())
    return fail(std::string("The top level must be a JSON object, found ") + type_name(root) +
                ". This is not a Lede annotation file.");

  // format and version first: for a file of another kind, nothing else is worth reporting.
  auto fmt = root.find("format");
  if (fmt == root.end())
    return fail("\"format\" is missing: this JSON file is not a Lede annotation file.");
  if (!fmt->is_string() || fmt->get<std::string>() != kFormatName)
    return fail("format is " + fmt->dump() + ", expected \"" + kFormatName + "\": this is not a Lede annotation file.");
  auto ver = root.find("version");
  if (ver == root.end()) return fail("version is missing (expected " + std::to_string(kFormatVersion) + ").");
  if (!ver->is_number_integer())
    return fail("version must be a whole number, found " + ver->dump() + ".");
  if (ver->get<int64_t>() != kFormatVersion) {
    int64_t v = ver->get<int64_t>();
    return fail("version " + std::to_string(v) + " is not supported: this Lede reads version " +
                std::to_string(kFormatVersion) + (v > kFormatVersion ? " (the file was made by a newer Lede)." : "."));
  }

  AnnotationSet& set = r.set;
  int64_t length = -1;
  if (const json* doc = c.obj(root, "", "document", true)) {
    if (const json* t = c.str(*doc, "document", "text", true)) set.document.text = t->get<std::string>();
    if (const json* t = c.str(*doc, "document", "title", false)) set.document.title = t->get<std::string>();
    size_t actual = utf8_length(set.document.text);
    int64_t declared;
    if (doc->contains("length") && c.count(*doc, "document", "length", &declared) && declared != int64_t(actual))
      c.add("document.length", "is " + std::to_string(declared) + " but the text has " + std::to_string(actual) +
                                   " code points");
    if (const json* h = c.str(*doc, "document", "sha256", false)) {
      std::string want = sha256_hex(set.document.text);
      if (h->get<std::string>() != want)
        c.add("document.sha256", "does not match the text (the text was changed after the file was saved)");
    }
    length = int64_t(actual);
  }

  std::set<std::string> label_ids;
  if (root.contains("labels")) {
    if (const json* labels = c.arr(root, "", "labels", false)) {
      for (size_t i = 0; i < labels->size() && !c.full(); ++i) {
        const json& l = (*labels)[i];
        std::string p = "labels[" + std::to_string(i) + "]";
        if (!l.is_object()) { c.add(p, std::string("must be an object, found ") + type_name(l)); continue; }
        Label lab;
        if (const json* v = c.str(l, p, "id", true)) lab.id = v->get<std::string>();
        if (const json* v = c.str(l, p, "name", true)) lab.name = v->get<std::string>();
        if (const json* v = c.str(l, p, "color", true)) {
          lab.color = v->get<std::string>();
          if (!is_hex_color(lab.color)) c.add(p + ".color", "must look like \"#RRGGBB\", found " + in_quotes(lab.color));
        }
        if (l.contains("id") && l["id"].is_string()) {
          if (lab.id.empty()) c.add(p + ".id", "must not be empty");
          else if (!label_ids.insert(lab.id).second) c.add(p + ".id", "duplicates the label id " + in_quotes(lab.id));
        }
        set.labels.push_back(std::move(lab));
      }
    }
  }
  if (set.labels.empty()) {
    set.labels = builtin_labels();
    for (auto& l : set.labels) label_ids.insert(l.id);
  }

  TextIndex index(set.document.text);
  std::unordered_set<std::string> ids;
  if (const json* anns = c.arr(root, "", "annotations", true)) {
    set.annotations.reserve(anns->size());
    for (size_t i = 0; i < anns->size() && !c.full(); ++i) {
      const json& a = (*anns)[i];
      std::string p = "annotations[" + std::to_string(i) + "]";
      if (!a.is_object()) { c.add(p, std::string("must be an object, found ") + type_name(a)); continue; }
      Annotation an;
      size_t before = c.problems.size();
      if (const json* v = c.str(a, p, "id", true)) {
        an.id = v->get<std::string>();
        if (an.id.empty()) c.add(p + ".id", "must not be empty");
        else if (!ids.insert(an.id).second) c.add(p + ".id", "duplicates the id " + in_quotes(an.id) + " of an earlier annotation");
      }
      if (const json* v = c.str(a, p, "label", true)) {
        an.label = v->get<std::string>();
        if (!label_ids.count(an.label)) c.add(p + ".label", in_quotes(an.label) + " is not one of the file's labels");
      }
      if (const json* v = c.str(a, p, "origin", false))
        if (!parse_origin(v->get<std::string>(), &an.origin))
          c.add(p + ".origin", "must be \"user\" or \"auto\", found " + in_quotes(v->get<std::string>()));
      if (const json* v = c.str(a, p, "status", false))
        if (!parse_status(v->get<std::string>(), &an.status))
          c.add(p + ".status", "must be \"suggested\", \"accepted\" or \"rejected\", found " + in_quotes(v->get<std::string>()));
      bool have_start = c.count(a, p, "start", &an.start);
      bool have_end = c.count(a, p, "end", &an.end);
      if (have_start && have_end && length >= 0) {
        if (an.start > an.end)
          c.add(p, "start (" + std::to_string(an.start) + ") is after end (" + std::to_string(an.end) + ")");
        else if (an.end > length)
          c.add(p + ".end", "(" + std::to_string(an.end) + ") is past the end of the text (" + std::to_string(length) + ")");
      }
      if (const json* v = c.str(a, p, "note", false)) an.note = v->get<std::string>();
      if (const json* v = c.obj(a, p, "attrs", false)) an.attrs = *v;
      if (const json* v = c.str(a, p, "created", false)) an.created = v->get<std::string>();
      if (const json* v = c.str(a, p, "modified", false)) an.modified = v->get<std::string>();
      if (const json* q = c.obj(a, p, "quote", false)) {
        if (const json* ex = c.str(*q, p + ".quote", "exact", true)) {
          if (c.problems.size() == before) {
            std::string at = cp_substr(set.document.text, index, size_t(an.start), size_t(an.end));
            if (at != ex->get<std::string>())
              c.add(p + ".quote.exact", in_quotes(ex->get<std::string>()) + " does not match the text at " +
                                            std::to_string(an.start) + ".." + std::to_string(an.end) + " (" + in_quotes(at) + ")");
          }
        }
      }
      set.annotations.push_back(std::move(an));
    }
  }
  r.problems = std::move(c.problems);
  r.ok = r.problems.empty();
  if (!r.ok) r.set = AnnotationSet{};
  return r;
}

json lede_file_json(const AnnotationSet& set, const std::string& generator) {
  const std::string& text = set.document.text;
  TextIndex index(text);
  json anns = json::array();
  for (const Annotation& a : set.annotations) {
    json j = a;
    size_t s = size_t(a.start), e = size_t(a.end);
    size_t ps = s > kQuoteContext ? s - kQuoteContext : 0;
    j["quote"] = json{{"exact", cp_substr(text, index, s, e)},
                      {"prefix", cp_substr(text, index, ps, s)},
                      {"suffix", cp_substr(text, index, e, e + kQuoteContext)}};
    anns.push_back(std::move(j));
  }
  json labels = set.labels;
  return json{{"format", kFormatName},
              {"version", kFormatVersion},
              {"generator", generator},
              {"document",
               {{"title", set.document.title}, {"sha256", sha256_hex(text)}, {"length", index.length()}, {"text", text}}},
              {"labels", labels},
              {"annotations", anns}};
}

std::string write_lede_file(const AnnotationSet& set, const std::string& generator) {
  return lede_file_json(set, generator).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace lede
