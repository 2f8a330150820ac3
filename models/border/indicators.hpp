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
  // Border metrics and outcomes (issue 9): what became of each attempt, CBP's rates, deterrence
  // and the traffickers' inconvenience.
  turned_back,                     // attempts that retreated when detected (and were sent again)
  got_away,                        // attempts detected, not seized, not turned back, that were delivered
  undetected,                      // attempts delivered without ever being detected
  detected,                        // attempts seized, turned back or got away
  apprehension_rate,               // seizures / (seizures + turned back + got away + undetected)
  interdiction_effectiveness_rate, // (seizures + turned back) / (seizures + turned back + got away)
  deterred_shipments,              // shipments not sent because expected profit was too low
  route_hours_per_delivered_kg,    // hours from sending to delivery, summed over delivered shipments, per kg
  // Traffickers' economics, violence, corruption and jobs (issue 10, branch economics):
  seized_value_usd,           // replacement cost of seized kg where seized (Caulkins & Reuter)
  purchase_cost_usd,          // product bought at the source for shipments sent on the network
  deterred_kg,                // kg of candidate shipments not sent at all
  diverted_kg,                // kg sent by the organisations' outside option instead of the network
  mean_route_hours,           // mean planned travel hours of shipments sent on the network
  // Checkpoint waits beyond the means (issue 9, branch metrics):
  p_wait_positive,                 // share of legitimate vehicles that waited for a lane (Erlang C's P(W > 0))
  p50_queue_wait_hours,            // median wait for a lane (0 when most vehicles do not wait)
  p90_queue_wait_hours,            // 90th percentile of that wait
  // Violence, corruption and jobs (issue 10, branch economics):
  contestation_incidents,     // violence between trafficking groups at nodes (true count)
  officer_deaths,             // deaths by who died (encounters and contestation)
  trafficker_deaths,
  bystander_deaths,
  protection_usd,             // standing protection paid by organisations for captured units
  captured_units,             // patrol units captured by protection (unit x organisation pairs)
  local_jobs,                 // jobs created by the jobs programme
  local_income_usd,           // programme wages and courier pay earned locally
  courier_wage_usd_paid,      // mean pay of a courier per trip (recruitment against the outside wage)
  // Officers and training (issue 9): method use as observers see it and as it is, time in class.
  observed_method_use,        // share of trained officer-shifts using the methods, among those observed
  true_method_use,            // the same share over all trained officer-shifts at posts
  officer_days_in_class,      // officer-days spent in training cohorts (off the line)
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
  // Load splitting and conditional enforcement (issue 10, branch load-split):
  mean_load_kg,                  // kg sent on the network / shipments sent
  loads_per_candidate,           // shipments sent / candidate loads sent on the network (1 without splitting)
  resistance_propensity,         // mean propensity to fight of the couriers of the shipments sent
  // Corruption and community levers (issue 10, branch corruption-levers):
  collusive_captures,            // patrol units that took an organisation's payment (unit x organisation x rotation period)
  coercive_captures,             // patrol units that gave in to a threat (plata o plomo)
  captured_unit_months,          // months patrol units spent captured (unit x organisation)
  coercion_attacks,              // attacks on officers of units that refused under threat (also in violent_incidents)
  pay_raise_cost_usd,            // officer-months x the raise
  rotation_cost_usd,             // officers rotated x the moving allowance
  committee_cost_usd,            // committee-months x the monthly rate
  count
};

inline constexpr std::size_t kIndicatorCount = static_cast<std::size_t>(Indicator::count);

struct IndicatorInfo {
  Indicator id;
  const char* name;         // snake_case, used as dataset and column name
  const char* unit;         // "count", "kg", "USD", "hours", "ratio", "officers"
  const char* description;  // one line for people
};

// What is counted per patrol unit (by_unit) and per organisation (by_organisation), in the
// public order (results files and summaries use it; append new ones at the end).
enum class UnitMeasure : std::size_t {
  detections,         // shipments the unit detected (whatever became of them)
  seizures,           // shipments seized after the unit detected them
  bribes,             // bribes taken by the unit's officers
  violent_incidents,  // violent confrontations at the unit's encounters
  count
};
enum class OrganisationMeasure : std::size_t {
  shipments,           // shipments sent on the network
  seizures,            // of them seized
  seized_kg,
  delivered_kg,
  deterred_shipments,  // shipments not sent because expected profit was too low
  count
};
inline constexpr std::size_t kUnitMeasureCount = static_cast<std::size_t>(UnitMeasure::count);
inline constexpr std::size_t kOrganisationMeasureCount = static_cast<std::size_t>(OrganisationMeasure::count);

struct MeasureInfo {
  const char* name;         // snake_case, the dataset and column name
  const char* unit;         // "count" or "kg"
  const char* description;  // one line for people
};
std::span<const MeasureInfo> unit_measures();          // in UnitMeasure order
std::span<const MeasureInfo> organisation_measures();  // in OrganisationMeasure order

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
  std::vector<std::vector<double>> crossing_kg_monthly;  // [crossing][month] the same, month by month (NaN before a warm-up)
  // Seizures at each border crossing: at its checkpoint or on a leg into or out of it (a leg
  // from one crossing to another counts at the first); seizures elsewhere count at none.
  std::vector<double> crossing_seizures;                       // [crossing] shipments seized
  std::vector<double> crossing_seized_kg;                      // [crossing] their kg
  std::vector<std::vector<double>> crossing_seizures_monthly;  // [crossing][month] (NaN before a warm-up)
  std::vector<std::vector<double>> crossing_seized_kg_monthly; // [crossing][month] (NaN before a warm-up)
  // Per patrol unit (CompiledScenario::units order) and per organisation (scenario order), over
  // the measured horizon: by_unit[UnitMeasure][unit], by_organisation[OrganisationMeasure][organisation].
  // Empty when a result has none (read from a file written before them).
  std::vector<std::vector<double>> by_unit;
  std::vector<std::vector<double>> by_organisation;
  std::uint64_t events = 0;                     // committed kernel events
  double wall_seconds = 0.0;
};

}  // namespace bstp::border
