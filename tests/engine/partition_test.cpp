// How the parallel scheduler shares LPs among workers (engine/partition.hpp), on cases worked by hand.
#include "partition.hpp"

#include <gtest/gtest.h>

#include <bstp/random.hpp>

#include <algorithm>
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

}  // namespace
