#include "checkpoint_queue.hpp"

#include <algorithm>

namespace bstp::border {

CheckpointQueue::Passage CheckpointQueue::join(Time t, Time service, bool counted) {
  // The lane that frees first (lowest index on ties) serves the next vehicle in line.
  // (A select rather than a branch per lane: which lane frees first is hard to predict.)
  std::size_t lane = 0;
  Time free_at = lane_free_at_[0];
  for (std::size_t i = 1; i < lane_free_at_.size(); ++i) {
    const bool earlier = lane_free_at_[i] < free_at;
    free_at = earlier ? lane_free_at_[i] : free_at;
    lane = earlier ? i : lane;
  }
  const Time start = std::max(t, free_at);
  lane_free_at_[lane] = start + service;
  if (counted) {
    while (!departures_.empty() && departures_.front() <= t) departures_.pop_front();
    departures_.push_back(start + service);
  }
  return Passage{start - t, start + service};
}

std::size_t CheckpointQueue::in_system_at(Time t) const {
  return static_cast<std::size_t>(std::count_if(departures_.begin(), departures_.end(), [t](Time d) { return d > t; }));
}

bool CheckpointQueue::holds_at_least(std::size_t limit, Time t) {
  if (departures_.size() < limit) return false;
  std::erase_if(departures_, [t](Time d) { return d <= t; });
  return departures_.size() >= limit;
}

void CheckpointQueue::set_lanes(int lanes, Time t) {
  const auto n = static_cast<std::size_t>(std::max(1, lanes));
  if (n < lane_free_at_.size()) {
    std::sort(lane_free_at_.begin(), lane_free_at_.end());
    lane_free_at_.resize(n);
  }
  while (lane_free_at_.size() < n) lane_free_at_.push_back(t);
}

}  // namespace bstp::border
