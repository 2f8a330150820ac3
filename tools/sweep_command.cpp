// `bstp sweep SWEEP.yaml --out FILE.h5`: a scenario's policies over a grid (or list) of parameter
// values, every design point over the same replications (common random numbers).
#include "border_experiment.hpp"
#include "command.hpp"
#include "experiment/mpi_farm.hpp"
#include "experiment_session.hpp"
#include "session_options.hpp"
#include "experiment_summary.hpp"
#include "phold_experiment.hpp"
#include "sweep_plan.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct SweepOptions {
  std::string sweep;
  bool list = false;
  SessionOptions session;
  Format format = Format::text;
};

// --list: the design points and their parameter values, without running anything.
template <typename Results>
Table point_table(const Results& results) {
  Table t;
  t.title = fmt::format("{} design points x {} replications", results.points.size(), results.replications);
  t.columns = {"design point"};
  for (const auto& point : results.points)
    for (const auto& [path, value] : point.parameters)
      if (std::find(t.columns.begin(), t.columns.end(), path) == t.columns.end()) t.columns.push_back(path);
  for (const auto& point : results.points) {
    std::vector<Cell> row{point.name};
    for (std::size_t c = 1; c < t.columns.size(); ++c) {
      const auto it = std::find_if(point.parameters.begin(), point.parameters.end(), [&](const auto& p) { return p.first == t.columns[c]; });
      row.emplace_back(it == point.parameters.end() ? Cell{std::string()} : Cell{it->second});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Plans (with `make`) and runs the sweep's replications; nothing, with `exit_code` set, when
// there are no results to show (a worker rank, a finished file, Ctrl-C, a problem reported).
std::optional<PreparedExperiment> run_sweep_experiment(const std::function<std::shared_ptr<const experiment::ExperimentModel>()>& make,
                                                       const SweepOptions& o, int& exit_code) {
  std::optional<PreparedExperiment> e = prepare(make, o.session, exit_code);
  if (!e) return std::nullopt;
  const std::string what =
      fmt::format("{}: {} design points x {} replications", o.sweep, e->results.points.size(), e->results.replications);
  if (const std::optional<int> code = exit_without_results(execute(*e, o.session, what))) {
    exit_code = *code;
    return std::nullopt;
  }
  return e;
}

// A sweep of a PHOLD file (docs/phold.md): the same session, PHOLD's table.
int sweep_phold(const SweepOptions& o, const SweepFile& file, const std::string& command_line) {
  if (o.list) {
    const PholdExperiment model(plan_phold_sweep(file), command_line);
    if (experiment::mpi::rank() == 0) print(std::cout, point_table(model.skeleton()), o.format);
    return kExitOk;
  }
  if (o.session.out.empty()) throw UsageError("--out is required: the HDF5 file to write the sweep's results to");
  int exit_code = kExitOk;
  std::shared_ptr<const PholdExperiment> model;
  const auto make = [&] { return model = std::make_shared<const PholdExperiment>(plan_phold_sweep(file), command_line); };
  std::optional<PreparedExperiment> e = run_sweep_experiment(make, o, exit_code);
  if (!e) return exit_code;
  print_phold_results(std::cout, e->results, model->plan(), o.format);
  if (o.format == Format::text) std::cout << "\nResults written to " << o.session.out << "\n";
  return kExitOk;
}

int sweep(const SweepOptions& o, const std::string& command_line) {
  // A sweep file that cannot be read is the border model's path's to report (on every MPI rank alike).
  std::optional<SweepFile> file;
  try {
    file = read_sweep_file(o.sweep);
  } catch (const std::exception&) {
  }
  if (file && !file->scenario.empty() && is_phold_file(file->scenario)) return sweep_phold(o, *file, command_line);
  if (o.list) {
    const ExperimentPlan plan = plan_sweep(read_sweep_file(o.sweep), command_line);
    if (experiment::mpi::rank() == 0) print(std::cout, point_table(plan.results), o.format);
    return kExitOk;
  }
  if (o.session.out.empty()) throw UsageError("--out is required: the HDF5 file to write the sweep's results to");
  int exit_code = kExitOk;
  const auto make = [&] { return std::make_shared<const BorderExperiment>(plan_sweep(read_sweep_file(o.sweep), command_line)); };
  std::optional<PreparedExperiment> e = run_sweep_experiment(make, o, exit_code);
  if (!e) return exit_code;
  const experiment::ExperimentResults results = BorderExperiment::results(e->results);
  if (!e->shard.whole() && o.format == Format::text)
    std::cout << fmt::format("Design points of shard {}/{}: the summary below is of the replications it holds\n(join "
                             "the shards with bstp merge for all {})\n\n",
                             e->shard.index, e->shard.count, results.replications);
  print_summary(std::cout, results, o.format, SummaryKind::sweep);
  if (o.format == Format::text)
    std::cout << "\nResults written to " << o.session.out << "\n(every indicator, monthly, per country and per crossing)\n";
  return kExitOk;
}

}  // namespace

void add_sweep_command(Program& program) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = program.app.add_subcommand("sweep", "Run a parameter sweep: policies x a grid of scenario values, into an HDF5 file");
  cmd->description(
      "Run a parameter sweep into an HDF5 file.\n"
      "A sweep file (plain YAML) names a scenario, its policies (default: all), the replications, and\n"
      "either a grid (full factorial) or a list of points giving values to dotted scenario paths:\n\n"
      "  scenario: ../tutorial.yaml            # relative to the sweep file\n"
      "  policies: [baseline, trained]\n"
      "  replications: 10\n"
      "  grid:\n"
      "    training.programs.creompaz_basic.cohorts.0.seats: [20, 40, 80]\n\n"
      "Design points are policy x grid point, named like \"trained seats=40\", all with the same random\n"
      "numbers. Each finished replication is checkpointed in OUT.journal: after Ctrl-C or a crash, run\n"
      "the same command with --resume. --shard I/N runs a job array's share (join with bstp merge);\n"
      "under `mpirun -n K` the K ranks share the work (docs/cluster.md). A sweep of a PHOLD file\n"
      "(`model: phold`) sweeps PHOLD's parameters instead (docs/phold.md).\n\n"
      "Examples:\n"
      "  bstp sweep scenarios/sweeps/training_seats.yaml --list\n"
      "  bstp sweep scenarios/sweeps/training_seats.yaml --out seats.h5\n"
      "  bstp sweep scenarios/sweeps/training_seats.yaml --out seats.h5 --resume\n"
      "  bstp sweep scenarios/sweeps/region_training_coordination.yaml --shard 0/4 --out part-0.h5\n"
      "  mpirun -n 8 bstp sweep scenarios/sweeps/region_training_coordination.yaml --out region.h5");
  cmd->add_option("sweep", o->sweep, "Sweep YAML file")->required();
  cmd->add_flag("--list", o->list, "Check the sweep file and list its design points without running them");
  add_session_options(*cmd, o->session, false);
  add_format_option(*cmd, o->format);
  program.actions[cmd] = [o, &program] { return sweep(*o, program.command_line); };
}

}  // namespace bstp::tools
