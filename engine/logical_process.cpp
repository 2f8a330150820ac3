#include <bstp/logical_process.hpp>

#include <atomic>

#include <fmt/format.h>

namespace bstp {

namespace detail {
EventType next_event_type() {
  static std::atomic<EventType> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace detail

void Context::reject(LpId destination, Time delay) const {
  if (delay < 0)
    throw CausalityError(fmt::format("LP {} at time {} scheduled an event {} ticks in the past (to LP {})",
                                     self_, now_, -delay, destination));
  throw CausalityError(fmt::format(
      "LP {} at time {} sent an event to LP {} with delay {} ticks, below the lookahead of {} ticks; "
      "cross-LP events must be at least the lookahead in the future (model or partition error)",
      self_, now_, destination, delay, lookahead_));
}

void LogicalProcess::unhandled(EventType type) const {
  throw std::logic_error(fmt::format("LP {} received an event of type #{} it has no handler for", id_, type));
}

}  // namespace bstp
