// The fact-checker's work on a session (issue 13): a claim's review, the rating scale, the
// article's details, and corrections to what the analysis got wrong (a claim's speaker and cue, a
// mention's entity). Each operation is one undoable change; each returns an Outcome whose status
// line says what it did, or why it refused (and then nothing changed).
#pragma once
#include <string>
#include <vector>

#include "core/session.hpp"

namespace lede {

bool is_claim(const Annotation& an);
const Rating* find_rating(const Session& s, const std::string& id);

// http:// or https:// followed by a host: the only links a review keeps and opens.
bool is_http_url(const std::string& url);
// A calendar date "YYYY-MM-DD", optionally followed by a time "THH:MM[:SS][Z|+HH:MM]".
bool is_iso_date(const std::string& s);
// A friendlier date as ISO ("2024-3-5", "5 March 2024", "March 5, 2024" -> "2024-03-05");
// empty when it is not a date.
std::string iso_date_from(const std::string& typed);

// Sets (or with nullopt removes) a claim's review: the date becomes `now`, the reviewer `reviewer`
// (kept when empty). Reviewing a suggestion accepts it, as labelling does. Refused for
// annotations that are not claims and for ratings not on the scale.
Outcome set_review(Session& s, const std::string& id, std::optional<Review> review, const std::string& reviewer,
                   const std::string& now);

// Replaces the rating scale. Refused (with the claims named) when a rating that reviews use would
// go, when an id is empty or repeated, or a colour is not "#RRGGBB".
Outcome set_ratings(Session& s, std::vector<Rating> ratings);
std::string new_rating_id(const Session& s);  // "r8", ... not yet on the scale
size_t rating_uses(const Session& s, const std::string& rating_id);

// The article's details; refused when the URL is not http(s) or the date is not a date.
Outcome set_meta(Session& s, ArticleMeta meta);
// What the article is called: its headline when known, else where it came from.
std::string article_title(const Document& d);

// Claims (not rejected) and those whose review is checked.
struct ClaimCounts {
  size_t claims = 0, checked = 0;
};
ClaimCounts claim_counts(const std::vector<Annotation>& annotations);
std::string claims_checked_text(const ClaimCounts& c);  // "3 of 12 claims checked"

// Corrections. A claim's speaker: one of the article's actor mentions (its span and entity) or a
// typed name (no span, see SpanAttr::named); an empty name makes it "not named".
// Speaker and cue in one change; nullopt leaves one as it is.
Outcome correct_claim(Session& s, const std::string& claim_id, std::optional<SpanAttr> speaker, std::optional<SpanAttr> cue,
                      const std::string& now);
inline Outcome set_speaker(Session& s, const std::string& id, const SpanAttr& speaker, const std::string& now) {
  return correct_claim(s, id, speaker, std::nullopt, now);
}
inline Outcome set_cue(Session& s, const std::string& id, const SpanAttr& cue, const std::string& now) {
  return correct_claim(s, id, std::nullopt, cue, now);
}
// A cue from what the reader typed: those words near the claim (its sentence's neighbourhood) as a
// span, else the words alone; empty: no cue.
SpanAttr cue_named(const Session& s, const Annotation& claim, const std::string& typed);
// A claim's speaker from what the reader typed or picked: an actor entity of the article (its
// first mention's span), else the name as typed.
SpanAttr speaker_named(const Session& s, const std::string& name);
// The article's actor entities, sorted, each once.
std::vector<std::string> actor_entities(const Session& s);
// Moves one actor mention to another entity (an existing one, or a new name: a split).
Outcome set_entity(Session& s, const std::string& mention_id, const std::string& entity, const std::string& now);
// Every mention of `from` (and every claim spoken by it) goes to `into`, as one change.
Outcome merge_entities(Session& s, const std::string& from, const std::string& into, const std::string& now);

}  // namespace lede
