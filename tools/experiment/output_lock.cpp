#include "experiment/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace bstp::experiment {

namespace {

// What the holder wrote into the lock file: "pid PID on HOST".
std::string holder_of(int fd) {
  char buffer[256];
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return "another bstp process";
  std::string text(buffer, static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text.empty() ? "another bstp process" : "bstp (" + text + ")";
}

}  // namespace

OutputLock::OutputLock(const std::string& out) : path_(lock_path(out)) {
  // The file may be removed by its holder between our open and our flock: then we would hold a
  // lock on a name that no longer exists. Check that the locked file is still the named one.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
      throw std::runtime_error(fmt::format("cannot create the lock file '{}': {}", path_, std::strerror(errno)));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string holder = holder_of(fd);
      ::close(fd);
      if (error == EWOULDBLOCK)
        throw std::invalid_argument(fmt::format("{} is in use: {} is writing it (it holds {}); wait for it to finish, "
                                                "or give this run another --out",
                                                out, holder, path_));
      throw std::runtime_error(fmt::format("cannot lock '{}': {}", path_, std::strerror(error)));
    }
    struct stat locked {}, named {};
    if (::fstat(fd, &locked) == 0 && ::stat(path_.c_str(), &named) == 0 && locked.st_ino == named.st_ino &&
        locked.st_dev == named.st_dev) {
      char host[256] = "";
      (void)::gethostname(host, sizeof host - 1);
      const std::string who = fmt::format("pid {} on {}\n", ::getpid(), host);
      if (::ftruncate(fd, 0) == 0) (void)::pwrite(fd, who.data(), who.size(), 0);
      fd_ = fd;
      return;
    }
    ::close(fd);  // lost the race to a holder that removed it: try again with the new file
  }
  throw std::runtime_error(fmt::format("cannot lock '{}': it keeps being replaced", path_));
}

OutputLock::OutputLock(OutputLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) { other.fd_ = -1; }

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still holding the lock: see the constructor
  ::close(fd_);
}

}  // namespace bstp::experiment
