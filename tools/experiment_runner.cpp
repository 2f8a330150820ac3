#include "experiment_runner.hpp"

#include <border/border_model.hpp>

#include <mutex>

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace bstp::tools {

std::vector<Task> missing_tasks(const experiment::ExperimentResults& results, std::size_t shard_index,
                                std::size_t shard_count) {
  std::vector<Task> tasks;
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (std::size_t r = shard_index; r < results.values[p].size(); r += shard_count)
      if (!experiment::is_done(results.values[p][r])) tasks.push_back({p, r});
  return tasks;
}

void run_replications(const std::vector<PlannedPoint>& points, experiment::ExperimentResults& results,
                      const RunSettings& settings, std::span<const Task> tasks,
                      const std::function<void(std::size_t, std::size_t)>& on_done, Progress* progress,
                      const std::atomic<bool>* stop) {
  std::mutex done_mutex;
  tbb::task_arena arena(static_cast<int>(std::max(1u, settings.threads)));
  arena.execute([&] {
    tbb::parallel_for(
        std::size_t{0}, tasks.size(),
        [&](std::size_t i) {
          if (stop && stop->load()) return;
          const auto [p, r] = tasks[i];
          border::ReplicationResult result = border::simulate_replication(*points[p].scenario, r, settings.lp_threads);
          std::lock_guard lock(done_mutex);
          results.values[p][r] = std::move(result);
          if (on_done) on_done(p, r);
          if (progress) progress->advance();
        },
        tbb::simple_partitioner());
  });
}

}  // namespace bstp::tools
