#include "experiment/mpi_farm.hpp"

#include "experiment/task_executor.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <string>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#ifdef BSTP_WITH_MPI
#include <mpi.h>
#endif

namespace bstp::experiment::mpi {

namespace {

bool g_active = false;
int g_rank = 0, g_size = 1, g_local_size = 1;

// How long an idle coordinating thread sleeps between looks at its MPI mailbox. Its own compute
// threads wake it at once; other ranks hold a spare task per thread, so this latency is hidden.
constexpr std::chrono::microseconds kPoll{2000};

struct Finished {
  Task task;
  std::vector<double> data;
  std::string error;  // non-empty when the task failed
};

// Compute threads of this rank, on the experiment layer's executor (oneTBB): tasks in, results
// out. The thread that submits and takes (the one that talks MPI) never computes.
class LocalPool {
 public:
  LocalPool(unsigned threads, const Compute& compute) : compute_(compute), executor_(threads) {}
  // Drops the tasks not started and waits for those running.
  ~LocalPool() {
    closing_ = true;
    executor_.wait();
  }
  LocalPool(const LocalPool&) = delete;
  LocalPool& operator=(const LocalPool&) = delete;

  void submit(const Task& task) {
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    executor_.submit([this, task] { work(task); });
  }
  std::size_t in_flight() {
    std::lock_guard lock(mutex_);
    return in_flight_;
  }
  std::vector<Finished> take() {
    std::lock_guard lock(mutex_);
    in_flight_ -= done_.size();
    return std::exchange(done_, {});
  }
  void wait(std::chrono::microseconds timeout) {
    std::unique_lock lock(mutex_);
    result_ready_.wait_for(lock, timeout, [this] { return !done_.empty(); });
  }

 private:
  void work(const Task& task) {
    if (closing_) return;
    Finished f;
    f.task = task;
    try {
      f.data = compute_(f.task);
    } catch (const std::exception& e) {
      f.error = e.what();
    } catch (...) {
      f.error = "unknown error";
    }
    {
      std::lock_guard lock(mutex_);
      done_.push_back(std::move(f));
    }
    result_ready_.notify_all();
  }

  const Compute& compute_;
  std::mutex mutex_;
  std::condition_variable result_ready_;
  std::vector<Finished> done_;
  std::size_t in_flight_ = 0;
  std::atomic<bool> closing_{false};
  TaskExecutor executor_;  // last: destroyed (after waiting for its tasks) first
};

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMI_RANK", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(name)) return true;
  return false;
}

#ifdef BSTP_WITH_MPI
enum Tag : int { kHello = 1, kTask, kResult, kError, kStop, kDone };

struct Message {
  int source = 0, tag = 0;
  std::vector<double> doubles;     // kResult: point, replication, encoded result
  std::vector<std::uint64_t> ids;  // kTask: point, replication; kHello: capacity
  std::string text;                // kError
};

// Receives the message `status` announced.
Message receive(const MPI_Status& status) {
  Message m{status.MPI_SOURCE, status.MPI_TAG, {}, {}, {}};
  int n = 0;
  MPI_Status s;
  switch (m.tag) {
    case kResult:
      MPI_Get_count(&status, MPI_DOUBLE, &n);
      m.doubles.resize(static_cast<std::size_t>(n));
      MPI_Recv(m.doubles.data(), n, MPI_DOUBLE, m.source, m.tag, MPI_COMM_WORLD, &s);
      break;
    case kTask:
    case kHello:
      MPI_Get_count(&status, MPI_UINT64_T, &n);
      m.ids.resize(static_cast<std::size_t>(n));
      MPI_Recv(m.ids.data(), n, MPI_UINT64_T, m.source, m.tag, MPI_COMM_WORLD, &s);
      break;
    case kError:
      MPI_Get_count(&status, MPI_CHAR, &n);
      m.text.resize(static_cast<std::size_t>(n));
      MPI_Recv(m.text.data(), n, MPI_CHAR, m.source, m.tag, MPI_COMM_WORLD, &s);
      break;
    default: MPI_Recv(nullptr, 0, MPI_BYTE, m.source, m.tag, MPI_COMM_WORLD, &s); break;
  }
  return m;
}

// The next message from `source` (MPI_ANY_SOURCE for any), if one has arrived.
bool poll(int source, Message& m) {
  int flag = 0;
  MPI_Status status;
  MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
  if (!flag) return false;
  m = receive(status);
  return true;
}

void send_ids(int to, int tag, std::vector<std::uint64_t> ids) {
  MPI_Send(ids.data(), static_cast<int>(ids.size()), MPI_UINT64_T, to, tag, MPI_COMM_WORLD);
}
void send_empty(int to, int tag) { MPI_Send(nullptr, 0, MPI_BYTE, to, tag, MPI_COMM_WORLD); }
#endif

}  // namespace

Session::Session(int* argc, char*** argv) {
#ifdef BSTP_WITH_MPI
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  g_active = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
  MPI_Comm_size(local, &g_local_size);
  MPI_Comm_free(&local);
#else
  (void)argc;
  (void)argv;
  (void)launched_by_mpi;
#endif
}

Session::~Session() {
#ifdef BSTP_WITH_MPI
  if (g_active) MPI_Finalize();
#endif
}

bool compiled_with_mpi() {
#ifdef BSTP_WITH_MPI
  return true;
#else
  return false;
#endif
}
std::string slurm_tasks_without_mpi() {
  const auto number = [](const char* name) -> long {
    const char* value = std::getenv(name);
    return value ? std::strtol(value, nullptr, 10) : 0;
  };
  // In a batch script SLURM_NTASKS is the job's, not a step's: count only inside srun's tasks.
  long tasks = number("SLURM_STEP_NUM_TASKS");
  if (tasks == 0 && std::getenv("SLURM_PROCID") && std::getenv("SLURM_STEP_ID")) tasks = number("SLURM_NTASKS");
  if (tasks <= 1 || g_size > 1) return {};
  if (!compiled_with_mpi())
    return "srun started " + std::to_string(tasks) +
           " tasks, and this bstp was built without MPI: each task would run the whole experiment on the same files. "
           "Run one task (srun -n 1, or no srun), or a job array with --shard auto (docs/cluster.md)";
  return "srun started " + std::to_string(tasks) + " tasks that do not form one MPI world (" +
         (launched_by_mpi() ? "MPI sees a single rank" : "no PMI or PMIx variables") +
         "): each would run the whole experiment on the same files. Start them with `srun --mpi=pmix bstp ...` "
         "(`srun --mpi=list` shows what your SLURM offers), or use mpirun (docs/cluster.md)";
}

int rank() { return g_rank; }
int size() { return g_size; }
int local_size() { return g_local_size; }

Agreement agree(int exit_code, std::uint64_t fingerprint) {
  Agreement a;
  a.root_code = exit_code;
  if (g_size <= 1) {
    if (exit_code) a.failed_rank = 0;
    return a;
  }
#ifdef BSTP_WITH_MPI
  const std::uint64_t mine[2] = {static_cast<std::uint64_t>(exit_code), fingerprint};
  std::vector<std::uint64_t> all(2 * static_cast<std::size_t>(g_size));
  MPI_Allgather(mine, 2, MPI_UINT64_T, all.data(), 2, MPI_UINT64_T, MPI_COMM_WORLD);
  for (int r = 0; r < g_size; ++r) {
    const std::size_t i = 2 * static_cast<std::size_t>(r);
    if (all[i] && a.failed_rank < 0) a.failed_rank = r;
    if (!all[i] && !all[0] && all[i + 1] != all[1] && a.mismatched_rank < 0) a.mismatched_rank = r;
  }
  a.root_code = static_cast<int>(all[0]);
#else
  (void)fingerprint;
#endif
  return a;
}

void run_master(std::span<const Task> tasks, unsigned threads, const Compute& compute, const Deliver& deliver,
                const std::function<bool()>& stop) {
  std::deque<Task> todo(tasks.begin(), tasks.end());
  const std::size_t local_capacity = std::max(1u, threads);
  std::vector<std::uint64_t> capacity(static_cast<std::size_t>(g_size), 0), busy(capacity);
  std::size_t outstanding = 0;  // handed out, not yet back
  std::string error;
  auto fail = [&](const std::string& what) {
    if (error.empty()) error = what;
  };
  auto accept = [&](const Task& task, std::vector<double>&& data) {
    if (!error.empty()) return;
    try {
      deliver(task, std::move(data));
    } catch (const std::exception& e) {
      fail(e.what());
    }
  };
  {
    LocalPool local(threads, compute);
    auto hand_out = [&] {
      if (!error.empty() || stop()) return;
      while (!todo.empty() && local.in_flight() < local_capacity) {
        local.submit(todo.front());
        todo.pop_front();
        ++outstanding;
      }
#ifdef BSTP_WITH_MPI
      for (int w = 1; w < g_size; ++w)
        for (auto& b = busy[static_cast<std::size_t>(w)]; !todo.empty() && b < capacity[static_cast<std::size_t>(w)]; ++b) {
          send_ids(w, kTask, {todo.front().point, todo.front().replication});
          todo.pop_front();
          ++outstanding;
        }
#endif
    };
    hand_out();
    while (outstanding > 0 || (!todo.empty() && error.empty() && !stop())) {
      bool any = false;
#ifdef BSTP_WITH_MPI
      for (Message m; poll(MPI_ANY_SOURCE, m);) {
        any = true;
        const auto w = static_cast<std::size_t>(m.source);
        if (m.tag == kHello && !m.ids.empty()) capacity[w] = m.ids[0];
        if (m.tag == kResult || m.tag == kError) {
          --busy[w];
          --outstanding;
        }
        if (m.tag == kError) fail("rank " + std::to_string(m.source) + ": " + m.text);
        if (m.tag == kResult && m.doubles.size() >= 2) {
          const Task task{static_cast<std::uint64_t>(m.doubles[0]), static_cast<std::uint64_t>(m.doubles[1])};
          m.doubles.erase(m.doubles.begin(), m.doubles.begin() + 2);
          accept(task, std::move(m.doubles));
        }
      }
#endif
      for (Finished& f : local.take()) {
        any = true;
        --outstanding;
        if (!f.error.empty()) fail(f.error);
        accept(f.task, std::move(f.data));
      }
      if (!error.empty()) break;
      hand_out();
      if (!any) local.wait(kPoll);
    }
  }
#ifdef BSTP_WITH_MPI
  // Stop every worker and wait until each says it is done, dropping what it still sends.
  for (int w = 1; w < g_size; ++w) send_empty(w, kStop);
  for (int done = 0; done < g_size - 1;) {
    Message m;
    if (!poll(MPI_ANY_SOURCE, m)) {
      std::this_thread::sleep_for(kPoll);
      continue;
    }
    if (m.tag == kDone) ++done;
    if (m.tag == kError) fail("rank " + std::to_string(m.source) + ": " + m.text);
  }
#endif
  if (!error.empty()) throw std::runtime_error(error);
}

void run_worker(unsigned threads, const Compute& compute) {
#ifdef BSTP_WITH_MPI
  send_ids(0, kHello, {2 * static_cast<std::uint64_t>(std::max(1u, threads))});
  {
    LocalPool pool(threads, compute);
    for (bool stopping = false; !stopping;) {
      bool any = false;
      for (Message m; !stopping && poll(0, m);) {
        any = true;
        if (m.tag == kTask && m.ids.size() == 2) pool.submit(Task{m.ids[0], m.ids[1]});
        if (m.tag == kStop) stopping = true;
      }
      for (Finished& f : pool.take()) {
        any = true;
        if (stopping) continue;
        if (!f.error.empty()) {
          MPI_Send(f.error.data(), static_cast<int>(f.error.size()), MPI_CHAR, 0, kError, MPI_COMM_WORLD);
          continue;
        }
        f.data.insert(f.data.begin(), {static_cast<double>(f.task.point), static_cast<double>(f.task.replication)});
        MPI_Send(f.data.data(), static_cast<int>(f.data.size()), MPI_DOUBLE, 0, kResult, MPI_COMM_WORLD);
      }
      if (!any) pool.wait(kPoll);
    }
  }
  send_empty(0, kDone);
#else
  (void)threads;
  (void)compute;
  throw std::logic_error("this bstp was built without MPI");
#endif
}

}  // namespace bstp::experiment::mpi
