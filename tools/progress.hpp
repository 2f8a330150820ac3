// A progress line on stderr while long runs work: done/total, rate and time left. Shown only when
// stderr is a terminal; silent in pipes, batch jobs and tests.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace bstp::tools {

class Progress {
 public:
  Progress(std::string what, std::size_t total);
  ~Progress();
  // Thread-safe: records `n` more units done and redraws at most a few times per second.
  void advance(std::size_t n = 1);

 private:
  void draw(bool final);
  std::string what_;
  std::size_t total_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

}  // namespace bstp::tools
