// `bstp merge OUT.h5 SHARD.h5...`: joins the files of `--shard I/N` runs (a job array) into the
// file one run would have written.
#include "command.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/mpi_farm.hpp"
#include "experiment/output_lock.hpp"
#include "experiment/output_path.hpp"
#include "experiment/results_file.hpp"
#include "experiment_runner.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

struct MergeOptions {
  std::string out;
  std::vector<std::string> shards;
  bool force = false;
  bool partial = false;
};

experiment::ExperimentResults read_input(const std::string& path) {
  try {
    return experiment::read_results_file(path);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());  // a bad input file, not a failed run
  }
}

std::string missing_list(const std::vector<Task>& missing) {
  std::vector<std::size_t> replications;
  for (const Task& t : missing)
    if (std::find(replications.begin(), replications.end(), t.replication) == replications.end()) replications.push_back(t.replication);
  std::sort(replications.begin(), replications.end());
  std::string list;
  for (std::size_t i = 0; i < replications.size() && i < 10; ++i) list += (i ? ", " : "") + std::to_string(replications[i]);
  return replications.size() > 10 ? list + ", ..." : list;
}

int merge(const MergeOptions& o, const std::string& command_line) {
  if (const std::string problem = experiment::mpi::slurm_tasks_without_mpi(); !problem.empty()) throw UsageError(problem);
  if (experiment::mpi::rank() != 0) return kExitOk;  // under mpirun, one rank merges
  experiment::check_output_path(o.out, o.force, "pass --force to overwrite it");
  const experiment::OutputLock lock(o.out);
  experiment::remove_stale_temporaries(o.out);
  experiment::ExperimentResults merged = read_input(o.shards.front());
  const std::string identity = experiment::experiment_identity(merged);
  for (std::size_t i = 1; i < o.shards.size(); ++i) {
    const experiment::ExperimentResults shard = read_input(o.shards[i]);
    experiment::check_same_experiment(identity, o.shards.front(), experiment::experiment_identity(shard), o.shards[i]);
    experiment::merge_replications(merged, shard, o.shards[i]);
  }
  const std::vector<Task> missing = missing_tasks(merged);
  const std::size_t total = merged.points.size() * static_cast<std::size_t>(merged.replications);
  if (!missing.empty() && !o.partial)
    throw UsageError(fmt::format("{} of {} replications are in none of the files (replications {}): add the missing shards, "
                                 "or pass --partial to write what there is",
                                 missing.size(), total, missing_list(missing)));
  merged.command_line = command_line;
  merged.created_utc = experiment::utc_timestamp_now();
  experiment::write_results_file(o.out, merged, true);  // checked above
  std::cout << fmt::format("Merged {} files into {}: {} design points x {} replications, {} of {} done\n", o.shards.size(), o.out,
                           merged.points.size(), merged.replications, total - missing.size(), total);
  return kExitOk;
}

}  // namespace

void add_merge_command(Program& program) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = program.app.add_subcommand("merge", "Join the results files of sharded runs (--shard I/N) into one");
  cmd->description(
      "Join the results files of sharded runs into one.\n"
      "`bstp run` and `bstp sweep` with --shard I/N run only the replications r with r % N == I; a\n"
      "cluster job array runs the N shards side by side. merge checks that the files are shards of one\n"
      "experiment (same bstp version, scenario text, sweep file, seed, design points and\n"
      "replications) and writes the file a single run would have written: the same data.\n\n"
      "Examples:\n"
      "  bstp merge seats.h5 seats-0.h5 seats-1.h5 seats-2.h5 seats-3.h5\n"
      "  bstp merge seats.h5 seats-*.h5 --force");
  cmd->add_option("out", o->out, "The merged HDF5 results file to write")->required();
  cmd->add_option("shards", o->shards, "The shards' results files")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--force", o->force, "Overwrite OUT if it exists");
  cmd->add_flag("--partial", o->partial, "Write the file even if some replications are in no shard (marked not done)");
  program.actions[cmd] = [o, &program] { return merge(*o, program.command_line); };
}

}  // namespace bstp::tools
