// The sequential scheduler: one heap, events committed in (time, source, sequence) order.
//
// The event being handled stays at the top of the heap while its handler runs; the first event
// the handler schedules then replaces it in one sift-down (EventHeap::replace_top), and only a
// handler that schedules nothing pays for a separate removal. Its payload stays in its pool slot
// (stable address) until the handler returns, so nothing is copied on delivery.
//
// With an observer, the commit loop is a second instance of the same template: committed events
// are kept until the clock moves past their time, then shown sorted by (time, tie) (an event a
// handler schedules at its own time may have a smaller tie than one already committed). Without
// one, the loop has no observer code at all.
#include "event_queue.hpp"
#include "schedulers.hpp"

#include <chrono>

namespace bstp::engine {
namespace {

class SequentialScheduler final : public Scheduler, Context {
 public:
  SequentialScheduler(std::span<LogicalProcess* const> lps, const SimulationOptions& options)
      : Context(options.lookahead, options.end_time), lps_(lps.begin(), lps.end()), sequence_(lps.size(), 0) {
    heap_.reserve(lps.size() * 2);
    for (LogicalProcess* lp : lps_) {
      set_current(lp->id(), 0);
      lp->start(*this);
    }
  }

  void advance(Time until, const Simulation::Observer& observer) override {
    const auto began = std::chrono::steady_clock::now();
    if (observer) {
      commit_until<true>(until, observer);
    } else {
      commit_until<false>(until, observer);
    }
    stats_.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  }

  void insert(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
              std::uint64_t tie) override {
    const std::uint32_t slot = bytes == 0 ? kNoPayload : pool_.store(payload, bytes);
    heap_.push(QueuedEvent{at, tie, destination, type, slot, static_cast<std::uint32_t>(bytes)});
  }

  Time next_time() const override { return heap_.next_time(); }
  RunStats stats() const override { return stats_; }

 private:
  void set_current(LpId lp, Time now) {
    self_ = lp;
    now_ = now;
  }

  template <bool Observed>
  void commit_until(Time until, const Simulation::Observer& observer) {
    std::uint64_t committed = 0;
    Time last = stats_.last_event_time;
    LogicalProcess* const* const table = lps_.data();
    while (!heap_.empty() && heap_.top().time < until) {
      const QueuedEvent e = heap_.top();
      prefetch_lp(table[heap_.second().destination]);
      top_is_current_ = true;
      set_current(e.destination, e.time);
      if constexpr (Observed) {
        if (!log_.empty() && log_.front().event.time != e.time) show(log_, observer);
      }
      if (e.payload == kNoPayload) {
        table[e.destination]->deliver(e.type, nullptr, *this);
        if constexpr (Observed) record(log_, e, nullptr);
      } else {
        table[e.destination]->deliver(e.type, pool_.at(e.payload), *this);
        if constexpr (Observed) record(log_, e, pool_.at(e.payload));
        pool_.release(e.payload);
      }
      if (top_is_current_) heap_.remove_top();
      ++committed;
      last = e.time;
    }
    top_is_current_ = false;
    stats_.committed_events += committed;
    stats_.last_event_time = last;
    if constexpr (Observed) show(log_, observer);  // nothing more can come at these times
  }

  void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
            std::uint64_t tie) override {
    if (destination >= sequence_.size()) [[unlikely]]
      throw CausalityError("event sent to an LP that does not exist");
    const std::uint32_t slot = bytes == 0 ? kNoPayload : pool_.store(payload, bytes);
    if (tie == detail::kOwnSequence) tie = make_tie(self_, sequence_[self_]++);
    const QueuedEvent e{at, tie, destination, type, slot, static_cast<std::uint32_t>(bytes)};
    if (top_is_current_) {
      top_is_current_ = false;
      heap_.replace_top(e);
    } else {
      heap_.push(e);
    }
  }

  std::vector<LogicalProcess*> lps_;
  std::vector<std::uint64_t> sequence_;  // send counters of the LPs
  EventHeap heap_;
  PayloadPool pool_;
  bool top_is_current_ = false;  // the heap's top is the event being handled: replace, don't push
  RunStats stats_;
  std::vector<ObservedEvent> log_;  // committed events not yet shown to the observer
};

}  // namespace

std::unique_ptr<Scheduler> make_sequential(std::span<LogicalProcess* const> lps, const SimulationOptions& options) {
  return std::make_unique<SequentialScheduler>(lps, options);
}

}  // namespace bstp::engine
