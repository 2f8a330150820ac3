#include "experiment_runner.hpp"

#include "experiment/task_executor.hpp"

#include <algorithm>
#include <mutex>

namespace bstp::tools {

std::vector<Task> missing_tasks(const experiment::ExperimentRecords& results, const Shard& shard) {
  std::vector<Task> tasks;
  const auto replications = static_cast<std::size_t>(results.replications);
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (std::size_t r = 0; r < results.values[p].size(); ++r)
      if (shard.holds(p, r, replications) && !experiment::is_done(results.values[p][r])) tasks.push_back({p, r});
  return tasks;
}

// On the experiment layer's one executor (oneTBB), one replication per task; results land in
// their slots by index, and on_done is called under a lock, one call at a time.
void run_replications(const experiment::ExperimentModel& model, std::vector<std::vector<experiment::ReplicationRecord>>& values,
                      const RunSettings& settings, std::span<const Task> tasks,
                      const std::function<void(std::size_t, std::size_t)>& on_done, Progress* progress,
                      const std::atomic<bool>* stop) {
  const auto threads = static_cast<unsigned>(
      std::min<std::size_t>(std::max(1u, settings.threads), std::max<std::size_t>(tasks.size(), 1)));
  std::mutex done_mutex;
  bool failed = false;  // once a replication failed, nothing more is recorded
  experiment::TaskExecutor(threads).for_each(
      tasks.size(),
      [&](std::size_t i) {
        const auto [p, r] = tasks[i];
        experiment::ReplicationRecord result;
        try {
          result = model.run(p, r, settings.lp_threads);
        } catch (...) {
          std::lock_guard lock(done_mutex);
          failed = true;
          throw;  // the executor starts nothing more and rethrows it
        }
        std::lock_guard lock(done_mutex);
        if (failed) return;
        values[p][r] = std::move(result);
        if (on_done) on_done(p, r);
        if (progress) progress->advance();
      },
      stop);
}

}  // namespace bstp::tools
