// The corruption and community levers (docs/model.md, "Corruption" and "Violence"): coercive
// capture (plata o plomo), officer pay weighed against the chance of being caught, rotation of
// patrol officers, community committees, and training's effect on integrity apart from skill.
#include "model_fixtures.hpp"

#include <border/community_committees.hpp>
#include <border/corruption.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

// One leg watched by `units` fixed units of 4 officers; the organisation (60 loads of 100 kg worth
// 1 M USD a month) always offers a bribe (5 % of the value: 50,000 USD) and fights with `fight`.
std::string one_leg(int units, double accept_untrained, double accept_trained, const std::string& organisation_extra,
                    const std::string& extra, double fight = 0.0, double share_trained = 0.0) {
  return "scenario: {name: levers, horizon_days: 365, seed: 31, replications: 1}\ncountries:\n" +
         country("AA", 100, share_trained, accept_untrained, accept_trained) +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {from: src, to: dst, travel_hours: {dist: fixed, mean: 2}, sector: s, exposure: 1}\n"
         "sectors:\n"
         "  s: {country: AA, units: " + std::to_string(units) +
         ", placement: fixed, officers_per_unit: 4, detection: {untrained: 0.5, trained: 0.5}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 60.0, "learned", 0.0, 0.0, 1.0, fight) + organisation_extra + extra;
}

// Runs `policy` of `yaml` over replications 0..n-1 and returns indicator i of each.
std::vector<double> run(const std::string& yaml, const std::string& policy, Indicator i, int n = 10) {
  return totals(compile(yaml, policy), i, n);
}

void expect_positive(const std::vector<double>& d, const char* what) {
  const Sample s = sample_of(d);
  EXPECT_GT(s.mean - 3 * s.standard_error, 0.0) << what << ": " << s.mean << " ± " << s.standard_error;
}

// ---- officer pay --------------------------------------------------------------------------------

TEST(OfficerPay, AcceptanceFallsWithTheExpectedLossOfTheJob) {
  Police police;
  police.bribe_acceptance = {0.6, 0.2};
  const Audit audit{"AA", 1.0, 0.3, 0.5};
  const PayRaise raise{"AA", 100.0, 60.0, 0.02};
  // Not monitored: the loss is 0.02 x 100 x 60 = 120 USD; against a 600 USD bribe, 1 - 0.2.
  EXPECT_DOUBLE_EQ(bribe_acceptance(police, false, false, &audit, &raise, 600.0), 0.6 * 0.8);
  // Monitored: 0.5 x 6,000 = 3,000 USD against 6,000: half of the audited acceptance 0.6 x 0.7.
  EXPECT_DOUBLE_EQ(bribe_acceptance(police, false, true, &audit, &raise, 6000.0), 0.6 * 0.7 * 0.5);
  // A bribe below the expected loss is refused by everyone; no raise leaves acceptance as it was.
  EXPECT_DOUBLE_EQ(bribe_acceptance(police, true, false, &audit, &raise, 100.0), 0.0);
  EXPECT_DOUBLE_EQ(bribe_acceptance(police, true, true, &audit, nullptr, 100.0), bribe_acceptance(police, true, true, &audit));
  // Pay matters in proportion to the chance of being caught: nothing when it is 0.
  const PayRaise never_caught{"AA", 100.0, 60.0, 0.0};
  EXPECT_DOUBLE_EQ(pay_deterrence(&never_caught, nullptr, false, 600.0), 1.0);
}

TEST(OfficerPay, RaisesLowerBribesMoreWhereAuditsCatchTakers) {
  // A raise of 1,000 USD a month over 60 months: unmonitored officers are caught with 2 % (loss
  // 1,200 USD against a 50,000 USD bribe: acceptance x 0.976), monitored ones with 50 % (30,000:
  // x 0.4). The audit itself lowers nothing (acceptance_reduction 0), so it acts only through pay
  // (Di Tella & Schargrodsky 2003).
  const std::string audit = "{country: AA, share_monitored: 1, acceptance_reduction: 0, caught_probability: 0.5}";
  const std::string pay = "{country: AA, usd_per_officer_month: 1000, months_left: 60, caught_probability: 0.02}";
  const std::string yaml = one_leg(4, 0.6, 0.3, "",
                                   "costs: {}\npolicies:\n  none: {}\n  audit:\n    set: {corruption.audits: [" + audit +
                                       "]}\n  pay:\n    set: {corruption.pay: [" + pay + "]}\n  both:\n    set: {corruption.audits: [" +
                                       audit + "], corruption.pay: [" + pay + "]}\n");
  const auto none = run(yaml, "none", Indicator::bribes), audited = run(yaml, "audit", Indicator::bribes),
             paid = run(yaml, "pay", Indicator::bribes), both = run(yaml, "both", Indicator::bribes);
  EXPECT_EQ(none, audited) << "an audit that lowers nothing by itself changes nothing";
  expect_positive(minus(none, paid), "pay alone lowers bribes");
  expect_positive(minus(paid, both), "audits + pay lower bribes more than pay alone");
  expect_positive(minus(minus(paid, both), minus(none, paid)), "the raise's effect is larger under audit");
}

TEST(OfficerPay, CostsOfficersTimesRaiseTimesMonths) {
  const std::string yaml = one_leg(2, 0.5, 0.5, "", "policies:\n  none: {}\n  pay:\n    set: {corruption.pay: [{country: AA, usd_per_officer_month: 200}]}\n");
  const ReplicationResult none = simulate_replication(compile(yaml, "none"), 0), pay = simulate_replication(compile(yaml, "pay"), 0);
  EXPECT_EQ(total(none, Indicator::pay_raise_cost_usd), 0.0);
  EXPECT_NEAR(total(pay, Indicator::pay_raise_cost_usd), 100 * 200 * 365 / 30.4375, 1e-6);
  EXPECT_NEAR(total(pay, Indicator::programme_cost_usd) - total(pay, Indicator::pay_raise_cost_usd), total(none, Indicator::programme_cost_usd), 1e-6);
}

// ---- coercive capture -----------------------------------------------------------------------------

const std::string kProtection = "    protection: {sectors: [s], usd_per_unit_month: 1000";

TEST(Coercion, ThreatenedUnitsThatGiveInAreCapturedCoercively) {
  // No officer takes money, every refusal is threatened and every threatened unit gives in.
  const std::string yaml = one_leg(3, 0.0, 0.0, kProtection + ", coercion: {threat_probability: 1, acceptance_under_threat: 1}}\n", "");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  EXPECT_EQ(total(r, Indicator::coercive_captures), 3.0);
  EXPECT_EQ(total(r, Indicator::collusive_captures), 0.0);
  EXPECT_EQ(total(r, Indicator::captured_units), 3.0);
  EXPECT_EQ(total(r, Indicator::seizures), 0.0);
  EXPECT_NEAR(total(r, Indicator::captured_unit_months), 3 * 365 / 30.4375, 1e-9);
  EXPECT_NEAR(total(r, Indicator::protection_usd), 3 * 1000 * 365 / 30.4375, 1e-6);
}

TEST(Coercion, UnitsRefusingUnderThreatAreAttacked) {
  // Every threatened unit refuses and is attacked, with no deaths: three incidents, all against
  // officers, none deadly; and with one death each, three officers killed (deadly: all reported).
  const std::string yaml = one_leg(3, 0.0, 0.0,
                                   kProtection + ", coercion: {threat_probability: 1, acceptance_under_threat: 0, attack_probability: 1, "
                                                 "deaths_per_attack: 0}}\n",
                                   "violence: {reporting: {trust: 0}}\n");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  EXPECT_EQ(total(r, Indicator::coercion_attacks), 3.0);
  EXPECT_EQ(total(r, Indicator::violent_incidents), 3.0);
  EXPECT_EQ(total(r, Indicator::reported_violence), 0.0);
  EXPECT_EQ(total(r, Indicator::deaths), 0.0);
  EXPECT_EQ(total(r, Indicator::captured_units), 0.0);
  EXPECT_GT(total(r, Indicator::seizures), 0.0);
}

TEST(Coercion, PlataOPlomoKillsOfficersAndCapturesMoreUnits) {
  // 20 units, half of whose officers take the money; rotation every 30 days makes 12 offers each.
  const std::string yaml =
      one_leg(20, 0.5, 0.5, kProtection + ", recapture_days: 5}\n",
              "corruption: {rotation: [{country: AA, every_days: 30}]}\n"
              "policies:\n  collusion: {}\n  coercion:\n    set: {organisations.cell.protection.coercion: "
              "{threat_probability: 0.5, acceptance_under_threat: 0.5, attack_probability: 0.5, deaths_per_attack: 1}}\n");
  expect_positive(minus(run(yaml, "coercion", Indicator::officer_deaths), run(yaml, "collusion", Indicator::officer_deaths)),
                  "officer deaths");
  expect_positive(minus(run(yaml, "coercion", Indicator::captured_units), run(yaml, "collusion", Indicator::captured_units)),
                  "captures");
  // Collusive captures are drawn first from the same streams: the same under both policies.
  EXPECT_EQ(run(yaml, "coercion", Indicator::collusive_captures, 3), run(yaml, "collusion", Indicator::collusive_captures, 3));
}

// ---- rotation -----------------------------------------------------------------------------------

TEST(Rotation, CaptureLapsesAtEachRotationUntilBoughtAgain) {
  // Every officer takes the money. Rotations every 73 days (4 in the year, at 73, 146, 219, 292);
  // the organisation buys the new officers 30 days after each: a unit is captured 73 days, then
  // 4 x 43 days = 245 days in all, in 5 captures. Each rotation moves 3 units x 4 officers.
  const std::string yaml = one_leg(3, 1.0, 1.0, kProtection + "}\n",
                                   "corruption: {rotation: [{country: AA, every_days: 73}]}\ncosts: {rotation_usd_per_officer: 50}\n");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  EXPECT_EQ(total(r, Indicator::collusive_captures), 15.0);
  EXPECT_EQ(total(r, Indicator::captured_units), 15.0);
  EXPECT_NEAR(total(r, Indicator::captured_unit_months), 3 * 245 / 30.4375, 1e-9);
  EXPECT_NEAR(total(r, Indicator::protection_usd), 3 * 245 / 30.4375 * 1000, 1e-6);
  EXPECT_NEAR(total(r, Indicator::rotation_cost_usd), 4 * 12 * 50.0, 1e-9);
  EXPECT_GT(total(r, Indicator::detected), 0.0) << "loads are detected while the new officers are not yet bought";
}

TEST(Rotation, CapturesFallInTheMonthsTheyHappenAndLast) {
  // The case above, month by month (a month is 30.4375 days). Captures at days 0, 103, 176, 249
  // and 322: months 0, 3, 5, 8 and 10, three units each. Unit-months: month 0 is captured whole
  // (3); month 2 (days 60.875-91.3125) until the rotation at day 73, 12.125 days; month 3 from the
  // recapture at 103 to its end at 121.75, 18.75 days. Payments follow the unit-months.
  const std::string yaml = one_leg(3, 1.0, 1.0, kProtection + "}\n", "corruption: {rotation: [{country: AA, every_days: 73}]}\n");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  const auto& units = r.monthly[static_cast<std::size_t>(Indicator::captured_units)];
  const auto& unit_months = r.monthly[static_cast<std::size_t>(Indicator::captured_unit_months)];
  const auto& usd = r.monthly[static_cast<std::size_t>(Indicator::protection_usd)];
  ASSERT_EQ(units.size(), 12u);
  const std::vector<double> expected_units{3, 0, 0, 3, 0, 3, 0, 0, 3, 0, 3, 0};
  EXPECT_EQ(units, expected_units);
  EXPECT_NEAR(unit_months[0], 3.0, 1e-12);
  EXPECT_NEAR(unit_months[2], 3 * 12.125 / 30.4375, 1e-12);
  EXPECT_NEAR(unit_months[3], 3 * 18.75 / 30.4375, 1e-12);
  double sum = 0.0;
  for (std::size_t m = 0; m < unit_months.size(); ++m) {
    sum += unit_months[m];
    EXPECT_NEAR(usd[m], 1000 * unit_months[m], 1e-6) << "month " << m;
  }
  EXPECT_NEAR(sum, 3 * 245 / 30.4375, 1e-9);
}

TEST(Rotation, CapturesWhollyInTheWarmUpAreNotCounted) {
  // The same with a warm-up of 80 days: the first capture (days 0-73) ends before it and is not
  // counted; the other four count, with their 4 x 43 days.
  std::string yaml = one_leg(3, 1.0, 1.0, kProtection + "}\n", "corruption: {rotation: [{country: AA, every_days: 73}]}\n");
  yaml.replace(yaml.find("replications: 1}"), 16, "replications: 1, warmup_days: 80}");
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  EXPECT_EQ(total(r, Indicator::captured_units), 12.0);
  EXPECT_NEAR(total(r, Indicator::captured_unit_months), 3 * 172 / 30.4375, 1e-9);
}

TEST(Rotation, LowersCapturedUnitMonths) {
  // Half the units are bought; after each rotation (every 90 days) the organisation takes 45 days
  // to buy the new officers: captured 225 days of the year instead of 365.
  const std::string yaml = one_leg(40, 0.5, 0.5, kProtection + ", recapture_days: 45}\n",
                                   "policies:\n  none: {}\n  rotation:\n    set: {corruption.rotation: [{country: AA, every_days: 90}]}\n");
  expect_positive(minus(run(yaml, "none", Indicator::captured_unit_months), run(yaml, "rotation", Indicator::captured_unit_months)),
                  "captured unit-months");
}

// ---- community committees -----------------------------------------------------------------------

TEST(Committees, TrustBuildsUpWhileTheyMeetAndFadesAfter) {
  const std::string yaml = one_leg(1, 0, 0, "",
                                   "violence: {reporting: {committees: [{country: AA, committees: 10, start_day: 10, days: 100, "
                                   "trust_per_committee: 0.02, build_up_days: 100}]}}\n");
  const CompiledScenario s = compile(yaml);
  const CommunityCommittees c(s, 0);
  EXPECT_EQ(c.trust_gain(5 * kDay), 0.0);
  EXPECT_NEAR(c.trust_gain(110 * kDay), 0.2 * (1 - std::exp(-1.0)), 1e-12);
  EXPECT_NEAR(c.trust_gain(210 * kDay), 0.2 * (1 - std::exp(-1.0)) * std::exp(-1.0), 1e-12);
}

TEST(Committees, CostCommitteeMonthsAndRaiseTheReportedShare) {
  // Every detection ends in a fight (no bribes), never deadly: what is reported follows trust.
  const std::string yaml =
      one_leg(4, 0, 0, "",
              "violence: {reporting: {trust: 0.2}}\ncosts: {committee_usd_per_month: 500}\n"
              "policies:\n  none: {}\n  committees:\n    set: {violence.reporting.committees: "
              "[{country: AA, committees: 10, trust_per_committee: 0.04, build_up_days: 60}]}\n",
              1.0);
  const ReplicationResult r = simulate_replication(compile(yaml, "committees"), 0);
  EXPECT_NEAR(total(r, Indicator::committee_cost_usd), 10 * 500 * 365 / 30.4375, 1e-6);
  std::vector<double> share[2], incidents[2];
  for (int p = 0; p < 2; ++p)
    for (std::uint64_t rep = 0; rep < 10; ++rep) {
      const ReplicationResult x = simulate_replication(compile(yaml, p == 0 ? "none" : "committees"), rep);
      share[p].push_back(total(x, Indicator::reported_violence) / total(x, Indicator::violent_incidents));
      incidents[p].push_back(total(x, Indicator::violent_incidents));
    }
  EXPECT_EQ(incidents[0], incidents[1]) << "committees change what is reported, not what happens";
  expect_positive(minus(share[1], share[0]), "reported share of violent incidents");
}

// ---- training: integrity apart from skill -------------------------------------------------------

TEST(Training, ChangesIntegrityApartFromSkill) {
  // Trained officers detect no better (detection 0.5 either way) but never take bribes.
  const std::string trained = one_leg(4, 1.0, 0.0, "", "", 0.0, 1.0), untrained = one_leg(4, 1.0, 0.0, "", "", 0.0, 0.0);
  const auto detected_t = run(trained, "", Indicator::detected, 5), detected_u = run(untrained, "", Indicator::detected, 5);
  EXPECT_EQ(detected_t, detected_u) << "skill unchanged";
  expect_positive(minus(run(untrained, "", Indicator::bribes, 5), run(trained, "", Indicator::bribes, 5)), "bribes");
}

}  // namespace
}  // namespace bstp::border::testing
