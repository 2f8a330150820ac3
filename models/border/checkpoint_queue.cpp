#include "checkpoint_queue.hpp"

#include <algorithm>

namespace bstp::border {

void CheckpointQueue::advance(Time t) {
  while (!departures_.empty() && departures_.top() <= t) {
    const Time d = std::max(departures_.top(), integrated_to_);
    area_ += static_cast<double>(departures_.size()) * static_cast<double>(d - integrated_to_);
    integrated_to_ = d;
    departures_.pop();
  }
  if (t > integrated_to_) {
    area_ += static_cast<double>(departures_.size()) * static_cast<double>(t - integrated_to_);
    integrated_to_ = t;
  }
}

CheckpointQueue::Passage CheckpointQueue::join(Time t, Time service, bool counted) {
  advance(t);
  // The lane that frees first (lowest index on ties) serves the next vehicle in line.
  const auto lane = std::min_element(lane_free_at_.begin(), lane_free_at_.end());
  const Time start = std::max(t, *lane);
  *lane = start + service;
  if (counted) departures_.push(start + service);
  return Passage{start - t, start + service};
}

std::size_t CheckpointQueue::in_system_at(Time t) const {
  auto copy = departures_;
  while (!copy.empty() && copy.top() <= t) copy.pop();
  return copy.size();
}

void CheckpointQueue::set_lanes(int lanes, Time t) {
  const auto n = static_cast<std::size_t>(std::max(1, lanes));
  if (n < lane_free_at_.size()) {
    std::sort(lane_free_at_.begin(), lane_free_at_.end());
    lane_free_at_.resize(n);
  }
  while (lane_free_at_.size() < n) lane_free_at_.push_back(t);
}

double CheckpointQueue::take_vehicle_ticks(Time t) {
  advance(t);
  const double area = area_;
  area_ = 0.0;
  return area;
}

}  // namespace bstp::border
