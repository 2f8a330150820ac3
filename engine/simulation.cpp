#include <bstp/simulation.hpp>

#include "event_queue.hpp"
#include "schedulers.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace bstp {

Simulation::Simulation(SimulationOptions options) : options_(options) {
  if (options_.threads == 0) throw std::invalid_argument("threads must be at least 1");
  if (options_.lookahead < 0) throw std::invalid_argument("lookahead must not be negative");
  if (options_.end_time <= 0) throw std::invalid_argument("end time must be positive");
  if (options_.threads > 1 && options_.lookahead == 0)
    throw std::invalid_argument("more than one thread needs a positive lookahead");
}

Simulation::~Simulation() = default;

LpId Simulation::add(std::unique_ptr<LogicalProcess> lp) {
  if (!lp) throw std::invalid_argument("null logical process");
  if (scheduler_) throw std::logic_error("logical processes must be added before the simulation starts");
  if (lps_.size() >= kMaxLps) throw std::length_error("too many logical processes");
  lp->id_ = static_cast<LpId>(lps_.size());
  lps_.push_back(std::move(lp));
  return lps_.back()->id_;
}

engine::Scheduler& Simulation::scheduler() {
  if (!scheduler_) {
    std::vector<LogicalProcess*> raw;
    raw.reserve(lps_.size());
    for (auto& lp : lps_) raw.push_back(lp.get());
    scheduler_ = options_.threads <= 1 ? engine::make_sequential(raw, options_) : engine::make_parallel(raw, options_);
  }
  return *scheduler_;
}

RunStats Simulation::run_until(Time until) {
  if (until < now_)
    throw std::invalid_argument(fmt::format("run_until({}) is before the simulation's current time {}", until, now_));
  engine::Scheduler& s = scheduler();
  const Time stop = std::min(until, options_.end_time);
  if (stop > now_) {
    s.advance(stop, observer_);
    now_ = stop;
  }
  return s.stats();
}

Time Simulation::next_event_time() { return scheduler().next_time(); }

void Simulation::set_observer(Observer observer) { observer_ = std::move(observer); }

bool Simulation::admit(LpId destination, Time at) {
  if (destination >= lps_.size())
    throw std::invalid_argument(
        fmt::format("injected event for LP {}, but there are {} LPs", destination, lps_.size()));
  if (at < now_)
    throw CausalityError(fmt::format("event injected for LP {} at time {}, before the simulation's current time {}",
                                     destination, at, now_));
  scheduler();  // the LPs start before anything is injected
  return at < options_.end_time;
}

void Simulation::insert(LpId destination, Time at, EventType type, const void* payload, std::size_t bytes,
                        std::uint64_t tie) {
  scheduler().insert(destination, at, type, payload, bytes, tie);
}

}  // namespace bstp
