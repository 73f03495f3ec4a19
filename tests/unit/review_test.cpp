// The fact-checker's work on a session: reviews, the rating scale, the article's details,
// corrections of speakers and entities, and the headline rule. Each is one undoable change.
#include <doctest/doctest.h>

#include "core/article.hpp"
#include "core/kinds.hpp"
#include "core/lede_file.hpp"
#include "core/report.hpp"
#include "core/review.hpp"
#include "test_support.hpp"

using namespace lede;

namespace {

const char* kText = "Officials said 300 people marched. Zoë Müller told reporters the march was peaceful.";

std::string add(Session& s, const std::string& label, const std::string& quote, Status status = Status::accepted) {
  size_t at = s.doc.text.find(quote);
  REQUIRE(at != std::string::npos);
  Annotation an;
  an.id = new_annotation_id(s);
  an.label = label;
  an.origin = status == Status::suggested ? Origin::automatic : Origin::user;
  an.status = status;
  an.start = int64_t(s.index.to_cp(at));
  an.end = int64_t(s.index.to_cp(at + quote.size()));
  Change c;
  c.edits.push_back({std::nullopt, an});
  REQUIRE(commit(s, std::move(c)));
  return an.id;
}

void open_text(Session& s) { session_open(s, Document{"march", kText}, {}, {}); }

}  // namespace

TEST_CASE("rating a claim suggestion accepts it, stamps reviewer and date, and undoes in one step") {
  Session s;
  open_text(s);
  std::string id = add(s, "claim", "the march was peaceful", Status::suggested);
  size_t undo_before = s.undo.size();
  Review r;
  r.rating = "mostly-true";
  Outcome o = set_review(s, id, r, "Ana Ruiz", "2026-12-07T05:00:00Z");
  REQUIRE(o.ok);
  CHECK(o.status == "Rated a claim Mostly true");
  const Annotation* an = find_annotation(s, id);
  REQUIRE(an->review);
  CHECK(an->review->rating == "mostly-true");
  CHECK(an->review->reviewer == "Ana Ruiz");
  CHECK(an->review->date == "2026-12-07T05:00:00Z");
  CHECK(an->status == Status::accepted);
  CHECK(s.undo.size() == undo_before + 1);
  undo(s);
  an = find_annotation(s, id);
  CHECK(!an->review);
  CHECK(an->status == Status::suggested);
  redo(s);
  CHECK(find_annotation(s, id)->review->rating == "mostly-true");
}

TEST_CASE("evidence and status changes are each one change; the date follows the last one") {
  Session s;
  open_text(s);
  std::string id = add(s, "claim", "the march was peaceful");
  Review r;
  r.status = ReviewStatus::checking;
  REQUIRE(set_review(s, id, r, "Ana", "2026-01-01T00:00:00Z").ok);
  r = *find_annotation(s, id)->review;
  r.evidence.push_back({"https://example.org/police", "No arrests were made.", "police statement"});
  REQUIRE(set_review(s, id, r, "Ana", "2026-01-02T00:00:00Z").ok);
  r.status = ReviewStatus::checked;
  Outcome o = set_review(s, id, r, "", "2026-01-03T00:00:00Z");
  CHECK(o.status == "Claim status: checked");
  const Review& got = *find_annotation(s, id)->review;
  CHECK(got.evidence.size() == 1);
  CHECK(got.reviewer == "Ana");  // kept when none is given
  CHECK(got.date == "2026-01-03T00:00:00Z");
  CHECK(claim_counts(s.annotations).checked == 1);
  CHECK(claims_checked_text(claim_counts(s.annotations)) == "1 of 1 claim checked");
  undo(s);
  CHECK(find_annotation(s, id)->review->status == ReviewStatus::checking);
  CHECK(claim_counts(s.annotations).checked == 0);
}

TEST_CASE("reviews are refused on other labels and with ratings off the scale") {
  Session s;
  open_text(s);
  std::string actor = add(s, "actor", "Zoë Müller");
  std::string claim = add(s, "claim", "the march was peaceful");
  size_t n = s.undo.size();
  CHECK(!set_review(s, actor, Review{}, "A", "2026-01-01T00:00:00Z").ok);
  Review bad;
  bad.rating = "pants-on-fire";
  Outcome o = set_review(s, claim, bad, "A", "2026-01-01T00:00:00Z");
  CHECK(!o.ok);
  CHECK(o.error.find("pants-on-fire") != std::string::npos);
  CHECK(s.undo.size() == n);
}

TEST_CASE("claim counts leave out rejected claims and count only checked reviews") {
  Session s;
  open_text(s);
  add(s, "claim", "300 people marched", Status::rejected);
  std::string a = add(s, "claim", "the march was peaceful");
  add(s, "claim", "Officials said", Status::suggested);
  Review r;
  r.status = ReviewStatus::checked;
  set_review(s, a, r, "A", "2026-01-01T00:00:00Z");
  ClaimCounts c = claim_counts(s.annotations);
  CHECK(c.claims == 2);
  CHECK(c.checked == 1);
  CHECK(claims_checked_text(c) == "1 of 2 claims checked");
}

TEST_CASE("the rating scale: rename, recolour, revalue, add, delete; a rating in use is not deleted") {
  Session s;
  open_text(s);
  std::string id = add(s, "claim", "the march was peaceful");
  Review r;
  r.rating = "false";
  set_review(s, id, r, "A", "2026-01-01T00:00:00Z");
  std::vector<Rating> scale = s.ratings;
  scale[0].name = "Correct";
  scale[0].color = "#112233";
  scale[0].value = 10;
  scale.push_back({new_rating_id(s), "Satire", "#AA00AA", 0});
  REQUIRE(set_ratings(s, scale).ok);
  CHECK(s.ratings.front().name == "Correct");
  CHECK(s.ratings.back().name == "Satire");
  CHECK(s.ratings.back().id == "r8");
  // Deleting "False", which rates a claim: refused, nothing changes.
  std::vector<Rating> without;
  for (const Rating& x : s.ratings)
    if (x.id != "false") without.push_back(x);
  size_t n = s.undo.size();
  Outcome o = set_ratings(s, without);
  CHECK(!o.ok);
  CHECK(o.error.find("1 claim") != std::string::npos);
  CHECK(s.undo.size() == n);
  CHECK(rating_uses(s, "false") == 1);
  // A bad colour is refused too.
  scale = s.ratings;
  scale[1].color = "red";
  CHECK(!set_ratings(s, scale).ok);
  undo(s);
  CHECK(s.ratings.size() == default_ratings().size());
  CHECK(s.ratings.front().name == "True");
}

TEST_CASE("article details: validated URL and date, a friendly date becomes ISO, undoable") {
  Session s;
  open_text(s);
  ArticleMeta m;
  m.title = "Thousands march";
  m.url = "javascript:alert(1)";
  CHECK(!set_meta(s, m).ok);
  m.url = "https://news.example/march";
  m.published = "31 February 2024";
  Outcome bad = set_meta(s, m);
  CHECK(!bad.ok);
  CHECK(bad.error.find("2024-03-05") != std::string::npos);
  CHECK(s.doc.meta.empty());
  m.published = "March 5, 2024";
  m.outlet = "The Example";
  m.byline = "Jane Doe";
  REQUIRE(set_meta(s, m).ok);
  CHECK(s.doc.meta.published == "2024-03-05");
  CHECK(article_title(s.doc) == "Thousands march");
  undo(s);
  CHECK(s.doc.meta.empty());
  CHECK(article_title(s.doc) == "march");
}

TEST_CASE("dates and links as a fact-checker types them") {
  CHECK(iso_date_from("2024-03-05") == "2024-03-05");
  CHECK(iso_date_from("2024-3-5") == "2024-03-05");
  CHECK(iso_date_from("5 March 2024") == "2024-03-05");
  CHECK(iso_date_from("Tuesday, March 5th, 2024") == "2024-03-05");
  CHECK(iso_date_from("2024-03-05T10:30:00Z") == "2024-03-05T10:30:00Z");
  CHECK(iso_date_from("2023-02-29").empty());
  CHECK(iso_date_from("yesterday").empty());
  CHECK(iso_date_from("05/03/2024").empty());  // day-first or month-first: ambiguous, refused
  CHECK(is_iso_date("2024-02-29"));
  CHECK(!is_iso_date("2024-13-01"));
  CHECK(is_http_url("https://example.org/a?b=c"));
  CHECK(is_http_url("HTTP://example.org"));
  CHECK(!is_http_url("ftp://example.org"));
  CHECK(!is_http_url("javascript:alert(1)"));
  CHECK(!is_http_url("https://"));
  CHECK(!is_http_url("https://exa mple.org"));
}

TEST_CASE("a claim's speaker: an actor of the article, a typed name, or not named; survives a file round trip") {
  Session s;
  open_text(s);
  add(s, "actor", "Zoë Müller");
  std::string claim = add(s, "claim", "the march was peaceful", Status::suggested);
  CHECK(actor_entities(s) == std::vector<std::string>{"Zoë Müller"});
  REQUIRE(set_speaker(s, claim, speaker_named(s, "Zoë Müller"), "2026-01-01T00:00:00Z").ok);
  const Annotation* an = find_annotation(s, claim);
  CHECK(an->status == Status::accepted);
  CHECK(an->attrs.speaker.has_offsets());
  CHECK(annotation_text(s, Annotation{"", "", Origin::user, Status::accepted, an->attrs.speaker.start, an->attrs.speaker.end}) == "Zoë Müller");
  CHECK(claim_speaker(an->attrs) == "Zoë Müller");

  Outcome o = set_speaker(s, claim, speaker_named(s, "  the police spokesman "), "2026-01-01T00:00:00Z");
  CHECK(o.status == "Speaker: the police spokesman");
  an = find_annotation(s, claim);
  CHECK(!an->attrs.speaker.has_offsets());
  CHECK(json(an->attrs)["speaker"] == json{{"text", "the police spokesman"}});
  REQUIRE(set_cue(s, claim, SpanAttr::named("told reporters"), "2026-01-01T00:00:00Z").ok);

  // Written and read back: the typed name stays typed.
  AnnotationSet back;
  std::string error;
  bool loaded = load_annotation_file("x.lede.json", to_file(s), &back, &error);
  INFO(error);
  REQUIRE(loaded);
  const Annotation* again = nullptr;
  for (const Annotation& x : back.annotations)
    if (x.id == claim) again = &x;
  REQUIRE(again);
  CHECK(again->attrs.speaker.is_set());
  CHECK(!again->attrs.speaker.has_offsets());
  CHECK(claim_speaker(again->attrs) == "the police spokesman");
  CHECK(claim_cue(again->attrs) == "told reporters");

  CHECK(set_speaker(s, claim, speaker_named(s, ""), "2026-01-01T00:00:00Z").ok);
  CHECK(kind_summary("claim", find_annotation(s, claim)->attrs).rfind("speaker: not named", 0) == 0);
  undo(s);
  CHECK(claim_speaker(find_annotation(s, claim)->attrs) == "the police spokesman");
}

TEST_CASE("entities: move a mention, split one off, merge two") {
  Session s;
  session_open(s, Document{"t", "Müller spoke. Zoë Müller left. The minister stayed."}, {}, {});
  std::string m1 = add(s, "actor", "Müller");
  std::string m2 = add(s, "actor", "Zoë Müller");
  std::string m3 = add(s, "actor", "The minister");
  CHECK(actor_entities(s).size() == 3);
  REQUIRE(merge_entities(s, "Müller", "Zoë Müller", "2026-01-01T00:00:00Z").ok);
  CHECK(find_annotation(s, m1)->attrs.entity == "Zoë Müller");
  CHECK(actor_entities(s) == std::vector<std::string>{"The minister", "Zoë Müller"});
  REQUIRE(set_entity(s, m3, "Zoë Müller", "2026-01-01T00:00:00Z").ok);  // the minister is Zoë Müller
  CHECK(actor_entities(s) == std::vector<std::string>{"Zoë Müller"});
  REQUIRE(set_entity(s, m3, "Minister of Culture", "2026-01-01T00:00:00Z").ok);  // split off again, under a new name
  CHECK(actor_entities(s).size() == 2);
  CHECK(!merge_entities(s, "Nobody", "Zoë Müller", "2026-01-01T00:00:00Z").ok);
  undo(s);
  undo(s);
  undo(s);
  CHECK(find_annotation(s, m1)->attrs.entity.empty());
  CHECK(find_annotation(s, m2)->attrs.entity.empty());
}

TEST_CASE("a headline is a short first line without a final full stop, followed by the body") {
  // First lines of GUM news documents (Wikinews, CC BY 2.5), followed by their datelines.
  const char* headlines[] = {
      "Over 900 asylum seekers rescued off Indonesian coast",
      "At least 107 killed in Mecca crane collapse",
      "North Korea puts military in 'quasi-state of war'",
      "FIFA World Cup 2018 day five: Sweden, Belgium, England win three points",
      "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition",
  };
  for (const char* h : headlines) {
    CHECK(headline_of(std::string(h) + "\nMonday, May 18, 2015\nOn Friday, fishermen rescued over 700 people.") == h);
    CHECK(headline_of(std::string(h) + "\n\nThe body follows after a blank line.") == h);
    CHECK(headline_of(h).empty());  // nothing follows: a line, not a headline
  }
  CHECK(headline_of("Is the march over?\nYes.") == "Is the march over?");
  // A first line that ends like a sentence is the lede.
  CHECK(headline_of("Officials said 300 people marched.\nMore text.").empty());
  CHECK(headline_of("\u201CWe will not stop,\u201D she said.\u201D\nMore.").empty());
  // The default article opens with its lede, a long sentence: no headline, the file name stays.
  std::string dflt = read_source_file("assets/articles/dprk-missiles-un.txt");
  REQUIRE(!dflt.empty());
  CHECK(headline_of(dflt).empty());
  ArticleResult r = article_from_file("crane.txt", "At least 107 killed in Mecca crane collapse\nSaturday, September 12, 2015\nA crane fell.");
  REQUIRE(r.ok);
  CHECK(r.document.meta.title == "At least 107 killed in Mecca crane collapse");
  CHECK(r.document.title == "crane");
}

TEST_CASE("the publication date places relative dates on the calendar in the card, the Numbers panel and the report") {
  Attrs t;
  t.kind = "date";
  t.value = "rel:day-1";  // "yesterday", as the analysis writes it without a date to count from
  CHECK(kind_summary("number", t).find("= ") == std::string::npos);
  CHECK(resolved_date(t, "") == "");
  CHECK(resolved_date(t, "2024-01-05") == "2024-01-04");
  CHECK(kind_summary("number", t, "2024-01-05").find("rel:day-1 = 2024-01-04") != std::string::npos);
  Attrs absolute = t;
  absolute.value = "2023-12-30";
  CHECK(resolved_date(absolute, "2024-01-05") == "");  // shown as it is
  Attrs count;
  count.kind = "count";
  count.value = 47;
  CHECK(resolved_date(count, "2024-01-05") == "");

  AnnotationSet set;
  set.document.text = "Officials met yesterday.";
  set.document.meta.published = "2024-01-05";
  Annotation n;
  n.id = "n1";
  n.label = "number";
  n.start = 14;
  n.end = 23;
  n.attrs = t;
  set.annotations.push_back(n);
  ReportOptions o;
  o.generated = "2024-01-06T10:00:00Z";
  CHECK(report_html(set, o).find("rel:day-1 = 2024-01-04") != std::string::npos);
  CHECK(report_markdown(set, o).find("rel:day-1 = 2024-01-04") != std::string::npos);
}
