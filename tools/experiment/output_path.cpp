#include "experiment/output_path.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::experiment {

namespace fs = std::filesystem;

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

void check_output_path(const std::string& out, bool replace, const std::string& replace_hint) {
  if (out.empty()) throw std::invalid_argument("the results file name is empty");
  fs::path directory = fs::path(out).parent_path();
  if (directory.empty()) directory = ".";
  struct stat dir {};
  if (::stat(directory.c_str(), &dir) != 0)
    throw std::invalid_argument(fmt::format("cannot write '{}': directory '{}' does not exist", out, directory.string()));
  if (!S_ISDIR(dir.st_mode))
    throw std::invalid_argument(fmt::format("cannot write '{}': '{}' is not a directory", out, directory.string()));
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw std::invalid_argument(
        fmt::format("cannot write '{}': directory '{}' is not writable ({})", out, directory.string(), std::strerror(errno)));
  struct stat file {};
  if (::lstat(out.c_str(), &file) != 0) return;  // a new name
  if (!S_ISREG(file.st_mode))
    throw std::invalid_argument(fmt::format("'{}' is {}; bstp writes results only to a new name or over a regular file "
                                            "(--force does not replace it)",
                                            out, kind_of(file.st_mode)));
  if (!replace) throw std::invalid_argument(fmt::format("{} exists; {}", out, replace_hint));
}

int remove_stale_temporaries(const std::string& out) {
  const fs::path path(out);
  fs::path directory = path.parent_path();
  if (directory.empty()) directory = ".";
  const std::string prefix = path.filename().string() + ".tmp-";
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid <= 0 || pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
    std::error_code removing;
    if (it->is_regular_file(removing) && fs::remove(it->path(), removing)) ++removed;
  }
  return removed;
}

}  // namespace bstp::experiment
