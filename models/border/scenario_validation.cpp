// Checks across sections of a scenario, after every value has been read and range-checked.
#include "scenario_validation.hpp"

#include "indicators.hpp"
#include "scenario_bounds.hpp"
#include "scenario_schema.hpp"
#include "seat_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <set>

#include <fmt/format.h>

namespace bstp::border::yaml {
namespace {

template <class T>
std::vector<std::string> ids_of(const std::map<std::string, T>& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry.first);
  return ids;
}

// `id` must be a key of `defined`; `what` names it ("country"). The problem is reported at
// `where` (the list element, or the value itself) for the key path `path`.
template <class T>
bool check_reference(Reader& r, const std::string& path, const std::string& where, const std::string& id,
                     const std::map<std::string, T>& defined, const char* what) {
  if (defined.contains(id)) return true;
  if (r.reported(where)) return false;  // missing or of the wrong type: said already
  const std::vector<std::string> ids = ids_of(defined);
  const std::string known = ids.empty() ? fmt::format("no {} is defined", what) : "defined: " + list_names(ids);
  if (id.empty())
    r.error(r.location(where), path, fmt::format("expected the id of a {} ({})", what, known));
  else if (const std::string hint = did_you_mean(id, ids); !hint.empty())
    r.error(r.location(where), path, fmt::format("'{}' is not a defined {}{}", id, what, hint));
  else
    r.error(r.location(where), path, fmt::format("'{}' is not a defined {} ({})", id, what, known));
  return false;
}

template <class T>
bool check_reference(Reader& r, const std::string& path, const std::string& id, const std::map<std::string, T>& defined,
                     const char* what) {
  return check_reference(r, path, path, id, defined, what);
}

// Every element of a list of ids, reported at the element under the list's path.
template <class T>
void check_references(Reader& r, const std::string& path, const std::vector<std::string>& ids,
                      const std::map<std::string, T>& defined, const char* what) {
  for (std::size_t i = 0; i < ids.size(); ++i) check_reference(r, path, join(path, i), ids[i], defined, what);
}

void check_not_empty(Reader& r, const std::string& path, const std::vector<std::string>& ids, const char* what) {
  if (ids.empty() && !r.reported(path)) r.error_at(path, fmt::format("expected at least one {}", what));
}

// ---- Places, legs and sectors -----------------------------------------------------------------

void check_nodes(Reader& r, const Scenario& s) {
  for (const auto& [id, node] : s.nodes) {
    const std::string path = join("nodes", id);
    check_reference(r, join(path, "country"), node.country, s.countries, "country");
    if (!node.sector.empty()) check_reference(r, join(path, "sector"), node.sector, s.sectors, "sector");
  }
}

void check_edge_ids_unique(Reader& r, const Scenario& s) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const auto [it, fresh] = first.emplace(s.edges[i].id, i);
    if (!fresh)
      r.error_at(join("edges", i),
                 fmt::format("duplicate edge id '{}' (also edges.{}); give one of them an explicit id", s.edges[i].id, it->second));
  }
}

// A leg's patrols belong to the country of one of its ends: the shipment is in that country's
// hands (its LP) when the leg is travelled.
void check_sector_country(Reader& r, const std::string& path, const Edge& e, const Scenario& s) {
  const std::string& country = s.sectors.at(e.sector).country;
  const std::string& from = s.nodes.at(e.from).country;
  const std::string& to = s.nodes.at(e.to).country;
  if (country == from || country == to || !s.countries.contains(country)) return;
  r.error_at(path,
             fmt::format("sector '{}' belongs to {}, but the leg joins {} and {}: a leg is patrolled by a sector of "
                         "one of its ends' countries",
                         e.sector, country, from, to == from ? std::string("itself") : to));
}

void check_edges(Reader& r, const Scenario& s) {
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const Edge& e = s.edges[i];
    const std::string path = join("edges", i);
    const bool from_ok = check_reference(r, join(path, "from"), e.from, s.nodes, "node");
    const bool to_ok = check_reference(r, join(path, "to"), e.to, s.nodes, "node");
    if (from_ok && to_ok && e.from == e.to) r.error_at(join(path, "to"), fmt::format("a leg must join two different nodes, got '{}' twice", e.to));
    if (!e.sector.empty() && check_reference(r, join(path, "sector"), e.sector, s.sectors, "sector") && from_ok &&
        to_ok)
      check_sector_country(r, join(path, "sector"), e, s);
  }
  check_edge_ids_unique(r, s);
}

// A sector's units: their kind and base exist, their posts are legs of the sector, and the
// placement is given under one name only.
void check_patrol_units(Reader& r, const std::string& path, const std::string& id, const Sector& sector, const Scenario& s) {
  if (!sector.unit_kind.empty()) check_reference(r, join(path, "unit_kind"), sector.unit_kind, s.unit_kinds, "unit kind");
  if (!sector.home_base.empty()) check_reference(r, join(path, "home_base"), sector.home_base, s.nodes, "node");
  if (!sector.unit_names.empty() && sector.units != 0 && sector.units != static_cast<int>(sector.unit_names.size()))
    r.error_at(join(path, "units"), fmt::format("{} units but {} unit_names; give one name per unit, or leave units out",
                                                sector.units, sector.unit_names.size()));
  if (sector.placement && sector.movement)
    r.error_at(join(path, "movement"), "'movement' is the former name of 'placement'; give only 'placement'");
  for (std::size_t i = 0; i < sector.posts.size(); ++i) {
    const std::string where = join(join(path, "posts"), i);
    const auto edge = std::find_if(s.edges.begin(), s.edges.end(), [&](const Edge& e) { return e.id == sector.posts[i]; });
    if (edge == s.edges.end())
      r.error_at(where, fmt::format("'{}' is not the id of an edge", sector.posts[i]));
    else if (edge->sector != id)
      r.error_at(where, fmt::format("edge '{}' is not a leg of sector '{}' (its sector is '{}')", edge->id, id, edge->sector));
  }
}

void check_sectors(Reader& r, const Scenario& s) {
  const std::vector<std::string> modes = mode_names();
  for (const auto& [id, sector] : s.sectors) {
    const std::string path = join("sectors", id);
    check_reference(r, join(path, "country"), sector.country, s.countries, "country");
    check_patrol_units(r, path, id, sector, s);
    for (const auto& entry : sector.terrain)
      if (std::find(modes.begin(), modes.end(), entry.first) == modes.end())
        r.error_at(join(join(path, "terrain"), entry.first),
                   fmt::format("expected a mode ({}), got '{}'{}", list_names(modes), entry.first, did_you_mean(entry.first, modes)));
  }
}

// ---- Checkpoints and legitimate traffic -------------------------------------------------------

// A checkpoint or a traffic flow is keyed by a node of kind port_of_entry.
bool check_port_of_entry(Reader& r, const std::string& path, const std::string& id, const Scenario& s) {
  if (!check_reference(r, path, id, s.nodes, "node")) return false;
  if (s.nodes.at(id).kind == NodeKind::port_of_entry) return true;
  r.error_at(path, fmt::format("'{}' is not a port_of_entry node", id));
  return false;
}

void check_checkpoints(Reader& r, const Scenario& s) {
  for (const auto& entry : s.checkpoints) check_port_of_entry(r, join("checkpoints", entry.first), entry.first, s);
}

double mean_value(const Distribution& d) {
  return d.kind == Distribution::Kind::uniform ? 0.5 * (d.min + d.max) : d.mean;
}

// The busiest hour's arrivals must stay below what the lanes can serve, or the queue grows
// without end (and with it the run's memory).
void check_capacity(Reader& r, const std::string& path, const TrafficFlow& flow, const Checkpoint& c) {
  const double peak_multiplier =
      flow.daily_profile.empty() ? 1.0 : *std::max_element(flow.daily_profile.begin(), flow.daily_profile.end());
  const double peak = flow.vehicles_per_hour * peak_multiplier;
  const double minutes = mean_value(c.service_minutes) +
                         c.inspection_probability * c.secondary_probability * mean_value(c.secondary_minutes);
  if (!(peak > 0.0) || !(minutes > 0.0)) return;
  const double capacity = c.lanes * 60.0 / minutes;
  if (peak < capacity) return;
  r.error_at(
      join(path, "vehicles_per_hour"),
      fmt::format("{:.4g} vehicles arrive in the busiest hour (vehicles_per_hour x the largest daily_profile "
                  "multiplier), at or above the checkpoint's capacity of {:.4g} vehicles per hour ({} lanes x 60 / "
                  "{:.4g} mean minutes per vehicle): its queue would grow without end",
                  peak, capacity, c.lanes, minutes));
}

void check_traffic(Reader& r, const Scenario& s) {
  for (const auto& [id, flow] : s.traffic) {
    const std::string path = join("traffic", id);
    const std::size_t errors = r.error_count();
    if (check_port_of_entry(r, path, id, s) && !s.checkpoints.contains(id))
      r.error_at(path, fmt::format("no checkpoint at '{}' (traffic needs a checkpoints.{} entry)", id, id));
    const std::string profile = join(path, "daily_profile");
    if (!flow.daily_profile.empty() && flow.daily_profile.size() != 24) {
      r.error_at(profile,
                 fmt::format("expected 24 multipliers (one per hour of the day), got {}", flow.daily_profile.size()));
    } else if (!flow.daily_profile.empty() && !r.reported(profile)) {
      const double mean = std::accumulate(flow.daily_profile.begin(), flow.daily_profile.end(), 0.0) / 24.0;
      if (std::abs(mean - 1.0) > 0.01)
        r.error_at(profile, fmt::format("expected 24 multipliers averaging 1 (they shape the day around "
                                        "vehicles_per_hour), got an average of {:.4g}",
                                        mean));
    }
    if (r.error_count() == errors && !r.reported(path) && !r.reported(join("checkpoints", id)) &&
        s.checkpoints.contains(id))
      check_capacity(r, path, flow, s.checkpoints.at(id));
  }
}

// ---- Organisations ----------------------------------------------------------------------------

using Adjacency = std::map<std::string, std::vector<std::string>>;

Adjacency legs_from_each_node(const Scenario& s) {
  Adjacency next;
  for (const Edge& e : s.edges) {
    next[e.from].push_back(e.to);
    if (e.bidirectional) next[e.to].push_back(e.from);
  }
  return next;
}

// The fewest legs from `source` to each node it reaches.
std::map<std::string, std::size_t> legs_from(const std::string& source, const Adjacency& next) {
  std::map<std::string, std::size_t> legs{{source, 0}};
  std::deque<std::string> queue{source};
  while (!queue.empty()) {
    const std::string node = queue.front();
    queue.pop_front();
    if (auto it = next.find(node); it != next.end())
      for (const std::string& n : it->second)
        if (legs.emplace(n, legs.at(node) + 1).second) queue.push_back(n);
  }
  return legs;
}

// Every destination must be reachable from every source over the legs, within the legs a route
// may have (the cheapest route with at most that many is taken when a longer one is cheaper).
void check_reachability(Reader& r, const std::string& path, const Organisation& o, const Scenario& s,
                        const Adjacency& next) {
  for (std::size_t k = 0; k < o.sources.size(); ++k) {
    const std::string& source = o.sources[k];
    if (!s.nodes.contains(source)) continue;
    const std::map<std::string, std::size_t> legs = legs_from(source, next);
    for (std::size_t i = 0; i < o.destinations.size(); ++i) {
      const std::string& destination = o.destinations[i];
      if (!s.nodes.contains(destination)) continue;
      const std::string where = join(join(path, "destinations"), i);
      const auto it = legs.find(destination);
      if (destination == source)
        r.error(
            r.location(where), join(path, "destinations"),
            fmt::format("'{}' is also a source (sources.{}): a shipment must travel at least one leg", destination, k));
      else if (it == legs.end())
        r.error(r.location(where), join(path, "destinations"),
                fmt::format("'{}' cannot be reached from source '{}'", destination, source));
      else if (it->second > bounds::kMaxRouteLegs)
        r.error(r.location(where), join(path, "destinations"),
                fmt::format("'{}' is {} legs from source '{}'; a route has at most {} legs", destination, it->second,
                            source, bounds::kMaxRouteLegs));
    }
  }
}

void check_organisations(Reader& r, const Scenario& s) {
  const Adjacency next = legs_from_each_node(s);
  for (const auto& [id, o] : s.organisations) {
    const std::string path = join("organisations", id);
    check_not_empty(r, join(path, "sources"), o.sources, "source node");
    check_not_empty(r, join(path, "destinations"), o.destinations, "destination node");
    check_references(r, join(path, "sources"), o.sources, s.nodes, "node");
    check_references(r, join(path, "destinations"), o.destinations, s.nodes, "node");
    check_references(r, join(join(path, "protection"), "sectors"), o.protection.sectors, s.sectors, "sector");
    const std::vector<std::string> modes = mode_names();
    for (const auto& entry : o.risk.prior_risk_per_hour)
      if (std::find(modes.begin(), modes.end(), entry.first) == modes.end())
        r.error_at(join(join(join(path, "risk"), "prior_risk_per_hour"), entry.first),
                   fmt::format("expected a mode ({}), got '{}'{}", list_names(modes), entry.first, did_you_mean(entry.first, modes)));
    check_reachability(r, path, o, s, next);
  }
}

// ---- Training and coordination ----------------------------------------------------------------

template <class T>
void check_country_keys(Reader& r, const std::string& path, const std::map<std::string, T>& entries, const Scenario& s) {
  for (const auto& entry : entries) check_reference(r, join(path, entry.first), entry.first, s.countries, "country");
}

// A cohort names its countries in exactly one of three ways, each naming defined countries; its
// weights do not all vanish; counted seats agree with `seats` when both are given.
void check_cohort(Reader& r, const std::string& path, const Cohort& c, const Scenario& s) {
  const int forms = (c.countries.empty() ? 0 : 1) + (c.country_weights.empty() ? 0 : 1) + (c.seats_by_country.empty() ? 0 : 1);
  if (forms == 0 && !r.reported(join(path, "countries"))) {
    r.error_at(path, "expected the countries it trains: countries (seats split evenly), country_weights (split in "
                     "proportion) or seats_by_country (counted)");
    return;
  }
  if (forms > 1) {
    r.error_at(path, "give only one of countries, country_weights and seats_by_country");
    return;
  }
  check_references(r, join(path, "countries"), c.countries, s.countries, "country");
  check_country_keys(r, join(path, "country_weights"), c.country_weights, s);
  check_country_keys(r, join(path, "seats_by_country"), c.seats_by_country, s);
  if (!c.country_weights.empty()) {
    double total = 0.0;
    for (const auto& entry : c.country_weights) total += entry.second;
    if (!(total > 0.0) && !r.reported(join(path, "country_weights")))
      r.error_at(join(path, "country_weights"), "expected at least one positive weight");
  }
  if (!c.seats_by_country.empty() && c.seats != 0 && c.seats != cohort_seats(c) && !r.reported(join(path, "seats")))
    r.error_at(join(path, "seats"), fmt::format("{} seats, but seats_by_country counts {}; leave seats out or make them agree",
                                                c.seats, cohort_seats(c)));
}

void check_training(Reader& r, const Scenario& s) {
  for (const auto& [id, program] : s.training.programs) {
    for (std::size_t i = 0; i < program.cohorts.size(); ++i) {
      check_cohort(r, join(join(join("training.programs", id), "cohorts"), i), program.cohorts[i], s);
    }
  }
  for (std::size_t i = 0; i < s.training.observers.size(); ++i) {
    const ObserverTeam& team = s.training.observers[i];
    const std::string path = join("training.observers", i);
    check_reference(r, join(path, "country"), team.country, s.countries, "country");
    check_references(r, join(path, "sectors"), team.sectors, s.sectors, "sector");
    for (std::size_t k = 0; k < team.sectors.size(); ++k) {
      const auto sector = s.sectors.find(team.sectors[k]);
      if (sector != s.sectors.end() && sector->second.country != team.country)
        r.error_at(join(join(path, "sectors"), k), fmt::format("sector '{}' is in {}, not in the team's country {}",
                                                               team.sectors[k], sector->second.country, team.country));
    }
  }
}

// An agreement between two countries: both defined, and different.
void check_country_pair(Reader& r, const std::string& path, const std::string& a, const std::string& b, const Scenario& s) {
  const bool a_ok = check_reference(r, join(path, "a"), a, s.countries, "country");
  const bool b_ok = check_reference(r, join(path, "b"), b, s.countries, "country");
  if (a_ok && b_ok && a == b) r.error_at(join(path, "b"), fmt::format("expected two different countries, got '{}' twice", a));
}

void check_joint_patrol(Reader& r, const std::string& path, const JointPatrol& p, const Scenario& s) {
  const bool a_ok = check_reference(r, join(path, "sector_a"), p.sector_a, s.sectors, "sector");
  const bool b_ok = check_reference(r, join(path, "sector_b"), p.sector_b, s.sectors, "sector");
  if (a_ok && b_ok && s.sectors.at(p.sector_a).country == s.sectors.at(p.sector_b).country)
    r.error_at(path, fmt::format("a joint patrol pairs sectors of two countries; '{}' and '{}' are both in {}", p.sector_a,
                                 p.sector_b, s.sectors.at(p.sector_a).country));
}

void check_coordination(Reader& r, const Scenario& s) {
  const Coordination& c = s.coordination;
  for (std::size_t i = 0; i < c.information_sharing.size(); ++i)
    check_country_pair(r, join("coordination.information_sharing", i), c.information_sharing[i].a,
                       c.information_sharing[i].b, s);
  for (std::size_t i = 0; i < c.hot_pursuit.size(); ++i)
    check_country_pair(r, join("coordination.hot_pursuit", i), c.hot_pursuit[i].a, c.hot_pursuit[i].b, s);
  for (std::size_t i = 0; i < c.joint_patrols.size(); ++i)
    check_joint_patrol(r, join("coordination.joint_patrols", i), c.joint_patrols[i], s);
  for (std::size_t i = 0; i < c.joint_exercises.size(); ++i) {
    const std::string path = join(join("coordination.joint_exercises", i), "countries");
    if (c.joint_exercises[i].countries.size() < 2 && !r.reported(path)) r.error_at(path, "expected at least two countries");
    check_references(r, path, c.joint_exercises[i].countries, s.countries, "country");
  }
}

// ---- Costs and budgets ------------------------------------------------------------------------

void check_costs(Reader& r, const Scenario& s) {
  // One count of jobs for the mechanism and its cost: the jobs the programme creates.
  if (!s.costs.jobs_program.jobs.empty() && !r.reported("costs.jobs_program.jobs"))
    r.error_at("costs.jobs_program.jobs",
               "the jobs paid for are economy.jobs_created, in economy.jobs_country (one count for the jobs' effect and "
               "their cost): remove this key and set those");
  for (const auto& entry : s.budget) check_reference(r, join("budget", entry.first), entry.first, s.countries, "country");
}

// ---- Sizes ------------------------------------------------------------------------------------

void check_size(Reader& r, const std::string& path, std::size_t size, std::size_t at_most, const char* what) {
  if (size > at_most && !r.reported(path))
    r.error_at(path, fmt::format("{} {}; at most {} are supported", size, what, at_most));
}

std::size_t crossing_count(const Scenario& s) {
  return static_cast<std::size_t>(std::count_if(s.nodes.begin(), s.nodes.end(), [](const auto& entry) {
    return entry.second.kind == NodeKind::port_of_entry || entry.second.kind == NodeKind::blind_crossing;
  }));
}

void check_sizes(Reader& r, const Scenario& s) {
  check_size(r, "countries", s.countries.size(), bounds::kMaxCountries, "countries");
  check_size(r, "nodes", s.nodes.size(), bounds::kMaxNodes, "nodes");
  check_size(r, "edges", s.edges.size(), bounds::kMaxEdges, "edges");
  check_size(r, "sectors", s.sectors.size(), bounds::kMaxSectors, "sectors");
  check_size(r, "organisations", s.organisations.size(), bounds::kMaxOrganisations, "organisations");
  check_size(r, "policies", s.policies.size(), bounds::kMaxPolicies, "policies");
  std::size_t cohorts = 0;
  for (const auto& entry : s.training.programs)
    for (const Cohort& c : entry.second.cohorts) cohorts += std::max<std::size_t>(1, cohort_countries(c).size());
  check_size(r, "training.programs", cohorts, bounds::kMaxCohorts, "cohort places (cohorts times their countries)");
  // What one replication keeps month by month: every country and organisation collects its
  // indicators by country and the kg through each crossing.
  if (r.reported("scenario.horizon_days") || !(s.horizon_days > 0)) return;
  const double months = std::ceil(s.horizon_days / 30.4375);
  const double collectors = static_cast<double>(s.countries.size() + s.organisations.size());
  const double mib = 8.0 * collectors * months *
                     (static_cast<double>(kIndicatorCount + 3) * static_cast<double>(s.countries.size() + 1) + static_cast<double>(crossing_count(s))) /
                     (1024.0 * 1024.0);
  if (mib > bounds::kMaxIndicatorMiB)
    r.error_at(
        "scenario.horizon_days",
        fmt::format("one replication would keep about {:.0f} MiB of monthly indicators ({} months x {} countries and "
                    "organisations x {} crossings); at most {:.0f} MiB: shorten the horizon or use fewer countries, "
                    "organisations or crossings",
                    mib, months, collectors, crossing_count(s), bounds::kMaxIndicatorMiB));
}

// The warm-up must leave part of the horizon to measure.
void check_warmup(Reader& r, const Scenario& s) {
  if (r.reported("scenario.warmup_days") || r.reported("scenario.horizon_days")) return;
  if (s.warmup_days >= s.horizon_days)
    r.error_at("scenario.warmup_days", fmt::format("expected fewer days than horizon_days ({}), got {}: nothing would be measured",
                                                   s.horizon_days, s.warmup_days));
}

}  // namespace

void check_scenario(Reader& r, const Scenario& s) {
  check_sizes(r, s);
  check_warmup(r, s);
  check_nodes(r, s);
  check_edges(r, s);
  check_sectors(r, s);
  check_checkpoints(r, s);
  check_traffic(r, s);
  check_organisations(r, s);
  check_training(r, s);
  check_coordination(r, s);
  // Corruption and jobs name countries.
  for (std::size_t i = 0; i < s.corruption.audits.size(); ++i)
    check_reference(r, join(join(join("corruption", "audits"), i), "country"), s.corruption.audits[i].country, s.countries, "country");
  // Officer pay, rotation and community committees name countries (branch corruption-levers).
  for (std::size_t i = 0; i < s.corruption.pay.size(); ++i)
    check_reference(r, join(join(join("corruption", "pay"), i), "country"), s.corruption.pay[i].country, s.countries, "country");
  for (std::size_t i = 0; i < s.corruption.rotation.size(); ++i)
    check_reference(r, join(join(join("corruption", "rotation"), i), "country"), s.corruption.rotation[i].country, s.countries, "country");
  for (std::size_t i = 0; i < s.violence.reporting.committees.size(); ++i)
    check_reference(r, join(join(join(join("violence", "reporting"), "committees"), i), "country"),
                    s.violence.reporting.committees[i].country, s.countries, "country");
  if (!s.economy.jobs_country.empty())
    check_reference(r, join("economy", "jobs_country"), s.economy.jobs_country, s.countries, "country");
  check_costs(r, s);
}

}  // namespace bstp::border::yaml
