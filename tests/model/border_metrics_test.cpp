// The border metrics CBP reports, on cases whose counts are known by construction: every attempt
// ends seized, turned back, got away or undetected; the interdiction effectiveness rate (IER) and
// the apprehension rate follow from those counts; route hours per delivered kg is the time from
// sending to delivery. Then the direction: more turn-backs raise the IER while fewer attempts end
// in a seizure (the gap between IER and the true apprehension rate the IDA study measured).
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

// One seam leg from AA into BB, detected with probability `detection`; an organisation sending
// 100 kg loads across it, turning back with `turn_back` (at most `max_turn_backs` times, retrying
// after one hour); a detected shipment not turned back escapes across the seam with `escape`.
// The organisation learns the risk but, shipping at no cost with no elasticity, is never
// deterred (unless `perception` is informed and detection certain: then it never ships).
std::string seam(double detection, double escape, double turn_back, int max_turn_backs, double per_month = 200.0,
                 const std::string& perception = "learned") {
  return "scenario: {name: seam, horizon_days: 365, seed: 9, replications: 1}\ncountries:\n" + country("AA") + country("BB") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  dst: {kind: hub, country: BB, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {from: src, to: dst, travel_hours: {dist: fixed, mean: 1}, detection_probability: " +
         std::to_string(detection) +
         "}\n"
         "coordination: {escape_probability: " +
         std::to_string(escape) +
         "}\norganisations:\n"
         "  cell:\n    sources: [src]\n    destinations: [dst]\n    shipments_per_month: " +
         std::to_string(per_month) +
         "\n    shipment_kg: {dist: fixed, mean: 100}\n    value_per_kg_usd: 10000\n    propensity_to_bribe: 0\n"
         "    propensity_to_fight: 0\n    risk: {perception: " +
         perception + "}\n    loss_tolerance: 1\n    deterrence_elasticity: 0\n    turn_back_probability: " + std::to_string(turn_back) +
         "\n    max_turn_backs: " + std::to_string(max_turn_backs) + "\n    retry_after_hours: 1\n";
}

// Shipments still on the road at the horizon have no outcome yet: at most a few at 200 a month
// on a route of about two hours.
constexpr double kInFlight = 3.0;

TEST(BorderMetrics, EveryDetectedShipmentSeizedGivesIerAndApprehensionRateOne) {
  const ReplicationResult r = simulate_replication(compile(seam(1.0, 0.0, 0.0, 0)), 0);
  ASSERT_GT(total(r, Indicator::seizures), 2000.0);
  EXPECT_EQ(total(r, Indicator::turned_back), 0.0);
  EXPECT_EQ(total(r, Indicator::got_away), 0.0);
  EXPECT_EQ(total(r, Indicator::undetected), 0.0);
  EXPECT_EQ(total(r, Indicator::detected), total(r, Indicator::seizures));
  EXPECT_EQ(total(r, Indicator::interdiction_effectiveness_rate), 1.0);
  EXPECT_EQ(total(r, Indicator::apprehension_rate), 1.0);
  EXPECT_LE(total(r, Indicator::shipments) - total(r, Indicator::seizures), kInFlight);
}

TEST(BorderMetrics, EveryDetectedShipmentEscapingGivesIerZero) {
  const ReplicationResult r = simulate_replication(compile(seam(1.0, 1.0, 0.0, 0)), 0);
  ASSERT_GT(total(r, Indicator::got_away), 2000.0);
  EXPECT_EQ(total(r, Indicator::seizures), 0.0);
  EXPECT_EQ(total(r, Indicator::undetected), 0.0);
  EXPECT_EQ(total(r, Indicator::interdiction_effectiveness_rate), 0.0);
  EXPECT_EQ(total(r, Indicator::apprehension_rate), 0.0);
  // By country: the got-aways count where they were detected (AA), not where delivered (BB).
  EXPECT_EQ(r.by_country[static_cast<std::size_t>(Indicator::got_away)][0], total(r, Indicator::got_away));
  EXPECT_EQ(r.by_country[static_cast<std::size_t>(Indicator::got_away)][1], 0.0);
}

TEST(BorderMetrics, UndetectedRouteHoursAreTheHandoverPlusTheLeg) {
  // Sent, handed to AA 10 minutes later, one hour across: 70 minutes for 100 kg.
  const ReplicationResult r = simulate_replication(compile(seam(0.0, 0.0, 0.0, 0)), 0);
  ASSERT_GT(total(r, Indicator::undetected), 2000.0);
  EXPECT_EQ(total(r, Indicator::detected), 0.0);
  EXPECT_TRUE(std::isnan(total(r, Indicator::interdiction_effectiveness_rate))) << "no detected attempt: no IER";
  EXPECT_EQ(total(r, Indicator::apprehension_rate), 0.0);
  EXPECT_NEAR(total(r, Indicator::route_hours_per_delivered_kg), (70.0 / 60.0) / 100.0, 1e-12);
}

TEST(BorderMetrics, TurnedBackOnceThenEscapingTakesTwoCrossingsAndCountsBothOutcomes) {
  // Detected every time; the first detection turns it back (max 1), the second lets it escape.
  // Timeline of one shipment: handover 10 min, turned back at once, retried after 1 h and handed
  // over again (10 min), then the hour across: 2 h 20 min for 100 kg. IER = 1 / (1 + 1).
  const ReplicationResult r = simulate_replication(compile(seam(1.0, 1.0, 1.0, 1)), 0);
  const double got_away = total(r, Indicator::got_away), turned_back = total(r, Indicator::turned_back);
  ASSERT_GT(got_away, 2000.0);
  EXPECT_EQ(total(r, Indicator::seizures), 0.0);
  EXPECT_EQ(total(r, Indicator::undetected), 0.0);
  EXPECT_GE(turned_back, got_away);
  EXPECT_LE(turned_back, got_away + kInFlight);
  EXPECT_NEAR(total(r, Indicator::interdiction_effectiveness_rate), 0.5, kInFlight / got_away);
  EXPECT_NEAR(total(r, Indicator::route_hours_per_delivered_kg), (140.0 / 60.0) / 100.0, 1e-12);
  // One shipment, two attempts: the shipments sent are the attempts that were not retries.
  EXPECT_LE(total(r, Indicator::shipments) - got_away, kInFlight);
}

TEST(BorderMetrics, DeterredShipmentsAreTheCandidatesNotSent) {
  // Informed of certain detection, the organisation expects to lose every load: nothing is sent.
  const ReplicationResult never = simulate_replication(compile(seam(1.0, 0.0, 0.0, 0, 200.0, "informed")), 0);
  EXPECT_EQ(total(never, Indicator::shipments), 0.0);
  EXPECT_GT(total(never, Indicator::deterred_shipments), 2000.0);
  // Informed of no risk at all, it sends every candidate.
  const ReplicationResult always = simulate_replication(compile(seam(0.0, 0.0, 0.0, 0, 200.0, "informed")), 0);
  EXPECT_EQ(total(always, Indicator::deterred_shipments), 0.0);
  // The candidates are the same stream in both runs (common random numbers).
  EXPECT_EQ(total(never, Indicator::deterred_shipments), total(always, Indicator::shipments));
}

TEST(BorderMetrics, MixedOutcomesMatchTheirProbabilities) {
  // Per attempt: undetected 1 - d; turned back d t; seized d (1 - t)(1 - e); got away d (1 - t) e.
  // With d = 0.5, t = 0.5, e = 0.4: 0.5, 0.25, 0.15, 0.1; IER = 0.4 / 0.5 = 0.8 (about CBP's
  // FY2015 81 %), while only 15 % of attempts are apprehended.
  const CompiledScenario s = compile(seam(0.5, 0.4, 0.5, 100));
  double undetected = 0, turned_back = 0, seized = 0, got_away = 0;
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const ReplicationResult r = simulate_replication(s, rep);
    undetected += total(r, Indicator::undetected);
    turned_back += total(r, Indicator::turned_back);
    seized += total(r, Indicator::seizures);
    got_away += total(r, Indicator::got_away);
  }
  const double attempts = undetected + turned_back + seized + got_away;
  ASSERT_GT(attempts, 5000.0);
  auto within_4_se = [&](double count, double p) {
    EXPECT_NEAR(count / attempts, p, 4.0 * std::sqrt(p * (1 - p) / attempts)) << "expected share " << p;
  };
  within_4_se(undetected, 0.5);
  within_4_se(turned_back, 0.25);
  within_4_se(seized, 0.15);
  within_4_se(got_away, 0.1);
  // IER over the detected: a binomial share 0.8 of about attempts / 2.
  const double detected = seized + turned_back + got_away;
  EXPECT_NEAR((seized + turned_back) / detected, 0.8, 4.0 * std::sqrt(0.8 * 0.2 / detected));
}

TEST(BorderMetrics, MoreTurnBacksRaiseTheIerButLowerApprehensions) {
  // Common random numbers: the same replications with turn-back 0.2 and 0.6; each paired
  // difference must lie beyond 3 standard errors in the expected direction.
  const CompiledScenario low = compile(seam(0.5, 0.4, 0.2, 100, 60.0));
  const CompiledScenario high = compile(seam(0.5, 0.4, 0.6, 100, 60.0));
  std::vector<double> ier_low, ier_high, appr_low, appr_high;
  for (std::uint64_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult a = simulate_replication(low, rep), b = simulate_replication(high, rep);
    ier_low.push_back(total(a, Indicator::interdiction_effectiveness_rate));
    ier_high.push_back(total(b, Indicator::interdiction_effectiveness_rate));
    appr_low.push_back(total(a, Indicator::apprehension_rate));
    appr_high.push_back(total(b, Indicator::apprehension_rate));
  }
  const Sample ier = sample_of(minus(ier_high, ier_low)), appr = sample_of(minus(appr_high, appr_low));
  EXPECT_GT(ier.mean - 3.0 * ier.standard_error, 0.0) << "IER change " << ier.mean << " +- " << ier.standard_error;
  EXPECT_LT(appr.mean + 3.0 * appr.standard_error, 0.0) << "apprehension rate change " << appr.mean << " +- " << appr.standard_error;
}

}  // namespace
}  // namespace bstp::border::testing
