// Route choice: Yen's k cheapest routes, the logit spread over them, the cheapest rule as before,
// and a prior risk per hour of travel that does not depend on how a corridor is cut into legs
// (docs/model.md, "Route choice").
#include "model_fixtures.hpp"

#include <border/organisation_lp.hpp>
#include <border/route_choice.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace bstp::border::testing {
namespace {

const std::string kHeader = "scenario: {name: routes, horizon_days: 365, seed: 7, replications: 1}\ncountries:\n" + country("AA");

std::string node(const std::string& id, const std::string& kind = "town") {
  return "  " + id + ": {kind: " + kind + ", country: AA, lat: 14, lon: -91}\n";
}
std::string edge(const std::string& from, const std::string& to, const std::string& mode, double hours, double detection = -1) {
  return "  - {from: " + from + ", to: " + to + ", mode: " + mode + ", travel_hours: {dist: fixed, mean: " + std::to_string(hours) +
         "}" + (detection >= 0 ? ", detection_probability: " + std::to_string(detection) : std::string()) + "}\n";
}

TEST(RouteChoice, YenFindsTheCheapestLooplessRoutesInOrder) {
  // Legs both ways: s-a-t (1 + 1), s-a-b-t (1 + 0.5 + 1), s-b-t (2 + 1), s-b-a-t (2 + 0.5 + 1), s-t (5).
  const std::string yaml = kHeader + "nodes:\n" + node("s") + node("a") + node("b") + node("t") + "edges:\n" + edge("s", "a", "road", 1) +
                           edge("a", "t", "road", 1) + edge("s", "b", "road", 2) + edge("b", "t", "road", 1) + edge("a", "b", "road", 0.5) +
                           edge("s", "t", "road", 5);
  const CompiledScenario s = compile(yaml);
  const BorderGraph& g = s.graph();
  std::vector<double> cost(g.arc_count());
  for (std::size_t a = 0; a < cost.size(); ++a) cost[a] = g.arc(static_cast<ArcIndex>(a)).mean_hours;
  const std::vector<NodeIndex> targets{g.index_of("t")};
  const std::vector<CandidateRoute> routes = k_cheapest_routes(g, g.index_of("s"), targets, cost, 6, 32);
  ASSERT_EQ(routes.size(), 5u);  // there are no more loopless routes
  const std::vector<double> want{2.0, 2.5, 3.0, 3.5, 5.0};
  const std::vector<std::size_t> legs{2, 3, 2, 3, 1};
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_DOUBLE_EQ(routes[i].cost, want[i]) << "route " << i;
    EXPECT_EQ(routes[i].arcs.size(), legs[i]) << "route " << i;
  }
  // At most 2 legs: the three-leg routes are left out.
  EXPECT_EQ(k_cheapest_routes(g, g.index_of("s"), targets, cost, 6, 2).size(), 3u);
}

TEST(RouteChoice, LogitSharesFollowTheCostGap) {
  std::vector<CandidateRoute> routes(2);
  routes[0].cost = 100.0;
  routes[1].cost = 130.0;
  const std::vector<double> shares = logit_shares(routes, 30.0);
  EXPECT_NEAR(shares[0], 1.0 / (1.0 + std::exp(-1.0)), 1e-12);
  EXPECT_NEAR(shares[1], 1.0 - shares[0], 1e-12);
  EXPECT_EQ(logit_shares(routes, 0.0), (std::vector<double>{1.0, 0.0}));
}

// Two crossings to dst; the leg after crossing a loses 10% of loads, after crossing b 12%.
std::string two_crossings(const std::string& route_choice) {
  return kHeader + "nodes:\n" + node("src", "landing") + node("cross_a", "blind_crossing") + node("cross_b", "blind_crossing") + node("dst", "hub") +
         "edges:\n" + edge("src", "cross_a", "road", 1) + edge("cross_a", "dst", "road", 1, 0.10) + edge("src", "cross_b", "road", 1) +
         edge("cross_b", "dst", "road", 1, 0.12) + "organisations:\n" + organisation("cell", "src", "dst", 200.0, "informed") +
         "    route_choice: " + route_choice + "\n";
}

TEST(RouteChoice, CheapestRuleSendsEverythingOneWay) {
  const ReplicationResult r = simulate_replication(compile(two_crossings("{rule: cheapest}")), 0);
  EXPECT_GT(r.crossing_kg[0], 0.0);
  EXPECT_EQ(r.crossing_kg[1], 0.0);
}

TEST(RouteChoice, LogitSpreadsFlowByTheCostGap) {
  // Route costs differ by V x (ln 0.9 - ln 0.88) with V = 100 kg x 10,000 USD; at that temperature
  // the cheaper route is taken with probability 1 / (1 + e^-1) = 0.731.
  const double gap = 1e6 * (std::log(0.9) - std::log(0.88));
  const CompiledScenario s = compile(two_crossings("{rule: logit, temperature_usd: " + std::to_string(gap) + ", candidates: 2}"));
  double a = 0.0, b = 0.0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const ReplicationResult r = simulate_replication(s, rep);
    a += r.crossing_kg[0] / 100.0;
    b += r.crossing_kg[1] / 100.0;
  }
  const double n = a + b, p = 1.0 / (1.0 + std::exp(-1.0));
  ASSERT_GT(n, 3000.0);
  EXPECT_NEAR(a / n, p, 4.0 * std::sqrt(p * (1 - p) / n) + 1e-6);
}

// Route a crosses by trail (3 hours, cut into `pieces` legs) then 1 hour of road; route b is
// 4 hours of road in three legs.
std::string split_corridor(int pieces, const std::string& per_hour) {
  std::string nodes = node("src", "landing") + node("cross_a", "blind_crossing") + node("cross_b", "blind_crossing") + node("b1") + node("dst", "hub");
  std::string edges = edge("cross_a", "dst", "road", 1) + edge("src", "b1", "road", 1.5) + edge("b1", "cross_b", "road", 1.5) +
                      edge("cross_b", "dst", "road", 1);
  std::string from = "src";
  for (int i = 1; i < pieces; ++i) {
    nodes += node("m" + std::to_string(i));
    edges += edge(from, "m" + std::to_string(i), "trail", 3.0 / pieces);
    from = "m" + std::to_string(i);
  }
  edges += edge(from, "cross_a", "trail", 3.0 / pieces);
  std::string org = organisation("cell", "src", "dst", 10.0, "learned");
  if (!per_hour.empty()) org.replace(org.find("risk_aversion: 1}"), 17, "risk_aversion: 1, prior_risk_per_hour: " + per_hour + "}");
  return kHeader + "nodes:\n" + nodes + "edges:\n" + edges + "organisations:\n" + org;
}

// Whether the route an untried organisation plans goes through crossing a.
bool through_a(const std::string& yaml) {
  const CompiledScenario s = compile(yaml);
  const OrganisationLp cell(s, 0, 0);
  const NodeIndex cross_a = s.graph().index_of("cross_a");
  for (ArcIndex leg : cell.planned_route(s.graph().index_of("src"), 1e6, 0))
    if (s.graph().arc(leg).to == cross_a) return true;
  return false;
}

TEST(RouteChoice, PriorRiskPerHourDoesNotDependOnHowALegIsCut) {
  // Per hour (trail 0.02, road 0.01): route a 0.07 of hazard, route b 0.04, however a is cut.
  const std::string per_hour = "{trail: 0.02, road: 0.01}";
  EXPECT_FALSE(through_a(split_corridor(1, per_hour)));
  EXPECT_FALSE(through_a(split_corridor(3, per_hour)));
  // With a prior per leg (0.05), cutting the trail in three turns the choice from a (2 legs against
  // 3) to b (4 legs against 3): the problem the per-hour prior removes.
  EXPECT_TRUE(through_a(split_corridor(1, "")));
  EXPECT_FALSE(through_a(split_corridor(3, "")));
  // A cheaper trail makes a the choice, again however it is cut.
  EXPECT_TRUE(through_a(split_corridor(1, "{trail: 0.005, road: 0.01}")));
  EXPECT_TRUE(through_a(split_corridor(3, "{trail: 0.005, road: 0.01}")));
  const CompiledScenario s = compile(split_corridor(3, per_hour));
  EXPECT_NEAR(OrganisationLp(s, 0, 0).prior_risk(0), 1.0 - std::exp(-0.01), 1e-12);  // cross_a -> dst: 1 hour of road
}

}  // namespace
}  // namespace bstp::border::testing
