// A country's border police as training and turnover change it: how many of its officers are
// trained and still at their posts, how much of their training has faded, and who is away in
// class (docs/model.md, "Officers and training"). The stock is followed in expectation (a
// deterministic function of the cohorts), as groups of officers trained at the same time.
#pragma once

#include "compiled_scenario.hpp"

#include <vector>

namespace bstp::border {

class PoliceForce {
 public:
  PoliceForce(const CompiledScenario& scenario, int country);

  // A cohort's officers leave the line for class, and come back trained (a basic course) or
  // retrained (a refresher: the officers trained longest ago get their skill back).
  void cohort_leaves(const CohortParams& cohort) { in_class_ += cohort.seats; }
  void cohort_returns(Time t, const CohortParams& cohort);

  // Share of the country's officers who are trained and still at their posts, in [0, 1]: each
  // group of n officers trained at t0 keeps n x exp(-turnover x (t - t0)).
  double trained_share(Time t) const;
  // The mean skill of those trained officers, in [0, 1]: each group's 2^(-(t - t0) / half-life).
  double trained_skill(Time t) const;
  // Share of officers trained and using the methods, weighted by their skill: trained share x
  // trained skill x method use (`method_use`, a probability per trained officer).
  double skill(Time t, double method_use) const;
  // Share of officers on the line (not away in class), in [0, 1].
  double availability() const;
  int in_class() const { return in_class_; }
  double officers() const { return officers_; }

 private:
  struct Group {
    Time trained_at;
    double officers;  // as trained, before turnover
  };
  double retained(const Group& g, Time t) const;
  const CompiledScenario* scenario_;
  double officers_;
  double turnover_per_tick_;
  double half_life_ticks_;
  int in_class_ = 0;
  std::vector<Group> groups_;  // oldest first; the starting stock is trained at time 0
};

}  // namespace bstp::border
