#include "experiment/task_executor.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <new>
#include <utility>

#include <oneapi/tbb/cache_aligned_allocator.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#if defined(__SANITIZE_THREAD__)
#define BSTP_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BSTP_THREAD_SANITIZER 1
#endif
#endif
#ifdef BSTP_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace bstp::experiment {

namespace {

// oneTBB hands a task from the thread that makes it to the thread that runs it, and back to the
// thread that waits for it, through synchronisation inside libtbb. Debian's libtbb is not built
// with ThreadSanitizer, so TSan cannot see those edges and would report every hand-over as a race.
// Under TSan the executor states them, and only them: the thread handing work over releases a
// token, each task acquires it before touching anything of ours and releases a token of its own
// when done, which the waiting thread acquires once the tasks have returned. Tasks never acquire
// each other's tokens, so a race between two tasks still reports (tests/experiments/
// executor_race_probe.cpp checks it). Without TSan these are no-ops.
void hand_over(char& token) {
#ifdef BSTP_THREAD_SANITIZER
  __tsan_release(&token);
#else
  (void)token;
#endif
}
void take_over(char& token) {
#ifdef BSTP_THREAD_SANITIZER
  __tsan_acquire(&token);
#else
  (void)token;
#endif
}

// Reads a value (a pointer to our own state, an index) that oneTBB copied into its task object.
// How that copy reached this thread is inside libtbb, and the read comes before the hand-over it
// leads to, so TSan is not shown this one read; everything read through the pointer is checked.
// (noipa: GCC must not turn the reference into a copy made by the caller, which TSan would see.)
template <class T>
#if defined(BSTP_THREAD_SANITIZER) && defined(__clang__)
__attribute__((noinline, no_sanitize("thread")))
#elif defined(BSTP_THREAD_SANITIZER)
__attribute__((noipa, no_sanitize("thread")))
#endif
T unseen(const T& copied) {
  return copied;
}

// Runs `f` inside `arena`: on the calling thread when it gets a slot there, else oneTBB hands the
// call to one of the arena's threads and waits for it. oneTBB calls this very object (not a copy),
// so the call takes the hand-over through its own address before it reads anything, and hands
// back when done.
template <class F>
void inside(oneapi::tbb::task_arena& arena, F f) {
  struct Call {
    F f;
    char started = 0, finished = 0;
    void operator()() {
      take_over(started);
      f();
      hand_over(finished);
    }
  } call{std::move(f)};
  hand_over(call.started);
  arena.execute(call);
  take_over(call.finished);
}

// What the bodies of one for_each share.
struct Loop {
  Loop(const std::function<void(std::size_t)>& b, const std::atomic<bool>* s) : body(b), stop(s) {}
  const std::function<void(std::size_t)>& body;
  const std::atomic<bool>* stop;
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::exception_ptr error{};
  // TSan tokens: the caller hands over `started`; every body hands over `finished` (TSan merges
  // the releases on one address, as if each body had its own token the caller then takes over).
  char started = 0, finished = 0;

  void run(std::size_t i) {
    if (failed.load() || (stop && stop->load())) return;
    try {
      body(i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  }
};

// One submitted task: made whole before it is handed over, deleted by the task that runs it.
struct Submitted {
  std::function<void()> work;
  char& finished;    // the executor's token, taken over by wait()
  char started = 0;  // TSan token
};

}  // namespace

// oneTBB's own code still writes a task group (its reference count) after the last task body has
// returned, and TSan cannot order that before the join. So the arenas and task groups live in
// memory oneTBB allocates and frees itself (cache_aligned_allocator), never in memory of ours that
// would be freed or reused under TSan's eyes; oneTBB's calls into the allocator are not checked
// (tests/tsan.supp).
struct TaskExecutor::Arena {
  explicit Arena(unsigned threads)
      // oneTBB's pool defaults to one thread per core; a user asking for more threads (a test of
      // determinism on a small machine, say) gets them. The arena of submit keeps no slot for the
      // calling thread, so it needs `threads` workers.
      : allowed(oneapi::tbb::global_control::max_allowed_parallelism, threads + 1),
        joined(static_cast<int>(threads)),
        detached(static_cast<int>(threads), 0) {}
  oneapi::tbb::global_control allowed;
  oneapi::tbb::task_arena joined;    // for_each: the caller is one of its threads
  oneapi::tbb::task_arena detached;  // submit: no slot kept for the caller
  oneapi::tbb::task_group looping, submitted;
  char finished = 0;  // TSan token of the submitted tasks

  static std::unique_ptr<Arena, void (*)(Arena*)> make(unsigned threads) {
    oneapi::tbb::cache_aligned_allocator<Arena> allocator;
    Arena* const arena = allocator.allocate(1);
    try {
      new (arena) Arena(threads);
    } catch (...) {
      allocator.deallocate(arena, 1);
      throw;
    }
    return {arena, [](Arena* a) {
              a->~Arena();
              oneapi::tbb::cache_aligned_allocator<Arena>().deallocate(a, 1);
            }};
  }
};

TaskExecutor::TaskExecutor(unsigned threads) : threads_(std::max(1u, threads)), arena_(Arena::make(threads_)) {}

TaskExecutor::~TaskExecutor() { wait(); }

void TaskExecutor::for_each(std::size_t n, const std::function<void(std::size_t)>& body,
                            const std::atomic<bool>* stop) {
  if (n == 0) return;
  Loop loop(body, stop);
  if (threads_ == 1) {
    for (std::size_t i = 0; i < n; ++i) loop.run(i);
  } else {
    hand_over(loop.started);
    // One task per index (a replication takes milliseconds to minutes: nothing finer is needed);
    // the calling thread takes part while it waits. A task holds a pointer and its index (copied
    // by oneTBB's own code) and takes the hand-over before it reads anything through the pointer.
    Loop* const shared = &loop;
    oneapi::tbb::task_group* const group = &arena_->looping;
    inside(arena_->joined, [shared, group, n] {
      for (std::size_t i = 0; i < n; ++i)
        group->run([shared, i] {
          Loop& mine = *unseen(shared);
          take_over(mine.started);
          mine.run(unseen(i));
          hand_over(mine.finished);
        });
      group->wait();
    });
    take_over(loop.finished);
  }
  if (loop.error) std::rethrow_exception(loop.error);
}

void TaskExecutor::submit(std::function<void()> work) {
  auto* task = new Submitted{std::move(work), arena_->finished};
  hand_over(task->started);
  // enqueue, not execute: the calling thread never joins the arena, so it never waits for a slot
  // and never runs a replication itself.
  arena_->detached.enqueue(arena_->submitted.defer([task]() noexcept {
    Submitted* const mine = unseen(task);
    take_over(mine->started);
    char& finished = mine->finished;
    mine->work();
    delete mine;
    hand_over(finished);
  }));
}

void TaskExecutor::wait() {
  oneapi::tbb::task_group* const submitted = &arena_->submitted;
  inside(arena_->detached, [submitted] { submitted->wait(); });
  take_over(arena_->finished);
}

}  // namespace bstp::experiment
