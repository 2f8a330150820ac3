// The design points of a sweep: each policy x each sweep point, named for people ("trained
// seats=40") with their parameter values, resolved and compiled. A problem that a value causes
// (an unknown path, a value out of range) is reported where the sweep file wrote it, like
// `bstp validate` does: every problem at once, `file:line:column: key.path: what was expected`.
#pragma once

#include "experiment_plan.hpp"
#include "sweep_file.hpp"

#include <string>

namespace bstp::tools {

// Throws border::ScenarioError with every problem.
ExperimentPlan plan_sweep(const SweepFile& sweep, const std::string& command_line);

}  // namespace bstp::tools
