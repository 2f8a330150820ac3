// The border model on the region scenario (2 years, baseline policy) next to PHOLD W1 in the
// same run, so the model's cost per event reads as a ratio to the kernel's bare event cost:
//   bench_region --benchmark_repetitions=3
// Counters: events_per_second (committed kernel events over wall time) and, for the region,
// replications_per_second, vehicles (legitimate crossings counted after the warm-up, per
// replication). The PHOLD row is W1 (1024 LPs, lookahead 0.1, mean 1, end 2000). BM_VehicleDraws
// times the random draws one legitimate vehicle needs and nothing else (the arrival gap, the
// daily-profile thinning, the lane time, the inspections): a floor under the model's cost per
// vehicle that no bookkeeping change can go below with the same draws.
#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/indicators.hpp>
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
  double vehicles = 0.0;
  for (auto _ : state) {
    const auto result = bstp::border::simulate_replication(*scenario, replications, lp_threads);
    benchmark::DoNotOptimize(result.totals.data());
    events += result.events;
    vehicles += result.totals[static_cast<std::size_t>(bstp::border::Indicator::legitimate_crossings)];
    ++replications;
  }
  state.counters["vehicles"] = benchmark::Counter(vehicles, benchmark::Counter::kAvgIterations);
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

// The draws of one vehicle at a busy checkpoint of the region (lane time lognormal, mean 3 min,
// sd 1.5; primary inspection 0.12, secondary 0.35 of those, exponential, mean 25 min), with the
// thinning of a daytime profile whose peak is 1.6 times the mean.
void BM_VehicleDraws(benchmark::State& state) {
  using namespace bstp::border;
  bstp::RandomStream arrivals(bstp::StreamId{1, 0, 1, 1}), service(bstp::StreamId{1, 0, 1, 2});
  const DurationDraw lane_time(Distribution{Distribution::Kind::lognormal, 3.0, 1.5, 0.0, 0.0}, 60.0);
  const DurationDraw secondary_time(Distribution{Distribution::Kind::exponential, 25.0, 0.0, 0.0, 0.0}, 60.0);
  bstp::Time clock = 0, busy = 0;
  for (auto _ : state) {
    clock += to_ticks(arrivals.exponential(72.0 / 1.6), 1.0);
    if (!arrivals.bernoulli(1.0 / 1.6)) continue;
    bstp::Time t = lane_time(service);
    const bool inspected = service.bernoulli(0.12);
    if (inspected && service.bernoulli(0.35)) t += secondary_time(service);
    busy += t;
  }
  benchmark::DoNotOptimize(clock);
  benchmark::DoNotOptimize(busy);
  state.counters["candidates_per_second"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_VehicleDraws);
BENCHMARK(BM_PholdW1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Region, baseline_sequential, "baseline", 1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, trained_coordinated_sequential, "trained_coordinated", 1)
    ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, baseline_2_lp_threads, "baseline", 2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
