// Runs the replications of an experiment (policies or sweep points x replications) across
// threads, one replication per task, each on the sequential kernel unless asked otherwise. Every
// result lands in its own slot, so the output does not depend on which thread ran what.
#pragma once

#include "experiment/experiment_model.hpp"
#include "progress.hpp"
#include "shard.hpp"

#include <atomic>
#include <functional>
#include <span>
#include <vector>

namespace bstp::tools {

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
