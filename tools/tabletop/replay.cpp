#include "replay.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::tabletop {

std::string replay_scenario(const Exercise& exercise, const std::vector<border::Override>& overrides,
                            const std::vector<Session::PlayedOrder>& orders, const ReplayOrigin& origin) {
  YAML::Node tree = YAML::Load(exercise.document->resolved_text(exercise.policy, overrides));
  tree.remove("policies");
  // The scenario's own schedule (its policy's), then the session's orders: the session injected
  // them in that order, so the schedule (sorted by day, stably) replays them in that order.
  YAML::Node world(YAML::NodeType::Sequence), played(YAML::NodeType::Sequence);
  if (tree["orders"]) world = YAML::Clone(tree["orders"]), played = YAML::Clone(tree["orders"]);
  std::size_t team_orders = 0;
  for (const Session::PlayedOrder& o : orders) {
    YAML::Node entry(YAML::NodeType::Map);
    entry.SetStyle(YAML::EmitterStyle::Flow);
    entry["day"] = fmt::format("{}", o.timed.day);  // the shortest text that reads back as the same number
    entry["order"] = o.timed.order;
    entry["order"].SetTag("!");                     // quoted: an order is text
    played.push_back(entry);
    if (o.by_inject) world.push_back(YAML::Clone(entry));
    else ++team_orders;
  }
  if (world.size() > 0) tree["orders"] = world;
  YAML::Node policies(YAML::NodeType::Map);
  policies["no_orders"]["description"] = fmt::format("The exercise {} as played (its injects included), with no orders given by the players.", exercise.name);
  policies["exercise_orders"]["description"] =
      fmt::format("The exercise {} with the {} orders given by {} in the session (seed {}, replication {}).", exercise.name,
                  team_orders, origin.team, origin.seed, origin.replication);
  policies["exercise_orders"]["set"]["orders"] = played;
  tree["policies"] = policies;
  const std::string header = fmt::format(
      "# The orders of tabletop exercise {} ({}), as a policy of the scenario it was played on.\n"
      "# Written by bstp tabletop --orders-out. Replication {} with seed {} is the session itself:\n"
      "#   bstp run THIS_FILE --seed {} --replications 40\n"
      "# compares the orders with no orders over 40 replications (common random numbers).\n",
      exercise.name, exercise.file, origin.replication, origin.seed, origin.seed);
  return header + border::yaml_text(tree);
}

}  // namespace bstp::tabletop
