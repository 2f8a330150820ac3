// An experiment before it runs: each design point's scenario resolved and compiled, and the
// results skeleton (names, shapes, provenance) that the runner fills. `bstp run` plans one point
// per policy, `bstp sweep` one per policy and grid point.
#pragma once

#include "experiment/experiment_results.hpp"
#include "planned_point.hpp"

#include <border/scenario_loader.hpp>

#include <string>
#include <vector>

namespace bstp::tools {

struct PointSpec {
  experiment::DesignPoint point;
  std::string policy;                       // "" = the base scenario
  std::vector<border::Override> overrides;  // applied after the policy
};

struct ExperimentPlan {
  std::vector<PlannedPoint> points;
  experiment::ExperimentResults results;  // everything but the values, which are all not done
  // experiment_identity(results) and each point's policy and overrides: what a checkpoint
  // journal must match to be resumed.
  std::string identity;
};

// What went wrong with one point: the scenario's diagnostics, or the compiler's message.
struct PointProblem {
  std::size_t point = 0;
  std::vector<border::Diagnostic> diagnostics;
  std::string message;
};

// Resolves and compiles every point. The points must share countries and border crossings (the
// results file has one list of each). With `problems`, problems are collected there and the plan
// is incomplete when any is found; without, the first throws (ScenarioError, or UsageError for
// what the compiler rejects). `scenario_text` and `sweep_text` are the provenance to record.
ExperimentPlan make_plan(const border::ScenarioDocument& doc, const std::vector<PointSpec>& specs, std::string scenario_text,
                         std::string sweep_text, const std::string& command_line, std::vector<PointProblem>* problems = nullptr);

}  // namespace bstp::tools
