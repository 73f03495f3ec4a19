// `lede`: the command-line side of the core. See `lede help`.
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"

namespace lede::cli {

namespace {
std::string megabytes(uint64_t n) { return std::to_string((n + (1u << 19)) >> 20) + " MB"; }
}  // namespace

bool read_input(const std::string& path, std::string* out, size_t max_bytes, std::string* error) {
  auto too_large = [&](uint64_t n, bool at_least) {
    *error = path + ": the file is too large (" + (at_least ? "over " : "") + megabytes(n) + "); the limit is " +
             megabytes(max_bytes) + ".";
    return false;
  };
  out->clear();
  FILE* f = stdin;
  if (path != "-") {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) { *error = "cannot read " + path + ": " + std::strerror(errno); return false; }
    if (S_ISDIR(st.st_mode)) { *error = path + ": is a directory, not a file."; return false; }
    // A regular file's size is known: refuse before reading a byte of it.
    if (S_ISREG(st.st_mode) && uint64_t(st.st_size) > max_bytes) return too_large(uint64_t(st.st_size), false);
    f = std::fopen(path.c_str(), "rb");
    if (!f) { *error = "cannot read " + path + ": " + std::strerror(errno); return false; }
    if (S_ISREG(st.st_mode)) out->reserve(size_t(st.st_size));
  }
  // Pipes and stdin: read in blocks and stop one byte past the limit.
  char buf[1 << 16];
  bool over = false;
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    if (out->size() + n > max_bytes) { over = true; break; }
    out->append(buf, n);
  }
  bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (over) { out->clear(); return too_large(max_bytes, true); }
  if (failed) { *error = "cannot read " + path + ": read error"; return false; }
  return true;
}

}  // namespace lede::cli

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);  // argv[0] is the subcommand
  const char* help;
};

const Command kCommands[] = {
    {"validate", lede::cli::validate, "validate FILE          check an annotation file (.lede.json); exit 1 if it has problems"},
    {"convert", lede::cli::convert, "convert --to w3c|lede FILE [--text ARTICLE]   Lede file <-> W3C Web Annotation (JSON-LD), to stdout"},
    {"analyze", lede::cli::analyze, "analyze [--pretty] FILE | - | --jsonl [--jobs N]   find actors, claims and numbers; print the .lede.json document (or JSON lines, N threads: all cores by default)"},
    {"eval", lede::cli::eval, "eval FILE.jsonl [--verbose]   precision / recall / F1 of the analyzer on a hand-annotated set"},
    {"train", lede::cli::train, "train [--data DIR] [--out FILE]   retrain assets/model/ner.tsv from IOB2 NER data"},
};

int usage(FILE* out) {
  std::fprintf(out, "usage: lede COMMAND [ARGS]\n\ncommands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  lede %s\n", c.help);
  return out == stderr ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(stderr);
  if (!std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) return usage(stdout);
  for (const Command& c : kCommands)
    if (!std::strcmp(argv[1], c.name)) return c.run(argc - 1, argv + 1);
  std::fprintf(stderr, "lede: unknown command '%s'\n", argv[1]);
  return usage(stderr);
}
