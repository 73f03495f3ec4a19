// Data files from assets/ (lexicons, the trained model) compiled into the program, so the native
// tool and the WebAssembly build carry the same data and never read ../shared or the network.
#pragma once
#include <string_view>
#include <vector>

namespace lede {
// The bytes of assets/<name> (e.g. "lexicon/countries.tsv"); empty if there is no such asset.
std::string_view embedded_asset(std::string_view name);
std::vector<std::string_view> embedded_asset_names();
}  // namespace lede
