// The `map` command of a tabletop session: a compact text view of the countries the player sees,
// to project in the room (docs/tabletop.md). Per country, its sectors (units on post now of all,
// detections, seizures), the crossings on its side of the line or leading into it (kg through,
// shipments seized and escaped on the legs from them, the checkpoint's lanes or the kind of
// crossing) and its seams with each neighbour (the legs across the line, who watches them, units
// on post there).
// Reads the countries' situation tallies, as `status` does; fits 100 columns.
#pragma once

#include "catalog.hpp"

#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>

#include <functional>
#include <string>

namespace bstp::tabletop {

std::string map_view(const border::CompiledScenario& scenario, border::Replication& replication, Time now,
                     const std::function<bool(int)>& sees_country, const std::string& heading, const Catalog& tr);

}  // namespace bstp::tabletop
