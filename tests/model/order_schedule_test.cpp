// A scenario's `orders:` schedule (docs/model.md, "Orders during a run"): an order changes nothing
// before its day, acts after it in the direction its mechanism says, is paid for from its day, and
// gives the same bits on any number of kernel threads.
#include "model_fixtures.hpp"

#include <border/border_model.hpp>
#include <border/indicators.hpp>
#include <border/order_costs.hpp>
#include <border/scenario_loader.hpp>

#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bstp::border {
namespace {

// The tutorial's baseline with `orders` as its schedule.
CompiledScenario tutorial(const std::string& orders = "", std::vector<Override> overrides = {}) {
  if (!orders.empty()) overrides.emplace_back("orders", orders);
  return CompiledScenario(ScenarioDocument::from_file("scenarios/tutorial.yaml").resolve("baseline", overrides));
}
// Both Guatemalan units on the raft trail come off the line on day 61.
const std::string kWithdrawOnDay61 = R"([{day: 61, order: "withdraw coyote_day"}, {day: 61, order: "withdraw coyote_night"}])";

TEST(OrderSchedule, CompilesToEventsInDayOrder) {
  const CompiledScenario s = tutorial(R"([{day: 61, order: "withdraw coyote_day"}, {day: 2.5, order: "lanes tecun_uman 6"},
                                          {day: 61, order: "withdraw coyote_night"}])");
  ASSERT_EQ(s.scheduled_orders.size(), 3u);
  EXPECT_EQ(s.scheduled_orders[0].at, 2 * kDay + 12 * kHour);
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
                                          {day: 45, order: "hot-pursuit GT MX"}, {day: 61, order: "withdraw coyote_day"},
                                          {day: 10, order: "train creompaz_basic GT 20 3"}, {day: 5, order: "observe gt_suchiate 40"},
                                          {day: 50, order: "close-leg coatepeque-paso_del_coyote"}, {day: 90, order: "open-leg coatepeque-paso_del_coyote"}])",
                                      {{"scenario.horizon_days", "120"}});
  for (std::uint64_t r = 0; r < 1; ++r) {  // the parallel scheduler is slow on so small a world
    const ReplicationResult one = simulate_replication(s, r, 1), two = simulate_replication(s, r, 2);
    for (std::size_t i = 0; i < one.totals.size(); ++i)
      EXPECT_TRUE(one.totals[i] == two.totals[i] || (std::isnan(one.totals[i]) && std::isnan(two.totals[i]))) << "indicator " << i;
    EXPECT_EQ(one.crossing_kg, two.crossing_kg);
  }
}

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

double crossing_kg(const CompiledScenario& s, const ReplicationResult& r, const std::string& node) {
  return r.crossing_kg[static_cast<std::size_t>(s.crossing_slot[s.graph().index_of(node)])];
}

// By construction: with the trail to the rafts closed from the start, no load crosses on the
// rafts: every load that crosses goes over the bridge (in the open tutorial, the rafts carry some).
TEST(OrderSchedule, ClosingTheRaftTrailSendsEveryLoadOverTheBridge) {
  const CompiledScenario open = tutorial(), closed = tutorial(R"([{day: 0, order: "close-leg coatepeque-paso_del_coyote"}])");
  double rafts_when_open = 0.0;
  for (std::uint64_t r = 0; r < 5; ++r) {
    const ReplicationResult a = simulate_replication(open, r), b = simulate_replication(closed, r);
    rafts_when_open += crossing_kg(open, a, "paso_del_coyote");
    EXPECT_EQ(crossing_kg(closed, b, "paso_del_coyote"), 0.0) << "replication " << r;
    EXPECT_EQ(crossing_kg(closed, b, "tecun_uman"), std::accumulate(b.crossing_kg.begin(), b.crossing_kg.end(), 0.0))
        << "replication " << r;
  }
  EXPECT_GT(rafts_when_open, 0.0);
}

// A flood closes the only road out of the landing from day 30 to day 200: nothing crosses in the
// months wholly inside the closure (months 3 to 6, days 61-183), shipments not sent then count as
// deterred, and loads cross again once the road is open.
TEST(OrderSchedule, ARoadClosedByAFloodStopsTheFlowUntilItOpens) {
  const CompiledScenario s = tutorial(R"([{day: 30, order: "close-leg ocos_landing-coatepeque"},
                                          {day: 200, order: "open-leg ocos_landing-coatepeque"}])");
  const CompiledScenario plain = tutorial();
  double after = 0.0;  // kg crossing in months 8 to 10, over the replications
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult a = simulate_replication(s, r), b = simulate_replication(plain, r);
    for (int month = 2; month < 6; ++month) {
      double kg = 0.0;
      for (const std::vector<double>& crossing : a.crossing_kg_monthly) kg += crossing[static_cast<std::size_t>(month)];
      EXPECT_EQ(kg, 0.0) << "replication " << r << " month " << month;
    }
    EXPECT_GT(total(a, Indicator::deterred_shipments), total(b, Indicator::deterred_shipments)) << "replication " << r;
    for (const std::vector<double>& crossing : a.crossing_kg_monthly) after += crossing[8] + crossing[9] + crossing[10];
  }
  EXPECT_GT(after, 0.0) << "loads cross again once the road is open";
}

// By hand: ten GT officers sent on a two-week course on day 30 spend 140 officer-days in class,
// cost 10 seats x 2,500 USD and 140 days x 40 USD of backfill, and come back trained.
TEST(OrderSchedule, TrainingCourseOrderedCostsItsSeatsAndBackfill) {
  const CompiledScenario plain = tutorial(), ordered = tutorial(R"([{day: 30, order: "train creompaz_basic GT 10 2"}])");
  const ReplicationResult a = simulate_replication(plain, 0), b = simulate_replication(ordered, 0);
  EXPECT_NEAR(total(b, Indicator::officer_days_in_class) - total(a, Indicator::officer_days_in_class), 140.0, 1e-6);
  EXPECT_NEAR(total(b, Indicator::training_cost_usd) - total(a, Indicator::training_cost_usd), 25'000.0, 1e-6);
  EXPECT_NEAR(total(b, Indicator::backfill_cost_usd) - total(a, Indicator::backfill_cost_usd), 5'600.0, 1e-6);
  EXPECT_NEAR(total(b, Indicator::officers_trained) - total(a, Indicator::officers_trained), 10.0, 1e-9);
}

// An observer team ordered for the first 60 days records method use among the officers it
// watches, raised by the Hawthorne boost above what all officers do.
TEST(OrderSchedule, ObserversOrderedSeeTheHawthorneEffect) {
  const CompiledScenario s = tutorial(R"([{day: 0, order: "observe GT 60"}])");
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_TRUE(std::isnan(total(simulate_replication(tutorial(), 0), Indicator::observed_method_use))) << "no observers, nothing observed";
  EXPECT_GT(total(r, Indicator::observed_method_use), total(r, Indicator::true_method_use));
  EXPECT_GT(total(r, Indicator::observer_cost_usd), 0.0);
  EXPECT_NEAR(total(r, Indicator::observer_cost_usd) - total(simulate_replication(tutorial(), 0), Indicator::observer_cost_usd), 60 * 600.0, 1e-6);
}

// By hand, the tutorial's rates: a lane-day 300 USD, a joint-patrol day 250 USD (half each side),
// information sharing 200,000 USD to set up and 2,500 USD a month, over a 365-day run.
TEST(OrderCosts, OrdersArePaidFromTheirDayToTheHorizon) {
  const CompiledScenario s = tutorial();
  const int gt = s.country_index("GT"), mx = s.country_index("MX");
  int bridge = 0, mine = 0, theirs = 0;
  for (std::size_t c = 0; c < s.checkpoints.size(); ++c) if (s.checkpoints[c].node_id == "tecun_uman") bridge = static_cast<int>(c);
  for (std::size_t i = 0; i < s.sectors.size(); ++i) (s.sectors[i].id == "gt_suchiate" ? mine : theirs) = static_cast<int>(i);
  OrderCosts costs(s, gt);
  std::map<Indicator, double> paid;
  const PayCharge pay = [&](Indicator lever, Time, double usd) { paid[lever] += usd; };
  const auto order = [](OrderKind kind, int subject, int target = -1) {
    OrderArrives e;
    e.kind = kind;
    e.subject = static_cast<std::uint16_t>(subject);
    e.target = target;
    return e;
  };
  const Time day = kDay, horizon = 365 * day;
  costs.charge(order(OrderKind::lanes, bridge, 6), 100 * day, pay);  // one lane more than the 5: 265 days
  costs.charge(order(OrderKind::lanes, bridge, 5), 150 * day, pay);  // closed again: its staff stay paid
  costs.charge(order(OrderKind::lanes, bridge, 7), 200 * day, pay);  // one more than the most so far: 165 days
  EXPECT_NEAR(paid[Indicator::checkpoint_cost_usd], (265 + 165) * 300.0, 1e-6);
  costs.charge(order(OrderKind::joint_patrol, mine, theirs), 200 * day, pay);
  costs.charge(order(OrderKind::joint_patrol, mine, theirs), 250 * day, pay);  // already paid for
  EXPECT_NEAR(paid[Indicator::joint_patrol_cost_usd], 0.5 * 250.0 * 165, 1e-6);
  costs.charge(order(OrderKind::share_intelligence, mx), 0, pay);
  EXPECT_NEAR(paid[Indicator::information_sharing_cost_usd],
              200'000.0 + 2'500.0 * static_cast<double>(horizon) / static_cast<double>(kMonthTicks), 1e-6);
  costs.charge(order(OrderKind::withdraw_unit, 0), 0, pay);
  EXPECT_EQ(paid.size(), 3u) << "withdrawing a unit costs nothing more: it is paid every day";
}

}  // namespace
}  // namespace bstp::border
