// What a load is worth to its organisation along the way, and where a shipment goes: the value
// of the product rises along the route from its purchase cost at the source to its wholesale value
// at the destination (Caulkins & Reuter: a seizure costs the traffickers the replacement cost where
// it happens, not the price at the destination), and a shipment the border network deters goes
// to the organisation's outside option when that pays (docs/model.md, "Traffickers' economics").
#pragma once

#include "border_graph.hpp"
#include "scenario.hpp"

#include <span>

namespace bstp::border {

// The replacement cost per kg of a load that has travelled the first `legs_done` legs of `route`:
// purchase cost + (value - purchase cost) x (hours travelled / route hours), by mean travel hours.
double replacement_value_per_kg(const Organisation& o, const BorderGraph& graph, std::span<const ArcIndex> route,
                                std::size_t legs_done);

// The expected profit of sending `kg` by the outside option (-infinity when there is none).
double outside_option_profit(const Organisation& o, double kg);

// Where a candidate shipment goes.
enum class ShipmentChoice { network, outside_option, deterred };

// The choice, given the expected profit on the network, the probability of shipping on the network
// that deterrence leaves (willingness), the outside option's profit and a uniform draw `go`:
// the outside option when it pays at least as much as the network; else the network with
// probability `willingness`; else the outside option if it pays at all; else nothing.
ShipmentChoice choose_shipment(double network_profit, double willingness, double outside_profit, double go);

// The least a courier accepts for one trip: `courier_premium` x the outside wage for `trip_days`,
// the outside wage being the local wage, raised when the jobs programme is on by the share of the
// youth pool it employs times the gap to its wage (0 when no local wage is given).
double recruitment_wage(const Economy& economy);

}  // namespace bstp::border
