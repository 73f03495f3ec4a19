#include "app/page_layout.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "imgui.h"

namespace lede {

float PageLayout::advance(uint32_t cp) const {
  return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * (size / font->FontSize);
}

void PageLayout::build(const std::string& text, ImFont* f, float sz, float em_px, float w) {
  font = f;
  size = sz;
  em = em_px;
  width = w;
  line_height = std::round(em_px * 1.6f);
  paragraph_gap = std::round(em_px * 0.8f);
  lines.clear();
  const float scale = sz / f->FontSize;
  float y = 0;
  uint32_t para = 0;
  const char* base = text.data();
  size_t p = 0, n = text.size();
  while (p <= n) {
    size_t nl = text.find('\n', p);
    size_t pe = nl == std::string::npos ? n : nl;
    if (pe == p) {
      // Empty paragraph (a blank line): a short gap, no line, keeps offsets reachable.
      lines.push_back({uint32_t(p), uint32_t(p), y, para});
      y += line_height * 0.5f;
    } else {
      const char* s = base + p;
      const char* e = base + pe;
      while (s < e) {
        const char* brk = f->CalcWordWrapPositionA(scale, s, e, width);
        if (brk == s) brk = s + 1;  // a glyph wider than the column: still make progress
        while (brk < e && (*brk & 0xC0) == 0x80) ++brk;
        lines.push_back({uint32_t(s - base), uint32_t(brk - base), y, para});
        y += line_height;
        s = brk;
        while (s < e && *s == ' ') ++s;  // wrapped spaces belong to the previous line
        if (s > brk) lines.back().end = uint32_t(s - base);
      }
      y += paragraph_gap;
    }
    ++para;
    if (nl == std::string::npos) break;
    p = nl + 1;
  }
  height = y;
}

int PageLayout::line_at(float y) const {
  if (lines.empty()) return -1;
  auto it = std::upper_bound(lines.begin(), lines.end(), y, [](float v, const PageLine& l) { return v < l.y; });
  if (it == lines.begin()) return 0;
  return int(it - lines.begin()) - 1;
}

int PageLayout::line_of(size_t b) const {
  if (lines.empty()) return -1;
  auto it = std::upper_bound(lines.begin(), lines.end(), b, [](size_t v, const PageLine& l) { return v < l.begin; });
  if (it == lines.begin()) return 0;
  return int(it - lines.begin()) - 1;
}

float PageLayout::x_of(const std::string& text, const PageLine& line, size_t b) const {
  float x = 0;
  uint32_t cp;
  for (size_t i = line.begin; i < b && i < line.end;) {
    i += utf8_decode(text, i, &cp);
    x += advance(cp);
  }
  return x;
}

size_t PageLayout::byte_at(const std::string& text, float x, float y) const {
  int li = line_at(y);
  if (li < 0) return 0;
  const PageLine& line = lines[li];
  if (y < line.y && li == 0) return line.begin;
  float cx = 0;
  uint32_t cp;
  size_t end = line.end;
  // Trailing spaces of a wrapped line: the caret goes before them when clicking far right.
  while (end > line.begin && text[end - 1] == ' ' && li + 1 < int(lines.size()) && lines[li + 1].paragraph == line.paragraph)
    --end;
  for (size_t i = line.begin; i < end;) {
    int len = utf8_decode(text, i, &cp);
    float a = advance(cp);
    if (x < cx + a * 0.5f) return i;
    cx += a;
    i += len;
  }
  return end;
}

}  // namespace lede
