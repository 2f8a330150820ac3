#include "experiment_runner.hpp"

#include <border/border_model.hpp>

#include <mutex>

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace bstp::tools {

void run_replications(const std::vector<PlannedPoint>& points, experiment::ExperimentResults& results,
                      const RunSettings& settings, const std::function<void(std::size_t, std::size_t)>& on_done,
                      Progress* progress) {
  std::vector<std::pair<std::size_t, std::size_t>> todo;
  for (std::size_t p = 0; p < points.size(); ++p)
    for (std::size_t r = 0; r < results.values[p].size(); ++r)
      if (!experiment::is_done(results.values[p][r])) todo.emplace_back(p, r);
  std::mutex done_mutex;
  tbb::task_arena arena(static_cast<int>(std::max(1u, settings.threads)));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, todo.size(), [&](std::size_t i) {
      const auto [p, r] = todo[i];
      border::ReplicationResult result = border::simulate_replication(*points[p].scenario, r, settings.lp_threads);
      std::lock_guard lock(done_mutex);
      results.values[p][r] = std::move(result);
      if (on_done) on_done(p, r);
      if (progress) progress->advance();
    });
  });
}

}  // namespace bstp::tools
