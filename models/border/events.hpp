// The events of the border model. Each is a small plain struct; a shipment carries its route so
// that any country's LP can move it along without asking the organisation.
#pragma once

#include "border_graph.hpp"
#include "scenario_bounds.hpp"

#include <bstp/logical_process.hpp>

#include <cstdint>

namespace bstp::border {

inline constexpr std::size_t kMaxRouteLegs = bounds::kMaxRouteLegs;

struct Cargo {
  std::uint64_t shipment = 0;     // (organisation << 40) | its sequence number
  std::uint64_t bribed_legs = 0;  // bit h set: a bribe was paid on leg h
  float kg = 0.0f;
  std::uint16_t organisation = 0;
  std::uint8_t leg = 0;           // next leg to travel (== legs: at the destination)
  std::uint8_t legs = 0;
  std::uint8_t found_at_checkpoint = 0;  // set while it waits in a lane after contraband was found
  ArcIndex route[kMaxRouteLegs] = {};
};
static_assert(sizeof(Cargo) <= kMaxPayloadBytes);

// Organisation -> country, or country -> country: the shipment reaches the start of leg `leg`.
struct ShipmentArrives {
  Cargo cargo;
};
// As ShipmentArrives, but the receiving country's patrols watched the leg just travelled.
struct ShipmentArrivesFromWatchedLeg {
  Cargo cargo;
};
// Self: the shipment leaves a checkpoint's lane.
struct ShipmentClearsCheckpoint {
  Cargo cargo;
};

enum class Fate : std::uint8_t { delivered, seized };

// Country -> organisation, after the reporting delay: what became of a shipment.
struct ShipmentReported {
  std::uint64_t shipment = 0;
  std::uint64_t bribed_legs = 0;
  float kg = 0.0f;
  Fate fate = Fate::delivered;
  std::uint8_t lost_on_leg = 0;  // for seized: the leg (or the checkpoint at its start) where it was lost
  std::uint8_t legs = 0;
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
struct VehicleArrives { std::uint16_t checkpoint; };  // country, self
struct CohortStarts { std::uint16_t cohort; };   // country, self
struct CohortGraduates { std::uint16_t cohort; };
struct SeamAlert { std::uint16_t from_country; };  // country -> partner country
struct LookoutsReport {};
struct RollCall {};                              // country, self: once a day, the officers at their posts are counted                        // country, self: once a day, what lookouts saw the day before

}  // namespace bstp::border
