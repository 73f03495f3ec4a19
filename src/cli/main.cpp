// `lede`: the command-line side of the core. See `lede help`.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"

namespace lede::cli {

bool read_input(const std::string& path, std::string* out) {
  std::ostringstream s;
  if (path == "-") {
    s << std::cin.rdbuf();
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    s << f.rdbuf();
  }
  *out = s.str();
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
    {"analyze", lede::cli::analyze, "analyze FILE | - | --jsonl   find actors, claims and numbers; print the .lede.json document (or JSON lines)"},
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
