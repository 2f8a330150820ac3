// Orders given to a country during the run (a tabletop exercise or a scenario's `orders:`): units
// posted or withdrawn, lanes, inspection, sharing, joint patrols, hot pursuit, courses, closed
// legs, observer teams (docs/model.md, "Orders during a run"). Part of CountryLp (country_lp.hpp).
#include "country_lp.hpp"

#include <algorithm>
#include <limits>

namespace bstp::border {

void CountryLp::order_arrives(const OrderArrives& e, Context& ctx) {
  const Time now = ctx.now();
  order_costs_.charge(e, now, [&](Indicator lever, Time at, double usd) { indicators_.lever_paid(lever, at, country_, usd); });
  switch (e.kind) {
    case OrderKind::post_unit: roster_.post_unit(e.subject, e.target, now); break;
    case OrderKind::withdraw_unit: roster_.withdraw_unit(e.subject, now); break;
    case OrderKind::release_unit: roster_.release_unit(e.subject, now); break;
    case OrderKind::placement: roster_.change_placement(e.subject, static_cast<Placement>(e.target), now); break;
    case OrderKind::lanes:
    case OrderKind::inspection: break;  // the checkpoint's LP gets the order too (Replication::inject_order)
    case OrderKind::share_intelligence:
      sharing_ordered_[e.subject] = {true, std::max(kHandoverTicks, days_to_ticks(e.value[0])),
                                     days_to_ticks(e.value[1]), e.value[2]};
      break;
    case OrderKind::joint_patrol: joint_patrols_ordered_.emplace_back(e.subject, e.target); break;
    case OrderKind::hot_pursuit: hot_pursuit_ordered_[e.subject] = true; break;
    case OrderKind::train_cohort: {
      // A course like the scenario's cohorts; its seats and backfill are charged by order_costs_.
      const std::size_t index = scenario_.cohorts.size() + ordered_cohorts_.size();
      if (index > std::numeric_limits<std::uint16_t>::max()) break;  // more courses than events can name: ignored
      ordered_cohorts_.push_back({country_, e.target, now, now + days_to_ticks(e.value[0] * 7.0), 0.0, false});
      cohort_starts(CohortStarts{static_cast<std::uint16_t>(index)}, ctx);
      break;
    }
    case OrderKind::close_leg:
    case OrderKind::open_leg: {
      const auto edge = static_cast<std::size_t>(e.target);
      closed_edges_[edge] = e.kind == OrderKind::close_leg;
      // The country at the edge's first end tells the organisations (once, not once per end).
      if (scenario_.edge_first_country[edge] == country_)
        for (std::size_t o = 0; o < scenario_.organisations.size(); ++o)
          ctx.send(layout_.organisation(static_cast<int>(o)), kHandoverTicks,
                   LegClosed{static_cast<std::uint32_t>(edge), static_cast<std::uint8_t>(e.kind == OrderKind::close_leg)});
      break;
    }
    case OrderKind::observe: {
      ObserverTeam team;
      team.country = scenario_.countries[static_cast<std::size_t>(country_)].id;
      if (e.target >= 0) team.sectors.push_back(scenario_.sectors[static_cast<std::size_t>(e.target)].id);
      team.method_use_boost = e.value[1];
      team.spillover = e.value[2];
      ObserverParams watching = scenario_.observer_params(team);
      watching.whole_country = e.target < 0;
      watching.start = now;
      watching.end = now + days_to_ticks(e.value[0]);
      officers_.add_team(std::move(watching));
      break;
    }
  }
}

}  // namespace bstp::border
