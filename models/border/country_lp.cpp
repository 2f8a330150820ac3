#include "country_lp.hpp"

#include "corruption.hpp"
#include "load_splitting.hpp"
#include "programme_costs.hpp"
#include "shipment_streams.hpp"
#include "trafficker_economics.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {
namespace {

// The officers at their posts are counted once a day, at noon.
constexpr Time kRollCallHour = 12 * kHour;

}  // namespace

CountryLp::CountryLp(const CompiledScenario& scenario, int country, std::uint64_t replication)
    : scenario_(scenario),
      country_(country),
      replication_(replication),
      layout_(lp_layout(scenario)),
      police_(scenario, country),
      officers_(scenario, country, replication),
      roster_(scenario, replication),
      indicators_(scenario),
      alerted_until_(scenario.countries.size(), 0),
      contestation_(scenario, country),
      trust_(scenario.violence.reporting),
      violence_record_(scenario.enforcement, scenario.organisations.size()),
      captured_(scenario.organisations.size(), std::vector<bool>(scenario.units.size(), false)),
      rotation_(rotation_period(scenario, country)),
      captured_from_(scenario.organisations.size(), 0),
      captured_until_(scenario.organisations.size(), kNever),
      committees_(scenario, country),
      alert_boost_(scenario.countries.size(), 0.0),
      tally_(scenario.graph().node_count(), scenario.sectors.size()),
      sharing_ordered_(scenario.countries.size()),
      hot_pursuit_ordered_(scenario.countries.size(), false),
      closed_edges_(scenario.edge_first_country.size(), false),
      order_costs_(scenario, country) {
  on(&CountryLp::shipment_arrives);
  on(&CountryLp::shipment_arrives_from_watched_leg);
  on(&CountryLp::shipment_clears_checkpoint);
  on(&CountryLp::cohort_starts);
  on(&CountryLp::cohort_graduates);
  on(&CountryLp::seam_alert_received);
  on(&CountryLp::lookouts_report);
  on(&CountryLp::order_arrives);
  on(&CountryLp::roll_call);
  on(&CountryLp::protection_offered);
  // Standing protection of the officers posted at the start (rotation period 0).
  for (std::size_t o = 0; o < scenario.organisations.size(); ++o) offer_protection_to_units(static_cast<int>(o), 0, 0);
}

void CountryLp::start(Context& ctx) {
  bool watched = false;
  for (const OrganisationParams& o : scenario_.organisations) watched = watched || o.spec.surveillance.sighting_probability > 0.0;
  bool has_units = false;
  for (const PatrolUnit& u : scenario_.units) has_units = has_units || scenario_.sectors[static_cast<std::size_t>(u.sector)].country == country_;
  if (watched && has_units) ctx.schedule(kDay, LookoutsReport{});
  if (!officers_.posts_with_officers().empty()) ctx.schedule(kRollCallHour, RollCall{});
  for (int c : scenario_.countries[static_cast<std::size_t>(country_)].cohorts)
    ctx.schedule(scenario_.cohorts[static_cast<std::size_t>(c)].start, CohortStarts{static_cast<std::uint16_t>(c)});
  // Attacks of plata o plomo on the officers at the start; with rotation, each organisation
  // approaches the officers of every rotation `recapture_days` after they are posted.
  attacks_made(0);
  if (rotation_ > 0)
    for (std::size_t o = 0; o < scenario_.organisations.size(); ++o) {
      const Time lag = days_to_ticks(scenario_.organisations[o].spec.protection.recapture_days);
      bool covers = false;
      for (std::size_t u = 0; u < scenario_.units.size(); ++u)
        covers = covers || protection_covers(scenario_, country_, static_cast<int>(o), static_cast<int>(u));
      if (covers && lag < rotation_ && rotation_ + lag < scenario_.horizon())
        ctx.schedule(rotation_ + lag, ProtectionOffered{static_cast<std::uint16_t>(o), 1});
    }
}

void CountryLp::finish(Time horizon) {
  // What the programme's schedule cost this country: units, lanes, backfill, coordination, ...
  // (facts before warmup_days are not counted).
  charge_scheduled_costs(scenario_, country_,
                         [&](Indicator lever, Time at, double usd) { indicators_.lever_paid(lever, at, country_, usd); });
  // Standing protection: each captured unit is paid for every month it is captured (pro rata),
  // to the next rotation or the end of the run. Over the measured months only (after warmup_days):
  // a capture counts when its period's measured part begins, and its unit-months and payments fall
  // in the months they cover (the monthly series show when units were held, not the run's end).
  const Time measured_from = std::min(horizon, scenario_.warmup());
  for (const CaptureSpell& spell : spells_) {
    const int units = spell.collusive + spell.coercive;
    const Time from = std::max(spell.from, measured_from), until = std::min(spell.until, horizon);
    if (units == 0 || until <= from) continue;  // nothing captured, or all of it before the measured months
    const double usd_per_unit_month = scenario_.organisations[static_cast<std::size_t>(spell.organisation)].spec.protection.usd_per_unit_month;
    indicators_.captures_counted(from, country_, spell.collusive, spell.coercive);
    for (Time t = from; t < until;) {
      const Time month_ends = std::min(until, (t / kMonthTicks + 1) * kMonthTicks);
      const double unit_months = units * static_cast<double>(month_ends - t) / static_cast<double>(kMonthTicks);
      indicators_.protection_held(t, country_, unit_months, unit_months * usd_per_unit_month);
      t = month_ends;
    }
  }
  // The months of the run (measured) of the jobs programme.
  const double months = static_cast<double>(horizon - measured_from) / static_cast<double>(kMonthTicks);
  // The jobs programme's jobs and wages, where its jobs are.
  const Economy& economy = scenario_.economy;
  if (economy.jobs_program && economy.jobs_created > 0 && scenario_.jobs_country == country_)
    indicators_.jobs_paid(horizon - 1, country_, economy.jobs_created, economy.jobs_created * months * economy.jobs_wage_usd_per_month);
}

Time CountryLp::passage_ticks(Cargo cargo, int leg) const {
  cargo.leg = static_cast<std::uint8_t>(leg);
  RandomStream travel_draws = shipment_draws(cargo, kTravel);
  const Time travel = draw_ticks(travel_draws, scenario_.graph().arc(cargo.route[leg]).travel_hours, kSecondsPerHour);
  // A leg into another country takes at least the handover delay.
  const Arc& arc = scenario_.graph().arc(cargo.route[leg]);
  return scenario_.node_country[arc.to] == scenario_.node_country[arc.from] ? travel : std::max(travel, kHandoverTicks);
}

RandomStream CountryLp::violence_draws(const Cargo& cargo, std::uint64_t step) const {
  return RandomStream(StreamId{scenario_.seed, replication_, entity::shipment(cargo.shipment),
                               (std::uint64_t{1} << 32) | (cargo.leg * std::uint64_t{4} + step)});
}

RandomStream CountryLp::shipment_draws(const Cargo& cargo, std::uint64_t step) const {
  return border::shipment_draws(scenario_, replication_, cargo, step);
}

double CountryLp::alert_multiplier(ArcIndex leg, Time now) const {
  if (!scenario_.is_seam(leg)) return 1.0;
  const int partner = scenario_.other_side(leg, country_);
  if (alerted_until_[static_cast<std::size_t>(partner)] <= now) return 1.0;
  return 1.0 + alert_boost_[static_cast<std::size_t>(partner)];
}

bool CountryLp::joint_patrol_ordered(ArcIndex leg) const {
  if (joint_patrols_ordered_.empty() || !scenario_.is_seam(leg)) return false;
  const int sector = scenario_.graph().arc(leg).sector;
  const int across = scenario_.other_side(leg, country_);
  for (const auto& [mine, theirs] : joint_patrols_ordered_)
    if (mine == sector && scenario_.sectors[static_cast<std::size_t>(theirs)].country == across) return true;
  return false;
}

bool CountryLp::hot_pursuit_with(int partner) const {
  return scenario_.hot_pursuit(country_, partner) || hot_pursuit_ordered_[static_cast<std::size_t>(partner)];
}

bool CountryLp::shares_with(int partner) const {
  Time delay = 0, alert = 0;
  double boost = 0.0;
  return sharing_ordered_[static_cast<std::size_t>(partner)].on || scenario_.shares_information(country_, partner, delay, alert, boost);
}

double CountryLp::detection_hazard(const Cargo& cargo, Time now) const {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  const double size = size_factor(org.spec.load_splitting, org.reference_kg, cargo.kg);
  const Enforcement& enforcement = scenario_.enforcement;
  if (enforcement.rule != Enforcement::Rule::conditional) return size;
  return size * targeting_weight(enforcement, violence_record_.violent_share(cargo.organisation, now));
}

std::optional<int> CountryLp::patrols_detect(ArcIndex leg, int organisation, Time from, Time to, Time now,
                                             RandomStream& draws, double hazard) {
  const Arc& arc = scenario_.graph().arc(leg);
  if (arc.has_fixed_detection)
    return draws.bernoulli(detection_with_hazard(arc.fixed_detection, hazard)) ? std::optional<int>(-1) : std::nullopt;
  if (arc.sector < 0 || scenario_.arc_post[leg] < 0) return std::nullopt;
  // Each unit u misses with 1 - q_u x f_u, q_u following the trained share of its own officers;
  // units captured by the organisation's protection look away (q_u = 0).
  const double availability = police_.availability(), alert = alert_multiplier(leg, now);
  const bool joint = joint_patrol_ordered(leg);
  const std::vector<int>& units = roster_.units_on_sector(arc.sector);
  miss_.clear();
  double miss = 1.0;
  for (int u : units) {
    const double q = looking_away(organisation, u, now)
                         ? 0.0
                         : scenario_.unit_detection(leg, now, officers_.trained_use(scenario_.unit_post(u), now, police_),
                                                    availability, alert, joint);
    miss_.push_back(q > 0.0 ? survival_with_hazard(1.0 - q * roster_.share_on_leg(u, leg, from, to, now), hazard) : 1.0);
    miss *= miss_.back();
  }
  if (!draws.bernoulli(1.0 - miss)) return std::nullopt;
  roster_.detection_made(leg, now);
  tally_.patrol_detections += 1;
  tally_.detections_in[static_cast<std::size_t>(arc.sector)] += 1;
  // The unit that detected it: the first in the sector's order whose check succeeded, drawn
  // given that one did.
  double x = draws.uniform() * (1.0 - miss), none_before = 1.0;
  for (std::size_t k = 0; k < units.size(); ++k) {
    x -= none_before * (1.0 - miss_[k]);
    if (x < 0.0 || k + 1 == units.size()) {
      indicators_.counted_for_unit(now, scenario_.unit_post(units[k]), UnitMeasure::detections);
      return scenario_.unit_post(units[k]);
    }
    none_before *= miss_[k];
  }
  return std::nullopt;
}

// --- a shipment's journey ---------------------------------------------------------------------

void CountryLp::shipment_arrives(const ShipmentArrives& e, Context& ctx) { shipment_reaches_node(e.cargo, ctx); }

void CountryLp::shipment_arrives_from_watched_leg(const ShipmentArrivesFromWatchedLeg& e, Context& ctx) {
  Cargo cargo = e.cargo;
  const ArcIndex leg = cargo.route[cargo.leg - 1];
  RandomStream draws = shipment_draws(cargo, kArrivalPatrol);
  if (const auto post = patrols_detect(leg, cargo.organisation, ctx.now() - passage_ticks(cargo, cargo.leg - 1), ctx.now(), ctx.now(),
                                       draws, detection_hazard(cargo, ctx.now()))) {
    const int partner = scenario_.is_seam(leg) ? scenario_.other_side(leg, country_) : -1;
    cargo.leg -= 1;  // the encounter happened on the leg just travelled
    if (detected_shipment_turns_back(cargo, ctx)) return;
    const Encounter outcome = officers_confront(cargo, partner, *post, ctx, draws);
    cargo.leg += 1;
    if (outcome == Encounter::seized) return;
  }
  shipment_reaches_node(cargo, ctx);
}

void CountryLp::shipment_reaches_node(Cargo cargo, Context& ctx) {
  const BorderGraph& graph = scenario_.graph();
  const NodeIndex node = cargo.leg < cargo.legs ? graph.arc(cargo.route[cargo.leg]).from : graph.arc(cargo.route[cargo.legs - 1]).to;
  if (cargo.resumes) {  // back where it turned back: it passed this node (and its checkpoint) already
    cargo.resumes = 0;
    shipment_sets_off(cargo, ctx);
    return;
  }
  if (const int slot = scenario_.crossing_slot[node]; slot >= 0) indicators_.crossing_used(ctx.now(), slot, cargo.kg);
  groups_contest_node(cargo, node, ctx);
  tally_.kg_through[node] += cargo.kg;
  tally_.largest_kg_through[node] = std::max(tally_.largest_kg_through[node], static_cast<double>(cargo.kg));
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
  // inspected, sent to secondary inspection, and found. The lanes are the checkpoint's LP; it is
  // handed over one hand-over later (the approach). Whether a secondary inspection would find it
  // follows this country's officers at the post now.
  const CheckpointParams& cp = scenario_.checkpoints[static_cast<std::size_t>(c)];
  const double skill = officers_.trained_use(scenario_.checkpoint_post(c), ctx.now(), police_);
  const double found = detection_with_hazard(cp.detection.untrained + (cp.detection.trained - cp.detection.untrained) * skill,
                                             detection_hazard(cargo, ctx.now()));
  RandomStream find_draws = shipment_draws_apart(scenario_, replication_, cargo, kCheckpointFindStreams);
  cargo.found_at_checkpoint = find_draws.bernoulli(found) ? 1 : 0;
  ctx.send(layout_.checkpoint(c), kHandoverTicks, ShipmentJoinsLanes{cargo});
}

void CountryLp::shipment_clears_checkpoint(const ShipmentClearsCheckpoint& e, Context& ctx) {
  Cargo cargo = e.cargo;
  if (cargo.found_at_checkpoint) {
    cargo.found_at_checkpoint = 0;
    tally_.checkpoint_finds += 1;
    RandomStream draws = shipment_draws(cargo, kCheckpointEncounter);
    const NodeIndex node = scenario_.graph().arc(cargo.route[cargo.leg]).from;
    const int post = scenario_.checkpoint_post(scenario_.checkpoint_at_node[node]);
    if (officers_confront(cargo, -1, post, ctx, draws) == Encounter::seized) return;
  }
  shipment_sets_off(cargo, ctx);
}

void CountryLp::shipment_sets_off(Cargo cargo, Context& ctx) {
  const BorderGraph& graph = scenario_.graph();
  const ArcIndex leg = cargo.route[cargo.leg];
  const Arc& arc = graph.arc(leg);
  // A closed leg: the couriers wait at its start and tell their organisation, which sends them
  // on by an open route or lets them wait (organisation_lp.cpp).
  if (closed_edges_[arc.edge]) {
    ctx.send(layout_.organisation(cargo.organisation), kHandoverTicks, ShipmentBlocked{cargo});
    return;
  }
  const int detector = scenario_.arc_detector[leg];
  const Time travel = passage_ticks(cargo, cargo.leg);
  if (detector == country_) {
    RandomStream draws = shipment_draws(cargo, kLegPatrol);
    if (const auto post = patrols_detect(leg, cargo.organisation, ctx.now(), ctx.now() + travel, ctx.now(), draws,
                                         detection_hazard(cargo, ctx.now()))) {
      if (detected_shipment_turns_back(cargo, ctx)) return;
      const int partner = scenario_.is_seam(leg) ? scenario_.other_side(leg, country_) : -1;
      if (officers_confront(cargo, partner, *post, ctx, draws) == Encounter::seized) return;
    }
  }
  const int next_country = scenario_.node_country[arc.to];
  cargo.leg += 1;
  if (next_country == country_) {
    ctx.schedule(travel, ShipmentArrives{cargo});
  } else if (detector == next_country) {
    ctx.send(layout_.country(next_country), std::max(travel, kHandoverTicks), ShipmentArrivesFromWatchedLeg{cargo});
  } else {
    ctx.send(layout_.country(next_country), std::max(travel, kHandoverTicks), ShipmentArrives{cargo});
  }
}

CountryLp::Encounter CountryLp::officers_confront(Cargo& cargo, int seam_partner, int post, Context& ctx, RandomStream& draws) {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  const Police& police = scenario_.countries[static_cast<std::size_t>(country_)].police;
  cargo.detected_by = static_cast<std::uint8_t>(country_ + 1);
  cargo.detected_at = static_cast<std::uint16_t>(std::min(post + 2, 0xFFFF));  // 0xFFFF: a post beyond the field's range
  // The officer who faces the shipment is one of the post's: trained and using the methods with
  // the post's trained share (weighted by the skill kept).
  const bool trained_officer = draws.bernoulli(officers_.trained_use(post, ctx.now(), police_));
  const double value = cargo.kg * org.spec.value_per_kg_usd;
  SituationTally::Fates& fates = tally_.fates_at[scenario_.graph().arc(cargo.route[cargo.leg]).from];
  fates.detected += 1;
  fates.detected_kg += cargo.kg;

  // Corruption: the traffickers offer, the officer may take it and look away.
  // An audit monitors the officer with its share (a draw of its own, so that without audits the
  // other draws are as before) and lowers a monitored officer's acceptance (Olken).
  const Audit* audit = audit_of(scenario_, country_);
  RandomStream audit_draws = violence_draws(cargo, 2);
  const bool monitored = audit != nullptr && audit_draws.bernoulli(audit->share_monitored);
  // A raise makes the officer weigh the bribe against the pay lost if caught (branch corruption-levers).
  const PayRaise* raise = pay_raise_of(scenario_, country_);
  if (draws.bernoulli(org.spec.propensity_to_bribe) &&
      draws.bernoulli(bribe_acceptance(police, trained_officer, monitored, audit, raise, org.spec.bribe_offer_share * value))) {
    indicators_.bribe_taken(ctx.now(), country_, org.spec.bribe_offer_share * value);
    indicators_.counted_for_unit(ctx.now(), post, UnitMeasure::bribes);
    trust_.bribe_seen(ctx.now());
    tally_.bribes += 1;
    fates.bribed += 1;
    fates.bribed_kg += cargo.kg;
    cargo.bribed_legs |= std::uint32_t{1} << cargo.leg;
    return Encounter::passes;
  }
  // Resistance: a violent confrontation, deadly depending on the officers' use of force. Under
  // conditional enforcement the couriers fight as their organisation's posture says, and the
  // country records the confrontation against the organisation.
  const Enforcement& enforcement = scenario_.enforcement;
  const bool conditional = enforcement.rule == Enforcement::Rule::conditional;
  const bool fights = draws.bernoulli(conditional ? cargo.resistance / 255.0 : org.spec.propensity_to_fight);
  if (conditional) violence_record_.confrontation(cargo.organisation, fights, ctx.now());
  if (fights) {
    const bool deadly = draws.bernoulli(trained_officer ? police.use_of_force.trained : police.use_of_force.untrained);
    const int deaths = deadly ? 1 + static_cast<int>(draws.poisson(0.5)) : 0;
    const bool reported = deadly || draws.bernoulli(reporting_probability(ctx.now()));
    RandomStream who = violence_draws(cargo, 1);
    indicators_.violent_incident(ctx.now(), country_, split_deaths(deaths, scenario_.violence.encounter_deaths, who), reported, false);
    indicators_.counted_for_unit(ctx.now(), post, UnitMeasure::violent_incidents);
    if (deaths > 0) trust_.police_killing_seen(ctx.now(), deaths);
    tally_.violent_incidents += 1;
    cargo.violent_incidents = static_cast<std::uint8_t>(std::min(255, cargo.violent_incidents + 1));
    tally_.deaths += static_cast<std::uint64_t>(deaths);
    // The couriers may get away with the load by fighting (a draw of its own).
    if (org.spec.resistance_escape > 0.0 && violence_draws(cargo, 3).bernoulli(org.spec.resistance_escape)) {
      tally_.escapes += 1;
      fates.escaped += 1;
      fates.escaped_kg += cargo.kg;
      return Encounter::passes;
    }
  }
  // At a seam the shipment may slip across the line, unless hot pursuit lets officers follow.
  if (seam_partner >= 0 && !hot_pursuit_with(seam_partner) &&
      draws.bernoulli(scenario_.escape_probability)) {
    tally_.escapes += 1;
    fates.escaped += 1;
    fates.escaped_kg += cargo.kg;
    return Encounter::passes;
  }

  const int arrests = static_cast<int>(draws.poisson(org.spec.couriers_per_shipment));
  // The traffickers lose what it would cost them to replace the load here, not its destination price.
  const double replacement = replacement_value_per_kg(org.spec, scenario_.graph(), std::span<const ArcIndex>(cargo.route, cargo.legs), cargo.leg);
  indicators_.shipment_seized(ctx.now(), country_, cargo.kg, arrests, cargo.kg * replacement);
  indicators_.counted_for_unit(ctx.now(), post, UnitMeasure::seizures);
  indicators_.counted_for_organisation(ctx.now(), cargo.organisation, OrganisationMeasure::seizures, 1.0);
  indicators_.counted_for_organisation(ctx.now(), cargo.organisation, OrganisationMeasure::seized_kg, cargo.kg);
  if (const int crossing = scenario_.crossing_of_leg(cargo.route[cargo.leg]); crossing >= 0)
    indicators_.seized_at_crossing(ctx.now(), crossing, cargo.kg);
  contestation_.load_seized(cargo.kg, ctx.now());
  const Arc& lost_on = scenario_.graph().arc(cargo.route[cargo.leg]);
  tally_.seizures += 1;
  tally_.seized_kg += cargo.kg;
  tally_.seized_kg_at[lost_on.from] += cargo.kg;
  fates.seized += 1;
  if (lost_on.sector >= 0 && scenario_.sectors[static_cast<std::size_t>(lost_on.sector)].country == country_)
    tally_.seizures_in[static_cast<std::size_t>(lost_on.sector)] += 1;
  report_to_organisation(cargo, Fate::seized, ctx);
  share_intelligence(cargo.route[cargo.leg], ctx);
  return Encounter::seized;
}

bool CountryLp::detected_shipment_turns_back(const Cargo& cargo, Context& ctx) {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  if (!(org.spec.turn_back_probability > 0.0) || cargo.attempt >= org.spec.max_turn_backs) return false;
  RandomStream draws = shipment_draws_apart(scenario_, replication_, cargo, kTurnBackStreams);
  if (!draws.bernoulli(org.spec.turn_back_probability)) return false;
  SituationTally::Fates& fates = tally_.fates_at[scenario_.graph().arc(cargo.route[cargo.leg]).from];
  fates.detected += 1;
  fates.detected_kg += cargo.kg;
  indicators_.shipment_turned_back(ctx.now(), country_);
  ctx.send(layout_.organisation(cargo.organisation), org.retry_after, ShipmentTurnedBack{cargo});
  return true;
}

void CountryLp::shipment_delivered(const Cargo& cargo, Context& ctx) {
  const OrganisationParams& org = scenario_.organisations[cargo.organisation];
  indicators_.shipment_delivered(ctx.now(), country_, cargo.kg, cargo.kg * org.spec.value_per_kg_usd);
  indicators_.counted_for_organisation(ctx.now(), cargo.organisation, OrganisationMeasure::delivered_kg, cargo.kg);
  // A delivered attempt got away from the country that last detected it, or went unseen.
  const bool detected = cargo.detected_by > 0;
  indicators_.attempt_delivered(ctx.now(), detected ? cargo.detected_by - 1 : country_, detected,
                                in_hours(ctx.now() - static_cast<Time>(cargo.sent_at) * kSecond));
  tally_.deliveries += 1;
  tally_.delivered_kg += cargo.kg;
  tally_.delivered_kg_at[scenario_.graph().arc(cargo.route[cargo.legs - 1]).to] += cargo.kg;
  tally_.fates_at[scenario_.graph().arc(cargo.route[cargo.legs - 1]).to].delivered += 1;
  report_to_organisation(cargo, Fate::delivered, ctx);
}

void CountryLp::groups_contest_node(const Cargo& cargo, NodeIndex node, Context& ctx) {
  const double hazard = contestation_.hazard(node, cargo.organisation, ctx.now());
  if (hazard > 0.0) {
    RandomStream draws = violence_draws(cargo, 0);
    if (draws.bernoulli(-std::expm1(-hazard))) {
      const Violence& violence = scenario_.violence;
      const int deaths = static_cast<int>(draws.poisson(violence.contestation.deaths_per_incident));
      const bool reported = deaths > 0 || draws.bernoulli(reporting_probability(ctx.now()));
      indicators_.violent_incident(ctx.now(), country_, split_deaths(deaths, violence.contestation_deaths, draws), reported, true);
    }
  }
  contestation_.load_passes(node, cargo.organisation, cargo.kg, ctx.now());
}

void CountryLp::report_to_organisation(const Cargo& cargo, Fate fate, Context& ctx) const {
  ShipmentReported report;
  report.shipment = cargo.shipment;
  report.bribed_legs = cargo.bribed_legs;
  report.kg = cargo.kg;
  report.fate = fate;
  report.lost_on_leg = cargo.leg;
  report.legs = cargo.legs;
  report.detected_by = cargo.detected_by;
  report.violent_incidents = cargo.violent_incidents;
  report.detected_at = cargo.detected_at;
  std::copy(std::begin(cargo.route), std::end(cargo.route), std::begin(report.route));
  ctx.send(layout_.organisation(cargo.organisation), scenario_.organisations[cargo.organisation].reporting_delay, report);
}

void CountryLp::share_intelligence(ArcIndex leg, Context& ctx) const {
  if (!scenario_.is_seam(leg)) return;
  const int partner = scenario_.other_side(leg, country_);
  Time delay = 0, alert = 0;
  double boost = 0.0;
  if (const Sharing& ordered = sharing_ordered_[static_cast<std::size_t>(partner)]; ordered.on) {
    delay = ordered.delay;
    alert = ordered.alert;
    boost = ordered.boost;
  } else if (!scenario_.shares_information(country_, partner, delay, alert, boost)) {
    return;
  }
  ctx.send(layout_.country(partner), delay, SeamAlert{static_cast<std::uint16_t>(country_), alert, boost});
}

void CountryLp::seam_alert_received(const SeamAlert& e, Context& ctx) {
  Time& until = alerted_until_[e.from_country];
  until = std::max(until, ctx.now() + e.alert);
  alert_boost_[e.from_country] = e.boost;
}

// --- lookouts ----------------------------------------------------------------------------------

void CountryLp::lookouts_report(const LookoutsReport& e, Context& ctx) {
  ctx.schedule(kDay, e);
  const std::int64_t shift = ctx.now() / kDay - 1;  // the shifts that started yesterday
  const std::uint64_t seed = scenario_.seed;
  for (std::size_t o = 0; o < scenario_.organisations.size(); ++o) {
    const Surveillance& watch = scenario_.organisations[o].spec.surveillance;
    if (!(watch.sighting_probability > 0.0)) continue;
    UnitsSighted report;
    report.country = static_cast<std::uint16_t>(country_);
    auto send = [&] {
      ctx.send(layout_.organisation(static_cast<int>(o)), std::max(kHandoverTicks, days_to_ticks(watch.delay_days)), report);
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
      int edge = roster_.edge_on(static_cast<int>(u), shift, ctx.now());
      if (edge < 0) continue;  // withdrawn by order
      if (draws.bernoulli(watch.noise)) edge = static_cast<int>(sector.posts[draws.below(sector.posts.size())]);
      report.edges[report.count++] = static_cast<std::uint16_t>(edge);
      if (report.count == kMaxSightings) send();
    }
    if (report.count > 0 || report.first) send();
  }
}

// --- training -----------------------------------------------------------------------------------

const CohortParams& CountryLp::cohort(std::uint16_t index) const {
  return index < scenario_.cohorts.size() ? scenario_.cohorts[index] : ordered_cohorts_[index - scenario_.cohorts.size()];
}

void CountryLp::cohort_starts(const CohortStarts& e, Context& ctx) {
  const CohortParams& cohort = this->cohort(e.cohort);
  police_.cohort_leaves(cohort);
  indicators_.training_paid(ctx.now(), country_, cohort.cost_usd);
  indicators_.officers_in_class(ctx.now(), country_, cohort.seats * in_days(cohort.end - cohort.start));
  ctx.schedule(cohort.end - cohort.start, CohortGraduates{e.cohort});
}

void CountryLp::cohort_graduates(const CohortGraduates& e, Context& ctx) {
  const CohortParams& cohort = this->cohort(e.cohort);
  police_.cohort_returns(ctx.now(), cohort);
  if (!cohort.refresher) indicators_.cohort_trained(ctx.now(), country_, cohort.seats);
}

// --- officers at their posts --------------------------------------------------------------------

void CountryLp::roll_call(const RollCall& e, Context& ctx) {
  ctx.schedule(kDay, e);
  for (int post : officers_.posts_with_officers()) {
    const OfficerPosts::Crew crew = officers_.crew(post, ctx.now(), police_);
    if (crew.trained == 0) continue;
    indicators_.methods_used(ctx.now(), country_, crew.trained, crew.using_methods, officers_.observed(post, ctx.now()));
  }
}

}  // namespace bstp::border
