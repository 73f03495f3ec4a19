#pragma once
#include <fstream>
#include <sstream>
#include <string>

// Reads a file of the source tree (works natively and under node with NODERAWFS).
inline std::string read_source_file(const std::string& rel) {
  std::ifstream f(std::string(LEDE_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}
