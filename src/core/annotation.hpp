// The annotation model: plain value types, each a span of code points into the document text.
#pragma once
#include <cstdint>
#include <optional>
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

// A fact-checker's verdict on a claim (issue 13). The rating is a Rating::id of the file's scale.
struct Evidence {
  std::string url;    // http(s) only; shown as text, opened only on an explicit click
  std::string quote;  // a passage from the source
  std::string note;
  bool operator==(const Evidence& o) const { return url == o.url && quote == o.quote && note == o.note; }
};
enum class ReviewStatus { to_check, checking, checked };
const char* to_string(ReviewStatus s);  // "to-check" | "checking" | "checked"
bool parse_review_status(const std::string& s, ReviewStatus* out);
struct Review {
  std::string rating;  // a Rating::id; empty = not rated yet
  std::string explanation;
  std::vector<Evidence> evidence;
  ReviewStatus status = ReviewStatus::to_check;
  std::string reviewer;  // from the reader's settings
  std::string date;      // ISO 8601 date or date-time of the last change to the review
  bool operator==(const Review& o) const {
    return rating == o.rating && explanation == o.explanation && evidence == o.evidence && status == o.status &&
           reviewer == o.reviewer && date == o.date;
  }
  bool operator!=(const Review& o) const { return !(*this == o); }
};

// One step of the file's rating scale, editable like labels. value is ClaimReview's ratingValue:
// the scale's highest value is bestRating, its lowest worstRating.
struct Rating {
  std::string id;     // stable key used by reviews ("true", "mostly-true", ..., "r8")
  std::string name;   // shown, and ClaimReview's alternateName
  std::string color;  // "#RRGGBB"
  double value = 0;
};
// True 7, Mostly true 6, Half true 5, Misleading 4, Mostly false 3, False 2, Unproven 1 (not
// rated on the truth axis but still needs a value for ClaimReview: the lowest, as PolitiFact does).
std::vector<Rating> default_ratings();

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
  // Added for issue 13 (format version 2): a claim's review; absent on most annotations.
  std::optional<Review> review;
};

// What the reader knows about the article (format version 2's document.meta). All optional.
struct ArticleMeta {
  std::string title;      // the headline; shown at the top of the page and in the report
  std::string url;        // http(s)
  std::string outlet;     // "Reuters"
  std::string byline;     // "Jane Doe and John Roe"
  std::string published;  // ISO 8601 date or date-time; resolves relative dates in the analysis
  bool empty() const { return title.empty() && url.empty() && outlet.empty() && byline.empty() && published.empty(); }
  bool operator==(const ArticleMeta& o) const {
    return title == o.title && url == o.url && outlet == o.outlet && byline == o.byline && published == o.published;
  }
  bool operator!=(const ArticleMeta& o) const { return !(*this == o); }
};

struct Document {
  std::string title;  // where the text came from (a file name); the headline is meta.title
  std::string text;  // UTF-8, LF line ends; the single source of truth for every offset
  ArticleMeta meta;
};

// Everything a .lede.json file holds.
struct AnnotationSet {
  Document document;
  std::vector<Label> labels;
  std::vector<Rating> ratings;  // the rating scale; empty in a file = default_ratings()
  std::vector<Annotation> annotations;
  // Annotations that could not be placed in this document's text (after re-anchoring to a
  // corrected version). Their start/end refer to the text they were made on; quote says what
  // they covered. Never dropped: written back on save, shown in the Orphans list.
  std::vector<Annotation> orphans;
  std::string author;  // optional: the reader who made the file
};

void to_json(json& j, const Label& l);
void to_json(json& j, const Annotation& a);  // offsets, attrs and review; the file adds the quote
// As format version 2 writes them: empty optional fields are left out. Reading (with validation
// and JSON paths) is in lede_file.cpp.
void to_json(json& j, const Evidence& e);
void to_json(json& j, const Review& r);
void to_json(json& j, const Rating& r);
void to_json(json& j, const ArticleMeta& m);

}  // namespace lede
