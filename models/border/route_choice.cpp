#include "route_choice.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bstp::border {
namespace {

constexpr double kBlocked = std::numeric_limits<double>::infinity();

bool reached(double cost) { return cost < std::numeric_limits<double>::max(); }

NodeIndex node_at(const BorderGraph& graph, NodeIndex source, const std::vector<ArcIndex>& arcs, std::size_t j) {
  return j == 0 ? source : graph.arc(arcs[j - 1]).to;
}

// The cheapest route from `from` to any target under `cost`, or nothing.
bool cheapest_to_any(const BorderGraph& graph, NodeIndex from, std::span<const NodeIndex> targets, std::span<const double> cost,
                     CandidateRoute& out) {
  std::vector<double> total;
  std::vector<ArcIndex> via;
  graph.cheapest_routes(from, cost, total, via);
  bool found = false;
  NodeIndex best = 0;
  for (NodeIndex t : targets)
    if (t != from && reached(total[t]) && (!found || total[t] < total[best])) best = t, found = true;
  if (!found) return false;
  out.arcs = graph.route_to(from, best, via);
  out.cost = total[best];
  return !out.arcs.empty();
}

}  // namespace

std::vector<CandidateRoute> k_cheapest_routes(const BorderGraph& graph, NodeIndex source, std::span<const NodeIndex> targets,
                                              std::span<const double> arc_cost, std::size_t k, std::size_t max_legs) {
  std::vector<CandidateRoute> chosen, candidates;
  CandidateRoute first;
  if (k == 0 || !cheapest_to_any(graph, source, targets, arc_cost, first)) return chosen;
  chosen.push_back(first);
  std::vector<double> cost(arc_cost.begin(), arc_cost.end());
  while (chosen.size() < k) {
    const CandidateRoute& last = chosen.back();
    // Yen: deviate from the last route at each of its nodes, keeping its first j legs (the root).
    for (std::size_t j = 0; j < last.arcs.size(); ++j) {
      const NodeIndex spur = node_at(graph, source, last.arcs, j);
      std::copy(arc_cost.begin(), arc_cost.end(), cost.begin());
      // Legs already taken from this root are closed, and so are the root's own nodes (loopless).
      for (const CandidateRoute& r : chosen)
        if (r.arcs.size() > j && std::equal(r.arcs.begin(), r.arcs.begin() + static_cast<std::ptrdiff_t>(j), last.arcs.begin()))
          cost[r.arcs[j]] = kBlocked;
      std::vector<bool> in_root(graph.node_count(), false);
      for (std::size_t h = 0; h < j; ++h) in_root[node_at(graph, source, last.arcs, h)] = true;
      for (std::size_t a = 0; a < graph.arc_count(); ++a) {
        const Arc& arc = graph.arc(static_cast<ArcIndex>(a));
        if (in_root[arc.from] || in_root[arc.to]) cost[a] = kBlocked;
      }
      std::vector<NodeIndex> open_targets;
      for (NodeIndex t : targets)
        if (!in_root[t]) open_targets.push_back(t);
      CandidateRoute tail;
      if (!cheapest_to_any(graph, spur, open_targets, cost, tail)) continue;
      CandidateRoute route;
      route.arcs.assign(last.arcs.begin(), last.arcs.begin() + static_cast<std::ptrdiff_t>(j));
      route.arcs.insert(route.arcs.end(), tail.arcs.begin(), tail.arcs.end());
      route.cost = 0.0;
      for (ArcIndex a : route.arcs) route.cost += arc_cost[a];
      const auto same = [&](const CandidateRoute& r) { return r.arcs == route.arcs; };
      if (std::none_of(candidates.begin(), candidates.end(), same) && std::none_of(chosen.begin(), chosen.end(), same))
        candidates.push_back(std::move(route));
    }
    if (candidates.empty()) break;
    // The cheapest candidate next (the first found on ties).
    const auto next = std::min_element(candidates.begin(), candidates.end(),
                                       [](const CandidateRoute& a, const CandidateRoute& b) { return a.cost < b.cost; });
    chosen.push_back(std::move(*next));
    candidates.erase(next);
  }
  std::erase_if(chosen, [&](const CandidateRoute& r) { return r.arcs.size() > max_legs; });
  return chosen;
}

std::vector<double> logit_shares(std::span<const CandidateRoute> routes, double temperature) {
  std::vector<double> shares(routes.size(), 0.0);
  if (routes.empty()) return shares;
  std::size_t cheapest = 0;
  for (std::size_t i = 1; i < routes.size(); ++i)
    if (routes[i].cost < routes[cheapest].cost) cheapest = i;
  if (!(temperature > 0.0)) {
    shares[cheapest] = 1.0;
    return shares;
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < routes.size(); ++i) sum += shares[i] = std::exp(-(routes[i].cost - routes[cheapest].cost) / temperature);
  for (double& s : shares) s /= sum;
  return shares;
}

}  // namespace bstp::border
