#include "indicators.hpp"

#include <array>
#include <stdexcept>

namespace bstp::border {
namespace {

using enum Indicator;
constexpr std::array<IndicatorInfo, kIndicatorCount> kCatalog{{
    {shipments, "shipments", "count", "Shipments sent by trafficking organisations"},
    {seizures, "seizures", "count", "Shipments seized (by the country where seized)"},
    {seized_kg, "seized_kg", "kg", "Kilograms seized"},
    {delivered_kg, "delivered_kg", "kg", "Kilograms delivered to destinations (by destination country)"},
    {interdiction_rate, "interdiction_rate", "ratio",
     "Seized kg / (seized + delivered kg); by country, NaN where no kg were delivered (a transit country)"},
    {trafficker_revenue_usd, "trafficker_revenue_usd", "USD", "Wholesale value of delivered kg"},
    {trafficker_profit_usd, "trafficker_profit_usd", "USD", "Revenue minus purchase, transport, courier and bribe costs"},
    {arrests, "arrests", "count", "Couriers arrested at seizures"},
    {violent_incidents, "violent_incidents", "count", "Violent incidents, true count: confrontations at detections and contestation between groups"},
    {deaths, "deaths", "count", "Deaths in violent incidents (officers + traffickers + bystanders)"},
    {reported_violence, "reported_violence", "count", "Violent incidents that were reported: all deadly ones, the others with the community-trust probability"},
    {bribes, "bribes", "count", "Bribes taken by officers"},
    {bribes_usd, "bribes_usd", "USD", "Value of bribes taken"},
    {officers_trained, "officers_trained", "officers", "Officers who completed a training cohort"},
    {training_cost_usd, "training_cost_usd", "USD", "Cost of training seats (paid when a cohort starts)"},
    {training_cost_per_seizure_usd, "training_cost_per_seizure_usd", "USD",
     "Training cost / seizures: an average, not what training bought (see the incremental cost-effectiveness)"},
    {legitimate_crossings, "legitimate_crossings", "count", "Legitimate vehicles through checkpoints"},
    {mean_queue_wait_hours, "mean_queue_wait_hours", "hours", "Mean wait of a legitimate vehicle for a free lane (Wq)"},
    {mean_crossing_delay_hours, "mean_crossing_delay_hours", "hours",
     "Mean time a legitimate vehicle spends at a checkpoint: wait, service and inspections (W)"},
    {p95_crossing_delay_hours, "p95_crossing_delay_hours", "hours", "95th percentile of that time (one-minute resolution)"},
    {mean_vehicles_in_system, "mean_vehicles_in_system", "vehicles",
     "Time-average legitimate vehicles queued or in service, summed over checkpoints (L)"},
    {trade_delay_cost_usd, "trade_delay_cost_usd", "USD", "Cost of legitimate-crossing delay to trade"},
    {crossings_with_flow, "crossings_with_flow", "count", "Border crossings that carried at least one shipment"},
    {flow_concentration, "flow_concentration", "ratio", "Herfindahl index of shipment kg across crossings (1 = one crossing)"},
    {patrol_cost_usd, "patrol_cost_usd", "USD", "Cost of patrol units: unit-days x the daily cost of their kind"},
    {turned_back, "turned_back", "count", "Attempts that retreated when a patrol detected them (by the detecting country)"},
    {got_away, "got_away", "count",
     "Attempts detected but neither seized nor turned back, then delivered (by the country that last detected them)"},
    {undetected, "undetected", "count", "Attempts delivered without being detected (by destination country)"},
    {detected, "detected", "count", "Attempts detected: seized + turned back + got away"},
    {apprehension_rate, "apprehension_rate", "ratio", "Seizures / attempts that ended (seized, turned back, got away or undetected)"},
    {interdiction_effectiveness_rate, "interdiction_effectiveness_rate", "ratio",
     "CBP's IER: (seizures + turned back) / (seizures + turned back + got away)"},
    {deterred_shipments, "deterred_shipments", "count", "Candidate shipments not sent because expected profit was too low (deterrence)"},
    {route_hours_per_delivered_kg, "route_hours_per_delivered_kg", "hours/kg",
     "Hours from sending to delivery, summed over delivered shipments, per delivered kg (traffickers' inconvenience)"},
    {seized_value_usd, "seized_value_usd", "USD",
     "What seizures cost the traffickers: seized kg at their replacement cost where seized (not the destination price)"},
    {purchase_cost_usd, "purchase_cost_usd", "USD", "Product bought at the source for the shipments sent on the network"},
    {deterred_kg, "deterred_kg", "kg", "Kg of candidate shipments not sent at all (deterred, no outside option that pays)"},
    {diverted_kg, "diverted_kg", "kg", "Kg sent by the organisations' outside option (another corridor, a direct sea or air route)"},
    {mean_route_hours, "mean_route_hours", "hours", "Mean planned travel hours of the shipments sent on the network"},
    {p_wait_positive, "p_wait_positive", "ratio", "Share of legitimate vehicles that waited for a lane (P(wait > 0), Erlang C)"},
    {p50_queue_wait_hours, "p50_queue_wait_hours", "hours", "Median wait of a legitimate vehicle for a lane (10-second resolution)"},
    {p90_queue_wait_hours, "p90_queue_wait_hours", "hours", "90th percentile of the wait for a lane (10-second resolution)"},
    {contestation_incidents, "contestation_incidents", "count", "Violent incidents between trafficking groups at nodes (true count; also in violent_incidents)"},
    {officer_deaths, "officer_deaths", "count", "Officers killed (encounters and contestation)"},
    {trafficker_deaths, "trafficker_deaths", "count", "Traffickers killed (encounters and contestation)"},
    {bystander_deaths, "bystander_deaths", "count", "Bystanders killed (encounters and contestation)"},
    {protection_usd, "protection_usd", "USD", "Standing protection paid for captured patrol units (per unit-month)"},
    {captured_units, "captured_units", "count", "Patrol units captured by an organisation's standing protection"},
    {local_jobs, "local_jobs", "count", "Jobs created by the jobs programme"},
    {local_income_usd, "local_income_usd", "USD", "Local income: jobs-programme wages and courier pay"},
    {courier_wage_usd_paid, "courier_wage_usd_paid", "USD", "Mean pay of a courier per trip (at least the premium over the outside wage)"},
    {observed_method_use, "observed_method_use", "ratio",
     "Share of trained officers using the methods taught, in the shifts observer teams watched (what they record)"},
    {true_method_use, "true_method_use", "ratio", "Share of trained officers using the methods taught, over all their shifts at posts"},
    {officer_days_in_class, "officer_days_in_class", "officer-days", "Officer-days spent in training cohorts, off the line"},
    {backfill_cost_usd, "backfill_cost_usd", "USD", "Cost of covering the posts of officers in class: officer-days x the backfill rate"},
    {checkpoint_cost_usd, "checkpoint_cost_usd", "USD", "Cost of checkpoints: lane-days and inspections at their rates"},
    {joint_patrol_cost_usd, "joint_patrol_cost_usd", "USD", "Cost of joint patrols: pair-days x the daily rate (half to each country)"},
    {information_sharing_cost_usd, "information_sharing_cost_usd", "USD",
     "Cost of information-sharing agreements: setup and months (half to each country)"},
    {hot_pursuit_cost_usd, "hot_pursuit_cost_usd", "USD", "Cost of hot-pursuit agreements: months x the rate (half to each country)"},
    {joint_exercise_cost_usd, "joint_exercise_cost_usd", "USD", "Cost of joint exercises held (shared evenly by their countries)"},
    {observer_cost_usd, "observer_cost_usd", "USD", "Cost of observer teams: team-days x the daily rate"},
    {jobs_program_cost_usd, "jobs_program_cost_usd", "USD", "Cost of the jobs programme: job-months x the monthly rate"},
    {programme_cost_usd, "programme_cost_usd", "USD", "Cost of every lever: training, backfill, patrols, checkpoints, coordination, observers, jobs, pay, rotation, committees"},
    {over_budget, "over_budget", "flag", "1 when programme cost exceeds a budget (by country: its own budget), else 0; NaN without a budget"},
    {mean_load_kg, "mean_load_kg", "kg", "Mean kg of a shipment sent on the network (smaller when organisations split loads)"},
    {loads_per_candidate, "loads_per_candidate", "ratio", "Shipments sent per candidate load sent on the network (1 without load splitting)"},
    {resistance_propensity, "resistance_propensity", "ratio",
     "Mean propensity of the couriers of the shipments sent to fight when detected and not bribed"},
    // Corruption and community levers (branch corruption-levers).
    {collusive_captures, "collusive_captures", "count", "Patrol units that took an organisation's protection payment (once per rotation period)"},
    {coercive_captures, "coercive_captures", "count", "Patrol units that refused the payment but gave in to a threat (plata o plomo)"},
    {captured_unit_months, "captured_unit_months", "unit-months", "Months patrol units spent captured by protection (per organisation)"},
    {coercion_attacks, "coercion_attacks", "count", "Attacks on officers of units that refused an organisation under threat (also in violent_incidents)"},
    {pay_raise_cost_usd, "pay_raise_cost_usd", "USD", "Cost of officers' raises: officer-months x the raise"},
    {rotation_cost_usd, "rotation_cost_usd", "USD", "Cost of rotating patrol officers: officers moved x the moving allowance"},
    {committee_cost_usd, "committee_cost_usd", "USD", "Cost of community committees: committee-months x the monthly rate"},
}};

constexpr std::array<Indicator, 13> kProgrammeCostParts{
    training_cost_usd,  backfill_cost_usd,       patrol_cost_usd,  checkpoint_cost_usd,   joint_patrol_cost_usd,
    information_sharing_cost_usd, hot_pursuit_cost_usd, joint_exercise_cost_usd, observer_cost_usd, jobs_program_cost_usd,
    pay_raise_cost_usd, rotation_cost_usd, committee_cost_usd};

constexpr bool catalog_in_order() {
  for (std::size_t i = 0; i < kCatalog.size(); ++i)
    if (static_cast<std::size_t>(kCatalog[i].id) != i) return false;
  return true;
}
static_assert(catalog_in_order(), "the indicator catalogue must list indicators in enum order");

constexpr std::array<MeasureInfo, kUnitMeasureCount> kUnitMeasures{{
    {"detections", "count", "shipments the patrol unit detected (whatever became of them)"},
    {"seizures", "count", "shipments seized after the patrol unit detected them"},
    {"bribes", "count", "bribes taken by the patrol unit's officers"},
    {"violent_incidents", "count", "violent confrontations at the patrol unit's encounters"},
}};

constexpr std::array<MeasureInfo, kOrganisationMeasureCount> kOrganisationMeasures{{
    {"shipments", "count", "shipments the organisation sent on the network"},
    {"seizures", "count", "shipments of the organisation seized"},
    {"seized_kg", "kg", "kg of the organisation seized"},
    {"delivered_kg", "kg", "kg the organisation delivered"},
    {"deterred_shipments", "count", "shipments the organisation did not send because expected profit was too low"},
}};

}  // namespace

std::span<const MeasureInfo> unit_measures() { return kUnitMeasures; }
std::span<const MeasureInfo> organisation_measures() { return kOrganisationMeasures; }

std::span<const IndicatorInfo> indicator_catalog() { return kCatalog; }
std::span<const Indicator> programme_cost_parts() { return kProgrammeCostParts; }

const IndicatorInfo& info(Indicator id) {
  const auto i = static_cast<std::size_t>(id);
  if (i >= kCatalog.size()) throw std::out_of_range("unknown indicator");
  return kCatalog[i];
}

}  // namespace bstp::border
