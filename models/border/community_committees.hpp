// Community committees (round tables): a costed lever that raises community trust in the police,
// and so the share of violent incidents reported (docs/model.md, "Violence").
#pragma once

#include "compiled_scenario.hpp"

#include <vector>

namespace bstp::border {

class CommunityCommittees {
 public:
  CommunityCommittees(const CompiledScenario& scenario, int country);

  // The rise of the reporting probability at time t, summed over the country's committee entries:
  // each entry of n committees meeting over [start, end) adds G x (1 - exp(-(t - start) / tau))
  // while they meet and its value at the end x exp(-(t - end) / tau) after they stop, with
  // G = n x trust_per_committee and tau = build_up_days (assumption: trust builds up and wears off
  // gradually). 0 with no committees.
  double trust_gain(Time t) const;

 private:
  struct Entry {
    Time start, end;  // end: kNever while they meet to the end of the run
    double gain, tau;
  };
  std::vector<Entry> entries_;
};

// When an entry of committees stops meeting (kNever: at the end of the run).
Time committees_end(const Committees& c);

}  // namespace bstp::border
