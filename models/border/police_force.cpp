#include "police_force.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {

PoliceForce::PoliceForce(const CompiledScenario& scenario, int country)
    : scenario_(&scenario),
      country_(country),
      officers_(std::max(1, scenario.countries[country].police.officers)),
      initially_trained_(std::clamp(scenario.countries[country].police.share_trained, 0.0, 1.0) * officers_) {}

void PoliceForce::cohort_returns(Time t, int seats) {
  in_training_ = std::max(0, in_training_ - seats);
  graduates_.push_back({t, seats});
}

double PoliceForce::skill(Time t) const {
  const Training& training = scenario_->scenario().training;
  const double half_life = std::max(1.0, training.skill_half_life_days * 86400.0);
  double trained = initially_trained_;
  for (const Graduates& g : graduates_) trained += g.officers * std::exp2(-static_cast<double>(t - g.at) / half_life);
  double use = training.method_use_share;
  for (int o : scenario_->countries[country_].observers) {
    const ObserverTeam& team = training.observers[static_cast<std::size_t>(o)];
    const Time start = to_seconds(team.start_day, 86400.0), end = start + to_seconds(team.days, 86400.0);
    if (t >= start && t < end) use += team.method_use_boost;
  }
  return std::clamp(trained / officers_, 0.0, 1.0) * std::clamp(use, 0.0, 1.0);
}

double PoliceForce::availability() const { return std::clamp(1.0 - in_training_ / officers_, 0.0, 1.0); }

}  // namespace bstp::border
