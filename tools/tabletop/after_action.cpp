#include "after_action.hpp"

#include "orders.hpp"

#include <border/country_lp.hpp>

namespace bstp::tabletop {

const char* node_kind_name(border::NodeKind kind) {
  switch (kind) {
    case border::NodeKind::hub:
      return "hub";
    case border::NodeKind::town:
      return "town";
    case border::NodeKind::port_of_entry:
      return "port_of_entry";
    case border::NodeKind::blind_crossing:
      return "blind_crossing";
    case border::NodeKind::airstrip:
      return "airstrip";
    case border::NodeKind::landing:
      return "landing";
  }
  return "";
}

nlohmann::json graph_record(const border::CompiledScenario& s) {
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
  for (std::size_t n = 0; n < s.graph().node_count(); ++n) {
    const border::Node& node = s.graph().node(static_cast<border::NodeIndex>(n));
    const int checkpoint = s.checkpoint_at_node[n];
    nodes.push_back({{"id", node.id},
                     {"name", node.name},
                     {"country", node.country},
                     {"lat", node.lat},
                     {"lon", node.lon},
                     {"kind", node_kind_name(node.kind)},
                     {"crossing", s.crossing_slot[n] >= 0},
                     {"checkpoint", checkpoint >= 0}});
  }
  for (const border::Edge& e : s.scenario().edges)
    edges.push_back({{"id", e.id.empty() ? e.from + "-" + e.to : e.id}, {"from", e.from}, {"to", e.to}});
  nlohmann::json countries = nlohmann::json::array();
  for (const border::CountryParams& c : s.countries)
    countries.push_back({{"id", c.id}, {"name", s.scenario().countries.at(c.id).name}});
  return {{"countries", countries}, {"nodes", nodes}, {"edges", edges}};
}

nlohmann::json outcome_record(const border::CompiledScenario& s, border::Replication& replication) {
  nlohmann::json countries = nlohmann::json::object();
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    const border::SituationTally& t = replication.country(static_cast<int>(c)).tally();
    nlohmann::json crossings = nlohmann::json::object();
    for (border::NodeIndex n : s.crossings)
      if (s.node_country[n] == static_cast<int>(c)) crossings[s.graph().node(n).id] = t.kg_through[n];
    countries[s.countries[c].id] = {{"patrol_detections", t.patrol_detections},
                                    {"checkpoint_finds", t.checkpoint_finds},
                                    {"seizures", t.seizures},
                                    {"seized_kg", t.seized_kg},
                                    {"escapes", t.escapes},
                                    {"bribes", t.bribes},
                                    {"violent_incidents", t.violent_incidents},
                                    {"deaths", t.deaths},
                                    {"deliveries", t.deliveries},
                                    {"delivered_kg", t.delivered_kg},
                                    {"kg_through", crossings}};
  }
  return countries;
}

nlohmann::json node_fates_record(const border::CompiledScenario& s, border::Replication& replication) {
  const std::size_t count = s.graph().node_count();
  std::vector<border::SituationTally::Fates> fates(count);
  std::vector<double> through(count, 0.0), seized_kg(count, 0.0), delivered_kg(count, 0.0);
  for (std::size_t c = 0; c < s.countries.size(); ++c) {
    const border::SituationTally& t = replication.country(static_cast<int>(c)).tally();
    for (std::size_t n = 0; n < count; ++n) {
      const border::SituationTally::Fates& f = t.fates_at[n];
      fates[n].detected += f.detected, fates[n].bribed += f.bribed, fates[n].escaped += f.escaped;
      fates[n].seized += f.seized, fates[n].delivered += f.delivered;
      fates[n].detected_kg += f.detected_kg, fates[n].bribed_kg += f.bribed_kg, fates[n].escaped_kg += f.escaped_kg;
      through[n] += t.kg_through[n], seized_kg[n] += t.seized_kg_at[n], delivered_kg[n] += t.delivered_kg_at[n];
    }
  }
  nlohmann::json nodes = nlohmann::json::object();
  for (std::size_t n = 0; n < count; ++n) {
    const border::SituationTally::Fates& f = fates[n];
    if (through[n] == 0.0 && f.detected == 0 && f.delivered == 0) continue;
    nodes[s.graph().node(static_cast<border::NodeIndex>(n)).id] = {
        {"kg_through", through[n]},  {"detected", f.detected},   {"detected_kg", f.detected_kg},   {"bribed", f.bribed},
        {"bribed_kg", f.bribed_kg},  {"escaped", f.escaped},     {"escaped_kg", f.escaped_kg},     {"seized", f.seized},
        {"seized_kg", seized_kg[n]}, {"delivered", f.delivered}, {"delivered_kg", delivered_kg[n]}};
  }
  return nodes;
}

std::string team_concerned(const Exercise& exercise, const border::CompiledScenario& s,
                           const std::vector<std::pair<int, border::OrderArrives>>& events) {
  if (events.empty()) return "";
  const auto& [country, event] = events.front();
  for (const Team& team : exercise.teams) {
    const Authority team_authority(&team);
    bool commands = false;
    switch (event.kind) {
      case border::OrderKind::post_unit:
      case border::OrderKind::withdraw_unit:
      case border::OrderKind::release_unit:
        commands = team_authority.commands_sector(s, s.units.at(event.subject).sector);
        break;
      case border::OrderKind::placement:
      case border::OrderKind::joint_patrol:
        commands = team_authority.commands_sector(s, event.subject);
        break;
      case border::OrderKind::lanes:
      case border::OrderKind::inspection:
        commands = team_authority.commands_checkpoint(s, event.subject);
        break;
      case border::OrderKind::share_intelligence:
      case border::OrderKind::hot_pursuit:
      case border::OrderKind::train_cohort:
      case border::OrderKind::observe:
      case border::OrderKind::close_leg:
      case border::OrderKind::open_leg:
        commands = team_authority.commands_country(s, country);
        break;
    }
    if (commands) return team.name;
  }
  return "";
}

nlohmann::json replay_record(const border::CompiledScenario& scenario, std::uint64_t replication, Time until,
                             const std::vector<TimedOrderEvents>& orders) {
  border::Replication again(scenario, replication, 1);
  // Injected events at one time are handled after the model's own, in the order injected: the
  // same order as in the session, which injected them as the clock reached their time.
  for (const TimedOrderEvents& order : orders)
    for (const auto& [country, event] : *order.events)
      again.inject_order(country, order.at, event);
  again.simulation().run_until(until);
  return {{"outcome", outcome_record(scenario, again)}, {"nodes", node_fates_record(scenario, again)}};
}

}  // namespace bstp::tabletop
