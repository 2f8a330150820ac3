// A country's legitimate traffic at its checkpoints, served lazily: each vehicle's arrival,
// lane time, inspections, wait and counts (docs/model.md, "Legitimate traffic and checkpoints").
// Part of CountryLp (country_lp.hpp).
#include "country_lp.hpp"

#include "programme_costs.hpp"
#include "scenario_bounds.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {

void CountryLp::traffic_hour_ends(const TrafficHourEnds& e, Context& ctx) {
  ctx.schedule(kHour, e);
  for (int c : my_checkpoints_) serve_legitimate_traffic_until(c, ctx.now() + 1);
}

void CountryLp::serve_legitimate_traffic_until(int checkpoint, Time t) {
  const auto c = static_cast<std::size_t>(checkpoint);
  Time next = next_vehicle_at_[c];
  if (next >= t) return;
  // The hour of the next arrival, its end and its rate, kept while the arrivals stay in it (the
  // same draws as next_vehicle_after's, without finding the hour again for each vehicle).
  RandomStream& draws = arrival_draws_[c];
  Time hour_ends = 0;
  double mean_gap = 0.0;
  const auto enter_hour = [&] {
    hour_ends = (next / kHour + 1) * kHour;
    mean_gap = scenario_.checkpoints[c].mean_gap[static_cast<std::size_t>((next % kDay) / kHour)];
  };
  enter_hour();
  while (next < t) {
    const Time arrival = next;
    next = arrival + to_ticks(draws.exponential_ziggurat(mean_gap), 1.0);  // an arrival's hour has traffic
    if (next >= hour_ends) {
      next = next_vehicle_after(checkpoint, hour_ends);
      enter_hour();
    }
    vehicle_arrives(checkpoint, arrival);
  }
  next_vehicle_at_[c] = next;
}

// The next arrival at checkpoint `checkpoint` after one at `t` (or after the start, t = 0). The
// daily profile is constant within each hour, so arrivals are a Poisson process at the hour's
// rate; a gap that would cross the hour's end is dropped and the draw restarts at that end at the
// next hour's rate (exact: the process has no memory). There is traffic in some hour of the day.
Time CountryLp::next_vehicle_after(int checkpoint, Time t) {
  const auto c = static_cast<std::size_t>(checkpoint);
  const CheckpointParams& cp = scenario_.checkpoints[c];
  RandomStream& draws = arrival_draws_[c];
  for (;;) {
    const Time hour_ends = (t / kHour + 1) * kHour;
    if (const double mean_gap = cp.mean_gap[static_cast<std::size_t>((t % kDay) / kHour)]; mean_gap > 0.0) {
      const Time arrival = t + to_ticks(draws.exponential_ziggurat(mean_gap), 1.0);
      if (arrival < hour_ends) return arrival;
    }
    t = hour_ends;
  }
}

// A legitimate vehicle arrives at checkpoint `checkpoint` at time `now` (not later than the clock).
void CountryLp::vehicle_arrives(int checkpoint, Time now) {
  const auto c = static_cast<std::size_t>(checkpoint);
  const CheckpointParams& cp = scenario_.checkpoints[c];

  RandomStream& service_draws = service_draws_[c];
  Time service = cp.service(service_draws);
  const bool inspected = service_draws.bernoulli(inspection_[c]);
  const bool secondary = inspected && service_draws.bernoulli(cp.secondary);
  if (secondary) service += cp.secondary_service(service_draws);
  if (inspected) inspection_made(now, secondary);
  CheckpointQueue& queue = queues_[c];
  // Validation keeps the busiest hour below capacity; this bounds the memory of a queue that
  // grows all the same (a scenario compiled without validation).
  if (queue.holds_at_least(bounds::kMaxVehiclesInSystem, now))
    throw std::runtime_error(
        fmt::format("checkpoints.{}: more than {} vehicles waiting at once; its traffic exceeds its "
                    "capacity (bstp validate reports the rates)",
                    cp.node_id, bounds::kMaxVehiclesInSystem));
  const CheckpointQueue::Passage passage = queue.join(now, service, true);
  const double wait_hours = in_hours(passage.wait);
  const double delay_hours = in_hours(passage.departure - now);
  tally_.vehicles_at[c] += 1;
  tally_.wait_hours_at[c] += wait_hours;
  indicators_.vehicle_crossed(now, country_, wait_hours, delay_hours,
                              delay_hours * scenario_.economy.trade_cost_usd_per_vehicle_hour);
  indicators_.vehicle_in_system(now, passage.departure);
}

void CountryLp::inspection_made(Time t, bool secondary) {
  const double usd = inspection_cost(scenario_.costs, secondary);
  if (usd > 0.0) indicators_.lever_paid(Indicator::checkpoint_cost_usd, t, country_, usd);
}

}  // namespace bstp::border
