// The program's indicators, as the model reports them for one replication: totals, monthly
// series and per-country breakdowns. Observers in the model fill these from domain facts; the
// experiment runner reduces and writes them. The catalogue order is the public order (results
// files and summaries use it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace bstp::border {

enum class Indicator : std::size_t {
  shipments,                  // shipments sent
  seizures,                   // shipments seized
  seized_kg,
  delivered_kg,
  interdiction_rate,          // seized kg / (seized + delivered kg)
  trafficker_revenue_usd,
  trafficker_profit_usd,
  arrests,
  violent_incidents,
  deaths,
  reported_violence,          // incidents that reach the press (share of violent incidents)
  bribes,                     // bribes taken
  bribes_usd,
  officers_trained,           // officers who completed a training cohort
  training_cost_usd,
  training_cost_per_seizure_usd,  // training cost / seizures: an average, not what training bought (formerly cost_per_seizure_usd)
  legitimate_crossings,       // vehicles through checkpoints
  mean_queue_wait_hours,      // time legitimate vehicles wait for a lane (Wq)
  mean_crossing_delay_hours,  // wait + service + inspection time of legitimate vehicles (W)
  p95_crossing_delay_hours,
  mean_vehicles_in_system,    // time-average vehicles queued or in service, summed over checkpoints (L)
  trade_delay_cost_usd,
  crossings_with_flow,        // border crossings that carried at least one shipment
  flow_concentration,         // Herfindahl index of kg across crossings, in [0, 1]
  patrol_cost_usd,            // patrol unit-days x their kind's daily cost
  // Programme costs (issue 10, "Costs"): every lever's cost, their sum, and the budget check.
  backfill_cost_usd,             // officer-days in class x the backfill rate
  checkpoint_cost_usd,           // lane-days and inspections
  joint_patrol_cost_usd,         // joint-patrol days x the daily rate
  information_sharing_cost_usd,  // agreements' setup and months
  hot_pursuit_cost_usd,          // agreement-months
  joint_exercise_cost_usd,       // exercises held
  observer_cost_usd,             // observer team-days
  jobs_program_cost_usd,         // job-months funded
  programme_cost_usd,            // the sum of every lever's cost, training and patrols included
  over_budget,                   // 1 when programme cost exceeds a budget (by country: that country's), else 0
  count
};

inline constexpr std::size_t kIndicatorCount = static_cast<std::size_t>(Indicator::count);

struct IndicatorInfo {
  Indicator id;
  const char* name;         // snake_case, used as dataset and column name
  const char* unit;         // "count", "kg", "USD", "hours", "ratio", "officers"
  const char* description;  // one line for people
};

// The indicators whose sum is programme_cost_usd, one per lever.
std::span<const Indicator> programme_cost_parts();

// All indicators in catalogue order.
std::span<const IndicatorInfo> indicator_catalog();
const IndicatorInfo& info(Indicator id);

struct ReplicationResult {
  std::vector<double> totals;                   // [indicator]
  std::vector<std::vector<double>> monthly;     // [indicator][month]; NaN where undefined
  std::vector<std::vector<double>> by_country;  // [indicator][country]; NaN where not meaningful
  std::vector<double> crossing_kg;              // [crossing] kg that passed each border crossing (see crossing ids)
  std::uint64_t events = 0;                     // committed kernel events
  double wall_seconds = 0.0;
};

}  // namespace bstp::border
