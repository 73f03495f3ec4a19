#include "core/library_file.hpp"

#include <unordered_set>

#include "core/lede_file.hpp"

namespace lede {

bool read_library_file(std::string_view bytes, std::vector<LibraryArticle>* out, std::string* error) {
  out->clear();
  auto fail = [&](std::string why) {
    out->clear();
    *error = std::move(why);
    return false;
  };
  if (bytes.size() > kMaxFileBytes * 8) return fail("The file is too large to be a Lede library.");
  if (json_nesting_depth(bytes, kMaxJsonDepth + 2) > kMaxJsonDepth + 1) return fail("The file nests too deeply to be a Lede library.");
  json j = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (j.is_discarded()) return fail("This is not a JSON file.");
  if (!j.is_object() || !j.contains("format") || j["format"] != kLibraryFormat)
    return fail("This is not a Lede library file (its \"format\" is not \"lede-library\"). To open one article, use File > Open article.");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int64_t>() != kLibraryVersion)
    return fail("version: this Lede reads library files of version 1.");
  if (!j.contains("articles") || !j["articles"].is_array()) return fail("articles: missing, or not a list.");
  size_t n = 0;
  std::unordered_set<std::string> ids;
  for (const json& art : j["articles"]) {
    std::string where = "articles[" + std::to_string(n++) + "]";
    if (!art.is_object()) return fail(where + ": not an object.");
    if (!art.contains("meta") || !art["meta"].is_object()) return fail(where + ".meta: missing, or not an object.");
    const json& meta = art["meta"];
    if (!meta.contains("id") || !meta["id"].is_string() || meta["id"].get<std::string>().empty() || meta["id"].get<std::string>().size() > 64)
      return fail(where + ".meta.id: missing, empty or longer than 64 characters.");
    if (!art.contains("file") || !art["file"].is_object()) return fail(where + ".file: missing, or not an object.");
    LibraryArticle a;
    a.file = art["file"].dump();
    LoadResult r = read_lede_file(a.file);
    if (!r.ok) return fail(where + ".file: " + r.summary(2));
    a.meta = meta;
    a.id = meta["id"].get<std::string>();
    if (meta.contains("updated") && meta["updated"].is_string()) a.updated = meta["updated"].get<std::string>();
    a.set = std::move(r.set);
    if (!ids.insert(a.id).second) return fail(where + ".meta.id: \"" + a.id + "\" appears twice.");
    out->push_back(std::move(a));
  }
  return true;
}

}  // namespace lede
