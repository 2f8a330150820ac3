// Whether kernel threads inside a replication pay on this scenario. A replication's results are
// the same on any number of threads, so which to use is only a question of speed, and the answer
// depends on the scenario and on the machine: a scenario with little work per lookahead window,
// or a machine whose cores are busy with other work, runs slower on two threads than on one. The
// trial runs the start of replication 0 both ways and keeps the faster.
#pragma once

#include "planned_point.hpp"

#include <string>

namespace bstp::tools {

struct LpThreadTrial {
  unsigned requested = 1;
  unsigned chosen = 1;
  double days = 0.0;                // simulated days each way
  double parallel_seconds = 0.0;    // wall time on `requested` threads
  double sequential_seconds = 0.0;  // wall time on one thread
  double busiest_thread_share = 0.0;  // of the measured work on `requested` threads (RunStats); 0 = not measured
  double window_speedup_bound = 0.0;  // RunStats::window_speedup_bound on `requested` threads; 0 = not measured
  bool interleaved_lps = false;       // RunStats::interleaved_lps on `requested` threads
};

// Parallel is kept when it took at most 90% of the sequential time (a margin for the timing's
// noise: on a tie one thread leaves the other core to other replications).
unsigned faster_lp_threads(unsigned requested, double parallel_seconds, double sequential_seconds);

// Runs the first twentieth of replication 0 of `point` (at least a day, at most its horizon) on
// `requested` threads and on one, twice each, alternating, and keeps the faster time of each.
// requested <= 1: no trial, chosen = 1.
LpThreadTrial try_lp_threads(const PlannedPoint& point, unsigned requested);

// "--lp-threads 2: the first 36.5 simulated days took 0.081 s on 2 threads and 0.035 s on 1; the
// busiest thread carried 95% of the work, so 2 threads can be at most 1.05x as fast as 1;
// replications run on 1 thread (the results are the same either way; --exact-lp-threads keeps 2)".
std::string describe(const LpThreadTrial& trial);

}  // namespace bstp::tools
