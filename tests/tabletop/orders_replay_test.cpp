// An exercise's orders replayed as a planner's policy (tools/tabletop/replay.hpp and the scenario's
// `orders:` schedule) give the session's world bit for bit: the same replication, the same
// orders at the same times, the same tallies.
#include <tabletop/exercise.hpp>
#include <tabletop/replay.hpp>
#include <tabletop/session.hpp>

#include <border/border_model.hpp>
#include <border/checkpoint_lp.hpp>
#include <border/country_lp.hpp>

#include <string>

#include <gtest/gtest.h>

namespace bstp::tabletop {
namespace {

using border::kDay;

const Exercise& exercise() {
  static const Exercise ex = load_exercise("tests/tabletop/tutorial_exercise.yaml");
  return ex;
}

void expect_same_tally(const border::SituationTally& played, const border::SituationTally& replayed, const std::string& country) {
  EXPECT_EQ(played.patrol_detections, replayed.patrol_detections) << country;
  EXPECT_EQ(played.checkpoint_finds, replayed.checkpoint_finds) << country;
  EXPECT_EQ(played.seizures, replayed.seizures) << country;
  EXPECT_EQ(played.seized_kg, replayed.seized_kg) << country;
  EXPECT_EQ(played.deliveries, replayed.deliveries) << country;
  EXPECT_EQ(played.delivered_kg, replayed.delivered_kg) << country;
  EXPECT_EQ(played.bribes, replayed.bribes) << country;
  EXPECT_EQ(played.escapes, replayed.escapes) << country;
  EXPECT_EQ(played.kg_through, replayed.kg_through) << country;
  EXPECT_EQ(played.detections_in, replayed.detections_in) << country;
}

// Every checkpoint's lanes, inspection and legitimate vehicles served so far.
void expect_same_checkpoints(border::Replication& played, border::Replication& replayed) {
  for (std::size_t k = 0; k < played.scenario().checkpoints.size(); ++k) {
    const border::CheckpointLp& a = played.checkpoint(static_cast<int>(k));
    const border::CheckpointLp& b = replayed.checkpoint(static_cast<int>(k));
    const std::string& id = played.scenario().checkpoints[k].node_id;
    EXPECT_EQ(a.lanes_open(), b.lanes_open()) << id;
    EXPECT_EQ(a.inspection_probability(), b.inspection_probability()) << id;
    EXPECT_EQ(a.vehicles_served(), b.vehicles_served()) << id;
    EXPECT_EQ(a.wait_hours(), b.wait_hours()) << id;
  }
}

// Plays orders at day 0 and later, with the flood inject's order in between, then replays them.
TEST(TabletopReplay, OrdersReplayedAsAPolicyGiveTheSessionsWorldBitForBit) {
  constexpr std::uint64_t kReplication = 3;
  SessionOptions o;
  o.replication = kReplication;
  Session played(exercise(), std::move(o));
  for (const char* line : {"lanes tecun_uman 6", "inspection tecun_uman 0.6", "step 1 week", "withdraw coyote_night",
                           "post mx_suchiate.1 tecun_uman-tapachula", "train creompaz_basic GT 10 2", "step 2 weeks",
                           "placement mx_suchiate random", "observe MX 20", "run-until 45"})
    played.execute(line);
  while (played.now() < 45 * kDay) played.execute("run-until 45");  // past any inject's stop
  ASSERT_EQ(played.orders_in_force().size(), 8u) << "seven orders and the flood's";

  const std::string text = replay_scenario(exercise(), played.scenario_overrides(), played.orders_in_force(),
                                           {"facilitator", played.scenario().scenario().seed, kReplication});
  const border::ScenarioDocument replay = border::ScenarioDocument::from_text(text, "replay.yaml");
  ASSERT_TRUE(replay.validate().empty()) << text;
  const border::CompiledScenario with_orders(replay.resolve("exercise_orders"));
  EXPECT_EQ(with_orders.scheduled_orders.size(), 8u);
  border::Replication replayed(with_orders, kReplication);
  replayed.simulation().run_until(played.now());
  for (std::size_t c = 0; c < with_orders.countries.size(); ++c) {
    EXPECT_EQ(played.replication().country(static_cast<int>(c)).officers_on_the_line(),
              replayed.country(static_cast<int>(c)).officers_on_the_line());
    expect_same_tally(played.replication().country(static_cast<int>(c)).tally(), replayed.country(static_cast<int>(c)).tally(),
                      with_orders.countries[c].id);
  }
  expect_same_checkpoints(played.replication(), replayed);

  // Without the players' orders (the flood's kept), the world differs where the orders acted.
  const border::CompiledScenario without(replay.resolve("no_orders"));
  EXPECT_EQ(without.scheduled_orders.size(), 1u) << "the flood inject's withdrawal is part of the exercise's world";
  border::Replication plain(without, kReplication);
  plain.simulation().run_until(played.now());
  const int bridge = with_orders.checkpoint_at_node[with_orders.graph().index_of("tecun_uman")];
  ASSERT_GE(bridge, 0);
  EXPECT_NE(plain.checkpoint(bridge).wait_hours(), replayed.checkpoint(bridge).wait_hours())
      << "six lanes inspecting 60% instead of five inspecting 30% change the bridge's waits";
  EXPECT_EQ(replayed.checkpoint(bridge).lanes_open(), 6);
}

// A team trains and observes only its own country's officers.
TEST(TabletopTeams, TrainingAndObserversOnlyForTheTeamsOwnOfficers) {
  SessionOptions o;
  o.team = "mexico";
  Session s(exercise(), std::move(o));
  EXPECT_NE(s.execute("train creompaz_basic GT 10 2").find("not among the forces of team mexico"), std::string::npos);
  EXPECT_NE(s.execute("observe gt_suchiate 10").find("not among the forces of team mexico"), std::string::npos);
  EXPECT_NE(s.execute("observe mx_suchiate 10").find("order (day 0)"), std::string::npos);
  EXPECT_NE(s.execute("train creompaz_basic MX 0 2").find("seats: expected a whole number from 1 to"), std::string::npos);
}

}  // namespace
}  // namespace bstp::tabletop
