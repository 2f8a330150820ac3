// The border model on the region scenario (2 years, baseline policy) next to PHOLD W1 in the
// same run, so the model's cost per event reads as a ratio to the kernel's bare event cost:
//   bench_region --benchmark_repetitions=3
// Counters: events_per_second (committed kernel events over wall time) and, for the region,
// replications_per_second, vehicles (legitimate crossings counted after the warm-up, per
// replication). The PHOLD row is W1 (1024 LPs, lookahead 0.1, mean 1, end 2000). BM_VehicleDraws
// times the random draws one legitimate vehicle needs and nothing else (the arrival gap, the lane
// time, the inspections): a floor under the model's cost per vehicle that no bookkeeping change
// can go below with the same draws.
// BM_ScaledRegionLpThreads (when the build generated the scaled region, bench/CMakeLists.txt):
// one year of the region scaled 10 times (scripts/scale_scenario.py --copies 10), each iteration
// one replication on 1 LP thread and then the same one on 2; counters: the speed-up (1-thread wall
// time over 2-thread), events, synchronisation windows and events per window of the 2-thread run,
// vehicles, the share of vehicles served by the busiest country's LP, and the busiest thread's
// share of the handler time the scheduler measured before balancing (RunStats; the speed-up is
// at most 1 / that) (docs/performance.md, "One replication on 2 LP threads").
#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/indicators.hpp>
#include <border/scenario_loader.hpp>
#include <phold/phold.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

namespace {

std::shared_ptr<const bstp::border::CompiledScenario> compile(const std::string& file, const std::string& policy,
                                                              unsigned horizon_days) {
  const auto doc = bstp::border::ScenarioDocument::from_file(file);
  return std::make_shared<const bstp::border::CompiledScenario>(
      doc.resolve(policy, {{"scenario.horizon_days", std::to_string(horizon_days)}}));
}

std::shared_ptr<const bstp::border::CompiledScenario> region(const std::string& policy, unsigned horizon_days) {
  return compile(BSTP_SOURCE_DIR "/scenarios/bstp-region.yaml", policy, horizon_days);
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

#ifdef BSTP_SCALED_REGION
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// One replication of the scaled region on 1 LP thread, then on 2, timed apart; the two must give
// the same indicator totals to the bit (NaN where undefined included).
void BM_ScaledRegionLpThreads(benchmark::State& state) {
  using namespace bstp::border;
  const auto scenario = compile(BSTP_SCALED_REGION, "baseline", 365);
  // Where the kernel events are handled, from one untimed sequential run: the country LPs' share.
  static const std::vector<std::uint64_t> events_by_lp = [&] {
    Replication counted(*scenario, 0, 1);
    std::vector<std::uint64_t> counts(counted.simulation().lp_count(), 0);
    counted.simulation().set_observer([&](const bstp::CommittedEvent& e) { ++counts.at(e.lp); });
    counted.finish();
    return counts;
  }();
  const auto all_events = static_cast<double>(std::accumulate(events_by_lp.begin(), events_by_lp.end(), std::uint64_t{0}));
  const auto share_of = [&](std::size_t first, std::size_t last) {
    return static_cast<double>(std::accumulate(events_by_lp.begin() + static_cast<std::ptrdiff_t>(first),
                                               events_by_lp.begin() + static_cast<std::ptrdiff_t>(last), std::uint64_t{0})) /
           all_events;
  };
  state.counters["country_lp_event_share"] = share_of(0, scenario->countries.size());
  double seconds_1 = 0.0, seconds_2 = 0.0;
  std::uint64_t replications = 0, events = 0, windows = 0;
  double busiest_thread_share = 0.0, window_speedup_bound = 0.0;
  ReplicationResult last;
  for (auto _ : state) {
    const auto began = std::chrono::steady_clock::now();
    const ReplicationResult one = simulate_replication(*scenario, replications, 1);
    const auto middle = std::chrono::steady_clock::now();
    Replication two_threads(*scenario, replications, 2);
    const bstp::RunStats stats = two_threads.simulation().run();
    ReplicationResult two = two_threads.finish();
    const auto ended = std::chrono::steady_clock::now();
    if (!same_bits(one.totals, two.totals)) {
      state.SkipWithError("1 and 2 LP threads gave different indicator totals");
      return;
    }
    seconds_1 += std::chrono::duration<double>(middle - began).count();
    seconds_2 += std::chrono::duration<double>(ended - middle).count();
    events += stats.committed_events;
    busiest_thread_share = stats.busiest_thread_share;
    window_speedup_bound = stats.window_speedup_bound;
    windows += stats.windows;
    last = std::move(two);
    ++replications;
  }
  const auto n = static_cast<double>(std::max<std::uint64_t>(replications, 1));
  const auto& by_country = last.by_country.at(static_cast<std::size_t>(Indicator::legitimate_crossings));
  const double vehicles = std::accumulate(by_country.begin(), by_country.end(), 0.0);
  state.counters["speedup_2_lp_threads"] = seconds_2 > 0 ? seconds_1 / seconds_2 : 0.0;
  state.counters["seconds_1_lp_thread"] = seconds_1 / n;
  state.counters["seconds_2_lp_threads"] = seconds_2 / n;
  state.counters["events"] = static_cast<double>(events) / n;
  state.counters["windows"] = static_cast<double>(windows) / n;
  state.counters["events_per_window"] = windows > 0 ? static_cast<double>(events) / static_cast<double>(windows) : 0.0;
  state.counters["vehicles"] = vehicles;
  state.counters["busiest_thread_share"] = busiest_thread_share;
  state.counters["window_speedup_bound"] = window_speedup_bound;
  state.counters["busiest_country_vehicle_share"] =
      vehicles > 0 ? *std::max_element(by_country.begin(), by_country.end()) / vehicles : 0.0;
}
#endif

// The draws of one vehicle at a busy checkpoint of the region (lane time lognormal, mean 3 min,
// sd 1.5; primary inspection 0.12, secondary 0.35 of those, exponential, mean 25 min), as the
// country LP draws them: the arrival gap at the hour's rate (ziggurat exponential), the lane time
// (ziggurat normal and exp), the inspections, for 50 vehicles an hour. The one extra gap an hour
// (the one crossing the hour's end, dropped) is left out. Counter: vehicles_per_second.
void BM_VehicleDraws(benchmark::State& state) {
  using namespace bstp::border;
  bstp::RandomStream arrivals(bstp::StreamId{1, 0, 1, 1}), service(bstp::StreamId{1, 0, 1, 2});
  const DurationDraw lane_time(Distribution{Distribution::Kind::lognormal, 3.0, 1.5, 0.0, 0.0}, 60.0);
  const DurationDraw secondary_time(Distribution{Distribution::Kind::exponential, 25.0, 0.0, 0.0, 0.0}, 60.0);
  bstp::Time clock = 0, busy = 0;
  for (auto _ : state) {
    clock += to_ticks(arrivals.exponential_ziggurat(72.0), 1.0);
    bstp::Time t = lane_time(service);
    const bool inspected = service.bernoulli(0.12);
    if (inspected && service.bernoulli(0.35)) t += secondary_time(service);
    busy += t;
  }
  benchmark::DoNotOptimize(clock);
  benchmark::DoNotOptimize(busy);
  state.counters["vehicles_per_second"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_VehicleDraws);
BENCHMARK(BM_PholdW1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Region, baseline_sequential, "baseline", 1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, trained_coordinated_sequential, "trained_coordinated", 1)
    ->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Region, baseline_2_lp_threads, "baseline", 2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
#ifdef BSTP_SCALED_REGION
BENCHMARK(BM_ScaledRegionLpThreads)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
#endif

}  // namespace

BENCHMARK_MAIN();
