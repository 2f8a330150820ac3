// The experiment layer's executor (oneTBB): every index runs once whatever the thread count, no
// more than the threads asked for run at once, a failure stops new work and is rethrown, and a
// stop flag keeps bodies from starting.
#include "experiment/task_executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using bstp::experiment::TaskExecutor;

class Executor : public ::testing::TestWithParam<unsigned> {};

TEST_P(Executor, RunsEveryIndexOnceIntoItsOwnSlot) {
  TaskExecutor executor(GetParam());
  std::vector<int> runs(500, 0);
  executor.for_each(runs.size(), [&](std::size_t i) { runs[i] += static_cast<int>(i) + 1; });
  for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], static_cast<int>(i) + 1) << i;
}

TEST_P(Executor, NeverRunsMoreBodiesAtOnceThanItsThreads) {
  const unsigned threads = GetParam();
  TaskExecutor executor(threads);
  std::atomic<int> running{0}, peak{0};
  executor.for_each(64, [&](std::size_t) {
    const int now = ++running;
    for (int seen = peak.load(); now > seen && !peak.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --running;
  });
  EXPECT_GE(peak.load(), 1);
  EXPECT_LE(peak.load(), static_cast<int>(threads));
}

TEST_P(Executor, AFailureStopsNewWorkAndIsRethrown) {
  TaskExecutor executor(GetParam());
  std::atomic<int> started{0};
  EXPECT_THROW(executor.for_each(10000,
                                 [&](std::size_t i) {
                                   ++started;
                                   if (i == 3) throw std::runtime_error("replication 3 failed");
                                   std::this_thread::sleep_for(std::chrono::microseconds(200));
                                 }),
               std::runtime_error);
  EXPECT_LT(started.load(), 10000);  // the rest never started
}

TEST_P(Executor, AStopFlagKeepsBodiesFromStarting) {
  TaskExecutor executor(GetParam());
  const std::atomic<bool> stop{true};
  std::atomic<int> started{0};
  executor.for_each(100, [&](std::size_t) { ++started; }, &stop);
  EXPECT_EQ(started.load(), 0);
}

TEST_P(Executor, SubmittedWorkAllRunsBeforeWaitReturns) {
  TaskExecutor executor(GetParam());
  std::mutex mutex;
  std::vector<int> done;
  for (int i = 0; i < 50; ++i)
    executor.submit([&, i] {
      std::lock_guard lock(mutex);
      done.push_back(i);
    });
  executor.wait();
  EXPECT_EQ(done.size(), 50u);
}

INSTANTIATE_TEST_SUITE_P(Threads, Executor, ::testing::Values(1u, 2u, 4u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

}  // namespace
