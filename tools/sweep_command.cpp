// `bstp sweep SWEEP.yaml --out FILE.h5`: a scenario's policies over a grid (or list) of parameter
// values, every design point over the same replications (common random numbers).
#include "command.hpp"
#include "experiment/mpi_farm.hpp"
#include "experiment_session.hpp"
#include "experiment_summary.hpp"
#include "summary_statistics.hpp"
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

// The indicators the text summary shows, one column each.
constexpr border::Indicator kHeadline[] = {border::Indicator::seizures,         border::Indicator::seized_kg,
                                           border::Indicator::interdiction_rate, border::Indicator::trafficker_profit_usd,
                                           border::Indicator::officers_trained,  border::Indicator::cost_per_seizure_usd,
                                           border::Indicator::mean_crossing_delay_hours};

std::size_t done_count(const experiment::ExperimentResults& results, std::size_t point) {
  return static_cast<std::size_t>(std::count_if(results.values[point].begin(), results.values[point].end(),
                                                [](const auto& r) { return experiment::is_done(r); }));
}

std::string mean_text(const Interval& i) {
  if (i.n == 0 || !std::isfinite(i.mean)) return "n/a";
  const auto num = [](double x) {
    const double a = std::fabs(x);
    if (a >= 1e6) return fmt::format("{:.4g}", x);
    if (a >= 100) return fmt::format("{:.0f}", x);
    return a >= 1 ? fmt::format("{:.2f}", x) : fmt::format("{:.4f}", x);
  };
  return std::isfinite(i.half_width) ? num(i.mean) + " ± " + num(i.half_width) : num(i.mean);
}

// One row per design point: for people; json and csv get the full summary. A shard's table says
// how many of each point's replications it holds.
Table sweep_table(const experiment::ExperimentResults& results, const Shard& shard) {
  Table t;
  t.title = shard.whole() ? fmt::format("Design points: mean ± 95% CI over {} replications", results.replications)
                          : fmt::format("Design points of shard {}/{}: mean ± 95% CI over the replications it holds (join "
                                        "the shards with bstp merge for all {})",
                                        shard.index, shard.count, results.replications);
  t.columns = {"design point"};
  if (!shard.whole()) t.columns.push_back("replications");
  for (border::Indicator k : kHeadline) t.columns.push_back(border::info(k).name);
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    std::vector<Cell> row{results.points[p].name};
    if (!shard.whole()) row.emplace_back(fmt::format("{} of {}", done_count(results, p), results.replications));
    for (border::Indicator k : kHeadline) {
      std::vector<double> values;
      for (const auto& rep : results.values[p])
        values.push_back(experiment::is_done(rep) ? rep.totals[static_cast<std::size_t>(k)] : std::nan(""));
      row.emplace_back(mean_text(mean_interval(values)));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// --list: the design points and their parameter values, without running anything.
Table point_table(const experiment::ExperimentResults& results) {
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

int sweep(const SweepOptions& o, const std::string& command_line) {
  if (o.list) {
    const ExperimentPlan plan = plan_sweep(read_sweep_file(o.sweep), command_line);
    if (experiment::mpi::rank() == 0) print(std::cout, point_table(plan.results), o.format);
    return kExitOk;
  }
  if (o.session.out.empty()) throw UsageError("--out is required: the HDF5 file to write the sweep's results to");
  int exit_code = kExitOk;
  std::optional<PreparedExperiment> e = prepare([&] { return plan_sweep(read_sweep_file(o.sweep), command_line); }, o.session, exit_code);
  if (!e) return exit_code;
  const experiment::ExperimentResults& results = e->plan.results;
  const std::string what = fmt::format("{}: {} design points x {} replications", o.sweep, results.points.size(), results.replications);
  const Outcome outcome = execute(*e, o.session, what);
  if (outcome == Outcome::worker || outcome == Outcome::already_complete) return kExitOk;
  if (outcome == Outcome::interrupted) return kExitInterrupted;
  if (o.format == Format::text) {
    print(std::cout, sweep_table(results, e->shard), o.format);
    std::cout << "\nResults written to " << o.session.out << " (all indicators, monthly, per country and per crossing)\n";
  } else {
    print(std::cout, summarise(results, results.crossings, o.format), o.format);
  }
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
      "under `mpirun -n K` the K ranks share the work (docs/cluster.md).\n\n"
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
