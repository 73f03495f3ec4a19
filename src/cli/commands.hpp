// The `lede` command-line tool: one function per subcommand, each in the file named after it.
#pragma once
#include <string>

namespace lede::cli {

// Reads a whole file, or stdin for "-", of at most max_bytes. The size is checked before anything
// is read (stdin: reading stops at max_bytes + 1), and a directory is named as such. False with a
// message for stderr ("PATH: why") when it cannot be read or is too large.
bool read_input(const std::string& path, std::string* out, size_t max_bytes, std::string* error);

int validate(int argc, char** argv);  // cli_validate.cpp
int convert(int argc, char** argv);   // cli_convert.cpp
int analyze(int argc, char** argv);   // cli_analyze.cpp
int eval(int argc, char** argv);      // cli_eval.cpp
int train(int argc, char** argv);     // cli_train.cpp
int graph(int argc, char** argv);     // cli_graph.cpp
int timeline(int argc, char** argv);  // cli_graph.cpp
}  // namespace lede::cli
