#include "experiment/task_executor.hpp"

#include <algorithm>
#include <exception>
#include <mutex>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

namespace bstp::experiment {

struct TaskExecutor::Arena {
  explicit Arena(unsigned threads)
      // oneTBB's pool defaults to one thread per core; a user asking for more threads (a test of
      // determinism on a small machine, say) gets them. One more for the arena used by submit,
      // whose calling thread does not take part.
      : allowed(oneapi::tbb::global_control::max_allowed_parallelism, threads + 1),
        joined(static_cast<int>(threads)),
        detached(static_cast<int>(threads), 0) {}
  oneapi::tbb::global_control allowed;
  oneapi::tbb::task_arena joined;    // for_each: the caller is one of its threads
  oneapi::tbb::task_arena detached;  // submit: no slot kept for the caller
  oneapi::tbb::task_group submitted;
};

TaskExecutor::TaskExecutor(unsigned threads)
    : threads_(std::max(1u, threads)), arena_(std::make_unique<Arena>(threads_)) {}

TaskExecutor::~TaskExecutor() {
  if (arena_) wait();
}

void TaskExecutor::for_each(std::size_t n, const std::function<void(std::size_t)>& body,
                            const std::atomic<bool>* stop) {
  if (n == 0) return;
  std::mutex error_mutex;
  std::exception_ptr error;
  std::atomic<bool> failed{false};
  const auto run_one = [&](std::size_t i) {
    if (failed.load() || (stop && stop->load())) return;
    try {
      body(i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  if (threads_ == 1) {
    for (std::size_t i = 0; i < n; ++i) run_one(i);
  } else {
    // One index per task (a replication takes milliseconds to minutes: nothing finer is needed).
    arena_->joined.execute([&] {
      oneapi::tbb::parallel_for(
          oneapi::tbb::blocked_range<std::size_t>(0, n, 1),
          [&](const oneapi::tbb::blocked_range<std::size_t>& range) {
            for (std::size_t i = range.begin(); i != range.end(); ++i) run_one(i);
          },
          oneapi::tbb::simple_partitioner());
    });
  }
  if (error) std::rethrow_exception(error);
}

void TaskExecutor::submit(std::function<void()> work) {
  arena_->detached.execute([&] { arena_->submitted.run(std::move(work)); });
}

void TaskExecutor::wait() {
  arena_->detached.execute([&] { arena_->submitted.wait(); });
}

}  // namespace bstp::experiment
