// A country's border police as training changes it: who is trained, who is away training, how
// much of the training has faded, and whether observers are watching.
#pragma once

#include "compiled_scenario.hpp"

#include <vector>

namespace bstp::border {

class PoliceForce {
 public:
  PoliceForce(const CompiledScenario& scenario, int country);

  void cohort_leaves(int seats) { in_training_ += seats; }
  void cohort_returns(Time t, int seats);

  // Share of officers who are trained (faded by skill decay) and use the methods, in [0, 1].
  double skill(Time t) const;
  // Share of officers on the line (not away in training), in [0, 1].
  double availability() const;

 private:
  struct Graduates {
    Time at;
    int officers;
  };
  const CompiledScenario* scenario_;
  int country_;
  double officers_;
  double initially_trained_;
  int in_training_ = 0;
  std::vector<Graduates> graduates_;
};

}  // namespace bstp::border
