#include "order_costs.hpp"

#include <algorithm>

namespace bstp::border {
namespace {

// Whether the scenario itself pairs sectors `a` and `b` in a joint patrol.
bool scenario_pairs(const CompiledScenario& s, int a, int b) {
  const std::string& x = s.sectors[static_cast<std::size_t>(a)].id;
  const std::string& y = s.sectors[static_cast<std::size_t>(b)].id;
  return std::any_of(s.scenario().coordination.joint_patrols.begin(), s.scenario().coordination.joint_patrols.end(),
                     [&](const JointPatrol& j) { return (j.sector_a == x && j.sector_b == y) || (j.sector_a == y && j.sector_b == x); });
}

}  // namespace

OrderCosts::OrderCosts(const CompiledScenario& scenario, int country)
    : scenario_(scenario), country_(country), sharing_paid_(scenario.countries.size(), false),
      pursuit_paid_(scenario.countries.size(), false) {
  for (const CheckpointParams& cp : scenario.checkpoints) most_lanes_.push_back(cp.lanes);
}

void OrderCosts::charge(const OrderArrives& order, Time now, const PayCharge& pay) {
  const Costs& costs = scenario_.scenario().costs;
  const Time horizon = scenario_.horizon();
  switch (order.kind) {
    case OrderKind::lanes: {
      int& most = most_lanes_[order.subject];
      if (order.target > most)
        charge_days(Indicator::checkpoint_cost_usd, now, horizon, horizon, (order.target - most) * costs.checkpoint_lane_usd_per_day, pay);
      most = std::max(most, order.target);
      break;
    }
    case OrderKind::share_intelligence: {
      Time delay = 0, alert = 0;
      double boost = 0.0;
      if (sharing_paid_[order.subject] || scenario_.shares_information(country_, order.subject, delay, alert, boost)) break;
      sharing_paid_[order.subject] = true;
      if (costs.information_sharing_setup_usd > 0.0) pay(Indicator::information_sharing_cost_usd, now, costs.information_sharing_setup_usd);
      charge_months(Indicator::information_sharing_cost_usd, now, horizon, costs.information_sharing_usd_per_month, pay);
      break;
    }
    case OrderKind::hot_pursuit:
      if (pursuit_paid_[order.subject] || scenario_.hot_pursuit(country_, order.subject)) break;
      pursuit_paid_[order.subject] = true;
      charge_months(Indicator::hot_pursuit_cost_usd, now, horizon, 0.5 * costs.hot_pursuit_usd_per_month, pay);
      break;
    case OrderKind::joint_patrol: {
      const std::pair<int, int> pair{order.subject, order.target};
      if (scenario_pairs(scenario_, pair.first, pair.second) ||
          std::find(joint_patrols_paid_.begin(), joint_patrols_paid_.end(), pair) != joint_patrols_paid_.end())
        break;
      joint_patrols_paid_.push_back(pair);
      charge_days(Indicator::joint_patrol_cost_usd, now, horizon, horizon, 0.5 * costs.joint_patrol_usd_per_day, pay);
      break;
    }
    case OrderKind::train_cohort: {
      const double seats = order.target, weeks = order.value[0];
      if (now < horizon) pay(Indicator::training_cost_usd, now, seats * order.value[1]);
      charge_days(Indicator::backfill_cost_usd, now, now + days_to_ticks(weeks * 7.0), horizon,
                  seats * costs.backfill_usd_per_officer_day, pay);
      break;
    }
    case OrderKind::observe:
      charge_days(Indicator::observer_cost_usd, now, now + days_to_ticks(order.value[0]), horizon, costs.observer_team_usd_per_day, pay);
      break;
    case OrderKind::post_unit:
    case OrderKind::withdraw_unit:
    case OrderKind::release_unit:
    case OrderKind::placement:
    case OrderKind::inspection:
    case OrderKind::close_leg:
    case OrderKind::open_leg: break;
  }
}

}  // namespace bstp::border
