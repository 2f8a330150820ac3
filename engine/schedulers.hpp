// The two schedulers behind bstp::Simulation. Internal to the engine.
//
// A scheduler is created when the simulation starts (it starts every LP in id order) and keeps
// its pending events between steps: advance(until) commits every event before `until`, insert()
// adds an event from outside between steps.
#pragma once

#include "event_queue.hpp"

#include <bstp/logical_process.hpp>
#include <bstp/simulation.hpp>

#include <algorithm>
#include <memory>
#include <span>
#include <vector>

namespace bstp::engine {

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  // Commits every event before `until`, showing each to `observer` when it is not empty.
  virtual void advance(Time until, const Simulation::Observer& observer) = 0;
  virtual void insert(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
                      std::uint64_t tie) = 0;
  virtual Time next_time() const = 0;
  virtual RunStats stats() const = 0;
};

std::unique_ptr<Scheduler> make_sequential(std::span<LogicalProcess* const> lps, const SimulationOptions& options);
std::unique_ptr<Scheduler> make_parallel(std::span<LogicalProcess* const> lps, const SimulationOptions& options);

// A committed event kept for the observer, with a copy of its payload.
struct ObservedEvent {
  QueuedEvent event;
  PayloadPool::Slot payload;
};

inline void record(std::vector<ObservedEvent>& log, const QueuedEvent& e, const unsigned char* payload) {
  ObservedEvent& o = log.emplace_back();
  o.event = e;
  if (payload != nullptr) std::memcpy(o.payload.bytes, payload, e.bytes);
}

// Shows `log` to the observer in (time, tie) order and empties it.
inline void show(std::vector<ObservedEvent>& log, const Simulation::Observer& observer) {
  std::sort(log.begin(), log.end(),
            [](const ObservedEvent& a, const ObservedEvent& b) { return earlier(a.event, b.event); });
  for (const ObservedEvent& o : log) {
    const QueuedEvent& e = o.event;
    observer(CommittedEvent{e.time, e.destination, e.type, e.tie,
                            std::span<const std::byte>(reinterpret_cast<const std::byte*>(o.payload.bytes), e.bytes)});
  }
  log.clear();
}

}  // namespace bstp::engine
