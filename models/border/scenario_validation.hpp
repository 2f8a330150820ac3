// Checks that need the whole scenario: references between sections (a node's country, an edge's
// ends, the port of entry of a checkpoint, ...), the shape of lists (a 24-hour profile, cohorts
// with countries) and whether every destination can be reached from every source.
#pragma once

#include "scenario.hpp"
#include "yaml_reader.hpp"

namespace bstp::border::yaml {

// Reports every problem to `r`, located where `read_scenario` found the value.
void check_scenario(Reader& r, const Scenario& s);

}  // namespace bstp::border::yaml
