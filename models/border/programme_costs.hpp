// What the levers cost: the charges each country pays for what its programme did in a replication
// (docs/model.md, "Programme costs"). Rates come from the scenario's `costs` section and from the
// levers' own entries (a training programme's cost_per_seat_usd, a unit kind's
// cost_per_unit_day_usd). A lever that is not in the scenario costs nothing.
#pragma once

#include "compiled_scenario.hpp"
#include "indicators.hpp"

#include <functional>

namespace bstp::border {

// One payment: which lever, when, how much.
using PayCharge = std::function<void(Indicator lever, Time at, double usd)>;

// Every charge of `country` that follows from the scenario's schedule, over [0, horizon):
// officer-days in class (backfill), patrol unit-days, checkpoint lane-days, its share of
// joint-patrol days, information-sharing setup and months, hot-pursuit months and joint exercises
// (shared evenly by the countries of each), observer team-days and jobs-programme job-months.
// Rates per day are charged day by day (a part day pro rata), rates per month at the start of
// each month (a part month pro rata), one-off costs on their day. Training seats (paid when a
// cohort starts) and inspections (paid as they happen) are charged by the country itself.
void charge_scheduled_costs(const CompiledScenario& scenario, int country, const PayCharge& pay);

// `usd_per_day` over [from, to) within [0, horizon), one charge per day (part days pro rata),
// split where a month ends (each part counts in its month) and where the warm-up ends.
void charge_days(Indicator lever, Time from, Time to, Time horizon, double usd_per_day, const PayCharge& pay, Time warmup = 0);
// `usd_per_month` from `from` to the horizon, charged at the start of each month of the run (the
// first and last part months pro rata).
void charge_months(Indicator lever, Time from, Time horizon, double usd_per_month, const PayCharge& pay);

// The cost of one inspection beyond the document check, with its secondary inspection if any.
double inspection_cost(const Costs& costs, bool secondary);

// The cost a country should expect before running: the scheduled charges, the seats of cohorts
// starting before the horizon, and inspections of legitimate traffic at their expected rate.
struct PlannedCost {
  double total_usd = 0.0;
  std::vector<double> monthly_usd;  // [month]
};
std::vector<PlannedCost> planned_costs(const CompiledScenario& scenario);  // [country]

}  // namespace bstp::border
