// A country: its checkpoints, patrol sectors and police. It moves shipments across its territory,
// decides what its patrols and checkpoints detect and what follows (bribe, confrontation, seizure,
// escape), serves legitimate traffic, trains officers, and shares intelligence with partners.
#pragma once

#include "checkpoint_queue.hpp"
#include "compiled_scenario.hpp"
#include "events.hpp"
#include "indicator_collector.hpp"
#include "patrol_roster.hpp"
#include "police_force.hpp"

#include <bstp/bstp.hpp>

#include <vector>

namespace bstp::border {

// LP ids of the border model: countries first (in scenario order), then organisations.
struct LpLayout {
  int countries = 0;
  LpId country(int c) const { return static_cast<LpId>(c); }
  LpId organisation(int o) const { return static_cast<LpId>(countries + o); }
};

// Entity ids for random streams: a kind in the top bits, the entity's own index below.
namespace entity {
inline std::uint64_t shipment(std::uint64_t id) { return (std::uint64_t{1} << 60) | id; }
inline std::uint64_t organisation(int o) { return (std::uint64_t{2} << 60) | static_cast<std::uint64_t>(o); }
inline std::uint64_t checkpoint(int c) { return (std::uint64_t{3} << 60) | static_cast<std::uint64_t>(c); }
// kind 4: patrol units (patrol_roster.hpp)
}  // namespace entity

class CountryLp final : public LogicalProcess {
 public:
  CountryLp(const CompiledScenario& scenario, int country, std::uint64_t replication);

  void start(Context& ctx) override;
  // Closes the books at the horizon (time integrals of queues, the patrol units' days).
  void finish(Time horizon);
  const IndicatorCollector& indicators() const { return indicators_; }

 private:
  // Event handlers.
  void shipment_arrives(const ShipmentArrives& e, Context& ctx);
  void shipment_arrives_from_watched_leg(const ShipmentArrivesFromWatchedLeg& e, Context& ctx);
  void shipment_clears_checkpoint(const ShipmentClearsCheckpoint& e, Context& ctx);
  void vehicle_arrives(const VehicleArrives& e, Context& ctx);
  void cohort_starts(const CohortStarts& e, Context& ctx);
  void cohort_graduates(const CohortGraduates& e, Context& ctx);
  void seam_alert_received(const SeamAlert& e, Context& ctx);
  void lookouts_report(const LookoutsReport& e, Context& ctx);

  // The steps of a shipment's journey through this country.
  void shipment_reaches_node(Cargo cargo, Context& ctx);
  void shipment_sets_off(Cargo cargo, Context& ctx);
  // Whether the units on the leg detect a shipment passing it during [from, to].
  bool patrols_detect(ArcIndex leg, Time from, Time to, Time now, RandomStream& draws);
  enum class Encounter { passes, seized };
  Encounter officers_confront(Cargo& cargo, int seam_partner, Context& ctx, RandomStream& draws);
  void shipment_delivered(const Cargo& cargo, Context& ctx);
  // A vehicle (legitimate or carrying a shipment) got an inspection: its cost.
  void inspection_made(Time t, bool secondary);
  void report_to_organisation(const Cargo& cargo, Fate fate, Context& ctx) const;
  void share_intelligence(ArcIndex leg, Context& ctx) const;

  RandomStream shipment_draws(const Cargo& cargo, std::uint64_t step) const;
  // How long the shipment takes over leg `leg` of its route (drawn from its own stream, so the
  // same whichever country asks).
  Time passage_seconds(Cargo cargo, int leg) const;
  double alert_multiplier(ArcIndex leg, Time now) const;

  const CompiledScenario& scenario_;
  int country_;
  std::uint64_t replication_;
  LpLayout layout_;
  PoliceForce police_;
  PatrolRoster roster_;
  IndicatorCollector indicators_;
  std::vector<int> my_checkpoints_;
  std::vector<CheckpointQueue> queues_;            // per checkpoint of the scenario (only mine used)
  std::vector<RandomStream> arrival_draws_, service_draws_;  // per checkpoint
  std::vector<Time> alerted_until_;                // per partner country
};

}  // namespace bstp::border
