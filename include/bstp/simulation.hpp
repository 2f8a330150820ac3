// One simulation: a set of logical processes, a horizon and a scheduler. The same LPs, seed and
// options give bit-identical results with the sequential scheduler (threads = 1) and the parallel
// conservative one (threads > 1), whatever the number of threads.
//
// A simulation may be run in one go (run) or in steps (run_until, then run_until again or run),
// with events injected from outside between the steps (inject) and every committed event shown to
// an observer (set_observer); stepping gives the same results as one run. See docs/kernel.md.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/time.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bstp {

namespace engine {
class Scheduler;
}  // namespace engine

// How the parallel scheduler shares the LPs among its threads. Results are the same with any
// choice (events are ordered by (time, source, sequence), never by thread); only speed changes.
enum class Balance : std::uint8_t {
  measured,  // contiguous blocks of LP ids for the first windows, each LP's handlers timed; then
             // blocks cut again where the measured time splits evenly, or the LPs interleaved so
             // that each timed window's time splits evenly, when that is clearly faster
  blocks,    // contiguous blocks of equally many LP ids throughout
  weights,   // blocks cut where SimulationOptions::lp_weights (one per LP) split evenly
};

struct SimulationOptions {
  Time end_time = kNever;  // events at or past this time are never created
  Time lookahead = 0;      // minimum delay of an event between two different LPs
  unsigned threads = 1;    // 1: sequential scheduler; more: parallel conservative scheduler
  Balance balance = Balance::measured;
  std::vector<double> lp_weights{};  // Balance::weights: one non-negative weight per LP
};

struct RunStats {
  std::uint64_t committed_events = 0;
  Time last_event_time = 0;
  std::uint64_t windows = 0;  // synchronisation windows (parallel scheduler only)
  double wall_seconds = 0.0;
  // Parallel scheduler once it has balanced by measured time: the busiest thread's share of the
  // measured handler time. The speed-up over one thread is at most 1 / this (0 before then).
  double busiest_thread_share = 0.0;
  // Parallel scheduler with Balance::measured, over the windows it timed after its first balance:
  // the handler time of all threads over the sum of each window's busiest thread. Threads work
  // side by side only within a window, so the speed-up over one thread is at most this, however
  // the totals balance (0 when nothing was timed).
  double window_speedup_bound = 0.0;
  // Parallel scheduler with Balance::measured: its last balance interleaved the LPs so that each
  // timed window's work splits evenly (rather than cutting contiguous blocks of LP ids).
  bool interleaved_lps = false;
};

// One committed event, as an observer sees it (after its handler ran). The payload view is valid
// only during the observer call.
struct CommittedEvent {
  Time time = 0;
  LpId lp = 0;  // the LP that handled it
  EventType type = 0;
  std::uint64_t order = 0;             // its tie-break key: (source, source's sequence number)
  std::span<const std::byte> payload;  // empty for events without data

  std::string_view type_name() const { return event_type_name(type); }
  // The payload as an E, or nullptr when the event is not an E.
  template <Payload E>
  const E* as() const {
    if (type != event_type_id<E>()) return nullptr;
    if constexpr (std::is_empty_v<E>) {
      static const E empty{};
      return &empty;
    } else {
      return reinterpret_cast<const E*>(payload.data());
    }
  }
};

class Simulation {
 public:
  // Called once per committed event, in (time, source, sequence) order; see set_observer.
  using Observer = std::function<void(const CommittedEvent&)>;

  explicit Simulation(SimulationOptions options);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Adds an LP; ids are given in order of addition, starting at 0. Only before the simulation
  // starts (the first run, run_until, inject or next_event_time).
  LpId add(std::unique_ptr<LogicalProcess> lp);
  template <class T, class... Args>
  T& emplace(Args&&... args) {
    auto lp = std::make_unique<T>(std::forward<Args>(args)...);
    T& ref = *lp;
    add(std::move(lp));
    return ref;
  }

  std::size_t lp_count() const { return lps_.size(); }
  LogicalProcess& lp(LpId id) { return *lps_.at(id); }
  const LogicalProcess& lp(LpId id) const { return *lps_.at(id); }
  const SimulationOptions& options() const { return options_; }

  // Runs until no event before the end time remains (starting every LP first, in id order, if
  // that has not happened yet). Throws std::invalid_argument for unusable options and
  // CausalityError for lookahead violations. Returns the statistics of the whole simulation so far.
  RunStats run() { return run_until(options_.end_time); }

  // Commits every event before `until` (clipped to the end time) and stops: now() becomes
  // `until`, and events at `until` itself are still pending. run_until may be called again with a
  // later time, or run() to finish; the results are the same as those of one run(). A time before
  // now() is a std::invalid_argument.
  RunStats run_until(Time until);

  // The simulation clock between steps: every event before now() is committed, none at or after.
  Time now() const { return now_; }
  // The time of the earliest pending event, kNever when there is none (starts the LPs if needed).
  Time next_event_time();

  // Delivers `event` to LP `destination` at time `at`, from outside the model, between steps. The
  // event is ordered like any other, by (time, source, sequence): its source is the simulation's
  // injector, which comes after every LP and entity, and its sequence counts the injections, so
  // injected events at one time are handled after the model's own and in the order injected.
  // `at` before now() throws CausalityError; at or past the end time the event is dropped, as a
  // sent one would be.
  template <Payload E>
  void inject(LpId destination, Time at, const E& event) {
    inject_from(injector_, destination, at, event);
  }
  // As inject, in the name of `source`: ordered exactly as if `source` had sent it from an LP
  // (Context::send_from) to arrive at `at`.
  template <Payload E>
  void inject_from(Entity& source, LpId destination, Time at, const E& event) {
    if (!admit(destination, at)) return;
    insert(destination, at, event_type_id<E>(), std::is_empty_v<E> ? nullptr : &event,
           std::is_empty_v<E> ? 0 : sizeof(E), source.next_tie());
  }

  // Shows every committed event to `observer` (an empty function turns it off, which is the
  // default and costs nothing). Both schedulers call it on the calling thread, in (time, source,
  // sequence) order, after the events' handlers ran: the sequential scheduler when the clock moves
  // past their time, the parallel one after each window; by the return of run_until every event
  // committed so far has been shown. The sequence of calls is the same for any number of threads.
  // May be changed between steps.
  void set_observer(Observer observer);

 private:
  engine::Scheduler& scheduler();
  bool admit(LpId destination, Time at);
  void insert(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes, std::uint64_t tie);

  SimulationOptions options_;
  std::vector<std::unique_ptr<LogicalProcess>> lps_;
  std::unique_ptr<engine::Scheduler> scheduler_;  // created when the simulation starts
  Observer observer_;
  Entity injector_{Entity::Injector{}};
  Time now_ = 0;
  bool failed_ = false;  // a handler or the observer threw: the state is not consistent any more
};

}  // namespace bstp
