// The sequential scheduler: one heap, events committed in (time, source, sequence) order.
//
// The event being handled stays at the top of the heap while its handler runs; the first event
// the handler schedules then replaces it in one sift-down (EventHeap::replace_top), and only a
// handler that schedules nothing pays for a separate removal. Its payload stays in its pool slot
// (stable address) until the handler returns, so nothing is copied on delivery.
#include "event_queue.hpp"
#include "schedulers.hpp"

#include <chrono>

namespace bstp::engine {
namespace {

class SequentialContext final : public Context {
 public:
  SequentialContext(const SimulationOptions& options, std::size_t lp_count)
      : Context(options.lookahead, options.end_time), sequence_(lp_count, 0) {}

  void set_current(LpId lp, Time now) {
    self_ = lp;
    now_ = now;
  }

  EventHeap heap;
  PayloadPool pool;
  bool top_is_current = false;  // the heap's top is the event being handled: replace, don't push

 private:
  void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes) override {
    if (destination >= sequence_.size()) [[unlikely]]
      throw CausalityError("event sent to an LP that does not exist");
    const std::uint32_t slot = bytes == 0 ? kNoPayload : pool.store(payload, bytes);
    const QueuedEvent e{at, make_tie(self_, sequence_[self_]++), destination, type, slot};
    if (top_is_current) {
      top_is_current = false;
      heap.replace_top(e);
    } else {
      heap.push(e);
    }
  }
  std::vector<std::uint64_t> sequence_;
};

}  // namespace

RunStats run_sequential(std::span<LogicalProcess* const> lps, const SimulationOptions& options) {
  SequentialContext ctx(options, lps.size());
  ctx.heap.reserve(lps.size() * 2);
  for (LogicalProcess* lp : lps) {
    ctx.set_current(lp->id(), 0);
    lp->start(ctx);
  }
  RunStats stats;
  const auto began = std::chrono::steady_clock::now();
  std::uint64_t committed = 0;
  Time last = 0;
  LogicalProcess* const* const table = lps.data();
  while (!ctx.heap.empty()) {
    const QueuedEvent e = ctx.heap.top();
    prefetch_lp(table[ctx.heap.second().destination]);
    ctx.top_is_current = true;
    ctx.set_current(e.destination, e.time);
    if (e.payload == kNoPayload) {
      table[e.destination]->deliver(e.type, nullptr, ctx);
    } else {
      table[e.destination]->deliver(e.type, ctx.pool.at(e.payload), ctx);
      ctx.pool.release(e.payload);
    }
    if (ctx.top_is_current) ctx.heap.remove_top();
    ++committed;
    last = e.time;
  }
  stats.committed_events = committed;
  stats.last_event_time = last;
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return stats;
}

}  // namespace bstp::engine
