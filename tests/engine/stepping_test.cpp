// Stepping: run_until(t), then run_until again or run(), commits exactly what one run() commits,
// on the sequential and the parallel scheduler, and the clock between steps means what it says.
#include <bstp/bstp.hpp>
#include <phold/phold.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using bstp::Time;

constexpr Time kUnit = static_cast<Time>(bstp::phold::kTicksPerUnit);

bstp::phold::Config phold_config(unsigned threads) {
  return {.lps = 64,
          .population = 4,
          .remote = 0.5,
          .lookahead = 0.25,
          .mean = 1.0,
          .end = 40.0,
          .seed = 11,
          .threads = threads};
}

class Stepping : public ::testing::TestWithParam<unsigned> {};

TEST_P(Stepping, PholdInStepsMatchesOneRun) {
  const bstp::phold::Result whole = bstp::phold::run(phold_config(1));
  ASSERT_GT(whole.stats.committed_events, 5000u);
  // Irregular steps: a step shorter than the lookahead, an empty step, steps of many windows, and
  // a step boundary one tick after another.
  const std::vector<Time> steps = {1, kUnit / 10, kUnit / 10, 3 * kUnit, 3 * kUnit + 1, 17 * kUnit + 12345, 39 * kUnit};
  bstp::phold::Model model(phold_config(GetParam()));
  bstp::Simulation& sim = model.simulation();
  std::uint64_t committed_before = 0;
  for (const Time t : steps) {
    const bstp::RunStats s = sim.run_until(t);
    EXPECT_EQ(sim.now(), t);
    EXPECT_GE(sim.next_event_time(), t) << "an event before the clock is still pending";
    EXPECT_GE(s.committed_events, committed_before);
    EXPECT_LT(s.last_event_time, t);
    committed_before = s.committed_events;
  }
  EXPECT_GT(committed_before, 0u);
  EXPECT_LT(committed_before, whole.stats.committed_events);
  const bstp::RunStats stats = sim.run();
  EXPECT_EQ(stats.committed_events, whole.stats.committed_events);
  EXPECT_EQ(stats.last_event_time, whole.stats.last_event_time);
  EXPECT_EQ(model.checksum(), whole.checksum);
  EXPECT_EQ(sim.now(), sim.options().end_time);
  EXPECT_EQ(sim.next_event_time(), bstp::kNever);
}

TEST_P(Stepping, PholdEveryWindowAStepMatchesOneRun) {
  bstp::phold::Config config = phold_config(GetParam());
  config.end = 8.0;
  const bstp::phold::Result whole = bstp::phold::run(config);
  bstp::phold::Model model(config);
  bstp::Simulation& sim = model.simulation();
  // Step from one pending event time to the next: every step commits one instant.
  std::uint64_t steps = 0;
  for (Time t = sim.next_event_time(); t != bstp::kNever; t = sim.next_event_time(), ++steps) sim.run_until(t + 1);
  EXPECT_GT(steps, 1000u);
  const bstp::RunStats stats = sim.run();
  EXPECT_EQ(stats.committed_events, whole.stats.committed_events);
  EXPECT_EQ(model.checksum(), whole.checksum);
}

TEST_P(Stepping, ClockRulesBetweenSteps) {
  bstp::phold::Model model(phold_config(GetParam()));
  bstp::Simulation& sim = model.simulation();
  sim.run_until(5 * kUnit);
  EXPECT_NO_THROW(sim.run_until(5 * kUnit));  // an empty step
  EXPECT_THROW(sim.run_until(5 * kUnit - 1), std::invalid_argument);
  const bstp::RunStats end = sim.run_until(bstp::kNever);  // clipped to the end time
  EXPECT_EQ(sim.now(), sim.options().end_time);
  const bstp::RunStats again = sim.run();
  EXPECT_EQ(again.committed_events, end.committed_events);
  EXPECT_EQ(model.checksum(), bstp::phold::run(phold_config(1)).checksum);
}

INSTANTIATE_TEST_SUITE_P(Schedulers, Stepping, ::testing::Values(1u, 2u, 3u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

TEST(Stepping, LpsCannotBeAddedOnceStarted) {
  struct Idle final : bstp::LogicalProcess {};
  bstp::Simulation sim({.end_time = 10, .lookahead = 1, .threads = 1});
  sim.emplace<Idle>();
  sim.run_until(3);
  EXPECT_THROW(sim.emplace<Idle>(), std::logic_error);
}

}  // namespace
