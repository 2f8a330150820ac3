// Violence between trafficking groups at the nodes of a country (contestation), and the community
// trust that decides which violent incidents get reported. Contestation rises with flow newly
// diverted into a node, with the number of organisations present there and with the scarcity that
// seizures cause (Dell 2015; Castillo, Mejía & Restrepo); its rate is a labelled assumption to sweep
// (docs/model.md, "Violence").
#pragma once

#include "compiled_scenario.hpp"
#include "indicator_collector.hpp"

#include <bstp/random.hpp>
#include <bstp/time.hpp>

#include <vector>

namespace bstp::border {

// A count that fades with a half-life.
class FadingCount {
 public:
  double value(Time now, double half_life_ticks) const;
  void add(Time now, double half_life_ticks, double x);

 private:
  double value_ = 0.0;
  Time at_ = 0;
};

// Splits `deaths` among officers, traffickers and bystanders by `shares` (one draw each).
Deaths split_deaths(int deaths, const DeathShares& shares, RandomStream& draws);

// One country's contestation state: recent and established kg of each organisation through each
// of its nodes, and its recent seized and passed kg.
class Contestation {
 public:
  Contestation(const CompiledScenario& scenario, int country);

  // The expected number of contestation incidents when a load of `organisation` reaches `node` now
  // (before this passage is counted).
  double hazard(NodeIndex node, int organisation, Time now) const;
  // The passage, counted afterwards.
  void load_passes(NodeIndex node, int organisation, double kg, Time now);
  void load_seized(double kg, Time now);

  // The parts of the hazard (for tests and reports).
  double new_flow_share(NodeIndex node, int organisation, Time now) const;
  int rivals_present(NodeIndex node, int organisation, Time now) const;
  double scarcity(Time now) const;

 private:
  const ContestationParams& params_;
  int organisations_;
  double recent_, established_;  // half-lives in seconds
  std::vector<int> slot_of_node_;  // per node: index among this country's nodes, -1 elsewhere
  std::vector<FadingCount> recent_kg_, established_kg_;  // [slot * organisations + organisation]
  std::vector<FadingCount> recent_total_, established_total_;  // per organisation
  FadingCount seized_, passed_;
};

// Community trust in a country: the probability that a non-deadly violent incident is reported.
// Corruption and police killings seen recently lower it; community engagement raises it.
class CommunityTrust {
 public:
  explicit CommunityTrust(const Reporting& params) : params_(params) {}
  // `committees`: the rise of trust from community committees (community_committees.hpp).
  double reporting_probability(Time now, double committees = 0.0) const;
  void bribe_seen(Time now) { bribes_.add(now, half_life(), 1.0); }
  void police_killing_seen(Time now, int deaths) { killings_.add(now, half_life(), deaths); }

 private:
  double half_life() const { return params_.memory_days * static_cast<double>(kDay); }
  const Reporting& params_;
  FadingCount bribes_, killings_;
};

}  // namespace bstp::border
