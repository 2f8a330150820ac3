// A scenario's `orders:` schedule (docs/model.md, "Orders during a run"): an order changes nothing
// before its day, acts after it in the direction its mechanism says, and gives the same bits on
// any number of kernel threads.
#include "model_fixtures.hpp"

#include <border/border_model.hpp>
#include <border/indicators.hpp>
#include <border/scenario_loader.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bstp::border {
namespace {

// Both Guatemalan units on the raft trail come off the line on `day`.
CompiledScenario tutorial(const std::string& orders = "") {
  std::vector<Override> overrides;
  if (!orders.empty()) overrides.emplace_back("orders", orders);
  return CompiledScenario(ScenarioDocument::from_file("scenarios/tutorial.yaml").resolve("baseline", overrides));
}
const std::string kWithdrawOnDay61 = R"([{day: 61, order: "withdraw coyote_day"}, {day: 61, order: "withdraw coyote_night"}])";

TEST(OrderSchedule, CompilesToEventsInDayOrder) {
  const CompiledScenario s = tutorial(R"([{day: 61, order: "withdraw coyote_day"}, {day: 2.5, order: "lanes tecun_uman 6"},
                                          {day: 61, order: "withdraw coyote_night"}])");
  ASSERT_EQ(s.scheduled_orders.size(), 3u);
  EXPECT_EQ(s.scheduled_orders[0].at, 2 * 86400 + 43200);
  EXPECT_EQ(s.scheduled_orders[0].event.kind, OrderKind::lanes);
  EXPECT_EQ(s.scheduled_orders[0].event.target, 6);
  EXPECT_EQ(s.scheduled_orders[1].event.kind, OrderKind::withdraw_unit);
  EXPECT_EQ(s.scheduled_orders[2].event.kind, OrderKind::withdraw_unit);
  EXPECT_LT(s.scheduled_orders[1].event.subject, s.scheduled_orders[2].event.subject) << "orders of one day keep the list's order";
  EXPECT_EQ(s.scheduled_orders[1].country, s.country_index("GT"));
}

// By hand: nothing can know of an order before its day, so the first two months (60.9 days) are
// the same bits with and without it, replication by replication.
TEST(OrderSchedule, ChangesNothingBeforeItsDay) {
  const CompiledScenario plain = tutorial(), ordered = tutorial(kWithdrawOnDay61);
  for (std::uint64_t r = 0; r < 5; ++r) {
    const ReplicationResult a = simulate_replication(plain, r), b = simulate_replication(ordered, r);
    for (Indicator i : {Indicator::shipments, Indicator::seizures, Indicator::seized_kg, Indicator::delivered_kg, Indicator::arrests})
      for (int month = 0; month < 2; ++month) {
        const double x = a.monthly[static_cast<std::size_t>(i)][month], y = b.monthly[static_cast<std::size_t>(i)][month];
        EXPECT_TRUE(x == y || (std::isnan(x) && std::isnan(y))) << "replication " << r << " month " << month << " indicator "
                                                                   << static_cast<int>(i);
      }
  }
}

// Direction, paired: with both units of the trail off the line from day 61, fewer shipments are
// seized over the year (the bridge checkpoint and Mexico's boats still seize some).
TEST(OrderSchedule, WithdrawingTheTrailUnitsLowersSeizures) {
  constexpr int kReplications = 30;
  const std::vector<double> d = testing::minus(testing::totals(tutorial(kWithdrawOnDay61), Indicator::seizures, kReplications),
                                               testing::totals(tutorial(), Indicator::seizures, kReplications));
  const testing::Sample s = testing::sample_of(d);
  EXPECT_LT(s.mean + 2.045 * s.standard_error, 0.0) << "mean " << s.mean << ", standard error " << s.standard_error;  // t(29, 0.975)
}

TEST(OrderSchedule, SameBitsOnOneAndTwoKernelThreads) {
  const CompiledScenario s = tutorial(R"([{day: 20, order: "placement mx_suchiate random"}, {day: 30, order: "share-intel GT MX"},
                                          {day: 45, order: "hot-pursuit GT MX"}, {day: 61, order: "withdraw coyote_day"}])");
  for (std::uint64_t r = 0; r < 1; ++r) {  // the parallel scheduler is slow on so small a world
    const ReplicationResult one = simulate_replication(s, r, 1), two = simulate_replication(s, r, 2);
    for (std::size_t i = 0; i < one.totals.size(); ++i)
      EXPECT_TRUE(one.totals[i] == two.totals[i] || (std::isnan(one.totals[i]) && std::isnan(two.totals[i]))) << "indicator " << i;
    EXPECT_EQ(one.crossing_kg, two.crossing_kg);
  }
}

}  // namespace
}  // namespace bstp::border
