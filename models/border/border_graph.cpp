#include "border_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>
#include <fmt/format.h>

namespace bstp::border {

double mean_of(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::uniform: return 0.5 * (d.min + d.max);
    default: return d.mean;
  }
}

BorderGraph::BorderGraph(const Scenario& scenario, const std::vector<std::string>& sector_ids) {
  for (const auto& [id, node] : scenario.nodes) nodes_.push_back(node);
  if (nodes_.size() >= std::numeric_limits<NodeIndex>::max())
    throw std::invalid_argument(fmt::format("too many nodes ({})", nodes_.size()));
  auto sector_of = [&](const std::string& id, const std::string& where) {
    if (id.empty()) return -1;
    const auto it = std::find(sector_ids.begin(), sector_ids.end(), id);
    if (it == sector_ids.end()) throw std::invalid_argument(fmt::format("{}: unknown sector '{}'", where, id));
    return static_cast<int>(it - sector_ids.begin());
  };
  for (std::size_t e = 0; e < scenario.edges.size(); ++e) {
    const Edge& edge = scenario.edges[e];
    const std::string where = fmt::format("edges.{} ({})", e, edge.id.empty() ? edge.from + "-" + edge.to : edge.id);
    Arc arc;
    arc.from = index_of(edge.from);
    arc.to = index_of(edge.to);
    arc.edge = e;
    arc.mode = edge.mode;
    arc.travel_hours = edge.travel_hours;
    arc.mean_hours = mean_of(edge.travel_hours);
    arc.exposure = edge.exposure;
    arc.sector = sector_of(edge.sector, where);
    arc.has_fixed_detection = edge.detection_probability.has_value();
    arc.fixed_detection = edge.detection_probability.value_or(0.0);
    arcs_.push_back(arc);
    if (edge.bidirectional) {
      std::swap(arc.from, arc.to);
      arcs_.push_back(arc);
    }
  }
  if (arcs_.size() >= std::numeric_limits<ArcIndex>::max())
    throw std::invalid_argument(fmt::format("too many legs ({})", arcs_.size()));
  for (std::size_t n = 0; n < nodes_.size(); ++n) boost::add_vertex(graph_);
  for (std::size_t a = 0; a < arcs_.size(); ++a) boost::add_edge(arcs_[a].from, arcs_[a].to, a, graph_);
}

NodeIndex BorderGraph::index_of(const std::string& node_id) const {
  for (std::size_t n = 0; n < nodes_.size(); ++n)
    if (nodes_[n].id == node_id) return static_cast<NodeIndex>(n);
  throw std::invalid_argument(fmt::format("unknown node '{}'", node_id));
}

void BorderGraph::cheapest_routes(NodeIndex source, std::span<const double> arc_cost, std::vector<double>& cost,
                                  std::vector<ArcIndex>& via) const {
  const std::size_t n = nodes_.size();
  std::vector<std::size_t> predecessor(n);
  cost.assign(n, std::numeric_limits<double>::infinity());
  const auto index = boost::get(boost::edge_index, graph_);
  const auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
      [&](const Graph::edge_descriptor& e) { return arc_cost[boost::get(index, e)]; });
  boost::dijkstra_shortest_paths(
      graph_, source,
      boost::predecessor_map(boost::make_iterator_property_map(predecessor.begin(), boost::get(boost::vertex_index, graph_)))
          .distance_map(boost::make_iterator_property_map(cost.begin(), boost::get(boost::vertex_index, graph_)))
          .weight_map(weight));
  // Recover the entering arc of each node: the cheapest arc from its predecessor that is tight.
  via.assign(n, static_cast<ArcIndex>(arcs_.size()));
  for (std::size_t a = 0; a < arcs_.size(); ++a) {
    const Arc& arc = arcs_[a];
    if (predecessor[arc.to] != arc.from || arc.to == source || via[arc.to] != arcs_.size()) continue;
    if (cost[arc.from] + arc_cost[a] <= cost[arc.to]) via[arc.to] = static_cast<ArcIndex>(a);
  }
}

std::vector<ArcIndex> BorderGraph::arcs_reachable_from(std::span<const NodeIndex> sources) const {
  std::vector<std::vector<NodeIndex>> next(node_count());
  for (std::size_t a = 0; a < arc_count(); ++a) {
    const Arc& arc = arcs_[a];
    next[arc.from].push_back(arc.to);
  }
  std::vector<bool> reached(node_count(), false);
  std::vector<NodeIndex> frontier(sources.begin(), sources.end());
  for (NodeIndex n : frontier) reached[n] = true;
  while (!frontier.empty()) {
    const NodeIndex n = frontier.back();
    frontier.pop_back();
    for (NodeIndex to : next[n])
      if (!reached[to]) {
        reached[to] = true;
        frontier.push_back(to);
      }
  }
  std::vector<ArcIndex> arcs;
  for (std::size_t a = 0; a < arc_count(); ++a)
    if (reached[arcs_[a].from]) arcs.push_back(static_cast<ArcIndex>(a));
  return arcs;
}

std::vector<ArcIndex> BorderGraph::cheapest_route_within(NodeIndex source, std::span<const NodeIndex> targets,
                                                         std::span<const double> arc_cost, std::size_t max_legs) const {
  // Bellman-Ford by rounds: after round k, cost[k][v] is the cheapest way to v in at most k arcs,
  // and via[k][v] the arc entering v on it (arcs_.size() when round k did not improve on k - 1).
  const std::size_t n = nodes_.size();
  const auto none = static_cast<ArcIndex>(arcs_.size());
  std::vector<std::vector<double>> cost(max_legs + 1, std::vector<double>(n, std::numeric_limits<double>::infinity()));
  std::vector<std::vector<ArcIndex>> via(max_legs + 1, std::vector<ArcIndex>(n, none));
  cost[0][source] = 0.0;
  for (std::size_t k = 1; k <= max_legs; ++k) {
    cost[k] = cost[k - 1];
    for (std::size_t a = 0; a < arcs_.size(); ++a) {
      const Arc& arc = arcs_[a];
      const double c = cost[k - 1][arc.from] + arc_cost[a];
      if (c < cost[k][arc.to]) {
        cost[k][arc.to] = c;
        via[k][arc.to] = static_cast<ArcIndex>(a);
      }
    }
  }
  std::optional<NodeIndex> best;
  for (NodeIndex t : targets)
    if (t != source && std::isfinite(cost[max_legs][t]) && (!best || cost[max_legs][t] < cost[max_legs][*best]))
      best = t;
  if (!best) return {};
  std::vector<ArcIndex> route;
  NodeIndex at = *best;
  for (std::size_t k = max_legs; k > 0 && at != source; --k) {
    if (via[k][at] == none) continue;  // as cheap in fewer arcs
    route.push_back(via[k][at]);
    at = arcs_[route.back()].from;
  }
  if (at != source) return {};
  std::reverse(route.begin(), route.end());
  return route;
}

std::vector<ArcIndex> BorderGraph::route_to(NodeIndex source, NodeIndex target, const std::vector<ArcIndex>& via) const {
  std::vector<ArcIndex> route;
  NodeIndex at = target;
  while (at != source) {
    const ArcIndex a = via[at];
    if (a >= arcs_.size() || route.size() > nodes_.size()) return {};
    route.push_back(a);
    at = arcs_[a].from;
  }
  std::reverse(route.begin(), route.end());
  return route;
}

}  // namespace bstp::border
