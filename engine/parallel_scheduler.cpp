// The parallel conservative scheduler (windowed, YAWNS-style).
//
// Each worker (thread) runs a set of LPs (partition.hpp). Each window starts at T, the
// earliest pending event anywhere, and ends at T + lookahead: no event sent inside the window can
// land on another LP before the window ends, so each worker commits its window independently.
// Events for another worker's LPs wait in an outbox until the barrier. Every LP sees its events in
// the same (time, source, sequence) order as under the sequential scheduler, so results are
// bit-identical whatever the number of threads.
//
// One barrier per window. The workers are persistent threads (the calling thread is worker 0)
// that run this loop, with k the window index:
//
//   barrier                    all of window k-1 is committed; outboxes[(k-1) % 2] are full
//   T = min of the published   each worker published min(its heap's earliest event, the
//       next-event times         earliest event it sent to another worker) after window k-1
//   if T >= end: stop          (every worker sees the same T, so all stop together)
//   receive                    drain outboxes[(k-1) % 2] addressed to me into my heap
//   commit [T, T + lookahead)  sending to other workers through outboxes[k % 2]
//   publish min(heap, sent)    into published[k % 2]
//
// Outboxes and published times alternate between two buffers, so the writes of window k never
// touch what a slower worker may still be reading from window k-1. An exception in a handler is
// kept, the worker still arrives at the barrier, and every worker stops after it.
//
// Steps: advance(until) clips the windows at `until` (a shorter window is always safe) and stops
// when the next window would start at or after it; the threads are joined, and every event still
// in an outbox is moved into its destination worker's heap, so between steps all pending events
// sit in heaps (where insert() also puts injected events) and the next step starts afresh.
//
// Observer: each worker keeps the events it committed in a log per window parity; after each
// barrier, worker 0 shows the previous window's logs, merged and sorted by (time, tie), while the
// others commit the next window (which writes the other parity). Without an observer the commit
// loop has no observer code (a second instance of the same template).
//
// Balance: with Balance::measured the LPs start in contiguous blocks of ids, and the first
// windows (first_balance) time every handler; then (between two windows, with every pending
// event in a heap, as between steps) the LPs are shared out again by measured time and each
// pending event moves to its LP's new worker, with the LP's send counter. The share-out is
// contiguous blocks cut where the measured time splits evenly, unless interleaving the LPs so
// that each timed window's work splits evenly (partition_by_window_loads) shortens timed windows
// it was not built on by 5 % or more (window_loads_pay; once interleaved, by anything): in a
// model whose LPs work at different moments (queues on the hour, planners between), even totals
// can still leave one thread working alone in most windows. Nothing in an event's
// key depends on the worker, so the results do not change; only the balance does. After that,
// one window in kSampleEvery is timed and the LPs are balanced again at 4, 16, 64... times the
// first balance's window, on the time sampled since the last (a run's start-up, e.g. a model
// planning its first moves, need not look like the rest of it).
//
// The workers are std::threads, not oneTBB tasks: the barrier needs every worker running at
// once, which a task scheduler does not promise (it would deadlock when the kernel is itself run
// inside a TBB parallel loop over replications). The barrier spins briefly, then sleeps in the
// kernel (std::atomic::wait), so an oversubscribed machine degrades gracefully.
#include "event_queue.hpp"
#include "partition.hpp"
#include "schedulers.hpp"

#include <bstp/random.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <numeric>
#include <string>
#include <stdexcept>
#include <thread>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace bstp::engine {
namespace {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// A reusable barrier for a fixed number of threads: spin, then sleep. Arriving releases all the
// arriving thread's writes to the threads leaving the barrier (acquire/release on `generation_`).
class Barrier {
 public:
  // Spinning only pays when every thread has a core of its own; otherwise sleep at once.
  explicit Barrier(std::uint32_t count)
      : count_(count), spin_(count <= std::max(1u, std::thread::hardware_concurrency())) {}

  void arrive_and_wait() {
    const std::uint32_t generation = generation_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == count_) {
      arrived_.store(0, std::memory_order_relaxed);
      generation_.store(generation + 1, std::memory_order_seq_cst);  // seq_cst: pairs with sleepers_
      if (sleepers_.load(std::memory_order_seq_cst) != 0) generation_.notify_all();
      return;
    }
    // Spin for a bounded, adaptive time, then sleep. Waking a sleeping thread costs tens of
    // microseconds (more in a virtual machine) on the critical path of every window; but when the
    // other threads are descheduled (a busy machine), spinning only burns the time slice. So the
    // budget follows the waits: doubled after a wait that spinning caught late, set to twice a
    // short wait that it missed, halved after a long one (another thread was descheduled).
    using Clock = std::chrono::steady_clock;
    const Clock::time_point began = spin_ ? Clock::now() : Clock::time_point{};
    const int budget = spin_us_.load(std::memory_order_relaxed);
    if (spin_) {
      const auto half = began + std::chrono::microseconds(budget / 2);
      const auto deadline = began + std::chrono::microseconds(budget);
      bool late = false;
      for (unsigned spin = 1;; ++spin) {
        if (generation_.load(std::memory_order_acquire) != generation) {
          if (late) spin_us_.store(std::min(2 * budget, kMaxSpinMicroseconds), std::memory_order_relaxed);
          return;
        }
        cpu_relax();
        if (spin % 32 == 0) {
          const auto now = Clock::now();
          if (now > deadline) break;
          late = now > half;
        }
      }
    }
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    while (generation_.load(std::memory_order_seq_cst) == generation) generation_.wait(generation, std::memory_order_seq_cst);
    sleepers_.fetch_sub(1, std::memory_order_relaxed);
    if (spin_) {
      const auto waited = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - began).count();
      const int next = waited < kMaxSpinMicroseconds ? static_cast<int>(2 * waited) : budget / 2;
      spin_us_.store(std::clamp(next, kMinSpinMicroseconds, kMaxSpinMicroseconds), std::memory_order_relaxed);
    }
  }

 private:
  static constexpr int kMinSpinMicroseconds = 4, kMaxSpinMicroseconds = 256;
  alignas(64) std::atomic<int> spin_us_{32};  // shared by the waiters; only a heuristic
  alignas(64) std::atomic<std::uint32_t> arrived_{0};
  alignas(64) std::atomic<std::uint32_t> generation_{0};
  alignas(64) std::atomic<std::uint32_t> sleepers_{0};
  const std::uint32_t count_;
  const bool spin_;
};

struct Outbox {
  std::vector<QueuedEvent> events;  // payload field indexes `payloads`
  std::vector<PayloadPool::Slot> payloads;
};

// The window before which the LPs are first shared out by measured time (Balance::measured): 256,
// or a 32nd of the windows the horizon holds when that is fewer (at least 8), so that timing every
// handler costs little of a short run.
std::uint64_t first_balance(const SimulationOptions& options) {
  constexpr std::uint64_t kMost = 256, kLeast = 8;
  if (options.end_time == kNever || options.lookahead <= 0) return kMost;
  const auto windows = static_cast<std::uint64_t>(options.end_time / options.lookahead);
  return std::clamp<std::uint64_t>(windows / 32, kLeast, kMost);
}
using Clock = std::chrono::steady_clock;

class Worker final : public Context {
 public:
  Worker(const SimulationOptions& options, std::uint32_t index, const Partition& partition)
      : Context(options.lookahead, options.end_time),
        index_(index),
        owner_(partition.owner.data()),
        local_(partition.local.data()),
        lp_count_(partition.owner.size()),
        sequence_(partition.members[index].size(), 0) {
    for (auto& parity : outbox) parity.resize(partition.workers());
  }

  // The send counter of LP `lp`, one of this worker's.
  std::uint64_t sequence_of(LpId lp) const { return sequence_[local_[lp]]; }
  // Takes the LPs `partition` gives this worker, with their send counters (`sequences`, by LP id).
  void adopt(const Partition& partition, std::span<const std::uint64_t> sequences) {
    owner_ = partition.owner.data();
    local_ = partition.local.data();
    sequence_.clear();
    for (const LpId lp : partition.members[index_]) sequence_.push_back(sequences[lp]);
  }

  void set_current(LpId lp, Time now) {
    self_ = lp;
    now_ = now;
  }

  // Moves every event other workers addressed to this one in window parity `parity` into the heap.
  void receive(std::vector<Worker>& workers, unsigned parity) {
    for (Worker& sender : workers) {
      Outbox& box = sender.outbox[parity][index_];
      if (box.events.empty()) continue;
      for (QueuedEvent e : box.events) {
        if (e.payload != kNoPayload) e.payload = pool.store(box.payloads[e.payload].bytes, e.bytes);
        heap.push(e);
      }
      box.events.clear();
      box.payloads.clear();
    }
  }

  // Commits every local event before `window_end`, sending other workers' events to outbox[parity]
  // and, when Observed, logging them in log[parity].
  template <bool Observed, bool Measured>
  void commit_until(Time window_end, std::span<LogicalProcess* const> lps, unsigned parity) {
    parity_ = parity;
    sent_min_ = kNever;
    LogicalProcess* const* const table = lps.data();
    std::uint64_t count = 0;
    Time last = last_time;
    // Measured: one clock read per event; an event's time runs from the end of the one before (its
    // heap work included) to the end of its handler.
    [[maybe_unused]] Clock::time_point mark;
    if constexpr (Measured) mark = Clock::now();
    while (!heap.empty() && heap.top().time < window_end) {
      const QueuedEvent e = heap.top();
      prefetch_lp(table[heap.second().destination]);
      top_is_current_ = true;
      set_current(e.destination, e.time);
      if (e.payload == kNoPayload) {
        table[e.destination]->deliver(e.type, nullptr, *this);
        if constexpr (Observed) record(log[parity], e, nullptr);
      } else {
        table[e.destination]->deliver(e.type, pool.at(e.payload), *this);
        if constexpr (Observed) record(log[parity], e, pool.at(e.payload));
        pool.release(e.payload);
      }
      if constexpr (Measured) {
        const Clock::time_point now = Clock::now();
        const auto spent = static_cast<double>((now - mark).count());
        mark = now;
        double& lp_spent = window_lp_nanoseconds[e.destination];
        if (lp_spent == 0.0) touched.push_back(e.destination);
        lp_spent += spent;
        window_nanoseconds[parity] += spent;
      }
      if (top_is_current_) heap.remove_top();
      ++count;
      last = e.time;
    }
    top_is_current_ = false;
    committed += count;
    last_time = last;
  }

  // Ends timed window `window`: adds each LP's handler time in it to the LP's total and, when
  // `profiled`, to the profile of windows.
  void close_timed_window(std::uint64_t window, bool profiled) {
    profiled_windows += profiled ? 1 : 0;
    for (const LpId lp : touched) {
      double& spent = window_lp_nanoseconds[lp];
      if (spent == 0.0) continue;  // listed twice (a first handler timed at 0 ns)
      lp_nanoseconds[lp] += spent;
      if (profiled) profile.push_back({window, lp, static_cast<float>(spent)});
      spent = 0.0;
    }
    touched.clear();
  }

  // The earliest event this worker knows of: in its heap or sent to another worker this window.
  Time next_known() const { return std::min(heap.next_time(), sent_min_); }
  void begin_sends(unsigned parity) {
    parity_ = parity;
    sent_min_ = kNever;
  }

  EventHeap heap;
  PayloadPool pool;
  std::uint64_t committed = 0;
  Time last_time = 0;
  std::uint64_t windows = 0;
  std::vector<Outbox> outbox[2];  // [parity][destination worker]
  std::vector<ObservedEvent> log[2];  // [parity] events committed in the last window of that parity
  std::vector<double> lp_nanoseconds;  // handler time of each LP (of this worker's), while measuring
  std::vector<double> window_lp_nanoseconds;  // the same, in the timed window under way
  std::vector<LpId> touched;                  // the LPs timed in the window under way
  std::vector<WindowLoad> profile;            // LPs' times in the profiled windows since the last balance
  std::uint64_t profiled_windows = 0;         // how many windows it profiled since then (every worker alike)
  double window_nanoseconds[2] = {0.0, 0.0};  // [parity] handler time in the last timed window of that parity
  alignas(64) Time published[2] = {kNever, kNever};  // next_known() after the last window of each parity

 private:
  void post(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
            std::uint64_t tie) override {
    if (destination >= lp_count_) [[unlikely]]
      throw CausalityError("event sent to an LP that does not exist");
    if (tie == detail::kOwnSequence) tie = make_tie(self_, sequence_[local_[self_]]++);
    QueuedEvent e{at, tie, destination, type, kNoPayload, static_cast<std::uint32_t>(bytes)};
    const std::uint32_t target = owner_[destination];
    if (target == index_) {
      if (bytes != 0) e.payload = pool.store(payload, bytes);
      if (top_is_current_) {
        top_is_current_ = false;
        heap.replace_top(e);
      } else {
        heap.push(e);
      }
      return;
    }
    Outbox& box = outbox[parity_][target];
    if (bytes != 0) {
      e.payload = static_cast<std::uint32_t>(box.payloads.size());
      box.payloads.emplace_back();
      std::memcpy(box.payloads.back().bytes, payload, bytes);
    }
    box.events.push_back(e);
    sent_min_ = std::min(sent_min_, at);
  }

  std::uint32_t index_;
  const std::uint32_t* owner_;  // worker of each LP
  const std::uint32_t* local_;  // index of each LP among its worker's
  std::size_t lp_count_;
  std::vector<std::uint64_t> sequence_;  // send counters of this worker's LPs, by local index
  unsigned parity_ = 1;
  Time sent_min_ = kNever;
  bool top_is_current_ = false;
};

Partition initial_partition(const SimulationOptions& options, std::size_t lp_count, std::uint32_t workers) {
  if (options.balance != Balance::weights) return partition_in_blocks(lp_count, workers);
  if (options.lp_weights.size() != lp_count)
    throw std::invalid_argument("lp_weights must hold one weight per LP (" + std::to_string(lp_count) + " LPs, " +
                                std::to_string(options.lp_weights.size()) + " weights)");
  return partition_by_weight(options.lp_weights, workers);
}

class ParallelScheduler final : public Scheduler {
 public:
  ParallelScheduler(std::span<LogicalProcess* const> lps, const SimulationOptions& options)
      : lps_(lps.begin(), lps.end()),
        options_(options),
        workers_(static_cast<std::uint32_t>(
            std::max<std::size_t>(1, std::min<std::size_t>(options.threads, lps.size())))),
        partition_(initial_partition(options, lps.size(), workers_)),
        measuring_(options.balance == Balance::measured && workers_ > 1),
        first_balance_(first_balance(options)),
        next_balance_(first_balance_),
        profile_windows_(profile_windows(lps.size())),
        profiling_(measuring_ && profile_windows_ > 0 && std::min(first_balance_, profile_windows_) >= kLeastProfiledWindows) {
    if (options.lookahead <= 0)
      throw std::invalid_argument("the parallel scheduler needs a positive lookahead (use 1 thread otherwise)");
    pool_.reserve(workers_);
    for (std::uint32_t w = 0; w < workers_; ++w) pool_.emplace_back(options, w, partition_);
    if (measuring_) {
      measured_.assign(lps_.size(), 0.0);
      for (Worker& w : pool_) {
        w.lp_nanoseconds.assign(lps_.size(), 0.0);
        w.window_lp_nanoseconds.assign(lps_.size(), 0.0);
      }
    }
    // Start every LP in id order on the calling thread; cross-worker events go to outboxes of
    // parity 1 and are then moved into their heaps.
    for (Worker& w : pool_) w.begin_sends(1);
    for (LogicalProcess* lp : lps_) {
      Worker& owner = pool_[partition_.owner[lp->id()]];
      owner.set_current(lp->id(), 0);
      lp->start(owner);
    }
    settle();
  }

  void advance(Time until, const Simulation::Observer& observer) override {
    if (!measuring_) {
      constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};
      observer ? run_windows<true>(until, observer, kUnlimited) : run_windows<false>(until, observer, kUnlimited);
      return;
    }
    for (;;) {
      const std::uint64_t left = next_balance_ - windows_;
      const std::uint64_t ran = observer ? run_windows<true>(until, observer, left) : run_windows<false>(until, observer, left);
      if (ran < left) return;  // the step (or the run) ended first: measure on in the next step
      balance_by_measured_time();
      // The next balance comes after 3 times as many windows as ran so far; its profile keeps about
      // profile_windows_ of the windows timed until then.
      const std::uint64_t timed_next = 3 * next_balance_ / kSampleEvery;  // about, in the next interval
      if (profile_windows_ > 0) profile_every_ = std::max<std::uint64_t>(1, timed_next / profile_windows_);
      profiling_ = profile_windows_ > 0 && timed_next / profile_every_ >= kLeastProfiledWindows;
      next_balance_ *= 4;
    }
  }

  void insert(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
              std::uint64_t tie) override {
    Worker& owner = pool_[partition_.owner[destination]];
    const std::uint32_t slot = bytes == 0 ? kNoPayload : owner.pool.store(payload, bytes);
    owner.heap.push(QueuedEvent{at, tie, destination, type, slot, static_cast<std::uint32_t>(bytes)});
  }

  Time next_time() const override {
    Time t = kNever;
    for (const Worker& w : pool_) t = std::min(t, w.heap.next_time());
    return t;
  }

  RunStats stats() const override {
    RunStats stats;
    stats.windows = windows_;
    stats.wall_seconds = wall_seconds_;
    for (const Worker& w : pool_) {
      stats.committed_events += w.committed;
      stats.last_event_time = std::max(stats.last_event_time, w.last_time);
    }
    stats.busiest_thread_share = busiest_share_;
    stats.window_speedup_bound = busiest_in_windows_ > 0.0 ? all_in_windows_ / busiest_in_windows_ : 0.0;
    stats.interleaved_lps = interleaved_;
    return stats;
  }

 private:
  // Moves every event left in an outbox into its destination's heap (between steps).
  void settle() {
    for (Worker& w : pool_) {
      w.receive(pool_, 0);
      w.receive(pool_, 1);
    }
    for (Worker& w : pool_) w.begin_sends(1);
  }

  // Shares the LPs out by the handler time measured so far and moves every pending event (all in
  // heaps, between windows) and every LP's send counter to its new worker.
  void balance_by_measured_time() {
    for (Worker& w : pool_) {
      for (std::size_t lp = 0; lp < lps_.size(); ++lp) measured_[lp] += w.lp_nanoseconds[lp];
      std::fill(w.lp_nanoseconds.begin(), w.lp_nanoseconds.end(), 0.0);
      profile_.insert(profile_.end(), w.profile.begin(), w.profile.end());
      w.profile.clear();
    }
    profiled_windows_ += pool_[0].profiled_windows;  // every worker profiles the same windows
    for (Worker& w : pool_) w.profiled_windows = 0;
    const std::vector<double> nanoseconds = std::exchange(measured_, std::vector<double>(lps_.size(), 0.0));
    const bool was_interleaved = interleaved_;
    Partition next = partition_by_weight(nanoseconds, workers_);
    if (profiled_windows_ >= kLeastProfiledWindows) {
      // To start interleaving, it must shorten windows it did not see clearly (blocks keep
      // neighbouring LPs, which usually talk most, on one thread and in its cache); once started,
      // it goes on unless the blocks would do at least as well, so a noisy sample does not flap.
      const double gain = interleaved_ ? 1.0 : 0.95;
      interleaved_ = window_loads_pay(next, profile_, nanoseconds, workers_, gain);
      if (interleaved_) next = partition_by_window_loads(profile_, nanoseconds, workers_);
      profile_.clear();
      profiled_windows_ = 0;
    } else if (interleaved_) {
      // Too few windows to judge whether interleaving still pays: the LPs stay where they are, and
      // the next balance sees these windows too.
      measured_ = nanoseconds;
      return;
    } else {
      profile_.clear();
      profiled_windows_ = 0;
    }
    const auto busiest_load = [&](const Partition& p) {
      std::vector<double> load(workers_, 0.0);
      for (std::size_t lp = 0; lp < lps_.size(); ++lp) load[p.owner[lp]] += nanoseconds[lp];
      return *std::max_element(load.begin(), load.end());
    };
    const double total = std::accumulate(nanoseconds.begin(), nanoseconds.end(), 0.0);
    const double busiest = busiest_load(next);
    busiest_share_ = total > 0.0 ? busiest / total : 0.0;
    // Moving LPs costs a pass over every pending event (about 2 % of PHOLD W2): blocks that stay
    // blocks move only when the new cut lightens the busiest worker by 2 % or more.
    if (!was_interleaved && !interleaved_) {
      constexpr double kMoveGain = 1.02;
      const double current = busiest_load(partition_);
      if (current <= kMoveGain * busiest) {
        busiest_share_ = total > 0.0 ? current / total : 0.0;
        return;
      }
    }

    std::vector<std::uint64_t> sequences(lps_.size(), 0);
    for (std::size_t lp = 0; lp < lps_.size(); ++lp)
      sequences[lp] = pool_[partition_.owner[lp]].sequence_of(static_cast<LpId>(lp));
    std::vector<ObservedEvent> pending;  // each pending event with a copy of its payload
    for (Worker& w : pool_) {
      while (!w.heap.empty()) {
        ObservedEvent& moved = pending.emplace_back();
        moved.event = w.heap.pop();
        if (moved.event.payload != kNoPayload) {
          std::memcpy(moved.payload.bytes, w.pool.at(moved.event.payload), moved.event.bytes);
          w.pool.release(moved.event.payload);
        }
      }
    }
    partition_ = std::move(next);
    for (Worker& w : pool_) w.adopt(partition_, sequences);
    for (ObservedEvent& moved : pending) {
      Worker& owner = pool_[partition_.owner[moved.event.destination]];
      if (moved.event.payload != kNoPayload) moved.event.payload = owner.pool.store(moved.payload.bytes, moved.event.bytes);
      owner.heap.push(moved.event);
    }
  }

  // Adds the handler times of the last window of `parity` (every worker has finished it, none
  // writes them before the next barrier) to the window bound's sums when `counted`, and clears them.
  void add_window_times(unsigned parity, bool counted) {
    double all = 0.0, busiest = 0.0;
    for (Worker& w : pool_) {
      all += w.window_nanoseconds[parity];
      busiest = std::max(busiest, w.window_nanoseconds[parity]);
      w.window_nanoseconds[parity] = 0.0;
    }
    if (!counted) return;
    all_in_windows_ += all;
    busiest_in_windows_ += busiest;
  }

  // Windows timed under Balance::measured: all before the first balance, then one in kSampleEvery,
  // picked by a hash of the window's index (every worker picks the same), not every kSampleEvery-th:
  // a model whose work comes in a period (a queue on the hour) would show only one phase of it.
  static constexpr std::uint64_t kSampleEvery = 32;  // 8 cost PHOLD W2 about 8 % (then two clock reads per event timed)
  bool timed(std::uint64_t window) const {
    return measuring_ && (window < first_balance_ || mix64(window) % kSampleEvery == 0);
  }
  // Timed windows whose LP times go into the profile: all before the first balance, then one in
  // profile_every_ of the timed windows (by other bits of the same hash), so that a profile holds
  // about profile_windows_ windows: 512, or fewer when the LPs are so many that the profile's
  // entries (an LP in a window) could pass kProfileEntries; none when that leaves too few windows
  // to choose between blocks and interleaving (a million PHOLD LPs, say).
  static constexpr std::uint64_t kProfileWindows = 512, kProfileEntries = std::uint64_t{1} << 20;
  static std::uint64_t profile_windows(std::size_t lps) {
    const std::uint64_t windows = std::min<std::uint64_t>(kProfileWindows, kProfileEntries / std::max<std::size_t>(lps, 1));
    return windows >= kLeastProfiledWindows ? windows : 0;
  }
  // An interval between balances that would profile fewer than kLeastProfiledWindows windows
  // profiles none (profiling_ false): too few to decide on, and not free (PHOLD W2's 16384 LPs in
  // its first 8 windows cost it 15 %).
  bool profiled(std::uint64_t window) const {
    if (!profiling_) return false;
    if (window < first_balance_) return window < profile_windows_;
    return (mix64(window) / kSampleEvery) % profile_every_ == 0;
  }

  // Runs windows until `until` or until `max_windows` windows have run; returns how many ran.
  template <bool Observed>
  std::uint64_t run_windows(Time until, const Simulation::Observer& observer, std::uint64_t max_windows) {
    for (Worker& w : pool_) w.published[1] = w.next_known();
    const std::uint32_t workers = workers_;
    Barrier barrier(workers);
    // Window in which a handler threw; checked only for earlier windows, so that every worker
    // takes the same decision after a barrier while others may be failing in the current window.
    std::atomic<std::uint64_t> failed_in{~std::uint64_t{0}};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const Time stop = std::min(until, options_.end_time), lookahead = options_.lookahead;
    std::vector<ObservedEvent> merged;

    auto work = [&](std::uint32_t index) {
      Worker& self = pool_[index];
      for (std::uint64_t k = 0;; ++k) {
        barrier.arrive_and_wait();
        if (failed_in.load(std::memory_order_relaxed) < k) return;
        const unsigned previous = static_cast<unsigned>((k + 1) & 1), current = static_cast<unsigned>(k & 1);
        try {
          if constexpr (Observed) {
            if (index == 0) {  // window k - 1 is committed everywhere; nobody writes these logs now
              for (Worker& w : pool_) {
                merged.insert(merged.end(), w.log[previous].begin(), w.log[previous].end());
                w.log[previous].clear();
              }
              show(merged, observer);
            }
          }
          // Window k - 1's, as the logs; counted in the bound from the first balance on (the
          // windows before it, all timed, would outweigh the sampled ones that follow).
          if (index == 0 && measuring_) add_window_times(previous, self.windows > first_balance_);
          if (k >= max_windows) return;  // every worker stops at the same k
          Time start = kNever;
          for (const Worker& w : pool_) start = std::min(start, w.published[previous]);
          if (start == kNever || start >= stop) return;
          const Time window_end = start > stop - lookahead ? stop : start + lookahead;
          self.receive(pool_, previous);
          if (timed(self.windows)) {
            self.commit_until<Observed, true>(window_end, lps_, current);
            self.close_timed_window(self.windows, profiled(self.windows));
          } else {
            self.commit_until<Observed, false>(window_end, lps_, current);
          }
          ++self.windows;
          self.published[current] = self.next_known();
        } catch (...) {
          const std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
          failed_in.store(k, std::memory_order_relaxed);
        }
      }
    };

    const std::uint64_t windows_before = pool_[0].windows;
    const auto began = std::chrono::steady_clock::now();
    {
      // The helpers wait at a gate until all of them exist, so that a failure to create one
      // (resource limits) cannot leave the others waiting at the barrier forever.
      enum : int { kWait, kGo, kAbort };
      std::atomic<int> gate{kWait};
      auto helper = [&](std::uint32_t index) {
        gate.wait(kWait);
        if (gate.load() == kGo) work(index);
      };
      std::vector<std::jthread> threads;
      threads.reserve(workers - 1);
      try {
        for (std::uint32_t w = 1; w < workers; ++w) threads.emplace_back(helper, w);
      } catch (...) {
        gate.store(kAbort);
        gate.notify_all();
        throw;  // the jthreads are joined while unwinding
      }
      gate.store(kGo);
      gate.notify_all();
      work(0);
    }  // joins
    wall_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    windows_ = pool_[0].windows;
    if (failure) std::rethrow_exception(failure);
    settle();
    return windows_ - windows_before;
  }

  std::vector<LogicalProcess*> lps_;
  SimulationOptions options_;
  std::uint32_t workers_;
  Partition partition_;
  bool measuring_;  // Balance::measured (on more than one worker)
  std::uint64_t first_balance_;  // window of the first balance by measured time
  std::uint64_t next_balance_;   // window of the next one
  std::uint64_t profile_windows_;    // profile_windows(): the windows a profile holds at most
  bool profiling_;                   // profiled() windows in the interval under way
  std::uint64_t profile_every_ = 1;  // profiled(): one timed window in this many after the first balance
  double busiest_share_ = 0.0;
  bool interleaved_ = false;  // the last balance chose partition_by_window_loads
  // Balance::measured: the LPs' handler times and the profile of windows, since the last balance.
  std::vector<double> measured_;
  std::vector<WindowLoad> profile_;
  std::uint64_t profiled_windows_ = 0;  // windows profile_ covers
  static constexpr std::size_t kLeastProfiledWindows = 16;  // to choose between blocks and interleaving
  double all_in_windows_ = 0.0, busiest_in_windows_ = 0.0;  // sums over the timed windows (window_speedup_bound)
  std::vector<Worker> pool_;
  std::uint64_t windows_ = 0;
  double wall_seconds_ = 0.0;
};

}  // namespace

std::unique_ptr<Scheduler> make_parallel(std::span<LogicalProcess* const> lps, const SimulationOptions& options) {
  return std::make_unique<ParallelScheduler>(lps, options);
}

}  // namespace bstp::engine
