// The report (issue 13): one reading of an AnnotationSet, written four ways. What goes in:
// - highlights: every annotation the reader stands behind, that is accepted ones (their own marks
//   and accepted suggestions) plus open suggestions that carry a review (rating a claim is taking
//   it up); rejected ones never, open ones without a review never.
// - claims: those highlights with the claim label, in text order, numbered 1, 2, ... in every output.
// - ClaimReview: the claims whose review has a rating of the file's scale.
#include "core/report.hpp"

#include <algorithm>
#include <initializer_list>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <cstring>
#include <cmath>

#include "core/dates.hpp"
#include "core/graph.hpp"
#include "core/kinds.hpp"
#include "core/timeline.hpp"
#include "core/text.hpp"

namespace lede {

namespace {

// ---- what the report holds, read once for every output -----------------------------------------

struct ClaimRow {
  const Annotation* a = nullptr;
  int number = 0;
  std::string text, speaker, cue;
  const Rating* rating = nullptr;  // null when not rated (or rated with an id the scale lacks)
};
struct ActorRow {
  std::string name, kind;
  std::vector<std::string> roles;
  int mentions = 0;
  std::string roles_text() const {
    std::string s;
    for (const std::string& r : roles) s += (s.empty() ? "" : "; ") + r;
    return s;
  }
};
struct NoteRow {
  const Annotation* a;
  std::string label, text;
};

struct Report {
  const AnnotationSet& set;
  TextIndex index;
  std::vector<Rating> ratings;
  std::vector<const Annotation*> highlights;  // sorted by (start, end desc, id)
  std::vector<ClaimRow> claims;
  std::vector<const Annotation*> numbers;
  std::vector<ActorRow> actors;
  std::vector<NoteRow> notes;
  double best = 0, worst = 0;

  explicit Report(const AnnotationSet& s) : set(s), index(s.document.text) {
    ratings = s.ratings.empty() ? default_ratings() : s.ratings;
    for (size_t i = 0; i < ratings.size(); ++i) {
      best = i ? std::max(best, ratings[i].value) : ratings[i].value;
      worst = i ? std::min(worst, ratings[i].value) : ratings[i].value;
    }
    const int64_t length = int64_t(index.length());
    for (const Annotation& a : s.annotations) {
      bool taken = a.status == Status::accepted || (a.status == Status::suggested && a.review);
      if (taken && a.start >= 0 && a.start < a.end && a.end <= length) highlights.push_back(&a);
    }
    std::sort(highlights.begin(), highlights.end(), [](const Annotation* x, const Annotation* y) {
      if (x->start != y->start) return x->start < y->start;
      if (x->end != y->end) return x->end > y->end;
      return x->id < y->id;
    });
    std::map<std::string, size_t> actor_at;
    for (const Annotation* a : highlights) {
      std::string text = span_text(*a);
      if (!a->note.empty()) notes.push_back({a, label_name(a->label), text});
      switch (kind_index(a->label)) {
        case int(KindId::claim): {
          ClaimRow c;
          c.a = a;
          c.number = int(claims.size()) + 1;
          c.text = text;
          c.speaker = claim_speaker(a->attrs);
          c.cue = claim_cue(a->attrs);
          if (a->review && !a->review->rating.empty())
            for (const Rating& r : ratings)
              if (r.id == a->review->rating) c.rating = &r;
          claims.push_back(std::move(c));
          break;
        }
        case int(KindId::number): numbers.push_back(a); break;
        case int(KindId::actor): {
          std::string name = a->attrs.entity.empty() ? text : a->attrs.entity;
          auto it = actor_at.find(name);
          if (it == actor_at.end()) {
            it = actor_at.emplace(name, actors.size()).first;
            actors.push_back({name, a->attrs.kind, {}, 0});
          }
          ActorRow& r = actors[it->second];
          r.mentions++;
          if (r.kind.empty()) r.kind = a->attrs.kind;
          if (!a->attrs.role.empty() && std::find(r.roles.begin(), r.roles.end(), a->attrs.role) == r.roles.end())
            r.roles.push_back(a->attrs.role);
          break;
        }
        default: break;
      }
    }
    std::stable_sort(actors.begin(), actors.end(), [](const ActorRow& x, const ActorRow& y) { return x.mentions > y.mentions; });
  }

  std::string span_text(const Annotation& a) const { return cp_substr(set.document.text, index, size_t(a.start), size_t(a.end)); }
  std::string label_name(const std::string& id) const {
    for (const Label& l : set.labels)
      if (l.id == id && !l.name.empty()) return l.name;
    if (const Kind* k = kind_of(id)) return std::string(k->name);
    return id;
  }
  std::string title() const {
    if (!set.document.meta.title.empty()) return set.document.meta.title;
    if (!set.document.title.empty()) return set.document.title;
    return "Untitled article";
  }
  // "person" or "organization" for a claim's speaker, when an actor (not rejected) says so:
  // the one the speaker is linked to by entity, else one at the speaker's span.
  std::string speaker_kind(const Annotation& claim) const {
    const SpanAttr& sp = claim.attrs.speaker;
    if (!sp.is_set()) return "";
    for (const Annotation& a : set.annotations)
      if (a.status != Status::rejected && kind_index(a.label) == int(KindId::actor) && !sp.entity.empty() &&
          a.attrs.entity == sp.entity && !a.attrs.kind.empty())
        return a.attrs.kind;
    for (const Annotation& a : set.annotations)
      if (a.status != Status::rejected && kind_index(a.label) == int(KindId::actor) && a.start < sp.end &&
          sp.start < a.end && !a.attrs.kind.empty())
        return a.attrs.kind;
    return "";
  }
  size_t rated() const {
    return size_t(std::count_if(claims.begin(), claims.end(), [](const ClaimRow& c) { return c.rating != nullptr; }));
  }
  size_t checked() const {
    return size_t(std::count_if(claims.begin(), claims.end(), [](const ClaimRow& c) {
      return c.a->review && c.a->review->status == ReviewStatus::checked;
    }));
  }
};

// ---- shared wording ------------------------------------------------------------------------------

// Only http(s) addresses become links; anything else is shown as text.
bool is_web_url(const std::string& u) {
  auto starts = [&](const char* p) {
    size_t n = std::char_traits<char>::length(p);
    if (u.size() <= n) return false;
    for (size_t i = 0; i < n; ++i)
      if (std::tolower(static_cast<unsigned char>(u[i])) != p[i]) return false;
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  for (unsigned char c : u)
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"') return false;
  return true;
}

std::string status_text(const Annotation& a) {
  if (!a.review) return "not reviewed";
  switch (a.review->status) {
    case ReviewStatus::checking: return "checking";
    case ReviewStatus::checked: return "checked";
    default: return "to check";
  }
}

std::string value_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// A number's value with its unit, as the Numbers table shows it; a relative date also placed on
// the calendar by the article's publication date.
std::string number_value(const Attrs& t, const std::string& published) {
  json v = t.get("value");
  std::string s = v.is_null() ? "" : number_value_text(v);
  std::string on = resolved_date(t, published);
  if (!on.empty()) s += " = " + on;
  if (!t.currency.empty()) s += (s.empty() ? "" : " ") + t.currency;
  if (!t.unit.empty()) s += (s.empty() ? "" : " ") + t.unit;
  if (t.approx) s = "about " + s;
  if (t.bound == "min") s = "at least " + s;
  if (t.bound == "max") s = "at most " + s;
  return s;
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// ---- HTML ----------------------------------------------------------------------------------------

std::string esc(const std::string& s) {
  std::string o;
  o.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

// A link for http(s) addresses, the address as text for anything else.
std::string url_html(const std::string& u) {
  if (is_web_url(u)) return "<a href=\"" + esc(u) + "\" rel=\"noopener noreferrer\">" + esc(u) + "</a>";
  return "<span class=\"url\">" + esc(u) + "</span>";
}

bool is_hex_color(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char x) { return std::isxdigit(static_cast<unsigned char>(x)); });
}

// Each label's highlight: a class with its colour, and a line style of its own so that the kinds
// differ without colour too (and in black-and-white print). A highlight inside another draws its
// line lower (kCss), so both lines show.
std::string label_class(const Report& r, const std::string& id) {
  if (const Kind* k = kind_of(id)) return "hl-" + std::string(k->label);
  for (size_t i = 0; i < r.set.labels.size(); ++i)
    if (r.set.labels[i].id == id) return "hl-l" + std::to_string(i);
  return "hl-other";
}
std::string label_css(const Report& r) {
  const char* line[kKindCount] = {"solid", "double", "dotted"};
  std::string css;
  auto rule = [&](const std::string& cls, std::string color, const char* style) {
    if (!is_hex_color(color)) color = "#777777";
    css += "mark." + cls + "{background:" + color + "2e;border-bottom:.2em " + style + " " + color + "}\n";
  };
  for (const Kind& k : kKinds) {
    std::string color(k.color);
    for (const Label& l : r.set.labels)
      if (l.id == k.label) color = l.color;
    rule("hl-" + std::string(k.label), color, line[int(k.id)]);
  }
  for (size_t i = 0; i < r.set.labels.size(); ++i)
    if (!kind_of(r.set.labels[i].id)) rule("hl-l" + std::to_string(i), r.set.labels[i].color, "dashed");
  rule("hl-other", "#777777", "dashed");
  return css;
}

const char* kCss = R"(:root{color-scheme:light}
body{margin:0 auto;max-width:56rem;padding:1rem 1.25rem 3rem;font:1.0625rem/1.6 Georgia,"Charis SIL",serif;color:#1e1e22;background:#fcfbf8}
h1,h2,h3,caption,th,.kicker,nav,footer{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
h1{font-size:1.9rem;line-height:1.2;margin:.2em 0 .5em}
h2{font-size:1.35rem;margin:2em 0 .6em;border-bottom:1px solid #ccc}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;margin:0;color:#555}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
a{color:#1a4f8b}
.article p{margin:0 0 1em}
mark.hl{color:inherit;padding:0 .05em}
mark.hl mark.hl{padding-bottom:.3em}
mark.hl mark.hl mark.hl{padding-bottom:.6em}
mark .tag{font:600 .68em/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.03em;border:1px solid currentColor;border-radius:.25em;padding:.05em .25em;margin-right:.25em;vertical-align:.2em;white-space:nowrap}
.tag a{color:inherit}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{border:1px solid #b8b8b8;padding:.35em .5em;text-align:left;vertical-align:top;overflow-wrap:break-word}
td a,.url{overflow-wrap:anywhere}
thead th{background:#eeebe4}
td ul{margin:0;padding-left:1.1em}
blockquote{margin:.3em 0 .3em .5em;padding-left:.6em;border-left:3px solid #999}
.rating{font-weight:700}
.url{font-family:ui-monospace,monospace;font-size:.9em}
footer{margin-top:3em;border-top:1px solid #ccc;font-size:.85rem;color:#444}
.none{font-style:italic}
@media print{
body{max-width:none;padding:0;background:none;color:#000;font-size:11pt}
nav,.skip{display:none}
a{color:#000}
mark.hl{background:none!important;border-bottom-color:#000!important}
thead th{background:none}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
tr,li,blockquote,dl{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.table{overflow:visible}
}
.skip{position:absolute;left:-100vw}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3em}
.graph{margin:0}.graph svg{width:100%;max-width:760px;height:auto;font:12px sans-serif;fill:#222}
)";

// The article's text as paragraphs, with the highlights as <mark> elements. Overlapping
// highlights nest: when an outer one ends inside an inner one, the inner is closed and opened
// again, and so is every highlight at a paragraph break; the kind's tag is written only where
// the highlight starts.
std::string article_html(const Report& r) {
  struct Frame {
    const Annotation* a;
    bool started, open;
  };
  std::map<const Annotation*, int> claim_number;
  for (const ClaimRow& c : r.claims) claim_number[c.a] = c.number;
  std::vector<Frame> st;
  std::string out;
  bool in_p = false, in_break = false;
  auto close_from = [&](size_t k) {
    for (size_t j = st.size(); j-- > k;)
      if (st[j].open) {
        out += "</mark>";
        st[j].open = false;
      }
  };
  auto open_all = [&] {
    if (!in_p) {
      out += "<p>";
      in_p = true;
    }
    for (Frame& f : st) {
      if (f.open) continue;
      out += "<mark class=\"hl " + label_class(r, f.a->label) + (f.started ? " cont" : "") + "\"";
      if (!f.started) {
        out += " id=\"m-" + esc(f.a->id) + "\">";
        auto n = claim_number.find(f.a);
        std::string tag = r.label_name(f.a->label);
        if (n != claim_number.end())
          out += "<span class=\"tag\"><a href=\"#claim-" + std::to_string(n->second) + "\">" + esc(tag) + " " + std::to_string(n->second) + "</a></span>";
        else
          out += "<span class=\"tag\">" + esc(tag) + "</span>";
      } else {
        out += ">";
      }
      f.open = f.started = true;
    }
  };
  const std::string& text = r.set.document.text;
  size_t next = 0;
  int64_t cp = 0;
  for (size_t i = 0; i < text.size(); ++cp) {
    // Close what ends here: everything above the lowest ended frame, then reopen the rest lazily.
    for (size_t k = 0; k < st.size(); ++k)
      if (st[k].a->end <= cp) {
        close_from(k);
        st.erase(std::remove_if(st.begin() + long(k), st.end(), [&](const Frame& f) { return f.a->end <= cp; }), st.end());
        break;
      }
    while (next < r.highlights.size() && r.highlights[next]->start == cp) st.push_back({r.highlights[next++], false, false});
    uint32_t c;
    int len = utf8_decode(text, i, &c);
    if (c == '\n') {
      bool blank_follows = i + 1 < text.size() && text[i + 1] == '\n';
      if (blank_follows && !in_break) {  // a paragraph ends
        close_from(0);
        if (in_p) out += "</p>\n";
        in_p = false;
        in_break = true;
      } else if (!in_break) {
        open_all();
        out += "<br>\n";
      }
    } else {
      in_break = false;
      open_all();
      out += esc(text.substr(i, size_t(len)));
    }
    i += size_t(len);
  }
  close_from(0);
  if (in_p) out += "</p>\n";
  return out;
}

std::string evidence_html(const Review& rv) {
  if (rv.evidence.empty()) return "";
  std::string o = "<ul class=\"evidence\">";
  for (const Evidence& e : rv.evidence) {
    o += "<li>";
    if (!e.url.empty()) o += url_html(e.url);
    if (!e.quote.empty()) o += "<blockquote>" + esc(e.quote) + "</blockquote>";
    if (!e.note.empty()) o += "<p>" + esc(e.note) + "</p>";
    o += "</li>";
  }
  return o + "</ul>";
}

void meta_row(std::string& o, const char* name, const std::string& value_html) {
  o += "<dt>" + std::string(name) + "</dt><dd>" + value_html + "</dd>\n";
}

// A section of the report holding one table (or a line saying there is nothing to list); the
// caller writes the rows between table_open and table_close. Captions are plain text of ours.
bool section_open(std::string& o, const char* id, const char* heading, bool empty, const char* none) {
  o += std::string("<section id=\"") + id + "\" aria-labelledby=\"" + id + "-h\">\n<h2 id=\"" + id + "-h\">" + heading + "</h2>\n";
  if (empty) o += std::string("<p class=\"none\">") + none + "</p>\n</section>\n";
  return !empty;
}
void table_open(std::string& o, const std::string& caption, std::initializer_list<const char*> columns) {
  // A wide table scrolls in its own box (at 200% zoom, on a phone), which the keyboard can reach.
  o += "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"" + caption + "\"><table>\n<caption>" + caption +
       "</caption>\n<thead><tr>";
  for (const char* c : columns) o += std::string("<th scope=\"col\">") + c + "</th>";
  o += "</tr></thead>\n<tbody>\n";
}
void table_close(std::string& o) { o += "</tbody>\n</table></div>\n</section>\n"; }

// The claim graph and the timeline of what the report shows (its highlights; rejected and open
// suggestions are left out), built as the reader's Graph and Timeline tabs build them.
std::vector<Annotation> highlight_copies(const Report& r) {
  std::vector<Annotation> out;
  for (const Annotation* a : r.highlights) out.push_back(*a);
  return out;
}

// Stance colours and the node shapes of the Graph tab (src/app/graph_view.cpp).
constexpr const char* kStanceColor[kStanceCount] = {"#EE6677", "#AA3377", "#228833", "#999999"};

std::string num(float v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", double(v));
  return b;
}

// The graph as inline SVG: no script, no outside resource; a title and a description, a text label
// on every node and a title on every edge. The layout is the Graph tab's when the article is opened
// (layout_graph from no earlier positions, the same 60 most claimed entities).
std::string graph_svg(const Graph& g, const std::vector<Annotation>& an) {
  const float W = 760, H = 520, margin = 36;
  std::vector<size_t> shown = shown_nodes(g, 0xF, GraphPicture::kMaxNodes);
  std::map<std::string, Point> pos = layout_graph(g, shown);
  std::vector<int> slot(g.nodes.size(), -1);
  for (size_t i = 0; i < shown.size(); ++i) slot[shown[i]] = int(i);
  auto at = [&](size_t n, float* x, float* y) {
    Point p = pos[g.nodes[n].entity];
    *x = margin + (p.x + 1) * 0.5f * (W - 2 * margin);
    *y = margin * 0.6f + (p.y + 1) * 0.5f * (H - 1.2f * margin);
  };
  auto radius = [&](size_t n) { return std::clamp(3.5f + 2.2f * std::sqrt(float(g.nodes[n].mentions.size())), 4.0f, 16.0f); };
  size_t edges = 0;
  for (const GraphEdge& e : g.edges) edges += slot[e.from] >= 0 && slot[e.to] >= 0 && e.from != e.to;
  std::string o = "<figure class=\"graph\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(W) + " " + num(H) +
                  "\" role=\"img\" aria-labelledby=\"graph-title graph-desc\">\n<title id=\"graph-title\">Who says what about whom</title>\n"
                  "<desc id=\"graph-desc\">" + plural(shown.size(), "entity", "entities") + " and " + plural(edges, "link", "links") +
                  ". An arrow runs from a speaker to each entity named in its claims; its colour is the stance: red accuses, purple "
                  "(dashed) denies, green supports, grey says; its width counts the claims. Circles are people, squares "
                  "organizations, diamonds places.</desc>\n<defs>\n";
  for (int s = 0; s < kStanceCount; ++s)
    o += std::string("<marker id=\"arrow-") + to_string(Stance(s)) + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
         "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"" + kStanceColor[s] + "\"/></marker>\n";
  o += "</defs>\n";
  for (const GraphEdge& e : g.edges) {
    if (slot[e.from] < 0 || slot[e.to] < 0 || e.from == e.to) continue;
    float ax, ay, bx, by;
    at(e.from, &ax, &ay);
    at(e.to, &bx, &by);
    float dx = bx - ax, dy = by - ay, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1) continue;
    float ux = dx / len, uy = dy / len, off = (float(int(e.stance)) - 1.5f) * 3.0f;
    float ra = radius(e.from) + 2, rb = radius(e.to) + 4;
    float w = 1.0f + 1.6f * std::log2(1.0f + float(e.claims.size()));
    std::string cues;
    for (const std::string& c : e.cues) cues += (cues.empty() ? "" : ", ") + c;
    o += "<g><title>" + esc(g.nodes[e.from].entity) + " " + to_string(e.stance) + " " + esc(g.nodes[e.to].entity) + ": " +
         plural(e.claims.size(), "claim", "claims") + (cues.empty() ? "" : " (" + esc(cues) + ")") + "</title><line x1=\"" +
         num(ax + ux * ra - uy * off) + "\" y1=\"" + num(ay + uy * ra + ux * off) + "\" x2=\"" + num(bx - ux * rb - uy * off) + "\" y2=\"" +
         num(by - uy * rb + ux * off) + "\" stroke=\"" + kStanceColor[int(e.stance)] + "\" stroke-width=\"" + num(w) + "\"" +
         (e.stance == Stance::denies ? " stroke-dasharray=\"6 6\"" : "") + " marker-end=\"url(#arrow-" + to_string(e.stance) + ")\"/></g>\n";
  }
  for (size_t n : shown) {
    const GraphNode& node = g.nodes[n];
    float x, y, r = radius(n);
    at(n, &x, &y);
    o += "<g><title>" + esc(node.entity) + (node.kind.empty() ? "" : " (" + esc(node.kind) + ")") + ": " +
         plural(node.mentions.size(), "mention", "mentions") + ", " + plural(node.claims, "claim", "claims") + "</title>";
    if (node.kind == "person") o += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" fill=\"#4477AA\"/>";
    else if (node.kind == "organization")
      o += "<rect x=\"" + num(x - r * 0.9f) + "\" y=\"" + num(y - r * 0.9f) + "\" width=\"" + num(r * 1.8f) + "\" height=\"" + num(r * 1.8f) + "\" fill=\"#66CCEE\"/>";
    else if (node.kind == "place")
      o += "<polygon points=\"" + num(x) + "," + num(y - r * 1.2f) + " " + num(x + r * 1.2f) + "," + num(y) + " " + num(x) + "," +
           num(y + r * 1.2f) + " " + num(x - r * 1.2f) + "," + num(y) + "\" fill=\"#CCBB44\"/>";
    else o += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\" fill=\"none\" stroke=\"#BBBBBB\" stroke-width=\"3\"/>";
    o += "<text x=\"" + num(x) + "\" y=\"" + num(y + r + 12) + "\" text-anchor=\"middle\">" + esc(node.entity) + "</text></g>\n";
  }
  o += "</svg>\n<figcaption>Arrows run from a speaker to each entity named in its claims: red accuses, purple (dashed) denies, "
       "green supports, grey says.</figcaption>\n</figure>\n";
  return o;
}

std::string timeline_when(const TimelineEntry& e) {
  auto day = [](int64_t z) {
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    return iso_date(y, m, d);
  };
  if (e.duration) return e.placed ? day(e.first) + " \u2013 " + day(e.last) : "duration";
  if (!e.resolved.empty()) return e.resolved;
  return e.value.empty() ? e.kind : e.value;
}

// The timeline's rows: when, the words, the sentence, its actors (distinct, in text order).
struct TimelineRow { std::string when, words, sentence, actors; };
std::vector<TimelineRow> timeline_rows(const Report& r, const Timeline& t, const std::vector<Annotation>& an) {
  std::vector<TimelineRow> rows;
  for (const TimelineEntry& e : t.entries) {
    TimelineRow row{timeline_when(e) + (e.placed ? "" : " (not placed)"), r.span_text(an[e.number]),
                    cp_substr(r.set.document.text, r.index, size_t(e.sentence_start), size_t(e.sentence_end)), ""};
    std::vector<std::string> names;
    for (size_t k : e.actors) {
      std::string name = an[k].attrs.entity.empty() ? r.span_text(an[k]) : an[k].attrs.entity;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    for (const std::string& n : names) row.actors += (row.actors.empty() ? "" : ", ") + n;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::string report_html(const AnnotationSet& set, const ReportOptions& options) {
  Report r(set);
  const ArticleMeta& m = set.document.meta;
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  if (!options.generator.empty()) o += "<meta name=\"generator\" content=\"" + esc(options.generator) + "\">\n";
  o += "<title>Fact-check report: " + esc(r.title()) + "</title>\n<style>\n" + kCss + label_css(r) + "</style>\n</head>\n<body>\n";
  o += "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n";

  o += "<header>\n<p class=\"kicker\">Fact-check report</p>\n<h1>" + esc(r.title()) + "</h1>\n<dl class=\"meta\">\n";
  if (!m.outlet.empty()) meta_row(o, "Outlet", esc(m.outlet));
  if (!m.byline.empty()) meta_row(o, "Byline", esc(m.byline));
  if (!m.published.empty()) meta_row(o, "Published", "<time datetime=\"" + esc(m.published) + "\">" + esc(m.published) + "</time>");
  if (!m.url.empty()) meta_row(o, "URL", url_html(m.url));
  if (!set.document.title.empty() && set.document.title != r.title()) meta_row(o, "File", esc(set.document.title));
  meta_row(o, "Claims", plural(r.claims.size(), "claim", "claims") + ", " + std::to_string(r.rated()) + " rated, " +
                            std::to_string(r.checked()) + " checked");
  o += "</dl>\n</header>\n";

  o += "<nav aria-label=\"Contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n"
       "<li><a href=\"#article\">The article</a></li>\n<li><a href=\"#claims\">Claims</a></li>\n"
       "<li><a href=\"#numbers\">Numbers</a></li>\n<li><a href=\"#actors\">Actors</a></li>\n"
       "<li><a href=\"#graph\">Who says what about whom</a></li>\n<li><a href=\"#timeline\">Timeline</a></li>\n"
       "<li><a href=\"#notes\">Notes</a></li>\n</ol>\n</nav>\n";

  o += "<main id=\"main\">\n";
  // The article.
  o += "<section id=\"article\" aria-labelledby=\"article-h\">\n<h2 id=\"article-h\">The article</h2>\n"
       "<p>Highlighted: what the reader marked or accepted. Each highlight starts with a tag naming its kind:</p>\n<ul class=\"legend\">\n";
  std::set<std::string> used;
  for (const Annotation* a : r.highlights) used.insert(a->label);
  for (const std::string& id : used)
    o += "<li><mark class=\"hl " + label_class(r, id) + "\"><span class=\"tag\">" + esc(r.label_name(id)) + "</span>" +
         (kind_of(id) ? std::string(kind_of(id)->noun) : esc(r.label_name(id))) + "</mark></li>\n";
  if (used.empty()) o += "<li class=\"none\">No highlights</li>\n";
  o += "</ul>\n<div class=\"article\">\n" + article_html(r) + "</div>\n</section>\n";

  // The claims.
  if (section_open(o, "claims", "Claims", r.claims.empty(), "No claims marked or accepted.")) {
    table_open(o, plural(r.claims.size(), "claim", "claims") + " with their ratings and evidence",
               {"#", "Speaker", "Claim", "Rating", "Status", "Explanation", "Evidence", "Reviewed by"});
    for (const ClaimRow& c : r.claims) {
      const Review* rv = c.a->review ? &*c.a->review : nullptr;
      o += "<tr id=\"claim-" + std::to_string(c.number) + "\"><th scope=\"row\"><a href=\"#m-" + esc(c.a->id) + "\">" +
           std::to_string(c.number) + "</a></th>";
      o += "<td>" + (c.speaker.empty() ? std::string("<span class=\"none\">not named</span>") : esc(c.speaker)) +
           (c.cue.empty() ? "" : "<br><small>cue: " + esc(c.cue) + "</small>") + "</td>";
      o += "<td>\u201C" + esc(c.text) + "\u201D</td>";
      if (c.rating)
        o += "<td><span class=\"rating\">" + esc(c.rating->name) + "</span><br><small>" + value_text(c.rating->value) +
             " on a scale of " + value_text(r.worst) + " to " + value_text(r.best) + "</small></td>";
      else if (rv && !rv->rating.empty())
        o += "<td><span class=\"rating\">" + esc(rv->rating) + "</span><br><small>not on this file\u2019s scale</small></td>";
      else
        o += "<td class=\"none\">not rated</td>";
      o += "<td>" + esc(status_text(*c.a)) + "</td>";
      o += "<td>" + (rv ? esc(rv->explanation) : "") + "</td>";
      o += "<td>" + (rv ? evidence_html(*rv) : "") + "</td>";
      o += "<td>" + (rv ? esc(rv->reviewer) + (rv->date.empty() ? "" : "<br><time datetime=\"" + esc(rv->date) + "\">" + esc(rv->date) + "</time>") : "") + "</td>";
      o += "</tr>\n";
    }
    table_close(o);
  }

  // The numbers.
  if (section_open(o, "numbers", "Numbers", r.numbers.empty(), "No numbers marked or accepted.")) {
    table_open(o, plural(r.numbers.size(), "number", "numbers") + " in the article and their values", {"In the text", "Value", "Kind", "Counts"});
    for (const Annotation* a : r.numbers)
      o += "<tr><th scope=\"row\"><a href=\"#m-" + esc(a->id) + "\">" + esc(r.span_text(*a)) + "</a></th><td>" +
           esc(number_value(a->attrs, r.set.document.meta.published)) + "</td><td>" + esc(a->attrs.kind) + "</td><td>" + esc(a->attrs.counted) + "</td></tr>\n";
    table_close(o);
  }

  // The actors.
  if (section_open(o, "actors", "Actors", r.actors.empty(), "No actors marked or accepted.")) {
    table_open(o, plural(r.actors.size(), "actor", "actors") + ", most mentioned first", {"Actor", "Kind", "Roles", "Mentions"});
    for (const ActorRow& a : r.actors)
      o += "<tr><th scope=\"row\">" + esc(a.name) + "</th><td>" + esc(a.kind) + "</td><td>" + esc(a.roles_text()) + "</td><td>" +
           std::to_string(a.mentions) + "</td></tr>\n";
    table_close(o);
  }

  // The claim graph and the timeline (issue 15).
  const std::vector<Annotation> shown = highlight_copies(r);
  const Graph graph = build_graph(set.document.text, r.index, shown);
  if (section_open(o, "graph", "Who says what about whom", shown_nodes(graph, 0xF, 1).empty(), "No claims link two entities.")) {
    o += graph_svg(graph, shown) + "</section>\n";
  }
  const Timeline timeline = build_timeline(set.document.text, r.index, shown, m.published);
  if (section_open(o, "timeline", "Timeline", timeline.entries.empty(), "No dates or times marked or accepted.")) {
    std::string caption = plural(timeline.entries.size(), "date or time", "dates and times") + " in calendar order" +
                          (timeline.reference.empty() ? std::string(" (publication date unknown: relative ones are not placed)")
                                                      : ", relative ones counted from the publication date, " + timeline.reference);
    table_open(o, caption, {"When", "In the text", "Sentence", "Actors"});
    for (const TimelineRow& row : timeline_rows(r, timeline, shown))
      o += "<tr><th scope=\"row\">" + esc(row.when) + "</th><td>" + esc(row.words) + "</td><td>" + esc(row.sentence) + "</td><td>" + esc(row.actors) + "</td></tr>\n";
    table_close(o);
  }

  // The notes.
  if (section_open(o, "notes", "Notes", r.notes.empty(), "No notes.")) {
    o += "<ul class=\"notes\">\n";
    for (const NoteRow& n : r.notes)
      o += "<li><a href=\"#m-" + esc(n.a->id) + "\">" + esc(n.label) + "</a>: \u201C" + esc(n.text) + "\u201D<p>" + esc(n.a->note) + "</p></li>\n";
    o += "</ul>\n</section>\n";
  }
  o += "</main>\n";

  o += "<footer>\n<p>Made";
  if (!options.generator.empty()) o += " with " + esc(options.generator);
  if (!options.generated.empty()) o += " on <time datetime=\"" + esc(options.generated) + "\">" + esc(options.generated) + "</time>";
  o += ". Rejected and open suggestions are left out.</p>\n</footer>\n</body>\n</html>\n";
  return o;
}

// ---- Markdown ------------------------------------------------------------------------------------

namespace {

// Backslash-escapes what Markdown would read as markup (CommonMark allows it before any ASCII
// punctuation); `line_start` also covers list and heading markers at the start of a line.
std::string md(const std::string& s, bool line_start = false) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (std::strchr("\\`*_{}[]<>#|~&!", c) || (line_start && std::strchr("+-=", c))) o += '\\';
    if (line_start && c == '.' && i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
        std::all_of(s.begin(), s.begin() + long(i), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); }))
      o += '\\';
    o += c;
  }
  return o;
}
// A table cell: one line, pipes escaped.
std::string md_cell(const std::string& s) {
  std::string flat;
  for (char c : s) flat += (c == '\n' || c == '\r') ? ' ' : c;
  return md(flat);
}
std::string md_url(const std::string& u) {
  if (is_web_url(u) && u.find('|') == std::string::npos) return "<" + u + ">";
  return "`" + u + "`";  // shown, never a link (code spans show their content as it is)
}

// The article, highlights as ⟦Tag: …⟧, paragraphs as in the text.
std::string article_md(const Report& r) {
  std::map<const Annotation*, int> claim_number;
  for (const ClaimRow& c : r.claims) claim_number[c.a] = c.number;
  const std::string& text = r.set.document.text;
  std::string out, line;
  std::vector<const Annotation*> open;
  size_t next = 0;
  int64_t cp = 0;
  auto flush = [&](const char* end) {
    out += line + end;
    line.clear();
  };
  for (size_t i = 0; i <= text.size(); ++cp) {
    // Brackets close where their highlight ends, innermost first (crossing ones too).
    for (size_t k = open.size(); k-- > 0;)
      if (open[k]->end <= cp) {
        line += "\u27E7";
        open.erase(open.begin() + long(k));
      }
    if (i == text.size()) break;
    while (next < r.highlights.size() && r.highlights[next]->start == cp) {
      const Annotation* a = r.highlights[next++];
      auto n = claim_number.find(a);
      line += "\u27E6*" + md(r.label_name(a->label)) + (n != claim_number.end() ? " " + std::to_string(n->second) : "") + ":* ";
      open.push_back(a);
    }
    uint32_t c;
    int len = utf8_decode(text, i, &c);
    if (c == '\n') {
      // A single line break stays one (a backslash at the end of a line); blank lines stay.
      bool blank_follows = i + 1 < text.size() && text[i + 1] == '\n';
      bool after_break = i > 0 && text[i - 1] == '\n';
      if (blank_follows || after_break) flush("\n");
      else flush("\\\n");
    } else {
      bool at_start = line.empty();
      std::string ch = text.substr(i, size_t(len));
      line += at_start ? md(ch, true) : md(ch);
    }
    i += size_t(len);
  }
  flush("\n");
  return out;
}

}  // namespace

std::string report_markdown(const AnnotationSet& set, const ReportOptions& options) {
  Report r(set);
  const ArticleMeta& m = set.document.meta;
  std::string o = "# " + md(r.title()) + "\n\n*Fact-check report*\n\n";
  if (!m.outlet.empty()) o += "- **Outlet:** " + md(m.outlet) + "\n";
  if (!m.byline.empty()) o += "- **Byline:** " + md(m.byline) + "\n";
  if (!m.published.empty()) o += "- **Published:** " + md(m.published) + "\n";
  if (!m.url.empty()) o += "- **URL:** " + md_url(m.url) + "\n";
  if (!set.document.title.empty() && set.document.title != r.title()) o += "- **File:** " + md(set.document.title) + "\n";
  o += "- **Claims:** " + plural(r.claims.size(), "claim", "claims") + ", " + std::to_string(r.rated()) + " rated, " +
       std::to_string(r.checked()) + " checked\n\n";

  o += "## The article\n\nHighlighted as \u27E6*Kind:* text\u27E7: what the reader marked or accepted.\n\n" + article_md(r) + "\n";

  o += "## Claims\n\n";
  if (r.claims.empty()) {
    o += "No claims marked or accepted.\n\n";
  } else {
    o += "| # | Speaker | Claim | Rating | Status | Explanation | Evidence | Reviewed by |\n"
         "|---|---|---|---|---|---|---|---|\n";
    for (const ClaimRow& c : r.claims) {
      const Review* rv = c.a->review ? &*c.a->review : nullptr;
      std::string rating = c.rating ? md_cell(c.rating->name) + " (" + value_text(c.rating->value) + " of " + value_text(r.worst) +
                                          "\u2013" + value_text(r.best) + ")"
                                    : (rv && !rv->rating.empty() ? md_cell(rv->rating) + " (not on the scale)" : "not rated");
      std::string evidence;
      if (rv)
        for (const Evidence& e : rv->evidence) {
          std::string item = e.url.empty() ? "" : md_url(e.url);
          if (!e.quote.empty()) item += (item.empty() ? "" : " ") + std::string("\u201C") + md_cell(e.quote) + "\u201D";
          if (!e.note.empty()) item += (item.empty() ? "" : " ") + std::string("(") + md_cell(e.note) + ")";
          evidence += (evidence.empty() ? "" : "; ") + item;
        }
      o += "| " + std::to_string(c.number) + " | " + (c.speaker.empty() ? std::string("*not named*") : md_cell(c.speaker)) +
           (c.cue.empty() ? "" : " (" + md_cell(c.cue) + ")") + " | \u201C" + md_cell(c.text) + "\u201D | " + rating + " | " +
           status_text(*c.a) + " | " + (rv ? md_cell(rv->explanation) : "") + " | " + evidence + " | " +
           (rv ? md_cell(rv->reviewer) + (rv->date.empty() ? "" : " " + md_cell(rv->date)) : "") + " |\n";
    }
    o += "\n";
  }

  o += "## Numbers\n\n";
  if (r.numbers.empty()) {
    o += "No numbers marked or accepted.\n\n";
  } else {
    o += "| In the text | Value | Kind | Counts |\n|---|---|---|---|\n";
    for (const Annotation* a : r.numbers)
      o += "| " + md_cell(r.span_text(*a)) + " | " + md_cell(number_value(a->attrs, r.set.document.meta.published)) + " | " + md_cell(a->attrs.kind) + " | " +
           md_cell(a->attrs.counted) + " |\n";
    o += "\n";
  }

  o += "## Actors\n\n";
  if (r.actors.empty()) {
    o += "No actors marked or accepted.\n\n";
  } else {
    o += "| Actor | Kind | Roles | Mentions |\n|---|---|---|---|\n";
    for (const ActorRow& a : r.actors)
      o += "| " + md_cell(a.name) + " | " + md_cell(a.kind) + " | " + md_cell(a.roles_text()) + " | " + std::to_string(a.mentions) + " |\n";
    o += "\n";
  }

  o += "## Timeline\n\n";
  const std::vector<Annotation> shown = highlight_copies(r);
  const Timeline timeline = build_timeline(set.document.text, r.index, shown, m.published);
  if (timeline.entries.empty()) {
    o += "No dates or times marked or accepted.\n\n";
  } else {
    if (!timeline.reference.empty()) o += "Relative dates counted from the publication date, " + timeline.reference + ".\n\n";
    o += "| When | In the text | Sentence | Actors |\n|---|---|---|---|\n";
    for (const TimelineRow& row : timeline_rows(r, timeline, shown))
      o += "| " + md_cell(row.when) + " | " + md_cell(row.words) + " | " + md_cell(row.sentence) + " | " + md_cell(row.actors) + " |\n";
    o += "\n";
  }

  o += "## Notes\n\n";
  if (r.notes.empty()) o += "No notes.\n";
  for (const NoteRow& n : r.notes) o += "- **" + md(n.label) + "** \u201C" + md_cell(n.text) + "\u201D: " + md_cell(n.a->note) + "\n";

  o += "\n---\n\nMade";
  if (!options.generator.empty()) o += " with " + md(options.generator);
  if (!options.generated.empty()) o += " on " + md(options.generated);
  o += ". Rejected and open suggestions are left out.\n";
  return o;
}

// ---- CSV -----------------------------------------------------------------------------------------

namespace {

// RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. A cell that a
// spreadsheet would run as a formula (= + - @, or a tab or carriage return first) gets a leading
// apostrophe, which spreadsheets show as text (OWASP's CSV injection advice).
std::string csv_cell(const std::string& s, bool guard = true) {
  std::string v = s;
  if (guard && !v.empty() && std::strchr("=+-@\t\r", v[0])) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string o = "\"";
  for (char c : v) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

}  // namespace

std::string claims_csv(const AnnotationSet& set) {
  Report r(set);
  std::string o = "number,id,speaker,cue,claim,rating,rating_value,status,explanation,evidence_urls,reviewer,date\r\n";
  for (const ClaimRow& c : r.claims) {
    const Review* rv = c.a->review ? &*c.a->review : nullptr;
    std::string urls;
    if (rv)
      for (const Evidence& e : rv->evidence)
        if (!e.url.empty()) urls += (urls.empty() ? "" : "\n") + e.url;
    std::string rating = c.rating ? c.rating->name : (rv ? rv->rating : "");
    o += std::to_string(c.number) + "," + csv_cell(c.a->id) + "," + csv_cell(c.speaker) + "," + csv_cell(c.cue) + "," +
         csv_cell(c.text) + "," + csv_cell(rating) + "," + (c.rating ? value_text(c.rating->value) : "") + "," +
         csv_cell(status_text(*c.a)) + "," + csv_cell(rv ? rv->explanation : "") + "," + csv_cell(urls) + "," +
         csv_cell(rv ? rv->reviewer : "") + "," + csv_cell(rv ? rv->date : "") + "\r\n";
  }
  return o;
}

// ---- ClaimReview -----------------------------------------------------------------------------------

namespace {

using ojson = nlohmann::ordered_json;

ojson number_json(double v) {
  if (v == double(int64_t(v))) return ojson(int64_t(v));
  return ojson(v);
}

}  // namespace

std::string claimreview_jsonld(const AnnotationSet& set, const ReportOptions& options) {
  Report r(set);
  const ArticleMeta& m = set.document.meta;
  ojson out = ojson::array();
  for (const ClaimRow& c : r.claims) {
    if (!c.rating) continue;
    const Review& rv = *c.a->review;
    ojson cr;
    cr["@context"] = "https://schema.org";
    cr["@type"] = "ClaimReview";
    if (is_web_url(options.url)) cr["url"] = options.url + "#claim-" + std::to_string(c.number);
    cr["claimReviewed"] = c.text;

    ojson item = {{"@type", "Claim"}};
    if (!c.speaker.empty())
      item["author"] = {{"@type", r.speaker_kind(*c.a) == "organization" ? "Organization" : "Person"}, {"name", c.speaker}};
    if (!m.published.empty()) item["datePublished"] = m.published;
    if (is_web_url(m.url)) {
      ojson work = {{"@type", "CreativeWork"}, {"url", m.url}};
      if (!m.title.empty()) work["headline"] = m.title;
      if (!m.published.empty()) work["datePublished"] = m.published;
      if (!m.outlet.empty()) work["publisher"] = {{"@type", "Organization"}, {"name", m.outlet}};
      item["appearance"] = work;
      item["firstAppearance"] = work;
    }
    cr["itemReviewed"] = item;

    cr["reviewRating"] = {{"@type", "Rating"},
                          {"ratingValue", number_json(c.rating->value)},
                          {"bestRating", number_json(r.best)},
                          {"worstRating", number_json(r.worst)},
                          {"alternateName", c.rating->name}};
    if (!rv.reviewer.empty()) cr["author"] = {{"@type", "Person"}, {"name", rv.reviewer}};
    if (!rv.date.empty()) cr["datePublished"] = rv.date;
    else if (!options.generated.empty()) cr["datePublished"] = options.generated;
    if (!rv.explanation.empty()) cr["reviewBody"] = rv.explanation;
    out.push_back(std::move(cr));
  }
  return out.dump(2) + "\n";
}

}  // namespace lede
