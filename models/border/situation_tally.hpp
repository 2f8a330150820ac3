// What has happened so far in one country, counted as it happens: the situation a tabletop
// exercise reports between steps (tools/tabletop; docs/tabletop.md) and the measures its injects
// wait for. Plain counters kept by the country's LP; they change nothing in the model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bstp::border {

struct SituationTally {
  SituationTally(std::size_t nodes, std::size_t sectors)
      : seized_kg_at(nodes, 0.0), delivered_kg_at(nodes, 0.0), kg_through(nodes, 0.0), largest_kg_through(nodes, 0.0),
        detections_in(sectors, 0), seizures_in(sectors, 0), fates_at(nodes) {}

  // This country's totals.
  std::uint64_t patrol_detections = 0;  // shipments its patrol units detected
  std::uint64_t checkpoint_finds = 0;   // contraband its checkpoints found
  std::uint64_t seizures = 0;
  double seized_kg = 0.0;
  std::uint64_t deliveries = 0;         // shipments that reached a destination in this country
  double delivered_kg = 0.0;
  std::uint64_t bribes = 0;
  std::uint64_t escapes = 0;            // detected shipments that slipped across a seam
  std::uint64_t violent_incidents = 0;
  std::uint64_t deaths = 0;
  // Per node of the graph (only this country's are filled): kg seized at the node (a checkpoint,
  // or on a leg starting there), delivered there, and through it (every shipment reaching it).
  std::vector<double> seized_kg_at, delivered_kg_at, kg_through, largest_kg_through;
  // Per sector (only this country's): patrol detections and seizures on its legs.
  std::vector<std::uint64_t> detections_in, seizures_in;
  // (A checkpoint's legitimate vehicles are counted by its own LP: CheckpointLp::vehicles_served.)

  // What became of the shipments this country's officers faced, per node: at the start of the leg
  // (or at the checkpoint) where they met them, which may be across a seam from this country. A
  // detection that turns the shipment back is counted as detected only. Delivered: at the
  // destination node. For the after-action review (tools/tabletop/after_action.hpp).
  struct Fates {
    std::uint64_t detected = 0, bribed = 0, escaped = 0, seized = 0, delivered = 0;
    double detected_kg = 0.0, bribed_kg = 0.0, escaped_kg = 0.0;  // seized and delivered kg: above
  };
  std::vector<Fates> fates_at;
};

}  // namespace bstp::border
