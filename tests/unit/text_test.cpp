#include <doctest/doctest.h>

#include "core/article.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

using namespace lede;

TEST_CASE("code points and bytes convert both ways") {
  std::string s = "Zoë “Kyiv” 𝄞 end";
  TextIndex ix(s);
  CHECK(ix.length() == 16);
  CHECK(ix.byte_size() == s.size());
  for (size_t cp = 0; cp <= ix.length(); ++cp) CHECK(ix.to_cp(ix.to_byte(cp)) == cp);
  CHECK(ix.to_byte(2) == 2);         // 'ë' starts at byte 2
  CHECK(ix.to_byte(3) == 4);         // after the two bytes of 'ë'
  CHECK(ix.to_cp(3) == 2);           // a byte inside 'ë' belongs to it
  CHECK(cp_substr(s, ix, 4, 10) == "“Kyiv”");
  CHECK(ix.to_byte(999) == s.size());
}

TEST_CASE("the index stays exact across its checkpoints on long text") {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += (i % 3 == 0) ? "é" : (i % 3 == 1 ? "a" : "€");
  TextIndex ix(s);
  REQUIRE(ix.length() == 1000);
  size_t byte = 0;
  for (size_t cp = 0; cp < 1000; ++cp) {
    CHECK(ix.to_byte(cp) == byte);
    CHECK(ix.to_cp(byte) == cp);
    byte += (cp % 3 == 0) ? 2 : (cp % 3 == 1 ? 1 : 3);
  }
}

TEST_CASE("invalid UTF-8 is replaced, never trusted") {
  std::string bad = "ok \xC3 then \xFF\xFE and \xE2\x80";
  CHECK_FALSE(utf8_valid(bad));
  std::string clean = utf8_sanitize(bad);
  CHECK(utf8_valid(clean));
  CHECK(clean == "ok \xEF\xBF\xBD then \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD");
  // Overlong encodings and surrogates are invalid too.
  CHECK_FALSE(utf8_valid("\xC0\xAF"));
  CHECK_FALSE(utf8_valid("\xED\xA0\x80"));
}

TEST_CASE("opening an article: BOM, line ends and the errors a reader sees") {
  auto r = decode_article_bytes("\xEF\xBB\xBFLine one\r\nLine two\rthree");
  REQUIRE(r.ok);
  CHECK(r.text == "Line one\nLine two\nthree");

  auto bin = decode_article_bytes(std::string("PNG\0\x01\x02", 6));
  CHECK_FALSE(bin.ok);
  CHECK(bin.error.find("binary data") != std::string::npos);

  auto latin1 = decode_article_bytes("Caf\xE9 au lait");
  CHECK_FALSE(latin1.ok);
  CHECK(latin1.error.find("not valid UTF-8 (byte 0xE9 at offset 3)") != std::string::npos);

  auto utf16 = decode_article_bytes(std::string("\xFF\xFEH\0i\0", 6));
  CHECK_FALSE(utf16.ok);
  CHECK(utf16.error.find("UTF-16") != std::string::npos);

  auto empty = decode_article_bytes(" \n\n ");
  CHECK_FALSE(empty.ok);
  CHECK(empty.error.find("empty") != std::string::npos);

  auto big = decode_article_bytes(std::string(2000, 'a'), 1000);
  CHECK_FALSE(big.ok);
  CHECK(big.error.find("too large") != std::string::npos);
}

TEST_CASE("Markdown articles keep their words and lose their markup") {
  std::string heading;
  std::string t = markdown_to_text("# Big *news* today\n\nThe [UN](https://un.org) met\non **Friday**.\n\n> A quote\n", &heading);
  CHECK(heading == "Big news today");
  CHECK(t == "Big news today\nThe UN met on Friday.\nA quote");
  auto r = article_from_file("notes/story.md", "# Title\n\nBody text");
  REQUIRE(r.ok);
  CHECK(r.document.title == "Title");
  CHECK(file_stem("a/b/dprk-missiles-un.txt") == "dprk-missiles-un");
  CHECK(file_stem("x.lede.json") == "x");
}

TEST_CASE("SHA-256 matches the standard test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
