// Small scenarios written as YAML text, and helpers to run them: the model is tested through the
// documented scenario format, as users drive it.
#pragma once

#include <border/border_model.hpp>
#include <border/compiled_scenario.hpp>
#include <border/scenario_loader.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace bstp::border::testing {

inline CompiledScenario compile(const std::string& yaml, const std::string& policy = "",
                                const std::vector<Override>& overrides = {}) {
  return CompiledScenario(ScenarioDocument::from_text(yaml, "test.yaml").resolve(policy, overrides));
}

// The indicator's total in each of `replications` replications.
inline std::vector<double> totals(const CompiledScenario& s, Indicator i, int replications) {
  std::vector<double> v;
  for (int r = 0; r < replications; ++r) v.push_back(simulate_replication(s, static_cast<std::uint64_t>(r)).totals[static_cast<std::size_t>(i)]);
  return v;
}

struct Sample {
  double mean = 0.0;
  double standard_error = 0.0;
};
inline Sample sample_of(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  double squares = 0.0;
  for (double x : v) squares += (x - mean) * (x - mean);
  return {mean, std::sqrt(squares / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()))};
}
inline std::vector<double> minus(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size(); ++i) d.push_back(a[i] - b[i]);
  return d;
}

// Nodes `src` (a landing) and `dst` (a hub) of country AA and the one leg between them, 2 hours
// long, with `leg` added to the leg's fields (e.g. "sector: s, exposure: 1").
inline std::string one_leg(const std::string& leg) {
  return "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {from: src, to: dst, travel_hours: {dist: fixed, mean: 2}" +
         (leg.empty() ? std::string() : ", " + leg) + "}\n";
}

// A country block with no corruption or violence unless the test asks for it.
inline std::string country(const std::string& id, int officers = 100, double share_trained = 0.0, double bribe_untrained = 0.0,
                           double bribe_trained = 0.0) {
  return "  " + id + ":\n    name: " + id + "\n    police: {officers: " + std::to_string(officers) +
         ", share_trained: " + std::to_string(share_trained) + ", bribe_acceptance: {untrained: " + std::to_string(bribe_untrained) +
         ", trained: " + std::to_string(bribe_trained) + "}, use_of_force: {untrained: 0, trained: 0}}\n";
}

// An organisation that ships `per_month` fixed 100 kg loads from `sources` to `destinations`.
inline std::string organisation(const std::string& id, const std::string& sources, const std::string& destinations, double per_month,
                                const std::string& perception = "learned", double elasticity = 0.0, double cost_of_time = 0.0,
                                double bribe = 0.0, double fight = 0.0) {
  return "  " + id + ":\n    sources: [" + sources + "]\n    destinations: [" + destinations + "]\n    shipments_per_month: " +
         std::to_string(per_month) +
         "\n    shipment_kg: {dist: fixed, mean: 100}\n    value_per_kg_usd: 10000\n    cost_of_time_usd_per_hour: " +
         std::to_string(cost_of_time) + "\n    transport_cost_usd_per_kg: 100\n    bribe_offer_share: 0.05\n    propensity_to_bribe: " +
         std::to_string(bribe) + "\n    propensity_to_fight: " + std::to_string(fight) +
         "\n    couriers_per_shipment: 2\n    risk: {perception: " + perception +
         ", prior_risk: 0.05, prior_weight: 5, memory_half_life_days: 60, risk_aversion: 1}\n    loss_tolerance: 1.0\n"
         "    deterrence_elasticity: " + std::to_string(elasticity) + "\n    reporting_delay_days: 1\n";
}

}  // namespace bstp::border::testing
