// Interdiction along fixed paths agrees with the product rule, and an organisation that knows the
// true risks takes the most reliable path. Tolerance: 4 binomial standard errors (fixed seeds).
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

const std::string kHeader = "scenario: {name: path, horizon_days: 365, seed: 5, replications: 1}\ncountries:\n" + country("AA");

TEST(Interdiction, FixedPathFollowsProductRule) {
  const std::string yaml = kHeader +
                           "nodes:\n"
                           "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
                           "  a: {kind: town, country: AA, lat: 14.1, lon: -91}\n"
                           "  b: {kind: town, country: AA, lat: 14.2, lon: -91}\n"
                           "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
                           "edges:\n"
                           "  - {from: src, to: a, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.1}\n"
                           "  - {from: a, to: b, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.2}\n"
                           "  - {from: b, to: dst, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.3}\n"
                           "organisations:\n" +
                           organisation("cell", "src", "dst", 300.0, "informed");
  const CompiledScenario s = compile(yaml);
  double shipped = 0.0, seized = 0.0;
  for (std::uint64_t r = 0; r < 4; ++r) {
    const ReplicationResult result = simulate_replication(s, r);
    shipped += result.totals[static_cast<std::size_t>(Indicator::shipments)];
    seized += result.totals[static_cast<std::size_t>(Indicator::seizures)];
  }
  const double expected = 1.0 - 0.9 * 0.8 * 0.7;
  const double standard_error = std::sqrt(expected * (1 - expected) / shipped);
  ASSERT_GT(shipped, 10000.0);
  // Shipments still on the road at the horizon are neither seized nor delivered: a handful.
  EXPECT_NEAR(seized / shipped, expected, 4 * standard_error + 10.0 / shipped);
}

TEST(Interdiction, InformedOrganisationTakesMostReliablePath) {
  // Via crossing a: survival 0.9 x 0.9 = 0.81; via crossing b: 0.85 x 1.0 = 0.85.
  const std::string yaml = kHeader +
                           "nodes:\n"
                           "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
                           "  cross_a: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91}\n"
                           "  cross_b: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91.1}\n"
                           "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
                           "edges:\n"
                           "  - {from: src, to: cross_a, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.1}\n"
                           "  - {from: cross_a, to: dst, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.1}\n"
                           "  - {from: src, to: cross_b, travel_hours: {dist: fixed, mean: 5}, detection_probability: 0.15}\n"
                           "  - {from: cross_b, to: dst, travel_hours: {dist: fixed, mean: 5}, detection_probability: 0.0}\n"
                           "organisations:\n" +
                           organisation("cell", "src", "dst", 50.0, "informed");
  const CompiledScenario s = compile(yaml);
  const ReplicationResult result = simulate_replication(s, 0);
  ASSERT_EQ(s.crossings.size(), 2u);
  EXPECT_EQ(result.crossing_kg[0], 0.0) << "cross_a carried flow";
  EXPECT_GT(result.crossing_kg[1], 0.0) << "cross_b carried none";
}

TEST(Interdiction, ByCountryRateIsNaNWhereNothingWasDelivered) {
  // Seizures in transit country AA, deliveries in BB: AA's seized / (seized + delivered) would be 1
  // by construction (its kg in transit are not counted), so it has no rate.
  const std::string yaml = "scenario: {name: two, horizon_days: 120, seed: 5, replications: 1}\ncountries:\n" + country("AA") +
                           country("BB") +
                           "nodes:\n"
                           "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
                           "  a: {kind: town, country: AA, lat: 14.1, lon: -91}\n"
                           "  dst: {kind: hub, country: BB, lat: 14.3, lon: -91}\n"
                           "edges:\n"
                           "  - {from: src, to: a, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.3}\n"
                           "  - {from: a, to: dst, travel_hours: {dist: fixed, mean: 1}, detection_probability: 0.0}\n"
                           "organisations:\n" +
                           organisation("cell", "src", "dst", 100.0, "informed");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  const auto& seized = r.by_country[static_cast<std::size_t>(Indicator::seized_kg)];
  const auto& delivered = r.by_country[static_cast<std::size_t>(Indicator::delivered_kg)];
  const auto& rate = r.by_country[static_cast<std::size_t>(Indicator::interdiction_rate)];
  ASSERT_GT(seized[0], 0.0);
  ASSERT_EQ(delivered[0], 0.0);
  ASSERT_GT(delivered[1], 0.0);
  EXPECT_TRUE(std::isnan(rate[0])) << rate[0];
  EXPECT_DOUBLE_EQ(rate[1], seized[1] / (seized[1] + delivered[1]));
  EXPECT_FALSE(std::isnan(r.totals[static_cast<std::size_t>(Indicator::interdiction_rate)]));
}

}  // namespace
}  // namespace bstp::border::testing
