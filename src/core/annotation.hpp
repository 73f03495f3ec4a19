// The annotation model: plain value types, each a span of code points into the document text.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/attrs.hpp"

namespace lede {

enum class Origin { user, automatic };
enum class Status { suggested, accepted, rejected };

const char* to_string(Origin o);
const char* to_string(Status s);
bool parse_origin(const std::string& s, Origin* out);
bool parse_status(const std::string& s, Status* out);

// A label the reader can give a span. The first three are built in; readers add their own.
struct Label {
  std::string id;     // stable key used by annotations ("actor", "claim", "number", "l4", ...)
  std::string name;   // shown in the UI
  std::string color;  // "#RRGGBB"
};
std::vector<Label> builtin_labels();

// Where a span was, told by its text: enough to find it again after the document changes
// (the W3C TextQuoteSelector). The file writer fills it from the text; the reader keeps what the
// file says, which is what re-anchoring and orphans rely on.
struct TextQuote {
  std::string exact;
  std::string prefix;
  std::string suffix;
};

struct Annotation {
  std::string id;
  std::string label;  // a Label::id
  Origin origin = Origin::user;
  Status status = Status::accepted;
  int64_t start = 0;  // code points, end exclusive
  int64_t end = 0;
  std::string note;
  Attrs attrs;  // analysis details (kind, entity, speaker, value, ...)
  std::string created;          // ISO 8601 UTC, empty if unknown
  std::string modified;
  // Added for issue 5 (files): optional, default empty.
  std::string author;  // who made it, for merging two readers' files; empty = the file's author
  TextQuote quote;     // as read from the file (or last written); see lede_file.hpp
};

struct Document {
  std::string title;
  std::string text;  // UTF-8, LF line ends; the single source of truth for every offset
};

// Everything a .lede.json file holds.
struct AnnotationSet {
  Document document;
  std::vector<Label> labels;
  std::vector<Annotation> annotations;
  // Annotations that could not be placed in this document's text (after re-anchoring to a
  // corrected version). Their start/end refer to the text they were made on; quote says what
  // they covered. Never dropped: written back on save, shown in the Orphans list.
  std::vector<Annotation> orphans;
  std::string author;  // optional: the reader who made the file
};

void to_json(json& j, const Label& l);
void to_json(json& j, const Annotation& a);  // offsets and attrs only; the file adds the quote

}  // namespace lede
