// The scenario format as tables of fields: which keys each section has, their types, which are
// required and what range each number must lie in. Reading a tree with these tables checks types,
// unknown and missing keys, ranges and distribution parameters; references between sections are
// checked afterwards (scenario_validation.hpp).
#pragma once

#include "scenario.hpp"
#include "yaml_reader.hpp"

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::border::yaml {

// Reads a whole scenario tree; problems go to `r`. Edge ids default to "from-to".
Scenario read_scenario(Reader& r, const YAML::Node& root);

// The `policies` section of a scenario's root alone (empty when it has none).
std::vector<Policy> read_policies_section(Reader& r, const YAML::Node& root);

// The keys of the format, for checking policy and override paths.
const Shape& scenario_shape();

// Names of the transport modes (road, trail, ...), as written in scenarios.
std::vector<std::string> mode_names();

// A YAML value as one line of flow-style text (how Policy::set stores values).
std::string flow_text(const YAML::Node& node);

}  // namespace bstp::border::yaml
