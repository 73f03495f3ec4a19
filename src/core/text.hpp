// UTF-8 text and the one place where byte offsets and code-point offsets meet.
// Everything Lede stores or exchanges uses code points; the core works on UTF-8 bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Decodes one code point at s[i]; returns its length in bytes (1 for an invalid byte, with
// *cp = U+FFFD). Never reads past s.size().
int utf8_decode(std::string_view s, size_t i, uint32_t* cp);
void utf8_append(std::string& out, uint32_t cp);
size_t utf8_length(std::string_view s);  // code points; invalid bytes count one each

// Replaces every invalid sequence with U+FFFD, so the rest of the core can trust its input.
std::string utf8_sanitize(std::string_view s);
bool utf8_valid(std::string_view s, size_t* bad_offset = nullptr);

// What opening a file as an article gives: the text (BOM removed, CRLF/CR turned into LF) or
// the reason it cannot be read as UTF-8 text.
struct DecodedText {
  bool ok = false;
  std::string text;
  std::string error;  // user-facing, specific
};
DecodedText decode_article_bytes(std::string_view bytes, size_t max_bytes = 64u << 20);

// Byte <-> code-point conversion for one text, O(1) amortised per lookup. Keeps one checkpoint
// every kStride code points, so it costs about 4 bytes per 64 code points.
class TextIndex {
 public:
  TextIndex() = default;
  explicit TextIndex(std::string_view utf8);
  size_t length() const { return cp_count_; }  // in code points
  size_t byte_size() const { return bytes_; }
  // Code point -> byte offset; cp is clamped to [0, length()].
  size_t to_byte(size_t cp) const;
  // Byte offset -> code point; a byte inside a sequence maps to the code point it belongs to.
  size_t to_cp(size_t byte) const;

 private:
  static constexpr size_t kStride = 64;
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;  // byte offset of code point k*kStride
  size_t cp_count_ = 0;
  size_t bytes_ = 0;
};

// Code-point substring.
std::string cp_substr(std::string_view utf8, const TextIndex& index, size_t cp_begin, size_t cp_end);

}  // namespace lede
