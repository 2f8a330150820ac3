// How an organisation picks a route among the near-cheapest ones: the k cheapest loopless routes
// from a source to any of its destinations (Yen's algorithm over the border graph, each spur path
// found by the graph's Dijkstra), then either the cheapest (the rule whose answers can be checked
// by hand) or a logit draw that spreads flow over routes of nearly the same cost
// (docs/model.md, "Route choice").
#pragma once

#include "border_graph.hpp"

#include <bstp/random.hpp>

#include <span>
#include <vector>

namespace bstp::border {

struct CandidateRoute {
  std::vector<ArcIndex> arcs;  // in travel order
  double cost = 0.0;           // sum of the arc costs
};

// The (at most) `k` cheapest loopless routes of at most `max_legs` legs from `source` to any of
// `targets`, cheapest first (ties: the route found first). Arc costs must be non-negative.
std::vector<CandidateRoute> k_cheapest_routes(const BorderGraph& graph, NodeIndex source, std::span<const NodeIndex> targets,
                                              std::span<const double> arc_cost, std::size_t k, std::size_t max_legs);

// Logit choice probabilities: P(i) proportional to exp(-(cost_i - cheapest) / temperature).
// A temperature of 0 puts all the weight on the cheapest route (the first of equal ones).
std::vector<double> logit_shares(std::span<const CandidateRoute> routes, double temperature);

}  // namespace bstp::border
