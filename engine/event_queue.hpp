// The pending-event set: a 4-ary min-heap of small fixed-size entries ordered by (time, tie),
// with payloads kept apart in a recycled pool so that moving entries stays cheap and nothing is
// allocated per event once the pool has grown to the peak population.
//
// Performance notes (see docs/performance.md):
// - The (time, tie) pair is compared as one 128-bit integer, which compiles to a compare and a
//   subtract-with-borrow, and the smallest of four children is picked without branches. The
//   outcome of those comparisons is random, so branches would be mispredicted about once per
//   level. For heaps much larger than the L2 cache the branchy version is faster (speculation
//   overlaps the cache misses of successive levels), so sift_down switches on size.
// - Four sentinel entries (later than any real event) follow the last real entry, so every
//   node with a child has four readable children and the inner loop has no bounds checks.
// - replace_top() removes the earliest event and inserts another in one sift-down: the
//   schedulers use it when a handler sends an event while its own event still sits at the top,
//   which in a hold-like model (one event in, one out) saves the separate removal.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/time.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <vector>

namespace bstp::engine {

// The tie-break (detail::make_tie): the source (an LP, or an entity) in the high bits, the source's
// own sequence number in the low bits. Both are properties of the sender, so the order never
// depends on threads.
using detail::make_tie;

inline constexpr std::uint32_t kNoPayload = 0xffffffffu;

// Asks for the first cache lines of an LP (its vtable pointer, handler table pointer and, for
// small LPs, its state) to be loaded while the current event is handled. With many LPs the
// object is usually not in cache, and the miss would otherwise stall the dispatch.
inline void prefetch_lp(const void* lp) {
  const char* p = static_cast<const char*>(lp);
  __builtin_prefetch(p);
  __builtin_prefetch(p + 64);
  __builtin_prefetch(p + 128);
}

struct QueuedEvent {
  Time time;
  std::uint64_t tie;
  LpId destination;
  EventType type;
  std::uint32_t payload;  // slot in the PayloadPool, or kNoPayload
  std::uint32_t bytes = 0;  // payload size (for observers)
};
static_assert(sizeof(QueuedEvent) == 32);

inline bool earlier(const QueuedEvent& a, const QueuedEvent& b) {
  return a.time < b.time || (a.time == b.time && a.tie < b.tie);
}

// Branch-free form of earlier(), for the heap's inner loop. Times are never negative (the clock
// starts at 0 and delays are non-negative), so the unsigned 128-bit order is the pair order.
inline bool earlier_branchless(const QueuedEvent& a, const QueuedEvent& b) {
  const __uint128_t ka = static_cast<__uint128_t>(static_cast<std::uint64_t>(a.time)) << 64 | a.tie;
  const __uint128_t kb = static_cast<__uint128_t>(static_cast<std::uint64_t>(b.time)) << 64 | b.tie;
  return ka < kb;
}

// Payload storage with stable addresses: slots live in fixed-size chunks that never move, so a
// handler may keep reading its event's payload while it sends new ones (which may grow the pool).
class PayloadPool {
 public:
  struct alignas(8) Slot {
    unsigned char bytes[kMaxPayloadBytes];
  };

  std::uint32_t store(const void* bytes, std::size_t size) {
    std::uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
    } else {
      slot = grow();
    }
    std::memcpy(at(slot), bytes, size);
    return slot;
  }
  unsigned char* at(std::uint32_t slot) { return chunks_[slot >> kChunkBits][slot & kChunkMask].bytes; }
  const unsigned char* at(std::uint32_t slot) const { return chunks_[slot >> kChunkBits][slot & kChunkMask].bytes; }
  // Returns the slot to the pool; its contents stay readable until the next store().
  void release(std::uint32_t slot) { free_.push_back(slot); }
  std::size_t capacity() const { return next_; }

 private:
  static constexpr unsigned kChunkBits = 9;  // 512 slots (48 KiB) per chunk
  static constexpr std::uint32_t kChunkSize = 1u << kChunkBits, kChunkMask = kChunkSize - 1;

  std::uint32_t grow() {
    if (next_ == kNoPayload) throw std::length_error("too many pending events with payloads");
    if ((next_ & kChunkMask) == 0) chunks_.push_back(std::make_unique<Slot[]>(kChunkSize));
    free_.reserve(next_ + 1);
    return next_++;
  }

  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::vector<std::uint32_t> free_;
  std::uint32_t next_ = 0;
};

class EventHeap {
 public:
  EventHeap() : slots_(kSentinels, sentinel()) {}

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const QueuedEvent& top() const { return slots_[0]; }
  // Time of the earliest event, kNever when empty.
  Time next_time() const { return size_ == 0 ? kNever : slots_[0].time; }
  void reserve(std::size_t n) { slots_.reserve(n + kSentinels); }

  void push(const QueuedEvent e) {  // by value: `e` may refer into the heap
    std::size_t hole = size_;
    slots_.push_back(sentinel());  // the old first sentinel becomes the new entry's slot
    ++size_;
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!earlier(e, slots_[parent])) break;
      slots_[hole] = slots_[parent];
      hole = parent;
    }
    slots_[hole] = e;
  }

  QueuedEvent pop() {
    const QueuedEvent result = slots_[0];
    remove_top();
    return result;
  }

  // Removes the earliest event.
  void remove_top() {
    --size_;
    const QueuedEvent last = slots_[size_];
    slots_[size_] = sentinel();
    slots_.pop_back();
    if (size_ > 0) sift_down(last);
  }

  // The earliest of the top's children: usually the event after the top (a sentinel when there is
  // none, whose destination is 0). Used to prefetch the next LP while the top is being handled.
  // Requires !empty().
  const QueuedEvent& second() const {
    const QueuedEvent* const h = slots_.data();
    const std::size_t a = 1 + earlier_branchless(h[2], h[1]);
    const std::size_t b = 3 + earlier_branchless(h[4], h[3]);
    return earlier_branchless(h[b], h[a]) ? h[b] : h[a];
  }

  // Removes the earliest event and inserts `e` (one sift-down instead of a pop and a push).
  void replace_top(const QueuedEvent e) { sift_down(e); }

 private:
  static constexpr std::size_t kArity = 4;
  static constexpr std::size_t kSentinels = kArity;  // so that second() may read slots 1-4 of a 1-event heap
  // Beyond this many entries (4 MiB) the heap no longer fits in cache: use branches (see top).
  static constexpr std::size_t kBranchlessLimit = std::size_t{1} << 17;

  static QueuedEvent sentinel() {
    return QueuedEvent{kNever, std::numeric_limits<std::uint64_t>::max(), 0, 0, kNoPayload};
  }

  // Fills the hole at the root with `e`, moving smaller children up.
  void sift_down(const QueuedEvent e) {
    QueuedEvent* const h = slots_.data();
    const std::size_t n = size_;
    std::size_t hole = 0;
    if (n <= kBranchlessLimit) {
      for (;;) {
        const std::size_t first = hole * kArity + 1;
        if (first >= n) break;
        // Sentinels stand in for missing children: they are later than any real event.
        const std::size_t a = first + earlier_branchless(h[first + 1], h[first]);
        const std::size_t b = first + 2 + earlier_branchless(h[first + 3], h[first + 2]);
        const std::size_t mask = std::size_t{0} - static_cast<std::size_t>(earlier_branchless(h[b], h[a]));
        const std::size_t best = a ^ ((a ^ b) & mask);
        if (!earlier_branchless(h[best], e)) break;
        h[hole] = h[best];
        hole = best;
      }
    } else {
      for (;;) {
        const std::size_t first = hole * kArity + 1;
        if (first >= n) break;
        std::size_t best = first;
        for (std::size_t c = first + 1; c < first + kArity; ++c)
          if (earlier(h[c], h[best])) best = c;
        if (!earlier(h[best], e)) break;
        h[hole] = h[best];
        hole = best;
      }
    }
    h[hole] = e;
  }

  // size_ real entries, then kSentinels sentinels.
  std::vector<QueuedEvent> slots_;
  std::size_t size_ = 0;
};

}  // namespace bstp::engine
