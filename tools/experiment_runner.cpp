#include "experiment_runner.hpp"

#include "experiment/task_executor.hpp"

#include <border/border_model.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace bstp::tools {

std::vector<Task> missing_tasks(const experiment::ExperimentResults& results, const Shard& shard) {
  std::vector<Task> tasks;
  const auto replications = static_cast<std::size_t>(results.replications);
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (std::size_t r = 0; r < results.values[p].size(); ++r)
      if (shard.holds(p, r, replications) && !experiment::is_done(results.values[p][r])) tasks.push_back({p, r});
  return tasks;
}

border::ReplicationResult simulate(const PlannedPoint& point, std::size_t replication, unsigned lp_threads) {
  border::ReplicationResult result = border::simulate_replication(*point.scenario, replication, lp_threads);
  if (!point.country_order.empty())
    for (std::vector<double>& row : result.by_country) {
      std::vector<double> ordered;
      ordered.reserve(point.country_order.size());
      for (const std::size_t c : point.country_order) ordered.push_back(c < row.size() ? row[c] : std::nan(""));
      row = std::move(ordered);
    }
  return result;
}

// On the experiment layer's one executor (oneTBB); results land in their slots by index.
void run_replications(const std::vector<PlannedPoint>& points, experiment::ExperimentResults& results,
                      const RunSettings& settings, std::span<const Task> tasks,
                      const std::function<void(std::size_t, std::size_t)>& on_done, Progress* progress,
                      const std::atomic<bool>* stop) {
  const auto threads = static_cast<unsigned>(
      std::min<std::size_t>(std::max(1u, settings.threads), std::max<std::size_t>(tasks.size(), 1)));
  experiment::TaskExecutor executor(threads);
  std::mutex done_mutex;
  executor.for_each(
      tasks.size(),
      [&](std::size_t i) {
        const auto [p, r] = tasks[i];
        border::ReplicationResult result = simulate(points[p], r, settings.lp_threads);
        std::lock_guard lock(done_mutex);
        results.values[p][r] = std::move(result);
        if (on_done) on_done(p, r);
        if (progress) progress->advance();
      },
      stop);
}

}  // namespace bstp::tools
