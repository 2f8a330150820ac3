// A deliberately racy program: two tasks of the experiment executor write the same int with no
// synchronisation. Built and run by ctest under the tsan preset only (tests/experiments/
// CMakeLists.txt), with the project's suppressions (tests/tsan.supp): the test passes only when
// ThreadSanitizer reports the race with our write as its top frame. It proves that the executor's
// hand-over annotations (task_executor.cpp) and the suppressions for oneTBB's own code do not hide
// a race between two task bodies.
//   executor_race_probe for_each   two bodies of one for_each
//   executor_race_probe submit     two submitted tasks (the MPI farm's compute threads)
#include "experiment/task_executor.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <thread>

namespace {

int g_shared = 0;
std::atomic<int> g_arrived{0};
std::atomic<bool> g_first_written{false};

[[gnu::noinline]] void write_the_shared_int(int value) { g_shared = value; }

// Spins (bounded) until `done()`. Relaxed atomics only: ThreadSanitizer takes no happens-before
// edge from them.
template <class Done>
void spin_until(Done done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!done() && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
}

// Each task waits until the other has started, so that the two run on two threads at once; then
// task 1 writes, and task 2 writes once task 1 has (two writes at the very same moment could
// both pass TSan's check before either is recorded).
void racy_task(int value) {
  g_arrived.fetch_add(1, std::memory_order_relaxed);
  spin_until([] { return g_arrived.load(std::memory_order_relaxed) >= 2; });
  if (value == 2) spin_until([] { return g_first_written.load(std::memory_order_relaxed); });
  write_the_shared_int(value);
  if (value == 1) g_first_written.store(true, std::memory_order_relaxed);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view how = argc > 1 ? argv[1] : "";
  bstp::experiment::TaskExecutor executor(2);
  if (how == "for_each") {
    executor.for_each(2, [](std::size_t i) { racy_task(static_cast<int>(i) + 1); });
  } else if (how == "submit") {
    executor.submit([] { racy_task(1); });
    executor.submit([] { racy_task(2); });
    executor.wait();
  } else {
    std::fprintf(stderr, "usage: executor_race_probe for_each|submit\n");
    return 2;
  }
  std::printf("no race reported (the value is %d)\n", g_shared);
  return 0;
}
