// Where a country's patrol units are at each moment: on a post (a leg of their sector), in transit
// to a new post, or off duty between shifts. Each unit works one shift a day and takes its post for
// that shift by its sector's placement policy (fixed, random, rotation or targeted). The roster
// also answers how much of a shipment's passage each unit spent on the leg, which is what patrol
// detection depends on (docs/model.md, "Patrol units").
#pragma once

#include "compiled_scenario.hpp"

#include <bstp/random.hpp>

#include <cstdint>
#include <vector>

namespace bstp::border {

namespace entity {
// Random streams of patrol units (kind 4; kinds 1-3 are in country_lp.hpp).
inline std::uint64_t patrol_unit(int u) { return (std::uint64_t{4} << 60) | static_cast<std::uint64_t>(u); }
}  // namespace entity

class PatrolRoster {
 public:
  PatrolRoster(const CompiledScenario& scenario, std::uint64_t replication);

  enum class Duty { off_duty, in_transit, posted };
  struct Whereabouts {
    Duty duty = Duty::off_duty;
    int edge = -1;  // the post (edge index) it is on or moving to; -1 off duty
  };
  // Where unit u (an index into CompiledScenario::units, of this country) is at time t, as known at
  // time now >= t (targeted rosters are written a day ahead; see docs/model.md).
  Whereabouts where(int u, Time t, Time now);

  // The probability that no unit of arc a's sector detects a shipment passing
  // it during [from, to]: the product over the sector's units of 1 - q x (share of the passage
  // the unit was posted on the leg).
  // Units marked in `looking_away` (indexed like CompiledScenario::units; captured by the
  // shipment's organisation) do not count.
  double miss_probability(ArcIndex a, Time from, Time to, double q, Time now, const std::vector<bool>* looking_away = nullptr);
  // The share of a passage of arc a during [from, to] that unit u spent posted on the leg (for a
  // passage of no duration: 1 if it was posted there at that instant, else 0).
  double share_on_leg(int u, ArcIndex a, Time from, Time to, Time now);

  // The post (edge index, -1 if none) of unit u in the shift it starts on day `shift`, as known
  // at time now.
  int edge_on(int u, std::int64_t shift, Time now) { return edge_of(u, shift, now); }

  // A detection on arc a at time t: targeted sectors weigh its post up in later rosters.
  void detection_made(ArcIndex a, Time t);

  // Orders given during a run (a tabletop exercise; docs/tabletop.md). Each takes effect from the
  // first shift of the unit (or of each unit of the sector) that starts at or after `at`: a unit
  // finishes the shift it is on. Orders are given in time order.
  //
  // Unit u holds post `edge` (a post of any sector of its country) shift after shift, until told
  // otherwise; a unit posted into another sector watches that sector's post with that sector's
  // detection.
  void post_unit(int u, int edge, Time at);
  // Unit u stands down: off the line, on no post.
  void withdraw_unit(int u, Time at);
  // Unit u goes back to its own sector's placement.
  void release_unit(int u, Time at);
  // The sector's units choose their posts by `placement` from now on.
  void change_placement(int sector, Placement placement, Time at);

  // The units that may stand on a post of the sector: its own, and any posted into it by order.
  const std::vector<int>& units_on_sector(int sector) const;

 private:
  struct Detection {
    Time at;
    int post;
  };
  // An order to one unit: where it goes from the first shift starting at or after `at`.
  struct Assignment {
    enum class Kind { by_placement, posted, withdrawn };
    Time at = 0;
    Kind kind = Kind::by_placement;
    int edge = -1;  // for posted
  };
  struct PlacementChange {
    Time at = 0;
    Placement placement = Placement::random;
  };
  // Post (index into the sector's posts) of unit u in its shift `shift` (day number; shift -1
  // is the one running at time 0 if it started the day before), by its sector's placement.
  int post_of(int u, std::int64_t shift, Time now);
  // The edge unit u is posted to in its shift `shift` (-1: none), after the orders it was given.
  int edge_of(int u, std::int64_t shift, Time now);
  Placement placement_at(int sector, Time t) const;
  const std::vector<double>& targeted_weights(int sector, std::int64_t shift);
  Time shift_start(int u, std::int64_t shift) const;
  Time time_on_post(int u, int edge, Time from, Time to, Time now);

  const CompiledScenario& scenario_;
  std::uint64_t replication_;
  std::vector<std::vector<Detection>> detections_;  // per sector (targeted only)
  std::vector<std::vector<std::vector<double>>>
      targeted_weights_;  // [sector][shift + 1] -> weights (empty: not yet written)
  std::vector<std::vector<Assignment>> orders_;              // per unit, in time order (empty: none)
  std::vector<std::vector<PlacementChange>> placement_changes_;  // per sector, in time order
  std::vector<std::vector<int>> visitors_;                   // per sector: own units, then units posted in
};

}  // namespace bstp::border
