// Word-wrapped layout of the article: lines of byte ranges with their vertical positions, and the
// inverse (point -> byte) for hit-testing. Works in CSS pixels with an explicit font size, so the
// same layout serves any devicePixelRatio.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct ImFont;

namespace lede {

struct PageLine {
  uint32_t begin, end;  // bytes of the line's text, without the paragraph's '\n'
  float y;              // top, relative to the page's top
  uint32_t paragraph;
};

struct PageLayout {
  ImFont* font = nullptr;
  float size = 18;          // ImGui font size (ascent - descent) in CSS px
  float em = 18;            // the font's em in CSS px
  float width = 600;        // wrap width
  float line_height = 27;
  float paragraph_gap = 12;
  float height = 0;         // total
  std::vector<PageLine> lines;

  void build(const std::string& text, ImFont* font, float size, float em, float width);
  // Index of the line at y (clamped to the first/last line); -1 when there are no lines.
  int line_at(float y) const;
  // Index of the line holding byte b (a '\n' belongs to the line it ends).
  int line_of(size_t b) const;
  float x_of(const std::string& text, const PageLine& line, size_t b) const;  // from the line's left edge
  size_t byte_at(const std::string& text, float x, float y) const;              // nearest caret position
  float advance(uint32_t cp) const;
};

}  // namespace lede
