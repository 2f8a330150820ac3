// The lanes of a checkpoint: c servers, first come first served. A vehicle's service time is
// known when it arrives, so its wait and departure follow at once (the Kiefer-Wolfowitz
// recursion: each lane's free-at time). The legitimate vehicles still in the system are kept in
// arrival order for a look at the queue; their time in the system is counted by the caller from
// each passage (Little's law needs only the sum of the sojourns).
#pragma once

#include <bstp/time.hpp>

#include <cstddef>
#include <deque>
#include <vector>

namespace bstp::border {

class CheckpointQueue {
 public:
  explicit CheckpointQueue(int lanes) : lane_free_at_(static_cast<std::size_t>(lanes), 0) {}

  struct Passage {
    Time wait;       // until a lane is free
    Time departure;  // arrival + wait + service
  };
  // A vehicle arrives at `t` (not before the last arrival) needing `service` ticks of lane time.
  // `counted` vehicles (legitimate traffic) are kept for in_system_at.
  Passage join(Time t, Time service, bool counted);

  // Counted vehicles waiting or in service at time t (>= the last join).
  std::size_t in_system_at(Time t) const;
  // Whether at least `limit` counted vehicles are waiting or in service at time t (>= the last
  // join). Cheap while fewer than `limit` are kept; forgets the vehicles gone when it counts.
  bool holds_at_least(std::size_t limit, Time t);

  int lanes() const { return static_cast<int>(lane_free_at_.size()); }
  // From time t, `lanes` lanes serve (>= 1): opened lanes are free at t; a closed lane finishes
  // the vehicle it serves and takes no other (the busiest lanes close first).
  void set_lanes(int lanes, Time t);

 private:
  std::vector<Time> lane_free_at_;
  // Departures of counted vehicles in arrival order, from the oldest that may still be in the
  // system (those behind it may have left: lanes finish out of order).
  std::deque<Time> departures_;
};

}  // namespace bstp::border
