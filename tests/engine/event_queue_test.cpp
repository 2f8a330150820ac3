// The engine's pending-event set and payload pool (engine internals): the heap yields events in
// exact (time, tie) order through any mix of push, pop, remove_top and replace_top, on both of
// its code paths (small heaps: branch-free; beyond 2^17 entries: branchy), and payload slots
// keep their address and contents while the pool grows.
#include "event_queue.hpp"

#include <bstp/random.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

namespace {

using bstp::engine::EventHeap;
using bstp::engine::PayloadPool;
using bstp::engine::QueuedEvent;

QueuedEvent event(bstp::Time time, std::uint64_t tie) {
  return QueuedEvent{time, tie, static_cast<bstp::LpId>(tie & 0xffff), 0, bstp::engine::kNoPayload};
}

// Drives the heap and a std::multiset side by side through random operations. Times are drawn
// from a small range so that equal times (decided by the tie) are common.
void check_against_reference(std::size_t target_size, std::uint64_t seed) {
  bstp::RandomStream r(bstp::StreamId{seed, 0, 0, 0});
  EventHeap heap;
  std::set<std::pair<bstp::Time, std::uint64_t>> reference;
  std::uint64_t next_tie = 0;
  bstp::Time now = 0;
  auto fresh = [&] {
    return event(now + static_cast<bstp::Time>(r.below(target_size / 4 + 2)), (r.below(1000) << 24) | next_tie++);
  };
  while (reference.size() < target_size) {
    const QueuedEvent e = fresh();
    heap.push(e);
    reference.insert({e.time, e.tie});
  }
  const std::size_t steps = std::min<std::size_t>(4 * target_size + 1000, 40000);
  for (std::size_t step = 0; step < steps; ++step) {
    ASSERT_EQ(heap.size(), reference.size());
    if (reference.empty()) break;
    ASSERT_EQ(heap.top().time, reference.begin()->first);
    ASSERT_EQ(heap.top().tie, reference.begin()->second);
    now = heap.top().time;
    if (reference.size() >= 2) {  // the second earliest is always a child of the top
      const QueuedEvent& second = heap.second();
      EXPECT_EQ(std::make_pair(second.time, second.tie), *std::next(reference.begin()));
    }
    reference.erase(reference.begin());
    switch (r.below(4)) {
      case 0: {  // pop, then push
        const QueuedEvent popped = heap.pop();
        ASSERT_EQ(popped.time, now);
        const QueuedEvent e = fresh();
        heap.push(e);
        reference.insert({e.time, e.tie});
        break;
      }
      case 1: {  // replace the top (the schedulers' hold step)
        const QueuedEvent e = fresh();
        heap.replace_top(e);
        reference.insert({e.time, e.tie});
        break;
      }
      case 2:  // shrink
        heap.remove_top();
        break;
      default: {  // replace the top by an event at the same time, then grow
        const QueuedEvent e = event(now, next_tie++);
        heap.replace_top(e);
        reference.insert({e.time, e.tie});
        const QueuedEvent f = fresh();
        heap.push(f);
        reference.insert({f.time, f.tie});
      }
    }
  }
  while (!reference.empty()) {
    ASSERT_EQ(heap.top().tie, reference.begin()->second);
    reference.erase(reference.begin());
    heap.remove_top();
  }
  EXPECT_TRUE(heap.empty());
  EXPECT_EQ(heap.next_time(), bstp::kNever);
}

TEST(EventHeap, SmallHeapsMatchAnOrderedReference) {
  for (std::size_t size : {1u, 2u, 3u, 4u, 5u, 6u, 17u, 100u, 1000u}) check_against_reference(size, size);
}

TEST(EventHeap, HeapsBeyondTheBranchFreeLimitMatchAnOrderedReference) {
  check_against_reference((std::size_t{1} << 17) + 5000, 77);
}

TEST(EventHeap, EqualTimesAreOrderedByTie) {
  EventHeap heap;
  for (std::uint64_t tie : {5u, 3u, 9u, 1u, 7u}) heap.push(event(10, tie));
  heap.push(event(9, 100));
  std::vector<std::uint64_t> ties;
  while (!heap.empty()) ties.push_back(heap.pop().tie);
  EXPECT_EQ(ties, (std::vector<std::uint64_t>{100, 1, 3, 5, 7, 9}));
}

TEST(EventHeap, PushingAnEntryOfTheHeapItselfIsSafe) {
  EventHeap heap;  // push takes its argument by value although it may reallocate
  heap.push(event(1, 1));
  for (int i = 0; i < 100; ++i) heap.push(heap.top());
  EXPECT_EQ(heap.size(), 101u);
}

TEST(PayloadPool, SlotsKeepTheirAddressAndContentsWhileThePoolGrows) {
  PayloadPool pool;
  std::vector<std::pair<std::uint32_t, const unsigned char*>> slots;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    unsigned char bytes[bstp::kMaxPayloadBytes];
    std::memset(bytes, static_cast<int>(i % 251), sizeof bytes);
    const std::uint32_t slot = pool.store(bytes, sizeof bytes);
    slots.push_back({slot, pool.at(slot)});
  }
  for (std::uint32_t i = 0; i < slots.size(); ++i) {
    ASSERT_EQ(pool.at(slots[i].first), slots[i].second);
    ASSERT_EQ(slots[i].second[0], i % 251);
    ASSERT_EQ(slots[i].second[bstp::kMaxPayloadBytes - 1], i % 251);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(slots[i].second) % 8, 0u) << "payloads must be 8-byte aligned";
  }
  // Released slots are reused before the pool grows.
  pool.release(slots[10].first);
  const unsigned char one = 1;
  EXPECT_EQ(pool.store(&one, 1), slots[10].first);
  EXPECT_EQ(pool.capacity(), 5000u);
}

}  // namespace
