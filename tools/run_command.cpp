// `bstp run SCENARIO`: compare a scenario's policies over Monte Carlo replications.
#include "border_experiment.hpp"
#include "command.hpp"
#include "experiment_session.hpp"
#include "session_options.hpp"
#include "experiment_summary.hpp"
#include "option_checks.hpp"
#include "phold_experiment.hpp"

#include <border/scenario_loader.hpp>

#include <algorithm>
#include <iostream>
#include <limits>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct RunOptions {
  std::string scenario;
  std::vector<std::string> policies;
  int replications = 0;  // 0 = the scenario's own
  std::uint64_t seed = 0;
  bool seed_given = false;
  SessionOptions session;
  Format format = Format::text;
};

ExperimentPlan plan_run(const RunOptions& o, const std::string& command_line) {
  const border::ScenarioDocument doc = border::ScenarioDocument::from_file(o.scenario);
  const std::vector<std::string> names = o.policies.empty() ? doc.policy_names() : o.policies;
  std::vector<border::Override> overrides;
  if (o.seed_given) overrides.emplace_back("scenario.seed", std::to_string(o.seed));
  if (o.replications > 0) overrides.emplace_back("scenario.replications", std::to_string(o.replications));
  std::vector<PointSpec> specs;
  for (const std::string& name : names) specs.push_back({experiment::DesignPoint{name, {}, name}, name, overrides});
  return make_plan(doc, specs, doc.resolved_text(names.front(), overrides), "", command_line);
}

// What a shard's summary holds: "Shard 1/4 holds 3 of 10 replications of each policy ...".
std::string shard_note(const experiment::ExperimentResults& results, const Shard& shard) {
  std::string counts;
  std::size_t first = 0;
  bool same = true;
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    const auto done = static_cast<std::size_t>(std::count_if(results.values[p].begin(), results.values[p].end(),
                                                             [](const auto& r) { return experiment::is_done(r); }));
    if (p == 0) first = done;
    same = same && done == first;
    counts += fmt::format("{}{} {} of {}", p ? ", " : "", results.points[p].name, done, results.replications);
  }
  const std::string held = same ? fmt::format("{} of {} replications of each policy", first, results.replications)
                                : "replications " + counts;
  return fmt::format("Shard {}/{} holds {}: the summary below is of those alone (join the shards with bstp merge)",
                     shard.index, shard.count, held);
}

// `bstp run PHOLD.yaml`: replications of PHOLD through the same session as the border model's.
int run_phold(const RunOptions& o, const std::string& command_line) {
  if (!o.policies.empty()) throw UsageError(fmt::format("--policy: {} is a PHOLD file, which has no policies", o.scenario));
  int exit_code = kExitOk;
  std::shared_ptr<const PholdExperiment> model;
  const auto make = [&] {
    return model = std::make_shared<const PholdExperiment>(
               plan_phold_run(o.scenario, o.seed_given ? std::optional(o.seed) : std::nullopt,
                              o.replications > 0 ? std::optional(o.replications) : std::nullopt),
               command_line);
  };
  std::optional<PreparedExperiment> e = prepare(make, o.session, exit_code);
  if (!e) return exit_code;
  const Outcome outcome = execute(*e, o.session, fmt::format("{}: PHOLD x {} replications", o.scenario, e->results.replications));
  if (const std::optional<int> code = exit_without_results(outcome)) return *code;
  print_phold_results(std::cout, e->results, model->plan(), o.format);
  if (!o.session.out.empty() && o.format == Format::text) std::cout << "\nResults written to " << o.session.out << "\n";
  return kExitOk;
}

int run(const RunOptions& o, const std::string& command_line) {
  if (is_phold_file(o.scenario)) return run_phold(o, command_line);
  int exit_code = kExitOk;
  std::shared_ptr<const BorderExperiment> border;
  const auto make = [&] { return border = std::make_shared<const BorderExperiment>(plan_run(o, command_line)); };
  std::optional<PreparedExperiment> e = prepare(make, o.session, exit_code);
  if (!e) return exit_code;
  const std::string what = fmt::format("{}: {} policies x {} replications", border->plan().points.front().scenario->scenario().name,
                                       e->results.points.size(), e->results.replications);
  const Outcome outcome = execute(*e, o.session, what);
  if (const std::optional<int> code = exit_without_results(outcome)) return *code;
  const experiment::ExperimentResults results = BorderExperiment::results(e->results);
  if (!e->shard.whole() && o.format == Format::text) std::cout << shard_note(results, e->shard) << "\n\n";
  print_summary(std::cout, results, o.format, SummaryKind::run);
  if (!o.session.out.empty() && o.format == Format::text) std::cout << "\nResults written to " << o.session.out << "\n";
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
      "for each policy and the paired difference from the first policy; then the programme cost by\n"
      "lever and the incremental cost-effectiveness against the first policy: per replication pair,\n"
      "extra cost over extra kg seized, kg less delivered, seizures and deaths averted, discounted\n"
      "per the scenario's `discounting`, with Fieller's 95% interval (\"not distinguishable from zero\"\n"
      "when the extra effect's interval covers 0); a warning for each policy over its `budget`; then\n"
      "the kg through each border crossing and the seizures at it. With --out, writes every replication\n"
      "to an HDF5 file (docs/results-format.md), checkpointing each finished replication in OUT.journal\n"
      "so that --resume can finish an interrupted run. Under `mpirun -n K`, the K ranks share the\n"
      "replications (docs/cluster.md). A file with `model: phold` runs replications of PHOLD instead\n"
      "(docs/phold.md).\n\n"
      "Examples:\n"
      "  bstp run scenarios/tutorial.yaml\n"
      "  bstp run scenarios/bstp-region.yaml --policy baseline --policy trained --replications 40 --out trained.h5\n"
      "  bstp run scenarios/bstp-region.yaml --out region.h5 --resume      # after Ctrl-C\n"
      "  bstp run scenarios/tutorial.yaml --format json > summary.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file (see docs/scenario-format.md), or a PHOLD file (docs/phold.md)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--policy", o->policies, "Policy to run (repeatable; default: all, in file order; the first is the reference)");
  cmd->add_option("--replications", o->replications, "Replications per policy (default: the scenario's)")
      ->check(whole_number(1, std::numeric_limits<int>::max()));
  cmd->add_option("--seed", o->seed, "Master seed, 0 to 2^64 - 1 (default: the scenario's)")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))
      ->each([o](const std::string&) { o->seed_given = true; });
  add_session_options(*cmd, o->session, false);
  add_format_option(*cmd, o->format);
  program.actions[cmd] = [o, &program] { return run(*o, program.command_line); };
}

}  // namespace bstp::tools
