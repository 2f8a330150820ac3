// PHOLD on the kernel against the bare yardstick loop, in one run.
//   W1: 1024 LPs, population 1, remote 0.25, lookahead 0.1, mean 1.0 (end 2000 here, not 12000,
//       to keep an iteration short), sequential scheduler.
//   W2: 16384 LPs, population 1, remote 0.25, lookahead 1.0, mean 2.0, end 200, on 1 thread
//       (the sequential scheduler, as `bstp phold --threads 1`) and on 2 threads (measured
//       balance, the default; and equal blocks, BM_PholdW2_KernelBlocks).
// Every benchmark reports `events_per_second`: committed events over wall-clock time of the
// whole iteration (building the LPs included; it is under 1% of the run). The CPU column is the
// CPU time of the whole process (all threads), so for W2 on 2 threads it shows how much work the
// run did in total, apart from how much of the machine it got.
//
// On a shared machine, run with repetitions interleaved in random order, so that a busy spell
// hits every benchmark alike, and compare medians (or the `_min` rows: fastest repetition):
//   bench_phold --benchmark_repetitions=10 --benchmark_enable_random_interleaving=true
#include "phold_bare.hpp"

#include <phold/phold.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {

bstp::phold::Config w1() {
  return {.lps = 1024, .population = 1, .remote = 0.25, .lookahead = 0.1, .mean = 1.0, .end = 2000.0, .seed = 42,
          .threads = 1};
}

bstp::phold::Config w2(unsigned threads) {
  return {.lps = 16384, .population = 1, .remote = 0.25, .lookahead = 1.0, .mean = 2.0, .end = 200.0, .seed = 42,
          .threads = threads};
}

void run_kernel(benchmark::State& state, const bstp::phold::Config& config) {
  std::uint64_t events = 0, windows = 0;
  for (auto _ : state) {
    const bstp::phold::Result r = bstp::phold::run(config);
    benchmark::DoNotOptimize(r.checksum);
    events += r.stats.committed_events;
    windows += r.stats.windows;
  }
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
  if (windows != 0)
    state.counters["windows"] = benchmark::Counter(static_cast<double>(windows), benchmark::Counter::kAvgIterations);
}

void run_bare(benchmark::State& state, const bstp::bench::BareConfig& config) {
  std::uint64_t events = 0;
  for (auto _ : state) {
    const std::uint64_t n = bstp::bench::run_bare_phold(config);
    benchmark::DoNotOptimize(n);
    events += n;
  }
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

double fastest(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void BM_PholdW1_Kernel(benchmark::State& state) { run_kernel(state, w1()); }
// W1 with an observer that counts and folds every committed event (what a trace or an event log
// pays; with no observer the kernel runs the loop without observer code).
void BM_PholdW1_KernelObserved(benchmark::State& state) {
  std::uint64_t events = 0, digest = 0;
  for (auto _ : state) {
    bstp::phold::Model model(w1());
    model.simulation().set_observer([&digest](const bstp::CommittedEvent& e) {
      digest = bstp::hash_combine(digest, static_cast<std::uint64_t>(e.time) ^ e.lp);
    });
    events += model.simulation().run().committed_events;
    benchmark::DoNotOptimize(digest);
  }
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}
void BM_PholdW1_Bare(benchmark::State& state) {
  run_bare(state, {.lps = 1024, .lookahead = 0.1, .mean = 1.0, .end = 2000.0, .remote = 0.25});
}
void BM_PholdW2_Kernel(benchmark::State& state) { run_kernel(state, w2(static_cast<unsigned>(state.range(0)))); }
// W2 on 2 threads with equal blocks of LPs throughout (Balance::blocks, `bstp phold --balance
// blocks`): the kernel's scaling without the measured balance's timing and moves, which PHOLD's
// LPs, all alike, do not need.
void BM_PholdW2_KernelBlocks(benchmark::State& state) {
  bstp::phold::Config config = w2(2);
  config.balance = bstp::Balance::blocks;
  run_kernel(state, config);
}
void BM_PholdW2_Bare(benchmark::State& state) {
  run_bare(state, {.lps = 16384, .lookahead = 1.0, .mean = 2.0, .end = 200.0, .remote = 0.25});
}

// Wall-clock time, process CPU time (all threads), at least 1 s per benchmark.
#define BSTP_PHOLD_BENCHMARK(name)            \
  BENCHMARK(name)                             \
      ->Unit(benchmark::kMillisecond)         \
      ->UseRealTime()                         \
      ->MeasureProcessCPUTime()               \
      ->MinTime(1.0)                          \
      ->ComputeStatistics("min", fastest)

BSTP_PHOLD_BENCHMARK(BM_PholdW1_Kernel);
BSTP_PHOLD_BENCHMARK(BM_PholdW1_KernelObserved);
BSTP_PHOLD_BENCHMARK(BM_PholdW1_Bare);
BSTP_PHOLD_BENCHMARK(BM_PholdW2_Kernel)->ArgName("threads")->Arg(1)->Arg(2);
BSTP_PHOLD_BENCHMARK(BM_PholdW2_KernelBlocks);
BSTP_PHOLD_BENCHMARK(BM_PholdW2_Bare);

}  // namespace

BENCHMARK_MAIN();
