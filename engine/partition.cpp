#include "partition.hpp"

#include <algorithm>

namespace bstp::engine {
namespace {

Partition from_owners(std::vector<std::uint32_t> owner, std::uint32_t workers) {
  Partition p;
  p.owner = std::move(owner);
  p.local.resize(p.owner.size());
  p.members.resize(workers);
  for (std::size_t lp = 0; lp < p.owner.size(); ++lp) {
    std::vector<LpId>& mine = p.members[p.owner[lp]];
    p.local[lp] = static_cast<std::uint32_t>(mine.size());
    mine.push_back(static_cast<LpId>(lp));
  }
  return p;
}

}  // namespace

Partition partition_in_blocks(std::size_t lp_count, std::uint32_t workers) {
  std::vector<std::uint32_t> owner(lp_count);
  for (std::uint32_t w = 0; w < workers; ++w)
    std::fill(owner.begin() + static_cast<std::ptrdiff_t>(w * lp_count / workers),
              owner.begin() + static_cast<std::ptrdiff_t>((w + 1) * lp_count / workers), w);
  return from_owners(std::move(owner), workers);
}

Partition partition_by_weight(std::span<const double> weights, std::uint32_t workers) {
  std::vector<double> prefix(weights.size() + 1, 0.0);  // prefix[i]: weight of LPs 0 .. i-1
  for (std::size_t lp = 0; lp < weights.size(); ++lp) prefix[lp + 1] = prefix[lp] + std::max(weights[lp], 0.0);
  const double total = prefix.back();
  if (!(total > 0.0)) return partition_in_blocks(weights.size(), workers);
  // Cut w goes at the LP boundary whose weight before it is nearest to w / workers of the total
  // (never before the previous cut); a tie goes to the earlier boundary.
  std::vector<std::uint32_t> owner(weights.size(), 0);
  std::size_t begin = 0;
  for (std::uint32_t w = 0; w < workers; ++w) {
    std::size_t end = weights.size();
    if (w + 1 < workers) {
      const double target = total * static_cast<double>(w + 1) / static_cast<double>(workers);
      end = begin;
      while (end < weights.size() && prefix[end + 1] <= target) ++end;  // last boundary at or below the target
      if (end < weights.size() && prefix[end + 1] - target < target - prefix[end]) ++end;
    }
    std::fill(owner.begin() + static_cast<std::ptrdiff_t>(begin), owner.begin() + static_cast<std::ptrdiff_t>(end), w);
    begin = end;
  }
  return from_owners(std::move(owner), workers);
}

}  // namespace bstp::engine
