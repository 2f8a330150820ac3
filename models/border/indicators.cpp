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
    {trafficker_profit_usd, "trafficker_profit_usd", "USD", "Revenue minus transport, courier and bribe costs"},
    {arrests, "arrests", "count", "Couriers arrested at seizures"},
    {violent_incidents, "violent_incidents", "count", "Detections that turned into violent confrontations"},
    {deaths, "deaths", "count", "Deaths in violent confrontations"},
    {reported_violence, "reported_violence", "count", "Violent incidents that were reported (all deadly ones, half of the rest)"},
    {bribes, "bribes", "count", "Bribes taken by officers"},
    {bribes_usd, "bribes_usd", "USD", "Value of bribes taken"},
    {officers_trained, "officers_trained", "officers", "Officers who completed a training cohort"},
    {training_cost_usd, "training_cost_usd", "USD", "Cost of training seats (paid when a cohort starts)"},
    {cost_per_seizure_usd, "cost_per_seizure_usd", "USD", "Training cost per seizure"},
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
}};

constexpr bool catalog_in_order() {
  for (std::size_t i = 0; i < kCatalog.size(); ++i)
    if (static_cast<std::size_t>(kCatalog[i].id) != i) return false;
  return true;
}
static_assert(catalog_in_order(), "the indicator catalogue must list indicators in enum order");

}  // namespace

std::span<const IndicatorInfo> indicator_catalog() { return kCatalog; }

const IndicatorInfo& info(Indicator id) {
  const auto i = static_cast<std::size_t>(id);
  if (i >= kCatalog.size()) throw std::out_of_range("unknown indicator");
  return kCatalog[i];
}

}  // namespace bstp::border
