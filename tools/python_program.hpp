// Running one of bstp's Python programs (python/bstp_report): finding the package next to the
// installed program or in the source tree, the compiled catalogs, and python3, then running
// `python3 -m MODULE ARGS...` and mapping its exit code to bstp's. Used by `bstp review`
// and `bstp report` (tools/review_command.cpp, tools/report_command.cpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bstp::tools {

// Where the Python package and the compiled catalogs are: walking up from the program's
// directory, the first `python/bstp_report` (source tree) or `share/bstp/python/bstp_report`
// (installed), and the first `python/locale` (the build tree's compiled catalogs).
struct PythonLayout {
  std::optional<std::filesystem::path> package_root;
  std::optional<std::filesystem::path> locale_dir;
};
PythonLayout find_python_layout();

// BSTP_PYTHON if set; else Debian's /usr/bin/python3; else the first python3 on PATH.
std::optional<std::string> find_python();

// Runs `python3 -m module args... [--locale-dir DIR]` with the package on PYTHONPATH and returns
// bstp's exit code (0, 1, or 2 when the program says the input or arguments are bad). Throws
// std::runtime_error when the package or python3 cannot be found or run.
int run_python_module(const std::string& module, const std::vector<std::string>& args, const std::string& what);

// A page command (`bstp report`, `bstp review`): refuses a missing `source` or an existing `out`
// without `force` (UsageError), then runs `module SOURCE --out OUT --lang LANG [--force]`.
int write_page(const std::string& module, const std::string& source, const std::string& out, const std::string& lang,
               bool force, const std::string& what);

}  // namespace bstp::tools
