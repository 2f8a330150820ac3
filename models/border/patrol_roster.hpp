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
  double miss_probability(ArcIndex a, Time from, Time to, double q, Time now);
  // The share of a passage of arc a during [from, to] that unit u spent posted on the leg (for a
  // passage of no duration: 1 if it was posted there at that instant, else 0).
  double share_on_leg(int u, ArcIndex a, Time from, Time to, Time now);

  // The post (index into its sector's posts, -1 if none) of unit u in the shift it starts on day
  // `shift`, as known at time now.
  int post_on(int u, std::int64_t shift, Time now) { return post_of(u, shift, now); }

  // A detection on arc a at time t: targeted sectors weigh its post up in later rosters.
  void detection_made(ArcIndex a, Time t);

 private:
  struct Detection {
    Time at;
    int post;
  };
  // Post (index into the sector's posts) of unit u in its shift `shift` (day number; shift -1
  // is the one running at time 0 if it started the day before).
  int post_of(int u, std::int64_t shift, Time now);
  const std::vector<double>& targeted_weights(int sector, std::int64_t shift);
  Time shift_start(int u, std::int64_t shift) const;
  Time time_on_post(int u, int post, Time from, Time to, Time now);

  const CompiledScenario& scenario_;
  std::uint64_t replication_;
  std::vector<std::vector<Detection>> detections_;  // per sector (targeted only)
  std::vector<std::vector<std::vector<double>>>
      targeted_weights_;  // [sector][shift + 1] -> weights (empty: not yet written)
};

}  // namespace bstp::border
