// What a fact-checker hands to an editor (issue 13): the article with its accepted highlights,
// the claims with their reviews, the numbers, the actors and the notes, as one self-contained
// HTML file, as Markdown, as a CSV of the claims, and as schema.org ClaimReview JSON-LD.
// Pure functions of an AnnotationSet: the page and `lede convert` write the same bytes.
#pragma once
#include <string>

#include "core/annotation.hpp"

namespace lede {

struct ReportOptions {
  std::string generated;  // ISO 8601 time the report is made (shown, and ClaimReview's datePublished fallback)
  std::string generator;  // "Lede 0.1"
  // Where the report will be published (http/https), when known: ClaimReview's url is this plus
  // "#claim-N". Empty: no url (Google's fact-check markup needs one; add it when publishing).
  std::string url;
};

// One HTML file: no script, no external resource, semantic and accessible, with a print layout.
std::string report_html(const AnnotationSet& set, const ReportOptions& options);
std::string report_markdown(const AnnotationSet& set, const ReportOptions& options);
// The claims table: speaker, claim, rating, status, explanation, evidence (RFC 4180, CRLF line
// ends). Cells starting with = + - @ (or a tab or CR) get a leading apostrophe so that a
// spreadsheet shows them as text instead of running them as formulas.
std::string claims_csv(const AnnotationSet& set);
// A JSON-LD array with one ClaimReview per rated claim (see docs/claimreview.md).
std::string claimreview_jsonld(const AnnotationSet& set, const ReportOptions& options);

}  // namespace lede
