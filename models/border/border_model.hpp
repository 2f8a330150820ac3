// Running the border model: one replication of a compiled scenario on the kernel.
#pragma once

#include "compiled_scenario.hpp"
#include "indicators.hpp"

namespace bstp::border {

// Runs replication `replication` (0-based) of `scenario`. threads = 1 uses the sequential
// scheduler, more the parallel one; the result is bit-identical either way. Replications with the
// same index see the same random numbers under every policy (common random numbers).
ReplicationResult simulate_replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads = 1);

}  // namespace bstp::border
