#include "police_force.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {

PoliceForce::PoliceForce(const CompiledScenario& scenario, int country)
    : scenario_(&scenario),
      officers_(std::max(1, scenario.countries[static_cast<std::size_t>(country)].police.officers)),
      turnover_per_tick_(scenario.turnover_per_tick),
      half_life_ticks_(scenario.skill_half_life_ticks) {
  const double share = std::clamp(scenario.countries[static_cast<std::size_t>(country)].police.share_trained, 0.0, 1.0);
  if (share > 0.0) groups_.push_back({0, share * officers_});
}

double PoliceForce::retained(const Group& g, Time t) const {
  return g.officers * std::exp(-turnover_per_tick_ * static_cast<double>(t - g.trained_at));
}

void PoliceForce::cohort_returns(Time t, const CohortParams& cohort) {
  in_class_ = std::max(0, in_class_ - cohort.seats);
  double seats = cohort.seats;
  if (cohort.refresher) {
    // The seats go to the officers trained longest ago, as far as there are trained officers.
    double taken = 0.0;
    for (Group& g : groups_) {
      const double keep = std::exp(-turnover_per_tick_ * static_cast<double>(t - g.trained_at));
      const double take = std::min(seats - taken, g.officers * keep);
      g.officers -= take / keep;
      taken += take;
    }
    std::erase_if(groups_, [](const Group& g) { return !(g.officers > 1e-9); });
    seats = taken;
  } else {
    // Untrained officers take the seats; there are no more of them than officers not yet trained.
    seats = std::min(seats, std::max(0.0, officers_ - trained_share(t) * officers_));
  }
  if (seats > 0.0) groups_.push_back({t, seats});
}

double PoliceForce::trained_share(Time t) const {
  double trained = 0.0;
  for (const Group& g : groups_) trained += retained(g, t);
  return std::clamp(trained / officers_, 0.0, 1.0);
}

double PoliceForce::trained_skill(Time t) const {
  double trained = 0.0, skilled = 0.0;
  for (const Group& g : groups_) {
    const double n = retained(g, t);
    trained += n;
    skilled += n * std::exp2(-static_cast<double>(t - g.trained_at) / half_life_ticks_);
  }
  return trained > 0.0 ? std::clamp(skilled / trained, 0.0, 1.0) : 0.0;
}

double PoliceForce::skill(Time t, double method_use) const {
  return trained_share(t) * trained_skill(t) * std::clamp(method_use, 0.0, 1.0);
}

double PoliceForce::availability() const { return std::clamp(1.0 - in_class_ / officers_, 0.0, 1.0); }

}  // namespace bstp::border
