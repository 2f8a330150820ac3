#include "progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

std::string duration_text(double seconds) {
  if (seconds < 90) return fmt::format("{:.0f} s", seconds);
  if (seconds < 5400) return fmt::format("{:.0f} min", seconds / 60);
  return fmt::format("{:.1f} h", seconds / 3600);
}

}  // namespace

Progress::Progress(std::string what, std::size_t total) : Progress(std::move(what), total, stderr, isatty(STDERR_FILENO) != 0) {}

Progress::Progress(std::string what, std::size_t total, std::FILE* out, bool terminal)
    : what_(std::move(what)), total_(total), out_(out), terminal_(terminal), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (terminal_ && done_ > 0) draw(true);
}

void Progress::advance(std::size_t n) {
  if (total_ == 0) return;
  std::lock_guard lock(mutex_);
  done_ += n;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
    last_draw_ = now;
    draw(false);
    return;
  }
  const std::size_t percent = 100 * done_ / total_;
  if (percent < next_percent_ && done_ < total_ && now - last_draw_ < kLineInterval) return;
  while (next_percent_ <= percent) next_percent_ += kLinePercent;
  last_draw_ = now;
  line();
}

void Progress::line() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  const std::string left =
      done_ == total_ ? fmt::format("done in {}", duration_text(elapsed))
                      : fmt::format("about {} left", rate > 0 ? duration_text(static_cast<double>(total_ - done_) / rate) : "?");
  std::fprintf(out_, "%s", fmt::format("bstp: {}: {}/{} ({}%), {:.2f}/s, {}\n", what_, done_, total_, 100 * done_ / total_, rate, left).c_str());
  std::fflush(out_);
}

void Progress::draw(bool final) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0.0;
  constexpr int kWidth = 30;
  const int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(out_, "\r%s", fmt::format("{} [{}] {}/{}  {:.1f}/s  ETA {:.0f}s   ", what_, bar, done_, total_, rate, left).c_str());
  if (final) std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace bstp::tools
