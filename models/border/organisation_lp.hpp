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
  // The risk the organisation gives a leg it has not tried: prior_risk, or 1 - exp(-hazard x hours)
  // by the leg's mode (risk.prior_risk_per_hour).
  double prior_risk(ArcIndex leg) const { return prior_risk_[leg]; }
  // The route a load of this value from `source` takes now; `pick` in [0, 1) is the uniform draw
  // of a logit choice (unused by the cheapest rule). For tests and reports.
  std::vector<ArcIndex> planned_route(NodeIndex source, double load_value_usd, Time now, double pick = 0.0) const {
    return plan_route(source, load_value_usd, now, pick).route;
  }
  // The share of recent passages of `leg` that took a bribe, against the prior weight (0 without either).
  double bribe_rate(ArcIndex leg, Time now) const;

 private:
  Time gap_to_next_shipment();
  void shipment_blocked(const ShipmentBlocked& e, Context& ctx);
  void leg_closed(const LegClosed& e, Context& ctx);
  // Sends `cargo` on from the start of its leg `cargo.leg` by `route` (a new attempt).
  void send_again(Cargo cargo, const std::vector<ArcIndex>& route, Context& ctx, Time after);
  void next_shipment(const NextShipment& e, Context& ctx);
  void shipment_reported(const ShipmentReported& e, Context& ctx);
  void units_sighted(const UnitsSighted& e, Context& ctx);
  void shipment_turned_back(const ShipmentTurnedBack& e, Context& ctx);

  struct Plan {
    std::vector<ArcIndex> route;
    bool blocked = false;  // every route to a destination crosses a closed leg: route is empty
    double success = 1.0;            // perceived P(delivered)
    double reference_success = 1.0;  // the same route at the prior risk
    double hours = 0.0;
    double expected_bribes_usd = 0.0;
  };
  // `hazard`: the detection hazard of this load relative to a reference load (load splitting).
  Plan plan_route(NodeIndex source, double load_value_usd, Time now, double pick, double hazard = 1.0) const;
  std::vector<double> leg_costs(double load_value_usd, Time now, double hazard) const;
  // The expected profit of sending `kg` by the plan as `loads` loads of kg / loads each (load
  // splitting), and the probability that deterrence leaves of sending it.
  struct Prospect {
    double expected_profit = 0.0;
    double willingness = 0.0;
  };
  Prospect prospect_of(const Plan& plan, double kg, Time now, int loads = 1) const;
  // What one more load costs: its couriers, its time on the road and the fixed cost per load.
  double cost_per_load(const Plan& plan) const;
  // Sends one load of `kg` from `source` by `route` (a new shipment).
  void send_load(double kg, NodeIndex source, const Plan& plan, Context& ctx);
  double courier_wage() const;

  // A quantity that fades with the organisation's memory half-life.
  struct Faded {
    double value = 0.0;
    Time at = 0;
  };
  double faded(const Faded& f, Time now) const;
  void add(Faded& f, Time now, double x) const;
  // days_watched_[country] faded to `now`, worked out once per country and instant.
  double days_watched(int country, Time now) const;

  const CompiledScenario& scenario_;
  const OrganisationParams& params_;
  int organisation_;
  std::uint64_t replication_;
  RandomStream draws_;
  RandomStream route_draws_;  // logit route choice only, so that the cheapest rule draws as before
  std::vector<double> prior_risk_;  // per arc
  IndicatorCollector indicators_;
  std::uint64_t sequence_ = 0;
  std::vector<Faded> attempts_, losses_, bribes_;  // per arc
  Faded resolved_, lost_;                           // shipments
  std::vector<Faded> sightings_;                    // per arc: units the lookouts saw on it
  std::vector<Faded> days_watched_;                 // per country: days of lookout reports
  std::vector<std::vector<ArcIndex>> arcs_of_edge_; // per edge: its one or two arcs
  std::vector<bool> closed_;                        // per arc: closed by an order, as last heard
  // Caches of pure functions, so that planning a route over a large network does not work out
  // again what has not changed (same inputs, same bits): per arc, the last risk and its
  // exposure -log(1 - risk); per country, the days watched at an instant.
  mutable std::vector<double> risk_seen_, exposure_seen_;
  // The arcs its shipments can reach from its sources (all of a connected network); the others'
  // costs are never looked at by a route search from a source, so they are not worked out.
  std::vector<ArcIndex> reachable_arcs_;
  mutable std::vector<Time> days_watched_at_;
  mutable std::vector<double> days_watched_now_;
  double resistance_;                               // P(its couriers fight), adapted under conditional enforcement
};

}  // namespace bstp::border
