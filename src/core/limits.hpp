// Lede's hard limits, stated once (docs/file-format.md, "Limits", says the same in words).
// Whatever Lede accepts within them it can also write, save, autosave and open again:
//
//   article <= kMaxArticleBytes  --analysis-->  <= kMaxAnnotations suggestions  --save-->  file <= kMaxFileBytes
//                                                                               --export-->  W3C <= kMaxW3CFileBytes
//
// Measured on news text (tests/unit/limits_test.cpp runs the largest article end to end): about 27
// suggestions per KB of text and 160 bytes per suggestion in a compact file, so a 4 MB article
// gives about 110,000 suggestions and a 25 MB file. Pathological text (a page of bare numbers) can
// give one suggestion per 2 bytes: the analysis keeps the first kMaxAnnotations, and
// kMaxAnnotations * 250 bytes + a JSON-escaped 4 MB text still fit kMaxFileBytes.
#pragma once
#include <cstddef>

namespace lede {

// An article file (.txt, .md), the --text of `lede convert`, the text of a `lede analyze --jsonl` line.
inline constexpr size_t kMaxArticleBytes = 4u << 20;
// A Lede annotation file (.lede.json), read or written.
inline constexpr size_t kMaxFileBytes = 64u << 20;
// A W3C Web Annotation file (JSON-LD), read or written. Its own cap: W3C spends about 650 bytes on
// an open suggestion (two 75-character IRIs, selectors, bodies) where a Lede file spends 160, so
// the largest news article's export (114,408 suggestions) is about 77 MB. An export over this cap
// (text made to give a suggestion every few bytes) is refused, never written (w3c_export_fault).
inline constexpr size_t kMaxW3CFileBytes = 2 * kMaxFileBytes;
// Annotations plus orphans in one file, and suggestions kept from one analysis.
inline constexpr size_t kMaxAnnotations = 200000;
// One line of `lede analyze --jsonl`: an article's text, JSON-escaped, plus its id.
inline constexpr size_t kMaxJsonlLineBytes = 2 * kMaxArticleBytes + (64u << 10);

// Strings inside an annotation file (format version 2; the note cap applies to version 1 files
// too). Far above what a reader types, far below what would let one field fill kMaxFileBytes:
// the file as a whole stays bounded by kMaxFileBytes.
// A note, a review's explanation, an evidence item's quote or note.
inline constexpr size_t kMaxNoteBytes = 64u << 10;
// A URL (evidence, the article's): 8 KB, four times what browsers reliably accept.
inline constexpr size_t kMaxUrlBytes = 8u << 10;
// A name-like field: rating id and name, reviewer, the article's title, outlet, byline, a date.
inline constexpr size_t kMaxFieldBytes = 1u << 10;
// Evidence items in one review, and ratings in one file's scale.
inline constexpr size_t kMaxEvidence = 100;
inline constexpr size_t kMaxRatings = 64;

}  // namespace lede
