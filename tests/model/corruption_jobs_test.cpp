// Corruption beyond the spot bribe (audits, standing protection) and the jobs programme's effect
// on courier recruitment (docs/model.md, "Corruption" and "Jobs and the local economy").
#include "model_fixtures.hpp"

#include <border/corruption.hpp>
#include <border/trafficker_economics.hpp>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

TEST(Corruption, AuditsLowerAcceptanceForEveryMonitoredOfficer) {
  Police police;
  police.bribe_acceptance = {0.6, 0.2};
  const Audit audit{"AA", 0.5, 0.3};
  for (bool trained : {false, true}) {
    const double base = bribe_acceptance(police, trained, false, &audit);
    EXPECT_DOUBLE_EQ(bribe_acceptance(police, trained, true, &audit), base * 0.7) << "trained " << trained;
    EXPECT_DOUBLE_EQ(bribe_acceptance(police, trained, true, nullptr), base) << "no audit";
  }
}

// A single watched leg; the organisation always offers a bribe when detected.
std::string watched_leg(const std::string& extra) {
  return "scenario: {name: corruption, horizon_days: 365, seed: 19, replications: 1}\ncountries:\n" + country("AA", 100, 0.5, 0.6, 0.3) +
         one_leg("sector: s, exposure: 1") +
         "sectors:\n"
         "  s: {country: AA, units: 4, placement: fixed, officers_per_unit: 4, detection: {untrained: 0.5, trained: 0.5}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 60.0, "learned", 0.0, 0.0, 1.0) + extra;
}

TEST(Corruption, AuditsLowerBribesTaken) {
  const std::string yaml = watched_leg("policies:\n  none: {}\n  audited:\n    set: {corruption.audits: [{country: AA, share_monitored: 1, acceptance_reduction: 0.5}]}\n");
  const Sample d = sample_of(minus(totals(compile(yaml, "audited"), Indicator::bribes, 10), totals(compile(yaml, "none"), Indicator::bribes, 10)));
  EXPECT_LT(d.mean + 3 * d.standard_error, 0.0) << d.mean << " ± " << d.standard_error;
}

TEST(Corruption, ProtectionWhoseOfficersAllAcceptBlindsTheSector) {
  // Acceptance 1: every unit of the protected sector is captured, so nothing is detected there.
  const std::string yaml = "scenario: {name: protection, horizon_days: 365, seed: 23, replications: 1}\ncountries:\n" +
                           country("AA", 100, 0.0, 1.0, 1.0) +
                           one_leg("sector: s, exposure: 1") +
                           "sectors:\n"
                           "  s: {country: AA, units: 3, placement: fixed, officers_per_unit: 4, detection: {untrained: 0.5, trained: 0.5}}\n"
                           "organisations:\n" +
                           organisation("cell", "src", "dst", 60.0) + "    protection: {sectors: [s], usd_per_unit_month: 1000}\n";
  const ReplicationResult protected_run = simulate_replication(compile(yaml), 0);
  EXPECT_EQ(total(protected_run, Indicator::captured_units), 3.0);
  EXPECT_EQ(total(protected_run, Indicator::seizures), 0.0);
  EXPECT_NEAR(total(protected_run, Indicator::protection_usd), 3 * 1000 * 365 / 30.4375, 1e-6);
  std::string unprotected = yaml;
  unprotected.replace(unprotected.find("    protection:"), std::string::npos, "");
  const ReplicationResult open_run = simulate_replication(compile(unprotected), 0);
  EXPECT_EQ(total(open_run, Indicator::captured_units), 0.0);
  EXPECT_GT(total(open_run, Indicator::seizures), 0.0);
}

TEST(Jobs, RecruitmentWageFollowsTheOutsideWage) {
  Economy e;
  e.local_wage_usd_per_month = 300;
  e.courier_premium = 2;
  e.trip_days = 30.4375;
  EXPECT_DOUBLE_EQ(recruitment_wage(e), 600.0);
  e.jobs_program = true;
  e.jobs_created = 250;
  e.youth_pool = 1000;
  e.jobs_wage_usd_per_month = 500;
  EXPECT_DOUBLE_EQ(recruitment_wage(e), 2 * (300 + 0.25 * 200));
}

TEST(Jobs, TheJobsProgrammeMovesItsIndicators) {
  // Small loads, so that couriers are a real part of the cost: 10 kg at a 1,000 USD margin per kg,
  // 2 couriers. Local youth earn 300 a month; the programme employs 60% of them at 900.
  const std::string yaml =
      "scenario: {name: jobs, horizon_days: 365, seed: 29, replications: 1}\ncountries:\n" + country("AA") +
      one_leg("detection_probability: 0.1") +
      "organisations:\n"
      "  cell:\n    sources: [src]\n    destinations: [dst]\n    shipments_per_month: 100\n    shipment_kg: {dist: fixed, mean: 10}\n"
      "    value_per_kg_usd: 10000\n    purchase_cost_usd_per_kg: 8000\n    couriers_per_shipment: 2\n"
      "    risk: {perception: informed}\n    deterrence_elasticity: 1\n    loss_tolerance: 1\n"
      "economy: {courier_wage_usd: 100, local_wage_usd_per_month: 300, courier_premium: 3, trip_days: 10, jobs_program: false,\n"
      "          jobs_created: 600, youth_pool: 1000, jobs_wage_usd_per_month: 900}\n"
      "policies:\n  none: {}\n  jobs:\n    set: {economy.jobs_program: true}\n";
  std::vector<double> shipments[2], income[2], jobs[2], wage[2];
  for (std::uint64_t rep = 0; rep < 10; ++rep)
    for (int p = 0; p < 2; ++p) {
      const ReplicationResult r = simulate_replication(compile(yaml, p == 0 ? "none" : "jobs"), rep);
      shipments[p].push_back(total(r, Indicator::shipments));
      income[p].push_back(total(r, Indicator::local_income_usd));
      jobs[p].push_back(total(r, Indicator::local_jobs));
      wage[p].push_back(total(r, Indicator::courier_wage_usd_paid));
    }
  // The courier's outside wage rises from 300 to 300 + 0.6 x 600 = 660 a month: a 10-day trip now
  // costs 3 x 660 x 10 / 30.4375 = 650.5 USD a courier instead of 295.7.
  EXPECT_NEAR(wage[0][0], 3 * 300 * 10 / 30.4375, 1e-9);
  EXPECT_NEAR(wage[1][0], 3 * 660 * 10 / 30.4375, 1e-9);
  EXPECT_EQ(jobs[0][0], 0.0);
  EXPECT_EQ(jobs[1][0], 600.0);
  const Sample fewer = sample_of(minus(shipments[1], shipments[0]));
  EXPECT_LT(fewer.mean + 3 * fewer.standard_error, 0.0) << "shipments: " << fewer.mean << " ± " << fewer.standard_error;
  const Sample more = sample_of(minus(income[1], income[0]));
  EXPECT_GT(more.mean - 3 * more.standard_error, 0.0) << "local income: " << more.mean << " ± " << more.standard_error;
}

}  // namespace
}  // namespace bstp::border::testing
