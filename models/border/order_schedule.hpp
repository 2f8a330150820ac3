// Checking a scenario's `orders:` schedule when the scenario is read: each order in the order
// language (order_language.hpp) against the compiled scenario, its values as patches of the
// scenario on top of the orders before it, each reported at its line like any other value.
#pragma once

#include "scenario.hpp"
#include "yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

namespace bstp::border::yaml {

// Reports every order that cannot be given; `tree` is the scenario's YAML as read (patched).
// Call only on a scenario with no other problem (the orders are checked on its compiled form).
void check_orders(Reader& r, const Scenario& scenario, const YAML::Node& tree);

}  // namespace bstp::border::yaml
