#include "country_lp.hpp"

#include "programme_costs.hpp"
#include "scenario_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {
namespace {

// Steps of a shipment's journey that draw random numbers, each from its own stream.
enum Step : std::uint64_t { kLegPatrol, kCheckpoint, kCheckpointEncounter, kTravel, kArrivalPatrol, kStepsPerLeg };

}  // namespace

CountryLp::CountryLp(const CompiledScenario& scenario, int country, std::uint64_t replication)
    : scenario_(scenario),
      country_(country),
      replication_(replication),
      layout_{static_cast<int>(scenario.countries.size())},
      police_(scenario, country),
      roster_(scenario, replication),
      indicators_(scenario.months(), static_cast<int>(scenario.countries.size()), static_cast<int>(scenario.crossings.size())),
      alerted_until_(scenario.countries.size(), 0) {
  const std::uint64_t seed = scenario.scenario().seed;
  for (std::size_t c = 0; c < scenario.checkpoints.size(); ++c) {
    const auto& cp = scenario.checkpoints[c];
    queues_.emplace_back(cp.country == country ? cp.lanes : 1);
    arrival_draws_.emplace_back(StreamId{seed, replication, entity::checkpoint(static_cast<int>(c)), 0});
    service_draws_.emplace_back(StreamId{seed, replication, entity::checkpoint(static_cast<int>(c)), 1});
    if (cp.country == country) my_checkpoints_.push_back(static_cast<int>(c));
  }
  on(&CountryLp::shipment_arrives);
  on(&CountryLp::shipment_arrives_from_watched_leg);
  on(&CountryLp::shipment_clears_checkpoint);
  on(&CountryLp::vehicle_arrives);
  on(&CountryLp::cohort_starts);
  on(&CountryLp::cohort_graduates);
  on(&CountryLp::seam_alert_received);
  on(&CountryLp::lookouts_report);
}

void CountryLp::start(Context& ctx) {
  bool watched = false;
  for (const OrganisationParams& o : scenario_.organisations) watched = watched || o.spec.surveillance.sighting_probability > 0.0;
  bool has_units = false;
  for (const PatrolUnit& u : scenario_.units) has_units = has_units || scenario_.sectors[static_cast<std::size_t>(u.sector)].country == country_;
  if (watched && has_units) ctx.schedule(86400, LookoutsReport{});
  for (int c : scenario_.countries[static_cast<std::size_t>(country_)].cohorts)
    ctx.schedule(scenario_.cohorts[static_cast<std::size_t>(c)].start, CohortStarts{static_cast<std::uint16_t>(c)});
  for (int c : my_checkpoints_) {
    const CheckpointParams& cp = scenario_.checkpoints[static_cast<std::size_t>(c)];
    if (cp.vehicles_per_second <= 0.0) continue;
    const double mean_gap = 1.0 / (cp.vehicles_per_second * cp.profile_max);
    ctx.schedule(to_seconds(arrival_draws_[static_cast<std::size_t>(c)].exponential(mean_gap), 1.0),
                 VehicleArrives{static_cast<std::uint16_t>(c)});
  }
}

void CountryLp::finish(Time horizon) {
  // What the programme's schedule cost this country: units, lanes, backfill, coordination, ...
  charge_scheduled_costs(scenario_, country_,
                         [&](Indicator lever, Time at, double usd) { indicators_.lever_paid(lever, at, country_, usd); });
  for (int c : my_checkpoints_)
    indicators_.vehicles_in_system(horizon - 1, queues_[static_cast<std::size_t>(c)].take_vehicle_seconds(horizon));
}

Time CountryLp::passage_seconds(Cargo cargo, int leg) const {
  cargo.leg = static_cast<std::uint8_t>(leg);
  RandomStream travel_draws = shipment_draws(cargo, kTravel);
  const Time travel = draw_seconds(travel_draws, scenario_.graph().arc(cargo.route[leg]).travel_hours, 3600.0);
  // A leg into another country takes at least the handover delay.
  const Arc& arc = scenario_.graph().arc(cargo.route[leg]);
  return scenario_.node_country[arc.to] == scenario_.node_country[arc.from] ? travel : std::max(travel, kHandoverSeconds);
}

RandomStream CountryLp::shipment_draws(const Cargo& cargo, std::uint64_t step) const {
  return RandomStream(StreamId{scenario_.scenario().seed, replication_, entity::shipment(cargo.shipment),
                               cargo.leg * kStepsPerLeg + step});
}

double CountryLp::alert_multiplier(ArcIndex leg, Time now) const {
  if (!scenario_.is_seam(leg)) return 1.0;
  const int partner = scenario_.other_side(leg, country_);
  if (alerted_until_[static_cast<std::size_t>(partner)] <= now) return 1.0;
  Time delay = 0, alert = 0;
  double boost = 0.0;
  return scenario_.shares_information(partner, country_, delay, alert, boost) ? 1.0 + boost : 1.0;
}

bool CountryLp::patrols_detect(ArcIndex leg, Time from, Time to, Time now, RandomStream& draws) {
  const Arc& arc = scenario_.graph().arc(leg);
  if (arc.has_fixed_detection) return draws.bernoulli(arc.fixed_detection);
  const double q = scenario_.unit_detection(leg, now, police_.skill(now), police_.availability(), alert_multiplier(leg, now));
  const bool detected = draws.bernoulli(1.0 - roster_.miss_probability(leg, from, to, q, now));
  if (detected) roster_.detection_made(leg, now);
  return detected;
}

// --- a shipment's journey ---------------------------------------------------------------------

void CountryLp::shipment_arrives(const ShipmentArrives& e, Context& ctx) { shipment_reaches_node(e.cargo, ctx); }

void CountryLp::shipment_arrives_from_watched_leg(const ShipmentArrivesFromWatchedLeg& e, Context& ctx) {
  Cargo cargo = e.cargo;
  const ArcIndex leg = cargo.route[cargo.leg - 1];
  RandomStream draws = shipment_draws(cargo, kArrivalPatrol);
  if (patrols_detect(leg, ctx.now() - passage_seconds(cargo, cargo.leg - 1), ctx.now(), ctx.now(), draws)) {
    const int partner = scenario_.is_seam(leg) ? scenario_.other_side(leg, country_) : -1;
    cargo.leg -= 1;  // the encounter happened on the leg just travelled
    const Encounter outcome = officers_confront(cargo, partner, ctx, draws);
    cargo.leg += 1;
    if (outcome == Encounter::seized) return;
  }
  shipment_reaches_node(cargo, ctx);
}

void CountryLp::shipment_reaches_node(Cargo cargo, Context& ctx) {
  const BorderGraph& graph = scenario_.graph();
  const NodeIndex node = cargo.leg < cargo.legs ? graph.arc(cargo.route[cargo.leg]).from : graph.arc(cargo.route[cargo.legs - 1]).to;
  if (const int slot = scenario_.crossing_slot[node]; slot >= 0) indicators_.crossing_used(ctx.now(), slot, cargo.kg);
  if (cargo.leg == cargo.legs) {
    shipment_delivered(cargo, ctx);
    return;
  }
  const int c = scenario_.checkpoint_at_node[node];
  if (c < 0) {
    shipment_sets_off(cargo, ctx);
    return;
  }
  // Hidden in traffic: the shipment's vehicle queues for a lane like any other and may be
  // inspected, sent to secondary inspection, and found.
  const CheckpointParams& cp = scenario_.checkpoints[static_cast<std::size_t>(c)];
  RandomStream draws = shipment_draws(cargo, kCheckpoint);
  Time service = draw_seconds(draws, cp.service_minutes, 60.0);
  const bool inspected = draws.bernoulli(cp.inspection);
  const bool secondary = inspected && draws.bernoulli(cp.secondary);
  if (inspected) inspection_made(ctx.now(), secondary);
  if (secondary) service += draw_seconds(draws, cp.secondary_minutes, 60.0);
  const double skill = police_.skill(ctx.now());
  const double found = cp.detection.untrained + (cp.detection.trained - cp.detection.untrained) * skill;
  cargo.found_at_checkpoint = secondary && draws.bernoulli(found) ? 1 : 0;
  const CheckpointQueue::Passage passage = queues_[static_cast<std::size_t>(c)].join(ctx.now(), service, false);
  ctx.schedule(passage.departure - ctx.now(), ShipmentClearsCheckpoint{cargo});
}

void CountryLp::shipment_clears_checkpoint(const ShipmentClearsCheckpoint& e, Context& ctx) {
  Cargo cargo = e.cargo;
  if (cargo.found_at_checkpoint) {
    cargo.found_at_checkpoint = 0;
    RandomStream draws = shipment_draws(cargo, kCheckpointEncounter);
    if (officers_confront(cargo, -1, ctx, draws) == Encounter::seized) return;
  }
  shipment_sets_off(cargo, ctx);
}

void CountryLp::shipment_sets_off(Cargo cargo, Context& ctx) {
  const BorderGraph& graph = scenario_.graph();
  const ArcIndex leg = cargo.route[cargo.leg];
  const Arc& arc = graph.arc(leg);
  const int detector = scenario_.arc_detector[leg];
  const Time travel = passage_seconds(cargo, cargo.leg);
  if (detector == country_) {
    RandomStream draws = shipment_draws(cargo, kLegPatrol);
    if (patrols_detect(leg, ctx.now(), ctx.now() + travel, ctx.now(), draws)) {
      const int partner = scenario_.is_seam(leg) ? scenario_.other_side(leg, country_) : -1;
      if (officers_confront(cargo, partner, ctx, draws) == Encounter::seized) return;
    }
  }
  const int next_country = scenario_.node_country[arc.to];
  cargo.leg += 1;
  if (next_country == country_) {
    ctx.schedule(travel, ShipmentArrives{cargo});
  } else if (detector == next_country) {
    ctx.send(layout_.country(next_country), std::max(travel, kHandoverSeconds), ShipmentArrivesFromWatchedLeg{cargo});
  } else {
    ctx.send(layout_.country(next_country), std::max(travel, kHandoverSeconds), ShipmentArrives{cargo});
  }
}

CountryLp::Encounter CountryLp::officers_confront(Cargo& cargo, int seam_partner, Context& ctx, RandomStream& draws) {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  const Police& police = scenario_.countries[static_cast<std::size_t>(country_)].police;
  const bool trained_officer = draws.bernoulli(police_.skill(ctx.now()));
  const double value = cargo.kg * org.spec.value_per_kg_usd;

  // Corruption: the traffickers offer, the officer may take it and look away.
  if (draws.bernoulli(org.spec.propensity_to_bribe) &&
      draws.bernoulli(trained_officer ? police.bribe_acceptance.trained : police.bribe_acceptance.untrained)) {
    indicators_.bribe_taken(ctx.now(), country_, org.spec.bribe_offer_share * value);
    if (cargo.leg < 64) cargo.bribed_legs |= std::uint64_t{1} << cargo.leg;
    return Encounter::passes;
  }
  // Resistance: a violent confrontation, deadly depending on the officers' use of force.
  if (draws.bernoulli(org.spec.propensity_to_fight)) {
    const bool deadly = draws.bernoulli(trained_officer ? police.use_of_force.trained : police.use_of_force.untrained);
    const int deaths = deadly ? 1 + static_cast<int>(draws.poisson(0.5)) : 0;
    const bool reported = deadly || draws.bernoulli(0.5);
    indicators_.violent_incident(ctx.now(), country_, deaths, reported);
  }
  // At a seam the shipment may slip across the line, unless hot pursuit lets officers follow.
  if (seam_partner >= 0 && !scenario_.hot_pursuit(country_, seam_partner) &&
      draws.bernoulli(scenario_.scenario().coordination.escape_probability))
    return Encounter::passes;

  const int arrests = static_cast<int>(draws.poisson(org.spec.couriers_per_shipment));
  indicators_.shipment_seized(ctx.now(), country_, cargo.kg, arrests);
  report_to_organisation(cargo, Fate::seized, ctx);
  share_intelligence(cargo.route[cargo.leg], ctx);
  return Encounter::seized;
}

void CountryLp::shipment_delivered(const Cargo& cargo, Context& ctx) {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  indicators_.shipment_delivered(ctx.now(), country_, cargo.kg, cargo.kg * org.spec.value_per_kg_usd);
  report_to_organisation(cargo, Fate::delivered, ctx);
}

void CountryLp::report_to_organisation(const Cargo& cargo, Fate fate, Context& ctx) const {
  ShipmentReported report;
  report.shipment = cargo.shipment;
  report.bribed_legs = cargo.bribed_legs;
  report.kg = cargo.kg;
  report.fate = fate;
  report.lost_on_leg = cargo.leg;
  report.legs = cargo.legs;
  std::copy(std::begin(cargo.route), std::end(cargo.route), std::begin(report.route));
  ctx.send(layout_.organisation(cargo.organisation), scenario_.organisations[cargo.organisation].reporting_delay, report);
}

void CountryLp::share_intelligence(ArcIndex leg, Context& ctx) const {
  if (!scenario_.is_seam(leg)) return;
  const int partner = scenario_.other_side(leg, country_);
  Time delay = 0, alert = 0;
  double boost = 0.0;
  if (scenario_.shares_information(country_, partner, delay, alert, boost))
    ctx.send(layout_.country(partner), delay, SeamAlert{static_cast<std::uint16_t>(country_)});
}

void CountryLp::seam_alert_received(const SeamAlert& e, Context& ctx) {
  Time delay = 0, alert = 0;
  double boost = 0.0;
  if (!scenario_.shares_information(e.from_country, country_, delay, alert, boost)) return;
  Time& until = alerted_until_[e.from_country];
  until = std::max(until, ctx.now() + alert);
}

// --- lookouts ----------------------------------------------------------------------------------

void CountryLp::lookouts_report(const LookoutsReport& e, Context& ctx) {
  ctx.schedule(86400, e);
  const std::int64_t shift = ctx.now() / 86400 - 1;  // the shifts that started yesterday
  const std::uint64_t seed = scenario_.scenario().seed;
  for (std::size_t o = 0; o < scenario_.organisations.size(); ++o) {
    const Surveillance& watch = scenario_.organisations[o].spec.surveillance;
    if (!(watch.sighting_probability > 0.0)) continue;
    UnitsSighted report;
    report.country = static_cast<std::uint16_t>(country_);
    auto send = [&] {
      ctx.send(layout_.organisation(static_cast<int>(o)), std::max(kHandoverSeconds, to_seconds(watch.delay_days, 86400.0)), report);
      report.first = 0;
      report.count = 0;
    };
    for (std::size_t u = 0; u < scenario_.units.size(); ++u) {
      const SectorParams& sector = scenario_.sectors[static_cast<std::size_t>(scenario_.units[u].sector)];
      if (sector.country != country_ || sector.posts.empty()) continue;
      // Each lookout team has its own stream per unit and day, apart from the unit's placement draws.
      RandomStream draws(StreamId{seed, replication_, entity::patrol_unit(static_cast<int>(u)),
                                  (static_cast<std::uint64_t>(o + 1) << 32) | static_cast<std::uint64_t>(shift + 1)});
      if (!draws.bernoulli(watch.sighting_probability)) continue;
      int post = roster_.post_on(static_cast<int>(u), shift, ctx.now());
      if (draws.bernoulli(watch.noise)) post = static_cast<int>(draws.below(sector.posts.size()));
      if (post < 0) continue;
      report.edges[report.count++] = static_cast<std::uint16_t>(sector.posts[static_cast<std::size_t>(post)]);
      if (report.count == kMaxSightings) send();
    }
    if (report.count > 0 || report.first) send();
  }
}

// --- legitimate traffic -------------------------------------------------------------------------

void CountryLp::vehicle_arrives(const VehicleArrives& e, Context& ctx) {
  const auto c = static_cast<std::size_t>(e.checkpoint);
  const CheckpointParams& cp = scenario_.checkpoints[c];
  RandomStream& arrivals = arrival_draws_[c];
  // Arrivals follow the daily profile by thinning a Poisson process at the peak rate.
  const double mean_gap = 1.0 / (cp.vehicles_per_second * cp.profile_max);
  ctx.schedule(to_seconds(arrivals.exponential(mean_gap), 1.0), e);
  const auto hour = static_cast<std::size_t>((ctx.now() % 86400) / 3600);
  if (!arrivals.bernoulli(cp.profile[hour] / cp.profile_max)) return;

  RandomStream& service_draws = service_draws_[c];
  Time service = draw_seconds(service_draws, cp.service_minutes, 60.0);
  const bool inspected = service_draws.bernoulli(cp.inspection);
  const bool secondary = inspected && service_draws.bernoulli(cp.secondary);
  if (secondary) service += draw_seconds(service_draws, cp.secondary_minutes, 60.0);
  if (inspected) inspection_made(ctx.now(), secondary);
  CheckpointQueue& queue = queues_[c];
  // Validation keeps the busiest hour below capacity; this bounds the memory of a queue that
  // grows all the same (a scenario compiled without validation).
  if (queue.in_system() >= bounds::kMaxVehiclesInSystem)
    throw std::runtime_error(
        fmt::format("checkpoints.{}: more than {} vehicles waiting at once; its traffic exceeds its "
                    "capacity (bstp validate reports the rates)",
                    cp.node_id, bounds::kMaxVehiclesInSystem));
  const CheckpointQueue::Passage passage = queue.join(ctx.now(), service, true);
  const double wait_hours = static_cast<double>(passage.wait) / 3600.0;
  const double delay_hours = static_cast<double>(passage.departure - ctx.now()) / 3600.0;
  indicators_.vehicle_crossed(ctx.now(), country_, wait_hours, delay_hours,
                              delay_hours * scenario_.scenario().economy.trade_cost_usd_per_vehicle_hour);
  indicators_.vehicles_in_system(ctx.now(), queue.take_vehicle_seconds(ctx.now()));
}

void CountryLp::inspection_made(Time t, bool secondary) {
  const double usd = inspection_cost(scenario_.scenario().costs, secondary);
  if (usd > 0.0) indicators_.lever_paid(Indicator::checkpoint_cost_usd, t, country_, usd);
}

// --- training -----------------------------------------------------------------------------------

void CountryLp::cohort_starts(const CohortStarts& e, Context& ctx) {
  const CohortParams& cohort = scenario_.cohorts[e.cohort];
  police_.cohort_leaves(cohort.seats);
  indicators_.training_paid(ctx.now(), country_, cohort.cost_usd);
  ctx.schedule(cohort.end - cohort.start, CohortGraduates{e.cohort});
}

void CountryLp::cohort_graduates(const CohortGraduates& e, Context& ctx) {
  const CohortParams& cohort = scenario_.cohorts[e.cohort];
  police_.cohort_returns(ctx.now(), cohort.seats);
  indicators_.cohort_trained(ctx.now(), country_, cohort.seats);
}

}  // namespace bstp::border
