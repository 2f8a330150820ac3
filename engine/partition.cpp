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

// The windows `loads` sample, in order.
std::vector<std::uint64_t> windows_of(std::span<const WindowLoad> loads) {
  std::vector<std::uint64_t> ids;
  ids.reserve(loads.size());
  for (const WindowLoad& l : loads) ids.push_back(l.window);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The index of `window` among `ids` (windows_of: sorted, one each).
std::size_t slot_of(const std::vector<std::uint64_t>& ids, std::uint64_t window) {
  return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), window) - ids.begin());
}

}  // namespace

std::size_t sampled_windows(std::span<const WindowLoad> loads) { return windows_of(loads).size(); }

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

double busiest_window_sum(const Partition& partition, std::span<const WindowLoad> loads) {
  std::vector<WindowLoad> by_window(loads.begin(), loads.end());
  std::sort(by_window.begin(), by_window.end(), [](const WindowLoad& a, const WindowLoad& b) { return a.window < b.window; });
  std::vector<double> load(partition.workers(), 0.0);
  double sum = 0.0;
  for (std::size_t i = 0; i < by_window.size();) {
    std::fill(load.begin(), load.end(), 0.0);
    const std::uint64_t window = by_window[i].window;
    for (; i < by_window.size() && by_window[i].window == window; ++i)
      load[partition.owner.at(by_window[i].lp)] += std::max<double>(by_window[i].weight, 0.0);
    sum += *std::max_element(load.begin(), load.end());
  }
  return sum;
}

Partition partition_by_window_loads(std::span<const WindowLoad> loads, std::span<const double> weights,
                                    std::uint32_t workers) {
  const std::size_t lp_count = weights.size();
  // Number the sampled windows 0 .. windows-1 and group each LP's samples (by LP, then window).
  const std::vector<std::uint64_t> window_ids = windows_of(loads);
  struct Sample {
    std::uint32_t slot;
    double weight;
  };
  std::vector<std::size_t> first(lp_count + 1, 0);  // LP lp's samples: samples[first[lp] .. first[lp + 1])
  for (const WindowLoad& l : loads) ++first.at(l.lp + 1);
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<Sample> samples(loads.size());
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (const WindowLoad& l : loads)
      samples[next[l.lp]++] = {static_cast<std::uint32_t>(slot_of(window_ids, l.window)), std::max<double>(l.weight, 0.0)};
  }
  std::vector<LpId> order(lp_count);
  std::iota(order.begin(), order.end(), LpId{0});
  std::stable_sort(order.begin(), order.end(), [&](LpId a, LpId b) { return weights[a] > weights[b]; });

  const std::size_t windows = window_ids.size();
  std::vector<double> load(static_cast<std::size_t>(workers) * windows, 0.0);  // [worker * windows + slot]
  std::vector<double> busiest(windows, 0.0);                                     // each window's busiest load
  std::vector<double> total(workers, 0.0);
  std::vector<std::size_t> count(workers, 0);
  std::vector<std::uint32_t> owner(lp_count, 0);
  for (const LpId lp : order) {
    const std::span<const Sample> mine(samples.data() + first[lp], first[lp + 1] - first[lp]);
    std::uint32_t best = 0;
    double best_rise = 0.0;
    for (std::uint32_t w = 0; w < workers; ++w) {
      double rise = 0.0;  // how much this LP on w raises the busiest_window_sum
      for (const Sample& s : mine) rise += std::max(0.0, load[w * windows + s.slot] + s.weight - busiest[s.slot]);
      const bool tie = rise == best_rise;
      if (w == 0 || rise < best_rise || (tie && total[w] < total[best]) ||
          (tie && total[w] == total[best] && count[w] < count[best])) {
        best = w;
        best_rise = rise;
      }
    }
    owner[lp] = best;
    total[best] += std::max(weights[lp], 0.0);
    ++count[best];
    for (const Sample& s : mine) {
      double& l = load[best * windows + s.slot];
      l += s.weight;
      busiest[s.slot] = std::max(busiest[s.slot], l);
    }
  }
  return from_owners(std::move(owner), workers);
}

bool window_loads_pay(const Partition& blocks, std::span<const WindowLoad> loads, std::span<const double> weights,
                      std::uint32_t workers, double gain) {
  const std::vector<std::uint64_t> window_ids = windows_of(loads);
  if (window_ids.size() < 2) return false;
  std::vector<WindowLoad> seen, unseen;
  for (const WindowLoad& l : loads) (slot_of(window_ids, l.window) % 2 == 0 ? seen : unseen).push_back(l);
  const Partition interleaved = partition_by_window_loads(seen, weights, workers);
  return busiest_window_sum(interleaved, unseen) <= gain * busiest_window_sum(blocks, unseen);
}

}  // namespace bstp::engine
