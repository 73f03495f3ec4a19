// Reading and writing .lede.json files (format described in docs/file-format.md, schema in
// docs/lede-annotations.schema.json).
// Reading validates everything and reports problems with their JSON path; a file with any
// problem yields nothing, so a caller never half-applies a bad file.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"
#include "core/json_input.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"

namespace lede {

inline constexpr const char* kFormatName = "lede-annotations";
inline constexpr int kFormatVersion = 2;        // what Lede writes
inline constexpr int kOldestFormatVersion = 1;  // version 1 (no reviews, meta, ratings) opens; a save upgrades it
inline constexpr int kMaxJsonDepth = 64;
inline constexpr size_t kQuoteContext = 32;  // code points of prefix/suffix kept around each quote

struct Problem {
  std::string path;  // JSON path, e.g. "annotations[3].end"; empty for the file as a whole
  std::string message;
};

struct LoadResult {
  bool ok = false;
  AnnotationSet set;  // empty unless ok; set.orphans holds the file's "orphans" array
  std::vector<Problem> problems;
  std::string generator;  // the file's "generator" (informational), empty if absent
  int version = 0;        // the file's format version (kOldestFormatVersion..kFormatVersion) when ok
  size_t annotation_count = 0, orphan_count = 0;  // read and valid (kept or not)
  // One user-facing paragraph: the first problems, each as "path: message".
  std::string summary(size_t max_items = 3) const;
  // Only from read_lede_file_lenient: the annotations and orphans left out, one per item
  // ("annotations[3].end: ... (id "a4")"), in file order.
  std::vector<Problem> dropped;
  std::string dropped_summary(size_t max_items = 3) const;
  uint64_t journal_seq = 0;  // the last journal entry's "seq" (read_lede_file_lenient with a journal)
};

// An AnnotationSet's parts by reference: what a Session holds, written without copying it.
struct SetView {
  const Document& document;
  const std::vector<Label>& labels;
  const std::vector<Rating>& ratings;
  const std::vector<Annotation>& annotations;
  const std::vector<Annotation>& orphans;
  const std::string& author;
};

// Parses and validates a whole file. Never throws; at most 20 problems are collected. Streams:
// one annotation's JSON tree at a time. keep_annotations false checks them all the same but keeps
// none (set.annotations and set.orphans stay empty; the counts say how many): `lede validate`.
LoadResult read_lede_file(std::string_view bytes, bool keep_annotations = true);
// For restoring stored work: like read_lede_file, but an annotation or orphan with a problem is
// left out and listed in `dropped` (with its path, its id and why) instead of failing the whole
// file. A bad field of document.meta is left out and listed the same way. Whole-file problems
// (not JSON, wrong format, a bad document text, label set or rating scale) still fail: then
// nothing can be trusted. ok && dropped.empty() means the file was fully valid.
// With `journal`: the browser's autosave journal for this file, one entry per line (see
// write_lede_journal_entry), applied in order before the whole is validated. An entry that is not
// a JSON object is left out and listed in `dropped` as "journal[k]".
LoadResult read_lede_file_lenient(std::string_view bytes, std::string_view journal = {});
// The file for `set`: quotes of placed annotations are recomputed from the text (open suggestions
// get none: the text at their offsets says it); orphans are written with the quote they carry.
// Compact JSON (one line) unless pretty, which indents by 2 for people to read.
std::string write_lede_file(const AnnotationSet& set, const std::string& generator, bool pretty = false);
// The same, compact, from a set's parts; `index` (of view.document.text) saves building one.
std::string write_lede_file(const SetView& view, const std::string& generator, const TextIndex* index = nullptr);

// One entry of the autosave journal (docs/file-format.md, "Stored in the browser"): what changed
// since the file or the entry before, on one line:
//   {"annotations":[...],"author":A,"document":{"meta":M,"title":T},"labels":[...],"orphans":[...],
//    "ratings":[...],"removed":[ids],"seq":N}
// "annotations" holds each annotation of `touched` that the set has (written as in the file),
// "removed" each one it no longer has; "orphans" only when with_orphans; the labels, ratings,
// author and the document's title and details always (they are small). Applied in order to the
// file, the entries give the set back exactly. Only annotations [first, last) are looked at
// (autosave passes where the touched ones lie, so an entry costs what the change touched).
std::string write_lede_journal_entry(const SetView& view, const TextIndex& index, uint64_t seq,
                                     const std::set<std::string>& touched, bool with_orphans,
                                     size_t first = 0, size_t last = SIZE_MAX);
json lede_file_json(const AnnotationSet& set, const std::string& generator);

// Keeps the first kMaxAnnotations of an analysis's suggestions (they come in text order), so that
// what is saved can be opened again; returns how many were left out (0 for any news article
// within kMaxArticleBytes; see core/limits.hpp).
size_t cap_suggestions(std::vector<Annotation>* suggestions);

// Why bytes cannot be JSON text because of a zero byte (UTF-16 without a byte-order mark, or
// binary data), or "" when they hold none.
std::string binary_fault(std::string_view bytes);

// Why s is not an ISO 8601 calendar date ("2024-02-29") or date-time ("2024-02-29T12:00:00Z",
// "2024-02-29T12:00+01:00", seconds and fractions optional), or "" when it is one. Checks that
// the day exists (2024-02-30 does not).
std::string iso_date_fault(const std::string& s);
// Why s is not an absolute http or https URL, or "" when it is one. Anything else
// (javascript:, data:, file:, relative URLs, white space) is refused: the UI opens these URLs.
std::string web_url_fault(const std::string& s);

// The quote (exact, prefix and suffix of kQuoteContext code points) of [start, end) in text.
TextQuote quote_at(std::string_view text, const TextIndex& index, size_t start, size_t end);

}  // namespace lede
