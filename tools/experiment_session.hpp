// What `bstp run` and `bstp sweep` share once an experiment is planned: the session settings, the
// checkpoint journal (`OUT.journal`, one record per finished replication) and `--resume`,
// `--shard I/N`, the MPI task farm under mpirun, Ctrl-C, and writing the results file.
#pragma once

#include "experiment/checkpoint_journal.hpp"
#include "experiment/experiment_model.hpp"
#include "experiment/output_lock.hpp"
#include "shard.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace bstp::tools {

inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C or SIGTERM; the journal is kept

struct SessionOptions {
  unsigned threads = 0;  // 0 = this machine's cores, shared among its MPI ranks
  unsigned lp_threads = 1;
  bool exact_lp_threads = false;  // skip the trial that falls back to one thread when more do not pay
  std::string out;
  bool force = false;
  bool resume = false;
  std::string shard;  // "I/N", "auto" or "auto/N" (shard.hpp); empty = every task
};

struct PreparedExperiment {
  std::shared_ptr<const experiment::ExperimentModel> model;
  experiment::ExperimentRecords results;  // the model's skeleton, filled as replications finish
  std::string identity;                   // the model's, and the shard's: what the journal must match
  Shard shard;
  std::optional<experiment::OutputLock> lock;             // rank 0 with --out: held until the end
  std::optional<experiment::CheckpointJournal> journal;  // rank 0 with --out, when resuming
  std::size_t resumed = 0;                                // replications read from the journal
  bool complete = false;  // --resume found --out finished (same experiment) and no journal
};

// Plans the experiment with `make` (any model) on every MPI rank and checks rank 0's files (--out, the
// journal; --resume loads it). Every rank learns whether all went well before anything runs.
// Throws on rank 0 (and on a rank whose own problem rank 0 cannot report); returns nothing, with
// `exit_code` set, on a worker rank that should stop quietly.
std::optional<PreparedExperiment> prepare(const std::function<std::shared_ptr<const experiment::ExperimentModel>()>& make,
                                          const SessionOptions& options, int& exit_code);

enum class Outcome { finished, interrupted, worker, already_complete };

// Runs the replications still missing (this shard's), checkpointing each, then writes --out
// and removes the journal. `what` labels the progress bar. Worker ranks compute for rank 0 and
// return Outcome::worker; an interrupted run reports what it kept and returns
// Outcome::interrupted.
Outcome execute(PreparedExperiment& experiment, const SessionOptions& options, const std::string& what);

// The exit code when `outcome` leaves nothing for the command to print (a worker rank, a file
// already complete, an interrupted run); nothing when the run finished and its results are to be shown.
std::optional<int> exit_without_results(Outcome outcome);

}  // namespace bstp::tools
