// What the after-action review needs from a session (docs/tabletop.md, "After-action review"):
// the border graph for its map, the outcome so far by country and the fates of the shipments by
// node, read off the countries' situation tallies, and the same replication replayed with only
// some of the orders (the injects' alone: what would have happened without the players' orders;
// all but one team's: what that team's orders changed). Common random numbers make the
// differences exactly the orders' effect.
#pragma once

#include "exercise.hpp"

#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/events.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace bstp::tabletop {

// The graph as the log's `map` record gives it: nodes (id, name, country, lat, lon, kind,
// checkpoint) and edges (id, from, to), in the scenario's order.
nlohmann::json graph_record(const border::CompiledScenario& scenario);

// Per country id: detections, seizures, deliveries, bribes, incidents... and kg through each of its
// crossings (the log's `outcome`).
nlohmann::json outcome_record(const border::CompiledScenario& scenario, border::Replication& replication);

// Per node id with any activity: kg through it and what became of the shipments met there
// (detected, bribed, escaped, seized, delivered: counts and kg), over every country's tally.
nlohmann::json node_fates_record(const border::CompiledScenario& scenario, border::Replication& replication);

// The events of orders, as the session injected them: at their time, in the order given.
struct TimedOrderEvents {
  Time at = 0;
  const std::vector<std::pair<int, border::OrderArrives>>* events = nullptr;
};

// Replication `replication` of `scenario` run to `until` with these orders' events injected, as
// {"outcome": outcome_record, "nodes": node_fates_record}.
nlohmann::json replay_record(const border::CompiledScenario& scenario, std::uint64_t replication, Time until,
                             const std::vector<TimedOrderEvents>& orders);

// The exercise's team whose forces an order concerns (the first team commanding the unit, sector,
// checkpoint or country of its first event), or "" when no team does: the facilitator types every
// team's orders in a one-terminal exercise, and the review credits each to its team.
std::string team_concerned(const Exercise& exercise, const border::CompiledScenario& scenario,
                           const std::vector<std::pair<int, border::OrderArrives>>& events);

// A node kind as the scenario file writes it (port_of_entry, blind_crossing, ...).
const char* node_kind_name(border::NodeKind kind);

}  // namespace bstp::tabletop
