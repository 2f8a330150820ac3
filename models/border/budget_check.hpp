// Whether the programme stays within the scenario's `budget` section: each country's cost over the
// run against its total_usd and each month's against its usd_per_month (docs/model.md, "Budgets").
// Over budget is reported, never prevented: the levers run as scheduled.
#pragma once

#include "compiled_scenario.hpp"
#include "indicator_collector.hpp"
#include "indicators.hpp"

#include <string>
#include <vector>

namespace bstp::border {

// Sets the over_budget indicator of a replication from the costs its collectors summed: by
// country 1 (over its total or in any month over its monthly budget) or 0, NaN for a country
// without a budget; by month 1 when any country was over its monthly budget that month; the
// total 1 when any country was over. All NaN when the scenario has no budget.
void flag_over_budget(const CompiledScenario& scenario, const IndicatorCollector& sums, ReplicationResult& result);

// What a country is expected to spend against its budget, before running (planned_costs()).
struct BudgetOverrun {
  std::string country;
  std::string limit;     // "total_usd" or "usd_per_month"
  double planned_usd = 0.0;  // the planned total, or the dearest month
  double budget_usd = 0.0;
  int month = -1;            // the dearest month (0-based) for usd_per_month
};
std::vector<BudgetOverrun> planned_overruns(const CompiledScenario& scenario);

}  // namespace bstp::border
