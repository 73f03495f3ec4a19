// One pass over UTF-8 bytes: words, numbers, punctuation, with byte offsets, hashes and shape flags.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace lede::analysis {

enum TokType : uint8_t { T_WORD, T_NUM, T_PUNCT };
enum TokFlag : uint16_t {
  F_SPACE = 1,       // whitespace before
  F_NEWLINE = 2,     // a line break before (paragraph start)
  F_CAP = 4,         // starts with an upper-case letter
  F_ALLCAPS = 8,     // two or more letters, all upper case (acronym)
  F_DIGIT = 16,      // contains a digit
  F_SENT = 32,       // first token of a sentence
  F_OPENQ = 64,      // quotation mark that opens
  F_CLOSEQ = 128,    // quotation mark that closes
  F_HYPHEN = 256,    // word contains a hyphen
  F_DOT = 512,       // word contains an internal/abbreviation period (U.S., p.m.)
  F_POSS = 1024,     // the possessive 's / ’s (a token of its own)
};

struct Token {
  uint32_t b = 0, e = 0;  // byte offsets
  uint64_t hs = 0, hl = 0;  // case-sensitive and lower-case hashes of the token text
  uint8_t type = T_WORD;
  uint16_t flags = 0;
  uint32_t cp = 0;  // code point (for punctuation tokens)
};

// Tokenizes s (which must be valid UTF-8 or contain U+FFFD replacements; invalid bytes are
// treated as punctuation). Appends to out.
void tokenize(std::string_view s, std::vector<Token>& out);

// Marks F_SENT on sentence-initial tokens. abbreviation(i) tells whether a word before '.' is an
// abbreviation that does not end a sentence.
bool is_letter_cp(uint32_t cp);
bool is_upper_cp(uint32_t cp);

}  // namespace lede::analysis
