// JSON text written straight into a buffer, byte for byte as nlohmann::json's compact dump()
// writes it (keys sorted, ensure_ascii off, invalid UTF-8 replaced by U+FFFD), without building a
// json value first. `lede analyze` writes tens of thousands of suggestions per megabyte of text:
// a json tree per suggestion cost several times the analysis (bench/README.md, batch).
//
// And the one fast path for reading: the text of an `analyze --jsonl` line.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "core/annotation.hpp"
#include "core/json_input.hpp"

namespace lede {

// It writes through a pointer into out's own bytes, with room made ahead (grow()): a std::string
// append per key, quote and comma was half the writing's instructions. So out holds slack after
// what was written until finish() cuts it off; read out only after finish() (the destructor
// calls it too, for a writer given up early). Writing on after finish() is allowed.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out), start_(out.size()), len_(start_) {}
  ~JsonWriter() { finish(); }
  void finish() { out_.resize(len_); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void raw(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    len_ += s.size();
  }
  void put(char c) { *room(1) = c; ++len_; }
  void string(std::string_view s);  // quoted and escaped
  void integer(int64_t v);
  void value(const json& v);  // any json value (through nlohmann's own serializer)
  void attrs(const Attrs& a);  // as to_json(json&, const Attrs&) then dump()
  void span(const SpanAttr& s);

 private:
  char* room(size_t n) {  // where the next n bytes go
    if (out_.size() - len_ < n) grow(n);
    return &out_[len_];
  }
  void grow(size_t n);
  void serialize(const json& v);  // through nlohmann's serializer
  std::string& out_;
  size_t start_;  // out_'s size when the writer began
  size_t len_;    // out_'s bytes written; beyond them is slack
};

// An analysis suggestion as the CLI writes it:
//   --jsonl:  {"attrs":{...},"end":E,"label":"L","start":S}
//   file:     the annotation's to_json() (attrs, end, id, label, origin, start, status), for an open
//             suggestion of the analysis (origin auto, status suggested, nothing else set); false
//             for any other annotation, which the caller writes through json.
void write_jsonl_suggestion(JsonWriter& w, const Annotation& a);
bool write_file_suggestion(JsonWriter& w, const Annotation& a);

// One `analyze --jsonl` input line read without building a json value for its text: the common
// shape (an object whose "text" is a string) has its text unescaped directly and the rest of the
// line (the text's value emptied: the id and whatever else) parsed by parse_json_input. Any line
// it cannot read so, it reads whole with parse_json_input: the verdict (value or fault) is always
// the same as parse_json_input(line) gives.
struct JsonlLine {
  JsonInput in;      // the line without its text when fast (in.value["text"] == ""), else all of it
  bool fast = false;  // text holds the "text" string
  std::string text;
};
void read_jsonl_line(std::string_view line, int max_depth, JsonlLine* out);

}  // namespace lede

namespace lede {

// The compact file write_lede_file(set, generator) writes when set.annotations are the
// analysis's open suggestions, byte for byte, handed to sink in pieces of about a megabyte as the
// suggestions come: `lede analyze` never holds them all. Built from `rest`, the set without its
// annotations (everything else as write_lede_file writes it). add() takes open suggestions (origin auto, status suggested) and keeps the first kMaxAnnotations, as cap_suggestions does, and counts the rest.
class StreamedLedeFile {
 public:
  using Sink = std::function<void(std::string_view)>;
  StreamedLedeFile(const AnnotationSet& rest, const std::string& generator, Sink sink);
  // False when rest has annotations or its written form does not start with them (a later
  // format): then write the file with write_lede_file.
  bool ok() const { return ok_; }
  void add(const Annotation& a);
  size_t finish();  // writes the rest of the file; returns how many suggestions were left out

 private:
  void flush();
  std::string tail_, buf_;
  Sink sink_;
  bool ok_ = false;
  size_t count_ = 0;
};

}  // namespace lede
