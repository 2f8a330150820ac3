// The random streams of a shipment: each step of its journey that draws numbers (per leg and per
// attempt) has a stream of its own, keyed by the shipment, so the draws are the same whichever LP
// (a country's, a checkpoint's) takes the step.
#pragma once

#include "compiled_scenario.hpp"
#include "events.hpp"
#include "lp_layout.hpp"

#include <bstp/random.hpp>

#include <cstdint>

namespace bstp::border {

// Steps of a shipment's journey that draw random numbers, each from its own stream.
enum ShipmentStep : std::uint64_t {
  kLegPatrol,            // the patrols of the leg it sets off on
  kCheckpoint,           // its lane time and inspections at a checkpoint
  kCheckpointEncounter,  // the officers who found it at a checkpoint
  kTravel,               // its time on the leg
  kArrivalPatrol,        // the receiving country's patrols on the leg just travelled
  kStepsPerLeg
};
// Whether a detected shipment turns back: streams apart from the steps above.
inline constexpr std::uint64_t kTurnBackStreams = std::uint64_t{1} << 40;
// Whether a secondary inspection at a checkpoint would find it: apart from the steps above.
inline constexpr std::uint64_t kCheckpointFindStreams = std::uint64_t{1} << 41;

// The stream of step `step` of the shipment's current leg and attempt (each attempt, a first one
// and one after each turn-back, has streams of its own).
inline RandomStream shipment_draws(const CompiledScenario& scenario, std::uint64_t replication, const Cargo& cargo,
                                   std::uint64_t step) {
  const std::uint64_t leg = std::uint64_t{cargo.attempt} * kMaxRouteLegs + cargo.leg;
  return RandomStream(StreamId{scenario.seed, replication, entity::shipment(cargo.shipment), leg * kStepsPerLeg + step});
}

// The streams of the shipment's current leg and attempt set apart by `space` (kTurnBackStreams,
// kCheckpointFindStreams).
inline RandomStream shipment_draws_apart(const CompiledScenario& scenario, std::uint64_t replication, const Cargo& cargo,
                                         std::uint64_t space) {
  return RandomStream(StreamId{scenario.seed, replication, entity::shipment(cargo.shipment),
                               space | (std::uint64_t{cargo.attempt} * kMaxRouteLegs + cargo.leg)});
}

}  // namespace bstp::border
