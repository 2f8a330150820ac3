#include <bstp/simulation.hpp>

#include "event_queue.hpp"
#include "schedulers.hpp"

#include <stdexcept>

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
  if (lps_.size() >= engine::kMaxLps) throw std::length_error("too many logical processes");
  lp->id_ = static_cast<LpId>(lps_.size());
  lps_.push_back(std::move(lp));
  return lps_.back()->id_;
}

RunStats Simulation::run() {
  std::vector<LogicalProcess*> raw;
  raw.reserve(lps_.size());
  for (auto& lp : lps_) raw.push_back(lp.get());
  if (options_.threads <= 1) return engine::run_sequential(raw, options_);
  return engine::run_parallel(raw, options_);
}

}  // namespace bstp
