// `bstp run SCENARIO`: compare a scenario's policies over Monte Carlo replications.
#include "command.hpp"
#include "experiment_runner.hpp"
#include "experiment_summary.hpp"
#include "experiment/results_file.hpp"
#include "version.hpp"

#include <border/compiled_scenario.hpp>
#include <border/scenario_loader.hpp>

#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct RunOptions {
  std::string scenario;
  std::vector<std::string> policies;
  int replications = 0;  // 0 = the scenario's own
  std::uint64_t seed = 0;
  bool seed_given = false;
  unsigned threads = 0;  // 0 = all cores
  unsigned lp_threads = 1;
  std::string out;
  bool force = false;
  Format format = Format::text;
};

std::shared_ptr<const border::CompiledScenario> compile(const border::ScenarioDocument& doc, const std::string& policy,
                                                        const std::vector<border::Override>& overrides) {
  const border::Scenario scenario = doc.resolve(policy, overrides);
  try {
    return std::make_shared<const border::CompiledScenario>(scenario);
  } catch (const std::invalid_argument& e) {
    throw UsageError(fmt::format("{} (policy '{}'): {}", doc.file(), policy, e.what()));
  }
}

int run(const RunOptions& o, const std::string& command_line) {
  if (!o.out.empty() && std::filesystem::exists(o.out) && !o.force)
    throw UsageError(fmt::format("{} exists; pass --force to overwrite it", o.out));
  const border::ScenarioDocument doc = border::ScenarioDocument::from_file(o.scenario);
  const std::vector<std::string> names = o.policies.empty() ? doc.policy_names() : o.policies;
  std::vector<border::Override> overrides;
  if (o.seed_given) overrides.emplace_back("scenario.seed", std::to_string(o.seed));
  if (o.replications > 0) overrides.emplace_back("scenario.replications", std::to_string(o.replications));

  std::vector<PlannedPoint> points;
  for (const std::string& name : names) points.push_back({experiment::DesignPoint{name, {}}, compile(doc, name, overrides)});
  const border::CompiledScenario& first = *points.front().scenario;

  experiment::ExperimentResults results;
  for (const auto& p : points) results.points.push_back(p.point);
  results.replications = first.scenario().replications;
  results.months = first.months();
  for (const auto& c : first.countries) results.countries.push_back(c.id);
  for (border::NodeIndex n : first.crossings) results.crossings.push_back(first.graph().node(n).id);
  results.values.assign(points.size(), std::vector<border::ReplicationResult>(static_cast<std::size_t>(results.replications)));
  results.scenario_text = doc.resolved_text(names.front(), overrides);
  results.scenario_file = o.scenario;
  results.bstp_version = kVersion;
  results.git_revision = kGitRevision;
  results.command_line = command_line;
  results.created_utc = experiment::utc_timestamp_now();
  results.seed = first.scenario().seed;

  RunSettings settings;
  settings.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  settings.lp_threads = o.lp_threads;
  {
    Progress progress(fmt::format("{}: {} policies x {} replications", first.scenario().name, points.size(), results.replications),
                      points.size() * static_cast<std::size_t>(results.replications));
    run_replications(points, results, settings, nullptr, &progress);
  }
  if (!o.out.empty()) experiment::write_results_file(o.out, results, o.force);

  print(std::cout, summarise(results, results.crossings, o.format), o.format);
  if (!o.out.empty() && o.format == Format::text) std::cout << "\nResults written to " << o.out << "\n";
  return kExitOk;
}

}  // namespace

void add_run_command(Program& program) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = program.app.add_subcommand("run", "Compare a scenario's policies over Monte Carlo replications");
  cmd->description(
      "Compare a scenario's policies over Monte Carlo replications.\n"
      "Each policy runs the same replications with the same random numbers (common random numbers),\n"
      "so differences between policies are paired. Prints, per indicator, the mean and 95% interval\n"
      "for each policy and the paired difference from the first policy; then the kg through each\n"
      "border crossing. With --out, writes every replication to an HDF5 file (docs/results-format.md).\n\n"
      "Examples:\n"
      "  bstp run scenarios/tutorial.yaml\n"
      "  bstp run scenarios/bstp-region.yaml --policy baseline --policy trained --replications 40 --out trained.h5\n"
      "  bstp run scenarios/tutorial.yaml --format json > summary.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file (see docs/scenario-format.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--policy", o->policies, "Policy to run (repeatable; default: all, in file order; the first is the reference)");
  cmd->add_option("--replications", o->replications, "Replications per policy (default: the scenario's)")->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "Master seed (default: the scenario's)")->each([o](const std::string&) { o->seed_given = true; });
  cmd->add_option("--threads", o->threads, "Replications run side by side (default: all cores)");
  cmd->add_option("--lp-threads", o->lp_threads, "Threads inside each replication (conservative parallel scheduler)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--out", o->out, "Write all replications to this HDF5 file");
  cmd->add_flag("--force", o->force, "Overwrite the --out file if it exists");
  add_format_option(*cmd, o->format);
  program.actions[cmd] = [o, &program] { return run(*o, program.command_line); };
}

}  // namespace bstp::tools
