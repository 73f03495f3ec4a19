// The fuzz targets' one assertion: a broken invariant aborts, so libFuzzer keeps the input.
#pragma once
#include <cstdio>
#include <cstdlib>

inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}
