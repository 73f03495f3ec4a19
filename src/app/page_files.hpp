// The files the page carries compiled into its module (cmake/embed_assets.cmake writes
// page_files.cpp from build-web/embed): the fonts, the attribution NOTICE and the default article.
// Compiled in rather than put in Emscripten's file system, the page needs no file system code.
#pragma once
#include <string_view>
#include <vector>

namespace lede {
// The bytes of <name> ("fonts/Inter-Regular.otf", "NOTICE", "articles/...txt"); empty if none.
std::string_view page_file(std::string_view name);
std::vector<std::string_view> page_file_names();
}  // namespace lede
