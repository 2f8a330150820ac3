// A design point of the border model as planned (experiment_plan.hpp): its compiled scenario
// and where its countries, patrol units and organisations go in the results.
#pragma once

#include "experiment/experiment_results.hpp"

#include <border/compiled_scenario.hpp>

#include <memory>
#include <vector>

namespace bstp::tools {

struct PlannedPoint {
  experiment::DesignPoint point;
  std::shared_ptr<const border::CompiledScenario> scenario;
  // by_country position i of the results holds the model's country country_order[i] (the model
  // numbers countries alphabetically, results list them in scenario order); empty = as is.
  std::vector<std::size_t> country_order{};
  // by_unit position i of the results holds the model's unit unit_order[i], by_organisation
  // position i its organisation organisation_order[i] (kNone: the point has no such unit or
  // organisation, NaN); empty = as is.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> unit_order{};
  std::vector<std::size_t> organisation_order{};
};

// One replication of a planned point, its per-country and per-organisation values in scenario
// order, its per-unit values in the experiment's unit order.
border::ReplicationResult simulate(const PlannedPoint& point, std::size_t replication, unsigned lp_threads);

}  // namespace bstp::tools
