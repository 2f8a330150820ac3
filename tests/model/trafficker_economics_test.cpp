// Traffickers' economics: a load's value rises along its route from the purchase cost to the
// destination price, seizures are valued where they happen, and shipments the network deters go to
// the outside option when it pays (docs/model.md, "Traffickers' economics").
#include "model_fixtures.hpp"

#include <border/trafficker_economics.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

// src -> a -> b -> dst: 1, 1 and 2 hours; only the last leg is watched, with `last_leg_detection`.
std::string three_legs(double last_leg_detection, const std::string& extra_org_lines, const std::string& policies = "") {
  return "scenario: {name: economics, horizon_days: 365, seed: 11, replications: 1}\ncountries:\n" + country("AA") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  a: {kind: town, country: AA, lat: 14.1, lon: -91}\n"
         "  b: {kind: town, country: AA, lat: 14.2, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {from: src, to: a, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: a, to: b, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: b, to: dst, travel_hours: {dist: fixed, mean: 2}, detection_probability: " +
         std::to_string(last_leg_detection) + "}\n" + "organisations:\n" +
         organisation("cell", "src", "dst", 30.0, "informed", 1.0) + extra_org_lines + policies;
}

TEST(TraffickerEconomics, ValueRisesWithTheHoursTravelled) {
  const CompiledScenario s = compile(three_legs(0.5, "    purchase_cost_usd_per_kg: 2000\n"));
  const std::vector<ArcIndex> route{0, 2, 4};  // the forward arcs of the three edges
  const Organisation& o = s.organisations[0].spec;
  EXPECT_DOUBLE_EQ(replacement_value_per_kg(o, s.graph(), route, 0), 2000.0);
  EXPECT_DOUBLE_EQ(replacement_value_per_kg(o, s.graph(), route, 1), 2000.0 + 8000.0 * 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(replacement_value_per_kg(o, s.graph(), route, 2), 2000.0 + 8000.0 * 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(replacement_value_per_kg(o, s.graph(), route, 3), 10000.0);
}

TEST(TraffickerEconomics, SeizuresAreValuedAtReplacementCostWhereTheyHappen) {
  // Every seizure is on the last leg, after 2 of the route's 4 hours: 2,000 + 8,000 x 0.5 per kg.
  const ReplicationResult r = simulate_replication(compile(three_legs(0.5, "    purchase_cost_usd_per_kg: 2000\n")), 0);
  ASSERT_GT(total(r, Indicator::seizures), 10.0);
  EXPECT_DOUBLE_EQ(total(r, Indicator::seized_value_usd), total(r, Indicator::seized_kg) * 6000.0);
  // Profit counts the product bought for every shipment sent: 100 kg x 2,000.
  EXPECT_DOUBLE_EQ(total(r, Indicator::purchase_cost_usd), total(r, Indicator::shipments) * 100 * 2000.0);
  EXPECT_DOUBLE_EQ(total(r, Indicator::mean_route_hours), 4.0);
}

TEST(TraffickerEconomics, ChoiceFollowsTheStatedRule) {
  const double none = -std::numeric_limits<double>::infinity();
  EXPECT_EQ(choose_shipment(100, 0.5, none, 0.4), ShipmentChoice::network);
  EXPECT_EQ(choose_shipment(100, 0.5, none, 0.6), ShipmentChoice::deterred);
  EXPECT_EQ(choose_shipment(100, 0.5, 50, 0.6), ShipmentChoice::outside_option);   // deterred from the network, goes outside
  EXPECT_EQ(choose_shipment(100, 0.5, 150, 0.1), ShipmentChoice::outside_option);  // outside pays more
  EXPECT_EQ(choose_shipment(100, 0.5, -10, 0.6), ShipmentChoice::deterred);        // outside does not pay
  EXPECT_EQ(choose_shipment(-5, 0.0, 0.0, 0.1), ShipmentChoice::deterred);         // nothing pays
}

TEST(TraffickerEconomics, AnOutsideOptionThatPaysMoreTakesEveryShipment) {
  const ReplicationResult r = simulate_replication(
      compile(three_legs(0.5, "    purchase_cost_usd_per_kg: 2000\n    outside_option: {available: true, cost_usd_per_kg: 0, risk: 0}\n")), 0);
  EXPECT_EQ(total(r, Indicator::shipments), 0.0);
  EXPECT_EQ(total(r, Indicator::deterred_kg), 0.0);
  EXPECT_GT(total(r, Indicator::diverted_kg), 100 * 200.0);
}

TEST(TraffickerEconomics, TheOutsideOptionReceivesDeterredKg) {
  // The network loses 60% of loads: deterrence keeps many shipments off it (expected profit 190,000
  // per 100 kg load against 647,000 at the prior risk). An outside option that pays less than the
  // network but pays (risk 0.5, 2,000 USD/kg: 100,000 a load) takes them instead.
  const std::string yaml = three_legs(0.6, "    purchase_cost_usd_per_kg: 2000\n    outside_option: {available: false, cost_usd_per_kg: 2000, risk: 0.5}\n",
                                      "policies:\n  closed: {}\n  open:\n    set: {organisations.cell.outside_option.available: true}\n");
  std::vector<double> deterred_closed, deterred_open, diverted_open, network_closed, network_open;
  for (std::uint64_t rep = 0; rep < 8; ++rep) {
    const ReplicationResult closed = simulate_replication(compile(yaml, "closed"), rep);
    const ReplicationResult open = simulate_replication(compile(yaml, "open"), rep);
    EXPECT_EQ(total(closed, Indicator::diverted_kg), 0.0);
    deterred_closed.push_back(total(closed, Indicator::deterred_kg));
    deterred_open.push_back(total(open, Indicator::deterred_kg));
    diverted_open.push_back(total(open, Indicator::diverted_kg));
    network_closed.push_back(total(closed, Indicator::shipments));
    network_open.push_back(total(open, Indicator::shipments));
  }
  // Same draws: the shipments the network takes are the same; what it deters goes outside.
  EXPECT_EQ(network_closed, network_open);
  EXPECT_EQ(diverted_open, deterred_closed);
  const Sample d = sample_of(minus(deterred_open, deterred_closed));
  EXPECT_LT(d.mean + 3 * d.standard_error, 0.0) << d.mean << " ± " << d.standard_error;
  for (double x : deterred_open) EXPECT_EQ(x, 0.0);
}

}  // namespace
}  // namespace bstp::border::testing
