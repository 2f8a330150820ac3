#include "experiment_runner.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

namespace bstp::tools {

std::vector<Task> missing_tasks(const experiment::ExperimentRecords& results, const Shard& shard) {
  std::vector<Task> tasks;
  const auto replications = static_cast<std::size_t>(results.replications);
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (std::size_t r = 0; r < results.values[p].size(); ++r)
      if (shard.holds(p, r, replications) && !experiment::is_done(results.values[p][r])) tasks.push_back({p, r});
  return tasks;
}

// Plain threads taking the next task from a counter: replications are long (milliseconds to
// minutes), so nothing finer is needed, and ThreadSanitizer sees every synchronisation.
void run_replications(const experiment::ExperimentModel& model, std::vector<std::vector<experiment::ReplicationRecord>>& values,
                      const RunSettings& settings, std::span<const Task> tasks,
                      const std::function<void(std::size_t, std::size_t)>& on_done, Progress* progress,
                      const std::atomic<bool>* stop) {
  std::atomic<std::size_t> next{0};
  std::mutex done_mutex;
  std::exception_ptr error;
  auto work = [&] {
    for (std::size_t i; (i = next++) < tasks.size();) {
      if (stop && stop->load()) return;
      const auto [p, r] = tasks[i];
      try {
        experiment::ReplicationRecord result = model.run(p, r, settings.lp_threads);
        std::lock_guard lock(done_mutex);
        if (error) return;
        values[p][r] = std::move(result);
        if (on_done) on_done(p, r);
        if (progress) progress->advance();
      } catch (...) {
        std::lock_guard lock(done_mutex);
        if (!error) error = std::current_exception();
        next = tasks.size();  // start nothing more
        return;
      }
    }
  };
  {
    const std::size_t threads = std::min<std::size_t>(std::max(1u, settings.threads), std::max<std::size_t>(tasks.size(), 1));
    std::vector<std::jthread> helpers(threads - 1);
    for (std::jthread& t : helpers) t = std::jthread(work);
    work();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace bstp::tools
