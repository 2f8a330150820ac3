// Running the border model: one replication of a compiled scenario on the kernel.
#pragma once

#include "compiled_scenario.hpp"
#include "indicators.hpp"

#include <bstp/simulation.hpp>

#include <chrono>
#include <memory>
#include <vector>

namespace bstp::border {

class CheckpointLp;
class CountryLp;
class OrganisationLp;
struct OrderArrives;

// Runs replication `replication` (0-based) of `scenario`. threads = 1 uses the sequential
// scheduler, more the parallel one; the result is bit-identical either way. Replications with the
// same index see the same random numbers under every policy (common random numbers).
ReplicationResult simulate_replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads = 1);

// One replication on a simulation the caller may drive in steps (run_until, inject, observers)
// before finish(); simulate_replication is Replication(...).finish().
class Replication {
 public:
  Replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads = 1);
  ~Replication();
  Replication(const Replication&) = delete;
  Replication& operator=(const Replication&) = delete;

  Simulation& simulation() { return *simulation_; }
  const CompiledScenario& scenario() const { return scenario_; }
  // The LPs, for reading their state between steps (and the LP ids to inject events into).
  CountryLp& country(int c) { return *countries_.at(static_cast<std::size_t>(c)); }
  OrganisationLp& organisation(int o) { return *organisations_.at(static_cast<std::size_t>(o)); }
  CheckpointLp& checkpoint(int k) { return *checkpoints_.at(static_cast<std::size_t>(k)); }
  // Delivers an order given to country `country` at `at` (>= the simulation's clock) to the LPs
  // it concerns: the country's, and for lanes and inspection the checkpoint's too.
  void inject_order(int country, Time at, const OrderArrives& order);
  // Runs to the horizon, closes the books and returns the indicators. Call once.
  ReplicationResult finish();

 private:
  const CompiledScenario& scenario_;
  std::unique_ptr<Simulation> simulation_;
  std::vector<CountryLp*> countries_;
  std::vector<OrganisationLp*> organisations_;
  std::vector<CheckpointLp*> checkpoints_;
  std::chrono::steady_clock::time_point began_;
};

}  // namespace bstp::border
