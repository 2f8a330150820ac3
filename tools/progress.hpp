// Progress on stderr while long runs work: done/total, rate and time left. On a terminal, one line
// redrawn a few times a second. Elsewhere (a batch job's log, a pipe) plain lines, one each time
// another 5% is done or 60 s have passed since the last, so a log shows the run is alive and how
// far it got without filling up.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace bstp::tools {

class Progress {
 public:
  // Draws on a terminal, writes lines elsewhere (stderr).
  Progress(std::string what, std::size_t total);
  // For tests: writes to `out`, as lines unless `terminal`.
  Progress(std::string what, std::size_t total, std::FILE* out, bool terminal);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // Thread-safe: records `n` more units done and redraws (or writes a line) when it is time.
  void advance(std::size_t n = 1);

  static constexpr int kLinePercent = 5;                     // a line each 5% done...
  static constexpr std::chrono::seconds kLineInterval{60};  // ...or each minute

 private:
  void draw(bool final);
  void line();
  std::string what_;
  std::size_t total_, done_ = 0;
  std::FILE* out_;
  bool terminal_;
  std::size_t next_percent_ = kLinePercent;  // lines: the next multiple of 5% to report
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

}  // namespace bstp::tools
