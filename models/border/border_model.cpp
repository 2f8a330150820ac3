#include "border_model.hpp"

#include "budget_check.hpp"
#include "checkpoint_lp.hpp"
#include "country_lp.hpp"
#include "lp_layout.hpp"
#include "organisation_lp.hpp"

#include <bstp/bstp.hpp>

#include <chrono>
#include <vector>

namespace bstp::border {

Replication::Replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads)
    : scenario_(scenario), began_(std::chrono::steady_clock::now()) {
  simulation_ = std::make_unique<Simulation>(SimulationOptions{scenario.horizon(), kHandoverTicks, threads});
  for (std::size_t c = 0; c < scenario.countries.size(); ++c)
    countries_.push_back(&simulation_->emplace<CountryLp>(scenario, static_cast<int>(c), replication));
  for (std::size_t o = 0; o < scenario.organisations.size(); ++o)
    organisations_.push_back(&simulation_->emplace<OrganisationLp>(scenario, static_cast<int>(o), replication));
  for (std::size_t k = 0; k < scenario.checkpoints.size(); ++k)
    checkpoints_.push_back(&simulation_->emplace<CheckpointLp>(scenario, static_cast<int>(k), replication));
  // The scenario's schedule of orders, injected as a tabletop session injects its orders (in time
  // order, so that an exercise's orders replayed as a schedule give the exercise's results).
  for (const ScheduledOrder& o : scenario.scheduled_orders) inject_order(o.country, o.at, o.event);
}

void Replication::inject_order(int country, Time at, const OrderArrives& order) {
  const LpLayout layout = lp_layout(scenario_);
  simulation_->inject(layout.country(country), at, order);
  if (order.kind == OrderKind::lanes || order.kind == OrderKind::inspection)
    simulation_->inject(layout.checkpoint(order.subject), at, order);
}

Replication::~Replication() = default;

ReplicationResult Replication::finish() {
  const RunStats stats = simulation_->run();

  // Merge the observers in LP order, so that floating-point sums do not depend on threads.
  IndicatorCollector all(scenario_);
  for (CountryLp* c : countries_) {
    c->finish(scenario_.horizon());
    all.merge(c->indicators());
  }
  for (OrganisationLp* o : organisations_) all.merge(o->indicators());
  for (CheckpointLp* k : checkpoints_) {
    k->finish(scenario_.horizon());
    all.merge(k->indicators());
  }
  ReplicationResult result = all.result(static_cast<double>(scenario_.horizon()));
  flag_over_budget(scenario_, all, result);
  result.events = stats.committed_events;
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count();
  return result;
}

ReplicationResult simulate_replication(const CompiledScenario& scenario, std::uint64_t replication, unsigned threads) {
  return Replication(scenario, replication, threads).finish();
}

}  // namespace bstp::border
