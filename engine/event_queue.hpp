// The pending-event set: a 4-ary min-heap of small fixed-size entries ordered by (time, tie),
// with payloads kept apart in a recycled pool so that moving entries stays cheap and nothing is
// allocated per event once the pool has grown to the peak population.
#pragma once

#include <bstp/logical_process.hpp>
#include <bstp/time.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace bstp::engine {

// The tie-break: source LP in the high bits, the source's own sequence number in the low bits.
// Both are properties of the sending LP, so the order never depends on threads.
inline constexpr int kSequenceBits = 40;
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << kSequenceBits) - 1;
inline constexpr std::uint64_t kMaxLps = std::uint64_t{1} << (64 - kSequenceBits);

inline std::uint64_t make_tie(LpId source, std::uint64_t sequence) {
  if (sequence > kMaxSequence) throw std::overflow_error("an LP sent more than 2^40 events");
  return (std::uint64_t{source} << kSequenceBits) | sequence;
}

inline constexpr std::uint32_t kNoPayload = 0xffffffffu;

struct QueuedEvent {
  Time time;
  std::uint64_t tie;
  LpId destination;
  EventType type;
  std::uint32_t payload;  // slot in the PayloadPool, or kNoPayload
  std::uint32_t unused = 0;
};
static_assert(sizeof(QueuedEvent) == 32);

inline bool earlier(const QueuedEvent& a, const QueuedEvent& b) {
  return a.time < b.time || (a.time == b.time && a.tie < b.tie);
}

class PayloadPool {
 public:
  using Slot = std::array<unsigned char, kMaxPayloadBytes>;
  std::uint32_t store(const void* bytes, std::size_t size) {
    std::uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    std::memcpy(slots_[slot].data(), bytes, size);
    return slot;
  }
  // Copies the payload out and frees the slot (the handler may store new payloads meanwhile).
  void take(std::uint32_t slot, Slot& out) {
    out = slots_[slot];
    free_.push_back(slot);
  }
  const Slot& peek(std::uint32_t slot) const { return slots_[slot]; }
  std::size_t capacity() const { return slots_.size(); }

 private:
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;
};

class EventHeap {
 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const QueuedEvent& top() const { return heap_.front(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

  void push(const QueuedEvent& e) {
    std::size_t hole = heap_.size();
    heap_.push_back(e);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!earlier(e, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = e;
  }

  QueuedEvent pop() {
    const QueuedEvent result = heap_.front();
    const QueuedEvent last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return result;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t stop = first + kArity < n ? first + kArity : n;
      for (std::size_t c = first + 1; c < stop; ++c)
        if (earlier(heap_[c], heap_[best])) best = c;
      if (!earlier(heap_[best], last)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = last;
    return result;
  }

 private:
  static constexpr std::size_t kArity = 4;
  std::vector<QueuedEvent> heap_;
};

}  // namespace bstp::engine
