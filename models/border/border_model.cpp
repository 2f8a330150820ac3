#include "border_model.hpp"

#include "country_lp.hpp"
#include "organisation_lp.hpp"

#include <bstp/bstp.hpp>

#include <chrono>
#include <vector>

namespace bstp::border {

ReplicationResult simulate_replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads) {
  const auto began = std::chrono::steady_clock::now();
  Simulation sim(SimulationOptions{scenario.horizon(), kHandoverSeconds, threads});
  std::vector<CountryLp*> countries;
  std::vector<OrganisationLp*> organisations;
  for (std::size_t c = 0; c < scenario.countries.size(); ++c)
    countries.push_back(&sim.emplace<CountryLp>(scenario, static_cast<int>(c), replication));
  for (std::size_t o = 0; o < scenario.organisations.size(); ++o)
    organisations.push_back(&sim.emplace<OrganisationLp>(scenario, static_cast<int>(o), replication));
  const RunStats stats = sim.run();

  // Merge the observers in LP order, so that floating-point sums do not depend on threads.
  IndicatorCollector all(scenario.months(), static_cast<int>(scenario.countries.size()), static_cast<int>(scenario.crossings.size()));
  for (CountryLp* c : countries) {
    c->finish(scenario.horizon());
    all.merge(c->indicators());
  }
  for (OrganisationLp* o : organisations) all.merge(o->indicators());
  ReplicationResult result = all.result(static_cast<double>(scenario.horizon()));
  result.events = stats.committed_events;
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return result;
}

}  // namespace bstp::border
