// Violence: contestation between trafficking groups at nodes, who dies, and reporting that follows
// community trust (docs/model.md, "Violence").
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

// One fixed path src -> a -> dst with nothing watching it: 3 nodes reached per shipment.
std::string quiet_path(const std::string& violence) {
  return "scenario: {name: violence, horizon_days: 365, seed: 13, replications: 1}\ncountries:\n" + country("AA") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  a: {kind: town, country: AA, lat: 14.1, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {from: src, to: a, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: a, to: dst, travel_hours: {dist: fixed, mean: 1}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 100.0, "informed") + "violence:\n" + violence;
}

TEST(Violence, ContestationAtTheBaseRateFollowsThePoissonChance) {
  // Weights 0: each of the 3 nodes a load reaches sees an incident with probability 1 - exp(-0.02);
  // no deaths, so the reported share is the trust, 0.3.
  const std::string yaml = quiet_path(
      "  contestation: {base_rate: 0.02, deaths_per_incident: 0}\n  reporting: {trust: 0.3}\n");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  const double passages = 3 * total(r, Indicator::shipments), p = -std::expm1(-0.02);
  const double incidents = total(r, Indicator::contestation_incidents);
  ASSERT_GT(passages, 3000.0);
  EXPECT_NEAR(incidents / passages, p, 4 * std::sqrt(p * (1 - p) / passages) + 3.0 / passages);
  EXPECT_EQ(total(r, Indicator::violent_incidents), incidents);
  EXPECT_NEAR(total(r, Indicator::reported_violence) / incidents, 0.3, 4 * std::sqrt(0.3 * 0.7 / incidents));
  EXPECT_EQ(total(r, Indicator::deaths), 0.0);
}

TEST(Violence, DeathsAreSplitByTheShares) {
  const std::string yaml = quiet_path(
      "  contestation: {base_rate: 0.05, deaths_per_incident: 2}\n"
      "  contestation_deaths: {officers: 0.1, traffickers: 0.6, bystanders: 0.3}\n");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  const double deaths = total(r, Indicator::deaths);
  ASSERT_GT(deaths, 300.0);
  EXPECT_EQ(total(r, Indicator::officer_deaths) + total(r, Indicator::trafficker_deaths) + total(r, Indicator::bystander_deaths), deaths);
  for (auto [i, share] : {std::pair{Indicator::officer_deaths, 0.1}, {Indicator::trafficker_deaths, 0.6}, {Indicator::bystander_deaths, 0.3}})
    EXPECT_NEAR(total(r, i) / deaths, share, 4 * std::sqrt(share * (1 - share) / deaths)) << info(i).name;
  // Every deadly incident is reported.
  EXPECT_GE(total(r, Indicator::reported_violence), total(r, Indicator::violent_incidents) * (1 - std::exp(-2.0)) * 0.9);
}

// Two ways from GT into MX: crossing a stays in GT, crossing b is a node of BZ (so its violence is
// counted apart; countries are indexed in id order, so BZ is 0). A crackdown on a's approach moves
// flow to b.
std::string two_routes() {
  return "scenario: {name: crackdown, horizon_days: 365, seed: 17, replications: 1}\ncountries:\n" + country("GT") + country("BZ") +
         country("MX") +
         "nodes:\n"
         "  coast: {kind: landing, country: GT, lat: 14.5, lon: -92.0}\n"
         "  town: {kind: town, country: GT, lat: 14.7, lon: -91.9}\n"
         "  cross_a: {kind: blind_crossing, country: GT, lat: 14.8, lon: -92.1}\n"
         "  cross_b: {kind: blind_crossing, country: BZ, lat: 15.0, lon: -92.1}\n"
         "  hub: {kind: hub, country: MX, lat: 14.9, lon: -92.3}\n"
         "edges:\n"
         "  - {from: coast, to: town, travel_hours: {dist: fixed, mean: 2}}\n"
         "  - {from: town, to: cross_a, mode: trail, travel_hours: {dist: fixed, mean: 2}, sector: gt_a, exposure: 0.5}\n"
         "  - {from: town, to: cross_b, mode: trail, travel_hours: {dist: fixed, mean: 2}, sector: gt_b, exposure: 0.5}\n"
         "  - {from: cross_a, to: hub, mode: river, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: cross_b, to: hub, mode: river, travel_hours: {dist: fixed, mean: 1}}\n"
         "sectors:\n"
         "  gt_a: {country: GT, units: 1, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "  gt_b: {country: GT, units: 1, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "organisations:\n" +
         organisation("cell", "coast", "hub", 60.0, "learned") + organisation("rivals", "coast", "hub", 20.0, "learned") +
         "violence:\n  contestation: {base_rate: 0.1, diversion_weight: 2, rival_weight: 0.5, scarcity_weight: 1}\n"
         "policies:\n  baseline: {}\n  crackdown_a:\n    set: {sectors.gt_a.units: 8}\n";
}

TEST(Violence, ACrackdownOnOneRouteRaisesContestationWhereFlowMoves) {
  const std::string yaml = two_routes();
  const CompiledScenario base = compile(yaml, "baseline"), crackdown = compile(yaml, "crackdown_a");
  std::vector<double> before, after;
  for (std::uint64_t rep = 0; rep < 12; ++rep) {
    const std::size_t bz = 0, contest = static_cast<std::size_t>(Indicator::contestation_incidents);
    before.push_back(simulate_replication(base, rep).by_country[contest][bz]);
    after.push_back(simulate_replication(crackdown, rep).by_country[contest][bz]);
  }
  const Sample d = sample_of(minus(after, before));
  EXPECT_GT(d.mean, 3 * d.standard_error) << "contestation at crossing b: " << d.mean << " ± " << d.standard_error;
}

}  // namespace
}  // namespace bstp::border::testing
