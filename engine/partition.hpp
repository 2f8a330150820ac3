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

// Balanced by weight (an LP's measured or declared cost): the heaviest LP first, each to the
// worker with the least weight so far (the longest-processing-time rule: the heaviest worker
// carries at most 4/3 of the best possible share, or its single heaviest LP). Ties go to the
// lower LP id, and to the worker with fewer LPs, then the lower index: equal weights deal the
// LPs out in turn, the same way every time.
Partition partition_by_weight(std::span<const double> weights, std::uint32_t workers);

}  // namespace bstp::engine
