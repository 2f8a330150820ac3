// The barest sequential PHOLD loop (a binary heap of (time, lp, seq) and one stream per LP), the
// yardstick the kernel is measured against, written as a function so
// the kernel and the barest loop are timed in the same benchmark run.
#pragma once

#include <cstdint>

namespace bstp::bench {

struct BareConfig {
  std::uint32_t lps = 1024;
  double lookahead = 0.1;
  double mean = 1.0;
  double end = 12000.0;
  double remote = 0.25;
};

// Runs the bare loop; returns the number of committed events.
std::uint64_t run_bare_phold(const BareConfig& config);

}  // namespace bstp::bench
