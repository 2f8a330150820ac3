#include "corruption.hpp"

#include "patrol_roster.hpp"

#include <algorithm>

namespace bstp::border {

const Audit* audit_of(const CompiledScenario& scenario, int country) {
  for (const Audit& a : scenario.scenario().corruption.audits)
    if (scenario.country_index(a.country) == country) return &a;
  return nullptr;
}

double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit) {
  const double base = trained ? police.bribe_acceptance.trained : police.bribe_acceptance.untrained;
  return monitored && audit != nullptr ? base * (1.0 - audit->acceptance_reduction) : base;
}

std::vector<std::vector<bool>> captured_units(const CompiledScenario& scenario, int country, std::uint64_t replication) {
  const std::size_t units = scenario.units.size();
  std::vector<std::vector<bool>> captured(scenario.organisations.size(), std::vector<bool>(units, false));
  const Police& police = scenario.countries[static_cast<std::size_t>(country)].police;
  const Audit* audit = audit_of(scenario, country);
  const double trained_share = scenario.initial_skill(country);
  for (std::size_t o = 0; o < scenario.organisations.size(); ++o) {
    const Protection& protection = scenario.organisations[o].spec.protection;
    for (std::size_t u = 0; u < units; ++u) {
      const SectorParams& sector = scenario.sectors[static_cast<std::size_t>(scenario.units[u].sector)];
      if (sector.country != country ||
          std::find(protection.sectors.begin(), protection.sectors.end(), sector.id) == protection.sectors.end())
        continue;
      // The unit's own stream for this organisation's offer, apart from its placement draws.
      RandomStream draws(StreamId{scenario.scenario().seed, replication, entity::patrol_unit(static_cast<int>(u)),
                                  (std::uint64_t{1} << 48) | static_cast<std::uint64_t>(o)});
      const bool monitored = audit != nullptr && draws.bernoulli(audit->share_monitored);
      const double accept = (1.0 - trained_share) * bribe_acceptance(police, false, monitored, audit) +
                            trained_share * bribe_acceptance(police, true, monitored, audit);
      captured[o][u] = draws.bernoulli(accept);
    }
  }
  return captured;
}

}  // namespace bstp::border
