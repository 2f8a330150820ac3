// The sequential scheduler: one heap, events committed in (time, source, sequence) order.
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

 private:
  void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes) override {
    if (destination >= sequence_.size()) throw CausalityError("event sent to an LP that does not exist");
    const std::uint32_t slot = bytes == 0 ? kNoPayload : pool.store(payload, bytes);
    heap.push(QueuedEvent{at, make_tie(self_, sequence_[self_]++), destination, type, slot});
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
  PayloadPool::Slot payload;
  while (!ctx.heap.empty()) {
    const QueuedEvent e = ctx.heap.pop();
    const void* data = nullptr;
    if (e.payload != kNoPayload) {
      ctx.pool.take(e.payload, payload);
      data = payload.data();
    }
    ctx.set_current(e.destination, e.time);
    lps[e.destination]->deliver(e.type, data, ctx);
    ++stats.committed_events;
    stats.last_event_time = e.time;
  }
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return stats;
}

}  // namespace bstp::engine
