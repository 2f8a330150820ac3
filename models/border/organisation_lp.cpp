#include "organisation_lp.hpp"

#include "enforcement.hpp"
#include "load_splitting.hpp"
#include "lp_layout.hpp"
#include "route_choice.hpp"
#include "trafficker_economics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {
namespace {

// Added to a closed leg's cost: a route through it is planned only when every other is closed too,
// and then it is not taken (plan_route).
constexpr double kClosedLegCost = 1e30;


}  // namespace

OrganisationLp::OrganisationLp(const CompiledScenario& scenario, int organisation, std::uint64_t replication)
    : scenario_(scenario),
      params_(scenario.organisations[static_cast<std::size_t>(organisation)]),
      organisation_(organisation),
      replication_(replication),
      draws_(StreamId{scenario.seed, replication, entity::organisation(organisation), 0}),
      route_draws_(StreamId{scenario.seed, replication, entity::organisation(organisation), 1}),
      indicators_(scenario),
      attempts_(scenario.graph().arc_count()),
      losses_(scenario.graph().arc_count()),
      bribes_(scenario.graph().arc_count()),
      sightings_(scenario.graph().arc_count()),
      days_watched_(scenario.countries.size()),
      arcs_of_edge_(scenario.edge_first_country.size()),
      closed_(scenario.graph().arc_count(), false),
      risk_seen_(scenario.graph().arc_count(), std::numeric_limits<double>::quiet_NaN()),
      exposure_seen_(scenario.graph().arc_count(), 0.0),
      days_watched_at_(scenario.countries.size(), kNever),
      days_watched_now_(scenario.countries.size(), 0.0),
      resistance_(params_.spec.propensity_to_fight) {
  const RiskModel& risk = params_.spec.risk;
  static const char* const kModeNames[] = {"road", "trail", "river", "sea", "air"};
  for (std::size_t a = 0; a < scenario.graph().arc_count(); ++a) {
    const Arc& arc = scenario.graph().arc(static_cast<ArcIndex>(a));
    arcs_of_edge_[arc.edge].push_back(static_cast<ArcIndex>(a));
    const auto per_hour = risk.prior_risk_per_hour.find(kModeNames[CompiledScenario::mode_index(arc.mode)]);
    prior_risk_.push_back(per_hour == risk.prior_risk_per_hour.end() ? risk.prior_risk
                                                                     : -std::expm1(-per_hour->second * arc.mean_hours));
  }
  reachable_arcs_ = scenario.graph().arcs_reachable_from(params_.sources);
  on(&OrganisationLp::next_shipment);
  on(&OrganisationLp::shipment_reported);
  on(&OrganisationLp::units_sighted);
  on(&OrganisationLp::shipment_turned_back);
  on(&OrganisationLp::shipment_blocked);
  on(&OrganisationLp::leg_closed);
}

// The time to the organisation's next shipment, in whole seconds (a shipment's Cargo::sent_at
// holds whole seconds; at a few shipments a month the rounding is immaterial).
Time OrganisationLp::gap_to_next_shipment() {
  return kSecond * std::llround(std::min(draws_.exponential(1.0 / params_.shipments_per_second), in_seconds(bounds::kLongestDelayTicks)));
}

void OrganisationLp::start(Context& ctx) {
  if (params_.shipments_per_second > 0.0) ctx.schedule(gap_to_next_shipment(), NextShipment{});
}

double OrganisationLp::faded(const Faded& f, Time now) const {
  if (f.value == 0.0) return 0.0;  // nothing recorded (most legs of a large network): as 0 x the factor
  return f.value * std::exp2(-static_cast<double>(now - f.at) / params_.risk_half_life_ticks);
}

double OrganisationLp::days_watched(int country, Time now) const {
  const auto c = static_cast<std::size_t>(country);
  if (days_watched_at_[c] != now) {
    days_watched_now_[c] = faded(days_watched_[c], now);
    days_watched_at_[c] = now;
  }
  return days_watched_now_[c];
}

void OrganisationLp::add(Faded& f, Time now, double x) const {
  f.value = faded(f, now) + x;
  f.at = now;
}

double OrganisationLp::perceived_risk(ArcIndex leg, Time now) const {
  const RiskModel& risk = params_.spec.risk;
  if (risk.perception == RiskModel::Perception::informed) return scenario_.informed_risk()[leg];
  const double prior = prior_risk_[leg] * risk.prior_weight;
  const double weight = faded(attempts_[leg], now) + risk.prior_weight;
  // With no prior weight, an untried leg (or one whose record has faded to nothing) is judged by
  // the prior risk alone.
  const double from_losses = weight > 0.0 ? (faded(losses_[leg], now) + prior) / weight : prior_risk_[leg];
  // What the lookouts saw: the units expected on the leg in a shift, each feared to detect.
  const Surveillance& watch = params_.spec.surveillance;
  const int detector = scenario_.arc_detector[leg];
  if (!(watch.sighting_probability > 0.0) || detector < 0) return from_losses;
  const double days = days_watched(detector, now);
  if (!(days > 0.0)) return from_losses;
  const double presence = faded(sightings_[leg], now) / (days * watch.sighting_probability);
  return 1.0 - (1.0 - from_losses) * std::pow(1.0 - watch.feared_detection, presence);
}

void OrganisationLp::units_sighted(const UnitsSighted& e, Context& ctx) {
  const Time now = ctx.now();
  if (e.first) {
    add(days_watched_[e.country], now, 1.0);
    days_watched_at_[e.country] = kNever;
  }
  for (std::size_t i = 0; i < e.count; ++i)
    for (ArcIndex a : arcs_of_edge_[e.edges[i]]) add(sightings_[a], now, 1.0);
}

double OrganisationLp::bribe_rate(ArcIndex leg, Time now) const {
  const double weight = faded(attempts_[leg], now) + params_.spec.risk.prior_weight;
  return weight > 0.0 ? faded(bribes_[leg], now) / weight : 0.0;
}

std::vector<double> OrganisationLp::leg_costs(double load_value_usd, Time now, double hazard) const {
  const BorderGraph& graph = scenario_.graph();
  const Organisation& spec = params_.spec;
  // The cost of a leg: the time it takes, the expected loss (as -log of survival, so that costs
  // add up along a route as survival multiplies), and the bribes it usually takes.
  std::vector<double> cost(graph.arc_count(), std::numeric_limits<double>::infinity());
  for (const ArcIndex leg : reachable_arcs_) {
    const std::size_t a = leg;
    const double risk = std::min(perceived_risk(leg, now), 1.0 - 1e-12);
    if (!(risk == risk_seen_[a])) {
      risk_seen_[a] = risk;
      exposure_seen_[a] = -std::log1p(-risk);
    }
    // A load of another size than the reference one: its hazard, -log of survival, is scaled.
    const double exposure = hazard == 1.0 ? exposure_seen_[a] : hazard * exposure_seen_[a];
    cost[a] = spec.cost_of_time_usd_per_hour * graph.arc(leg).mean_hours +
              spec.risk.risk_aversion * exposure * load_value_usd +
              bribe_rate(leg, now) * spec.bribe_offer_share * load_value_usd;
    if (closed_[a]) cost[a] += kClosedLegCost;  // taken only when every way round is closed too
  }
  return cost;
}

OrganisationLp::Plan OrganisationLp::plan_route(NodeIndex source, double load_value_usd, Time now, double pick,
                                                double hazard) const {
  const BorderGraph& graph = scenario_.graph();
  const Organisation& spec = params_.spec;
  const std::vector<double> cost = leg_costs(load_value_usd, now, hazard);
  Plan plan;
  if (spec.route_choice.rule == RouteChoice::Rule::logit) {
    // A draw among the k cheapest routes, each as likely as exp(-(its cost - cheapest) / temperature).
    const std::vector<CandidateRoute> routes = k_cheapest_routes(
        graph, source, params_.destinations, cost, static_cast<std::size_t>(std::max(1, spec.route_choice.candidates)), kMaxRouteLegs);
    if (!routes.empty()) {
      const std::vector<double> shares = logit_shares(routes, spec.route_choice.temperature_usd);
      std::size_t chosen = 0;
      for (double acc = shares[0]; chosen + 1 < routes.size() && pick >= acc; acc += shares[++chosen]) {}
      plan.route = routes[chosen].arcs;
    }
  }
  if (plan.route.empty()) {
    std::vector<double> total;
    std::vector<ArcIndex> via;
    graph.cheapest_routes(source, cost, total, via);
    NodeIndex best = params_.destinations.front();
    for (NodeIndex d : params_.destinations)
      if (total[d] < total[best]) best = d;
    if (!std::isfinite(total[best])) return plan;
    plan.route = graph.route_to(source, best, via);
    // A shipment carries its route (events.hpp): when the cheapest route is longer than that, the
    // cheapest one short enough is taken (validation ensures every destination is close enough).
    if (plan.route.size() > kMaxRouteLegs)
      plan.route = graph.cheapest_route_within(source, params_.destinations, cost, kMaxRouteLegs);
  }
  if (std::any_of(plan.route.begin(), plan.route.end(), [&](ArcIndex a) { return closed_[a]; })) {
    plan.route.clear();
    plan.blocked = true;
    return plan;
  }
  for (ArcIndex leg : plan.route) {
    plan.success *= 1.0 - perceived_risk(leg, now);
    plan.reference_success *= 1.0 - prior_risk_[leg];
    plan.hours += graph.arc(leg).mean_hours;
    plan.expected_bribes_usd += bribe_rate(leg, now) * spec.bribe_offer_share * load_value_usd;
  }
  return plan;
}

double OrganisationLp::courier_wage() const {
  const Economy& economy = scenario_.economy;
  const double offered = economy.courier_wage_usd * (economy.jobs_program ? 1.0 + economy.jobs_wage_increase : 1.0);
  return std::max(offered, recruitment_wage(economy));
}

double OrganisationLp::cost_per_load(const Plan& plan) const {
  const Organisation& spec = params_.spec;
  return spec.couriers_per_shipment * courier_wage() + spec.cost_of_time_usd_per_hour * plan.hours +
         spec.load_splitting.cost_per_load_usd;
}

OrganisationLp::Prospect OrganisationLp::prospect_of(const Plan& plan, double kg, Time now, int loads) const {
  const Organisation& spec = params_.spec;
  const Economy& economy = scenario_.economy;
  const double value = kg * spec.value_per_kg_usd;
  // Each of the loads has the hazard of its size (load splitting; 1 without it).
  const double hazard = size_factor(spec.load_splitting, params_.reference_kg, kg / loads);
  const double success = survival_with_hazard(plan.success, hazard);
  const double reference_success = survival_with_hazard(plan.reference_success, hazard);
  // The product is bought before the journey: its cost is paid whether the load arrives or not.
  // Time, couriers and the fixed cost are paid for each load.
  const double running = kg * (spec.purchase_cost_usd_per_kg + spec.transport_cost_usd_per_kg) +
                         loads * (spec.cost_of_time_usd_per_hour * plan.hours) + loads * spec.load_splitting.cost_per_load_usd;
  const double expected_profit = value * success - running - loads * (spec.couriers_per_shipment * courier_wage()) - plan.expected_bribes_usd;
  Economy without_jobs = economy;
  without_jobs.jobs_program = false;
  const double base_wage = std::max(economy.courier_wage_usd, recruitment_wage(without_jobs));
  const double reference_profit = value * reference_success - running - loads * (spec.couriers_per_shipment * base_wage);
  Prospect p{expected_profit, 0.0};
  if (expected_profit <= 0.0) return p;  // nobody ships at an expected loss
  // Deterrence: volume follows expected profit relative to an untested route at the base wage,
  // to the power of the elasticity; beyond its loss tolerance the organisation cuts back further.
  double willingness = 1.0;
  if (reference_profit > 0.0) willingness = std::pow(std::min(1.0, expected_profit / reference_profit), spec.deterrence_elasticity);
  const double resolved = faded(resolved_, now);
  if (resolved > 0.0) {
    const double loss_share = faded(lost_, now) / resolved;
    if (loss_share > spec.loss_tolerance) willingness *= spec.loss_tolerance / loss_share;
  }
  p.willingness = std::clamp(willingness, 0.0, 1.0);
  return p;
}

void OrganisationLp::next_shipment(const NextShipment&, Context& ctx) {
  ctx.schedule(gap_to_next_shipment(), NextShipment{});
  const Organisation& spec = params_.spec;
  const LoadSplitting& split = spec.load_splitting;
  const double kg = std::max(1.0, draw(draws_, spec.shipment_kg));
  const NodeIndex source = params_.sources[draws_.below(params_.sources.size())];
  const double go = draws_.uniform();
  const bool logit = spec.route_choice.rule == RouteChoice::Rule::logit;
  const double pick = logit ? route_draws_.uniform() : 0.0;
  const Plan plan = plan_route(source, kg * spec.value_per_kg_usd, ctx.now(), pick, size_factor(split, params_.reference_kg, kg));
  if (plan.blocked) {  // no open route today: the shipment is not sent
    indicators_.shipment_deterred(ctx.now(), kg);
    return;
  }
  if (plan.route.empty())
    throw std::runtime_error(fmt::format("organisations.{}: no destination reachable from '{}'", params_.id,
                                         scenario_.graph().node(source).id));
  if (plan.route.size() > kMaxRouteLegs)
    throw std::runtime_error(fmt::format("organisations.{}: route from '{}' has {} legs; at most {} are supported",
                                         params_.id, scenario_.graph().node(source).id, plan.route.size(), kMaxRouteLegs));
  // Load splitting: as many loads as maximise the expected value net of what each load costs.
  const int loads = split.max_loads > 1
                        ? best_load_count(split, params_.reference_kg, kg, kg * spec.value_per_kg_usd, plan.success, cost_per_load(plan))
                        : 1;
  const Prospect prospect = prospect_of(plan, kg, ctx.now(), loads);
  switch (choose_shipment(prospect.expected_profit, prospect.willingness, outside_option_profit(spec, kg), go)) {
    case ShipmentChoice::deterred:
      indicators_.shipment_deterred(ctx.now(), kg);
      indicators_.counted_for_organisation(ctx.now(), organisation_, OrganisationMeasure::deterred_shipments, 1.0);
      return;
    case ShipmentChoice::outside_option: indicators_.shipment_diverted(ctx.now(), kg); return;
    case ShipmentChoice::network: break;
  }
  // Conditional enforcement: the organisation weighs a calmer and a fiercer posture against its own.
  const Enforcement& enforcement = scenario_.enforcement;
  if (enforcement.rule == Enforcement::Rule::conditional)
    resistance_ = adapted_posture(enforcement, resistance_, spec.propensity_to_fight,
                                  survival_with_hazard(plan.success, size_factor(split, params_.reference_kg, kg / loads)),
                                  spec.resistance_escape);
  indicators_.candidate_sent(ctx.now(), loads, resistance_);
  if (loads == 1) {
    send_load(kg, source, plan, ctx);
    return;
  }
  // Each load has its couriers, its own route draw (logit) and its own detection chances.
  const double load_kg = kg / loads;
  const double hazard = size_factor(split, params_.reference_kg, load_kg);
  for (int i = 0; i < loads; ++i) {
    const double load_pick = i == 0 ? pick : (logit ? route_draws_.uniform() : 0.0);
    const Plan own = plan_route(source, load_kg * spec.value_per_kg_usd, ctx.now(), load_pick, hazard);
    send_load(load_kg, source, own.route.empty() || own.route.size() > kMaxRouteLegs ? plan : own, ctx);
  }
}

void OrganisationLp::send_load(double kg, NodeIndex source, const Plan& plan, Context& ctx) {
  const Organisation& spec = params_.spec;
  Cargo cargo;
  cargo.shipment = (static_cast<std::uint64_t>(organisation_) << 40) | sequence_++;
  cargo.kg = static_cast<float>(kg);
  cargo.organisation = static_cast<std::uint16_t>(organisation_);
  cargo.sent_at = static_cast<std::uint32_t>(ctx.now() / kSecond);
  cargo.legs = static_cast<std::uint8_t>(plan.route.size());
  cargo.resistance = static_cast<std::uint8_t>(std::lround(std::clamp(resistance_, 0.0, 1.0) * 255.0));
  std::copy(plan.route.begin(), plan.route.end(), cargo.route);
  indicators_.couriers_paid(ctx.now(), static_cast<int>(std::lround(spec.couriers_per_shipment)),
                            spec.couriers_per_shipment * courier_wage());
  indicators_.shipment_sent(ctx.now(), kg,
                            kg * spec.transport_cost_usd_per_kg + spec.couriers_per_shipment * courier_wage() +
                                spec.load_splitting.cost_per_load_usd,
                            kg * spec.purchase_cost_usd_per_kg, plan.hours);
  indicators_.counted_for_organisation(ctx.now(), organisation_, OrganisationMeasure::shipments, 1.0);
  const LpLayout layout = lp_layout(scenario_);
  ctx.send(layout.country(scenario_.node_country[source]), kHandoverTicks, ShipmentArrives{cargo});
}

void OrganisationLp::shipment_reported(const ShipmentReported& e, Context& ctx) {
  const Time now = ctx.now();
  const std::size_t travelled = e.fate == Fate::seized ? std::min<std::size_t>(e.lost_on_leg + 1u, e.legs) : e.legs;
  // A passage counts as the exposure of its load against a reference load (1 without load
  // splitting), so that the risk learned is a reference load's whatever the sizes sent.
  const double exposure = size_factor(params_.spec.load_splitting, params_.reference_kg, e.kg);
  for (std::size_t h = 0; h < travelled; ++h) {
    add(attempts_[e.route[h]], now, exposure);
    if ((e.bribed_legs >> h) & 1u) add(bribes_[e.route[h]], now, 1.0);
  }
  if (e.fate == Fate::seized && e.lost_on_leg < e.legs) add(losses_[e.route[e.lost_on_leg]], now, 1.0);
  add(resolved_, now, 1.0);
  add(lost_, now, e.fate == Fate::seized ? 1.0 : 0.0);
}

}  // namespace bstp::border

namespace bstp::border {

void OrganisationLp::shipment_turned_back(const ShipmentTurnedBack& e, Context& ctx) {
  const Time now = ctx.now();
  Cargo cargo = e.cargo;
  // The couriers know what they passed and where they were seen: the legs travelled count as
  // attempts, the one where they turned back as a detection (assumption: as a loss would).
  const double exposure = size_factor(params_.spec.load_splitting, params_.reference_kg, cargo.kg);
  for (std::size_t h = 0; h <= cargo.leg; ++h) {
    add(attempts_[cargo.route[h]], now, exposure);
    if ((cargo.bribed_legs >> h) & 1u) add(bribes_[cargo.route[h]], now, 1.0);
  }
  add(losses_[cargo.route[cargo.leg]], now, 1.0);
  // Tried again from where it turned back, by the route now preferred (maybe the same one).
  const NodeIndex from = scenario_.graph().arc(cargo.route[cargo.leg]).from;
  const double pick = params_.spec.route_choice.rule == RouteChoice::Rule::logit ? route_draws_.uniform() : 0.0;
  const Plan plan = plan_route(from, cargo.kg * params_.spec.value_per_kg_usd, now, pick,
                               size_factor(params_.spec.load_splitting, params_.reference_kg, cargo.kg));
  if (!plan.route.empty() && plan.route.size() <= kMaxRouteLegs) {
    send_again(cargo, plan.route, ctx, kHandoverTicks);
  } else {  // nothing better: the rest of the old route
    send_again(cargo, std::vector<ArcIndex>(cargo.route + cargo.leg, cargo.route + cargo.legs), ctx, kHandoverTicks);
  }
}

void OrganisationLp::send_again(Cargo cargo, const std::vector<ArcIndex>& route, Context& ctx, Time after) {
  const NodeIndex from = scenario_.graph().arc(cargo.route[cargo.leg]).from;
  std::fill(std::begin(cargo.route), std::end(cargo.route), ArcIndex{0});
  std::copy(route.begin(), route.end(), cargo.route);
  cargo.legs = static_cast<std::uint8_t>(route.size());
  cargo.leg = 0;
  cargo.attempt = static_cast<std::uint8_t>(std::min(255, cargo.attempt + 1));
  cargo.bribed_legs = 0;
  cargo.detected_by = 0;
  cargo.detected_at = 0;
  cargo.found_at_checkpoint = 0;
  cargo.resumes = 1;
  const LpLayout layout = lp_layout(scenario_);
  ctx.send(layout.country(scenario_.node_country[from]), after, ShipmentArrives{cargo});
}

void OrganisationLp::shipment_blocked(const ShipmentBlocked& e, Context& ctx) {
  // The couriers wait at the start of the closed leg. If an open route leads on from there, they
  // take it; otherwise they ask again after retry_after_hours (the leg may have opened).
  Cargo cargo = e.cargo;
  const NodeIndex from = scenario_.graph().arc(cargo.route[cargo.leg]).from;
  const double pick = params_.spec.route_choice.rule == RouteChoice::Rule::logit ? route_draws_.uniform() : 0.0;
  const Plan plan = plan_route(from, cargo.kg * params_.spec.value_per_kg_usd, ctx.now(), pick,
                               size_factor(params_.spec.load_splitting, params_.reference_kg, cargo.kg));
  if (!plan.route.empty() && plan.route.size() <= kMaxRouteLegs) {
    send_again(cargo, plan.route, ctx, kHandoverTicks);
  } else if (closed_[cargo.route[cargo.leg]]) {
    ctx.schedule(params_.retry_after, ShipmentBlocked{cargo});
  } else {  // the leg has opened again (heard after the couriers found it closed): on as planned
    send_again(cargo, std::vector<ArcIndex>(cargo.route + cargo.leg, cargo.route + cargo.legs), ctx, kHandoverTicks);
  }
}

void OrganisationLp::leg_closed(const LegClosed& e, Context&) {
  for (ArcIndex a : arcs_of_edge_[e.edge]) closed_[a] = e.closed != 0;
}

}  // namespace bstp::border
