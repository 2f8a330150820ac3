#include "session_options.hpp"

#include "shard.hpp"

#include <string>

namespace bstp::tools {

void add_session_options(CLI::App& cmd, SessionOptions& o, bool out_required) {
  cmd.add_option("-j,--jobs,--threads", o.threads,
                 "Replications run side by side (default: all cores, shared among the MPI ranks of a machine and "
                 "divided by --lp-threads; --threads is the old name)");
  cmd.add_option("--lp-threads", o.lp_threads,
                 "Threads inside each replication (conservative parallel scheduler). More than 1: the start of a "
                 "replication is timed on that many and on 1, and the faster is kept (the results are the same)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd.add_flag("--exact-lp-threads", o.exact_lp_threads,
               "Use --lp-threads as given, without timing it against one thread");
  CLI::Option* out = cmd.add_option("--out", o.out, "Write all replications to this HDF5 file (docs/results-format.md)");
  if (out_required) out->required();
  cmd.add_flag("--force", o.force,
               "Overwrite the --out file if it exists and is a regular file (and drop an old checkpoint journal)");
  cmd.add_flag("--resume", o.resume,
               "Continue an interrupted run from its checkpoint journal (OUT.journal): run only what is missing. With no "
               "journal and a finished OUT of the same experiment, say so and exit 0");
  cmd.add_option("--shard", o.shard,
                 "Run only shard I of N of the (design point, replication) tasks, for a job array; join the files with "
                 "bstp merge. 'auto' takes I and N from SLURM_ARRAY_TASK_ID and the array (0..N-1); 'auto/N' takes I only")
      ->type_name("I/N|auto|auto/N")
      ->check(CLI::Validator(
          [](std::string& text) {
            return is_shard_text(text) ? std::string()
                                       : "expects I/N with 0 <= I < N (e.g. 0/4), auto or auto/N; got '" + text + "'";
          },
          ""));
}

}  // namespace bstp::tools
