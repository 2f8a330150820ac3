// A checkpoint's lanes, its legitimate traffic served lazily (each vehicle's arrival, lane time,
// inspections, wait and counts) and the shipments that queue among the vehicles (docs/model.md,
// "Legitimate traffic and checkpoints").
#include "checkpoint_lp.hpp"

#include "programme_costs.hpp"
#include "scenario_bounds.hpp"
#include "shipment_streams.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {

CheckpointLp::CheckpointLp(const CompiledScenario& scenario, int checkpoint, std::uint64_t replication)
    : scenario_(scenario),
      params_(scenario.checkpoints[static_cast<std::size_t>(checkpoint)]),
      country_(params_.country),
      replication_(replication),
      layout_(lp_layout(scenario)),
      queue_(params_.lanes),
      arrival_draws_(StreamId{scenario.seed, replication, entity::checkpoint(checkpoint), 0}),
      service_draws_(StreamId{scenario.seed, replication, entity::checkpoint(checkpoint), 1}),
      inspection_(params_.inspection),
      indicators_(scenario) {
  on(&CheckpointLp::traffic_hour_ends);
  on(&CheckpointLp::shipment_joins_lanes);
  on(&CheckpointLp::order_arrives);
}

void CheckpointLp::start(Context& ctx) {
  if (params_.vehicles_per_second <= 0.0) return;
  next_vehicle_at_ = next_vehicle_after(0);
  ctx.schedule(kHour - 1, TrafficHourEnds{});
}

void CheckpointLp::finish(Time horizon) { serve_legitimate_traffic_until(horizon); }

// --- shipments ----------------------------------------------------------------------------------

void CheckpointLp::shipment_joins_lanes(const ShipmentJoinsLanes& e, Context& ctx) {
  const Time now = ctx.now();
  serve_legitimate_traffic_until(now);
  Cargo cargo = e.cargo;
  RandomStream draws = shipment_draws(scenario_, replication_, cargo, kCheckpoint);
  Time service = params_.service(draws);
  const bool inspected = draws.bernoulli(inspection_);
  const bool secondary = inspected && draws.bernoulli(params_.secondary);
  if (inspected) inspection_made(now, secondary);
  if (secondary) service += params_.secondary_service(draws);
  // The country drew whether a secondary inspection would find the contraband (its officers' skill).
  cargo.found_at_checkpoint = secondary && cargo.found_at_checkpoint ? 1 : 0;
  const CheckpointQueue::Passage passage = queue_.join(now, service, false);
  // Its country takes it back as it leaves the lane, at the earliest one hand-over after it joined.
  ctx.send(layout_.country(country_), std::max(passage.departure - now, kHandoverTicks), ShipmentClearsCheckpoint{cargo});
}

// --- orders -------------------------------------------------------------------------------------

void CheckpointLp::order_arrives(const OrderArrives& e, Context& ctx) {
  if (e.kind != OrderKind::lanes && e.kind != OrderKind::inspection) return;
  serve_legitimate_traffic_until(ctx.now());
  if (e.kind == OrderKind::lanes) queue_.set_lanes(e.target, ctx.now());
  else inspection_ = e.value[0];
}

// --- legitimate traffic -------------------------------------------------------------------------

void CheckpointLp::traffic_hour_ends(const TrafficHourEnds& e, Context& ctx) {
  ctx.schedule(kHour, e);
  serve_legitimate_traffic_until(ctx.now() + 1);
}

void CheckpointLp::serve_legitimate_traffic_until(Time t) {
  Time next = next_vehicle_at_;
  if (next >= t) return;
  // The hour of the next arrival, its end and its rate, kept while the arrivals stay in it (the
  // same draws as next_vehicle_after's, without finding the hour again for each vehicle).
  RandomStream& draws = arrival_draws_;
  Time hour_ends = 0;
  double mean_gap = 0.0;
  const auto enter_hour = [&] {
    hour_ends = (next / kHour + 1) * kHour;
    mean_gap = params_.mean_gap[static_cast<std::size_t>((next % kDay) / kHour)];
  };
  enter_hour();
  while (next < t) {
    const Time arrival = next;
    next = arrival + to_ticks(draws.exponential_ziggurat(mean_gap), 1.0);  // an arrival's hour has traffic
    if (next >= hour_ends) {
      next = next_vehicle_after(hour_ends);
      enter_hour();
    }
    vehicle_arrives(arrival);
  }
  next_vehicle_at_ = next;
}

// The daily profile is constant within each hour, so arrivals are a Poisson process at the hour's
// rate; a gap that would cross the hour's end is dropped and the draw restarts at that end at the
// next hour's rate (exact: the process has no memory). There is traffic in some hour of the day.
Time CheckpointLp::next_vehicle_after(Time t) {
  for (;;) {
    const Time hour_ends = (t / kHour + 1) * kHour;
    if (const double mean_gap = params_.mean_gap[static_cast<std::size_t>((t % kDay) / kHour)]; mean_gap > 0.0) {
      const Time arrival = t + to_ticks(arrival_draws_.exponential_ziggurat(mean_gap), 1.0);
      if (arrival < hour_ends) return arrival;
    }
    t = hour_ends;
  }
}

// A legitimate vehicle arrives at time `now` (not later than the clock).
void CheckpointLp::vehicle_arrives(Time now) {
  Time service = params_.service(service_draws_);
  const bool inspected = service_draws_.bernoulli(inspection_);
  const bool secondary = inspected && service_draws_.bernoulli(params_.secondary);
  if (secondary) service += params_.secondary_service(service_draws_);
  if (inspected) inspection_made(now, secondary);
  // Validation keeps the busiest hour below capacity; this bounds the memory of a queue that
  // grows all the same (a scenario compiled without validation).
  if (queue_.holds_at_least(bounds::kMaxVehiclesInSystem, now))
    throw std::runtime_error(
        fmt::format("checkpoints.{}: more than {} vehicles waiting at once; its traffic exceeds its "
                    "capacity (bstp validate reports the rates)",
                    params_.node_id, bounds::kMaxVehiclesInSystem));
  const CheckpointQueue::Passage passage = queue_.join(now, service, true);
  const double wait_hours = in_hours(passage.wait);
  const double delay_hours = in_hours(passage.departure - now);
  vehicles_ += 1;
  wait_hours_ += wait_hours;
  indicators_.vehicle_crossed(now, country_, wait_hours, delay_hours,
                              delay_hours * scenario_.economy.trade_cost_usd_per_vehicle_hour);
  indicators_.vehicle_in_system(now, passage.departure);
}

void CheckpointLp::inspection_made(Time t, bool secondary) {
  const double usd = inspection_cost(scenario_.costs, secondary);
  if (usd > 0.0) indicators_.lever_paid(Indicator::checkpoint_cost_usd, t, country_, usd);
}

}  // namespace bstp::border
