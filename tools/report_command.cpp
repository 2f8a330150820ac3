// `bstp report RESULTS.h5 -o report.html [--lang en|es]`: a self-contained HTML page of a results
// file (docs/report.md). The page is made by the Python package python/bstp_report, which this
// command finds next to the installed program or in the source tree and runs with python3.
#include "command.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include <fmt/format.h>

extern char** environ;

namespace bstp::tools {
namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::string results;
  std::string out;
  std::string lang = "en";
  bool force = false;
};

// Where the Python package and the compiled catalogs are: walking up from the program's
// directory, the first `python/bstp_report` (source tree) or `share/bstp/python/bstp_report`
// (installed), and the first `python/locale` (the build tree's compiled catalogs).
struct PythonLayout {
  std::optional<fs::path> package_root;
  std::optional<fs::path> locale_dir;
};

PythonLayout find_layout() {
  PythonLayout layout;
  std::error_code ec;
  fs::path dir = fs::canonical("/proc/self/exe", ec).parent_path();
  if (ec) dir = fs::current_path();
  for (int depth = 0; depth < 6 && !dir.empty(); ++depth, dir = dir.parent_path()) {
    for (const fs::path& root : {dir / "python", dir / "share" / "bstp" / "python"}) {
      if (!layout.package_root && fs::exists(root / "bstp_report" / "__main__.py", ec)) layout.package_root = root;
      if (!layout.locale_dir && fs::exists(root / "locale", ec)) layout.locale_dir = root / "locale";
    }
    if (dir == dir.parent_path()) break;
  }
  return layout;
}

bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

// BSTP_PYTHON if set; else Debian's /usr/bin/python3 (where install-deps.sh puts the modules);
// else the first python3 on PATH.
std::optional<std::string> find_python() {
  if (const char* chosen = std::getenv("BSTP_PYTHON"); chosen && *chosen) return std::string(chosen);
  if (executable("/usr/bin/python3")) return std::string("/usr/bin/python3");
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "python3";
    if (end > start && executable(candidate)) return candidate.string();
    start = end + 1;
  }
  return std::nullopt;
}

int report(const ReportOptions& o) {
  if (!fs::exists(o.results)) throw UsageError(fmt::format("{}: no such file", o.results));
  if (fs::exists(o.out) && !o.force) throw UsageError(fmt::format("{} exists; pass --force to overwrite it", o.out));
  const PythonLayout layout = find_layout();
  if (!layout.package_root)
    throw std::runtime_error(
        "cannot find the report's Python package (python/bstp_report next to the program or in its source tree)");
  const std::optional<std::string> python = find_python();
  if (!python)
    throw std::runtime_error(
        "python3 not found: install Debian's python3 (./scripts/install-deps.sh) or set BSTP_PYTHON");

  std::vector<std::string> args{*python, "-m", "bstp_report", o.results, "--out", o.out, "--lang", o.lang};
  if (o.force) args.emplace_back("--force");
  if (layout.locale_dir) args.insert(args.end(), {"--locale-dir", layout.locale_dir->string()});
  const char* old_path = std::getenv("PYTHONPATH");
  const std::string python_path =
      layout.package_root->string() + (old_path && *old_path ? std::string(":") + old_path : "");
  ::setenv("PYTHONPATH", python_path.c_str(), 1);
  ::setenv("PYTHONDONTWRITEBYTECODE", "1", 1);  // leave no __pycache__ in the source tree

  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (const int err = ::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ); err != 0)
    throw std::runtime_error(fmt::format("cannot run {}: {}", *python, std::strerror(err)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(fmt::format("waiting for {}: {}", *python, std::strerror(errno)));
  if (WIFEXITED(status))
    return WEXITSTATUS(status) == kExitUsage ? kExitUsage : WEXITSTATUS(status) == 0 ? kExitOk : kExitFailure;
  std::cerr << "bstp: failed: the report's Python program was stopped by signal " << WTERMSIG(status) << "\n";
  return kExitFailure;
}

}  // namespace

void add_report_command(Program& program) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = program.app.add_subcommand("report", "Write a self-contained HTML report of a results file");
  cmd->description(
      "Write a self-contained HTML report of a results file (docs/report.md).\n"
      "For a `bstp run --out` or `bstp sweep --out` file: the headline per policy (change from the first policy\n"
      "with its paired 95% interval, in plain words), every indicator in a table, monthly series with bands,\n"
      "per-country bars, each indicator against each swept parameter, a map of the kg through each border\n"
      "crossing and the seizures at it, and a map of the change from the first policy. One HTML file with its\n"
      "figures inside: it opens offline and can be mailed as it is.\n"
      "Needs python3 with Debian's python3-h5py, -numpy, -xarray, -pandas, -matplotlib, -jinja2 and -yaml\n"
      "(./scripts/install-deps.sh); set BSTP_PYTHON to use another interpreter.\n\n"
      "Examples:\n"
      "  bstp run scenarios/tutorial.yaml --out tutorial.h5 && bstp report tutorial.h5 -o tutorial.html\n"
      "  bstp report seats.h5 -o seats-es.html --lang es");
  cmd->add_option("results", o->results, "Results file (HDF5, written by bstp run/sweep --out)")->required();
  cmd->add_option("-o,--out", o->out, "HTML file to write")->required();
  cmd->add_option("--lang", o->lang,
                  "Language of the page: en (English), es (Spanish), or any other with a catalog in "
                  "python/bstp_report/locale")
      ->check(CLI::Validator(
          [](std::string& lang) {
            const bool ok =
                lang.size() >= 2 && lang.size() <= 5 &&
                std::all_of(lang.begin(), lang.end(), [](unsigned char c) { return std::isalpha(c) || c == '_'; });
            return ok ? std::string() : "expected a language code such as en or es, got '" + lang + "'";
          },
          "LANG", "language code"))
      ->default_str("en");
  cmd->add_flag("--force", o->force, "Replace an existing output file");
  program.actions[cmd] = [o] { return report(*o); };
}

}  // namespace bstp::tools
