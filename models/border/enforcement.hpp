// Conditional or unconditional enforcement (docs/model.md, "Conditional enforcement"; Lessing
// 2015, 2017). Under the conditional rule a country raises the detection hazard of an
// organisation's loads with that organisation's recent violence against its officers, and each
// organisation adapts how often its couriers resist by comparing the expected loss of its posture
// with a calmer and a fiercer one. Under the unconditional rule (the default) nothing changes.
#pragma once

#include "scenario.hpp"

#include "clock.hpp"

#include <vector>

namespace bstp::border {

// The multiplier of an organisation's detection hazard: 1 + violence_weight x its recent share of
// violent confrontations under the conditional rule, 1 under the unconditional one.
double targeting_weight(const Enforcement& e, double violence_share);

// The organisation's expected loss per load, relative to the load's value, under `posture` (its
// propensity to fight) when its route is survived with `survival` at its current posture
// `current`: P(detected) x P(not getting away by fighting), the detection hazard scaled by
// targeting_weight(posture) / targeting_weight(current) (the organisation expects the state to
// see as much violence as its posture makes).
double expected_loss_share(const Enforcement& e, double posture, double current, double survival, double resistance_escape);

// The posture after one step of adaptation: the current posture, one step calmer or one step
// fiercer (within [0, most]), whichever has the lowest expected loss; the current one on a tie.
double adapted_posture(const Enforcement& e, double current, double most, double survival, double resistance_escape);

// What a country remembers of each organisation's confrontations with its officers (those not
// settled by a bribe) and how many were violent, fading with the enforcement memory.
class ViolenceRecord {
 public:
  ViolenceRecord(const Enforcement& e, std::size_t organisations);
  void confrontation(int organisation, bool violent, Time now);
  // The recent share of the organisation's confrontations that were violent (0 with none).
  double violent_share(int organisation, Time now) const;

 private:
  struct Faded {
    double value = 0.0;
    Time at = 0;
  };
  double faded(const Faded& f, Time now) const;
  Time half_life_;
  std::vector<Faded> confrontations_, violent_;
};

}  // namespace bstp::border
