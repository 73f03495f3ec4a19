#include "core/article.hpp"

#include <cctype>

#include <algorithm>

#include "core/text.hpp"

namespace lede {

bool has_extension(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

namespace {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

// Inline markup of one line: **bold**, *em*, _em_, `code`, [text](url), ![alt](src).
// Linear: the next ']' and ')' are found once and reused while they lie ahead (a line of a
// million '[' used to search to its end from each of them), and a link's text is stripped by a
// recursive call on a part that the loop then jumps over, so each byte is looked at a bounded
// number of times per nesting level. Links nested deeper than kMaxLinkNesting keep their markup:
// that bounds both the work (a line of "[[[...](u)](u)" was quadratic) and the recursion depth.
constexpr int kMaxLinkNesting = 8;
std::string strip_inline(std::string_view s, int depth = 0) {
  std::string out;
  out.reserve(s.size());
  size_t next_close = 0, next_paren = 0;  // s.find(']', ...) and s.find(')', ...) cached
  bool have_close = false, have_paren = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (depth < kMaxLinkNesting && ((c == '!' && i + 1 < s.size() && s[i + 1] == '[') || c == '[')) {
      size_t open = c == '!' ? i + 1 : i;
      if (!have_close || (next_close != std::string_view::npos && next_close < open)) {
        next_close = s.find(']', open);
        have_close = true;
      }
      size_t close = next_close;
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        if (!have_paren || (next_paren != std::string_view::npos && next_paren < close)) {
          next_paren = s.find(')', close);
          have_paren = true;
        }
        size_t paren = next_paren;
        if (paren != std::string_view::npos) {
          out += strip_inline(s.substr(open + 1, close - open - 1), depth + 1);
          i = paren;
          continue;
        }
      }
    }
    if (c == '*' || c == '`') continue;
    if (c == '_') {
      bool word_before = i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]));
      bool word_after = i + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[i + 1]));
      if (!(word_before && word_after)) continue;  // keep snake_case words
    }
    out += c;
  }
  return out;
}
}  // namespace

std::string file_stem(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  for (std::string_view ext : {".lede.json", ".json", ".txt", ".text", ".markdown", ".md"})
    if (has_extension(name, ext) && name.size() > ext.size()) return std::string(name.substr(0, name.size() - ext.size()));
  return std::string(name);
}

std::string markdown_to_text(std::string_view md, std::string* heading) {
  std::string out;
  bool in_fence = false;
  size_t p = 0;
  while (p <= md.size()) {
    size_t nl = md.find('\n', p);
    std::string_view line = md.substr(p, (nl == std::string_view::npos ? md.size() : nl) - p);
    std::string t = trim(line);
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
      in_fence = !in_fence;
    } else if (in_fence) {
      out += std::string(line) + "\n";
    } else {
      size_t hashes = 0;
      while (hashes < t.size() && t[hashes] == '#') ++hashes;
      if (hashes > 0 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') {
        t = trim(std::string_view(t).substr(hashes + 1));
        if (hashes == 1 && heading && heading->empty()) *heading = strip_inline(t);
      } else if (t.rfind("> ", 0) == 0) {
        t = t.substr(2);
      } else if (t == "---" || t == "***" || t == "___") {
        t.clear();
      }
      out += strip_inline(t) + "\n";
    }
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  // Markdown separates paragraphs with blank lines and wraps lines inside them: join those.
  std::string joined;
  size_t i = 0;
  while (i < out.size()) {
    size_t nl = out.find('\n', i);
    if (nl == std::string::npos) nl = out.size();
    std::string_view line(out.data() + i, nl - i);
    if (line.empty()) {
      if (!joined.empty() && joined.back() != '\n') joined += '\n';
    } else {
      if (!joined.empty() && joined.back() != '\n') joined += ' ';
      joined += line;
    }
    i = nl + 1;
  }
  while (!joined.empty() && joined.back() == '\n') joined.pop_back();
  return joined;
}

std::string headline_of(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (text[b] == '\n' || text[b] == ' ' || text[b] == '\t')) ++b;
  size_t nl = text.find('\n', b);
  if (nl == std::string_view::npos) return "";  // the whole text on one line: no body to head
  std::string_view line = text.substr(b, nl - b);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  // Something must follow: a blank line then the body, or the body (a dateline, a paragraph).
  if (text.find_first_not_of(" \t\r\n", nl) == std::string_view::npos) return "";
  size_t words = 0, letters = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
    letters += std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
  }
  // Short (headlines run to about twenty words), with letters, and no final full stop: a first
  // line that ends like a sentence is the lede, not a headline. "?" and "!" end headlines too.
  if (words == 0 || words > 24 || line.size() > 200 || letters < 3) return "";
  std::string_view end = line;  // a sentence may end inside its closing quote: said.” / said."
  for (std::string_view q : {"\u201D", "\u2019", "\"", "'"})
    if (end.size() > q.size() && end.substr(end.size() - q.size()) == q) { end.remove_suffix(q.size()); break; }
  const char last = end.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return "";
  return std::string(line);
}

ArticleResult article_from_file(std::string_view name, std::string_view bytes) {
  ArticleResult r;
  DecodedText d = decode_article_bytes(bytes, kMaxArticleBytes);
  if (!d.ok) { r.error = d.error; return r; }
  std::string heading;
  if (has_extension(name, ".md") || has_extension(name, ".markdown")) d.text = markdown_to_text(d.text, &heading);
  r.document.title = heading.empty() ? file_stem(name) : heading;
  r.document.text = std::move(d.text);
  r.document.meta.title = heading.empty() ? headline_of(r.document.text) : heading;
  r.ok = true;
  return r;
}

}  // namespace lede
