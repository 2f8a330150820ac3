// How the parallel scheduler shares LPs among workers (engine/partition.hpp), on cases worked by hand.
#include "partition.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using bstp::engine::Partition;

TEST(Partition, BlocksAreContiguousAndAsEqualAsPossible) {
  const Partition p = bstp::engine::partition_in_blocks(7, 3);  // 7 * w / 3: cuts at 2 and 4
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2, 2}));
  EXPECT_EQ(p.members[2], (std::vector<bstp::LpId>{4, 5, 6}));
  EXPECT_EQ(p.local, (std::vector<std::uint32_t>{0, 1, 0, 1, 0, 1, 2}));
}

TEST(Partition, ByWeightPutsTheHeaviestFirstOnTheLightestWorker) {
  // Heaviest first: LP 1 (5) -> worker 0; LP 3 (4) -> worker 1; LP 0 (1) -> worker 1 (4 < 5);
  // LP 2 (1): both workers carry 5, worker 0 has fewer LPs (1 against 2), so worker 0.
  const std::vector<double> weights{1, 5, 1, 4};
  const Partition p = bstp::engine::partition_by_weight(weights, 2);
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{1, 0, 0, 1}));
  EXPECT_EQ(p.members[0], (std::vector<bstp::LpId>{1, 2}));
  EXPECT_EQ(p.members[1], (std::vector<bstp::LpId>{0, 3}));
  EXPECT_EQ(p.local, (std::vector<std::uint32_t>{0, 0, 1, 1}));
}

TEST(Partition, OneHeavyLpGetsAWorkerToItself) {
  // The region's shape: one LP with most of the work. It stays alone; the rest share the others.
  const std::vector<double> weights{0.5, 94.7, 1, 1, 1, 0.5, 0.5, 0.8};
  const Partition p = bstp::engine::partition_by_weight(weights, 2);
  EXPECT_EQ(p.members[0], (std::vector<bstp::LpId>{1}));
  EXPECT_EQ(p.members[1].size(), 7u);
}

TEST(Partition, EqualWeightsAreDealtOutInTurn) {
  const std::vector<double> zero(6, 0.0);
  const Partition p = bstp::engine::partition_by_weight(zero, 3);
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{0, 1, 2, 0, 1, 2}));
}

TEST(Partition, MoreWorkersThanLpsLeavesSomeEmpty) {
  const std::vector<double> weights{3, 2};
  const Partition p = bstp::engine::partition_by_weight(weights, 4);
  EXPECT_EQ(p.owner, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_TRUE(p.members[2].empty());
  EXPECT_TRUE(p.members[3].empty());
}

}  // namespace
