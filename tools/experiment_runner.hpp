// Runs the replications of an experiment (policies or sweep points x replications) across
// threads, one replication per task, each on the sequential kernel unless asked otherwise. Every
// result lands in its own slot, so the output does not depend on which thread ran what.
#pragma once

#include "experiment/experiment_model.hpp"
#include "experiment/experiment_results.hpp"
#include "progress.hpp"
#include "shard.hpp"

#include <border/compiled_scenario.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace bstp::tools {

struct PlannedPoint {
  experiment::DesignPoint point;
  std::shared_ptr<const border::CompiledScenario> scenario;
  // by_country position i of the results holds the model's country country_order[i] (the model
  // numbers countries alphabetically, results list them in scenario order); empty = as is.
  std::vector<std::size_t> country_order{};
  // by_unit position i of the results holds the model's unit unit_order[i], by_organisation
  // position i its organisation organisation_order[i] (kNone: the point has no such unit or
  // organisation, NaN); empty = as is.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> unit_order{};
  std::vector<std::size_t> organisation_order{};
};

// One replication of a planned point, its per-country and per-organisation values in scenario
// order, its per-unit values in the experiment's unit order.
border::ReplicationResult simulate(const PlannedPoint& point, std::size_t replication, unsigned lp_threads);

struct RunSettings {
  unsigned threads = 1;     // replications run side by side
  unsigned lp_threads = 1;  // threads of the conservative scheduler inside one replication
};

struct Task {
  std::size_t point = 0, replication = 0;
};

// The slots of `results` not done yet that are `shard`'s, point by point.
std::vector<Task> missing_tasks(const experiment::ExperimentRecords& results, const Shard& shard = {});

// Runs `tasks` of `model` into values[p][r]. `on_done(p, r)` is called, one call at a time, after
// each replication finishes (for checkpoints). Once `*stop` is true, no more replications start.
void run_replications(const experiment::ExperimentModel& model, std::vector<std::vector<experiment::ReplicationRecord>>& values,
                      const RunSettings& settings, std::span<const Task> tasks,
                      const std::function<void(std::size_t, std::size_t)>& on_done, Progress* progress,
                      const std::atomic<bool>* stop = nullptr);

}  // namespace bstp::tools
