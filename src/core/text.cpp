#include "core/text.hpp"

#include <algorithm>

namespace lede {

int utf8_decode(std::string_view s, size_t i, uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) { *cp = c; return 1; }
  int len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
  else { *cp = 0xFFFD; return 1; }
  if (i + len > n) { *cp = 0xFFFD; return 1; }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    v = (v << 6) | (cc & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
  *cp = v;
  return len;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : utf8_decode(s, i, &cp);
    ++n;
  }
  return n;
}

bool utf8_valid(std::string_view s, size_t* bad_offset) {
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int len = utf8_decode(s, i, &cp);
    if (cp == 0xFFFD && len == 1) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::string utf8_sanitize(std::string_view s) {
  if (utf8_valid(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    int len = utf8_decode(s, i, &cp);
    if (cp == 0xFFFD && len == 1) utf8_append(out, 0xFFFD);
    else out.append(s.data() + i, len);
    i += len;
  }
  return out;
}

namespace {
std::string describe_size(size_t n) {
  if (n >= (1u << 20)) return std::to_string((n + (1u << 19)) >> 20) + " MB";
  if (n >= 1024) return std::to_string((n + 512) >> 10) + " KB";
  return std::to_string(n) + " bytes";
}
}  // namespace

DecodedText decode_article_bytes(std::string_view b, size_t max_bytes) {
  DecodedText r;
  if (b.size() > max_bytes) {
    r.error = "The file is too large (" + describe_size(b.size()) + "); Lede opens articles up to " +
              describe_size(max_bytes) + ".";
    return r;
  }
  if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'))) {
    r.error = "The file is in UTF-16, not UTF-8. Save it as UTF-8 text and open it again.";
    return r;
  }
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  size_t nul = b.find('\0');
  if (nul != std::string_view::npos) {
    r.error = "This is not a text file: it contains binary data (a zero byte at offset " +
              std::to_string(nul) + ").";
    return r;
  }
  size_t bad = 0;
  if (!utf8_valid(b, &bad)) {
    unsigned char c = static_cast<unsigned char>(b[bad]);
    char hex[8];
    static const char* digits = "0123456789ABCDEF";
    hex[0] = '0'; hex[1] = 'x'; hex[2] = digits[c >> 4]; hex[3] = digits[c & 15]; hex[4] = 0;
    r.error = "The file is not valid UTF-8 (byte " + std::string(hex) + " at offset " + std::to_string(bad) +
              "). It may be in Windows-1252 or Latin-1; save it as UTF-8 and open it again.";
    return r;
  }
  std::string t;
  t.reserve(b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    char c = b[i];
    if (c == '\r') {
      t += '\n';
      if (i + 1 < b.size() && b[i + 1] == '\n') ++i;
    } else {
      t += c;
    }
  }
  bool blank = std::all_of(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
  if (blank) {
    r.error = "The file is empty: there is no text to read.";
    return r;
  }
  r.ok = true;
  r.text = std::move(t);
  return r;
}

TextIndex::TextIndex(std::string_view s) : text_(s), bytes_(s.size()) {
  checkpoints_.reserve(s.size() / kStride + 2);
  size_t cp = 0;
  uint32_t v;
  for (size_t i = 0; i < s.size();) {
    if (cp % kStride == 0) checkpoints_.push_back(static_cast<uint32_t>(i));
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : utf8_decode(s, i, &v);
    ++cp;
  }
  cp_count_ = cp;
}

size_t TextIndex::to_byte(size_t cp) const {
  if (cp >= cp_count_) return bytes_;
  size_t i = checkpoints_[cp / kStride];
  uint32_t v;
  for (size_t k = cp % kStride; k > 0; --k) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    i += c < 0x80 ? 1 : utf8_decode(text_, i, &v);
  }
  return i;
}

size_t TextIndex::to_cp(size_t byte) const {
  if (byte >= bytes_) return cp_count_;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), static_cast<uint32_t>(byte));
  size_t block = static_cast<size_t>(it - checkpoints_.begin()) - 1;
  size_t i = checkpoints_[block];
  size_t cp = block * kStride;
  uint32_t v;
  while (i < byte) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    size_t len = c < 0x80 ? 1 : utf8_decode(text_, i, &v);
    if (i + len > byte) break;  // byte is inside this sequence
    i += len;
    ++cp;
  }
  return cp;
}

std::string cp_substr(std::string_view s, const TextIndex& index, size_t a, size_t b) {
  size_t ba = index.to_byte(a), bb = index.to_byte(std::max(a, b));
  return std::string(s.substr(ba, bb - ba));
}

}  // namespace lede
