// Incremental cost-effectiveness (tools/cost_effectiveness.hpp, summary_statistics.hpp): Fieller's
// ratio interval on hand-made paired samples, and the ICER of constructed replications whose
// answer is known.
#include "cost_effectiveness.hpp"
#include "summary_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace bstp::tools {
namespace {

using border::Indicator;

TEST(FiellerRatio, MatchesAHandComputation) {
  // Extra cost and extra effect in five replication pairs.
  //   cost:   900, 1000, 1200,  950, 1050  mean 1020, sum of squares 53,000 -> var of the mean 2,650
  //   effect:   8,   10,   12,    9,   11  mean   10, sum of squares     10 -> var of the mean 0.5
  //   cross products sum to 700 -> covariance of the means 35
  // t = t(0.975, 4) = 2.776445105, t^2 = 7.708647422. Fieller: A R^2 - 2 B R + C = 0 with
  //   A = 10^2 - t^2 0.5 = 96.14567629, B = 1020 x 10 - t^2 35 = 9,930.197340,
  //   C = 1020^2 - t^2 2,650 = 1,019,972.0843; R = (B -+ sqrt(B^2 - A C)) / A = 95.61918, 110.94648.
  const std::vector<double> cost{900, 1000, 1200, 950, 1050}, effect{8, 10, 12, 9, 11};
  const RatioInterval r = fieller_ratio(cost, effect);
  EXPECT_EQ(r.n, 5);
  EXPECT_DOUBLE_EQ(r.ratio, 102.0);
  EXPECT_TRUE(r.denominator_clear);
  EXPECT_NEAR(r.low, 95.61918060, 1e-6);
  EXPECT_NEAR(r.high, 110.94647525, 1e-6);
}

TEST(FiellerRatio, AConstantCostOverAnUncertainEffectInvertsTheEffectsInterval) {
  // With no spread in cost, Fieller's interval is cost / (effect's interval ends).
  const std::vector<double> cost{500, 500, 500, 500}, effect{4, 6, 5, 5};
  const RatioInterval r = fieller_ratio(cost, effect);
  const Interval e = mean_interval(effect);
  EXPECT_DOUBLE_EQ(r.ratio, 100.0);
  EXPECT_NEAR(r.low, 500.0 / (e.mean + e.half_width), 1e-9);
  EXPECT_NEAR(r.high, 500.0 / (e.mean - e.half_width), 1e-9);
}

TEST(FiellerRatio, AnEffectWhoseIntervalCoversZeroHasNoBoundedInterval) {
  const std::vector<double> cost{1000, 1100, 900, 1000}, effect{3, -2, 1, -1};
  const RatioInterval r = fieller_ratio(cost, effect);
  EXPECT_FALSE(r.denominator_clear);
  EXPECT_TRUE(std::isnan(r.low));
  EXPECT_TRUE(std::isnan(r.high));
  EXPECT_LE(std::fabs(r.denominator.mean), r.denominator.half_width);
}

TEST(FiellerRatio, PairsWithAMissingValueAreLeftOut) {
  const std::vector<double> cost{900, 1000, 1200, 950, 1050, std::nan("")}, effect{8, 10, 12, 9, 11, 1e9};
  EXPECT_EQ(fieller_ratio(cost, effect).n, 5);
  EXPECT_DOUBLE_EQ(fieller_ratio(cost, effect).ratio, 102.0);
}

// Two policies x R replications with two months: programme cost and seized kg by month.
experiment::ExperimentResults constructed(const std::vector<double>& extra_kg, double rate) {
  experiment::ExperimentResults results;
  results.points = {{"baseline", {}, "baseline"}, {"more", {}, "more"}};
  results.replications = static_cast<int>(extra_kg.size());
  results.months = 2;
  results.countries = {"AA"};
  results.scenario_text = "name: t\ndiscounting: {rate_per_year: " + std::to_string(rate) + "}\n";
  results.values.assign(2, {});
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t r = 0; r < extra_kg.size(); ++r) {
      border::ReplicationResult rep;
      rep.totals.assign(border::kIndicatorCount, 0.0);
      rep.monthly.assign(border::kIndicatorCount, std::vector<double>(2, 0.0));
      rep.by_country.assign(border::kIndicatorCount, std::vector<double>(1, 0.0));
      // The second policy pays 12,000 more in month 1 and seizes extra_kg[r] more in month 1.
      rep.monthly[static_cast<std::size_t>(Indicator::programme_cost_usd)] = {1000.0, 1000.0 + (p ? 12000.0 : 0.0)};
      rep.monthly[static_cast<std::size_t>(Indicator::seized_kg)] = {50.0 + r, 50.0 + (p ? extra_kg[r] : 0.0)};
      rep.totals[static_cast<std::size_t>(Indicator::over_budget)] = std::nan("");
      results.values[p].push_back(rep);
    }
  return results;
}

TEST(CostEffectiveness, IcerOfAConstructedCaseIsExtraCostOverExtraKg) {
  // Extra kg 100, 140, 120, 110, 130: mean 120; extra cost 12,000 in each pair: 100 USD/kg.
  const auto results = constructed({100, 140, 120, 110, 130}, 0.0);
  const CostEffectiveness ce = cost_effectiveness(results);
  ASSERT_EQ(ce.rows.size(), effect_measures().size());
  const IcerRow& kg = ce.rows.front();
  EXPECT_STREQ(kg.effect->key, "kg_seized");
  EXPECT_DOUBLE_EQ(kg.ratio.numerator.mean, 12000.0);
  EXPECT_DOUBLE_EQ(kg.ratio.denominator.mean, 120.0);
  EXPECT_DOUBLE_EQ(kg.ratio.ratio, 100.0);
  const Interval e = mean_interval(std::vector<double>{100, 140, 120, 110, 130});
  EXPECT_NEAR(kg.ratio.low, 12000.0 / (e.mean + e.half_width), 1e-9);
  EXPECT_NEAR(kg.ratio.high, 12000.0 / (e.mean - e.half_width), 1e-9);
  EXPECT_EQ(ce.over_budget[1], -1);  // no budget in these results
  // Deaths did not change: that ratio is not distinguishable from zero, and said so.
  const IcerRow& deaths = ce.rows.back();
  EXPECT_STREQ(deaths.effect->key, "death_averted");
  EXPECT_FALSE(deaths.ratio.denominator_clear);
  EXPECT_NE(icer_text(deaths).find("not distinguishable from zero"), std::string::npos);
}

TEST(CostEffectiveness, DiscountingWeighsMonthOneByTheRateToTheTwelfthRoot) {
  // Cost and effect both fall in month 1, so discounting scales both alike: the ratio holds, and
  // the discounted extra cost is 12,000 / 1.1^(1/12).
  const CostEffectiveness ce = cost_effectiveness(constructed({100, 140, 120, 110, 130}, 0.1));
  EXPECT_DOUBLE_EQ(ce.discounting.rate_per_year, 0.1);
  EXPECT_NEAR(ce.rows.front().ratio.numerator.mean, 12000.0 / std::pow(1.1, 1.0 / 12.0), 1e-9);
  EXPECT_NEAR(ce.rows.front().ratio.ratio, 100.0, 1e-9);
  EXPECT_NEAR(ce.programme_cost[1].mean, 1000.0 + 13000.0 / std::pow(1.1, 1.0 / 12.0), 1e-9);
}

TEST(CostEffectiveness, BenefitsBeyondTheRunCreditTheLastYearsMonthlyEffect) {
  // Undiscounted, one year beyond the run: the extra kg per month over the run's two months
  // (mean of month 0 and 1 differences) is credited 12 more times.
  auto results = constructed({100, 140, 120, 110, 130}, 0.0);
  results.scenario_text = "discounting: {rate_per_year: 0, benefits_beyond_run_years: 1}\n";
  const CostEffectiveness ce = cost_effectiveness(results);
  // Month 0 differences are 0 and month 1's the extra kg, so each pair gains kg + 12 x kg / 2 =
  // 7 kg: 7 x 120 = 840 on average.
  EXPECT_NEAR(ce.rows.front().ratio.denominator.mean, 840.0, 1e-9);
  EXPECT_NEAR(ce.rows.front().ratio.ratio, 12000.0 / 840.0, 1e-9);
}

}  // namespace
}  // namespace bstp::tools
