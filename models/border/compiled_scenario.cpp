#include "compiled_scenario.hpp"

#include "scenario_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {

Time to_seconds(double value, double seconds_per_unit) {
  const double seconds = value * seconds_per_unit;
  if (!(seconds > 0.0)) return 0;  // negative, zero or not a number
  // Checked: a value beyond the longest delay (a heavy tail, an overflow to infinity) is cut to it.
  if (!(seconds < static_cast<double>(bounds::kLongestDelaySeconds))) return bounds::kLongestDelaySeconds;
  return static_cast<Time>(std::llround(seconds));
}

double draw(RandomStream& s, const Distribution& d) {
  double x = 0.0;
  switch (d.kind) {
    case Distribution::Kind::fixed: x = d.mean; break;
    case Distribution::Kind::exponential: x = s.exponential(d.mean); break;
    case Distribution::Kind::uniform: x = s.uniform(d.min, d.max); break;
    case Distribution::Kind::normal: x = s.normal(d.mean, d.sd); break;
    case Distribution::Kind::lognormal: x = d.sd > 0.0 ? s.lognormal_mean_sd(d.mean, d.sd) : d.mean; break;
  }
  return std::max(0.0, x);
}

Time draw_seconds(RandomStream& s, const Distribution& d, double seconds_per_unit) {
  return to_seconds(draw(s, d), seconds_per_unit);
}

namespace {

template <class T>
int index_in(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> sector_ids(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& [id, sector] : s.sectors) ids.push_back(id);
  return ids;
}

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& scenario)
    : scenario_(scenario), graph_(scenario, sector_ids(scenario)) {
  horizon_ = to_seconds(scenario.horizon_days, 86400.0);
  months_ = static_cast<int>((horizon_ + kMonthSeconds - 1) / kMonthSeconds);
  if (horizon_ <= 0) throw std::invalid_argument("scenario.horizon_days must be positive");

  for (const auto& [id, c] : scenario.countries) countries.push_back(CountryParams{id, c.police, {}, {}});
  auto country = [&](const std::string& id, const std::string& where) {
    const int i = country_index(id);
    if (i < 0) throw std::invalid_argument(fmt::format("{}: unknown country '{}'", where, id));
    return i;
  };

  for (std::size_t n = 0; n < graph_.node_count(); ++n)
    node_country.push_back(country(graph_.node(static_cast<NodeIndex>(n)).country, "nodes." + graph_.node(static_cast<NodeIndex>(n)).id));

  for (const auto& [id, s] : scenario.sectors) {
    SectorParams p;
    p.id = id;
    p.country = country(s.country, "sectors." + id);
    p.units = s.units;
    p.coverage = std::clamp(s.hours_on_duty_per_day / 24.0, 0.0, 1.0);
    p.movement = s.movement;
    p.rotation = std::max<Time>(1, to_seconds(s.rotation_days, 86400.0));
    p.detection = s.detection;
    for (const auto& [mode, factor] : s.terrain) {
      static const char* names[] = {"road", "trail", "river", "sea", "air"};
      for (std::size_t m = 0; m < 5; ++m)
        if (mode == names[m]) p.terrain[m] = factor;
    }
    sectors.push_back(p);
  }

  for (std::size_t a = 0; a < graph_.arc_count(); ++a) {
    const Arc& arc = graph_.arc(static_cast<ArcIndex>(a));
    int detector = arc.sector >= 0 ? sectors[arc.sector].country : (arc.has_fixed_detection ? node_country[arc.from] : -1);
    if (detector >= 0 && detector != node_country[arc.from] && detector != node_country[arc.to])
      throw std::invalid_argument(fmt::format(
          "edges.{}: leg {} -> {} is patrolled by sector '{}' of {}, which is neither end's country", arc.edge,
          graph_.node(arc.from).id, graph_.node(arc.to).id, sectors[arc.sector].id, countries[detector].id));
    arc_detector.push_back(detector);
  }

  checkpoint_at_node.assign(graph_.node_count(), -1);
  for (const auto& [node_id, c] : scenario.checkpoints) {
    CheckpointParams p;
    p.node_id = node_id;
    p.node = graph_.index_of(node_id);
    p.country = node_country[p.node];
    p.lanes = std::max(1, c.lanes);
    p.service_minutes = c.service_minutes;
    p.inspection = c.inspection_probability;
    p.secondary = c.secondary_probability;
    p.secondary_minutes = c.secondary_minutes;
    p.detection = c.detection;
    p.profile.fill(1.0);
    if (const auto t = scenario.traffic.find(node_id); t != scenario.traffic.end()) {
      p.vehicles_per_second = t->second.vehicles_per_hour / 3600.0;
      if (t->second.daily_profile.size() == 24) std::copy(t->second.daily_profile.begin(), t->second.daily_profile.end(), p.profile.begin());
    }
    p.profile_max = *std::max_element(p.profile.begin(), p.profile.end());
    if (!(p.profile_max > 0.0)) p.vehicles_per_second = 0.0, p.profile_max = 1.0;
    checkpoint_at_node[p.node] = static_cast<int>(checkpoints.size());
    checkpoints.push_back(p);
  }

  for (const auto& [id, o] : scenario.organisations) {
    OrganisationParams p;
    p.id = id;
    p.spec = o;
    for (const auto& s : o.sources) p.sources.push_back(graph_.index_of(s));
    for (const auto& d : o.destinations) p.destinations.push_back(graph_.index_of(d));
    if (p.sources.empty() || p.destinations.empty())
      throw std::invalid_argument(fmt::format("organisations.{}: needs at least one source and one destination", id));
    p.shipments_per_second = o.shipments_per_month / static_cast<double>(kMonthSeconds);
    p.reporting_delay = std::max(kHandoverSeconds, to_seconds(o.reporting_delay_days, 86400.0));
    organisations.push_back(p);
  }

  for (const auto& [id, program] : scenario.training.programs) {
    for (const Cohort& cohort : program.cohorts) {
      if (cohort.countries.empty()) continue;
      const int share = cohort.seats / static_cast<int>(cohort.countries.size());
      int extra = cohort.seats % static_cast<int>(cohort.countries.size());
      for (const auto& cid : cohort.countries) {
        CohortParams p;
        p.country = country(cid, "training.programs." + id + ".cohorts");
        p.seats = share + (extra-- > 0 ? 1 : 0);
        p.start = to_seconds(cohort.start_day, 86400.0);
        p.end = p.start + to_seconds(cohort.length_weeks * 7.0, 86400.0);
        p.cost_usd = p.seats * program.cost_per_seat_usd;
        countries[p.country].cohorts.push_back(static_cast<int>(cohorts.size()));
        cohorts.push_back(p);
      }
    }
  }
  for (std::size_t i = 0; i < scenario.training.observers.size(); ++i)
    countries[country(scenario.training.observers[i].country, "training.observers")].observers.push_back(static_cast<int>(i));
  for (const JointExercise& e : scenario.coordination.joint_exercises)
    for (std::size_t i = 0; i < e.countries.size(); ++i)
      for (std::size_t j = i + 1; j < e.countries.size(); ++j)
        exercises.push_back({country(e.countries[i], "coordination.joint_exercises"),
                             country(e.countries[j], "coordination.joint_exercises"), to_seconds(e.day, 86400.0), e.seam_closure});

  crossing_slot.assign(graph_.node_count(), -1);
  for (std::size_t n = 0; n < graph_.node_count(); ++n) {
    const NodeKind k = graph_.node(static_cast<NodeIndex>(n)).kind;
    if (k == NodeKind::port_of_entry || k == NodeKind::blind_crossing) {
      crossing_slot[n] = static_cast<int>(crossings.size());
      crossings.push_back(static_cast<NodeIndex>(n));
    }
  }

  for (std::size_t a = 0; a < graph_.arc_count(); ++a) {
    const auto arc = static_cast<ArcIndex>(a);
    const int detector = arc_detector[a];
    double p = detector < 0 ? 0.0 : patrol_detection(arc, 0, initial_skill(detector), 1.0, 1.0);
    if (const int c = checkpoint_at_node[graph_.arc(arc).from]; c >= 0)
      p = 1.0 - (1.0 - p) * (1.0 - checkpoint_detection(c, initial_skill(checkpoints[c].country)));
    informed_risk_.push_back(p);
  }
}

int CompiledScenario::country_index(const std::string& id) const { return index_in(countries, id); }

int CompiledScenario::other_side(ArcIndex a, int country) const {
  const Arc& arc = graph_.arc(a);
  return node_country[arc.from] == country ? node_country[arc.to] : node_country[arc.from];
}

bool CompiledScenario::hot_pursuit(int a, int b) const {
  for (const HotPursuit& h : scenario_.coordination.hot_pursuit) {
    const int x = country_index(h.a), y = country_index(h.b);
    if ((x == a && y == b) || (x == b && y == a)) return true;
  }
  return false;
}

bool CompiledScenario::shares_information(int from, int to, Time& delay, Time& alert, double& boost) const {
  for (const InformationSharing& s : scenario_.coordination.information_sharing) {
    const int x = country_index(s.a), y = country_index(s.b);
    if ((x == from && y == to) || (x == to && y == from)) {
      delay = std::max(kHandoverSeconds, to_seconds(s.delay_days, 86400.0));
      alert = to_seconds(s.alert_days, 86400.0);
      boost = s.alert_detection_boost;
      return true;
    }
  }
  return false;
}

double CompiledScenario::seam_factor(ArcIndex a, Time t) const {
  if (!is_seam(a)) return 1.0;
  const Arc& arc = graph_.arc(a);
  const int x = node_country[arc.from], y = node_country[arc.to];
  if (arc.sector >= 0) {
    const std::string& mine = sectors[arc.sector].id;
    for (const JointPatrol& j : scenario_.coordination.joint_patrols)
      if (j.sector_a == mine || j.sector_b == mine) return 1.0;
  }
  double penalty = scenario_.coordination.seam_penalty;
  for (const ExerciseParams& e : exercises)
    if (e.at <= t && ((e.a == x && e.b == y) || (e.a == y && e.b == x))) penalty *= 1.0 - e.closure;
  return std::clamp(1.0 - penalty, 0.0, 1.0);
}

double CompiledScenario::patrol_detection(ArcIndex a, Time t, double skill, double availability, double alert) const {
  const Arc& arc = graph_.arc(a);
  if (arc.has_fixed_detection) return arc.fixed_detection;
  if (arc.sector < 0) return 0.0;
  const SectorParams& s = sectors[arc.sector];
  double exposure = arc.exposure;
  if (s.movement == Movement::rotation) {
    // Attention rotates: each leg is watched at double strength in alternate rotation periods.
    const Time period = t / s.rotation;
    exposure *= ((period + static_cast<Time>(a / 2)) % 2 == 0) ? 2.0 : 0.0;
  }
  const double per_unit = s.detection.untrained + (s.detection.trained - s.detection.untrained) * skill;
  const double q = std::clamp(per_unit * s.terrain[mode_index(arc.mode)] * seam_factor(a, t) * alert, 0.0, 1.0);
  const double intensity = s.units * availability * s.coverage * exposure;
  if (q >= 1.0) return intensity > 0.0 ? 1.0 : 0.0;
  return 1.0 - std::pow(1.0 - q, intensity);
}

double CompiledScenario::checkpoint_detection(int c, double skill) const {
  const CheckpointParams& p = checkpoints[c];
  const double found = p.detection.untrained + (p.detection.trained - p.detection.untrained) * skill;
  return p.inspection * p.secondary * found;
}

double CompiledScenario::initial_skill(int country) const {
  const double use = std::clamp(scenario_.training.method_use_share, 0.0, 1.0);
  return std::clamp(countries[country].police.share_trained, 0.0, 1.0) * use;
}

}  // namespace bstp::border
