// One simulation: a set of logical processes, a horizon and a scheduler. The same LPs, seed and
// options give bit-identical results with the sequential scheduler (threads = 1) and the parallel
// conservative one (threads > 1), whatever the number of threads.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/time.hpp>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace bstp {

struct SimulationOptions {
  Time end_time = kNever;  // events at or past this time are never created
  Time lookahead = 0;      // minimum delay of an event between two different LPs
  unsigned threads = 1;    // 1: sequential scheduler; more: parallel conservative scheduler
};

struct RunStats {
  std::uint64_t committed_events = 0;
  Time last_event_time = 0;
  std::uint64_t windows = 0;  // synchronisation windows (parallel scheduler only)
  double wall_seconds = 0.0;
};

class Simulation {
 public:
  explicit Simulation(SimulationOptions options);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Adds an LP; ids are given in order of addition, starting at 0.
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

  // Starts every LP and runs until no event before the end time remains. Throws
  // std::invalid_argument for unusable options and CausalityError for lookahead violations.
  RunStats run();

 private:
  SimulationOptions options_;
  std::vector<std::unique_ptr<LogicalProcess>> lps_;
};

}  // namespace bstp
