// A country: its patrol sectors, police and the officers of its checkpoints. It moves shipments
// across its territory, decides what its patrols and checkpoint officers detect and what follows
// (bribe, confrontation, seizure, escape), trains officers, and shares intelligence with
// partners. Its checkpoints' lanes and legitimate traffic are LPs of their own (checkpoint_lp.hpp).
#pragma once

#include "community_committees.hpp"
#include "compiled_scenario.hpp"
#include "contestation.hpp"
#include "corruption.hpp"
#include "enforcement.hpp"
#include "events.hpp"
#include "indicator_collector.hpp"
#include "lp_layout.hpp"
#include "officer_posts.hpp"
#include "order_costs.hpp"
#include "patrol_roster.hpp"
#include "police_force.hpp"
#include "situation_tally.hpp"

#include <bstp/bstp.hpp>

#include <optional>
#include <vector>

namespace bstp::border {

class CountryLp final : public LogicalProcess {
 public:
  CountryLp(const CompiledScenario& scenario, int country, std::uint64_t replication);

  void start(Context& ctx) override;
  // Closes the books at the horizon (time integrals of queues, the patrol units' days).
  void finish(Time horizon);
  const IndicatorCollector& indicators() const { return indicators_; }

  // Read-only views of the country's state between steps of a run (a tabletop exercise's
  // situation report; docs/tabletop.md). None changes the course of the run.
  const SituationTally& tally() const { return tally_; }
  // Where unit u (of this country) is at the current time `now`.
  PatrolRoster::Whereabouts unit_whereabouts(int u, Time now) { return roster_.where(u, now, now); }
  // Whether this country's officers share seizure reports with `partner` (by the scenario or by order).
  bool shares_with(int partner) const;
  double officers_on_the_line() const { return police_.availability(); }
  double skill(Time now) const { return police_.skill(now, scenario_.scenario().training.method_use_share); }

 private:
  // Event handlers.
  void shipment_arrives(const ShipmentArrives& e, Context& ctx);
  void shipment_arrives_from_watched_leg(const ShipmentArrivesFromWatchedLeg& e, Context& ctx);
  void shipment_clears_checkpoint(const ShipmentClearsCheckpoint& e, Context& ctx);
  void cohort_starts(const CohortStarts& e, Context& ctx);
  void cohort_graduates(const CohortGraduates& e, Context& ctx);
  void seam_alert_received(const SeamAlert& e, Context& ctx);
  void lookouts_report(const LookoutsReport& e, Context& ctx);
  void order_arrives(const OrderArrives& e, Context& ctx);
  void roll_call(const RollCall& e, Context& ctx);
  // Standing protection, bought again after each rotation (branch corruption-levers).
  void protection_offered(const ProtectionOffered& e, Context& ctx);
  // Organisation o offers its payment to each of this country's units it buys protection in, as
  // the officers posted in rotation `period` take their posts; the captures last to the period's
  // end. Attacks on units that refused under threat are kept for attacks_made.
  void offer_protection_to_units(int organisation, std::uint64_t period, Time now);
  // Records the attacks of the last offers (violent incidents against officers), at `now`.
  void attacks_made(Time now);
  // Whether unit u looks away from organisation o's loads at `now` (captured, in the period of its capture).
  bool looking_away(int organisation, int unit, Time now) const;
  // P(a non-deadly violent incident is reported): community trust, with the committees' rise.
  double reporting_probability(Time now) const { return trust_.reporting_probability(now, committees_.trust_gain(now)); }
  const CohortParams& cohort(std::uint16_t index) const;

  // The steps of a shipment's journey through this country.
  void shipment_reaches_node(Cargo cargo, Context& ctx);
  void shipment_sets_off(Cargo cargo, Context& ctx);
  // Whether the units on the leg detect a shipment passing it during [from, to]; if so, the post
  // (unit) whose officers detected it (-1 for a leg with a fixed detection probability). Units
  // captured by the organisation's standing protection look away.
  // `hazard` multiplies the detection hazard of this load (its size, the organisation's violence
  // under conditional enforcement; 1 for neither).
  std::optional<int> patrols_detect(ArcIndex leg, int organisation, Time from, Time to, Time now, RandomStream& draws,
                                    double hazard);
  // The multiplier of the detection hazard of `cargo`: its size against the reference load (load
  // splitting) times its organisation's targeting weight (conditional enforcement).
  double detection_hazard(const Cargo& cargo, Time now) const;
  enum class Encounter { passes, seized };
  // A detected shipment may retreat to the start of leg `cargo.leg` before the officers reach it:
  // then its organisation is told, to send it again, and this returns true.
  bool detected_shipment_turns_back(const Cargo& cargo, Context& ctx);
  // The officers of `post` (-1: the country's officers at large) face a detected shipment.
  Encounter officers_confront(Cargo& cargo, int seam_partner, int post, Context& ctx, RandomStream& draws);
  void shipment_delivered(const Cargo& cargo, Context& ctx);
  // Groups may fight over the node a load reaches (contestation); then the load is counted there.
  void groups_contest_node(const Cargo& cargo, NodeIndex node, Context& ctx);
  // Draws for violence, apart from the shipment's other streams (so that turning violence on
  // leaves the other draws as they were).
  RandomStream violence_draws(const Cargo& cargo, std::uint64_t step) const;
  void report_to_organisation(const Cargo& cargo, Fate fate, Context& ctx) const;
  void share_intelligence(ArcIndex leg, Context& ctx) const;

  RandomStream shipment_draws(const Cargo& cargo, std::uint64_t step) const;
  // How long the shipment takes over leg `leg` of its route (drawn from its own stream, so the
  // same whichever country asks).
  Time passage_ticks(Cargo cargo, int leg) const;
  double alert_multiplier(ArcIndex leg, Time now) const;
  // Whether a joint patrol ordered during the run pairs leg's sector with one across the leg.
  bool joint_patrol_ordered(ArcIndex leg) const;
  bool hot_pursuit_with(int partner) const;

  const CompiledScenario& scenario_;
  int country_;
  std::uint64_t replication_;
  LpLayout layout_;
  PoliceForce police_;
  OfficerPosts officers_;
  PatrolRoster roster_;
  IndicatorCollector indicators_;
  std::vector<Time> alerted_until_;                // per partner country
  Contestation contestation_;
  CommunityTrust trust_;
  ViolenceRecord violence_record_;                 // conditional enforcement: each organisation's recent violence
  std::vector<std::vector<bool>> captured_;  // [organisation][unit]: captured by its protection (this rotation period)
  // Protection by rotation period (branch corruption-levers).
  Time rotation_ = 0;                              // rotation period of this country's patrol officers (0: none)
  std::vector<Time> captured_from_, captured_until_;  // per organisation: when its current captures hold
  struct CaptureSpell {
    int organisation;
    Time from, until;  // until: kNever to the end of the run
    int collusive, coercive;
  };
  std::vector<CaptureSpell> spells_;               // every period's captures, in the order made
  std::vector<ProtectionOffer> attacks_;           // attacks of the last offers, not yet recorded
  CommunityCommittees committees_;
  std::vector<double> alert_boost_;                // per partner country: the boost of its last alert
  SituationTally tally_;
  // Orders given during the run (OrderArrives).
  struct Sharing {
    bool on = false;
    Time delay = 0, alert = 0;
    double boost = 0.0;
  };
  std::vector<Sharing> sharing_ordered_;           // per partner country
  std::vector<std::pair<int, int>> joint_patrols_ordered_;  // (my sector, partner's sector)
  std::vector<bool> hot_pursuit_ordered_;          // per partner country
  std::vector<bool> closed_edges_;                 // per edge: closed by an order
  std::vector<CohortParams> ordered_cohorts_;      // cohorts started by orders (CohortStarts index: the scenario's, then these)
  OrderCosts order_costs_;
  std::vector<double> miss_;                       // scratch: per unit of a sector, P(it misses a passage)
};

}  // namespace bstp::border
