// Programme costs (models/border/programme_costs.hpp, budget_check.hpp): every lever's cost is what
// happened times its rate, levers a policy adds show their cost, and over budget is flagged.
#include "model_fixtures.hpp"

#include <border/budget_check.hpp>
#include <border/programme_costs.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace bstp::border::testing {
namespace {

constexpr const char* kTutorial = "scenarios/tutorial.yaml";

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }
double by_country(const ReplicationResult& r, Indicator i, int c) { return r.by_country[static_cast<std::size_t>(i)][static_cast<std::size_t>(c)]; }

CompiledScenario tutorial(const std::string& policy, const std::vector<Override>& overrides = {}) {
  return CompiledScenario(ScenarioDocument::from_file(kTutorial).resolve(policy, overrides));
}

TEST(ProgrammeCosts, AJointPatrolCostsItsDaysTimesTheRateSharedByBothCountries) {
  // The tutorial's coordinated policy pairs gt_suchiate with mx_suchiate for the whole 365-day run.
  const CompiledScenario s = tutorial("coordinated", {{"costs.joint_patrol_usd_per_day", "250"}});
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_DOUBLE_EQ(total(r, Indicator::joint_patrol_cost_usd), 365 * 250.0);
  EXPECT_DOUBLE_EQ(by_country(r, Indicator::joint_patrol_cost_usd, s.country_index("GT")), 365 * 125.0);
  EXPECT_DOUBLE_EQ(by_country(r, Indicator::joint_patrol_cost_usd, s.country_index("MX")), 365 * 125.0);
  // The same lever absent costs nothing.
  EXPECT_DOUBLE_EQ(total(simulate_replication(tutorial("baseline"), 0), Indicator::joint_patrol_cost_usd), 0.0);
}

TEST(ProgrammeCosts, AgreementsCostTheirSetupAndMonthsAndExercisesTheirDay) {
  // One sharing agreement: 200,000 setup + 2,500 a month over 365 days: 11 whole months of 30.4375
  // days end on day 334.8125, and the 12th runs 30.1875 of its 30.4375 days (paid pro rata).
  const CompiledScenario s = tutorial("coordinated", {{"coordination.joint_exercises", "[{countries: [GT, MX], day: 100}]"}});
  const ReplicationResult r = simulate_replication(s, 0);
  const double months = 11.0 + 30.1875 / 30.4375;
  EXPECT_NEAR(total(r, Indicator::information_sharing_cost_usd), 200000.0 + 2500.0 * months, 1e-6);
  EXPECT_NEAR(total(r, Indicator::hot_pursuit_cost_usd), 1500.0 * months, 1e-6);
  EXPECT_DOUBLE_EQ(total(r, Indicator::joint_exercise_cost_usd), 50000.0);
  EXPECT_DOUBLE_EQ(by_country(r, Indicator::joint_exercise_cost_usd, s.country_index("MX")), 25000.0);
}

// Coordination is compiled into tables by pair of countries (both ways) and by leg: the first
// sharing entry naming a pair holds, hot pursuit is symmetric, a joint patrol closes its seam.
TEST(CompiledCoordination, PairTablesReadBothWaysAndTheFirstSharingEntryHolds) {
  const CompiledScenario s = tutorial(
      "coordinated", {{"coordination.information_sharing",
                       "[{a: GT, b: MX, delay_days: 1, alert_days: 14, alert_detection_boost: 0.5}, "
                       "{a: MX, b: GT, delay_days: 3, alert_days: 7, alert_detection_boost: 0.1}]"}});
  const int gt = s.country_index("GT"), mx = s.country_index("MX");
  Time delay = 0, alert = 0;
  double boost = 0.0;
  ASSERT_TRUE(s.shares_information(mx, gt, delay, alert, boost));
  EXPECT_EQ(delay, kDay);
  EXPECT_EQ(alert, 14 * kDay);
  EXPECT_DOUBLE_EQ(boost, 0.5);
  EXPECT_FALSE(s.shares_information(gt, gt, delay, alert, boost)) << "a country with itself";
  EXPECT_FALSE(tutorial("baseline").shares_information(gt, mx, delay, alert, boost));
  EXPECT_TRUE(s.hot_pursuit(gt, mx));
  EXPECT_TRUE(s.hot_pursuit(mx, gt));
  EXPECT_FALSE(tutorial("baseline").hot_pursuit(gt, mx));
  const CompiledScenario baseline = tutorial("baseline");
  int seams = 0;
  for (std::size_t a = 0; a < s.graph().arc_count(); ++a) {
    const auto arc = static_cast<ArcIndex>(a);
    if (!s.is_seam(arc) || s.graph().arc(arc).sector < 0) continue;
    const bool suchiate = s.sectors[static_cast<std::size_t>(s.graph().arc(arc).sector)].id.find("suchiate") != std::string::npos;
    if (suchiate) ++seams;
    EXPECT_EQ(s.seam_factor(arc, 0), suchiate ? 1.0 : baseline.seam_factor(arc, 0)) << "arc " << a;
    EXPECT_LT(baseline.seam_factor(arc, 0), 1.0) << "arc " << a << ": an open seam without a joint patrol";
  }
  EXPECT_GT(seams, 0) << "the tutorial's Suchiate legs are seams";
}

TEST(ProgrammeCosts, OfficersInClassCostBackfillAndLanesCostEveryDay) {
  // Baseline: one cohort of 20 seats for 4 weeks: 20 x 28 officer-days at 40 USD; 5 lanes x 365 days at 300 USD.
  const CompiledScenario s = tutorial("baseline", {{"costs.inspection_usd", "0"}, {"costs.secondary_inspection_usd", "0"}});
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_DOUBLE_EQ(total(r, Indicator::backfill_cost_usd), 20 * 28 * 40.0);
  EXPECT_DOUBLE_EQ(total(r, Indicator::checkpoint_cost_usd), 5 * 365 * 300.0);
  // An observer team for 10 days from day 360: only the 5 days inside the run are paid.
  const ReplicationResult o = simulate_replication(
      tutorial("baseline", {{"training.observers", "[{country: GT, start_day: 360, days: 10}]"}}), 0);
  EXPECT_DOUBLE_EQ(total(o, Indicator::observer_cost_usd), 5 * 600.0);
  // The jobs programme pays the 500 GT jobs it creates (economy.jobs_created) each month, only while it is on.
  EXPECT_DOUBLE_EQ(total(r, Indicator::jobs_program_cost_usd), 0.0);
  const ReplicationResult j = simulate_replication(tutorial("baseline", {{"economy.jobs_program", "true"}}), 0);
  EXPECT_NEAR(total(j, Indicator::jobs_program_cost_usd), 500 * 550.0 * (11.0 + 30.1875 / 30.4375), 1e-6);
  EXPECT_NEAR(by_country(j, Indicator::jobs_program_cost_usd, s.country_index("GT")), total(j, Indicator::jobs_program_cost_usd), 1e-6);
}

TEST(ProgrammeCosts, ProgrammeCostIsTheSumOfTheLeversByCountryAndMonth) {
  const ReplicationResult r = simulate_replication(tutorial("coordinated"), 3);
  double parts = 0.0;
  for (Indicator i : programme_cost_parts()) parts += total(r, i);
  EXPECT_NEAR(total(r, Indicator::programme_cost_usd), parts, 1e-6 * parts);
  double months = 0.0;
  for (double m : r.monthly[static_cast<std::size_t>(Indicator::programme_cost_usd)]) months += m;
  EXPECT_NEAR(months, parts, 1e-6 * parts);
  double countries = 0.0;
  for (double c : r.by_country[static_cast<std::size_t>(Indicator::programme_cost_usd)]) countries += c;
  EXPECT_NEAR(countries, parts, 1e-6 * parts);
}

TEST(ProgrammeCosts, InspectionsCostPerInspectionAndMoreInspectionCostsMore) {
  // Lanes free, 1 USD a primary inspection and nothing for secondaries: the checkpoint cost counts
  // the primary inspections, about vehicles x inspection_probability.
  const std::vector<Override> rates{{"costs.checkpoint_lane_usd_per_day", "0"}, {"costs.secondary_inspection_usd", "0"},
                                    {"costs.inspection_usd", "1"}};
  const ReplicationResult r = simulate_replication(tutorial("baseline", rates), 0);
  const double vehicles = total(r, Indicator::legitimate_crossings);
  const double inspected = total(r, Indicator::checkpoint_cost_usd);
  EXPECT_NEAR(inspected / vehicles, 0.30, 4.0 * std::sqrt(0.3 * 0.7 / vehicles));
  // Direction, paired (same seeds): inspecting 40% of vehicles instead of 30% costs more.
  std::vector<Override> more = rates;
  more.emplace_back("checkpoints.tecun_uman.inspection_probability", "0.4");
  const std::vector<double> d = minus(totals(tutorial("baseline", more), Indicator::checkpoint_cost_usd, 5),
                                      totals(tutorial("baseline", rates), Indicator::checkpoint_cost_usd, 5));
  const Sample diff = sample_of(d);
  EXPECT_GT(diff.mean - 2.78 * diff.standard_error, 0.0);  // t(0.975, 4) = 2.776
}

TEST(ProgrammeCosts, APolicyOverItsBudgetIsFlaggedAndOneWithinIsNot) {
  // The tutorial's GT budget is 1.5 M USD over the run; the trained policy spends about 1.8 M in GT.
  const CompiledScenario trained = tutorial("trained");
  const ReplicationResult over = simulate_replication(trained, 0);
  EXPECT_EQ(total(over, Indicator::over_budget), 1.0);
  EXPECT_EQ(by_country(over, Indicator::over_budget, trained.country_index("GT")), 1.0);
  EXPECT_EQ(by_country(over, Indicator::over_budget, trained.country_index("MX")), 0.0);
  EXPECT_GT(by_country(over, Indicator::programme_cost_usd, trained.country_index("GT")), 1.5e6);
  const ReplicationResult within = simulate_replication(tutorial("baseline"), 0);
  EXPECT_EQ(total(within, Indicator::over_budget), 0.0);
  EXPECT_LT(by_country(within, Indicator::programme_cost_usd, trained.country_index("GT")), 1.5e6);
  // Validation's planned cost says the same before running.
  const std::vector<BudgetOverrun> planned = planned_overruns(trained);
  ASSERT_EQ(planned.size(), 1u);
  EXPECT_EQ(planned[0].country, "GT");
  EXPECT_NEAR(planned[0].planned_usd, by_country(over, Indicator::programme_cost_usd, trained.country_index("GT")), 0.01 * 1.5e6);
  EXPECT_TRUE(planned_overruns(tutorial("baseline")).empty());
  // A monthly budget of 150,000: GT's running cost is about 100,000 a month; month 0 (a cohort of
  // 40 starts on day 30: 100,000 in seats) is over, month 2 (days 61-91, no class) is not.
  const CompiledScenario monthly = tutorial("trained", {{"budget", "{GT: {usd_per_month: 150000}}"}});
  const ReplicationResult m = simulate_replication(monthly, 0);
  const auto& flags = m.monthly[static_cast<std::size_t>(Indicator::over_budget)];
  EXPECT_EQ(total(m, Indicator::over_budget), 1.0);
  EXPECT_EQ(flags[0], 1.0);
  EXPECT_EQ(flags[2], 0.0);
  // Without a budget section there is nothing to be over.
  EXPECT_TRUE(std::isnan(total(simulate_replication(tutorial("baseline", {{"budget", "{}"}}), 0), Indicator::over_budget)));
}

}  // namespace
}  // namespace bstp::border::testing
