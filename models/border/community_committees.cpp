#include "community_committees.hpp"

#include <cmath>

namespace bstp::border {

Time committees_end(const Committees& c) {
  return c.days > 0.0 ? days_to_ticks(c.start_day) + days_to_ticks(c.days) : kNever;
}

CommunityCommittees::CommunityCommittees(const CompiledScenario& scenario, int country) {
  for (const Committees& c : scenario.violence.reporting.committees) {
    if (scenario.country_index(c.country) != country || c.committees <= 0 || !(c.trust_per_committee > 0.0)) continue;
    entries_.push_back({days_to_ticks(c.start_day), committees_end(c), c.committees * c.trust_per_committee,
                        c.build_up_days * static_cast<double>(kDay)});
  }
}

double CommunityCommittees::trust_gain(Time t) const {
  double gain = 0.0;
  for (const Entry& e : entries_) {
    if (t < e.start) continue;
    const Time met = std::min(t, e.end) - e.start;
    double g = e.gain * -std::expm1(-static_cast<double>(met) / e.tau);
    if (t > e.end) g *= std::exp(-static_cast<double>(t - e.end) / e.tau);
    gain += g;
  }
  return gain;
}

}  // namespace bstp::border
