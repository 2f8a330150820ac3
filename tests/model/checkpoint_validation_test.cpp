// A checkpoint with Poisson arrivals and exponential service is an M/M/c queue: its mean wait
// must match Erlang C, and the time-average number in system must equal arrival rate x time in
// system (Little's law). Tolerances are 4 standard errors of the replication means (fixed seeds);
// a start from an empty queue biases waits down slightly, far below that at these horizons.
#include "model_fixtures.hpp"

#include <border/indicator_collector.hpp>

#include <cmath>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

std::string single_checkpoint(int lanes, double arrivals_per_hour, double service_minutes, int days) {
  return "scenario: {name: queue, horizon_days: " + std::to_string(days) + ", seed: 11, replications: 1}\n"
         "countries:\n" + country("AA") +
         "nodes:\n"
         "  inland: {kind: town, country: AA, lat: 14.0, lon: -91.0}\n"
         "  port: {kind: port_of_entry, country: AA, lat: 14.1, lon: -91.1}\n"
         "edges:\n"
         "  - {from: inland, to: port, mode: road, travel_hours: {dist: fixed, mean: 1}}\n"
         "checkpoints:\n"
         "  port: {lanes: " + std::to_string(lanes) + ", service_minutes: {dist: exponential, mean: " + std::to_string(service_minutes) +
         "}, inspection_probability: 0}\n"
         "traffic:\n"
         "  port: {vehicles_per_hour: " + std::to_string(arrivals_per_hour) + "}\n"
         "organisations:\n" + organisation("idle", "inland", "port", 0.0);
}

// Erlang C: probability that an arrival waits, for c servers at offered load a = lambda / mu.
double erlang_c(int c, double a) {
  double term = 1.0, sum = 1.0;
  for (int k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c;
  const double rho = a / c;
  const double wait = last / (1.0 - rho);
  return wait / (sum + wait);
}

double mean_queue_wait_hours(int c, double lambda, double mu) { return erlang_c(c, lambda / mu) / (c * mu - lambda); }

// In M/M/c, P(W > t) = C e^(-(c mu - lambda) t): the p-quantile of the wait is 0 when C <= 1 - p.
double wait_quantile_hours(double p, int c, double lambda, double mu) {
  return std::max(0.0, std::log(erlang_c(c, lambda / mu) / (1.0 - p)) / (c * mu - lambda));
}

void expect_queue_matches_erlang_c(int lanes, double lambda, double service_minutes, int days = 120) {
  const CompiledScenario s = compile(single_checkpoint(lanes, lambda, service_minutes, days));
  const double mu = 60.0 / service_minutes;
  const Sample wq = sample_of(totals(s, Indicator::mean_queue_wait_hours, 16));
  const Sample w = sample_of(totals(s, Indicator::mean_crossing_delay_hours, 16));
  const double expected_wq = mean_queue_wait_hours(lanes, lambda, mu);
  EXPECT_NEAR(wq.mean, expected_wq, 4 * wq.standard_error) << "Wq, " << lanes << " lanes";
  EXPECT_NEAR(w.mean, expected_wq + 1.0 / mu, 4 * w.standard_error) << "W, " << lanes << " lanes";
  EXPECT_LT(wq.standard_error, 0.1 * expected_wq) << "too few vehicles for a meaningful check";
  // The wait's distribution: P(W > 0) is Erlang C itself; its quantiles follow from the
  // exponential tail (10-second bins: interpolation within one adds at most 10 s).
  const Sample waited = sample_of(totals(s, Indicator::p_wait_positive, 16));
  EXPECT_NEAR(waited.mean, erlang_c(lanes, lambda / mu), 4 * waited.standard_error) << "P(W > 0), " << lanes << " lanes";
  EXPECT_LT(waited.standard_error, 0.02);
  for (const auto& [p, indicator] : {std::pair{0.5, Indicator::p50_queue_wait_hours}, std::pair{0.9, Indicator::p90_queue_wait_hours}}) {
    const Sample q = sample_of(totals(s, indicator, 16));
    EXPECT_NEAR(q.mean, wait_quantile_hours(p, lanes, lambda, mu), 4 * q.standard_error + 10.0 / 3600.0)
        << "wait quantile " << p << ", " << lanes << " lanes";
  }
}

TEST(CheckpointQueue, WaitQuantileIsZeroWhenMostDoNotWait) {
  // Three lanes at load 0.3: Erlang C is about 0.07, so the median and the 90th percentile wait are 0.
  const CompiledScenario s = compile(single_checkpoint(3, 13.5, 4.0, 60));
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_EQ(r.totals[static_cast<std::size_t>(Indicator::p50_queue_wait_hours)], 0.0);
  EXPECT_EQ(r.totals[static_cast<std::size_t>(Indicator::p90_queue_wait_hours)], 0.0);
  EXPECT_GT(r.totals[static_cast<std::size_t>(Indicator::p_wait_positive)], 0.0);
  EXPECT_LT(r.totals[static_cast<std::size_t>(Indicator::p_wait_positive)], 0.1);
}

TEST(CheckpointQueue, SingleLaneWaitMatchesMM1) { expect_queue_matches_erlang_c(1, 10.0, 4.0); }

TEST(CheckpointQueue, SeveralLanesWaitMatchesErlangC) { expect_queue_matches_erlang_c(3, 36.0, 4.0); }

// A busy crossing: 720 vehicles an hour (gaps of 5 s) on 12 lanes of 45-second service.
TEST(CheckpointQueue, BusyCrossingWaitMatchesErlangC) { expect_queue_matches_erlang_c(12, 720.0, 0.75, 10); }

// The clock's tick keeps a 5-second gap's precision: the gaps as scheduled (whole ticks) average
// what was drawn to within 0.001% (in whole seconds they would run 0.17% short, the busy crossing
// 0.17% fast).
TEST(CheckpointQueue, TicksKeepShortGapsExact) {
  RandomStream draws(StreamId{11, 0, 1, 2});
  double drawn = 0.0, scheduled = 0.0;
  for (int i = 0; i < 1'000'000; ++i) {
    const double gap = draws.exponential(5.0);
    drawn += gap;
    scheduled += in_seconds(to_ticks(gap, 1.0));
  }
  EXPECT_NEAR(scheduled / drawn, 1.0, 1e-5);
}

// to_ticks rounds as std::llround (half away from zero) without calling it: ties, values near
// them and random draws give the same ticks.
TEST(CheckpointQueue, TicksRoundAsLlroundDoes) {
  for (double ms : {0.5, 1.5, 2.5, 1e6 + 0.5, 0.49999999999999994, 1.4999999999999998, 3.0, 7.25, 1e12 + 0.5})
    EXPECT_EQ(to_ticks(ms / 1000.0, 1.0), std::llround(ms / 1000.0 * 1000.0)) << ms << " ms";
  RandomStream draws(StreamId{12, 0, 1, 2});
  for (int i = 0; i < 100'000; ++i) {
    const double minutes = draws.exponential(3.0);
    ASSERT_EQ(to_ticks(minutes, 60.0), std::llround(minutes * 60.0 * 1000.0)) << minutes << " minutes";
  }
}

// Vehicle time in the system is credited to the months it falls in: a vehicle in the system
// across a month's end counts on both sides, and nothing before the warm-up or after the
// horizon counts.
// Arrivals follow the daily profile hour by hour (gaps at each hour's own rate; a gap crossing an
// hour's end restarts at the next hour's rate). Traffic only from 08:00 to 18:00 at 2.4 times 20
// vehicles an hour: none in the first 8 hours, 4 x 48 by noon, 10 x 48 in the day. The counts of
// 40 replications are Poisson: their mean has standard error sqrt(expected / 40); 5 of them allowed.
TEST(CheckpointQueue, ArrivalsFollowTheDailyProfileHourByHour) {
  const std::string profile = "[0, 0, 0, 0, 0, 0, 0, 0, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4, 0, 0, 0, 0, 0, 0]";
  std::string yaml = single_checkpoint(3, 20.0, 1.0, 1);
  yaml.replace(yaml.find("{vehicles_per_hour: 20.000000}"), std::string("{vehicles_per_hour: 20.000000}").size(),
               "{vehicles_per_hour: 20, daily_profile: " + profile + "}");
  for (const auto& [hours, expected] : {std::pair{8, 0.0}, std::pair{12, 4 * 48.0}, std::pair{24, 10 * 48.0}, std::pair{48, 20 * 48.0}}) {
    const CompiledScenario s = compile(yaml, "", {{"scenario.horizon_days", std::to_string(hours / 24.0)}});
    const Sample crossings = sample_of(totals(s, Indicator::legitimate_crossings, 40));
    if (expected == 0.0)
      EXPECT_EQ(crossings.mean, 0.0) << hours << " hours";
    else
      EXPECT_NEAR(crossings.mean, expected, 5 * std::sqrt(expected / 40)) << hours << " hours";
  }
}

TEST(CheckpointQueue, TimeInSystemIsSplitAtMonthEnds) {
  IndicatorCollector c(3, 1, 0, /*measure_from=*/kHour, 0, 0, /*horizon=*/2 * kMonthTicks + kHour);
  c.vehicle_in_system(0, 2 * kHour);                                    // 1 h measured of 2
  c.vehicle_in_system(kMonthTicks - kHour, kMonthTicks + 3 * kHour);    // 1 h in month 0, 3 h in month 1
  c.vehicle_in_system(2 * kMonthTicks, 2 * kMonthTicks + 5 * kHour);    // 1 h before the horizon
  const ReplicationResult r = c.result(static_cast<double>(2 * kMonthTicks + kHour));
  const std::size_t l = static_cast<std::size_t>(Indicator::mean_vehicles_in_system);
  const double month = static_cast<double>(kMonthTicks);
  EXPECT_DOUBLE_EQ(r.monthly[l][0], 2.0 * kHour / (month - kHour));
  EXPECT_DOUBLE_EQ(r.monthly[l][1], 3.0 * kHour / month);
  EXPECT_DOUBLE_EQ(r.monthly[l][2], 1.0 * kHour / kHour);
  EXPECT_DOUBLE_EQ(r.totals[l], 6.0 * kHour / (2 * month));
}

TEST(CheckpointQueue, VehiclesInSystemObeyLittlesLaw) {
  const CompiledScenario s = compile(single_checkpoint(2, 20.0, 5.0, 60));
  for (std::uint64_t r = 0; r < 4; ++r) {
    const ReplicationResult result = simulate_replication(s, r);
    const auto at = [&](Indicator i) { return result.totals[static_cast<std::size_t>(i)]; };
    const double hours = 60 * 24.0;
    const double lambda = at(Indicator::legitimate_crossings) / hours;
    const double l = at(Indicator::mean_vehicles_in_system);
    // Little's law holds exactly up to vehicles still in the system at the horizon (a few
    // service times out of 1440 hours).
    EXPECT_NEAR(l, lambda * at(Indicator::mean_crossing_delay_hours), 0.005 * l) << "replication " << r;
    EXPECT_NEAR(lambda, 20.0, 4 * std::sqrt(20.0 / hours));
  }
}

}  // namespace
}  // namespace bstp::border::testing
