// Load splitting (docs/model.md, "Load splitting"): a bigger load is easier to find, so an
// organisation sends a candidate load as the number of smaller loads that maximises its expected
// profit, each paying its couriers and a fixed cost; more risk, more loads.
#include "model_fixtures.hpp"

#include <border/load_splitting.hpp>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

LoadSplitting splitting(int max_loads, double elasticity) {
  LoadSplitting s;
  s.max_loads = max_loads;
  s.size_elasticity = elasticity;
  return s;
}

TEST(LoadSplitting, SizeFactorIsTheLoadRelativeToTheReferenceToThePowerOfTheElasticity) {
  EXPECT_DOUBLE_EQ(size_factor(splitting(4, 1.0), 100.0, 50.0), 0.5);
  EXPECT_DOUBLE_EQ(size_factor(splitting(4, 2.0), 100.0, 50.0), 0.25);
  EXPECT_EQ(size_factor(splitting(4, 0.0), 100.0, 50.0), 1.0);  // size does not matter: exactly 1
  EXPECT_DOUBLE_EQ(survival_with_hazard(0.5, 0.5), std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(detection_with_hazard(0.5, 2.0), 0.75);
  EXPECT_EQ(detection_with_hazard(0.3, 1.0), 0.3);
}

TEST(LoadSplitting, BestLoadCountByHand) {
  // A 100 kg load worth 1,000,000 on a route a 100 kg load survives with 0.5, hazard proportional
  // to size (elasticity 1): k loads are worth 1e6 x 0.5^(1/k) - k x cost.
  //   k:          1         2         3         4         5
  //   0.5^(1/k):  0.5       0.7071    0.7937    0.8409    0.8706
  // cost 100,000: 400,000   507,107   493,701   440,896   370,551  -> k* = 2
  // cost  50,000: 450,000   607,107   643,701   640,896   620,551  -> k* = 3
  const LoadSplitting s = splitting(5, 1.0);
  EXPECT_EQ(best_load_count(s, 100.0, 100.0, 1e6, 0.5, 100'000.0), 2);
  EXPECT_EQ(best_load_count(s, 100.0, 100.0, 1e6, 0.5, 50'000.0), 3);
  EXPECT_EQ(best_load_count(s, 100.0, 100.0, 1e6, 0.5, 0.0), 5);                // nothing to pay: as many as allowed
  EXPECT_EQ(best_load_count(s, 100.0, 100.0, 1e6, 1.0, 0.0), 1);                // no risk: nothing to gain (a tie keeps 1)
  EXPECT_EQ(best_load_count(splitting(5, 0.0), 100.0, 100.0, 1e6, 0.5, 0.0), 1);  // size does not matter
  EXPECT_EQ(best_load_count(splitting(1, 1.0), 100.0, 100.0, 1e6, 0.5, 0.0), 1);  // splitting off
}

// src -> dst, one leg detected with `detection` (a fixed probability), known to the organisation.
std::string watched_leg(double detection, const std::string& splitting_line, const std::string& policies = "") {
  return "scenario: {name: split, horizon_days: 365, seed: 29, replications: 1}\ncountries:\n" + country("AA") +
         one_leg("detection_probability: " + std::to_string(detection)) + "organisations:\n" + organisation("cell", "src", "dst", 30.0, "informed", 0.0) +
         splitting_line + policies;
}

TEST(LoadSplitting, TheOrganisationSplitsAsComputedByHand) {
  // As the hand case: 100 kg at 10,000 USD/kg, a leg detected half the time, 100,000 per load
  // (couriers unpaid): two loads of 50 kg, each detected with 1 - 0.5^0.5 = 0.293.
  const CompiledScenario s =
      compile(watched_leg(0.5, "    load_splitting: {max_loads: 5, size_elasticity: 1, cost_per_load_usd: 100000}\n"));
  std::vector<double> caught;
  for (std::uint64_t rep = 0; rep < 6; ++rep) {
    const ReplicationResult r = simulate_replication(s, rep);
    ASSERT_GT(total(r, Indicator::shipments), 100.0);
    EXPECT_DOUBLE_EQ(total(r, Indicator::loads_per_candidate), 2.0);
    EXPECT_NEAR(total(r, Indicator::mean_load_kg), 50.0, 1e-4);  // kg are carried as float
    caught.push_back(total(r, Indicator::seizures) / (total(r, Indicator::seizures) + total(r, Indicator::undetected)));
  }
  const Sample c = sample_of(caught);
  EXPECT_NEAR(c.mean, 1.0 - std::sqrt(0.5), 3 * c.standard_error + 0.005) << c.mean << " ± " << c.standard_error;
}

TEST(LoadSplitting, OffByDefaultOneLoadPerCandidate) {
  const ReplicationResult r = simulate_replication(compile(watched_leg(0.5, "")), 0);
  ASSERT_GT(total(r, Indicator::shipments), 100.0);
  EXPECT_EQ(total(r, Indicator::loads_per_candidate), 1.0);
  EXPECT_EQ(total(r, Indicator::mean_load_kg), 100.0);
  // And with max_loads 1 the elasticity changes only detection, never the number of loads.
  const ReplicationResult one =
      simulate_replication(compile(watched_leg(0.5, "    load_splitting: {max_loads: 1, size_elasticity: 1, reference_kg: 50}\n")), 0);
  EXPECT_EQ(total(one, Indicator::loads_per_candidate), 1.0);
  EXPECT_EQ(total(one, Indicator::mean_load_kg), 100.0);
}

TEST(LoadSplitting, HigherPatrolDetectionMeansSmallerLoads) {
  // A patrolled leg whose risk the organisation learns from its losses; one unit on it all day
  // detects 0.2 or 0.5 of reference loads. At those risks, with 30,000 per load, the hand rule
  // gives 3 loads (survival 0.8) and 4 or 5 (0.5, nearly a tie); learning, it sends about 2.7 and
  // 5 (bstp run on this file: mean load 37 and 20 kg).
  const std::string yaml =
      "scenario: {name: split, horizon_days: 365, seed: 31, replications: 1}\ncountries:\n" + country("AA") +
      one_leg("sector: s, exposure: 1") +
      "sectors:\n"
      "  s: {country: AA, units: 1, placement: fixed, detection: {untrained: 0.2, trained: 0.2}}\n"
      "organisations:\n" +
      organisation("cell", "src", "dst", 30.0, "learned", 0.0) +
      "    load_splitting: {max_loads: 10, size_elasticity: 1, cost_per_load_usd: 30000}\n"
      "policies:\n  low: {}\n  high:\n    set: {sectors.s.detection: {untrained: 0.5, trained: 0.5}}\n";
  const Sample d =
      sample_of(minus(totals(compile(yaml, "high"), Indicator::mean_load_kg, 8), totals(compile(yaml, "low"), Indicator::mean_load_kg, 8)));
  EXPECT_LT(d.mean + 3 * d.standard_error, 0.0) << d.mean << " ± " << d.standard_error;
}

}  // namespace
}  // namespace bstp::border::testing
