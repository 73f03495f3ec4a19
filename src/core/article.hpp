// Turning a file the reader opens into an article: decoding, light Markdown cleanup, a title.
#pragma once
#include <string>
#include <string_view>

#include "core/annotation.hpp"
#include "core/limits.hpp"

namespace lede {


struct ArticleResult {
  bool ok = false;
  Document document;
  std::string error;  // user-facing, specific
};

// file_name decides the title and whether Markdown syntax is stripped (.md, .markdown).
ArticleResult article_from_file(std::string_view file_name, std::string_view bytes);

// The first line when it looks like a headline (short, no final full stop, followed by the body),
// else empty. Opening a .txt takes it as the article's title (Document::meta.title).
std::string headline_of(std::string_view text);

// Keeps the words and paragraphs, drops Markdown markup: heading marks, emphasis, links, images,
// code fences, block quotes. Returns the first level-1 heading (if any) through *heading.
std::string markdown_to_text(std::string_view md, std::string* heading);

// Whether a file name ends with an extension, ignoring case: has_extension("A.JSON", ".json").
bool has_extension(std::string_view file_name, std::string_view extension);

// "dir/My-Article.txt" -> "My-Article"; "x.lede.json" -> "x".
std::string file_stem(std::string_view file_name);

}  // namespace lede
