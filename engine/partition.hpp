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

}  // namespace bstp::engine
