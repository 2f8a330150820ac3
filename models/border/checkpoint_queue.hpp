// The lanes of a checkpoint: c servers, first come first served. A vehicle's service time is
// known when it arrives, so its wait and departure follow at once; the number of legitimate
// vehicles in the system is integrated over time for Little's law.
#pragma once

#include <bstp/time.hpp>

#include <functional>
#include <queue>
#include <vector>

namespace bstp::border {

class CheckpointQueue {
 public:
  explicit CheckpointQueue(int lanes) : lane_free_at_(static_cast<std::size_t>(lanes), 0) {}

  struct Passage {
    Time wait;       // until a lane is free
    Time departure;  // arrival + wait + service
  };
  // A vehicle arrives at `t` needing `service` seconds of lane time. `counted` vehicles enter the
  // number-in-system integral (legitimate traffic).
  Passage join(Time t, Time service, bool counted);

  // Counted vehicles waiting or in service after the last join.
  std::size_t in_system() const { return departures_.size(); }
  // Counted vehicles still waiting or in service at time t (>= the last join).
  std::size_t in_system_at(Time t) const;

  int lanes() const { return static_cast<int>(lane_free_at_.size()); }
  // From time t, `lanes` lanes serve (>= 1): opened lanes are free at t; a closed lane finishes
  // the vehicle it serves and takes no other (the busiest lanes close first).
  void set_lanes(int lanes, Time t);

  // Vehicle-seconds accumulated since the last call, up to time t.
  double take_vehicle_ticks(Time t);

 private:
  void advance(Time t);
  std::vector<Time> lane_free_at_;
  std::priority_queue<Time, std::vector<Time>, std::greater<>> departures_;  // counted vehicles in system
  Time integrated_to_ = 0;
  double area_ = 0.0;
};

}  // namespace bstp::border
