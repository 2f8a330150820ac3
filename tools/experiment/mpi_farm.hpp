// The MPI task farm: under `mpirun -n K`, `bstp run` and `bstp sweep` share their (point,
// replication) tasks among K ranks. Rank 0 hands out tasks, computes some itself and receives
// every result (as doubles, replication_codec.hpp); the other ranks compute with their threads.
// Only rank 0 writes files. Results land in their own slots, so the data do not depend on who
// computed what. MPI starts only when the program was started by an MPI launcher (mpirun,
// mpiexec, srun with PMI); otherwise, and in builds without MPI (BSTP_WITH_MPI off), there is
// one rank and none of this does anything.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace bstp::experiment::mpi {

// Starts MPI for its lifetime when launched by an MPI launcher (thread level "funneled": only the
// main thread calls MPI).
class Session {
 public:
  Session(int* argc, char*** argv);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

bool compiled_with_mpi();

// When srun started several tasks of this step (SLURM_STEP_NUM_TASKS, or SLURM_NTASKS in a task
// of srun) but they do not form one MPI world (no PMI/PMIx variables, or MPI sees one rank), each
// task would run the whole experiment on the same files: returns what to do instead (the fix is
// `srun --mpi=pmix`). Empty otherwise.
std::string slurm_tasks_without_mpi();
int rank();        // 0 without MPI
int size();        // 1 without MPI
int local_size();  // ranks on this machine (1 without MPI)

// Collective over all ranks (nothing with one rank): each rank gives its exit code so far (0 =
// prepared) and a fingerprint of the experiment it prepared. Every rank gets the same answer.
struct Agreement {
  int failed_rank = -1;      // the first rank that failed, -1 if none
  int mismatched_rank = -1;  // the first rank whose fingerprint differs from rank 0's, -1 if none
  int root_code = 0;         // rank 0's exit code
  bool ok() const { return failed_rank < 0 && mismatched_rank < 0; }
};
Agreement agree(int exit_code, std::uint64_t fingerprint);

struct Task {
  std::uint64_t point = 0, replication = 0;
};
// Computes one task (on any thread); the result is an encoded replication.
using Compute = std::function<std::vector<double>(const Task&)>;
// Receives one result on rank 0's main thread.
using Deliver = std::function<void(const Task&, std::vector<double>&&)>;

// Rank 0: runs `tasks` on every rank (`threads` compute threads here) and delivers each result.
// Stops handing out tasks once `stop()` is true (results in flight are still delivered). Throws
// std::runtime_error when a task fails on any rank (after stopping every rank).
void run_master(std::span<const Task> tasks, unsigned threads, const Compute& compute, const Deliver& deliver,
                const std::function<bool()>& stop);

// Ranks > 0: computes what rank 0 sends until it says stop.
void run_worker(unsigned threads, const Compute& compute);

}  // namespace bstp::experiment::mpi
