// SHA-256 of a byte string, as lowercase hex. Identifies the exact text an annotation file was made for.
#pragma once
#include <string>
#include <string_view>

namespace lede {
std::string sha256_hex(std::string_view data);
}
