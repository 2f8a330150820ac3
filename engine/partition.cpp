#include "partition.hpp"

#include <algorithm>
#include <numeric>

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
  std::vector<std::size_t> heaviest_first(weights.size());
  std::iota(heaviest_first.begin(), heaviest_first.end(), std::size_t{0});
  std::stable_sort(heaviest_first.begin(), heaviest_first.end(),
                   [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
  std::vector<double> load(workers, 0.0);
  std::vector<std::size_t> count(workers, 0);
  std::vector<std::uint32_t> owner(weights.size(), 0);
  for (const std::size_t lp : heaviest_first) {
    std::uint32_t lightest = 0;  // least weight, then fewest LPs, then lowest index
    for (std::uint32_t w = 1; w < workers; ++w)
      if (load[w] < load[lightest] || (load[w] == load[lightest] && count[w] < count[lightest])) lightest = w;
    owner[lp] = lightest;
    load[lightest] += std::max(weights[lp], 0.0);
    ++count[lightest];
  }
  return from_owners(std::move(owner), workers);
}

}  // namespace bstp::engine
