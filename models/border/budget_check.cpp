#include "budget_check.hpp"

#include "programme_costs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bstp::border {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::size_t slot(Indicator i) { return static_cast<std::size_t>(i); }

// The programme cost a country paid in month m.
double cost_of(const IndicatorCollector& sums, int month, int country) {
  double usd = 0.0;
  for (Indicator part : programme_cost_parts()) usd += sums.sum(part, month, country);
  return usd;
}

}  // namespace

void flag_over_budget(const CompiledScenario& scenario, const IndicatorCollector& sums, ReplicationResult& result) {
  const std::size_t k = slot(Indicator::over_budget);
  const Scenario& s = scenario.scenario();
  auto& total = result.totals[k];
  auto& monthly = result.monthly[k];
  auto& by_country = result.by_country[k];
  std::fill(by_country.begin(), by_country.end(), kNaN);
  if (s.budget.empty()) {
    total = kNaN;
    std::fill(monthly.begin(), monthly.end(), kNaN);
    return;
  }
  total = 0.0;
  std::fill(monthly.begin(), monthly.end(), 0.0);
  // Months that end within the warm-up are not measured (warmup_days), so not flagged either.
  for (std::size_t m = 0; m < monthly.size(); ++m)
    if (static_cast<Time>(m + 1) * kMonthTicks <= scenario.warmup()) monthly[m] = kNaN;
  for (const auto& [id, budget] : s.budget) {
    const int c = scenario.country_index(id);
    if (c < 0) continue;
    double spent = 0.0;
    bool over = false;
    for (int m = 0; m < sums.months(); ++m) {
      const double month_usd = cost_of(sums, m, c);
      spent += month_usd;
      if (budget.usd_per_month && month_usd > *budget.usd_per_month) {
        over = true;
        if (!std::isnan(monthly[static_cast<std::size_t>(m)])) monthly[static_cast<std::size_t>(m)] = 1.0;
      }
    }
    over = over || (budget.total_usd && spent > *budget.total_usd);
    by_country[static_cast<std::size_t>(c)] = over ? 1.0 : 0.0;
    if (over) total = 1.0;
  }
}

std::vector<BudgetOverrun> planned_overruns(const CompiledScenario& scenario) {
  std::vector<BudgetOverrun> overruns;
  const std::vector<PlannedCost> plan = planned_costs(scenario);
  for (const auto& [id, budget] : scenario.scenario().budget) {
    const int c = scenario.country_index(id);
    if (c < 0) continue;
    const PlannedCost& p = plan[static_cast<std::size_t>(c)];
    if (budget.total_usd && p.total_usd > *budget.total_usd) overruns.push_back({id, "total_usd", p.total_usd, *budget.total_usd, -1});
    if (budget.usd_per_month && !p.monthly_usd.empty()) {
      const auto dearest = std::max_element(p.monthly_usd.begin(), p.monthly_usd.end());
      if (*dearest > *budget.usd_per_month)
        overruns.push_back({id, "usd_per_month", *dearest, *budget.usd_per_month,
                            static_cast<int>(dearest - p.monthly_usd.begin())});
    }
  }
  return overruns;
}

}  // namespace bstp::border
