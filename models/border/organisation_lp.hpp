// A trafficking organisation: it sends shipments from its sources to the destination its
// perceived costs favour, learns the risk of each leg from its own losses with a memory that
// fades (so pressure in one place pushes flow elsewhere), and ships less when expected profit
// falls (deterrence).
#pragma once

#include "compiled_scenario.hpp"
#include "events.hpp"
#include "indicator_collector.hpp"

#include <bstp/bstp.hpp>

#include <vector>

namespace bstp::border {

class OrganisationLp final : public LogicalProcess {
 public:
  OrganisationLp(const CompiledScenario& scenario, int organisation, std::uint64_t replication);

  void start(Context& ctx) override;
  const IndicatorCollector& indicators() const { return indicators_; }
  // The risk the organisation perceives on a leg now (for tests and reports).
  double perceived_risk(ArcIndex leg, Time now) const;
  // The share of recent passages of `leg` that took a bribe, against the prior weight (0 without either).
  double bribe_rate(ArcIndex leg, Time now) const;

 private:
  void next_shipment(const NextShipment& e, Context& ctx);
  void shipment_reported(const ShipmentReported& e, Context& ctx);
  void units_sighted(const UnitsSighted& e, Context& ctx);
  void shipment_turned_back(const ShipmentTurnedBack& e, Context& ctx);

  struct Plan {
    std::vector<ArcIndex> route;
    double success = 1.0;            // perceived P(delivered)
    double reference_success = 1.0;  // the same route at the prior risk
    double hours = 0.0;
    double expected_bribes_usd = 0.0;
  };
  Plan cheapest_plan(NodeIndex source, double load_value_usd, Time now) const;
  double willingness_to_ship(const Plan& plan, double kg, Time now) const;

  // A quantity that fades with the organisation's memory half-life.
  struct Faded {
    double value = 0.0;
    Time at = 0;
  };
  double faded(const Faded& f, Time now) const;
  void add(Faded& f, Time now, double x) const;

  const CompiledScenario& scenario_;
  const OrganisationParams& params_;
  int organisation_;
  std::uint64_t replication_;
  RandomStream draws_;
  IndicatorCollector indicators_;
  std::uint64_t sequence_ = 0;
  std::vector<Faded> attempts_, losses_, bribes_;  // per arc
  Faded resolved_, lost_;                           // shipments
  std::vector<Faded> sightings_;                    // per arc: units the lookouts saw on it
  std::vector<Faded> days_watched_;                 // per country: days of lookout reports
  std::vector<std::vector<ArcIndex>> arcs_of_edge_; // per edge: its one or two arcs
};

}  // namespace bstp::border
