// The officers at a country's posts (patrol units and checkpoints), one by one: how many of each
// post's officers are trained, which of them use the methods taught, and whether an observer team
// is watching them (docs/model.md, "A post's officers" and "Observers").
#pragma once

#include "compiled_scenario.hpp"
#include "police_force.hpp"

#include <cstdint>
#include <deque>
#include <vector>

namespace bstp::border {

namespace entity {
// Random streams of the officers at a post (kind 5; kinds 1-4 are in country_lp.hpp and
// patrol_roster.hpp): stream j of post p is its officer j.
inline std::uint64_t post_officers(int post) { return (std::uint64_t{5} << 60) | static_cast<std::uint64_t>(post); }
}  // namespace entity

class OfficerPosts {
 public:
  OfficerPosts(const CompiledScenario& scenario, int country, std::uint64_t replication);

  // P(a trained officer at `post` uses the methods at time t): method_use_share, plus the
  // Hawthorne boost of each team watching the post, plus the spillover of each team visiting
  // another of its posts; in [0, 1]. `post` -1 (a leg with a fixed detection) is watched only by
  // teams watching the whole country.
  double method_use(int post, Time t) const;
  // Whether an observer team is watching the post at time t.
  bool observed(int post, Time t) const;

  struct Crew {
    int officers = 0;       // at the post
    int trained = 0;        // of them trained (and still there)
    int using_methods = 0;  // of those, using the methods at this moment
  };
  Crew crew(int post, Time t, const PoliceForce& police) const;

  // The share of the post's officers who are trained and use the methods, weighted by the skill
  // they keep: using_methods x trained skill / officers. A post whose officers are not modelled
  // one by one (0 officers, or `post` -1) takes the country's expectation: trained share x
  // trained skill x method use.
  double trained_use(int post, Time t, const PoliceForce& police) const;

  // An observer team sent during the run (an `observe` order), watching from its start to its end.
  void add_team(ObserverParams team);

  // This country's posts with officers of their own, in post order.
  const std::vector<int>& posts_with_officers() const { return staffed_; }

 private:
  const CompiledScenario& scenario_;
  int country_;
  std::vector<int> staffed_;
  std::vector<double> phase_;                    // per post key (this country's staffed posts): in [0, 1)
  std::vector<std::vector<float>> disposition_;  // per post key: per officer, uniform in [0, 1)
  std::deque<ObserverParams> ordered_;           // teams sent by orders
  std::vector<const ObserverParams*> teams_;     // the scenario's teams of this country, then ordered_
};

}  // namespace bstp::border
