// The hold model on the engine's pending-event set: N events pending; each step pops the
// earliest and pushes one at its time plus a random increment, so the population stays at N.
// Reports steps (one pop + one push) per second. BM_HoldModelReplaceTop does each step as one
// replace_top(), which is what the schedulers do when a handler sends an event.
#include "event_queue.hpp"

#include <bstp/random.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace {

using bstp::engine::EventHeap;
using bstp::engine::QueuedEvent;

// Exponential increments with mean 1e6 ticks, drawn in advance so the loop times the heap alone.
std::vector<bstp::Time> increments() {
  bstp::RandomStream r(bstp::StreamId{1, 0, 0, 0});
  std::vector<bstp::Time> out(1 << 16);
  for (auto& x : out) x = 1 + static_cast<bstp::Time>(r.exponential(1e6));
  return out;
}

template <bool kReplaceTop>
void hold_model(benchmark::State& state) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  const std::vector<bstp::Time> inc = increments();
  const std::size_t mask = inc.size() - 1;
  EventHeap heap;
  heap.reserve(pending + 1);
  std::vector<std::uint64_t> sequence(pending, 0);
  std::size_t k = 0;
  for (std::uint32_t i = 0; i < pending; ++i)
    heap.push(QueuedEvent{inc[k++ & mask], bstp::engine::make_tie(i, sequence[i]++), i, 0, bstp::engine::kNoPayload});
  for (auto _ : state) {
    if constexpr (kReplaceTop) {
      const QueuedEvent e = heap.top();
      heap.replace_top(QueuedEvent{e.time + inc[k++ & mask],
                                   bstp::engine::make_tie(e.destination, sequence[e.destination]++), e.destination, 0,
                                   bstp::engine::kNoPayload});
    } else {
      const QueuedEvent e = heap.pop();
      heap.push(QueuedEvent{e.time + inc[k++ & mask], bstp::engine::make_tie(e.destination, sequence[e.destination]++),
                            e.destination, 0, bstp::engine::kNoPayload});
    }
  }
  benchmark::DoNotOptimize(heap.top());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_HoldModel(benchmark::State& state) { hold_model<false>(state); }
void BM_HoldModelReplaceTop(benchmark::State& state) { hold_model<true>(state); }

BENCHMARK(BM_HoldModel)->ArgName("pending")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_HoldModelReplaceTop)->ArgName("pending")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

}  // namespace

BENCHMARK_MAIN();
