// The two schedulers behind bstp::Simulation::run. Internal to the engine.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/simulation.hpp>

#include <span>

namespace bstp::engine {

RunStats run_sequential(std::span<LogicalProcess* const> lps, const SimulationOptions& options);
RunStats run_parallel(std::span<LogicalProcess* const> lps, const SimulationOptions& options);

}  // namespace bstp::engine
