// The events of the border model. Each is a small plain struct; a shipment carries its route so
// that any country's LP can move it along without asking the organisation.
#pragma once

#include "border_graph.hpp"
#include "scenario_bounds.hpp"

#include <bstp/logical_process.hpp>

#include <cstdint>

namespace bstp::border {

inline constexpr std::size_t kMaxRouteLegs = bounds::kMaxRouteLegs;

static_assert(kMaxRouteLegs <= 32, "Cargo::bribed_legs holds one bit per leg");

struct Cargo {
  std::uint64_t shipment = 0;     // (organisation << 40) | its sequence number
  std::uint32_t sent_at = 0;      // whole seconds (not ticks) from the start when its organisation sent it (the horizon fits)
  std::uint32_t bribed_legs = 0;  // bit h set: a bribe was paid on leg h
  float kg = 0.0f;
  std::uint16_t organisation = 0;
  std::uint8_t leg = 0;           // next leg to travel (== legs: at the destination)
  std::uint8_t legs = 0;
  std::uint8_t found_at_checkpoint = 0;  // set while it waits in a lane after contraband was found
  std::uint8_t attempt = 0;       // turn-backs so far: each new attempt draws from streams of its own
  std::uint8_t detected_by = 0;   // 1 + the country that last detected it in this attempt (0 = never detected)
  std::uint8_t resumes = 0;       // set when it sets off again after a turn-back (its node was already passed)
  std::uint8_t violent_incidents = 0;  // violent confrontations with officers so far (saturates at 255)
  std::uint8_t resistance = 0;    // conditional enforcement: P(its couriers fight when detected and not bribed) x 255
  std::uint16_t detected_at = 0;  // who last detected it in this attempt: 0 nobody, 1 a country's officers at large, 2 + post (0xFFFF: a post beyond)
  ArcIndex route[kMaxRouteLegs] = {};
};
static_assert(sizeof(Cargo) <= kMaxPayloadBytes);
static_assert(bounds::kMaxCountries < 255, "Cargo::detected_by holds 1 + a country index");

// Organisation -> country, or country -> country: the shipment reaches the start of leg `leg`.
struct ShipmentArrives {
  Cargo cargo;
};
// As ShipmentArrives, but the receiving country's patrols watched the leg just travelled.
struct ShipmentArrivesFromWatchedLeg {
  Cargo cargo;
};
// Country -> organisation: a detected shipment retreated to the start of leg `cargo.leg` (a
// turn-back); the organisation sends it again from there, by the route it then prefers.
struct ShipmentTurnedBack {
  Cargo cargo;
};
// Country -> organisation: the shipment found leg `cargo.leg` closed (an order) and waits at its
// start; the organisation sends it on by an open route, or lets it wait.
struct ShipmentBlocked {
  Cargo cargo;
};
// Country -> organisation: an edge was closed or opened (an order); organisations learn of it one
// handover later.
struct LegClosed {
  std::uint32_t edge = 0;
  std::uint8_t closed = 1;
};
// Country -> checkpoint, one hand-over (kHandoverTicks) after the shipment reached the
// checkpoint's node: it joins the lanes. `cargo.found_at_checkpoint` says whether a secondary
// inspection would find the contraband (drawn by the country from its officers' skill); the
// checkpoint draws the inspections and keeps it set only if there is one.
struct ShipmentJoinsLanes {
  Cargo cargo;
};
// Checkpoint -> country: the shipment leaves a lane (at the earliest one hand-over after it joined).
struct ShipmentClearsCheckpoint {
  Cargo cargo;
};

enum class Fate : std::uint8_t { delivered, seized };

// Country -> organisation, after the reporting delay: what became of a shipment.
struct ShipmentReported {
  std::uint64_t shipment = 0;
  std::uint32_t bribed_legs = 0;
  float kg = 0.0f;
  Fate fate = Fate::delivered;
  std::uint8_t lost_on_leg = 0;  // for seized: the leg (or the checkpoint at its start) where it was lost
  std::uint8_t legs = 0;
  std::uint8_t detected_by = 0;        // as Cargo's (for the trace)
  std::uint8_t violent_incidents = 0;  // as Cargo's
  std::uint16_t detected_at = 0;       // as Cargo's
  ArcIndex route[kMaxRouteLegs] = {};
};
static_assert(sizeof(ShipmentReported) <= kMaxPayloadBytes);

// Country -> organisation, after the lookouts' delay: the posts (edge indices) where the
// organisation's lookouts saw this country's patrol units in the shifts of one day. A day with
// more sightings than fit in one event sends several; `first` marks the first of them.
inline constexpr std::size_t kMaxSightings = 40;
struct UnitsSighted {
  std::uint16_t country = 0;
  std::uint8_t first = 1;
  std::uint8_t count = 0;
  std::uint16_t edges[kMaxSightings] = {};
};
static_assert(sizeof(UnitsSighted) <= kMaxPayloadBytes);

struct NextShipment {};                          // organisation, self
// Checkpoint, self: at the end of every hour (its last tick), the legitimate traffic of the hour
// is served (each vehicle at its own arrival time; see CheckpointLp::serve_legitimate_traffic_until).
struct TrafficHourEnds {};
struct CohortStarts { std::uint16_t cohort; };   // country, self
struct CohortGraduates { std::uint16_t cohort; };
// Country -> partner country: a seizure on their seam; the partner's patrols on it stay alerted
// for `alert` seconds, detecting (1 + boost) times as well.
struct SeamAlert {
  std::uint16_t from_country = 0;
  Time alert = 0;
  double boost = 0.0;
};
struct LookoutsReport {};                        // country, self: once a day, what lookouts saw the day before
struct RollCall {};                              // country, self: once a day, the officers at their posts are counted
// Country, self (branch corruption-levers): with rotation, organisation `organisation` offers its
// protection payment to the officers posted at rotation `period` (docs/model.md, "Corruption").
struct ProtectionOffered {
  std::uint16_t organisation = 0;
  std::uint32_t period = 0;
};

// An order given during a run (a tabletop exercise, tools/tabletop; docs/tabletop.md), delivered
// to the country whose forces it concerns at the moment it is given. What the fields mean
// depends on the kind:
//   post_unit           subject = unit (CompiledScenario::units), target = edge of the new post
//   withdraw_unit       subject = unit
//   release_unit        subject = unit (back to its sector's placement)
//   placement           subject = sector, target = Placement
//   lanes               subject = checkpoint, target = open lanes
//   inspection          subject = checkpoint, value[0] = P(primary inspection)
//   share_intelligence  subject = partner country; value = {delay_days, alert_days, alert_detection_boost}
//   joint_patrol        subject = one of this country's sectors, target = the partner's sector
//   hot_pursuit         subject = partner country
//   train_cohort        subject = this country, target = seats; value = {weeks, cost per seat}
//   observe             subject = this country, target = sector (-1: every post of the country);
//                       value = {days, method-use boost, spillover}
//   close_leg, open_leg target = edge (both its arcs): to each country at either end
enum class OrderKind : std::uint8_t {
  post_unit,
  withdraw_unit,
  release_unit,
  placement,
  lanes,
  inspection,
  share_intelligence,
  joint_patrol,
  hot_pursuit,
  train_cohort,
  observe,
  close_leg,
  open_leg
};
struct OrderArrives {
  OrderKind kind = OrderKind::post_unit;
  std::uint16_t subject = 0;
  std::int32_t target = -1;
  double value[3] = {0.0, 0.0, 0.0};
};

}  // namespace bstp::border
