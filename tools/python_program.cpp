#include "python_program.hpp"

#include "command.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

extern char** environ;

namespace bstp::tools {

namespace fs = std::filesystem;

PythonLayout find_python_layout() {
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

namespace {
bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }
}  // namespace

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

int run_python_module(const std::string& module, const std::vector<std::string>& module_args, const std::string& what) {
  const PythonLayout layout = find_python_layout();
  if (!layout.package_root)
    throw std::runtime_error(fmt::format(
        "cannot find the {}'s Python package (python/bstp_report next to the program or in its source tree)", what));
  const std::optional<std::string> python = find_python();
  if (!python)
    throw std::runtime_error(
        "python3 not found: install Debian's python3 (./scripts/install-deps.sh) or set BSTP_PYTHON");

  std::vector<std::string> args{*python, "-m", module};
  args.insert(args.end(), module_args.begin(), module_args.end());
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
  std::cerr << "bstp: failed: the " << what << "'s Python program was stopped by signal " << WTERMSIG(status) << "\n";
  return kExitFailure;
}

int write_page(const std::string& module, const std::string& source, const std::string& out, const std::string& lang,
               bool force, const std::string& what) {
  if (!std::filesystem::exists(source)) throw UsageError(fmt::format("{}: no such file", source));
  if (std::filesystem::exists(out) && !force) throw UsageError(fmt::format("{} exists; pass --force to overwrite it", out));
  std::vector<std::string> args{source, "--out", out, "--lang", lang};
  if (force) args.emplace_back("--force");
  return run_python_module(module, args, what);
}

}  // namespace bstp::tools
