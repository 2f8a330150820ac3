// Who is who in a border replication: the LP ids of countries, organisations and checkpoints,
// and the entity ids that key the random streams.
#pragma once

#include "compiled_scenario.hpp"

#include <bstp/bstp.hpp>

#include <cstdint>

namespace bstp::border {

// LP ids of the border model: countries first (in scenario order), then organisations, then
// checkpoints (each checkpoint's lanes and legitimate traffic are an LP of their own).
struct LpLayout {
  int countries = 0;
  int organisations = 0;
  LpId country(int c) const { return static_cast<LpId>(c); }
  LpId organisation(int o) const { return static_cast<LpId>(countries + o); }
  LpId checkpoint(int k) const { return static_cast<LpId>(countries + organisations + k); }
};

inline LpLayout lp_layout(const CompiledScenario& scenario) {
  return {static_cast<int>(scenario.countries.size()), static_cast<int>(scenario.organisations.size())};
}

// Entity ids for random streams: a kind in the top bits, the entity's own index below.
namespace entity {
inline std::uint64_t shipment(std::uint64_t id) { return (std::uint64_t{1} << 60) | id; }
inline std::uint64_t organisation(int o) { return (std::uint64_t{2} << 60) | static_cast<std::uint64_t>(o); }
inline std::uint64_t checkpoint(int c) { return (std::uint64_t{3} << 60) | static_cast<std::uint64_t>(c); }
// kind 4: patrol units (patrol_roster.hpp)
}  // namespace entity

}  // namespace bstp::border
