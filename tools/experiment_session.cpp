#include "experiment_session.hpp"

#include "experiment/experiment_files.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/mpi_farm.hpp"
#include "experiment/output_path.hpp"
#include "experiment/results_file.hpp"
#include "experiment_runner.hpp"
#include "progress.hpp"
#include "usage_error.hpp"

#include <border/scenario_loader.hpp>

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

namespace fs = std::filesystem;
namespace mpi = experiment::mpi;

unsigned default_threads() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, cores / static_cast<unsigned>(std::max(1, mpi::local_size())));
}

// --resume next to a finished results file and no journal (a requeued job that had finished):
// true when `out` holds this experiment with every replication of this shard done.
bool already_complete(const PreparedExperiment& e, const std::string& out) {
  experiment::ExperimentRecords file;
  try {
    file = experiment::read_experiment_file(out);
  } catch (const std::exception& error) {
    throw UsageError(fmt::format("{} exists and is not a results file bstp can read ({}); pass --force to replace it", out,
                                 error.what()));
  }
  try {
    experiment::check_same_experiment(experiment::experiment_identity(e.results), "this run",
                                      experiment::experiment_identity(file), out);
  } catch (const std::invalid_argument& mismatch) {
    throw UsageError(std::string(mismatch.what()) + "; pass --force to replace it");
  }
  if (!missing_tasks(file, e.shard).empty())
    throw UsageError(fmt::format("{} exists, holds this experiment but not all of it, and there is no checkpoint journal "
                                 "to resume; pass --force to run it again",
                                 out));
  return true;
}

// Rank 0's checks of its files before anything runs: --out can be written, no other run holds it
// (the lock is kept until the end), stale temporary files go; --resume reads the journal.
void check_files(PreparedExperiment& e, const SessionOptions& o) {
  if (o.out.empty()) return;
  experiment::check_output_path(o.out, true, "");  // its directory, and not a directory, link, FIFO or device
  e.lock.emplace(o.out);
  if (const int removed = experiment::remove_stale_temporaries(o.out); removed > 0)
    std::cerr << fmt::format("bstp: removed {} temporary file{} of {} left by a killed run\n", removed, removed > 1 ? "s" : "",
                             o.out);
  std::error_code ec;
  const std::string journal = experiment::journal_path(o.out);
  const bool have_journal = fs::exists(journal, ec);
  if (fs::exists(o.out, ec) && !o.force) {
    if (!o.resume)
      throw UsageError(fmt::format("{} exists; pass --force to overwrite it (or --resume to finish or check the run "
                                   "that wrote it)",
                                   o.out));
    if (!have_journal && already_complete(e, o.out)) {
      e.complete = true;
      return;
    }  // with a journal: resume, and replace the file at the end
  }
  if (!have_journal) {
    if (o.resume) std::cerr << fmt::format("bstp: no checkpoint journal {}: nothing to resume, starting from the beginning\n", journal);
    return;
  }
  if (!o.resume && !o.force)
    throw UsageError(fmt::format("{} holds the replications an interrupted run finished; pass --resume to continue "
                                 "it, or --force to start over",
                                 journal));
  if (!o.resume) return;  // --force: the journal is started afresh
  try {
    e.journal.emplace(
        experiment::CheckpointJournal::resume(journal, e.identity, e.results.schema.record_size(), e.results.values, e.resumed));
  } catch (const experiment::CorruptJournal& corrupt) {
    throw UsageError(std::string(corrupt.what()) + "; pass --force instead of --resume to start over");
  } catch (const std::invalid_argument& mismatch) {
    throw UsageError(std::string(mismatch.what()) + "; run the command that wrote it, or pass --force instead of --resume to start over");
  }
}

// SIGINT and SIGTERM ask the run to stop starting replications; a second one kills as usual.
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }

class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    // A signal ignored when the program started (nohup, a background job) stays ignored.
    if (old_int_.sa_handler == SIG_IGN) sigaction(SIGINT, &old_int_, nullptr);
    if (old_term_.sa_handler == SIG_IGN) sigaction(SIGTERM, &old_term_, nullptr);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// For the tests of --resume: BSTP_TEST_CRASH_AFTER=K makes the process die abruptly, as if
// killed, right after checkpointing its K-th replication.
std::size_t crash_after() {
  const char* value = std::getenv("BSTP_TEST_CRASH_AFTER");
  return value ? static_cast<std::size_t>(std::strtoull(value, nullptr, 10)) : 0;
}

// The exit code main() gives `error` (0 for none).
int exit_code_of(const std::exception_ptr& error) {
  if (!error) return kExitOk;
  try {
    std::rethrow_exception(error);
  } catch (const border::ScenarioError&) {
    return kExitUsage;
  } catch (const UsageError&) {
    return kExitUsage;
  } catch (const std::invalid_argument&) {
    return kExitUsage;
  } catch (...) {
    return kExitFailure;
  }
}

}  // namespace

std::optional<PreparedExperiment> prepare(const std::function<std::shared_ptr<const experiment::ExperimentModel>()>& make,
                                          const SessionOptions& o, int& exit_code) {
  std::optional<PreparedExperiment> e;
  std::exception_ptr error;
  try {
    if (const std::string problem = mpi::slurm_tasks_without_mpi(); !problem.empty()) throw UsageError(problem);
    if (o.resume && o.out.empty()) throw UsageError("--resume needs --out: the checkpoint journal is OUT.journal");
    e.emplace();
    e->model = make();
    e->results = e->model->skeleton();
    e->identity = e->model->identity();
    e->shard = resolve_shard(o.shard);
    if (!e->shard.whole()) {
      e->identity += fmt::format("shard: {}/{}\n", e->shard.index, e->shard.count);
      const std::size_t tasks = e->results.points.size() * static_cast<std::size_t>(e->results.replications);
      if (mpi::rank() == 0 && e->shard.count > tasks)
        std::cerr << fmt::format("bstp: warning: {} shards for {} tasks (design points x replications): shards {} to {} "
                                 "have nothing to run{}; use at most {} shards\n",
                                 e->shard.count, tasks, tasks, e->shard.count - 1,
                                 e->shard.index >= tasks ? ", this one included (it writes a file with nothing done)" : "",
                                 tasks);
    }
    if (mpi::rank() == 0) check_files(*e, o);
  } catch (...) {
    error = std::current_exception();
  }
  const mpi::Agreement a = mpi::agree(exit_code_of(error), e ? experiment::fnv1a(e->identity) : 0);
  if (a.ok()) return e;
  if (mpi::rank() == 0) {
    if (error) std::rethrow_exception(error);
    if (a.failed_rank > 0)
      throw std::runtime_error(fmt::format("MPI rank {} could not prepare the experiment (its message is above)", a.failed_rank));
    throw std::runtime_error(fmt::format("MPI rank {} planned another experiment than rank 0: are the files the same on "
                                         "every machine?",
                                         a.mismatched_rank));
  }
  if (error && a.failed_rank != 0) std::rethrow_exception(error);  // rank 0 cannot tell what went wrong here
  exit_code = a.root_code ? a.root_code : kExitFailure;
  return std::nullopt;
}

Outcome execute(PreparedExperiment& e, const SessionOptions& o, const std::string& what) {
  const experiment::ExperimentModel& model = *e.model;
  experiment::ExperimentRecords& results = e.results;
  const std::size_t record_size = results.schema.record_size();
  const std::vector<Task> tasks = missing_tasks(results, e.shard);
  unsigned lp_threads = o.lp_threads;
  if (lp_threads > 1 && !o.exact_lp_threads && !tasks.empty() && !e.complete) {
    std::string note;
    lp_threads = model.choose_lp_threads(tasks.front().point, lp_threads, note);
    if (mpi::rank() == 0 && !note.empty()) std::cerr << "bstp: " << note << "\n";
  }
  // Replications side by side: --jobs, else this rank's cores shared among replications of
  // lp_threads threads each. A kernel thread that waits for a core holds up every other thread
  // of its replication at each window (4x slower on the region with 2 x 2 threads on 2 cores).
  const unsigned cores = default_threads();
  const unsigned fitting_jobs = std::max(1u, cores / std::max(1u, lp_threads));
  const unsigned threads = o.threads ? o.threads : fitting_jobs;
  if (mpi::rank() == 0 && !e.complete && lp_threads > 1 && threads * lp_threads > cores)
    std::cerr << fmt::format("bstp: --jobs {} x --lp-threads {} = {} threads on {} cores: the threads of a replication "
                             "will wait for one another; --jobs {} would not\n",
                             threads, lp_threads, threads * lp_threads, cores, fitting_jobs);
  const mpi::Compute compute = [&](const mpi::Task& t) { return model.run(t.point, t.replication, lp_threads); };
  if (mpi::rank() != 0) {
    mpi::run_worker(threads, compute);
    return Outcome::worker;
  }
  if (e.complete) {
    if (mpi::size() > 1) mpi::run_master({}, threads, compute, {}, [] { return false; });  // releases the workers
    std::cerr << fmt::format("bstp: {} is already complete (this experiment, every replication{}): nothing to run; "
                             "--force runs it again\n",
                             o.out, e.shard.whole() ? "" : " of this shard");
    return Outcome::already_complete;
  }
  std::vector<mpi::Task> farm_tasks;
  if (mpi::size() > 1)
    for (const Task& t : tasks) farm_tasks.push_back({t.point, t.replication});
  const auto no_stop = [] { return false; };
  InterruptGuard guard;  // before the journal exists: once it does, Ctrl-C is graceful
  if (!o.out.empty() && !e.journal) {
    try {
      e.journal.emplace(experiment::CheckpointJournal::create(experiment::journal_path(o.out), e.identity, record_size));
    } catch (...) {
      if (mpi::size() > 1) mpi::run_master({}, threads, compute, {}, no_stop);  // releases the workers
      throw;
    }
  }
  if (e.resumed > 0)
    std::cerr << fmt::format("bstp: resuming: {} replications read from {}, {} to run\n", e.resumed, e.journal->path(),
                             tasks.size());

  const std::size_t crash = crash_after();
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Clock::duration checkpointing{};
  std::size_t recorded = 0;
  auto record = [&](std::size_t p, std::size_t r) {
    const Clock::time_point before = Clock::now();
    if (e.journal) e.journal->append(p, r, results.values[p][r]);
    checkpointing += Clock::now() - before;
    if (crash && ++recorded == crash) std::_Exit(kExitInterrupted);
  };
  {
    Progress progress(what, tasks.size());
    if (mpi::size() > 1) {
      const mpi::Deliver deliver = [&](const mpi::Task& t, std::vector<double>&& data) {
        if (data.size() != record_size)
          throw std::runtime_error(fmt::format("a replication's record holds {} values, expected {}", data.size(), record_size));
        results.values[t.point][t.replication] = std::move(data);
        record(t.point, t.replication);
        progress.advance();
      };
      mpi::run_master(farm_tasks, threads, compute, deliver, [] { return g_interrupted.load(); });
    } else {
      run_replications(model, results.values, RunSettings{threads, lp_threads}, tasks, record, &progress, &g_interrupted);
    }
  }
  Clock::duration writing{};
  if (const std::size_t left = missing_tasks(results, e.shard).size(); g_interrupted.load() && left > 0) {
    if (e.journal)
      std::cerr << fmt::format("\nbstp: interrupted with {} replications to go; those finished are in {}: run the same "
                               "command with --resume to finish\n",
                               left, e.journal->path());
    else
      std::cerr << fmt::format("\nbstp: interrupted with {} replications to go\n", left);
    return Outcome::interrupted;
  }
  if (!o.out.empty()) {
    results.created_utc = experiment::utc_timestamp_now();
    const Clock::time_point before = Clock::now();
    experiment::write_experiment_file(o.out, results, true);  // --out was checked, and locked, before the work
    e.journal->remove();
    writing = Clock::now() - before;
  }
  if (std::getenv("BSTP_TIMING")) {  // for bench/experiment_throughput.sh
    const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    const double wall = seconds(Clock::now() - start);
    std::cerr << fmt::format("timing: {} replications in {:.3f} s wall ({:.2f} replications/s); checkpoints {:.3f} s, "
                             "results file {:.3f} s: {:.2f}% of the wall time writing results\n",
                             tasks.size(), wall, static_cast<double>(tasks.size()) / wall, seconds(checkpointing),
                             seconds(writing), 100.0 * seconds(checkpointing + writing) / wall);
  }
  return Outcome::finished;
}

std::optional<int> exit_without_results(Outcome outcome) {
  if (outcome == Outcome::worker || outcome == Outcome::already_complete) return kExitOk;
  if (outcome == Outcome::interrupted) return kExitInterrupted;
  return std::nullopt;
}

}  // namespace bstp::tools
