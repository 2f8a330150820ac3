// Which worker thread of the parallel scheduler runs which LP. Internal to the engine.
//
// Any partition gives the same results (events are ordered by (time, source, sequence), never by
// worker); a partition only decides how evenly the work of each window is shared, and so the speed.
#pragma once

#include <bstp/logical_process.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bstp::engine {

struct Partition {
  std::vector<std::uint32_t> owner;           // worker of each LP
  std::vector<std::uint32_t> local;           // each LP's index among its worker's LPs
  std::vector<std::vector<LpId>> members;     // each worker's LPs, in id order

  std::uint32_t workers() const { return static_cast<std::uint32_t>(members.size()); }
};

// Contiguous blocks of LP ids, as equal in count as possible.
Partition partition_in_blocks(std::size_t lp_count, std::uint32_t workers);

// Contiguous blocks of LP ids balanced by weight (an LP's measured or declared cost): cut w falls
// at the boundary whose weight before it is nearest to w / workers of the total, so a block
// misses its share by at most the weight of the LP at each of its ends (the busiest worker
// carries at most total / workers + the heaviest LP), and neighbouring LPs, which usually talk
// most and sit side by side in memory, stay on one thread. Zero total weight: equal counts.
Partition partition_by_weight(std::span<const double> weights, std::uint32_t workers);

// Handler time an LP spent in one window (a sample of the windows the scheduler timed).
struct WindowLoad {
  std::uint64_t window = 0;
  LpId lp = 0;
  float weight = 0.0f;
};

// How many windows `loads` sample.
std::size_t sampled_windows(std::span<const WindowLoad> loads);

// The sum, over the windows `loads` sample, of the busiest worker's load in that window: the time
// the sampled windows take on `partition` (threads work side by side only within a window).
double busiest_window_sum(const Partition& partition, std::span<const WindowLoad> loads);

// Shares LPs so that the work of each sampled window splits evenly, not only the totals (a model
// whose LPs work at different moments, e.g. hourly queues and daily planners, needs both kinds on
// every worker). Greedy, heaviest LP first (by `weights`, one per LP): each goes to the worker on
// which it raises the busiest_window_sum least; a tie to the worker with the least total weight,
// then the fewest LPs. LPs end up interleaved, not in blocks.
Partition partition_by_window_loads(std::span<const WindowLoad> loads, std::span<const double> weights,
                                    std::uint32_t workers);

// Whether partition_by_window_loads beats `blocks` clearly on windows it has not seen: built on
// every other sampled window (in time order), it must bring the busiest_window_sum of the others
// to at most `gain` times the blocks'. On its own samples it always looks better: with many LPs
// that work alike (PHOLD), it fits the noise of the timings; so a few windows say little.
bool window_loads_pay(const Partition& blocks, std::span<const WindowLoad> loads, std::span<const double> weights,
                      std::uint32_t workers, double gain);

}  // namespace bstp::engine
