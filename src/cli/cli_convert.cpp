// lede convert --to w3c|lede FILE [--text ARTICLE]: Lede's file format <-> W3C Web Annotation
// (JSON-LD), printed to stdout; --to lede on a Lede file writes it in the current format version;
// --to html|md|csv|claimreview: the report of a Lede file (core/report.hpp). Problems go to stderr,
// in the loader's words; exit 1 on a bad file.
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "cli/commands.hpp"
#include "core/lede_file.hpp"
#include "core/report.hpp"
#include "core/session.hpp"
#include "core/text.hpp"
#include "core/w3c.hpp"

namespace lede::cli {

namespace {
int convert_usage() {
  std::fprintf(stderr,
               "usage: lede convert --to w3c FILE.lede.json [--pretty]\n"
               "       lede convert --to lede FILE.jsonld [--text ARTICLE.txt] [--pretty]\n"
               "       lede convert --to lede FILE.lede.json [--pretty]   (an older version of the format, upgraded)\n"
               "       lede convert --to html|md|csv|claimreview FILE.lede.json [--url PUBLISHED_URL]\n"
               "Prints the converted file to stdout. --text gives the article when the W3C file does not include it.\n"
               "html, md: the fact-check report; csv: its claims table; claimreview: schema.org ClaimReview JSON-LD\n"
               "for every rated claim (--url: where the check will be published, for ClaimReview's url).\n");
  return 2;
}
void print_problems(const std::string& path, const std::vector<Problem>& problems) {
  for (const Problem& p : problems)
    std::fprintf(stderr, "%s: %s%s%s\n", path.c_str(), p.path.c_str(), p.path.empty() ? "" : ": ", p.message.c_str());
}
std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}
bool is_report(const std::string& to) { return to == "html" || to == "md" || to == "csv" || to == "claimreview"; }
}  // namespace

int convert(int argc, char** argv) {
  std::string to, path, text_path, url;
  bool pretty = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--to") && i + 1 < argc) to = argv[++i];
    else if (!std::strcmp(argv[i], "--text") && i + 1 < argc) text_path = argv[++i];
    else if (!std::strcmp(argv[i], "--url") && i + 1 < argc) url = argv[++i];
    else if (!std::strcmp(argv[i], "--pretty")) pretty = true;
    else if (path.empty()) path = argv[i];
    else return convert_usage();
  }
  if ((to != "w3c" && to != "lede" && !is_report(to)) || path.empty()) return convert_usage();
  std::string bytes, error;
  // The larger of the two caps (W3C's); a Lede file over its own is refused by its reader.
  if (!read_input(path, &bytes, kMaxW3CFileBytes, &error)) {
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return 2;
  }
  // --to w3c and the reports read a Lede file; so does --to lede given one, which writes it in the
  // current format version (an upgrade of an older file).
  JsonInput top = to != "lede" ? JsonInput{} : parse_json_input(bytes, kMaxJsonDepth);  // depth-limited: any bytes
  bool lede_in = to != "lede" || (top.ok && top.value.is_object() && top.value.contains("format") && top.value["format"] == kFormatName);
  if (lede_in) {
    if (to == "lede" && !text_path.empty()) {
      std::fprintf(stderr, "lede: --text is for W3C files; %s is a Lede file and holds its text\n", path.c_str());
      return 2;
    }
    LoadResult r = read_lede_file(bytes);
    if (!r.ok) {
      print_problems(path, r.problems);
      return 1;
    }
    ReportOptions options{now_utc(), kGenerator, url};
    std::string out = to == "w3c"  ? write_w3c(r.set, "lede convert", pretty)
                      : to == "lede" ? write_lede_file(r.set, "lede convert", pretty)
                      : to == "html" ? report_html(r.set, options)
                      : to == "md"   ? report_markdown(r.set, options)
                      : to == "csv"  ? claims_csv(r.set)
                                     : claimreview_jsonld(r.set, options);
    if (to == "w3c") {
      if (std::string fault = w3c_export_fault(out.size()); !fault.empty()) {
        std::fprintf(stderr, "lede: %s: %s\n", path.c_str(), fault.c_str());
        return 1;
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  std::string text;
  const std::string* text_arg = nullptr;
  if (!text_path.empty()) {
    std::string raw;
    if (!read_input(text_path, &raw, kMaxArticleBytes, &error)) {
      std::fprintf(stderr, "lede: %s\n", error.c_str());
      return 2;
    }
    DecodedText d = decode_article_bytes(raw, kMaxArticleBytes);
    if (!d.ok) {
      std::fprintf(stderr, "%s: %s\n", text_path.c_str(), d.error.c_str());
      return 1;
    }
    text = std::move(d.text);
    text_arg = &text;
  }
  W3CImport r = read_w3c(bytes, text_arg);
  if (!r.ok) {
    print_problems(path, r.problems);
    return 1;
  }
  for (const std::string& n : r.notes) std::fprintf(stderr, "%s: note: %s\n", path.c_str(), n.c_str());
  std::string out = write_lede_file(r.set, "lede convert", pretty);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace lede::cli
