// The scenario format, key by key. Every struct of scenario.hpp read from a mapping has a table
// here: {key, member, rule}. docs/scenario-format.md documents the same keys for people; keep the
// two in step.
#include "scenario_schema.hpp"

#include "scenario_bounds.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace bstp::border::yaml {

// ---- Bounds (scenario_bounds.hpp; docs/scenario-format.md, "Bounds") ----------------------------

namespace {
constexpr Rule any_days = bounded(0, bounds::kMaxDays, "a number of days in [0, 36500]");
constexpr Rule some_days = bounded(0, bounds::kMaxDays, "a number of days in (0, 36500]", true);
constexpr Rule usd = bounded(0, bounds::kMaxUsd, "an amount in USD in [0, 1e9]");
constexpr Rule multiplier = bounded(0, bounds::kMaxMultiplier, "a multiplier in [0, 100]");
constexpr Rule travel_hours = bounded(0, bounds::kMaxTravelHours, "a number of hours in [0, 8760] (a year)");
constexpr Rule service_minutes = bounded(0, bounds::kMaxServiceMinutes, "a number of minutes in [0, 1440] (a day)");
constexpr Rule shipment_kg = bounded(0, bounds::kMaxShipmentKg, "a number of kg in [0, 1e6]");
constexpr Rule vehicles_per_hour = bounded(bounds::kMinRate, bounds::kMaxVehiclesPerHour,
                                           "0 or a rate in [0.001, 10000] vehicles per hour", false, true);
constexpr Rule shipments_per_month = bounded(bounds::kMinRate, bounds::kMaxShipmentsPerMonth,
                                             "0 or a rate in [0.001, 100000] shipments per month", false, true);
}  // namespace

// Every record type is declared first, so that each is known to be a record wherever it is used.
#define BSTP_RECORD(Type) \
  template <>             \
  struct Schema<Type> {   \
    static const Fields<Type>& fields(); \
  }
#define BSTP_KEYED_RECORD(Type, key_member)          \
  template <>                                        \
  struct Schema<Type> {                              \
    static const Fields<Type>& fields();             \
    static constexpr auto id = &Type::key_member;    \
  }

BSTP_RECORD(ByTraining);
BSTP_RECORD(Police);
BSTP_KEYED_RECORD(Country, id);
BSTP_KEYED_RECORD(Node, id);
BSTP_RECORD(Distribution);
BSTP_RECORD(Edge);
BSTP_KEYED_RECORD(UnitKind, id);
BSTP_KEYED_RECORD(Sector, id);
BSTP_KEYED_RECORD(Checkpoint, node);
BSTP_KEYED_RECORD(TrafficFlow, node);
BSTP_RECORD(RiskModel);
BSTP_RECORD(Surveillance);
BSTP_RECORD(OutsideOption);
BSTP_RECORD(RouteChoice);
BSTP_RECORD(LoadSplitting);
BSTP_KEYED_RECORD(Organisation, id);
BSTP_RECORD(Cohort);
BSTP_KEYED_RECORD(TrainingProgram, id);
BSTP_RECORD(ObserverTeam);
BSTP_RECORD(Training);
BSTP_RECORD(InformationSharing);
BSTP_RECORD(JointPatrol);
BSTP_RECORD(HotPursuit);
BSTP_RECORD(JointExercise);
BSTP_RECORD(TimedOrder);
BSTP_RECORD(Coordination);
BSTP_RECORD(Economy);
BSTP_RECORD(DeathShares);
BSTP_RECORD(ContestationParams);
BSTP_RECORD(Committees);  // branch corruption-levers
BSTP_RECORD(Reporting);
BSTP_RECORD(Violence);
BSTP_RECORD(Coercion);  // branch corruption-levers
BSTP_RECORD(Protection);
BSTP_RECORD(Audit);
BSTP_RECORD(PayRaise);  // branch corruption-levers
BSTP_RECORD(Rotation);  // branch corruption-levers
BSTP_RECORD(Corruption);
BSTP_RECORD(Enforcement);
BSTP_RECORD(JobsProgramCost);
BSTP_RECORD(Costs);
BSTP_KEYED_RECORD(Budget, country);
BSTP_RECORD(Discounting);
BSTP_RECORD(Scenario);

#undef BSTP_RECORD
#undef BSTP_KEYED_RECORD

// ---- Enumerations -----------------------------------------------------------------------------

template <>
struct EnumNames<Distribution::Kind> {
  static const std::vector<std::pair<std::string, Distribution::Kind>>& list() {
    using K = Distribution::Kind;
    static const std::vector<std::pair<std::string, K>> names{
        {"fixed", K::fixed}, {"exponential", K::exponential}, {"uniform", K::uniform},
        {"normal", K::normal}, {"lognormal", K::lognormal}};
    return names;
  }
};

template <>
struct EnumNames<NodeKind> {
  static const std::vector<std::pair<std::string, NodeKind>>& list() {
    static const std::vector<std::pair<std::string, NodeKind>> names{
        {"hub", NodeKind::hub},
        {"town", NodeKind::town},
        {"port_of_entry", NodeKind::port_of_entry},
        {"blind_crossing", NodeKind::blind_crossing},
        {"airstrip", NodeKind::airstrip},
        {"landing", NodeKind::landing}};
    return names;
  }
};

template <>
struct EnumNames<Mode> {
  static const std::vector<std::pair<std::string, Mode>>& list() {
    static const std::vector<std::pair<std::string, Mode>> names{
        {"road", Mode::road}, {"trail", Mode::trail}, {"river", Mode::river}, {"sea", Mode::sea}, {"air", Mode::air}};
    return names;
  }
};

template <>
struct EnumNames<Placement> {
  static const std::vector<std::pair<std::string, Placement>>& list() {
    static const std::vector<std::pair<std::string, Placement>> names{{"fixed", Placement::fixed},
                                                                      {"random", Placement::random},
                                                                      {"rotation", Placement::rotation},
                                                                      {"targeted", Placement::targeted}};
    return names;
  }
};

template <>
struct EnumNames<RiskModel::Perception> {
  static const std::vector<std::pair<std::string, RiskModel::Perception>>& list() {
    using P = RiskModel::Perception;
    static const std::vector<std::pair<std::string, P>> names{{"learned", P::learned}, {"informed", P::informed}};
    return names;
  }
};

template <>
struct EnumNames<RouteChoice::Rule> {
  static const std::vector<std::pair<std::string, RouteChoice::Rule>>& list() {
    using R = RouteChoice::Rule;
    static const std::vector<std::pair<std::string, R>> names{{"cheapest", R::cheapest}, {"logit", R::logit}};
    return names;
  }
};

std::vector<std::string> mode_names() {
  std::vector<std::string> names;
  for (const auto& entry : EnumNames<Mode>::list()) names.push_back(entry.first);
  return names;
}

// ---- Distributions ----------------------------------------------------------------------------

namespace {

// "a fixed distribution", "an exponential distribution".
std::string a_distribution(Distribution::Kind kind) {
  for (const auto& [name, k] : EnumNames<Distribution::Kind>::list())
    if (k == kind) return fmt::format("{} {} distribution", name.front() == 'e' ? "an" : "a", name);
  return "a distribution";
}

// The parameters each kind takes: fixed and exponential a mean, uniform min and max, normal and
// lognormal mean and sd.
std::vector<std::string> parameters_of(Distribution::Kind kind) {
  using K = Distribution::Kind;
  switch (kind) {
    case K::fixed:
    case K::exponential: return {"mean"};
    case K::uniform: return {"min", "max"};
    case K::normal:
    case K::lognormal: return {"mean", "sd"};
  }
  return {};
}

// Each parameter the kind takes must be given, and no other.
void check_parameters_given(Reader& r, const YAML::Node& node, const std::string& path, Distribution::Kind kind) {
  const std::vector<std::string> wanted = parameters_of(kind);
  const auto wants = [&](const std::string& p) { return std::find(wanted.begin(), wanted.end(), p) != wanted.end(); };
  for (const std::string parameter : {"mean", "sd", "min", "max"}) {
    const YAML::Node value = node[parameter];
    if (given(value) && !wants(parameter))
      r.error(value, join(path, parameter),
              fmt::format("not a parameter of {} (it takes: {})", a_distribution(kind), list_names(wanted)));
    if (!given(value) && wants(parameter))
      r.error(node, join(path, parameter), fmt::format("required by {}", a_distribution(kind)));
  }
}

}  // namespace

void read_value(Reader& r, const YAML::Node& node, const std::string& path, Distribution& d, const Rule& rule) {
  const std::size_t errors = r.error_count();
  read_record(r, node, path, d, Schema<Distribution>::fields());
  if (r.error_count() != errors) return;
  check_parameters_given(r, node, path, d.kind);
  if (r.error_count() != errors) return;
  // The rule bounds every parameter the distribution takes (the caller says what it measures).
  if (rule.range) {
    const auto bound = [&](const char* parameter, double value) {
      if (!rule.range->contains(value))
        r.error(node[parameter], join(path, parameter),
                fmt::format("expected {}, got {}", rule.range->expected, value));
    };
    const std::vector<std::string> taken = parameters_of(d.kind);
    for (const std::string& parameter : taken) {
      if (parameter == "mean") bound("mean", d.mean);
      if (parameter == "sd") bound("sd", d.sd);
      if (parameter == "min") bound("min", d.min);
      if (parameter == "max") bound("max", d.max);
    }
    if (r.error_count() != errors) return;
  }
  using K = Distribution::Kind;
  if ((d.kind == K::exponential || d.kind == K::lognormal) && d.mean <= 0)
    r.error(node["mean"], join(path, "mean"), fmt::format("expected a mean > 0 for {}, got {}", a_distribution(d.kind), d.mean));
  if (d.kind == K::uniform && d.min > d.max)
    r.error(node["min"], join(path, "min"), fmt::format("expected min <= max, got min {} and max {}", d.min, d.max));
}

const Fields<Distribution>& Schema<Distribution>::fields() {
  static const Fields<Distribution> f{
      {"dist", &Distribution::kind},
      {"mean", &Distribution::mean, non_negative},
      {"sd", &Distribution::sd, non_negative},
      {"min", &Distribution::min, non_negative},
      {"max", &Distribution::max, non_negative},
  };
  return f;
}

// ---- Countries, places and legs ---------------------------------------------------------------

const Fields<ByTraining>& Schema<ByTraining>::fields() {
  static const Fields<ByTraining> f{
      {"untrained", &ByTraining::untrained, probability},
      {"trained", &ByTraining::trained, probability},
  };
  return f;
}

const Fields<Police>& Schema<Police>::fields() {
  static const Fields<Police> f{
      {"officers", &Police::officers, bounded(0, bounds::kMaxOfficers, "a whole number in [0, 10000000]")},
      {"share_trained", &Police::share_trained, share},
      {"bribe_acceptance", &Police::bribe_acceptance},
      {"use_of_force", &Police::use_of_force},
  };
  return f;
}

const Fields<Country>& Schema<Country>::fields() {
  static const Fields<Country> f{
      {"name", &Country::name},
      {"police", &Country::police},
  };
  return f;
}

const Fields<Node>& Schema<Node>::fields() {
  static const Fields<Node> f{
      {"name", &Node::name},
      {"kind", &Node::kind, required()},
      {"country", &Node::country, required()},
      {"lat", &Node::lat, latitude},
      {"lon", &Node::lon, longitude},
      {"sector", &Node::sector},
  };
  return f;
}

const Fields<Edge>& Schema<Edge>::fields() {
  static const Fields<Edge> f{
      {"id", &Edge::id},
      {"from", &Edge::from, required()},
      {"to", &Edge::to, required()},
      {"mode", &Edge::mode},
      {"travel_hours", &Edge::travel_hours, required(travel_hours)},
      {"exposure", &Edge::exposure, share},
      {"sector", &Edge::sector},
      {"detection_probability", &Edge::detection_probability, probability},
      {"bidirectional", &Edge::bidirectional},
  };
  return f;
}

// ---- Enforcement: patrol sectors, checkpoints, legitimate traffic -----------------------------

const Fields<UnitKind>& Schema<UnitKind>::fields() {
  static const Fields<UnitKind> f{
      {"description", &UnitKind::description},
      {"cost_per_unit_day_usd", &UnitKind::cost_per_unit_day_usd, usd},
  };
  return f;
}

const Fields<Sector>& Schema<Sector>::fields() {
  static const Fields<Sector> f{
      {"country", &Sector::country, required()},
      {"units", &Sector::units, bounded(0, bounds::kMaxUnits, "a whole number in [0, 100000]")},
      {"unit_names", &Sector::unit_names},
      {"unit_kind", &Sector::unit_kind},
      {"home_base", &Sector::home_base},
      {"officers_per_unit", &Sector::officers_per_unit, bounded(0, 1000, "a whole number in [0, 1000]")},
      {"hours_on_duty_per_day", &Sector::hours_on_duty_per_day, hours_of_a_day},
      {"shift_start_hour", &Sector::shift_start_hour, hours_of_a_day},
      {"transit_hours", &Sector::transit_hours, hours_of_a_day},
      {"placement", &Sector::placement},
      {"movement", &Sector::movement},
      {"posts", &Sector::posts},
      {"rotation_days", &Sector::rotation_days, some_days},
      {"targeting_memory_days", &Sector::targeting_memory_days, some_days},
      {"detection", &Sector::detection},
      {"terrain", &Sector::terrain, multiplier},
  };
  return f;
}

const Fields<Checkpoint>& Schema<Checkpoint>::fields() {
  static const Fields<Checkpoint> f{
      {"lanes", &Checkpoint::lanes, required(bounded(1, bounds::kMaxLanes, "a whole number in [1, 1000]"))},
      {"service_minutes", &Checkpoint::service_minutes, required(service_minutes)},
      {"inspection_probability", &Checkpoint::inspection_probability, probability},
      {"secondary_probability", &Checkpoint::secondary_probability, probability},
      {"secondary_minutes", &Checkpoint::secondary_minutes, service_minutes},
      {"detection", &Checkpoint::detection},
      {"officers", &Checkpoint::officers, bounded(0, 1000, "a whole number in [0, 1000]")},
  };
  return f;
}

const Fields<TrafficFlow>& Schema<TrafficFlow>::fields() {
  static const Fields<TrafficFlow> f{
      {"vehicles_per_hour", &TrafficFlow::vehicles_per_hour, vehicles_per_hour},
      {"daily_profile", &TrafficFlow::daily_profile, bounded(0, 24, "a multiplier in [0, 24]")},
  };
  return f;
}

// ---- Trafficking organisations ----------------------------------------------------------------

const Fields<RiskModel>& Schema<RiskModel>::fields() {
  static const Fields<RiskModel> f{
      {"perception", &RiskModel::perception},
      {"prior_risk", &RiskModel::prior_risk, probability},
      {"prior_weight", &RiskModel::prior_weight, bounded(0, 1e6, "a number of pseudo-observations in [0, 1e6]")},
      {"memory_half_life_days", &RiskModel::memory_half_life_days, some_days},
      {"risk_aversion", &RiskModel::risk_aversion, multiplier},
      {"prior_risk_per_hour", &RiskModel::prior_risk_per_hour, bounded(0, 100, "a hazard per hour in [0, 100]")},
  };
  return f;
}

const Fields<Surveillance>& Schema<Surveillance>::fields() {
  static const Fields<Surveillance> f{
      {"sighting_probability", &Surveillance::sighting_probability, probability},
      {"delay_days", &Surveillance::delay_days, any_days},
      {"noise", &Surveillance::noise, probability},
      {"feared_detection", &Surveillance::feared_detection, probability},
  };
  return f;
}

const Fields<OutsideOption>& Schema<OutsideOption>::fields() {
  static const Fields<OutsideOption> f{
      {"available", &OutsideOption::available},
      {"cost_usd_per_kg", &OutsideOption::cost_usd_per_kg, usd},
      {"risk", &OutsideOption::risk, probability},
  };
  return f;
}

const Fields<RouteChoice>& Schema<RouteChoice>::fields() {
  static const Fields<RouteChoice> f{
      {"rule", &RouteChoice::rule},
      {"temperature_usd", &RouteChoice::temperature_usd, usd},
      {"candidates", &RouteChoice::candidates, bounded(1, 50, "a whole number in [1, 50]")},
  };
  return f;
}

// Load splitting (issue 10, branch load-split).
const Fields<LoadSplitting>& Schema<LoadSplitting>::fields() {
  static const Fields<LoadSplitting> f{
      {"max_loads", &LoadSplitting::max_loads,
       bounded(1, bounds::kMaxLoadsPerCandidate, "a whole number of loads in [1, 100]")},
      {"size_elasticity", &LoadSplitting::size_elasticity,
       bounded(0, bounds::kMaxSizeElasticity, "an elasticity in [0, 5]")},
      {"reference_kg", &LoadSplitting::reference_kg, shipment_kg},
      {"cost_per_load_usd", &LoadSplitting::cost_per_load_usd, usd},
  };
  return f;
}

const Fields<Organisation>& Schema<Organisation>::fields() {
  using O = Organisation;
  static const Fields<Organisation> f{
      {"name", &O::name},
      {"sources", &O::sources, required()},
      {"destinations", &O::destinations, required()},
      {"shipments_per_month", &O::shipments_per_month, required(shipments_per_month)},
      {"shipment_kg", &O::shipment_kg, required(shipment_kg)},
      {"value_per_kg_usd", &O::value_per_kg_usd, required(usd)},
      {"purchase_cost_usd_per_kg", &O::purchase_cost_usd_per_kg, usd},
      {"outside_option", &O::outside_option},
      {"cost_of_time_usd_per_hour", &O::cost_of_time_usd_per_hour, usd},
      {"transport_cost_usd_per_kg", &O::transport_cost_usd_per_kg, usd},
      {"bribe_offer_share", &O::bribe_offer_share, share},
      {"propensity_to_bribe", &O::propensity_to_bribe, probability},
      {"propensity_to_fight", &O::propensity_to_fight, probability},
      {"couriers_per_shipment", &O::couriers_per_shipment, bounded(0, 1000, "a number of couriers in [0, 1000]")},
      {"risk", &O::risk},
      {"loss_tolerance", &O::loss_tolerance, share},
      {"deterrence_elasticity", &O::deterrence_elasticity, multiplier},
      {"reporting_delay_days", &O::reporting_delay_days, any_days},
      {"surveillance", &O::surveillance},
      {"turn_back_probability", &O::turn_back_probability, probability},
      {"retry_after_hours", &O::retry_after_hours, travel_hours},
      {"max_turn_backs", &O::max_turn_backs, bounded(0, bounds::kMaxTurnBacks, "a whole number in [0, 100]")},
      {"route_choice", &O::route_choice},
      {"protection", &O::protection},
      {"load_splitting", &O::load_splitting},
      {"resistance_escape", &O::resistance_escape, probability},
  };
  return f;
}

// ---- Training ---------------------------------------------------------------------------------

const Fields<Cohort>& Schema<Cohort>::fields() {
  static const Fields<Cohort> f{
      {"start_day", &Cohort::start_day, any_days},
      {"seats", &Cohort::seats, bounded(0, bounds::kMaxSeats, "a whole number in [0, 1000000]")},
      {"length_weeks", &Cohort::length_weeks, bounded(0, bounds::kMaxWeeks, "a number of weeks in [0, 5200]")},
      {"countries", &Cohort::countries},
      {"country_weights", &Cohort::country_weights, bounded(0, bounds::kMaxSeatWeight, "a weight in [0, 1000000]")},
      {"seats_by_country", &Cohort::seats_by_country, bounded(0, bounds::kMaxSeats, "a whole number in [0, 1000000]")},
      {"refresher", &Cohort::refresher},
  };
  return f;
}

const Fields<TrainingProgram>& Schema<TrainingProgram>::fields() {
  static const Fields<TrainingProgram> f{
      {"provider", &TrainingProgram::provider},
      {"cost_per_seat_usd", &TrainingProgram::cost_per_seat_usd, usd},
      {"cohorts", &TrainingProgram::cohorts},
  };
  return f;
}

const Fields<ObserverTeam>& Schema<ObserverTeam>::fields() {
  static const Fields<ObserverTeam> f{
      {"country", &ObserverTeam::country},
      {"start_day", &ObserverTeam::start_day, any_days},
      {"days", &ObserverTeam::days, any_days},
      {"sectors", &ObserverTeam::sectors},
      {"days_per_visit", &ObserverTeam::days_per_visit, any_days},
      {"method_use_boost", &ObserverTeam::method_use_boost, share},
      {"spillover", &ObserverTeam::spillover, bounded(-1, 1, "a change of probability in [-1, 1]")},
  };
  return f;
}

const Fields<Training>& Schema<Training>::fields() {
  static const Fields<Training> f{
      {"skill_half_life_days", &Training::skill_half_life_days, some_days},
      {"method_use_share", &Training::method_use_share, share},
      {"turnover_per_year", &Training::turnover_per_year, bounded(0, bounds::kMaxTurnoverPerYear, "a rate per year in [0, 12]")},
      {"programs", &Training::programs},
      {"observers", &Training::observers},
  };
  return f;
}

// ---- Coordination and economy -----------------------------------------------------------------

const Fields<InformationSharing>& Schema<InformationSharing>::fields() {
  static const Fields<InformationSharing> f{
      {"a", &InformationSharing::a},
      {"b", &InformationSharing::b},
      {"delay_days", &InformationSharing::delay_days, any_days},
      {"alert_days", &InformationSharing::alert_days, any_days},
      {"alert_detection_boost", &InformationSharing::alert_detection_boost, multiplier},
  };
  return f;
}

const Fields<JointPatrol>& Schema<JointPatrol>::fields() {
  static const Fields<JointPatrol> f{
      {"sector_a", &JointPatrol::sector_a},
      {"sector_b", &JointPatrol::sector_b},
  };
  return f;
}

const Fields<HotPursuit>& Schema<HotPursuit>::fields() {
  static const Fields<HotPursuit> f{
      {"a", &HotPursuit::a},
      {"b", &HotPursuit::b},
  };
  return f;
}

const Fields<JointExercise>& Schema<JointExercise>::fields() {
  static const Fields<JointExercise> f{
      {"countries", &JointExercise::countries},
      {"day", &JointExercise::day, any_days},
      {"seam_closure", &JointExercise::seam_closure, share},
  };
  return f;
}

const Fields<TimedOrder>& Schema<TimedOrder>::fields() {
  static const Fields<TimedOrder> f{
      {"day", &TimedOrder::day, any_days},
      {"order", &TimedOrder::order, required()},
  };
  return f;
}

const Fields<Coordination>& Schema<Coordination>::fields() {
  static const Fields<Coordination> f{
      {"seam_penalty", &Coordination::seam_penalty, share},
      {"escape_probability", &Coordination::escape_probability, probability},
      {"information_sharing", &Coordination::information_sharing},
      {"joint_patrols", &Coordination::joint_patrols},
      {"hot_pursuit", &Coordination::hot_pursuit},
      {"joint_exercises", &Coordination::joint_exercises},
  };
  return f;
}

const Fields<Economy>& Schema<Economy>::fields() {
  static const Fields<Economy> f{
      {"trade_cost_usd_per_vehicle_hour", &Economy::trade_cost_usd_per_vehicle_hour, usd},
      {"courier_wage_usd", &Economy::courier_wage_usd, usd},
      {"jobs_program", &Economy::jobs_program},
      {"jobs_wage_increase", &Economy::jobs_wage_increase, multiplier},
      {"local_wage_usd_per_month", &Economy::local_wage_usd_per_month, usd},
      {"courier_premium", &Economy::courier_premium, multiplier},
      {"trip_days", &Economy::trip_days, any_days},
      {"jobs_created", &Economy::jobs_created, bounded(0, 10'000'000, "a whole number in [0, 10000000]")},
      {"jobs_wage_usd_per_month", &Economy::jobs_wage_usd_per_month, usd},
      {"youth_pool", &Economy::youth_pool, bounded(1, 100'000'000, "a whole number in [1, 100000000]")},
      {"jobs_country", &Economy::jobs_country},
  };
  return f;
}

// ---- Violence ---------------------------------------------------------------------------------

const Fields<DeathShares>& Schema<DeathShares>::fields() {
  static const Fields<DeathShares> f{
      {"officers", &DeathShares::officers, share},
      {"traffickers", &DeathShares::traffickers, share},
      {"bystanders", &DeathShares::bystanders, share},
  };
  return f;
}

const Fields<ContestationParams>& Schema<ContestationParams>::fields() {
  using C = ContestationParams;
  static const Fields<ContestationParams> f{
      {"base_rate", &C::base_rate, bounded(0, 10, "an expected number of incidents per load in [0, 10]")},
      {"diversion_weight", &C::diversion_weight, multiplier},
      {"rival_weight", &C::rival_weight, multiplier},
      {"scarcity_weight", &C::scarcity_weight, multiplier},
      {"recent_days", &C::recent_days, some_days},
      {"established_days", &C::established_days, some_days},
      {"deaths_per_incident", &C::deaths_per_incident, bounded(0, 100, "a mean number of deaths in [0, 100]")},
  };
  return f;
}

// Community committees (branch corruption-levers; docs/model.md, "Violence").
const Fields<Committees>& Schema<Committees>::fields() {
  static const Fields<Committees> f{
      {"country", &Committees::country, required()},
      {"committees", &Committees::committees, bounded(0, bounds::kMaxCommittees, "a whole number in [0, 100000]")},
      {"start_day", &Committees::start_day, any_days},
      {"days", &Committees::days, any_days},
      {"trust_per_committee", &Committees::trust_per_committee, share},
      {"build_up_days", &Committees::build_up_days, some_days},
  };
  return f;
}

const Fields<Reporting>& Schema<Reporting>::fields() {
  static const Fields<Reporting> f{
      {"trust", &Reporting::trust, probability},
      {"community_engagement", &Reporting::community_engagement, share},
      {"bribe_penalty", &Reporting::bribe_penalty, share},
      {"force_penalty", &Reporting::force_penalty, share},
      {"memory_days", &Reporting::memory_days, some_days},
      {"committees", &Reporting::committees},
  };
  return f;
}

const Fields<Violence>& Schema<Violence>::fields() {
  static const Fields<Violence> f{
      {"contestation", &Violence::contestation},
      {"contestation_deaths", &Violence::contestation_deaths},
      {"encounter_deaths", &Violence::encounter_deaths},
      {"reporting", &Violence::reporting},
  };
  return f;
}

// ---- Corruption -------------------------------------------------------------------------------

// Coercive capture, officer pay and rotation (branch corruption-levers).
const Fields<Coercion>& Schema<Coercion>::fields() {
  static const Fields<Coercion> f{
      {"threat_probability", &Coercion::threat_probability, probability},
      {"acceptance_under_threat", &Coercion::acceptance_under_threat, probability},
      {"attack_probability", &Coercion::attack_probability, probability},
      {"deaths_per_attack", &Coercion::deaths_per_attack, bounded(0, 100, "a mean number of deaths in [0, 100]")},
  };
  return f;
}

const Fields<PayRaise>& Schema<PayRaise>::fields() {
  static const Fields<PayRaise> f{
      {"country", &PayRaise::country, required()},
      {"usd_per_officer_month", &PayRaise::usd_per_officer_month, usd},
      {"months_left", &PayRaise::months_left, bounded(0, bounds::kMaxCareerMonths, "a number of months in [0, 1200]")},
      {"caught_probability", &PayRaise::caught_probability, probability},
  };
  return f;
}

const Fields<Rotation>& Schema<Rotation>::fields() {
  static const Fields<Rotation> f{
      {"country", &Rotation::country, required()},
      {"every_days", &Rotation::every_days,
       bounded(bounds::kMinRotationDays, bounds::kMaxDays, "0 or a number of days in [1, 36500]", false, true)},
  };
  return f;
}

const Fields<Protection>& Schema<Protection>::fields() {
  static const Fields<Protection> f{
      {"sectors", &Protection::sectors},
      {"usd_per_unit_month", &Protection::usd_per_unit_month, usd},
      {"coercion", &Protection::coercion},
      {"recapture_days", &Protection::recapture_days, any_days},
  };
  return f;
}

const Fields<Audit>& Schema<Audit>::fields() {
  static const Fields<Audit> f{
      {"country", &Audit::country, required()},
      {"share_monitored", &Audit::share_monitored, share},
      {"acceptance_reduction", &Audit::acceptance_reduction, share},
      {"caught_probability", &Audit::caught_probability, probability},
  };
  return f;
}

const Fields<Corruption>& Schema<Corruption>::fields() {
  static const Fields<Corruption> f{
      {"audits", &Corruption::audits},
      {"pay", &Corruption::pay},
      {"rotation", &Corruption::rotation},
  };
  return f;
}

// ---- Enforcement (issue 10, branch load-split) ------------------------------------------------

template <>
struct EnumNames<Enforcement::Rule> {
  static const std::vector<std::pair<std::string, Enforcement::Rule>>& list() {
    using R = Enforcement::Rule;
    static const std::vector<std::pair<std::string, R>> names{{"unconditional", R::unconditional},
                                                              {"conditional", R::conditional}};
    return names;
  }
};

const Fields<Enforcement>& Schema<Enforcement>::fields() {
  static const Fields<Enforcement> f{
      {"rule", &Enforcement::rule},
      {"violence_weight", &Enforcement::violence_weight, multiplier},
      {"memory_days", &Enforcement::memory_days, some_days},
      {"posture_step", &Enforcement::posture_step, probability},
  };
  return f;
}

// ---- Costs, budgets and discounting (docs/model.md, "Programme costs") ------------------------

const Fields<JobsProgramCost>& Schema<JobsProgramCost>::fields() {
  static const Fields<JobsProgramCost> f{
      {"usd_per_job_month", &JobsProgramCost::usd_per_job_month, usd},
      {"jobs", &JobsProgramCost::jobs, bounded(0, bounds::kMaxJobs, "a number of jobs in [0, 10000000]")},
  };
  return f;
}

const Fields<Costs>& Schema<Costs>::fields() {
  static const Fields<Costs> f{
      {"backfill_usd_per_officer_day", &Costs::backfill_usd_per_officer_day, usd},
      {"checkpoint_lane_usd_per_day", &Costs::checkpoint_lane_usd_per_day, usd},
      {"inspection_usd", &Costs::inspection_usd, usd},
      {"secondary_inspection_usd", &Costs::secondary_inspection_usd, usd},
      {"joint_patrol_usd_per_day", &Costs::joint_patrol_usd_per_day, usd},
      {"information_sharing_setup_usd", &Costs::information_sharing_setup_usd, usd},
      {"information_sharing_usd_per_month", &Costs::information_sharing_usd_per_month, usd},
      {"hot_pursuit_usd_per_month", &Costs::hot_pursuit_usd_per_month, usd},
      {"joint_exercise_usd", &Costs::joint_exercise_usd, usd},
      {"observer_team_usd_per_day", &Costs::observer_team_usd_per_day, usd},
      {"jobs_program", &Costs::jobs_program},
      {"rotation_usd_per_officer", &Costs::rotation_usd_per_officer, usd},
      {"committee_usd_per_month", &Costs::committee_usd_per_month, usd},
  };
  return f;
}

const Fields<Budget>& Schema<Budget>::fields() {
  static const Fields<Budget> f{
      {"total_usd", &Budget::total_usd, bounded(0, bounds::kMaxBudgetUsd, "an amount in USD in [0, 1e12]")},
      {"usd_per_month", &Budget::usd_per_month, bounded(0, bounds::kMaxBudgetUsd, "an amount in USD in [0, 1e12]")},
  };
  return f;
}

const Fields<Discounting>& Schema<Discounting>::fields() {
  static const Fields<Discounting> f{
      {"rate_per_year", &Discounting::rate_per_year, bounded(0, 1, "a yearly rate in [0, 1]")},
      {"benefits_beyond_run_years", &Discounting::benefits_beyond_run_years,
       bounded(0, bounds::kMaxBenefitYears, "a number of years in [0, 100]")},
  };
  return f;
}

// ---- The whole file ---------------------------------------------------------------------------

std::string flow_text(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  return out.c_str();
}

namespace {

// The `scenario` section fills the header fields of Scenario itself.
const Fields<Scenario>& header_fields() {
  static const Fields<Scenario> f{
      {"name", &Scenario::name},
      {"description", &Scenario::description},
      {"horizon_days", &Scenario::horizon_days,
       bounded(0, bounds::kMaxHorizonDays, "a number of days in (0, 36500]", true)},
      {"warmup_days", &Scenario::warmup_days, any_days},
      {"seed", &Scenario::seed},
      {"replications", &Scenario::replications, bounded(1, bounds::kMaxReplications, "a whole number in [1, 1000000]")},
  };
  return f;
}

const Shape& header_shape() {
  static const Shape shape = record_shape(header_fields());
  return shape;
}

void read_header(Reader& r, const YAML::Node& node, const std::string& path, Scenario& s) {
  read_record(r, node, path, s, header_fields());
}

// Policies are not a patchable part of the format: they are the patches.
const Shape& policies_shape() {
  static const Shape shape;
  return shape;
}

Policy read_policy(Reader& r, const YAML::Node& node, const std::string& path, const std::string& name) {
  Policy policy{name, {}, {}};
  if (!given(node)) return policy;  // `name:` alone: the base scenario under another name
  if (!expect_mapping(r, node, path)) return policy;
  check_keys(r, node, path, {"description", "set"});
  if (given(node["description"])) read_value(r, node["description"], join(path, "description"), policy.description, {});
  const YAML::Node set = node["set"];
  if (!given(set) || !expect_mapping(r, set, join(path, "set"))) return policy;
  check_duplicates(r, set, join(path, "set"));
  for (const auto& entry : set)
    if (entry.first.IsScalar()) policy.set.emplace_back(entry.first.Scalar(), flow_text(entry.second));
  return policy;
}

void read_policies(Reader& r, const YAML::Node& node, const std::string& path, Scenario& s) {
  if (!expect_mapping(r, node, path)) return;
  check_duplicates(r, node, path);
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const std::optional<std::string> name = read_id(r, entry.first, path);
    if (name && seen.insert(*name).second) s.policies.push_back(read_policy(r, entry.second, join(path, *name), *name));
  }
}

void default_edge_ids(std::vector<Edge>& edges) {
  for (Edge& e : edges)
    if (e.id.empty()) e.id = e.from + "-" + e.to;
}

}  // namespace

const Fields<Scenario>& Schema<Scenario>::fields() {
  static const Fields<Scenario> f{
      {"scenario", read_header, header_shape, required()},
      {"countries", &Scenario::countries, required()},
      {"nodes", &Scenario::nodes, required()},
      {"edges", &Scenario::edges, required()},
      {"unit_kinds", &Scenario::unit_kinds},
      {"sectors", &Scenario::sectors},
      {"checkpoints", &Scenario::checkpoints},
      {"traffic", &Scenario::traffic},
      {"organisations", &Scenario::organisations},
      {"training", &Scenario::training},
      {"coordination", &Scenario::coordination},
      {"economy", &Scenario::economy},
      {"violence", &Scenario::violence},
      {"corruption", &Scenario::corruption},
      {"enforcement", &Scenario::enforcement},
      {"costs", &Scenario::costs},
      {"budget", &Scenario::budget},
      {"discounting", &Scenario::discounting},
      {"orders", &Scenario::orders},
      {"policies", read_policies, policies_shape},
  };
  return f;
}

std::vector<Policy> read_policies_section(Reader& r, const YAML::Node& root) {
  Scenario s;
  const YAML::Node policies = root.IsMap() ? root["policies"] : YAML::Node();
  if (policies.IsDefined() && !policies.IsNull()) read_policies(r, policies, "policies", s);
  return s.policies;
}

Scenario read_scenario(Reader& r, const YAML::Node& root) {
  Scenario s;
  read_record(r, root, "", s, Schema<Scenario>::fields());
  default_edge_ids(s.edges);
  return s;
}

const Shape& scenario_shape() { return shape_of<Scenario>(); }

}  // namespace bstp::border::yaml
