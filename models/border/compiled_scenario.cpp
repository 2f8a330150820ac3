#include "compiled_scenario.hpp"

#include "load_splitting.hpp"
#include "order_language.hpp"

#include "scenario_bounds.hpp"
#include "seat_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border {

namespace {

// A lognormal given by the mean and sd of the variable: the mean and sd of its log.
struct LogScale {
  double mu, sigma;
};
LogScale log_scale(double mean, double sd) {
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  return {std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2)};
}

}  // namespace

// The exponential, normal and lognormal draws are the ziggurat's (RandomStream::*_ziggurat).
double draw(RandomStream& s, const Distribution& d) {
  double x = 0.0;
  switch (d.kind) {
    case Distribution::Kind::fixed: x = d.mean; break;
    case Distribution::Kind::exponential: x = s.exponential_ziggurat(d.mean); break;
    case Distribution::Kind::uniform: x = s.uniform(d.min, d.max); break;
    case Distribution::Kind::normal: x = s.normal_ziggurat(d.mean, d.sd); break;
    case Distribution::Kind::lognormal: {
      if (!(d.sd > 0.0)) {
        x = d.mean;
        break;
      }
      if (!(d.mean > 0.0)) throw std::invalid_argument("lognormal: mean must be positive");
      const LogScale l = log_scale(d.mean, d.sd);
      x = s.lognormal_ziggurat(l.mu, l.sigma);
      break;
    }
  }
  return std::max(0.0, x);
}

Time draw_ticks(RandomStream& s, const Distribution& d, double seconds_per_unit) {
  return to_ticks(draw(s, d), seconds_per_unit);
}

DurationDraw::DurationDraw(const Distribution& d, double seconds_per_unit) : d_(d), seconds_per_unit_(seconds_per_unit) {
  if (d.kind == Distribution::Kind::lognormal && d.sd > 0.0 && d.mean > 0.0) {
    const LogScale l = log_scale(d.mean, d.sd);
    lognormal_ = true;
    log_mean_ = l.mu;
    log_sd_ = l.sigma;
  }
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
  horizon_ = days_to_ticks(scenario.horizon_days);
  months_ = static_cast<int>((horizon_ + kMonthTicks - 1) / kMonthTicks);
  if (horizon_ <= 0) throw std::invalid_argument("scenario.horizon_days must be positive");
  warmup_ = days_to_ticks(scenario.warmup_days);
  if (warmup_ >= horizon_) throw std::invalid_argument("scenario.warmup_days must be less than horizon_days");

  for (const auto& [id, c] : scenario.countries) countries.push_back(CountryParams{id, c.police, {}, {}, {}, {}, 0});
  auto country = [&](const std::string& id, const std::string& where) {
    const int i = country_index(id);
    if (i < 0) throw std::invalid_argument(fmt::format("{}: unknown country '{}'", where, id));
    return i;
  };
  // Corruption levers by country, once, so that no event looks a country up by name.
  for (const Audit& a : scenario.corruption.audits) {
    CountryParams& c = countries[static_cast<std::size_t>(country(a.country, "corruption.audits"))];
    if (!c.audit) c.audit = a;
  }
  for (const PayRaise& p : scenario.corruption.pay) {
    CountryParams& c = countries[static_cast<std::size_t>(country(p.country, "corruption.pay"))];
    if (!c.pay_raise && p.usd_per_officer_month > 0.0) c.pay_raise = p;
  }
  for (const Rotation& r : scenario.corruption.rotation) {
    CountryParams& c = countries[static_cast<std::size_t>(country(r.country, "corruption.rotation"))];
    if (c.rotation == 0 && r.every_days > 0.0) c.rotation = std::max<Time>(kDay, days_to_ticks(r.every_days));
  }
  seed = scenario.seed;
  economy = scenario.economy;
  jobs_country = economy.jobs_country.empty() ? 0 : country(economy.jobs_country, "economy.jobs_country");
  violence = scenario.violence;
  enforcement = scenario.enforcement;
  costs = scenario.costs;
  method_use_share = scenario.training.method_use_share;
  escape_probability = scenario.coordination.escape_probability;
  turnover_per_tick = std::max(0.0, scenario.training.turnover_per_year) / (365.25 * static_cast<double>(kDay));
  skill_half_life_ticks = std::max(1.0, scenario.training.skill_half_life_days * static_cast<double>(kDay));

  for (std::size_t n = 0; n < graph_.node_count(); ++n)
    node_country.push_back(country(graph_.node(static_cast<NodeIndex>(n)).country, "nodes." + graph_.node(static_cast<NodeIndex>(n)).id));
  for (const Edge& e : scenario.edges) edge_first_country.push_back(node_country[graph_.index_of(e.from)]);

  for (const auto& [id, s] : scenario.sectors) compile_sector(id, s);

  for (std::size_t a = 0; a < graph_.arc_count(); ++a) {
    const Arc& arc = graph_.arc(static_cast<ArcIndex>(a));
    int detector = arc.sector >= 0 ? sectors[arc.sector].country : (arc.has_fixed_detection ? node_country[arc.from] : -1);
    if (detector >= 0 && detector != node_country[arc.from] && detector != node_country[arc.to])
      throw std::invalid_argument(fmt::format(
          "edges.{}: leg {} -> {} is patrolled by sector '{}' of {}, which is neither end's country", arc.edge,
          graph_.node(arc.from).id, graph_.node(arc.to).id, sectors[arc.sector].id, countries[detector].id));
    arc_detector.push_back(detector);
    int post = -1;
    if (arc.sector >= 0) {
      const std::vector<std::size_t>& posts = sectors[arc.sector].posts;
      if (const auto at = std::find(posts.begin(), posts.end(), arc.edge); at != posts.end()) post = static_cast<int>(at - posts.begin());
    }
    arc_post.push_back(post);
  }

  checkpoint_at_node.assign(graph_.node_count(), -1);
  for (const auto& [node_id, c] : scenario.checkpoints) {
    CheckpointParams p;
    p.node_id = node_id;
    p.node = graph_.index_of(node_id);
    p.country = node_country[p.node];
    p.lanes = std::max(1, c.lanes);
    p.service = DurationDraw(c.service_minutes, kSecondsPerMinute);
    p.inspection = c.inspection_probability;
    p.secondary = c.secondary_probability;
    p.secondary_service = DurationDraw(c.secondary_minutes, kSecondsPerMinute);
    p.detection = c.detection;
    p.officers = c.officers;
    p.profile.fill(1.0);
    if (const auto t = scenario.traffic.find(node_id); t != scenario.traffic.end()) {
      p.vehicles_per_second = t->second.vehicles_per_hour / kSecondsPerHour;
      if (t->second.daily_profile.size() == 24) std::copy(t->second.daily_profile.begin(), t->second.daily_profile.end(), p.profile.begin());
    }
    if (!(*std::max_element(p.profile.begin(), p.profile.end()) > 0.0)) p.vehicles_per_second = 0.0;
    for (std::size_t h = 0; h < 24; ++h) {
      const double rate = p.vehicles_per_second * p.profile[h];
      p.mean_gap[h] = rate > 0.0 ? 1.0 / rate : 0.0;
    }
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
    p.shipments_per_second = o.shipments_per_month / in_seconds(kMonthTicks);
    p.reporting_delay = std::max(kHandoverTicks, days_to_ticks(o.reporting_delay_days));
    p.retry_after = std::max(kHandoverTicks, hours_to_ticks(o.retry_after_hours));
    p.reference_kg = reference_load_kg(o);
    p.risk_half_life_ticks = std::max(1.0, o.risk.memory_half_life_days * static_cast<double>(kDay));
    organisations.push_back(p);
  }

  for (const auto& [id, program] : scenario.training.programs) {
    for (const Cohort& cohort : program.cohorts) {
      for (const auto& [cid, seats] : seats_per_country(cohort)) {
        CohortParams p;
        p.country = country(cid, "training.programs." + id + ".cohorts");
        p.seats = seats;
        p.start = days_to_ticks(cohort.start_day);
        p.end = p.start + days_to_ticks(cohort.length_weeks * 7.0);
        p.cost_usd = p.seats * program.cost_per_seat_usd;
        p.refresher = cohort.refresher;
        countries[p.country].cohorts.push_back(static_cast<int>(cohorts.size()));
        cohorts.push_back(p);
      }
    }
  }
  for (std::size_t i = 0; i < scenario.training.observers.size(); ++i) compile_observer(scenario.training.observers[i]);
  for (const JointExercise& e : scenario.coordination.joint_exercises)
    for (std::size_t i = 0; i < e.countries.size(); ++i)
      for (std::size_t j = i + 1; j < e.countries.size(); ++j)
        exercises.push_back({country(e.countries[i], "coordination.joint_exercises"),
                             country(e.countries[j], "coordination.joint_exercises"), days_to_ticks(e.day), e.seam_closure});

  compile_coordination();

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
    double p = detector < 0 ? 0.0 : expected_patrol_detection(arc, initial_skill(detector));
    if (const int c = checkpoint_at_node[graph_.arc(arc).from]; c >= 0)
      p = 1.0 - (1.0 - p) * (1.0 - checkpoint_detection(c, initial_skill(checkpoints[c].country)));
    informed_risk_.push_back(p);
  }
  compile_orders();
}

void CompiledScenario::compile_orders() {
  // The loader has checked each order's values against the scenario (order_schedule.hpp); here
  // they only become events.
  const auto accept = [](const std::vector<Override>&) { return std::vector<std::string>(); };
  const auto english = [](const char* message) { return std::string(message); };
  for (std::size_t i = 0; i < scenario_.orders.size(); ++i) {
    const TimedOrder& timed = scenario_.orders[i];
    const std::vector<std::string> words = order_words(timed.order);
    if (words.empty() || !is_order_word(words.front()))
      throw std::invalid_argument(fmt::format("orders.{}.order: '{}' is not an order", i, timed.order));
    const auto parsed = parse_order(words, *this, OrderAuthority{}, accept, english);
    if (const auto* problem = std::get_if<std::string>(&parsed))
      throw std::invalid_argument(fmt::format("orders.{}.order: '{}': {}", i, timed.order, *problem));
    for (const auto& [country, event] : std::get<Order>(parsed).events)
      scheduled_orders.push_back({days_to_ticks(timed.day), country, event});
  }
  std::stable_sort(scheduled_orders.begin(), scheduled_orders.end(),
                   [](const ScheduledOrder& a, const ScheduledOrder& b) { return a.at < b.at; });
}

int CompiledScenario::country_index(const std::string& id) const { return index_in(countries, id); }

int CompiledScenario::post_country(int post) const {
  const auto units_n = static_cast<int>(units.size());
  return post < units_n ? sectors[static_cast<std::size_t>(units[static_cast<std::size_t>(post)].sector)].country
                        : checkpoints[static_cast<std::size_t>(post - units_n)].country;
}

int CompiledScenario::post_officers(int post) const {
  const auto units_n = static_cast<int>(units.size());
  if (post < 0) return 0;
  return post < units_n ? sectors[static_cast<std::size_t>(units[static_cast<std::size_t>(post)].sector)].officers_per_unit
                        : checkpoints[static_cast<std::size_t>(post - units_n)].officers;
}

void CompiledScenario::compile_observer(const ObserverTeam& team) {
  if (country_index(team.country) < 0) throw std::invalid_argument(fmt::format("training.observers: unknown country '{}'", team.country));
  ObserverParams p = observer_params(team);
  countries[static_cast<std::size_t>(p.country)].observers.push_back(static_cast<int>(observers.size()));
  observers.push_back(std::move(p));
}

ObserverParams CompiledScenario::observer_params(const ObserverTeam& team) const {
  ObserverParams p;
  p.country = country_index(team.country);
  p.start = days_to_ticks(team.start_day);
  p.end = p.start + days_to_ticks(team.days);
  p.visit = days_to_ticks(team.days_per_visit);
  p.boost = team.method_use_boost;
  p.spillover = team.spillover;
  p.whole_country = team.sectors.empty() && p.visit == 0;
  // The units of its sectors (in unit order), else every unit and checkpoint of the country.
  for (int post = 0; post < post_count(); ++post) {
    if (post_country(post) != p.country) continue;
    const bool is_unit = post < static_cast<int>(units.size());
    if (team.sectors.empty() || (is_unit && std::find(team.sectors.begin(), team.sectors.end(),
                                                      sectors[static_cast<std::size_t>(units[static_cast<std::size_t>(post)].sector)].id) !=
                                                team.sectors.end()))
      p.posts.push_back(post);
  }
  return p;
}

int CompiledScenario::other_side(ArcIndex a, int country) const {
  const Arc& arc = graph_.arc(a);
  return node_country[arc.from] == country ? node_country[arc.to] : node_country[arc.from];
}

void CompiledScenario::compile_coordination() {
  const std::size_t n = countries.size();
  hot_pursuit_.assign(n * n, 0);
  for (const HotPursuit& h : scenario_.coordination.hot_pursuit) {
    const int x = country_index(h.a), y = country_index(h.b);
    if (x < 0 || y < 0) continue;
    hot_pursuit_[pair(x, y)] = hot_pursuit_[pair(y, x)] = 1;
  }
  sharing_.assign(n * n, SharingTerms{});
  for (const InformationSharing& s : scenario_.coordination.information_sharing) {
    const int x = country_index(s.a), y = country_index(s.b);
    if (x < 0 || y < 0 || sharing_[pair(x, y)].on) continue;  // the first entry naming the pair holds
    const SharingTerms terms{true, std::max(kHandoverTicks, days_to_ticks(s.delay_days)), days_to_ticks(s.alert_days),
                             s.alert_detection_boost};
    sharing_[pair(x, y)] = sharing_[pair(y, x)] = terms;
  }
  joint_patrolled_.assign(graph_.arc_count(), 0);
  for (std::size_t a = 0; a < graph_.arc_count(); ++a) {
    const Arc& arc = graph_.arc(static_cast<ArcIndex>(a));
    if (arc.sector < 0 || !is_seam(static_cast<ArcIndex>(a))) continue;
    const SectorParams& mine = sectors[arc.sector];
    const int x = node_country[arc.from], y = node_country[arc.to];
    const int across = mine.country == x ? y : x;
    for (const JointPatrol& j : scenario_.coordination.joint_patrols) {
      const std::string& partner = j.sector_a == mine.id ? j.sector_b : j.sector_b == mine.id ? j.sector_a : std::string();
      if (const auto s = scenario_.sectors.find(partner); s != scenario_.sectors.end() && country_index(s->second.country) == across)
        joint_patrolled_[a] = 1;
    }
  }
}

bool CompiledScenario::hot_pursuit(int a, int b) const { return hot_pursuit_[pair(a, b)] != 0; }

bool CompiledScenario::shares_information(int from, int to, Time& delay, Time& alert, double& boost) const {
  const SharingTerms& terms = sharing_[pair(from, to)];
  if (!terms.on) return false;
  delay = terms.delay;
  alert = terms.alert;
  boost = terms.boost;
  return true;
}

double CompiledScenario::seam_factor(ArcIndex a, Time t, bool joint_patrol) const {
  if (!is_seam(a)) return 1.0;
  // A joint patrol closes the seam it pairs: the leg's sector with one across this leg's line.
  if (joint_patrol || joint_patrolled_[a]) return 1.0;
  const Arc& arc = graph_.arc(a);
  const int x = node_country[arc.from], y = node_country[arc.to];
  double penalty = scenario_.coordination.seam_penalty;
  for (const ExerciseParams& e : exercises)
    if (e.at <= t && ((e.a == x && e.b == y) || (e.a == y && e.b == x))) penalty *= 1.0 - e.closure;
  return std::clamp(1.0 - penalty, 0.0, 1.0);
}

double CompiledScenario::unit_detection(ArcIndex a, Time t, double skill, double availability, double alert,
                                        bool joint_patrol) const {
  const Arc& arc = graph_.arc(a);
  if (arc.sector < 0) return 0.0;
  const SectorParams& s = sectors[arc.sector];
  const double per_unit = s.detection.untrained + (s.detection.trained - s.detection.untrained) * skill;
  return std::clamp(per_unit * s.terrain[mode_index(arc.mode)] * seam_factor(a, t, joint_patrol) * alert * availability, 0.0, 1.0);
}

double CompiledScenario::expected_presence(int u, int post) const {
  const PatrolUnit& unit = units[static_cast<std::size_t>(u)];
  const SectorParams& s = sectors[static_cast<std::size_t>(unit.sector)];
  const auto n = static_cast<int>(s.posts.size());
  if (post < 0 || n == 0) return 0.0;
  const double duty = static_cast<double>(s.duty), transit = static_cast<double>(s.transit);
  double on_post = 0.0;
  switch (s.placement) {
    case Placement::fixed: on_post = unit.index % n == post ? duty : 0.0; break;
    case Placement::rotation: {
      // A 1/n share of the cycle at each post, paying a transit at the first shift of each stay.
      const double changes_per_shift = n > 1 ? std::min(1.0, static_cast<double>(kDay) / static_cast<double>(s.rotation)) : 0.0;
      on_post = std::max(0.0, duty - transit * changes_per_shift) / n;
      break;
    }
    case Placement::random:
    case Placement::targeted: {
      // Drawn each shift with the post's weight; a transit when the previous shift was elsewhere.
      const double w = s.post_weights[static_cast<std::size_t>(post)];
      on_post = w * std::max(0.0, duty - transit * (1.0 - w));
      break;
    }
  }
  return on_post / static_cast<double>(kDay);
}

double CompiledScenario::expected_patrol_detection(ArcIndex a, double skill) const {
  const Arc& arc = graph_.arc(a);
  if (arc.has_fixed_detection) return arc.fixed_detection;
  if (arc.sector < 0) return 0.0;
  const double q = unit_detection(a, 0, skill, 1.0, 1.0);
  double miss = 1.0;
  for (int u : sectors[arc.sector].units) miss *= 1.0 - q * expected_presence(u, arc_post[a]);
  return 1.0 - miss;
}

void CompiledScenario::compile_sector(const std::string& id, const Sector& s) {
  SectorParams p;
  p.id = id;
  p.country = country_index(s.country);
  if (p.country < 0) throw std::invalid_argument(fmt::format("sectors.{}: unknown country '{}'", id, s.country));
  p.placement = s.placement.value_or(s.movement.value_or(Placement::random));
  p.duty = hours_to_ticks(s.hours_on_duty_per_day);
  p.shift_start = hours_to_ticks(s.shift_start_hour) % kDay;
  p.transit = hours_to_ticks(s.transit_hours);
  p.rotation = std::max<Time>(1, days_to_ticks(s.rotation_days));
  p.targeting_half_life_ticks = std::max(1.0, s.targeting_memory_days * static_cast<double>(kDay));
  p.detection = s.detection;
  p.officers_per_unit = s.officers_per_unit;
  for (const auto& [mode, factor] : s.terrain) {
    static const char* names[] = {"road", "trail", "river", "sea", "air"};
    for (std::size_t m = 0; m < 5; ++m)
      if (mode == names[m]) p.terrain[m] = factor;
  }
  // Posts: as listed, else the sector's legs with a positive exposure (all of them if none has
  // one), in edge id order, so that the rotation's phase does not depend on the file's order.
  const std::vector<Edge>& edges = scenario_.edges;
  auto edge_of = [&](const std::string& edge_id) {
    for (std::size_t e = 0; e < edges.size(); ++e)
      if (edges[e].id == edge_id) return e;
    throw std::invalid_argument(fmt::format("sectors.{}.posts: unknown edge '{}'", id, edge_id));
  };
  for (const std::string& post : s.posts) p.posts.push_back(edge_of(post));
  if (p.posts.empty()) {
    std::vector<std::size_t> legs, exposed;
    for (std::size_t e = 0; e < edges.size(); ++e)
      if (edges[e].sector == id) (edges[e].exposure > 0.0 ? exposed : legs).push_back(e);
    p.posts = exposed.empty() ? legs : exposed;
    std::sort(p.posts.begin(), p.posts.end(), [&](std::size_t a, std::size_t b) { return edges[a].id < edges[b].id; });
  }
  double total = 0.0;
  for (std::size_t e : p.posts) total += edges[e].exposure;
  for (std::size_t e : p.posts)
    p.post_weights.push_back(total > 0.0 ? edges[e].exposure / total : 1.0 / static_cast<double>(p.posts.size()));

  double cost = 0.0;
  if (!s.unit_kind.empty()) {
    const auto kind = scenario_.unit_kinds.find(s.unit_kind);
    if (kind == scenario_.unit_kinds.end())
      throw std::invalid_argument(fmt::format("sectors.{}.unit_kind: unknown unit kind '{}'", id, s.unit_kind));
    cost = kind->second.cost_per_unit_day_usd;
  }
  const int count = s.unit_names.empty() ? s.units : static_cast<int>(s.unit_names.size());
  for (int i = 0; i < count; ++i) {
    PatrolUnit u;
    u.name = s.unit_names.empty() ? fmt::format("{}.{}", id, i + 1) : s.unit_names[static_cast<std::size_t>(i)];
    u.sector = static_cast<int>(sectors.size());
    u.index = i;
    u.home_base = s.home_base.empty() ? -1 : graph_.index_of(s.home_base);
    u.shift_offset = (p.shift_start + static_cast<Time>(i) * kDay / count) % kDay;
    u.cost_per_day_usd = cost;
    p.units.push_back(static_cast<int>(units.size()));
    units.push_back(u);
  }
  sectors.push_back(std::move(p));
}

double CompiledScenario::checkpoint_detection(int c, double skill) const {
  const CheckpointParams& p = checkpoints[c];
  const double found = p.detection.untrained + (p.detection.trained - p.detection.untrained) * skill;
  return p.inspection * p.secondary * found;
}

double CompiledScenario::initial_skill(int country) const {
  // The starting stock is freshly trained at time 0 (its skill has not faded yet).
  const double use = std::clamp(scenario_.training.method_use_share, 0.0, 1.0);
  return std::clamp(countries[country].police.share_trained, 0.0, 1.0) * use;
}

}  // namespace bstp::border
