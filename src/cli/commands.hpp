// The `lede` command-line tool: one function per subcommand, each in the file named after it.
#pragma once
#include <string>

namespace lede::cli {

// Reads a whole file, or stdin for "-". False if it cannot be read.
bool read_input(const std::string& path, std::string* out);

int validate(int argc, char** argv);  // cli_validate.cpp
int convert(int argc, char** argv);   // cli_convert.cpp
int analyze(int argc, char** argv);   // cli_analyze.cpp
int eval(int argc, char** argv);      // cli_eval.cpp
int train(int argc, char** argv);     // cli_train.cpp
}  // namespace lede::cli
