// Corruption besides the spot bribe: audits that lower every monitored officer's acceptance
// (Olken's audit experiment), and standing protection, a monthly payment that captures patrol units
// so that they do not detect the paying organisation's loads (docs/model.md, "Corruption").
#pragma once

#include "compiled_scenario.hpp"

#include <cstdint>
#include <vector>

namespace bstp::border {

// The audit programme of a country, or none (share 0).
const Audit* audit_of(const CompiledScenario& scenario, int country);

// P(an officer accepts a bribe), given the country's police, the officer's training and whether
// an audit monitors the officer: acceptance x (1 - acceptance_reduction) when monitored.
double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit);

// Which patrol units of `country` each organisation has captured by standing protection:
// captured[organisation][unit] for the units of the scenario (false outside the country). A unit of
// a protected sector is captured when its officers accept, judged once per replication with the
// acceptance of the country's starting mix of trained officers and the unit's audit status.
std::vector<std::vector<bool>> captured_units(const CompiledScenario& scenario, int country, std::uint64_t replication);

}  // namespace bstp::border
