// The one executor of the experiment layer, on oneTBB: replications (local runs and the MPI
// farm's compute threads alike) and the compilation of design points run as tasks in a task
// arena of the thread count asked for. Every task writes its own slot (by index), so results never
// depend on which thread ran what or in which order.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>

namespace bstp::experiment {

class TaskExecutor {
 public:
  // `threads` tasks at most run at once (at least 1), on a machine of any size: the arena may
  // hold more threads than cores when asked to.
  explicit TaskExecutor(unsigned threads);
  ~TaskExecutor();
  TaskExecutor(const TaskExecutor&) = delete;
  TaskExecutor& operator=(const TaskExecutor&) = delete;

  unsigned threads() const { return threads_; }

  // Runs body(i) for every i in [0, n), the calling thread taking part (with one thread, only the
  // calling thread, in order). Once `*stop` is true, or once a body has thrown, no more bodies
  // start; the first exception thrown is rethrown here after the bodies running have returned.
  void for_each(std::size_t n, const std::function<void(std::size_t)>& body, const std::atomic<bool>* stop = nullptr);

  // Queues `work` for one of the arena's threads and returns at once: the calling thread never
  // runs it (it may be the one that talks MPI). `work` must not throw.
  void submit(std::function<void()> work);
  // Waits for every submitted task to return.
  void wait();

 private:
  struct Arena;
  unsigned threads_;
  std::unique_ptr<Arena, void (*)(Arena*)> arena_;
};

}  // namespace bstp::experiment
