// The loader fuzz target's invariants over its seed corpus (tests/data/good, bad, w3c), run as a
// unit test so they are also checked in WebAssembly (ctest unit.wasm), where size_t is 32 bits and
// libFuzzer does not run. A broken invariant aborts, naming it, as in the fuzzer.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/fuzz_loader.cpp"
#include "test_support.hpp"

TEST_CASE("fuzz corpus: the loader's invariants hold on every seed, natively and in Wasm") {
  size_t files = 0;
  for (const char* dir : {"tests/data/good", "tests/data/bad", "tests/data/w3c"}) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(std::string(LEDE_SOURCE_DIR) + "/" + dir))
      if (e.is_regular_file()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string bytes = read_source_file(std::string(dir) + "/" + name);
      INFO(dir << "/" << name);
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++files;
    }
  }
  CHECK(files >= 90);
  // Offsets at the edges of 32 and 53 bits, in a Lede file and in W3C selectors.
  for (const char* at : {"4294967295", "4294967296", "4294967297", "9007199254740992", "9007199254740993"}) {
    std::string f = std::string(R"({"format":"lede-annotations","version":1,"document":{"text":"Zoë said hello."},)") +
                    R"("annotations":[{"id":"a","label":"actor","start":0,"end":3}],)" +
                    R"("orphans":[{"id":"o","label":"actor","start":)" + at + R"(,"end":)" + at +
                    R"(,"quote":{"exact":"Zoë"}}]})";
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(f.data()), f.size());
  }
}
