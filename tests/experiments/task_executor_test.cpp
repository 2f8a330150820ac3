// The experiment layer's executor (oneTBB): every index runs once whatever the thread count, no
// more than the threads asked for run at once, a failure stops new work and is rethrown, a stop
// flag keeps bodies from starting, and submitted work never runs on the submitting thread.
// (Named Executor so that scripts/test.sh runs them under ThreadSanitizer too.)
#include "experiment/task_executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
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

TEST_P(Executor, SlotsReadBackAfterEachOfSeveralLoops) {
  // The same executor, loop after loop, each reading what the previous one wrote.
  TaskExecutor executor(GetParam());
  std::vector<long> values(64, 1);
  for (int round = 0; round < 5; ++round)
    executor.for_each(values.size(), [&](std::size_t i) { values[i] = values[i] * 3 + static_cast<long>(i); });
  for (std::size_t i = 0; i < values.size(); ++i) {
    long want = 1;
    for (int round = 0; round < 5; ++round) want = want * 3 + static_cast<long>(i);
    EXPECT_EQ(values[i], want) << i;
  }
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

TEST_P(Executor, AStopRaisedMidwayLetsTheRunningBodiesFinish) {
  // As Ctrl-C during a run: bodies already running finish (and their slots are written), none
  // starts after the flag.
  TaskExecutor executor(GetParam());
  std::atomic<bool> stop{false};
  std::vector<int> done(1000, 0);
  std::atomic<int> started_after_stop{0};
  executor.for_each(
      done.size(),
      [&](std::size_t i) {
        if (stop.load()) ++started_after_stop;
        if (i == 10) stop = true;
        done[i] = 1;
      },
      &stop);
  int finished = 0;
  for (const int d : done) finished += d;
  EXPECT_GE(finished, 1);
  EXPECT_LT(finished, 1000);
  EXPECT_EQ(done[10], 1);
  // A body that had passed the check before the flag rose may see it; at most one per thread.
  EXPECT_LE(started_after_stop.load(), static_cast<int>(GetParam()));
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
  std::set<int> distinct(done.begin(), done.end());
  EXPECT_EQ(distinct.size(), 50u);
}

TEST_P(Executor, SubmittedWorkNeverRunsOnTheSubmittingThread) {
  // The MPI farm's coordinating thread submits and must stay free to talk MPI.
  TaskExecutor executor(GetParam());
  const std::thread::id me = std::this_thread::get_id();
  std::atomic<int> on_me{0}, ran{0};
  for (int i = 0; i < 20; ++i)
    executor.submit([&] {
      if (std::this_thread::get_id() == me) ++on_me;
      std::this_thread::sleep_for(std::chrono::microseconds(300));
      ++ran;
    });
  // Until wait(), the submitting thread only watches the work get done by others.
  for (int spins = 0; ran.load() < 20 && spins < 100000; ++spins) std::this_thread::sleep_for(std::chrono::microseconds(100));
  EXPECT_EQ(ran.load(), 20);
  EXPECT_EQ(on_me.load(), 0);
  executor.wait();
}

TEST_P(Executor, SubmittedSlotsReadBackAfterWait) {
  TaskExecutor executor(GetParam());
  std::vector<double> slots(200, 0.0);
  for (std::size_t i = 0; i < slots.size(); ++i)
    executor.submit([&slots, i] { slots[i] = 0.5 * static_cast<double>(i); });
  executor.wait();
  for (std::size_t i = 0; i < slots.size(); ++i) EXPECT_EQ(slots[i], 0.5 * static_cast<double>(i)) << i;
}

INSTANTIATE_TEST_SUITE_P(Threads, Executor, ::testing::Values(1u, 2u, 4u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

}  // namespace
