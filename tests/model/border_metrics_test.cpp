// The border metrics CBP reports, on cases whose counts are known by construction: every attempt
// ends seized, turned back, got away or undetected; the interdiction effectiveness rate (IER) and
// the apprehension rate follow from those counts; route hours per delivered kg is the time from
// sending to delivery. Then the direction: more turn-backs raise the IER while fewer attempts end
// in a seizure (the gap between IER and the true apprehension rate the IDA study measured).
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

#include <regex>

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

// A seizure counts at the crossing its leg starts or ends at, and at none when the leg touches no
// crossing: src -> town -> ford (a blind crossing) -> dst, with certain detection on one leg.
std::string through_ford(const std::string& watched) {
  auto leg = [&](const std::string& from, const std::string& to) {
    return "  - {from: " + from + ", to: " + to + ", travel_hours: {dist: fixed, mean: 1}, detection_probability: " +
           (from == watched ? "1" : "0") + "}\n";
  };
  return "scenario: {name: ford, horizon_days: 120, seed: 4, replications: 1}\ncountries:\n" + country("AA") + country("BB") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  town: {kind: town, country: AA, lat: 14.1, lon: -91}\n"
         "  ford: {kind: blind_crossing, country: AA, lat: 14.2, lon: -91}\n"
         "  dst: {kind: hub, country: BB, lat: 14.3, lon: -91}\n"
         "edges:\n" +
         leg("src", "town") + leg("town", "ford") + leg("ford", "dst") +
         "organisations:\n"
         "  cell:\n    sources: [src]\n    destinations: [dst]\n    shipments_per_month: 50\n"
         "    shipment_kg: {dist: fixed, mean: 100}\n    value_per_kg_usd: 10000\n    propensity_to_bribe: 0\n"
         "    propensity_to_fight: 0\n    risk: {perception: learned}\n    loss_tolerance: 1\n    deterrence_elasticity: 0\n";
}

TEST(BorderMetrics, SeizuresCountAtTheCrossingTheirLegTouches) {
  for (const std::string watched : {"src", "town", "ford"}) {
    const CompiledScenario s = compile(through_ford(watched));
    ASSERT_EQ(s.crossings.size(), 1u);
    const ReplicationResult r = simulate_replication(s, 0);
    ASSERT_GT(total(r, Indicator::seizures), 0.0) << watched;
    ASSERT_EQ(r.crossing_seizures.size(), 1u);
    if (watched == "src") {  // src -> town touches no crossing
      EXPECT_EQ(r.crossing_seizures[0], 0.0);
      EXPECT_EQ(r.crossing_seized_kg[0], 0.0);
      EXPECT_EQ(r.crossing_kg[0], 0.0) << "nothing got past src";
    } else {  // on the way into the ford, or out of it
      EXPECT_EQ(r.crossing_seizures[0], total(r, Indicator::seizures)) << watched;
      EXPECT_EQ(r.crossing_seized_kg[0], total(r, Indicator::seized_kg)) << watched;
      EXPECT_EQ(r.crossing_seized_kg[0], 100.0 * r.crossing_seizures[0]) << watched;
    }
    double months = 0.0;
    for (double v : r.crossing_seizures_monthly[0]) months += v;
    EXPECT_EQ(months, r.crossing_seizures[0]) << watched;
  }
}

// warmup_days only moves the start of measurement: the run is the same, so with a warm-up of two
// whole months every monthly value from month 3 on is the value without one, the first two months
// are NaN (not measured), and each additive total is the sum of the measured months.
TEST(BorderMetrics, WarmupDropsTheFirstMonthsAndNothingElse) {
  const std::string two_months = std::to_string(2 * 30.4375);
  const ScenarioDocument doc = ScenarioDocument::from_file("scenarios/tutorial.yaml");
  const CompiledScenario cold(doc.resolve("", {{"scenario.horizon_days", "150"}}));
  const CompiledScenario warm(doc.resolve("", {{"scenario.horizon_days", "150"}, {"scenario.warmup_days", two_months}}));
  ASSERT_EQ(warm.warmup(), 2 * kMonthTicks);
  const ReplicationResult a = simulate_replication(cold, 0), b = simulate_replication(warm, 0);
  ASSERT_EQ(a.events, b.events) << "a warm-up must not change the run";
  for (const IndicatorInfo& info : indicator_catalog()) {
    const auto i = static_cast<std::size_t>(info.id);
    for (std::size_t m = 0; m < 2; ++m) EXPECT_TRUE(std::isnan(b.monthly[i][m])) << info.name << " month " << m + 1;
    // The vehicle-seconds between the last arrival before the warm-up's end and the first after
    // it fall in month 3 without a warm-up; with one, only their measured part does.
    if (info.id == Indicator::mean_vehicles_in_system) continue;
    for (std::size_t m = 2; m < a.monthly[i].size(); ++m)
      EXPECT_TRUE(a.monthly[i][m] == b.monthly[i][m] || (std::isnan(a.monthly[i][m]) && std::isnan(b.monthly[i][m])))
          << info.name << " month " << m + 1 << ": " << a.monthly[i][m] << " without a warm-up, " << b.monthly[i][m] << " with";
  }
  for (Indicator id : {Indicator::shipments, Indicator::seizures, Indicator::seized_kg, Indicator::delivered_kg, Indicator::bribes_usd,
                       Indicator::legitimate_crossings, Indicator::trade_delay_cost_usd, Indicator::patrol_cost_usd,
                       Indicator::training_cost_usd, Indicator::turned_back, Indicator::got_away, Indicator::undetected,
                       Indicator::deterred_shipments}) {
    const auto i = static_cast<std::size_t>(id);
    double after_warmup = 0.0;
    for (std::size_t m = 2; m < a.monthly[i].size(); ++m) after_warmup += a.monthly[i][m];
    EXPECT_NEAR(b.totals[i], after_warmup, 1e-9 * std::max(1.0, std::abs(after_warmup))) << info(id).name;
  }
  // Kg through each crossing, month by month: NaN in the warm-up, the same after it, and the
  // crossing's total is the sum of its measured months.
  ASSERT_EQ(b.crossing_kg_monthly.size(), warm.crossings.size());
  double through_all = 0.0;
  for (std::size_t x = 0; x < b.crossing_kg_monthly.size(); ++x) {
    double sum = 0.0;
    for (std::size_t m = 0; m < b.crossing_kg_monthly[x].size(); ++m) {
      if (m < 2) {
        EXPECT_TRUE(std::isnan(b.crossing_kg_monthly[x][m]));
        continue;
      }
      EXPECT_EQ(b.crossing_kg_monthly[x][m], a.crossing_kg_monthly[x][m]) << "crossing " << x << " month " << m + 1;
      sum += b.crossing_kg_monthly[x][m];
    }
    EXPECT_NEAR(b.crossing_kg[x], sum, 1e-9 * std::max(1.0, sum));
    through_all += sum;
  }
  EXPECT_GT(through_all, 0.0);
  // Seizures at each crossing likewise. In the tutorial every watched leg and the checkpoint
  // touch a crossing, so the seizures at crossings are all the seizures.
  for (const auto* rows : {&b.crossing_seizures_monthly, &b.crossing_seized_kg_monthly}) {
    ASSERT_EQ(rows->size(), warm.crossings.size());
    const auto& cold_rows = rows == &b.crossing_seizures_monthly ? a.crossing_seizures_monthly : a.crossing_seized_kg_monthly;
    for (std::size_t x = 0; x < rows->size(); ++x)
      for (std::size_t m = 0; m < (*rows)[x].size(); ++m) {
        if (m < 2)
          EXPECT_TRUE(std::isnan((*rows)[x][m])) << "crossing " << x << " month " << m + 1;
        else
          EXPECT_EQ((*rows)[x][m], cold_rows[x][m]) << "crossing " << x << " month " << m + 1;
      }
  }
  for (const ReplicationResult* r : {&a, &b}) {
    double seizures = 0.0, kg = 0.0;
    for (std::size_t x = 0; x < r->crossing_seizures.size(); ++x) seizures += r->crossing_seizures[x], kg += r->crossing_seized_kg[x];
    EXPECT_GT(seizures, 0.0);
    EXPECT_EQ(seizures, total(*r, Indicator::seizures));
    EXPECT_NEAR(kg, total(*r, Indicator::seized_kg), 1e-9 * kg);
  }
  EXPECT_GT(b.totals[static_cast<std::size_t>(Indicator::legitimate_crossings)], 0.0);
  EXPECT_LT(b.totals[static_cast<std::size_t>(Indicator::legitimate_crossings)],
            a.totals[static_cast<std::size_t>(Indicator::legitimate_crossings)]);
  // A unit's cost counts for the measured days only: (150 - 60.875) / 150 of the whole.
  EXPECT_NEAR(b.totals[static_cast<std::size_t>(Indicator::patrol_cost_usd)],
              a.totals[static_cast<std::size_t>(Indicator::patrol_cost_usd)] * (150.0 - 2 * 30.4375) / 150.0, 1e-6);
}

// Per patrol unit and per organisation (docs/results-format.md, "Per unit and per organisation").
double unit_count(const ReplicationResult& r, UnitMeasure m, std::size_t u) { return r.by_unit[static_cast<std::size_t>(m)][u]; }
double unit_sum(const ReplicationResult& r, UnitMeasure m) {
  double sum = 0.0;
  for (double x : r.by_unit[static_cast<std::size_t>(m)]) sum += x;
  return sum;
}
double organisation_sum(const ReplicationResult& r, OrganisationMeasure m) {
  double sum = 0.0;
  for (double x : r.by_organisation[static_cast<std::size_t>(m)]) sum += x;
  return sum;
}

// One leg inside AA watched by sector s (units `units`, on duty all day, detecting with
// `detection`; its officers take half the bribes offered); an organisation that learns but is
// never deterred ships 100 kg loads over it, offering bribes and fighting with the given propensities.
std::string watched_leg(int units, double detection, double bribe, double fight) {
  return "scenario: {name: watched_leg, horizon_days: 365, seed: 13, replications: 1}\ncountries:\n" + country("AA", 100, 0.0, 0.5, 0.5) +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {id: the_leg, from: src, to: dst, mode: trail, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 1}\n"
         "sectors:\n"
         "  s: {country: AA, units: " + std::to_string(units) + ", detection: {untrained: " + std::to_string(detection) +
         ", trained: " + std::to_string(detection) + "}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 100.0, "learned", 0.0, 0.0, bribe, fight);
}

// One unit that detects every shipment on the only leg, no bribes and no fights: its
// detections, its seizures, the organisation's shipments and seizures are the same count (but
// the few still on the road at the horizon), and the organisation's kg are 100 a shipment.
TEST(BorderMetrics, OneUnitDetectingEverythingSeizesEveryShipment) {
  const CompiledScenario s = compile(watched_leg(1, 1.0, 0.0, 0.0));
  ASSERT_EQ(s.units.size(), 1u);
  const ReplicationResult r = simulate_replication(s, 0);
  ASSERT_EQ(r.by_unit.size(), kUnitMeasureCount);
  ASSERT_EQ(r.by_organisation.size(), kOrganisationMeasureCount);
  const double shipments = r.by_organisation[static_cast<std::size_t>(OrganisationMeasure::shipments)][0];
  ASSERT_GT(shipments, 1000.0);
  EXPECT_EQ(shipments, total(r, Indicator::shipments));
  EXPECT_EQ(unit_count(r, UnitMeasure::detections, 0), unit_count(r, UnitMeasure::seizures, 0));
  EXPECT_EQ(unit_count(r, UnitMeasure::seizures, 0), total(r, Indicator::seizures));
  EXPECT_LE(shipments - unit_count(r, UnitMeasure::seizures, 0), kInFlight);
  EXPECT_EQ(unit_count(r, UnitMeasure::bribes, 0), 0.0);
  EXPECT_EQ(unit_count(r, UnitMeasure::violent_incidents, 0), 0.0);
  EXPECT_EQ(r.by_organisation[static_cast<std::size_t>(OrganisationMeasure::seizures)][0], unit_count(r, UnitMeasure::seizures, 0));
  EXPECT_EQ(r.by_organisation[static_cast<std::size_t>(OrganisationMeasure::seized_kg)][0], 100.0 * unit_count(r, UnitMeasure::seizures, 0));
  EXPECT_EQ(r.by_organisation[static_cast<std::size_t>(OrganisationMeasure::delivered_kg)][0], 0.0);
  EXPECT_EQ(r.by_organisation[static_cast<std::size_t>(OrganisationMeasure::deterred_shipments)][0], 0.0);
}

// Two units on one leg, with bribes and fights: every encounter is a unit's, so the units'
// detections are the detected attempts (one leg: an attempt is detected once at most) and their
// seizures, bribes and violent incidents are the totals; both units detect (the second when the
// first misses).
TEST(BorderMetrics, UnitsAccountForEveryEncounterOnTheirLegs) {
  const CompiledScenario s = compile(watched_leg(2, 0.5, 0.3, 0.3));
  ASSERT_EQ(s.units.size(), 2u);
  const ReplicationResult r = simulate_replication(s, 0);
  for (std::size_t u = 0; u < 2; ++u) EXPECT_GT(unit_count(r, UnitMeasure::detections, u), 50.0) << "unit " << u;
  EXPECT_GT(unit_count(r, UnitMeasure::detections, 0), unit_count(r, UnitMeasure::detections, 1)) << "the first unit checks first";
  EXPECT_EQ(unit_sum(r, UnitMeasure::detections), total(r, Indicator::detected));
  EXPECT_EQ(unit_sum(r, UnitMeasure::seizures), total(r, Indicator::seizures));
  EXPECT_GT(unit_sum(r, UnitMeasure::bribes), 0.0);
  EXPECT_EQ(unit_sum(r, UnitMeasure::bribes), total(r, Indicator::bribes));
  EXPECT_GT(unit_sum(r, UnitMeasure::violent_incidents), 0.0);
  EXPECT_EQ(unit_sum(r, UnitMeasure::violent_incidents), total(r, Indicator::violent_incidents));
}

// Detections on a leg with a fixed detection probability are no unit's; the organisations'
// counts sum to the totals.
TEST(BorderMetrics, FixedDetectionIsNoUnitsAndOrganisationsSumToTheTotals) {
  const ReplicationResult fixed = simulate_replication(compile(seam(1.0, 0.0, 0.0, 0)), 0);
  ASSERT_EQ(fixed.by_unit.size(), kUnitMeasureCount);
  for (const auto& row : fixed.by_unit) EXPECT_TRUE(row.empty());
  EXPECT_EQ(organisation_sum(fixed, OrganisationMeasure::seizures), total(fixed, Indicator::seizures));

  // The tutorial: units, a checkpoint and legs of fixed detection together.
  const ScenarioDocument doc = ScenarioDocument::from_file("scenarios/tutorial.yaml");
  const CompiledScenario s(doc.resolve("", {}));
  const ReplicationResult r = simulate_replication(s, 0);
  ASSERT_EQ(r.by_unit[0].size(), s.units.size());
  ASSERT_EQ(r.by_organisation[0].size(), s.organisations.size());
  EXPECT_GT(unit_sum(r, UnitMeasure::seizures), 0.0);
  EXPECT_LE(unit_sum(r, UnitMeasure::seizures), total(r, Indicator::seizures));
  EXPECT_LE(unit_sum(r, UnitMeasure::bribes), total(r, Indicator::bribes));
  EXPECT_LE(unit_sum(r, UnitMeasure::violent_incidents), total(r, Indicator::violent_incidents));
  EXPECT_GE(unit_sum(r, UnitMeasure::detections), unit_sum(r, UnitMeasure::seizures));
  for (const auto& [m, i] : {std::pair{OrganisationMeasure::shipments, Indicator::shipments},
                            std::pair{OrganisationMeasure::seizures, Indicator::seizures},
                            std::pair{OrganisationMeasure::deterred_shipments, Indicator::deterred_shipments}})
    EXPECT_EQ(organisation_sum(r, m), total(r, i)) << static_cast<int>(m);
  for (const auto& [m, i] : {std::pair{OrganisationMeasure::seized_kg, Indicator::seized_kg},
                            std::pair{OrganisationMeasure::delivered_kg, Indicator::delivered_kg}})
    EXPECT_NEAR(organisation_sum(r, m), total(r, i), 1e-9 * total(r, i)) << static_cast<int>(m);
}

// A warm-up drops what the units and organisations did before it.
TEST(BorderMetrics, WarmupDropsUnitAndOrganisationCountsBeforeIt) {
  const CompiledScenario cold = compile(watched_leg(1, 1.0, 0.0, 0.0));
  const CompiledScenario warm = compile(std::regex_replace(watched_leg(1, 1.0, 0.0, 0.0), std::regex("replications: 1"),
                                                           "replications: 1, warmup_days: 100"));
  const ReplicationResult a = simulate_replication(cold, 0), b = simulate_replication(warm, 0);
  EXPECT_EQ(b.by_unit[static_cast<std::size_t>(UnitMeasure::seizures)][0], total(b, Indicator::seizures));
  EXPECT_EQ(b.by_organisation[static_cast<std::size_t>(OrganisationMeasure::shipments)][0], total(b, Indicator::shipments));
  EXPECT_LT(b.by_unit[static_cast<std::size_t>(UnitMeasure::seizures)][0], a.by_unit[static_cast<std::size_t>(UnitMeasure::seizures)][0] - 100.0);
}

}  // namespace
}  // namespace bstp::border::testing
