// The report (issue 13): HTML, Markdown, the claims CSV and ClaimReview JSON-LD from one set.
#include <doctest/doctest.h>

#include <map>
#include <vector>

#include "core/report.hpp"

using namespace lede;

namespace {

Annotation ann(const std::string& id, const std::string& label, int64_t start, int64_t end, Status status = Status::accepted,
               Origin origin = Origin::user) {
  Annotation a;
  a.id = id;
  a.label = label;
  a.start = start;
  a.end = end;
  a.status = status;
  a.origin = origin;
  return a;
}

SpanAttr span(int64_t start, int64_t end, const std::string& text, const std::string& entity = "") {
  SpanAttr s;
  s.state = SpanAttr::State::set;
  s.start = start;
  s.end = end;
  s.text = text;
  s.entity = entity;
  return s;
}

// Code points:  0         1         2         3         4         5         6
//               0123456789012345678901234567890123456789012345678901234567890123
const char* kText = "Jan Kowalski said taxes rose 5% in 2025.\n\nAcme Corp, the \u00E9diteur, said <none>.";

AnnotationSet sample() {
  AnnotationSet s;
  s.document.title = "taxes.txt";
  s.document.text = kText;
  s.document.meta.title = "Taxes & <things>";
  s.document.meta.url = "https://news.example/taxes?a=1&b=2";
  s.document.meta.outlet = "Example News";
  s.document.meta.byline = "Ann Writer";
  s.document.meta.published = "2026-03-01";
  s.labels = builtin_labels();
  s.labels.push_back({"doubt", "Doubtful", "#AA3377"});

  Annotation actor = ann("a1", "actor", 0, 12, Status::accepted, Origin::automatic);
  actor.attrs.kind = "person";
  actor.attrs.entity = "Jan Kowalski";
  actor.attrs.role = "finance minister";
  s.annotations.push_back(actor);
  Annotation org = ann("a2", "actor", 42, 51);
  org.attrs.kind = "organization";
  org.attrs.entity = "Acme Corp";
  s.annotations.push_back(org);

  Annotation claim = ann("c1", "claim", 18, 39, Status::accepted, Origin::automatic);  // "taxes rose 5% in 2025"
  claim.attrs.speaker = span(0, 12, "Jan Kowalski", "Jan Kowalski");
  claim.attrs.cue = span(13, 17, "said");
  Review rv;
  rv.rating = "false";
  rv.explanation = "Taxes fell by 2% in 2025, says the <b>statistics office</b>.";
  rv.evidence.push_back({"https://stats.example/taxes?year=2025&x=1", "Taxes fell by 2%", "Table 4"});
  rv.evidence.push_back({"javascript:alert(1)", "", "a bad link"});
  rv.status = ReviewStatus::checked;
  rv.reviewer = "Rita Reviewer";
  rv.date = "2026-03-05";
  claim.review = rv;
  claim.note = "<script>alert('x')</script>";
  s.annotations.push_back(claim);

  Annotation num = ann("n1", "number", 29, 31, Status::accepted, Origin::automatic);  // "5%"
  num.attrs.kind = "percent";
  num.attrs.value = 5;
  num.attrs.unit = "%";
  s.annotations.push_back(num);

  // The organization's claim: an open suggestion with a review (taken up), crossing the first
  // claim's end and a paragraph break: "2025.\n\nAcme Corp, the éditeur, said".
  Annotation c2 = ann("c2", "claim", 35, 70, Status::suggested, Origin::automatic);
  c2.attrs.speaker = span(42, 51, "Acme Corp", "Acme Corp");
  Review rv2;
  rv2.rating = "mostly-true";
  rv2.evidence.push_back({"", "=HYPERLINK(\"http://evil\")", ""});
  c2.review = rv2;
  s.annotations.push_back(c2);

  // Left out: a rejected claim, an open suggestion without a review.
  s.annotations.push_back(ann("c3", "claim", 42, 51, Status::rejected, Origin::automatic));
  s.annotations.push_back(ann("n2", "number", 35, 39, Status::suggested, Origin::automatic));
  Annotation doubt = ann("u1", "doubt", 24, 30);  // "rose 5": in the claim, ends inside the number
  doubt.note = "check \"rose\"";
  s.annotations.push_back(doubt);
  return s;
}

// Checks that every element the report opens is closed in order (no parser needed for our own
// output: every non-void element is written with its end tag). Returns the error, empty if none.
std::string check_nesting(const std::string& html, std::map<std::string, int>* counts = nullptr) {
  static const char* kVoid[] = {"meta", "br", "!DOCTYPE"};
  std::vector<std::string> stack;
  for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" >", closing ? 1 : 0) - (closing ? 1 : 0));
    bool is_void = false;
    for (const char* v : kVoid) is_void |= name == v;
    if (is_void) continue;
    if (closing) {
      if (stack.empty() || stack.back() != name) return "</" + name + "> closes <" + (stack.empty() ? "" : stack.back()) + "> at " + std::to_string(i);
      stack.pop_back();
    } else {
      if (name == "script" || name == "img" || name == "link" || name == "iframe") return "<" + name + "> in the report";
      stack.push_back(name);
      if (counts) (*counts)[name]++;
    }
  }
  return stack.empty() ? "" : "<" + stack.back() + "> never closed";
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

ReportOptions options() {
  ReportOptions o;
  o.generated = "2026-03-06T10:00:00Z";
  o.generator = "Lede test";
  return o;
}

}  // namespace

TEST_CASE("report: the HTML is one well-formed page, without script or outside resources") {
  std::string html = report_html(sample(), options());
  std::map<std::string, int> tags;
  CHECK(check_nesting(html, &tags) == "");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  for (const char* landmark : {"header", "nav", "main", "footer", "table", "caption", "h1", "style"}) CHECK_MESSAGE(tags[landmark] >= 1, landmark);
  CHECK(tags["h1"] == 1);
  CHECK(count(html, "scope=\"col\"") >= 8);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  // The article's details, the URL as text and as a link (its & escaped in both).
  CHECK(html.find("<h1>Taxes &amp; &lt;things&gt;</h1>") != std::string::npos);
  CHECK(html.find("<a href=\"https://news.example/taxes?a=1&amp;b=2\" rel=\"noopener noreferrer\">https://news.example/taxes?a=1&amp;b=2</a>") != std::string::npos);
  CHECK(html.find("Example News") != std::string::npos);
  CHECK(html.find("Ann Writer") != std::string::npos);
}

TEST_CASE("report: everything from the file is escaped; only http(s) addresses become links") {
  std::string html = report_html(sample(), options());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);  // the note, as text
  CHECK(html.find("&lt;b&gt;statistics office&lt;/b&gt;") != std::string::npos);
  CHECK(html.find(" &lt;none&gt;.") != std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("<span class=\"url\">javascript:alert(1)</span>") != std::string::npos);
  CHECK(html.find("<a href=\"https://stats.example/taxes?year=2025&amp;x=1\"") != std::string::npos);

  AnnotationSet bad = sample();
  bad.document.meta.url = "javascript:alert(2)";
  bad.labels.back().color = "red;}body{background:url(http://x)";  // a colour is never written into the CSS as given
  std::string h2 = report_html(bad, options());
  CHECK(h2.find("href=\"javascript") == std::string::npos);
  CHECK(h2.find("<span class=\"url\">javascript:alert(2)</span>") != std::string::npos);
  CHECK(h2.find("url(") == std::string::npos);
}

TEST_CASE("report: accepted highlights only, overlapping ones nested, each tagged once") {
  std::string html = report_html(sample(), options());
  CHECK(check_nesting(html) == "");
  // Taken: a1 a2 c1 n1 u1 (accepted), c2 (open but reviewed). Left out: c3 (rejected), n2 (open).
  for (const char* id : {"a1", "a2", "c1", "n1", "u1", "c2"}) CHECK_MESSAGE(count(html, "id=\"m-" + std::string(id) + "\"") == 1, id);
  CHECK(html.find("m-c3") == std::string::npos);
  CHECK(html.find("m-n2") == std::string::npos);
  // The crossing ones are closed and opened again as continuations, never with a second tag.
  CHECK(count(html, "<span class=\"tag\">") == count(html, "id=\"m-") + 4);  // + the legend's four samples
  CHECK(html.find("class=\"hl hl-claim cont\"") != std::string::npos);         // c2 after the paragraph break
  CHECK(html.find("class=\"hl hl-number cont\"") != std::string::npos);        // the number after "doubt" ends
  // Two paragraphs, and the claim tags link to their row.
  CHECK(count(html.substr(html.find("<div class=\"article\">")), "<p>") >= 2);
  CHECK(html.find("<span class=\"tag\"><a href=\"#claim-1\">Claim 1</a></span>taxes <mark class=\"hl hl-l3\" id=\"m-u1\">") != std::string::npos);
  CHECK(html.find("<span class=\"tag\">Doubtful</span>") != std::string::npos);
  CHECK(html.find("\u00E9diteur") != std::string::npos);
}

TEST_CASE("report: the claims table, numbers, actors and notes") {
  std::string html = report_html(sample(), options());
  size_t row1 = html.find("<tr id=\"claim-1\">"), row2 = html.find("<tr id=\"claim-2\">");
  REQUIRE(row1 != std::string::npos);
  REQUIRE(row2 != std::string::npos);
  CHECK(html.find("<tr id=\"claim-3\">") == std::string::npos);
  std::string r1 = html.substr(row1, row2 - row1);
  CHECK(r1.find("Jan Kowalski") != std::string::npos);
  CHECK(r1.find("cue: said") != std::string::npos);
  CHECK(r1.find("\u201Ctaxes rose 5% in 2025\u201D") != std::string::npos);
  CHECK(r1.find("<span class=\"rating\">False</span>") != std::string::npos);
  CHECK(r1.find("2 on a scale of 1 to 7") != std::string::npos);
  CHECK(r1.find("<td>checked</td>") != std::string::npos);
  CHECK(r1.find("<blockquote>Taxes fell by 2%</blockquote>") != std::string::npos);
  CHECK(r1.find("Rita Reviewer") != std::string::npos);
  std::string r2 = html.substr(row2, html.find("</tr>", row2) - row2);
  CHECK(r2.find("Mostly true") != std::string::npos);
  CHECK(r2.find("<td>to check</td>") != std::string::npos);
  // Numbers with their values, actors with roles and mentions, notes.
  CHECK(html.find("<a href=\"#m-n1\">5%</a></th><td>5 %</td><td>percent</td>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">Jan Kowalski</th><td>person</td><td>finance minister</td><td>1</td>") != std::string::npos);
  CHECK(html.find("check &quot;rose&quot;") != std::string::npos);
  CHECK(html.find("2 claims, 2 rated, 1 checked") != std::string::npos);
}

TEST_CASE("report: an empty article still makes a whole page") {
  AnnotationSet s;
  s.document.text = "Nothing marked.";
  std::string html = report_html(s, {});
  CHECK(check_nesting(html) == "");
  CHECK(html.find("No claims marked or accepted.") != std::string::npos);
  CHECK(html.find("<h1>Untitled article</h1>") != std::string::npos);
  CHECK(claims_csv(s) == "number,id,speaker,cue,claim,rating,rating_value,status,explanation,evidence_urls,reviewer,date\r\n");
  CHECK(claimreview_jsonld(s, {}) == "[]\n");
}

TEST_CASE("report: ClaimReview JSON-LD, one per rated claim") {
  ReportOptions o = options();
  o.url = "https://checks.example/taxes";
  json out = json::parse(claimreview_jsonld(sample(), o));
  REQUIRE(out.is_array());
  REQUIRE(out.size() == 2);
  const json& a = out[0];
  CHECK(a["@context"] == "https://schema.org");
  CHECK(a["@type"] == "ClaimReview");
  CHECK(a["url"] == "https://checks.example/taxes#claim-1");
  CHECK(a["claimReviewed"] == "taxes rose 5% in 2025");
  CHECK(a["itemReviewed"]["@type"] == "Claim");
  CHECK(a["itemReviewed"]["author"] == json{{"@type", "Person"}, {"name", "Jan Kowalski"}});
  CHECK(a["itemReviewed"]["datePublished"] == "2026-03-01");
  CHECK(a["itemReviewed"]["appearance"]["@type"] == "CreativeWork");
  CHECK(a["itemReviewed"]["appearance"]["url"] == "https://news.example/taxes?a=1&b=2");
  CHECK(a["itemReviewed"]["appearance"]["datePublished"] == "2026-03-01");
  CHECK(a["itemReviewed"]["firstAppearance"] == a["itemReviewed"]["appearance"]);
  CHECK(a["reviewRating"] == json{{"@type", "Rating"}, {"ratingValue", 2}, {"bestRating", 7}, {"worstRating", 1}, {"alternateName", "False"}});
  CHECK(a["author"] == json{{"@type", "Person"}, {"name", "Rita Reviewer"}});
  CHECK(a["datePublished"] == "2026-03-05");
  // The second: the speaker is an organization (by its actor), no reviewer, no date: the report's time.
  const json& b = out[1];
  CHECK(b["itemReviewed"]["author"]["@type"] == "Organization");
  CHECK(b["reviewRating"]["alternateName"] == "Mostly true");
  CHECK(b["reviewRating"]["ratingValue"] == 6);
  CHECK_FALSE(b.contains("author"));
  CHECK(b["datePublished"] == "2026-03-06T10:00:00Z");

  // A scale of the file's own; a rating the scale lacks is not a ClaimReview; no url without one given.
  AnnotationSet s = sample();
  s.ratings = {{"ok", "Correct", "#00aa00", 1.5}, {"bad", "Wrong", "#aa0000", -1}};
  s.annotations[2].review->rating = "bad";
  json custom = json::parse(claimreview_jsonld(s, options()));
  REQUIRE(custom.size() == 1);
  CHECK(custom[0]["reviewRating"]["ratingValue"] == -1);
  CHECK(custom[0]["reviewRating"]["bestRating"] == 1.5);
  CHECK(custom[0]["reviewRating"]["worstRating"] == -1);
  CHECK_FALSE(custom[0].contains("url"));
  s.document.meta.url = "ftp://news.example/x";
  json no_url = json::parse(claimreview_jsonld(s, options()));
  CHECK_FALSE(no_url[0]["itemReviewed"].contains("appearance"));
}

TEST_CASE("report: the claims CSV quotes as RFC 4180 says and defuses formulas") {
  AnnotationSet s = sample();
  s.annotations[2].review->explanation = "Fell, not \"rose\"\nsee the table";
  s.annotations[2].review->reviewer = "=cmd|' /C calc'!A0";
  s.annotations[2].attrs.speaker.entity = "+Jan, \"the minister\"";
  std::string csv = claims_csv(s);
  CHECK(csv.rfind("number,id,speaker,cue,claim,rating,rating_value,status,explanation,evidence_urls,reviewer,date\r\n", 0) == 0);
  CHECK(csv.find("1,c1,\"'+Jan, \"\"the minister\"\"\",said,taxes rose 5% in 2025,False,2,checked,"
                 "\"Fell, not \"\"rose\"\"\nsee the table\",\"https://stats.example/taxes?year=2025&x=1\njavascript:alert(1)\","
                 "'=cmd|' /C calc'!A0,2026-03-05\r\n") != std::string::npos);
  CHECK(csv.find("\r\n2,c2,Acme Corp,,") != std::string::npos);
  CHECK(count(csv, "\r\n") == 3);  // header + two claims
}

TEST_CASE("report: Markdown holds the same, with the text's own markup escaped") {
  AnnotationSet s = sample();
  s.annotations[2].review->explanation = "a | b *not bold*";
  std::string md = report_markdown(s, options());
  CHECK(md.rfind("# Taxes \\& \\<things\\>\n", 0) == 0);
  CHECK(md.find("- **URL:** <https://news.example/taxes?a=1&b=2>") != std::string::npos);
  CHECK(md.find("\u27E6*Claim 1:* taxes ") != std::string::npos);
  CHECK(md.find(" \\<none\\>.") != std::string::npos);
  CHECK(md.find("| 1 | Jan Kowalski (said) | \u201Ctaxes rose 5% in 2025\u201D | False (2 of 1\u20137) | checked | a \\| b \\*not bold\\* |") != std::string::npos);
  CHECK(md.find("`javascript:alert(1)`") != std::string::npos);
  CHECK(md.find("| 5% | 5 % | percent |") != std::string::npos);
  CHECK(md.find("| Jan Kowalski | person | finance minister | 1 |") != std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
  for (size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1))  // every < escaped, but autolinks'
    CHECK_MESSAGE((md[i - 1] == '\\' || md.compare(i, 5, "<http") == 0), md.substr(i, 20));
  CHECK(md.find("m-c3") == std::string::npos);
  CHECK(count(md, "\u27E6") == count(md, "\u27E7"));
}

// Issue 15: the claim graph (inline SVG) and the timeline (a table) of the accepted highlights.
TEST_CASE("report: the claim graph as inline SVG and the timeline as a table, from accepted highlights only") {
  AnnotationSet s;
  s.document.text = "On 5 January 2024, Kim Song blamed the United States for the conflict. The next day, Russia denied it.";
  s.document.meta.published = "2024-01-05";
  s.labels = builtin_labels();
  auto at = [&](const std::string& w) { return int64_t(s.document.text.find(w)); };
  auto add = [&](const std::string& id, const std::string& label, const std::string& w, Status st = Status::accepted) -> Annotation& {
    s.annotations.push_back(ann(id, label, at(w), at(w) + int64_t(w.size()), st));
    return s.annotations.back();
  };
  add("d1", "number", "5 January 2024").attrs.kind = "date";
  s.annotations.back().attrs.value = "2024-01-05";
  Annotation& k = add("a1", "actor", "Kim Song");
  k.attrs.kind = "person";
  k.attrs.entity = "Kim Song";
  Annotation& c = add("c1", "claim", "the United States for the conflict");
  c.attrs.speaker = span(at("Kim Song"), at("Kim Song") + 8, "Kim Song", "Kim Song");
  c.attrs.cue = span(at("blamed"), at("blamed") + 6, "blamed");
  Annotation& us = add("a2", "actor", "United States");
  us.attrs.kind = "place";
  us.attrs.entity = "United States";
  add("d2", "number", "The next day").attrs.kind = "date";
  s.annotations.back().attrs.value = "rel:day+1";
  Annotation& ru = add("a3", "actor", "Russia", Status::suggested);  // an open suggestion: left out
  ru.attrs.kind = "place";
  ru.attrs.entity = "Russia";
  std::string html = report_html(s, {});
  CHECK(html == report_html(s, {}));  // deterministic
  size_t svg = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\"");
  REQUIRE(svg != std::string::npos);
  std::string pic = html.substr(svg, html.find("</svg>", svg) - svg);
  CHECK(pic.find("role=\"img\" aria-labelledby=\"graph-title graph-desc\"") != std::string::npos);
  CHECK(pic.find("<desc id=\"graph-desc\">2 entities and 1 link.") != std::string::npos);
  CHECK(pic.find("<title>Kim Song accuses United States: 1 claim (blamed)</title>") != std::string::npos);
  CHECK(pic.find("stroke=\"#EE6677\"") != std::string::npos);  // the accuses colour of the Graph tab
  CHECK(pic.find(">Kim Song</text>") != std::string::npos);
  CHECK(pic.find(">United States</text>") != std::string::npos);
  CHECK(pic.find("Russia") == std::string::npos);
  CHECK(pic.find("href") == std::string::npos);
  CHECK(html.find("<caption>2 dates and times in calendar order, relative ones counted from the publication date, 2024-01-05</caption>") !=
        std::string::npos);
  size_t first = html.find("<th scope=\"row\">2024-01-05</th><td>5 January 2024</td>"), second = html.find("<th scope=\"row\">2024-01-06</th><td>The next day</td>");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  std::string md = report_markdown(s, {});
  CHECK(md.find("## Timeline\n\nRelative dates counted from the publication date, 2024-01-05.") != std::string::npos);
  CHECK(md.find("| 2024-01-06 | The next day | The next day, Russia denied it. |  |") != std::string::npos);
}
