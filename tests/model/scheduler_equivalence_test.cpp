// The border model gives bit-identical indicators on the sequential scheduler and on the
// parallel conservative scheduler with any number of threads: the property researchers rely on.
#include "model_fixtures.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

void expect_identical(const ReplicationResult& a, const ReplicationResult& b, const std::string& what) {
  EXPECT_EQ(a.events, b.events) << what;
  EXPECT_TRUE(same_bits(a.totals, b.totals)) << what << ": totals differ";
  for (std::size_t i = 0; i < a.monthly.size(); ++i) EXPECT_TRUE(same_bits(a.monthly[i], b.monthly[i])) << what << ": monthly " << i;
  for (std::size_t i = 0; i < a.by_country.size(); ++i)
    EXPECT_TRUE(same_bits(a.by_country[i], b.by_country[i])) << what << ": by_country " << i;
  EXPECT_TRUE(same_bits(a.crossing_kg, b.crossing_kg)) << what << ": crossing flows";
  EXPECT_TRUE(same_bits(a.crossing_seizures, b.crossing_seizures)) << what << ": seizures at crossings";
  EXPECT_TRUE(same_bits(a.crossing_seized_kg, b.crossing_seized_kg)) << what << ": kg seized at crossings";
  ASSERT_EQ(a.by_unit.size(), b.by_unit.size()) << what;
  for (std::size_t k = 0; k < a.by_unit.size(); ++k) EXPECT_TRUE(same_bits(a.by_unit[k], b.by_unit[k])) << what << ": by_unit " << k;
  ASSERT_EQ(a.by_organisation.size(), b.by_organisation.size()) << what;
  for (std::size_t k = 0; k < a.by_organisation.size(); ++k)
    EXPECT_TRUE(same_bits(a.by_organisation[k], b.by_organisation[k])) << what << ": by_organisation " << k;
}

void expect_same_on_every_scheduler(const std::string& file, const std::string& policy, int days) {
  const ScenarioDocument doc = ScenarioDocument::from_file(file);
  const CompiledScenario s(doc.resolve(policy, {{"scenario.horizon_days", std::to_string(days)}}));
  const ReplicationResult sequential = simulate_replication(s, 1, 1);
  ASSERT_GT(sequential.events, 1000u);
  ASSERT_GT(sequential.totals[static_cast<std::size_t>(Indicator::shipments)], 0.0);
  for (unsigned threads : {2u, 3u, 4u})
    expect_identical(sequential, simulate_replication(s, 1, threads), file + " on " + std::to_string(threads) + " threads");
}

TEST(SchedulerEquivalence, TutorialIsIdenticalOnOneToFourThreads) {
  expect_same_on_every_scheduler("scenarios/tutorial.yaml", "coordinated", 90);
}

// Split loads and conditional enforcement keep state in both kinds of LP (loads sent, violence
// remembered, postures adapted): still the same bits on any number of threads.
TEST(SchedulerEquivalence, SplittingAndConditionalEnforcementAreIdenticalOnOneToFourThreads) {
  expect_same_on_every_scheduler("scenarios/splitting-and-enforcement.yaml", "split_loads_more_patrols", 180);
  expect_same_on_every_scheduler("scenarios/splitting-and-enforcement.yaml", "conditional", 180);
}

TEST(SchedulerEquivalence, RegionIsIdenticalOnOneToFourThreads) {
  expect_same_on_every_scheduler("scenarios/bstp-region.yaml", "trained_coordinated", 120);
}

// Stepping the simulation (run_until each simulated month, and at odd instants) and then
// finishing gives the bits of one run, on the sequential and the parallel scheduler.
TEST(SchedulerEquivalence, TutorialInStepsIsIdenticalToOneRun) {
  const ScenarioDocument doc = ScenarioDocument::from_file("scenarios/tutorial.yaml");
  const CompiledScenario s(doc.resolve("coordinated", {{"scenario.horizon_days", "90"}}));
  const ReplicationResult whole = simulate_replication(s, 2, 1);
  ASSERT_GT(whole.events, 1000u);
  for (unsigned threads : {1u, 2u, 3u}) {
    Replication stepped(s, 2, threads);
    Simulation& sim = stepped.simulation();
    for (Time t = 1; t < s.horizon(); t += 30 * kDay + 3 * kHour + 7) {
      sim.run_until(t);
      ASSERT_EQ(sim.now(), t);
      ASSERT_GE(sim.next_event_time(), t);
    }
    expect_identical(whole, stepped.finish(), "tutorial in steps on " + std::to_string(threads) + " threads");
  }
}

TEST(SchedulerEquivalence, SameReplicationGivesSameBitsTwice) {
  const CompiledScenario s(ScenarioDocument::from_file("scenarios/tutorial.yaml").resolve("baseline"));
  expect_identical(simulate_replication(s, 3), simulate_replication(s, 3), "rerun");
  EXPECT_NE(simulate_replication(s, 3).totals, simulate_replication(s, 4).totals) << "replications must differ";
}

}  // namespace
}  // namespace bstp::border::testing
