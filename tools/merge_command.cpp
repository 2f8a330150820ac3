// `bstp merge OUT.h5 SHARD.h5...`: joins the files of `--shard I/N` runs (a job array) into the
// file one run would have written.
#include "command.hpp"
#include "experiment/experiment_files.hpp"
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
  bool missing = false;        // list the shards still to run instead of merging
  std::size_t shard_count = 0;  // N of --shard I/N; 0 = found from the files
};

experiment::ExperimentRecords read_input(const std::string& path) {
  try {
    return experiment::read_experiment_file(path);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());  // a bad input file, not a failed run
  }
}

std::string missing_list(const experiment::ExperimentRecords& merged, const std::vector<Task>& missing) {
  std::string list;
  for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
    list += fmt::format("{}'{}' replication {}", i ? ", " : "", merged.points[missing[i].point].name, missing[i].replication);
  return missing.size() > 5 ? list + ", ..." : list;
}

// The files, read and checked to be of one experiment, joined.
experiment::ExperimentRecords join(const std::vector<std::string>& files) {
  experiment::ExperimentRecords merged = read_input(files.front());
  const std::string identity = experiment::experiment_identity(merged);
  for (std::size_t i = 1; i < files.size(); ++i) {
    const experiment::ExperimentRecords shard = read_input(files[i]);
    experiment::check_same_experiment(identity, files.front(), experiment::experiment_identity(shard), files[i]);
    experiment::merge_records(merged, shard, files[i]);
  }
  return merged;
}

// N of the files' --shard I/N: the step between the tasks a shard file holds (task k = point *
// replications + replication; shard I holds k = I, I + N, ...). 0 when no file tells.
std::size_t shard_count_of(const std::vector<std::string>& files) {
  std::size_t count = 0;
  for (const std::string& file : files) {
    const experiment::ExperimentRecords r = read_input(file);
    std::vector<std::size_t> done;
    for (std::size_t p = 0; p < r.values.size(); ++p)
      for (std::size_t i = 0; i < r.values[p].size(); ++i)
        if (experiment::is_done(r.values[p][i])) done.push_back(p * static_cast<std::size_t>(r.replications) + i);
    if (done.size() < 2) continue;
    const std::size_t step = done[1] - done[0];
    for (std::size_t i = 2; i < done.size(); ++i)
      if (done[i] - done[i - 1] != step)
        throw UsageError(fmt::format("{} is not the file of one shard (its replications are not evenly spaced); give the "
                                     "number of shards with --shards N",
                                     file));
    if (count != 0 && step != count)
      throw UsageError(fmt::format("the files are shards of different splits ({} and {} shards); give --shards N", count, step));
    count = step;
  }
  return count;
}

// --missing: the shards of N with a task in none of the files, for resubmitting them.
int list_missing(const MergeOptions& o) {
  std::vector<std::string> files = o.shards;
  files.insert(files.begin(), o.out);
  for (const std::string& f : files)
    if (!std::filesystem::is_regular_file(f)) throw UsageError(fmt::format("{}: no such file", f));
  const experiment::ExperimentRecords merged = join(files);
  const std::size_t count = o.shard_count ? o.shard_count : shard_count_of(files);
  if (count == 0)
    throw UsageError("cannot tell the number of shards from these files (each holds at most one task); give it with --shards N");
  const auto replications = static_cast<std::size_t>(merged.replications);
  std::vector<bool> wanted(count, false);
  for (const Task& t : missing_tasks(merged)) wanted[(t.point * replications + t.replication) % count] = true;
  std::string list;
  std::size_t n = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (wanted[i]) list += (n++ ? "," : "") + std::to_string(i);
  std::cout << fmt::format("shards still to run ({} of {}): {}\n", n, count, n ? list : "none");
  if (n) std::cout << fmt::format("resubmit them with: sbatch --array={} ... (with --shard auto/{})\n", list, count);
  return kExitOk;
}

int merge(const MergeOptions& o, const std::string& command_line) {
  if (o.missing) return experiment::mpi::rank() == 0 ? list_missing(o) : kExitOk;
  if (o.shards.empty()) throw UsageError("bstp merge needs the file to write and at least one shard file: bstp merge OUT.h5 SHARD.h5...");
  if (const std::string problem = experiment::mpi::slurm_tasks_without_mpi(); !problem.empty()) throw UsageError(problem);
  if (experiment::mpi::rank() != 0) return kExitOk;  // under mpirun, one rank merges
  experiment::check_output_path(o.out, o.force, "pass --force to overwrite it");
  const experiment::OutputLock lock(o.out);
  experiment::remove_stale_temporaries(o.out);
  experiment::ExperimentRecords merged = join(o.shards);
  const std::vector<Task> missing = missing_tasks(merged);
  const std::size_t total = merged.points.size() * static_cast<std::size_t>(merged.replications);
  if (!missing.empty() && !o.partial)
    throw UsageError(fmt::format("{} of {} replications are in none of the files ({}): add the missing shards (bstp merge "
                                 "--missing lists them), or pass --partial to write what there is",
                                 missing.size(), total, missing_list(merged, missing)));
  merged.command_line = command_line;
  merged.created_utc = experiment::utc_timestamp_now();
  experiment::write_experiment_file(o.out, merged, true);  // checked above
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
      "`bstp run` and `bstp sweep` with --shard I/N run only shard I of N of the (design point,\n"
      "replication) tasks; a cluster job array runs the N shards side by side. merge checks that the\n"
      "files are shards of one experiment (same bstp version, scenario text, sweep file, seed, design\n"
      "points and replications) and writes the file a single run would have written: the same data.\n"
      "With --missing it writes nothing and lists the shards that none of the files holds.\n\n"
      "Examples:\n"
      "  bstp merge seats.h5 seats-0.h5 seats-1.h5 seats-2.h5 seats-3.h5\n"
      "  bstp merge seats.h5 seats-*.h5 --force\n"
      "  bstp merge --missing shards/seats-*.h5      # which shards of a job array are still to run");
  cmd->add_option("out", o->out, "The merged HDF5 results file to write (with --missing: the first shard file)")->required();
  cmd->add_option("shards", o->shards, "The shards' results files")->check(CLI::ExistingFile);
  cmd->add_flag("--missing", o->missing,
                "Write nothing: list the shards (I of --shard I/N) that none of the files holds, to resubmit them");
  cmd->add_option("--shards", o->shard_count, "With --missing: N of --shard I/N (default: found from the files)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--force", o->force, "Overwrite OUT if it exists");
  cmd->add_flag("--partial", o->partial, "Write the file even if some replications are in no shard (marked not done)");
  program.actions[cmd] = [o, &program] { return merge(*o, program.command_line); };
}

}  // namespace bstp::tools
