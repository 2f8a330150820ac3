// The border model on the region scenario (2 years, baseline policy) next to PHOLD W1 in the
// same run, so the model's cost per event reads as a ratio to the kernel's bare event cost:
//   bench_region --benchmark_repetitions=3
// Counters: events_per_second (committed kernel events over wall time) and, for the region,
// replications_per_second. The PHOLD row is W1 (1024 LPs, lookahead 0.1, mean 1, end 2000).
#include <border/border_model.hpp>
#include <border/scenario_loader.hpp>
#include <phold/phold.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>

namespace {

std::shared_ptr<const bstp::border::CompiledScenario> region(const std::string& policy, unsigned horizon_days) {
  const auto doc = bstp::border::ScenarioDocument::from_file(BSTP_SOURCE_DIR "/scenarios/bstp-region.yaml");
  return std::make_shared<const bstp::border::CompiledScenario>(
      doc.resolve(policy, {{"scenario.horizon_days", std::to_string(horizon_days)}}));
}

void BM_Region(benchmark::State& state, const std::string& policy, unsigned lp_threads) {
  const auto scenario = region(policy, 730);
  std::uint64_t events = 0, replications = 0;
  for (auto _ : state) {
    const auto result = bstp::border::simulate_replication(*scenario, replications, lp_threads);
    benchmark::DoNotOptimize(result.totals.data());
    events += result.events;
    ++replications;
  }
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["replications_per_second"] = benchmark::Counter(static_cast<double>(replications), benchmark::Counter::kIsRate);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

void BM_PholdW1(benchmark::State& state) {
  const bstp::phold::Config config{.lps = 1024, .population = 1, .remote = 0.25, .lookahead = 0.1, .mean = 1.0,
                                   .end = 2000.0, .seed = 42, .threads = 1};
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto r = bstp::phold::run(config);
    benchmark::DoNotOptimize(r.checksum);
    events += r.stats.committed_events;
  }
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_PholdW1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Region, baseline_sequential, "baseline", 1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, trained_coordinated_sequential, "trained_coordinated", 1)
    ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, baseline_2_lp_threads, "baseline", 2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
