#include "core/w3c.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/reanchor.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace lede {

namespace {

constexpr int kW3CMaxDepth = 2048;  // pages nest through "next"; everything else is shallow
constexpr const char* kImportedLabel = "imported";

std::string lede_key(const char* k) { return std::string("lede:") + k; }

// An open suggestion (the analysis's, not yet accepted or dismissed) is written with what it
// needs and no more, as in a Lede file: its quote without prefix and suffix (the position says
// where; the text around it is in lede:document) and no generator of its own (lede:origin says
// "auto"). What makes the largest article's export fit kMaxFileBytes (core/limits.hpp).
bool open_suggestion(const Annotation& a, bool orphan) {
  return !orphan && a.origin == Origin::automatic && a.status == Status::suggested;
}

json selector_list(const TextQuote& q, int64_t start, int64_t end, bool with_context) {
  json quote{{"type", "TextQuoteSelector"}, {"exact", q.exact}};
  if (with_context) {
    quote["prefix"] = q.prefix;
    quote["suffix"] = q.suffix;
  }
  return json::array({std::move(quote), json{{"type", "TextPositionSelector"}, {"start", start}, {"end", end}}});
}

json annotation_w3c(const Annotation& a, const TextQuote& q, const std::string& source, const std::string& id_base,
                    bool orphan) {
  json bodies = json::array();
  bodies.push_back(json{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", a.label}});
  if (!a.note.empty())
    bodies.push_back(json{{"type", "TextualBody"}, {"purpose", "commenting"}, {"format", "text/plain"}, {"value", a.note}});
  if (!a.attrs.empty())
    bodies.push_back(json{{"type", "TextualBody"},
                          {"purpose", "describing"},
                          {"format", "application/json"},
                          {"value", a.attrs.as_json().dump(-1, ' ', false, json::error_handler_t::replace)}});
  if (a.review) {
    // The model's own term for a verdict: an "assessing" body whose value is the rating id; the
    // rest of the review (explanation, evidence, status, reviewer, date) under lede:review.
    json rest = *a.review;
    rest.erase("rating");
    bodies.push_back(json{{"type", "TextualBody"}, {"purpose", "assessing"}, {"value", a.review->rating}, {lede_key("review"), rest}});
  }
  json j = {{"id", id_base + a.id},
            {"type", "Annotation"},
            {"motivation", "tagging"},
            {"body", bodies},
            {"target", {{"source", source}, {"selector", selector_list(q, a.start, a.end, !open_suggestion(a, orphan))}}},
            {lede_key("id"), a.id},
            {lede_key("origin"), to_string(a.origin)},
            {lede_key("status"), to_string(a.status)}};
  if (!a.created.empty()) j["created"] = a.created;
  if (!a.modified.empty()) j["modified"] = a.modified;
  if (!a.author.empty()) j["creator"] = json{{"type", "Person"}, {"name", a.author}};
  if (a.origin == Origin::automatic && !open_suggestion(a, orphan))
    j["generator"] = json{{"type", "Software"}, {"name", "Lede analysis"}};
  if (orphan) j[lede_key("orphan")] = true;
  return j;
}

}  // namespace

std::string source_iri(std::string_view text) { return "urn:sha256:" + sha256_hex(text); }

json w3c_json(const AnnotationSet& set, const std::string& generator) {
  const std::string& text = set.document.text;
  TextIndex index(text);
  std::string source = source_iri(text);
  std::string coll_id = source + ":annotations";
  std::string id_base = source + ":annotation:";

  std::vector<json> items;
  items.reserve(set.annotations.size() + set.orphans.size());
  for (const Annotation& a : set.annotations)
    items.push_back(annotation_w3c(a, quote_at(text, index, size_t(a.start), size_t(a.end)), source, id_base, false));
  for (const Annotation& a : set.orphans) items.push_back(annotation_w3c(a, a.quote, source, id_base, true));

  size_t pages = std::max<size_t>(1, (items.size() + kW3CPageSize - 1) / kW3CPageSize);
  auto page_id = [&](size_t k) { return coll_id + ":page:" + std::to_string(k); };
  // Build from the last page back, embedding each in the previous one's "next".
  json next;
  for (size_t k = pages; k-- > 0;) {
    json page = {{"id", page_id(k)}, {"type", "AnnotationPage"}, {"partOf", coll_id}, {"startIndex", k * kW3CPageSize}};
    json its = json::array();
    for (size_t i = k * kW3CPageSize; i < std::min(items.size(), (k + 1) * kW3CPageSize); ++i) its.push_back(std::move(items[i]));
    page["items"] = std::move(its);
    if (k > 0) page["prev"] = page_id(k - 1);
    if (!next.is_null()) page["next"] = std::move(next);
    next = std::move(page);
  }
  json labels = set.labels;
  json out = {{"@context", json::array({kW3CContext, json{{"lede", kLedeNamespace}}})},
              {"id", coll_id},
              {"type", "AnnotationCollection"},
              {"label", set.document.title.empty() ? std::string("Lede annotations") : set.document.title},
              {"total", set.annotations.size() + set.orphans.size()},
              {"generator", {{"type", "Software"}, {"name", generator}}},
              {lede_key("format"), kFormatName},
              {lede_key("version"), kFormatVersion},
              {lede_key("labels"), labels},
              {lede_key("ratings"), set.ratings.empty() ? json(default_ratings()) : json(set.ratings)},
              {lede_key("document"),
               {{"id", source},
                {"type", "Text"},
                {"format", "text/plain"},
                {"title", set.document.title},
                {lede_key("sha256"), sha256_hex(text)},
                {lede_key("length"), index.length()},
                {lede_key("text"), text}}},
              {"first", std::move(next)},
              {"last", page_id(pages - 1)}};
  if (!set.author.empty()) out["creator"] = json{{"type", "Person"}, {"name", set.author}};
  if (!set.document.meta.empty()) out[lede_key("meta")] = set.document.meta;
  return out;
}

std::string write_w3c(const AnnotationSet& set, const std::string& generator, bool pretty) {
  if (pretty) return w3c_json(set, generator).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  // Compact: written page by page, annotation by annotation, never as one JSON tree of the whole
  // collection (several times the file's size). The same bytes as w3c_json(...).dump(): the
  // collection without its pages is dumped with "first" as a placeholder, and the pages, each
  // nested in the previous one's "next", are written in its place.
  auto dumped = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  AnnotationSet head;
  head.document = set.document;
  head.labels = set.labels;
  head.ratings = set.ratings;
  head.author = set.author;
  json top = w3c_json(head, generator);
  size_t total = set.annotations.size() + set.orphans.size();
  size_t pages = std::max<size_t>(1, (total + kW3CPageSize - 1) / kW3CPageSize);
  const std::string coll_id = top["id"].get<std::string>();
  auto page_id = [&](size_t k) { return coll_id + ":page:" + std::to_string(k); };
  top["total"] = total;
  top["last"] = page_id(pages - 1);
  top["first"] = nullptr;
  std::string whole = dumped(top);
  // Keys are written sorted and a quote inside a string is escaped: the first "first":null is the
  // collection's own.
  const std::string placeholder = "\"first\":null";
  size_t at = whole.find(placeholder);
  std::string_view before(whole.data(), at + 8), after(whole.data() + at + placeholder.size());

  const std::string& text = set.document.text;
  TextIndex index(text);
  std::string source = source_iri(text);
  std::string id_base = source + ":annotation:";
  std::string out;
  // Reserved once near its final size (about 660 bytes per analysed annotation): growing by
  // doubling would hold up to 3x the file at the peak.
  out.reserve(whole.size() + total * 720 + pages * 200);
  out += before;
  for (size_t k = 0; k < pages; ++k) {
    if (k) out += ",\"next\":";
    out += "{\"id\":" + dumped(page_id(k)) + ",\"items\":[";
    for (size_t i = k * kW3CPageSize; i < std::min(total, (k + 1) * kW3CPageSize); ++i) {
      if (i != k * kW3CPageSize) out += ',';
      bool orphan = i >= set.annotations.size();
      const Annotation& a = orphan ? set.orphans[i - set.annotations.size()] : set.annotations[i];
      TextQuote q = orphan ? a.quote : quote_at(text, index, size_t(a.start), size_t(a.end));
      out += dumped(annotation_w3c(a, q, source, id_base, orphan));
    }
    out += ']';
  }
  for (size_t k = pages; k-- > 0;) {
    out += ",\"partOf\":" + dumped(coll_id);
    if (k > 0) out += ",\"prev\":" + dumped(page_id(k - 1));
    out += ",\"startIndex\":" + std::to_string(k * kW3CPageSize) + ",\"type\":\"AnnotationPage\"}";
  }
  out += after;
  out += "\n";
  return out;
}

std::string w3c_export_fault(size_t bytes) {
  if (bytes <= kMaxW3CFileBytes) return {};
  return "The W3C export would be " + std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB; Lede opens W3C files up to " +
         std::to_string(kMaxW3CFileBytes >> 20) +
         " MB, so it was not written. Save the annotations as a Lede file, which keeps everything, or accept or "
         "dismiss suggestions (an open suggestion is most of the export's size) and export again.";
}

std::string W3CImport::summary(size_t max_items) const {
  LoadResult r;
  r.problems = problems;
  return r.summary(max_items);
}

namespace {

const json* get(const json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  return it == o.end() ? nullptr : &*it;
}
std::string get_str(const json& o, const char* key) {
  const json* v = get(o, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}
bool has_type(const json& o, const char* type) {
  const json* t = get(o, "type");
  if (!t) t = get(o, "@type");
  if (!t) return false;
  if (t->is_string()) return t->get<std::string>() == type;
  if (t->is_array())
    for (const json& v : *t)
      if (v.is_string() && v.get<std::string>() == type) return true;
  return false;
}
// A property that may hold one value or an array of them.
std::vector<const json*> each(const json* v) {
  std::vector<const json*> out;
  if (!v) return out;
  if (v->is_array()) for (const json& x : *v) out.push_back(&x);
  else out.push_back(v);
  return out;
}
std::string person_name(const json* v) {
  if (!v) return {};
  if (v->is_string()) return v->get<std::string>();
  for (const json* p : each(v)) {
    std::string n = get_str(*p, "name");
    if (n.empty()) n = get_str(*p, "nickname");
    if (!n.empty()) return n;
  }
  return {};
}
// A TextPositionSelector's start or end: "" and *out set, or why it is unusable. Offsets above
// 2^53 are refused (not wrapped or clamped), as in Lede files.
std::string get_offset(const json& o, const char* key, int64_t* out) {
  const json* v = get(o, key);
  if (!v) return "is missing (expected a whole number)";
  if (v->is_number_float()) return "must be a whole number, found " + v->dump();
  if (!v->is_number_integer()) return "must be a whole number, found " + std::string(v->is_string() ? "a string" : v->type_name());
  if (v->is_number_unsigned()) {
    if (v->get<uint64_t>() > (uint64_t(1) << 53)) return "is too large (" + v->dump() + ")";
    *out = int64_t(v->get<uint64_t>());
    return "";
  }
  if (v->get<int64_t>() < 0) return "must not be negative, found " + v->dump();
  *out = v->get<int64_t>();
  return "";
}

// A review from an "assessing" body: its value is the rating, lede:review the rest (Lede's own
// export). The values are checked when the import is read back as a Lede file.
Review review_from(const json& b, const std::string& rating) {
  Review rv;
  rv.rating = rating;
  const json* rest = get(b, "lede:review");
  if (!rest || !rest->is_object()) return rv;
  rv.explanation = get_str(*rest, "explanation");
  parse_review_status(get_str(*rest, "status"), &rv.status);
  rv.reviewer = get_str(*rest, "reviewer");
  rv.date = get_str(*rest, "date");
  if (const json* ev = get(*rest, "evidence"); ev && ev->is_array())
    for (const json& e : *ev) rv.evidence.push_back({get_str(e, "url"), get_str(e, "quote"), get_str(e, "note")});
  return rv;
}

struct Importer {
  W3CImport& r;
  std::set<std::string> rating_ids;  // the collection's scale (lede:ratings, else the default one)
  std::set<std::string> label_ids;
  std::unordered_set<std::string> ids;
  std::vector<std::pair<Annotation, bool>> anns;  // bool: was an orphan in the source file
  std::unordered_set<std::string> unplaced;  // ids of annotations that came without a position

  void problem(std::string path, std::string msg) {
    if (r.problems.size() < 20) r.problems.push_back({std::move(path), std::move(msg)});
  }

  std::string unique_id(std::string id) {
    if (id.empty()) id = "w" + std::to_string(anns.size() + 1);
    std::string base = id;
    for (int k = 2; !ids.insert(id).second; ++k) id = base + "-" + std::to_string(k);
    return id;
  }

  void annotation(const json& a, const std::string& p) {
    if (!a.is_object()) { problem(p, "must be an Annotation object"); return; }
    if (!has_type(a, "Annotation")) { problem(p + ".type", "must be \"Annotation\""); return; }
    Annotation an;
    std::string w3c_id = get_str(a, "id");
    std::string lid = get_str(a, "lede:id");
    if (lid.empty() && !w3c_id.empty()) {
      size_t cut = w3c_id.find_last_of("#/:");
      lid = cut == std::string::npos ? w3c_id : w3c_id.substr(cut + 1);
    }
    an.id = unique_id(lid);
    if (!parse_origin(get_str(a, "lede:origin"), &an.origin))
      an.origin = get(a, "generator") && !get(a, "creator") ? Origin::automatic : Origin::user;
    if (!parse_status(get_str(a, "lede:status"), &an.status)) an.status = Status::accepted;
    an.created = get_str(a, "created");
    an.modified = get_str(a, "modified");
    an.author = person_name(get(a, "creator"));
    const json* orphan = get(a, "lede:orphan");
    bool was_orphan = orphan && orphan->is_boolean() && orphan->get<bool>();

    std::vector<const json*> bodies = each(get(a, "body"));
    for (size_t i = 0; i < bodies.size(); ++i) {
      const json& b = *bodies[i];
      std::string bp = p + ".body" + (get(a, "body")->is_array() ? "[" + std::to_string(i) + "]" : "");
      if (b.is_string()) continue;  // an IRI body: nothing Lede can keep
      std::string purpose = get_str(b, "purpose");
      const json* value = get(b, "value");
      if (!value || !value->is_string()) continue;
      std::string v = value->get<std::string>();
      if (purpose == "tagging" || purpose == "classifying") {
        if (an.label.empty()) an.label = v;
      } else if (purpose == "describing" && get_str(b, "format") == "application/json") {
        if (json_nesting_depth(v, 64) > 64) { problem(bp + ".value", "is nested too deeply"); continue; }
        json attrs = json::parse(v, nullptr, false);
        if (!attrs.is_object()) { problem(bp + ".value", "must be a JSON object (the annotation's attributes)"); continue; }
        an.attrs = attrs.get<Attrs>();
      } else if (purpose == "assessing" && !an.review) {
        // Another tool's assessment that names no rating of the scale is kept as the explanation.
        bool known = v.empty() || rating_ids.count(v);
        an.review = review_from(b, known ? v : std::string());
        if (!known) an.review->explanation = v + (an.review->explanation.empty() ? "" : "\n\n" + an.review->explanation);
      } else if (purpose == "commenting" || purpose.empty() || purpose == "describing") {
        an.note += (an.note.empty() ? "" : "\n\n") + v;
      }
    }
    if (an.label.empty()) an.label = kImportedLabel;

    // Target: the first one with text selectors.
    bool have_position = false, have_quote = false;
    std::vector<const json*> targets = each(get(a, "target"));
    for (size_t ti = 0; ti < targets.size(); ++ti) {
      const json* t = targets[ti];
      std::vector<const json*> sels = each(get(*t, "selector"));
      for (size_t si = 0; si < sels.size(); ++si) {
        const json* s = sels[si];
        if (has_type(*s, "TextQuoteSelector") && !have_quote) {
          const json* ex = get(*s, "exact");
          if (!ex || !ex->is_string()) continue;
          an.quote = {ex->get<std::string>(), get_str(*s, "prefix"), get_str(*s, "suffix")};
          have_quote = true;
        } else if (has_type(*s, "TextPositionSelector") && !have_position) {
          std::string sp = p + ".target" + (get(a, "target")->is_array() ? "[" + std::to_string(ti) + "]" : "") +
                           ".selector" + (get(*t, "selector")->is_array() ? "[" + std::to_string(si) + "]" : "");
          int64_t st = 0, en = 0;
          std::string bad_start = get_offset(*s, "start", &st), bad_end = get_offset(*s, "end", &en);
          if (!bad_start.empty()) { problem(sp + ".start", bad_start); return; }
          if (!bad_end.empty()) { problem(sp + ".end", bad_end); return; }
          if (st > en) {
            problem(sp, "start (" + std::to_string(st) + ") is after end (" + std::to_string(en) + ")");
            return;
          }
          an.start = st;
          an.end = en;
          have_position = true;
        }
      }
      if (have_quote || have_position) break;
    }
    if (!have_quote && !have_position) {
      problem(p + ".target", "has no TextQuoteSelector or TextPositionSelector: Lede cannot tell what it annotates");
      return;
    }
    // No position: -1 tells reanchor there is no hint, so it searches the quote. Kept apart from
    // any real offset (a sentinel such as 2^53 would be taken for one and written back).
    if (!have_position) {
      an.start = an.end = -1;
      unplaced.insert(an.id);
    }
    anns.emplace_back(std::move(an), was_orphan);
  }

  void page(const json& pg, const std::string& p) {
    const json* items = get(pg, "items");
    if (!items || !items->is_array()) { problem(p + ".items", "must be an array of Annotations"); return; }
    for (size_t i = 0; i < items->size() && r.problems.size() < 20; ++i)
      annotation((*items)[i], p + ".items[" + std::to_string(i) + "]");
  }
};

}  // namespace

W3CImport read_w3c(std::string_view bytes, const std::string* article_text, bool keep) {
  W3CImport r;
  auto fail = [&](std::string path, std::string msg) {
    r.problems.push_back({std::move(path), std::move(msg)});
    return r;
  };
  if (bytes.empty()) return fail("", "The file is empty.");
  if (bytes.size() > kMaxW3CFileBytes)
    return fail("", "The file is too large (" + std::to_string(bytes.size() >> 20) + " MB); the limit for W3C files is " +
                        std::to_string(kMaxW3CFileBytes >> 20) + " MB.");
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // tolerated here
  if (std::string fault = binary_fault(bytes); !fault.empty()) return fail("", fault);
  size_t bad = 0;
  if (!utf8_valid(bytes, &bad))
    return fail("", "The file is not valid UTF-8 (invalid byte at offset " + std::to_string(bad) + ").");
  // Streamed: the annotations (the items of the pages, or of a top-level array) are read one at a
  // time in a second pass, after the collection's labels, ratings and text; the rest is one tree.
  auto annotation_arrays = [](const std::vector<std::string>& path) {
    if (path.empty()) return true;                          // [annotation, ...]
    if (path.back() != "items") return false;
    if (path.size() == 1) return true;                      // an AnnotationPage
    if (path[0] != "first") return false;                   // a collection: first(.next)*.items
    for (size_t i = 1; i + 1 < path.size(); ++i)
      if (path[i] != "next") return false;
    return true;
  };
  json root;
  JsonInput in = parse_json_streamed(bytes, kW3CMaxDepth, annotation_arrays, nullptr, &root);
  if (!in.ok) {
    size_t line, col;
    json_line_col(bytes, in.byte, &line, &col);
    std::string where = " (line " + std::to_string(line) + ", column " + std::to_string(col) + ")";
    switch (in.fault) {
      case JsonFault::too_deep: return fail("", "The JSON is nested more than " + std::to_string(kW3CMaxDepth) + " levels deep.");
      case JsonFault::truncated: return fail("", "This is not complete JSON: the file ends unexpectedly" + where + ". It may be truncated.");
      case JsonFault::number_too_large: return fail("", "This is not a JSON file Lede can read: it holds a number too large to represent" + where + ".");
      case JsonFault::duplicate_key:
        return fail("", "The key \"" + in.key + "\" appears twice in one JSON object; every key must appear once.");
      case JsonFault::out_of_memory: return fail("", "The file could not be read (out of memory).");
      default: return fail("", "This is not a JSON file: it has a syntax error" + where + ".");
    }
  }
  Importer im{r, {}, {}, {}, {}, {}};
  std::string title, author;
  std::string text;
  bool have_text = false;
  std::vector<Label> labels;
  std::vector<Rating> ratings;
  ArticleMeta meta;

  auto context_ok = [](const json& o) {
    const json* c = get(o, "@context");
    if (!c) return false;
    for (const json* v : each(c))
      if (v->is_string() && (v->get<std::string>() == kW3CContext || v->get<std::string>() == "https://www.w3.org/ns/anno.jsonld"))
        return true;
    return false;
  };

  for (const Rating& rt : default_ratings()) im.rating_ids.insert(rt.id);  // a page or annotation alone: the default scale
  std::string items_at;  // the JSON path of the annotations' arrays, but for ".next" once per page
  if (root.is_array()) {
    items_at = "";
  } else if (!root.is_object()) {
    return fail("", "The top level must be a JSON object or array of Web Annotations.");
  } else if (!context_ok(root)) {
    if (root.contains("format") && root["format"] == kFormatName)
      return fail("@context", "is missing: this is a Lede file, not a W3C Web Annotation file.");
    return fail("@context", std::string("must be (or include) \"") + kW3CContext + "\": this is not a W3C Web Annotation file.");
  } else if (has_type(root, "AnnotationCollection")) {
    title = get_str(root, "label");
    author = person_name(get(root, "creator"));
    if (const json* d = get(root, "lede:document")) {
      if (const json* t = get(*d, "lede:text"); t && t->is_string()) { text = t->get<std::string>(); have_text = true; }
      if (d->contains("title") && (*d)["title"].is_string()) title = (*d)["title"].get<std::string>();
    }
    if (const json* ls = get(root, "lede:labels"); ls && ls->is_array()) {
      for (size_t i = 0; i < ls->size(); ++i) {
        const json& l = (*ls)[i];
        Label lab{get_str(l, "id"), get_str(l, "name"), get_str(l, "color")};
        if (lab.id.empty() || !im.label_ids.insert(lab.id).second) {
          im.problem("lede:labels[" + std::to_string(i) + "]", "needs a unique, non-empty id");
          continue;
        }
        labels.push_back(lab);
      }
    }
    if (const json* rs = get(root, "lede:ratings"); rs && rs->is_array()) {
      for (size_t i = 0; i < rs->size(); ++i) {
        const json& l = (*rs)[i];
        const json* value = get(l, "value");
        if (!value || !value->is_number()) {
          im.problem("lede:ratings[" + std::to_string(i) + "].value", "must be a number");
          continue;
        }
        ratings.push_back({get_str(l, "id"), get_str(l, "name"), get_str(l, "color"), value->get<double>()});
      }
    }
    if (!ratings.empty()) {
      im.rating_ids.clear();
      for (const Rating& rt : ratings) im.rating_ids.insert(rt.id);
    }
    if (const json* m = get(root, "lede:meta"); m && m->is_object())
      meta = {get_str(*m, "title"), get_str(*m, "url"), get_str(*m, "outlet"), get_str(*m, "byline"), get_str(*m, "published")};
    // Pages: "first" embedded, then each "next" embedded in turn.
    const json* pg = get(root, "first");
    std::string p = "first";
    size_t n = 0;
    if (pg && pg->is_string()) return fail("first", "is a link; Lede imports collections with their pages embedded");
    while (pg && pg->is_object() && r.problems.size() < 20 && n < 100000) {
      im.page(*pg, p);  // its items are read below
      pg = get(*pg, "next");
      p += ".next";
      ++n;
    }
    items_at = "first";
  } else if (has_type(root, "AnnotationPage")) {
    im.page(root, "");
    items_at = "";
  } else if (has_type(root, "Annotation")) {
    im.annotation(root, "");
  } else {
    return fail("type", "must be \"AnnotationCollection\", \"AnnotationPage\" or \"Annotation\"");
  }
  if (r.problems.empty() && (root.is_array() || has_type(root, "AnnotationCollection") || has_type(root, "AnnotationPage"))) {
    JsonItemFn each = [&](const JsonStreamItem& at, json& a) {
      if (r.problems.size() >= 20) return false;
      std::string p = items_at;
      for (size_t k = 2; k < at.path.size(); ++k) p += ".next";  // first.next.next.items: the third page
      if (!at.path.empty()) p += ".items";
      im.annotation(a, p + "[" + std::to_string(at.index) + "]");
      return true;
    };
    parse_json_streamed(bytes, kW3CMaxDepth, annotation_arrays, each, nullptr);
  }
  if (!r.problems.empty()) return r;

  // With the file's own text, orphans stay orphans (a round trip changes nothing); with another
  // text, they get a chance to be placed like every other annotation.
  bool keep_orphans = !article_text;
  if (article_text) { text = *article_text; have_text = true; }
  if (!have_text)
    return fail("", "The file does not include the annotated text (no lede:document): give the article with --text ARTICLE.");
  if (!utf8_valid(text)) return fail("lede:document.lede:text", "is not valid UTF-8");

  // Labels: the file's, plus one per tag that names no label.
  static const char* palette[] = {"#66CCEE", "#AA3377", "#CCBB44", "#BBBBBB", "#4477AA", "#EE6677", "#228833"};
  if (labels.empty() && !im.anns.empty()) {
    for (const Label& l : builtin_labels()) { labels.push_back(l); im.label_ids.insert(l.id); }
  }
  for (auto& [an, orphan] : im.anns) {
    if (im.label_ids.insert(an.label).second) {
      std::string name = an.label == kImportedLabel ? std::string("Imported") : an.label;
      labels.push_back({an.label, name, palette[labels.size() % 7]});
      r.notes.push_back("added the label \"" + an.label + "\" (a tag with no Lede label)");
    }
  }

  AnnotationSet placed_from;
  placed_from.document.title = title;
  placed_from.document.meta = meta;
  placed_from.labels = labels;
  placed_from.ratings = ratings;
  placed_from.author = author;
  std::vector<Annotation> kept_orphans;
  for (auto& [an, orphan] : im.anns)
    (orphan ? (keep_orphans ? kept_orphans : placed_from.orphans) : placed_from.annotations).push_back(std::move(an));
  im.anns = {};
  ReanchorResult ra = reanchor(std::move(placed_from), text);  // moved: the annotations are not copied
  placed_from = {};
  // Orphans the source file already had keep their old offsets, as in Lede's own files.
  for (auto& a : kept_orphans) ra.set.orphans.push_back(std::move(a));
  // An annotation that came without any position and could not be placed has no offsets to keep:
  // it is written at 0..0 with its quote (how it can be found again).
  for (auto& a : ra.set.orphans)
    if (a.start < 0 && im.unplaced.count(a.id)) a.start = a.end = 0;
  r.by_position = ra.by_position;
  r.reanchored = ra.by_exact + ra.by_fuzzy;
  r.orphaned = ra.orphaned;
  if (r.reanchored) r.notes.push_back(std::to_string(r.reanchored) + (r.reanchored == 1 ? " annotation was" : " annotations were") + " placed by their quote");
  if (r.orphaned) r.notes.push_back(std::to_string(r.orphaned) + (r.orphaned == 1 ? " annotation" : " annotations") + " could not be placed in the text and " + (r.orphaned == 1 ? "is kept as an orphan" : "are kept as orphans"));

  // The result must be a valid Lede file: write it and read it back.
  std::string out = write_lede_file(ra.set, "lede convert");
  ra.set = {};
  LoadResult check = read_lede_file(out, keep);
  if (!check.ok) {
    r.problems = check.problems;
    return r;
  }
  r.annotation_count = check.annotation_count;
  r.orphan_count = check.orphan_count;
  r.set = std::move(check.set);
  r.ok = true;
  return r;
}

}  // namespace lede
