// What validation lets through always runs: durations are converted with a check, organisations
// with no prior weight judge untried legs by the prior risk, and a route longer than a shipment
// can carry gives way to the cheapest short enough one (issue 7).
#include "model_fixtures.hpp"

#include <border/scenario_bounds.hpp>

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

TEST(HostileInput, DurationConversionIsChecked) {
  EXPECT_EQ(to_ticks(2.5, 60.0), 150 * kSecond);
  EXPECT_EQ(to_ticks(-1.0, 60.0), 0);
  EXPECT_EQ(to_ticks(std::numeric_limits<double>::quiet_NaN(), 60.0), 0);
  EXPECT_EQ(to_ticks(1e308, 86400.0), bounds::kLongestDelayTicks);
  EXPECT_EQ(to_ticks(std::numeric_limits<double>::infinity(), 1.0), bounds::kLongestDelayTicks);
  // The longest delay added to the longest horizon still fits the clock.
  EXPECT_LT(bounds::kLongestDelayTicks, std::numeric_limits<Time>::max() - bounds::kLongestDelayTicks);
}

// A chain of `legs` cheap town-to-town legs from n0 to the hub at its end, and one slow direct
// leg between them.
std::string chain_scenario(int legs, const std::string& risk = "") {
  std::string s = "scenario: {horizon_days: 120, seed: 3}\ncountries:\n" + country("GT") + "nodes:\n";
  for (int n = 0; n < legs; ++n) s += "  n" + std::to_string(n) + ": {kind: town, country: GT}\n";
  s += "  end: {kind: hub, country: GT}\nedges:\n";
  for (int n = 0; n + 1 < legs; ++n)
    s += "  - {from: n" + std::to_string(n) + ", to: n" + std::to_string(n + 1) + ", travel_hours: {mean: 0.01}}\n";
  s += "  - {from: n" + std::to_string(legs - 1) + ", to: end, travel_hours: {mean: 0.01}}\n";
  s += "  - {from: n0, to: end, travel_hours: {mean: 100}}\n";
  s += "organisations:\n  cell:\n    sources: [n0]\n    destinations: [end]\n    shipments_per_month: 30\n"
       "    shipment_kg: {mean: 100}\n    value_per_kg_usd: 1000\n    cost_of_time_usd_per_hour: 100\n" +
       risk;
  return s;
}

TEST(HostileInput, ARouteLongerThanAShipmentCarriesGivesWayToAShortOne) {
  const CompiledScenario s = compile(chain_scenario(40));
  const BorderGraph& g = s.graph();
  std::vector<double> cost(g.arc_count());
  for (std::size_t a = 0; a < cost.size(); ++a) cost[a] = g.arc(static_cast<ArcIndex>(a)).mean_hours;
  const NodeIndex source = g.index_of("n0");
  const std::vector<NodeIndex> targets{g.index_of("end")};
  // Cheapest overall: the 40 legs of the chain; within 32 legs: the direct one.
  std::vector<double> total;
  std::vector<ArcIndex> via;
  g.cheapest_routes(source, cost, total, via);
  EXPECT_EQ(g.route_to(source, targets[0], via).size(), 40u);
  const std::vector<ArcIndex> short_route = g.cheapest_route_within(source, targets, cost, bounds::kMaxRouteLegs);
  ASSERT_EQ(short_route.size(), 1u);
  EXPECT_EQ(g.arc(short_route[0]).to, targets[0]);
  // Within 40 legs it is the chain again.
  EXPECT_EQ(g.cheapest_route_within(source, targets, cost, 40).size(), 40u);
  // And a replication runs, shipping along the short route.
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_GT(r.totals[static_cast<std::size_t>(Indicator::shipments)], 0.0);
}

TEST(HostileInput, NoPriorWeightJudgesUntriedLegsByThePriorRisk) {
  const CompiledScenario s = compile(chain_scenario(3, "    risk: {prior_risk: 0.05, prior_weight: 0}\n"));
  const ReplicationResult r = simulate_replication(s, 0);
  const double shipments = r.totals[static_cast<std::size_t>(Indicator::shipments)];
  EXPECT_GT(shipments, 0.0);
  EXPECT_TRUE(std::isfinite(r.totals[static_cast<std::size_t>(Indicator::delivered_kg)]));
  EXPECT_GT(r.totals[static_cast<std::size_t>(Indicator::delivered_kg)], 0.0);
}

// A scenario compiled without validation, whose checkpoint gets far more traffic than it serves:
// the run stops with an error naming it before its queue takes the machine's memory.
TEST(HostileInput, AnOverloadedCheckpointStopsTheRunWithAnError) {
  const std::string yaml =
      "scenario: {horizon_days: 30}\ncountries:\n" + country("GT") +
      "nodes:\n  a: {kind: port_of_entry, country: GT}\n  b: {kind: town, country: GT}\n"
      "edges:\n  - {from: a, to: b, travel_hours: {mean: 1}}\n"
      "checkpoints:\n  a: {lanes: 1, service_minutes: {mean: 1}}\ntraffic:\n  a: {vehicles_per_hour: 30}\n";
  Scenario s = ScenarioDocument::from_text(yaml, "test.yaml").resolve();
  s.traffic.at("a").vehicles_per_hour = 1e9;
  s.checkpoints.at("a").service_minutes.mean = 1000;
  const CompiledScenario compiled(s);
  try {
    simulate_replication(compiled, 0);
    FAIL() << "an overloaded checkpoint ran to the end";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("checkpoints.a: more than 1000000 vehicles waiting at once"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace bstp::border::testing
