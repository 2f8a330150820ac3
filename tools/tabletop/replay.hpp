// An exercise's orders as a scenario a planner can run: the exercise's scenario as played (its
// policy applied, the horizon the length of play), with two policies, `no_orders` and
// `exercise_orders` (the same, with the orders given in the session as its `orders:` schedule).
// `bstp run` on it compares the two over as many replications as wanted; replication R with the
// session's seed is the session itself (docs/tabletop.md, "Replaying the orders as a policy").
#pragma once

#include "exercise.hpp"
#include "session.hpp"

#include <border/scenario.hpp>
#include <border/scenario_loader.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bstp::tabletop {

struct ReplayOrigin {
  std::string team;           // who played ("facilitator" or a team)
  std::uint64_t seed = 0;     // the scenario's seed as played
  std::uint64_t replication = 0;
};

// The YAML text of that scenario. `overrides` are the session's (horizon, seed). The orders that
// injects applied belong to the exercise's world: both policies have them, at the time they were
// applied in the session (an inject on a condition is replayed at the time it fired then).
std::string replay_scenario(const Exercise& exercise, const std::vector<border::Override>& overrides,
                            const std::vector<Session::PlayedOrder>& orders, const ReplayOrigin& origin);

}  // namespace bstp::tabletop
