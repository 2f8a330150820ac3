#include "lp_thread_trial.hpp"

#include <border/border_model.hpp>
#include <border/clock.hpp>

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace bstp::tools {

unsigned faster_lp_threads(unsigned requested, double parallel_seconds, double sequential_seconds) {
  if (requested <= 1) return 1;
  return parallel_seconds <= 0.9 * sequential_seconds ? requested : 1;
}

namespace {

struct TrialRun {
  double seconds = 0.0;
  double busiest_thread_share = 0.0;
  double window_speedup_bound = 0.0;
  bool interleaved_lps = false;
};

TrialRun run_start(const border::CompiledScenario& scenario, unsigned threads, Time until) {
  const auto began = std::chrono::steady_clock::now();
  border::Replication replication(scenario, 0, threads);
  const RunStats stats = replication.simulation().run_until(until);
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count(), stats.busiest_thread_share,
          stats.window_speedup_bound, stats.interleaved_lps};
}

}  // namespace

LpThreadTrial try_lp_threads(const PlannedPoint& point, unsigned requested) {
  LpThreadTrial trial;
  trial.requested = requested;
  if (requested <= 1) return trial;
  const border::CompiledScenario& scenario = *point.scenario;
  const Time until = std::min(scenario.horizon(), std::max(border::kDay, scenario.horizon() / 20));
  trial.days = border::in_days(until);
  // Each way twice, alternating, and the faster of each: a start of a few milliseconds (the
  // region's) is at the mercy of one interruption.
  const TrialRun parallel = run_start(scenario, requested, until);
  const double sequential = run_start(scenario, 1, until).seconds;
  trial.parallel_seconds = std::min(parallel.seconds, run_start(scenario, requested, until).seconds);
  trial.sequential_seconds = std::min(sequential, run_start(scenario, 1, until).seconds);
  trial.busiest_thread_share = parallel.busiest_thread_share;
  trial.window_speedup_bound = parallel.window_speedup_bound;
  trial.interleaved_lps = parallel.interleaved_lps;
  trial.chosen = faster_lp_threads(requested, trial.parallel_seconds, trial.sequential_seconds);
  return trial;
}

std::string describe(const LpThreadTrial& t) {
  const std::string threads = t.chosen == 1 ? "1 thread" : fmt::format("{} threads", t.chosen);
  std::string bound =
      t.busiest_thread_share > 0.0
          ? fmt::format("; the busiest thread carried {:.0f}% of the work, so {} threads can be at most {:.2f}x as fast as 1",
                        100.0 * t.busiest_thread_share, t.requested, 1.0 / t.busiest_thread_share)
          : "";
  if (t.window_speedup_bound > 0.0)
    bound += fmt::format(", and with the work each synchronisation window holds, at most {:.2f}x{}", t.window_speedup_bound,
                         t.interleaved_lps ? " (LPs interleaved among the threads so that each window's work splits)" : "");
  return fmt::format("--lp-threads {}: the first {:.4g} simulated days took {:.3f} s on {} threads and {:.3f} s on 1{}; "
                     "replications run on {} (the results are the same either way{})",
                     t.requested, t.days, t.parallel_seconds, t.requested, t.sequential_seconds, bound, threads,
                     t.chosen == 1 ? fmt::format("; --exact-lp-threads keeps {}", t.requested) : "");
}

}  // namespace bstp::tools
