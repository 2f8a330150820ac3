#include "experiment_plan.hpp"

#include "command.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/results_file.hpp"
#include "version.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

std::vector<std::string> country_ids(const border::CompiledScenario& s) {
  std::vector<std::string> ids;
  for (const auto& c : s.countries) ids.push_back(c.id);
  return ids;
}

std::vector<std::string> crossing_ids(const border::CompiledScenario& s) {
  std::vector<std::string> ids;
  for (border::NodeIndex n : s.crossings) ids.push_back(s.graph().node(n).id);
  return ids;
}

}  // namespace

ExperimentPlan make_plan(const border::ScenarioDocument& doc, const std::vector<PointSpec>& specs, std::string scenario_text,
                         std::string sweep_text, const std::string& command_line, std::vector<PointProblem>* problems) {
  ExperimentPlan plan;
  experiment::ExperimentResults& r = plan.results;
  auto report = [&](std::size_t i, std::vector<border::Diagnostic> diagnostics, const std::string& message) {
    if (!problems) {
      if (!diagnostics.empty()) throw border::ScenarioError(std::move(diagnostics));
      throw UsageError(message);
    }
    problems->push_back({i, std::move(diagnostics), message});
  };
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const PointSpec& spec = specs[i];
    std::shared_ptr<const border::CompiledScenario> compiled;
    try {
      compiled = std::make_shared<const border::CompiledScenario>(doc.resolve(spec.policy, spec.overrides));
    } catch (const border::ScenarioError& e) {
      report(i, e.diagnostics(), e.what());
      continue;
    } catch (const std::invalid_argument& e) {
      report(i, {}, fmt::format("{} (design point '{}'): {}", doc.file(), spec.point.name, e.what()));
      continue;
    }
    if (plan.points.empty()) {
      r.replications = compiled->scenario().replications;
      r.months = compiled->months();
      r.countries = country_ids(*compiled);
      r.crossings = crossing_ids(*compiled);
      r.seed = compiled->scenario().seed;
    } else if (country_ids(*compiled) != r.countries || crossing_ids(*compiled) != r.crossings ||
               compiled->months() != r.months || compiled->scenario().replications != r.replications ||
               compiled->scenario().seed != r.seed) {
      report(i, {}, fmt::format("design point '{}' changes the countries, border crossings, horizon, seed or replications "
                                "of '{}'; all points of an experiment must share them",
                                spec.point.name, plan.points.front().point.name));
      continue;
    }
    plan.points.push_back({spec.point, std::move(compiled)});
  }
  if (plan.points.size() != specs.size()) return plan;

  for (const PlannedPoint& p : plan.points) r.points.push_back(p.point);
  r.values.assign(r.points.size(), std::vector<border::ReplicationResult>(static_cast<std::size_t>(r.replications)));
  r.scenario_text = std::move(scenario_text);
  r.sweep_text = std::move(sweep_text);
  r.scenario_file = doc.file();
  r.bstp_version = kVersion;
  r.git_revision = kGitRevision;
  r.command_line = command_line;
  r.created_utc = experiment::utc_timestamp_now();
  plan.identity = experiment::experiment_identity(r);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    plan.identity += fmt::format("resolution of point {}: policy '{}'", i, specs[i].policy);
    for (auto [path, value] : specs[i].overrides) {
      std::replace(value.begin(), value.end(), '\n', ' ');
      plan.identity += fmt::format(", {}={}", path, value);
    }
    plan.identity += "\n";
  }
  return plan;
}

}  // namespace bstp::tools
