// A checkpoint: its lanes, its legitimate traffic and the inspections there. Each checkpoint is
// an LP of its own, so that the vehicles of a country's many checkpoints can be served on
// several threads side by side (docs/kernel.md, docs/performance.md). Shipments hidden in
// traffic queue here like any vehicle: their country hands them over (ShipmentJoinsLanes) and
// takes them back when they leave a lane (ShipmentClearsCheckpoint); docs/model.md, "Legitimate
// traffic and checkpoints".
#pragma once

#include "checkpoint_queue.hpp"
#include "compiled_scenario.hpp"
#include "events.hpp"
#include "indicator_collector.hpp"
#include "lp_layout.hpp"

#include <bstp/bstp.hpp>

#include <cstdint>

namespace bstp::border {

class CheckpointLp final : public LogicalProcess {
 public:
  CheckpointLp(const CompiledScenario& scenario, int checkpoint, std::uint64_t replication);

  void start(Context& ctx) override;
  // Serves the traffic left before the horizon.
  void finish(Time horizon);
  const IndicatorCollector& indicators() const { return indicators_; }

  // Read-only views between steps of a run (a tabletop exercise's situation report).
  int lanes_open() const { return queue_.lanes(); }
  // Vehicles queued or in service at `now` (the traffic served so far: up to the last hour's end).
  std::size_t vehicles_waiting(Time now) const { return queue_.in_system_at(now); }
  double inspection_probability() const { return inspection_; }
  // Legitimate vehicles served so far and their hours waiting for a lane.
  std::uint64_t vehicles_served() const { return vehicles_; }
  double wait_hours() const { return wait_hours_; }

 private:
  void traffic_hour_ends(const TrafficHourEnds& e, Context& ctx);
  void shipment_joins_lanes(const ShipmentJoinsLanes& e, Context& ctx);
  // Orders on this checkpoint's lanes or inspection (the rest of an order is its country's).
  void order_arrives(const OrderArrives& e, Context& ctx);

  // Legitimate traffic is advanced lazily: the vehicles that arrived before `t` and are not yet
  // served join the lanes now, in arrival order, each with its own arrival time, draws, wait and
  // counts, exactly as if each had been an event. Called before anything reads or changes the
  // queue (a shipment joining it, an order on its lanes or inspection), at the end of every hour
  // and at the horizon.
  void serve_legitimate_traffic_until(Time t);
  // The next arrival after one at `t` (or after the start, t = 0).
  Time next_vehicle_after(Time t);
  void vehicle_arrives(Time t);
  // A vehicle (legitimate or carrying a shipment) got an inspection: its cost.
  void inspection_made(Time t, bool secondary);

  const CompiledScenario& scenario_;
  const CheckpointParams& params_;
  int country_;
  std::uint64_t replication_;
  LpLayout layout_;
  CheckpointQueue queue_;
  RandomStream arrival_draws_, service_draws_;
  Time next_vehicle_at_ = kNever;  // the next arrival (kNever: no traffic)
  double inspection_;              // P(primary inspection) in force
  IndicatorCollector indicators_;
  std::uint64_t vehicles_ = 0;
  double wait_hours_ = 0.0;
};

}  // namespace bstp::border
