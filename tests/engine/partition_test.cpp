// How the parallel scheduler shares LPs among workers (engine/partition.hpp), on cases worked by hand.
#include "partition.hpp"

#include <gtest/gtest.h>

#include <bstp/random.hpp>

#include <algorithm>
#include <numeric>
#include <vector>

namespace {

using bstp::engine::Partition;

TEST(Partition, BlocksAreContiguousAndAsEqualAsPossible) {
  const Partition p = bstp::engine::partition_in_blocks(7, 3);  // 7 * w / 3: cuts at 2 and 4
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2, 2}));
  EXPECT_EQ(p.members[2], (std::vector<bstp::LpId>{4, 5, 6}));
  EXPECT_EQ(p.local, (std::vector<std::uint32_t>{0, 1, 0, 1, 0, 1, 2}));
}

TEST(Partition, ByWeightCutsNearestToEachShare) {
  // Total 11, so the cut aims at 5.5: the boundary after LP 0 has 1 before it (4.5 short), the one
  // after LP 1 has 6 (0.5 over): the cut goes after LP 1.
  const std::vector<double> weights{1, 5, 1, 4};
  const Partition p = bstp::engine::partition_by_weight(weights, 2);
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(p.members[1], (std::vector<bstp::LpId>{2, 3}));
  EXPECT_EQ(p.local, (std::vector<std::uint32_t>{0, 1, 0, 1}));
}

TEST(Partition, OneHeavyLpEndsItsBlock) {
  // The region's shape: one LP (Guatemala's) with most of the work. Its block ends with it; the
  // LPs after it share the other thread. Cut aims at 50: 0.5 before LP 1, 95.2 after it (nearer).
  const std::vector<double> weights{0.5, 94.7, 1, 1, 1, 0.5, 0.5, 0.8};
  const Partition p = bstp::engine::partition_by_weight(weights, 2);
  EXPECT_EQ(p.members[0], (std::vector<bstp::LpId>{0, 1}));
  EXPECT_EQ(p.members[1].size(), 6u);
}

TEST(Partition, EqualWeightsGiveEqualBlocks) {
  EXPECT_EQ(bstp::engine::partition_by_weight(std::vector<double>(6, 2.5), 3).owner,
            (std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2}));
  EXPECT_EQ(bstp::engine::partition_by_weight(std::vector<double>(6, 0.0), 3).owner,
            (std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2}));  // nothing measured: equal counts
}

TEST(Partition, TheBusiestWorkerCarriesAtMostItsShareAndTheHeaviestLp) {
  bstp::RandomStream draws(bstp::StreamId{5, 0, 0, 0});
  for (int trial = 0; trial < 200; ++trial) {
    const auto workers = static_cast<std::uint32_t>(1 + draws.below(6));
    std::vector<double> weights(1 + draws.below(40));
    for (double& w : weights) w = draws.bernoulli(0.1) ? 50.0 * draws.uniform() : draws.uniform();
    const Partition p = bstp::engine::partition_by_weight(weights, workers);
    std::vector<double> load(workers, 0.0);
    double total = 0.0, heaviest = 0.0;
    for (std::size_t lp = 0; lp < weights.size(); ++lp) {
      ASSERT_LT(p.owner[lp], workers);
      if (lp > 0) {
        ASSERT_GE(p.owner[lp], p.owner[lp - 1]) << "blocks are contiguous";
      }
      load[p.owner[lp]] += weights[lp];
      total += weights[lp];
      heaviest = std::max(heaviest, weights[lp]);
    }
    for (std::uint32_t w = 0; w < workers; ++w) EXPECT_LE(load[w], total / workers + heaviest + 1e-9) << "trial " << trial;
  }
}

// Two windows sampled: LPs 0 and 1 work in window 5, LPs 2 and 3 in window 9. Contiguous blocks
// put each window's work on one worker (2 + 3 = 5); interleaving splits both (max(1, 1) +
// max(2, 1) = 3, the least possible).
const std::vector<bstp::engine::WindowLoad> kTwoPhases{{5, 0, 1.0}, {5, 1, 1.0}, {9, 2, 2.0}, {9, 3, 1.0}};

TEST(Partition, BusiestWindowSumAddsEachWindowsBusiestWorker) {
  const Partition blocks = bstp::engine::partition_in_blocks(4, 2);
  EXPECT_EQ(bstp::engine::busiest_window_sum(blocks, kTwoPhases), 5.0);
  Partition interleaved = blocks;
  interleaved.owner = {0, 1, 0, 1};
  EXPECT_EQ(bstp::engine::busiest_window_sum(interleaved, kTwoPhases), 3.0);
}

TEST(Partition, ByWindowLoadsSplitsEveryWindow) {
  // Worked by hand, heaviest first: LP 2 (weight 2) to worker 0 (a tie everywhere); LP 0 raises
  // window 5 by 1 on either, so it goes to the lighter worker 1; LP 1 fits under window 5's
  // busiest on worker 0 (rise 0); LP 3 fits under window 9's on worker 1.
  const std::vector<double> weights{1, 1, 2, 1};
  const Partition p = bstp::engine::partition_by_window_loads(kTwoPhases, weights, 2);
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{1, 0, 0, 1}));
  EXPECT_EQ(p.members[0], (std::vector<bstp::LpId>{1, 2}));
  EXPECT_EQ(p.local, (std::vector<std::uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(bstp::engine::busiest_window_sum(p, kTwoPhases), 3.0);
}

TEST(Partition, InterleavingPaysOnlyWhereWindowsItDidNotSeeAgree) {
  // 20 windows in two phases as above (LPs 0-1 in even windows, 2-3 in odd ones): built on every
  // other window, interleaving halves the blocks' time on the rest.
  std::vector<bstp::engine::WindowLoad> phases;
  for (std::uint64_t window = 0; window < 20; ++window)
    for (bstp::LpId lp = window % 2 == 0 ? 0 : 2; lp < (window % 2 == 0 ? 2u : 4u); ++lp) phases.push_back({window, lp, 1.0});
  const std::vector<double> weights(4, 10.0);
  const Partition blocks = bstp::engine::partition_by_weight(weights, 2);
  EXPECT_EQ(bstp::engine::sampled_windows(phases), 20u);
  EXPECT_TRUE(bstp::engine::window_loads_pay(blocks, phases, weights, 2, 0.95));
  // 64 LPs that all work in every window, each for a random time: the greedy fits the noise of
  // the windows it sees, which tells nothing about the others, so the blocks stay.
  bstp::RandomStream draws(bstp::StreamId{8, 0, 0, 0});
  std::vector<bstp::engine::WindowLoad> alike;
  std::vector<double> totals(64, 0.0);
  for (std::uint64_t window = 0; window < 40; ++window)
    for (bstp::LpId lp = 0; lp < 64; ++lp) {
      const auto t = static_cast<float>(draws.exponential(1.0));
      alike.push_back({window, lp, t});
      totals[lp] += t;
    }
  EXPECT_FALSE(bstp::engine::window_loads_pay(bstp::engine::partition_by_weight(totals, 2), alike, totals, 2, 0.95));
}

TEST(Partition, ByWindowLoadsWithoutSamplesBalancesTheTotals) {
  // No window sampled: longest-processing-time-first on the weights, so the busiest worker carries
  // at most its share plus the heaviest LP; LPs that weigh nothing are shared out by count.
  bstp::RandomStream draws(bstp::StreamId{6, 0, 0, 0});
  for (int trial = 0; trial < 200; ++trial) {
    const auto workers = static_cast<std::uint32_t>(1 + draws.below(6));
    std::vector<double> weights(1 + draws.below(40));
    for (double& w : weights) w = draws.bernoulli(0.1) ? 50.0 * draws.uniform() : draws.uniform();
    const Partition p = bstp::engine::partition_by_window_loads({}, weights, workers);
    std::vector<double> load(workers, 0.0);
    for (std::size_t lp = 0; lp < weights.size(); ++lp) load[p.owner.at(lp)] += weights[lp];
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    const double heaviest = *std::max_element(weights.begin(), weights.end());
    for (std::uint32_t w = 0; w < workers; ++w) EXPECT_LE(load[w], total / workers + heaviest + 1e-9) << "trial " << trial;
  }
  const Partition idle = bstp::engine::partition_by_window_loads({}, std::vector<double>(6, 0.0), 3);
  for (const auto& members : idle.members) EXPECT_EQ(members.size(), 2u);
}

TEST(Partition, ByWindowLoadsKeepsOneWindowWithinItsShareAndItsHeaviestLp) {
  // One sampled window: each LP goes where the window's busiest load rises least, as in
  // longest-processing-time-first, so that window's busiest worker carries at most its share plus
  // its heaviest LP.
  bstp::RandomStream draws(bstp::StreamId{7, 0, 0, 0});
  for (int trial = 0; trial < 200; ++trial) {
    const auto workers = static_cast<std::uint32_t>(1 + draws.below(6));
    const auto lps = 1 + draws.below(40);
    std::vector<bstp::engine::WindowLoad> loads;
    std::vector<double> weights(lps, 0.0);
    for (std::uint32_t lp = 0; lp < lps; ++lp) {
      const auto weight = static_cast<float>(draws.bernoulli(0.1) ? 50.0 * draws.uniform() : draws.uniform());
      weights[lp] = weight;
      loads.push_back({3, lp, weight});
    }
    const Partition p = bstp::engine::partition_by_window_loads(loads, weights, workers);
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    const double heaviest = *std::max_element(weights.begin(), weights.end());
    EXPECT_LE(bstp::engine::busiest_window_sum(p, loads), total / workers + heaviest + 1e-9) << "trial " << trial;
  }
}

}  // namespace
