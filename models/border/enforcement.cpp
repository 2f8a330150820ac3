#include "enforcement.hpp"

#include "load_splitting.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {

double targeting_weight(const Enforcement& e, double violence_share) {
  if (e.rule != Enforcement::Rule::conditional) return 1.0;
  return 1.0 + e.violence_weight * std::clamp(violence_share, 0.0, 1.0);
}

double expected_loss_share(const Enforcement& e, double posture, double current, double survival, double resistance_escape) {
  const double hazard = targeting_weight(e, posture) / targeting_weight(e, current);
  return (1.0 - survival_with_hazard(survival, hazard)) * (1.0 - posture * resistance_escape);
}

double adapted_posture(const Enforcement& e, double current, double most, double survival, double resistance_escape) {
  double best = current;
  double best_loss = expected_loss_share(e, current, current, survival, resistance_escape);
  for (double candidate : {std::max(0.0, current - e.posture_step), std::min(most, current + e.posture_step)}) {
    const double loss = expected_loss_share(e, candidate, current, survival, resistance_escape);
    if (loss < best_loss) {
      best = candidate;
      best_loss = loss;
    }
  }
  return best;
}

ViolenceRecord::ViolenceRecord(const Enforcement& e, std::size_t organisations)
    : half_life_(std::max<Time>(1, static_cast<Time>(e.memory_days * static_cast<double>(kDay)))),
      confrontations_(organisations),
      violent_(organisations) {}

double ViolenceRecord::faded(const Faded& f, Time now) const {
  return f.value * std::exp2(-static_cast<double>(now - f.at) / static_cast<double>(half_life_));
}

void ViolenceRecord::confrontation(int organisation, bool violent, Time now) {
  const auto o = static_cast<std::size_t>(organisation);
  confrontations_[o] = {faded(confrontations_[o], now) + 1.0, now};
  violent_[o] = {faded(violent_[o], now) + (violent ? 1.0 : 0.0), now};
}

double ViolenceRecord::violent_share(int organisation, Time now) const {
  const auto o = static_cast<std::size_t>(organisation);
  const double all = faded(confrontations_[o], now);
  return all > 0.0 ? faded(violent_[o], now) / all : 0.0;
}

}  // namespace bstp::border
