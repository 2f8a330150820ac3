#include "programme_costs.hpp"

#include "community_committees.hpp"
#include "corruption.hpp"
#include "order_costs.hpp"

#include <algorithm>

namespace bstp::border {
namespace {

// A cost shared by an agreement's countries: `country`'s share, 0 when it is not a party.
double share_of(const std::vector<int>& parties, int country) {
  const auto n = std::count(parties.begin(), parties.end(), country);
  return parties.empty() ? 0.0 : static_cast<double>(n) / static_cast<double>(parties.size());
}

}  // namespace

void charge_days(Indicator lever, Time from, Time to, Time horizon, double usd_per_day, const PayCharge& pay, Time warmup) {
  if (!(usd_per_day > 0.0)) return;
  from = std::max<Time>(from, 0);
  to = std::min(to, horizon);
  for (Time t = from; t < to;) {
    Time next = std::min({to, (t / kDay + 1) * kDay, (t / kMonthTicks + 1) * kMonthTicks});
    if (t < warmup) next = std::min(next, warmup);
    pay(lever, t, usd_per_day * static_cast<double>(next - t) / static_cast<double>(kDay));
    t = next;
  }
}

void charge_months(Indicator lever, Time from, Time horizon, double usd_per_month, const PayCharge& pay) {
  if (!(usd_per_month > 0.0)) return;
  for (Time t = std::max<Time>(from, 0); t < horizon;) {
    const Time next = std::min(horizon, (t / kMonthTicks + 1) * kMonthTicks);
    pay(lever, t, usd_per_month * static_cast<double>(next - t) / static_cast<double>(kMonthTicks));
    t = next;
  }
}

double inspection_cost(const Costs& costs, bool secondary) {
  return costs.inspection_usd + (secondary ? costs.secondary_inspection_usd : 0.0);
}

void charge_scheduled_costs(const CompiledScenario& scenario, int country, const PayCharge& pay) {
  const Scenario& s = scenario.scenario();
  const Costs& costs = s.costs;
  const Time horizon = scenario.horizon();

  // Officers in class leave their posts, which someone covers.
  for (int c : scenario.countries[static_cast<std::size_t>(country)].cohorts) {
    const CohortParams& cohort = scenario.cohorts[static_cast<std::size_t>(c)];
    charge_days(Indicator::backfill_cost_usd, cohort.start, cohort.end, horizon,
                cohort.seats * costs.backfill_usd_per_officer_day, pay);
  }
  // Each patrol unit costs its kind's daily rate for every day of the run.
  double unit_days = 0.0;
  for (const PatrolUnit& u : scenario.units)
    if (scenario.sectors[static_cast<std::size_t>(u.sector)].country == country) unit_days += u.cost_per_day_usd;
  charge_days(Indicator::patrol_cost_usd, 0, horizon, horizon, unit_days, pay, scenario.warmup());
  // Checkpoint lanes are staffed every day.
  double lanes = 0.0;
  for (const CheckpointParams& cp : scenario.checkpoints)
    if (cp.country == country) lanes += cp.lanes;
  charge_days(Indicator::checkpoint_cost_usd, 0, horizon, horizon, lanes * costs.checkpoint_lane_usd_per_day, pay);

  // Coordination: each agreement's cost is shared evenly by its countries.
  const Coordination& co = s.coordination;
  double joint_patrols = 0.0;
  for (const JointPatrol& p : co.joint_patrols) {
    const auto a = s.sectors.find(p.sector_a), b = s.sectors.find(p.sector_b);
    if (a == s.sectors.end() || b == s.sectors.end()) continue;
    joint_patrols += share_of({scenario.country_index(a->second.country), scenario.country_index(b->second.country)}, country);
  }
  charge_days(Indicator::joint_patrol_cost_usd, 0, horizon, horizon, joint_patrols * costs.joint_patrol_usd_per_day, pay);
  double sharing = 0.0;
  for (const InformationSharing& i : co.information_sharing)
    sharing += share_of({scenario.country_index(i.a), scenario.country_index(i.b)}, country);
  if (sharing > 0.0 && costs.information_sharing_setup_usd > 0.0)
    pay(Indicator::information_sharing_cost_usd, 0, sharing * costs.information_sharing_setup_usd);
  charge_months(Indicator::information_sharing_cost_usd, 0, horizon, sharing * costs.information_sharing_usd_per_month, pay);
  double pursuit = 0.0;
  for (const HotPursuit& h : co.hot_pursuit) pursuit += share_of({scenario.country_index(h.a), scenario.country_index(h.b)}, country);
  charge_months(Indicator::hot_pursuit_cost_usd, 0, horizon, pursuit * costs.hot_pursuit_usd_per_month, pay);
  for (const JointExercise& e : co.joint_exercises) {
    std::vector<int> parties;
    for (const std::string& id : e.countries) parties.push_back(scenario.country_index(id));
    const Time day = days_to_ticks(e.day);
    const double share = share_of(parties, country);
    if (day < horizon && share > 0.0 && costs.joint_exercise_usd > 0.0)
      pay(Indicator::joint_exercise_cost_usd, day, share * costs.joint_exercise_usd);
  }

  // Observer teams in the field.
  for (int i : scenario.countries[static_cast<std::size_t>(country)].observers) {
    const ObserverTeam& team = s.training.observers[static_cast<std::size_t>(i)];
    const Time start = days_to_ticks(team.start_day);
    charge_days(Indicator::observer_cost_usd, start, start + days_to_ticks(team.days), horizon,
                costs.observer_team_usd_per_day, pay);
  }
  // The jobs programme pays its jobs month by month while it is on.
  if (s.economy.jobs_program)
    if (const int where = s.economy.jobs_country.empty() ? 0 : scenario.country_index(s.economy.jobs_country); where == country)
      charge_months(Indicator::jobs_program_cost_usd, 0, horizon, s.economy.jobs_created * costs.jobs_program.usd_per_job_month, pay);

  // Corruption and community levers (branch corruption-levers).
  // A raise is paid to every officer of the country, month by month.
  for (const PayRaise& raise : s.corruption.pay)
    if (scenario.country_index(raise.country) == country)
      charge_months(Indicator::pay_raise_cost_usd, 0, horizon,
                    scenario.countries[static_cast<std::size_t>(country)].police.officers * raise.usd_per_officer_month, pay);
  // Each rotation moves the officers of the country's patrol units (a unit whose officers are not
  // counted moves as one), paid on the day it happens.
  if (const Time every = rotation_period(scenario, country); every > 0 && costs.rotation_usd_per_officer > 0.0) {
    double officers = 0.0;
    for (std::size_t u = 0; u < scenario.units.size(); ++u)
      if (scenario.sectors[static_cast<std::size_t>(scenario.units[u].sector)].country == country)
        officers += std::max(1, scenario.post_officers(scenario.unit_post(static_cast<int>(u))));
    for (Time t = every; t < horizon; t += every)
      if (officers > 0.0) pay(Indicator::rotation_cost_usd, t, officers * costs.rotation_usd_per_officer);
  }
  // Community committees are paid month by month while they meet.
  for (const Committees& c : s.violence.reporting.committees)
    if (scenario.country_index(c.country) == country && c.committees > 0)
      charge_months(Indicator::committee_cost_usd, days_to_ticks(c.start_day), std::min(committees_end(c), horizon),
                    c.committees * costs.committee_usd_per_month, pay);
}

std::vector<PlannedCost> planned_costs(const CompiledScenario& scenario) {
  const auto months = static_cast<std::size_t>(scenario.months());
  const Time horizon = scenario.horizon();
  auto month_of = [&](Time t) { return std::min(months - 1, static_cast<std::size_t>(std::max<Time>(0, t) / kMonthTicks)); };
  std::vector<PlannedCost> plan(scenario.countries.size(), PlannedCost{0.0, std::vector<double>(months, 0.0)});
  for (std::size_t c = 0; c < plan.size(); ++c) {
    PlannedCost& p = plan[c];
    const auto add = [&](Time t, double usd) {
      p.total_usd += usd;
      p.monthly_usd[month_of(t)] += usd;
    };
    charge_scheduled_costs(scenario, static_cast<int>(c), [&](Indicator, Time t, double usd) { add(t, usd); });
    // The orders of the scenario's schedule, as the country will pay them.
    OrderCosts orders(scenario, static_cast<int>(c));
    for (const ScheduledOrder& o : scenario.scheduled_orders)
      if (static_cast<std::size_t>(o.country) == c) orders.charge(o.event, o.at, [&](Indicator, Time t, double usd) { add(t, usd); });
    for (int k : scenario.countries[c].cohorts) {
      const CohortParams& cohort = scenario.cohorts[static_cast<std::size_t>(k)];
      if (cohort.start < horizon) add(cohort.start, cohort.cost_usd);
    }
    // Legitimate vehicles inspected at the expected rate (the daily profile averages 1).
    const Costs& costs = scenario.scenario().costs;
    for (const CheckpointParams& cp : scenario.checkpoints) {
      if (static_cast<std::size_t>(cp.country) != c) continue;
      const double per_second = cp.vehicles_per_second * cp.inspection * inspection_cost(costs, false) +
                                cp.vehicles_per_second * cp.inspection * cp.secondary * costs.secondary_inspection_usd;
      for (Time t = 0; t < horizon; t += kMonthTicks) add(t, per_second * in_seconds(std::min(kMonthTicks, horizon - t)));
    }
  }
  return plan;
}

}  // namespace bstp::border
