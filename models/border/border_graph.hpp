// The border graph (Boost.Graph): places and the legs between them, with cheapest-route search
// for trafficking organisations. Node and arc indices are dense and stable: nodes in scenario id
// order, arcs in edge order (a bidirectional edge gives two arcs, forward first).
#pragma once

#include "scenario.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

namespace bstp::border {

using NodeIndex = std::uint16_t;
using ArcIndex = std::uint16_t;

struct Arc {
  NodeIndex from = 0;
  NodeIndex to = 0;
  std::size_t edge = 0;  // index into Scenario::edges
  Mode mode = Mode::road;
  Distribution travel_hours;
  double mean_hours = 0.0;
  double exposure = 0.0;
  int sector = -1;  // index into the compiled sectors, -1 = unpatrolled
  bool has_fixed_detection = false;
  double fixed_detection = 0.0;
};

class BorderGraph {
 public:
  BorderGraph() = default;
  // `sector_index` maps a sector id to its compiled index. Throws std::invalid_argument on
  // dangling ids or more nodes/arcs than the kernel's payloads can name.
  BorderGraph(const Scenario& scenario, const std::vector<std::string>& sector_ids);

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t arc_count() const { return arcs_.size(); }
  const Node& node(NodeIndex n) const { return nodes_[n]; }
  const Arc& arc(ArcIndex a) const { return arcs_[a]; }
  NodeIndex index_of(const std::string& node_id) const;

  // The cheapest route from `source` to every node under `arc_cost` (one non-negative cost per
  // arc): fills `cost` (infinity where unreachable) and `via` (the arc entering each node on its
  // cheapest route; arc_count() for the source and unreachable nodes). Ties break on arc order.
  void cheapest_routes(NodeIndex source, std::span<const double> arc_cost, std::vector<double>& cost,
                       std::vector<ArcIndex>& via) const;
  // The cheapest route of at most `max_legs` arcs from `source` to any of `targets` (the first
  // target on ties, then the fewest legs), in travel order; empty if none is that close.
  // The arcs whose start can be reached from one of `sources`, in index order.
  std::vector<ArcIndex> arcs_reachable_from(std::span<const NodeIndex> sources) const;
  std::vector<ArcIndex> cheapest_route_within(NodeIndex source, std::span<const NodeIndex> targets,
                                              std::span<const double> arc_cost, std::size_t max_legs) const;
  // The arcs from `source` to `target` read off `via`, in travel order (empty if unreachable).
  std::vector<ArcIndex> route_to(NodeIndex source, NodeIndex target, const std::vector<ArcIndex>& via) const;

 private:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_index_t, std::size_t>>;
  std::vector<Node> nodes_;
  std::vector<Arc> arcs_;
  Graph graph_;
};

double mean_of(const Distribution& d);

}  // namespace bstp::border
