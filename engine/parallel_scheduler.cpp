// The parallel conservative scheduler (windowed, YAWNS-style) on oneTBB.
//
// LPs are split into contiguous blocks, one block per worker. Each window starts at T, the
// earliest pending event anywhere, and ends at T + lookahead: no event sent inside the window can
// land on another LP before the window ends, so each worker commits its window independently.
// Events for another worker's LPs wait in an outbox until the barrier. Every LP sees its events in
// the same (time, source, sequence) order as under the sequential scheduler, so results are
// bit-identical whatever the number of threads.
#include "event_queue.hpp"
#include "schedulers.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

namespace bstp::engine {
namespace {

struct Outbox {
  std::vector<QueuedEvent> events;  // payload field indexes `payloads`
  std::vector<PayloadPool::Slot> payloads;
};

struct Partition {
  std::vector<std::uint32_t> owner;      // worker of each LP
  std::vector<std::uint64_t> sequence;   // per-LP send counter, touched only by its owner
};

class Worker final : public Context {
 public:
  Worker(const SimulationOptions& options, std::uint32_t index, std::uint32_t workers, Partition& partition)
      : Context(options.lookahead, options.end_time), index_(index), partition_(partition), outbox(workers) {}

  void set_current(LpId lp, Time now) {
    self_ = lp;
    now_ = now;
  }

  // Moves every event other workers addressed to this one into the local heap.
  void receive(std::vector<Worker>& workers) {
    for (Worker& sender : workers) {
      Outbox& box = sender.outbox[index_];
      for (QueuedEvent e : box.events) {
        if (e.payload != kNoPayload) e.payload = pool.store(box.payloads[e.payload].data(), kMaxPayloadBytes);
        heap.push(e);
      }
      box.events.clear();
      box.payloads.clear();
    }
  }

  Time next_time() const { return heap.empty() ? kNever : heap.top().time; }

  void commit_until(Time window_end, std::span<LogicalProcess* const> lps) {
    PayloadPool::Slot payload;
    while (!heap.empty() && heap.top().time < window_end) {
      const QueuedEvent e = heap.pop();
      const void* data = nullptr;
      if (e.payload != kNoPayload) {
        pool.take(e.payload, payload);
        data = payload.data();
      }
      set_current(e.destination, e.time);
      lps[e.destination]->deliver(e.type, data, *this);
      ++committed;
      last_time = std::max(last_time, e.time);
    }
  }

  EventHeap heap;
  PayloadPool pool;
  std::uint64_t committed = 0;
  Time last_time = 0;

 private:
  void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes) override {
    if (destination >= partition_.owner.size()) throw CausalityError("event sent to an LP that does not exist");
    QueuedEvent e{at, make_tie(self_, partition_.sequence[self_]++), destination, type, kNoPayload};
    const std::uint32_t target = partition_.owner[destination];
    if (target == index_) {
      if (bytes != 0) e.payload = pool.store(payload, bytes);
      heap.push(e);
      return;
    }
    Outbox& box = outbox[target];
    if (bytes != 0) {
      e.payload = static_cast<std::uint32_t>(box.payloads.size());
      box.payloads.emplace_back();
      std::memcpy(box.payloads.back().data(), payload, bytes);
    }
    box.events.push_back(e);
  }

  std::uint32_t index_;
  Partition& partition_;

 public:
  std::vector<Outbox> outbox;  // one per destination worker
};

template <class Body>
void for_each_worker(tbb::task_arena& arena, std::size_t workers, const Body& body) {
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, workers, 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t w = r.begin(); w != r.end(); ++w) body(w);
        },
        tbb::static_partitioner());
  });
}

}  // namespace

RunStats run_parallel(std::span<LogicalProcess* const> lps, const SimulationOptions& options) {
  if (options.lookahead <= 0)
    throw std::invalid_argument("the parallel scheduler needs a positive lookahead (use 1 thread otherwise)");
  const auto workers = static_cast<std::uint32_t>(
      std::max<std::size_t>(1, std::min<std::size_t>(options.threads, lps.size())));
  Partition partition;
  partition.owner.resize(lps.size());
  partition.sequence.assign(lps.size(), 0);
  for (std::size_t i = 0; i < lps.size(); ++i)
    partition.owner[i] = static_cast<std::uint32_t>(i * workers / lps.size());

  std::vector<Worker> pool;
  pool.reserve(workers);
  for (std::uint32_t w = 0; w < workers; ++w) pool.emplace_back(options, w, workers, partition);
  for (LogicalProcess* lp : lps) {
    Worker& owner = pool[partition.owner[lp->id()]];
    owner.set_current(lp->id(), 0);
    lp->start(owner);
  }

  tbb::task_arena arena(static_cast<int>(workers));
  std::vector<Time> next(workers, kNever);
  RunStats stats;
  const auto began = std::chrono::steady_clock::now();
  for (;;) {
    for_each_worker(arena, workers, [&](std::size_t w) {
      pool[w].receive(pool);
      next[w] = pool[w].next_time();
    });
    const Time start = *std::min_element(next.begin(), next.end());
    if (start == kNever || start >= options.end_time) break;
    const Time window_end = start > kNever - options.lookahead ? kNever : start + options.lookahead;
    for_each_worker(arena, workers, [&](std::size_t w) { pool[w].commit_until(window_end, lps); });
    ++stats.windows;
  }
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  for (const Worker& w : pool) {
    stats.committed_events += w.committed;
    stats.last_event_time = std::max(stats.last_event_time, w.last_time);
  }
  return stats;
}

}  // namespace bstp::engine
