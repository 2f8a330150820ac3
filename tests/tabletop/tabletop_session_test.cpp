// The tabletop session (tools/tabletop): orders change the world as the model says they should,
// injects fire on their day and on their condition, teams command only their own forces, the log
// records what happened, and the Spanish catalog is used.
#include <tabletop/catalog.hpp>
#include <tabletop/exercise.hpp>
#include <tabletop/session.hpp>

#include <border/checkpoint_queue.hpp>
#include <border/country_lp.hpp>
#include <border/patrol_roster.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace bstp::tabletop {
namespace {

constexpr const char* kExercise = "tests/tabletop/tutorial_exercise.yaml";
using border::kDay;
using border::kHour;

const Exercise& exercise() {
  static const Exercise ex = load_exercise(kExercise);
  return ex;
}

SessionOptions options(const std::string& team = "", std::uint64_t replication = 0) {
  SessionOptions o;
  o.team = team;
  o.replication = replication;
  return o;
}

// Moves the clock to `day`, whatever injects stop it on the way.
void run_to(Session& s, double day) {
  for (int i = 0; i < 100 && s.now() < static_cast<Time>(day * kDay); ++i) s.execute(fmt::format("run-until {}", day));
}

double kg_through(Session& s, const std::string& node) {
  const border::NodeIndex n = s.scenario().graph().index_of(node);
  return s.replication().country(s.scenario().node_country[n]).tally().kg_through[n];
}

// Direction, paired: taking every unit off the raft route (GT's trail units withdrawn, MX's river
// boats posted on the bridge road) raises the kg that crosses at Paso del Coyote, replication by
// replication with the same random numbers.
TEST(TabletopOrders, MovingAllUnitsOffTheRaftRouteRaisesItsFlow) {
  constexpr int kReplications = 20;
  std::vector<double> diff;
  for (int r = 0; r < kReplications; ++r) {
    Session base(exercise(), options("", static_cast<std::uint64_t>(r)));
    run_to(base, 120);
    Session moved(exercise(), options("", static_cast<std::uint64_t>(r)));
    for (const char* order : {"withdraw coyote_night", "post mx_suchiate.1 tecun_uman-tapachula", "post mx_suchiate.2 tecun_uman-tapachula"})
      ASSERT_NE(moved.execute(order).find("order (day 0)"), std::string::npos) << order;
    run_to(moved, 120);
    diff.push_back(kg_through(moved, "paso_del_coyote") - kg_through(base, "paso_del_coyote"));
  }
  double mean = 0.0, var = 0.0;
  for (double d : diff) mean += d / kReplications;
  for (double d : diff) var += (d - mean) * (d - mean) / (kReplications - 1);
  const double half_width = 2.093 * std::sqrt(var / kReplications);  // t(19, 0.975)
  EXPECT_GT(mean - half_width, 0.0) << "mean " << mean << " kg, half-width " << half_width;
}

// By hand: a unit posted by order holds the post from its first shift starting after the order,
// arriving after its transit; withdrawn, it is off duty; released, it follows its placement again.
TEST(TabletopOrders, PostedUnitHoldsItsPostFromItsNextShift) {
  const border::CompiledScenario scenario(exercise().document->resolve());
  int unit = -1;
  for (std::size_t u = 0; u < scenario.units.size(); ++u)
    if (scenario.units[u].name == "mx_suchiate.1") unit = static_cast<int>(u);
  ASSERT_GE(unit, 0);
  int road = -1;
  for (std::size_t e = 0; e < scenario.scenario().edges.size(); ++e)
    if (edge_id(scenario, e) == "tecun_uman-tapachula") road = static_cast<int>(e);
  ASSERT_GE(road, 0);
  const border::SectorParams& sector = scenario.sectors[static_cast<std::size_t>(scenario.units[static_cast<std::size_t>(unit)].sector)];
  const Time offset = scenario.units[static_cast<std::size_t>(unit)].shift_offset;
  border::PatrolRoster free(scenario, 0), ordered(scenario, 0);
  // Day 3's shift starts at 3 days + offset; the order comes one second after it started.
  const Time order_at = 3 * kDay + offset + 1;
  ordered.post_unit(unit, road, order_at);
  const Time in_shift_3 = 3 * kDay + offset + sector.transit + kHour;
  EXPECT_EQ(ordered.where(unit, in_shift_3, in_shift_3).edge, free.where(unit, in_shift_3, in_shift_3).edge)
      << "the shift running when the order came is not changed";
  const Time in_shift_4 = 4 * kDay + offset + sector.transit + kHour;
  const auto posted = ordered.where(unit, in_shift_4, in_shift_4);
  EXPECT_EQ(posted.duty, border::PatrolRoster::Duty::posted);
  EXPECT_EQ(posted.edge, road);
  ordered.withdraw_unit(unit, 5 * kDay);
  const Time in_shift_6 = 6 * kDay + offset + sector.transit + kHour;
  EXPECT_EQ(ordered.where(unit, in_shift_6, in_shift_6).duty, border::PatrolRoster::Duty::off_duty);
  ordered.release_unit(unit, 7 * kDay);
  const Time in_shift_9 = 9 * kDay + offset + sector.transit + kHour;
  EXPECT_EQ(ordered.where(unit, in_shift_9, in_shift_9).edge, free.where(unit, in_shift_9, in_shift_9).edge);
}

// By hand: one lane serving 10-minute vehicles makes the second of two arrivals wait 10 minutes;
// a lane opened at once serves it without waiting; closing back to one lane keeps the busy one.
TEST(TabletopOrders, LanesOpenedAndClosed) {
  border::CheckpointQueue one(1);
  EXPECT_EQ(one.join(0, 600, true).wait, 0);
  EXPECT_EQ(one.join(0, 600, true).wait, 600);
  border::CheckpointQueue opened(1);
  opened.join(0, 600, true);
  opened.set_lanes(2, 0);
  EXPECT_EQ(opened.lanes(), 2);
  EXPECT_EQ(opened.join(0, 600, true).wait, 0);
  opened.set_lanes(1, 0);
  EXPECT_EQ(opened.lanes(), 1);
  EXPECT_EQ(opened.join(0, 600, true).wait, 600) << "the remaining lane is busy until 600";
  EXPECT_EQ(opened.in_system_at(300), 3u) << "three vehicles joined; none has left at 300";
  EXPECT_EQ(opened.in_system_at(600), 1u) << "two left at 600; the third leaves at 1200";
}

TEST(TabletopInjects, FireOnTheirDayAndApplyTheirOrders) {
  Session s(exercise(), options());
  s.welcome();
  const std::string out = s.execute("run-until 100");
  EXPECT_NE(out.find("INJECT flood"), std::string::npos) << out;
  EXPECT_EQ(s.now(), 10 * kDay) << "the clock stops on the inject's day";
  EXPECT_NE(s.execute("orders").find("withdraw coyote_day"), std::string::npos);
}

TEST(TabletopInjects, FireOnTheirConditionTheDayItIsMet) {
  Session s(exercise(), options());
  std::string out;
  for (int i = 0; i < 20 && out.find("INJECT rafts") == std::string::npos; ++i) out = s.execute("run-until 120");
  ASSERT_NE(out.find("INJECT rafts"), std::string::npos) << out;
  const Time fired = s.now();
  EXPECT_GT(kg_through(s, "paso_del_coyote"), 500.0);
  EXPECT_EQ(fired % kDay, 0) << "the clock stops at the end of the day the condition was met";
  // The same replication a day earlier: not yet over the threshold.
  Session earlier(exercise(), options());
  run_to(earlier, static_cast<double>(fired / kDay - 1));
  EXPECT_LE(kg_through(earlier, "paso_del_coyote"), 500.0);
}

TEST(TabletopTeams, OrderOutsideTheTeamsForcesIsRefusedAndTheSessionGoesOn) {
  Session s(exercise(), options("mexico"));
  EXPECT_NE(s.execute("fly to the moon").find("unknown command 'fly'"), std::string::npos);
  const std::string refused = s.execute("lanes tecun_uman 4");
  EXPECT_NE(refused.find("not among the forces of team mexico"), std::string::npos) << refused;
  EXPECT_NE(s.execute("withdraw coyote_day").find("not among the forces of team mexico"), std::string::npos);
  EXPECT_NE(s.execute("post mx_suchiate.1 tecun_uman-tapachula").find("order (day 0)"), std::string::npos);
  EXPECT_EQ(s.execute("status").find("Guatemala"), std::string::npos) << "a team sees only its own country";
  s.execute("step 1 day");
  EXPECT_EQ(s.now(), kDay);
}

TEST(TabletopOrders, UndoTakesBackTheLastOrderBeforeTheClockMoves) {
  Session s(exercise(), options());
  s.execute("inspection tecun_uman 0.5");
  s.execute("withdraw coyote_day");
  EXPECT_NE(s.execute("undo").find("withdraw coyote_day"), std::string::npos);
  s.execute("step 1 day");
  EXPECT_NE(s.execute("undo").find("nothing to undo"), std::string::npos);
  const std::string orders = s.execute("orders");
  EXPECT_NE(orders.find("inspection tecun_uman 0.5"), std::string::npos);
  EXPECT_EQ(orders.find("withdraw coyote_day"), std::string::npos);
  EXPECT_NE(s.execute("status").find("inspects 50%"), std::string::npos);
  EXPECT_NE(s.execute("inspection tecun_uman 1.5").find("checkpoints.tecun_uman.inspection_probability"), std::string::npos)
      << "a value out of bounds gets the scenario validator's message";
}

TEST(TabletopLog, RecordsOrdersInjectsAndOutcomesWithTimes) {
  std::ostringstream log;
  SessionOptions o = options();
  o.log = &log;
  {
    Session s(exercise(), std::move(o));
    s.execute("lanes tecun_uman 6");
    s.execute("run-until 20");
    s.close();
  }
  std::istringstream lines(log.str());
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  ASSERT_GE(records.size(), 4u);
  EXPECT_EQ(records.front()["kind"], "session");
  EXPECT_EQ(records.back()["kind"], "end");
  bool order = false, inject = false, step = false;
  for (const auto& r : records) {
    order = order || (r["kind"] == "order" && r["text"] == "lanes tecun_uman 6" && r["day"] == 0.0);
    inject = inject || (r["kind"] == "inject" && r["id"] == "flood" && r["day"] == 10.0);
    step = step || (r["kind"] == "step" && r["outcome"].contains("GT"));
  }
  EXPECT_TRUE(order && inject && step) << log.str();
}

// The `map` command: a team sees its own country's sectors, the crossings into it with their
// activity, and its seams; not the other country's block.
TEST(TabletopMap, ShowsTheTeamsSectorsCrossingsAndSeams) {
  Session s(exercise(), options("mexico"));
  run_to(s, 60);
  const std::string map = s.execute("map");
  EXPECT_NE(map.find("Map at day 60"), std::string::npos) << map;
  EXPECT_NE(map.find("MX  Mexico"), std::string::npos) << map;
  EXPECT_EQ(map.find("GT  Guatemala"), std::string::npos) << map;
  EXPECT_NE(map.find("mx_suchiate"), std::string::npos) << map;
  EXPECT_EQ(map.find("gt_suchiate  "), std::string::npos) << map;
  EXPECT_NE(map.find(fmt::format("\n  {:<22}{:>10.0f}  ", "tecun_uman (GT)", kg_through(s, "tecun_uman"))), std::string::npos) << map;
  EXPECT_NE(map.find("seam with GT: "), std::string::npos) << map;
  for (std::size_t start = 0, end; (end = map.find('\n', start)) != std::string::npos; start = end + 1)
    EXPECT_LE(end - start, 100u) << map.substr(start, end - start);
}

std::vector<nlohmann::json> log_of(const std::string& text) {
  std::istringstream lines(text);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  return records;
}

// The session's outcome as its log's `end` record gives it.
nlohmann::json outcome_at_end(Session& s, std::ostringstream& log) {
  s.close();
  return log_of(log.str()).back();
}

// The after-action replays are exact: the run without the players' orders is, bit for bit, the
// session in which nobody gave an order (only the injects gave theirs), and the run without one
// team's orders (the facilitator's orders credited to the team whose forces they concern) is the
// session in which only the other team's orders were given.
TEST(TabletopAfterAction, ReplaysEqualTheSessionsWithoutThoseOrders) {
  for (const double day : {9.0, 100.0}) {
    std::ostringstream with_log, plain_log, guatemala_log;
    SessionOptions o = options("", 2), p = options("", 2), g = options("", 2);
    o.log = &with_log, p.log = &plain_log, g.log = &guatemala_log;
    Session with(exercise(), std::move(o)), plain(exercise(), std::move(p)), guatemala(exercise(), std::move(g));
    for (const char* order : {"withdraw coyote_night", "post mx_suchiate.1 tecun_uman-tapachula"})
      ASSERT_NE(with.execute(order).find("order (day 0)"), std::string::npos) << order;
    guatemala.execute("withdraw coyote_night");
    for (Session* s : {&with, &guatemala}) {
      s->execute("run-until 5");
      s->execute("map");
      ASSERT_NE(s->execute("lanes tecun_uman 6").find("order (day 5)"), std::string::npos);
    }
    run_to(with, day);
    run_to(plain, day);
    run_to(guatemala, day);
    const nlohmann::json end = outcome_at_end(with, with_log), plain_end = outcome_at_end(plain, plain_log),
                         guatemala_end = outcome_at_end(guatemala, guatemala_log);
    ASSERT_EQ(end["day"], day);
    ASSERT_EQ(end["orders_in_force"].size(), day < 10 ? 3u : 4u);
    EXPECT_EQ(end["orders_in_force"][0]["for_team"], "guatemala");
    EXPECT_EQ(end["orders_in_force"][1]["for_team"], "mexico");
    EXPECT_EQ(end["orders_in_force"][2]["for_team"], "guatemala");
    EXPECT_EQ(end["without"].size(), 2u);
    EXPECT_EQ(end["counterfactual"]["outcome"], plain_end["outcome"]);
    EXPECT_EQ(end["counterfactual"]["nodes"], plain_end["nodes"]);
    EXPECT_EQ(end["without"]["mexico"]["outcome"], guatemala_end["outcome"]);
    EXPECT_EQ(end["without"]["mexico"]["nodes"], guatemala_end["nodes"]);
    if (day > 10) {
      EXPECT_NE(end["outcome"], plain_end["outcome"]);
      EXPECT_NE(end["without"]["guatemala"]["outcome"], end["outcome"]);
    }
  }
}

// The fates by node add up to the countries' totals, and every shipment met was detected first.
TEST(TabletopAfterAction, FatesByNodeAddUpToTheCountriesTotals) {
  std::ostringstream log;
  SessionOptions o = options("", 1);
  o.log = &log;
  Session s(exercise(), std::move(o));
  run_to(s, 120);
  const nlohmann::json end = outcome_at_end(s, log);
  double seized = 0, seized_kg = 0, delivered = 0, delivered_kg = 0, escaped = 0, bribed = 0;
  for (const auto& [id, c] : end["outcome"].items()) {
    seized += c["seizures"].get<double>(), seized_kg += c["seized_kg"].get<double>(), escaped += c["escapes"].get<double>();
    delivered += c["deliveries"].get<double>(), delivered_kg += c["delivered_kg"].get<double>(), bribed += c["bribes"].get<double>();
  }
  double n_seized = 0, n_seized_kg = 0, n_delivered = 0, n_delivered_kg = 0, n_escaped = 0, n_bribed = 0;
  for (const auto& [id, n] : end["nodes"].items()) {
    n_seized += n["seized"].get<double>(), n_seized_kg += n["seized_kg"].get<double>(), n_escaped += n["escaped"].get<double>();
    n_delivered += n["delivered"].get<double>(), n_delivered_kg += n["delivered_kg"].get<double>(), n_bribed += n["bribed"].get<double>();
    EXPECT_GE(n["detected"].get<double>(), n["seized"].get<double>() + n["bribed"].get<double>() + n["escaped"].get<double>()) << id;
  }
  EXPECT_GT(seized, 0.0);
  EXPECT_GT(delivered, 0.0);
  EXPECT_EQ(n_seized, seized);
  EXPECT_NEAR(n_seized_kg, seized_kg, 1e-6 * seized_kg);
  EXPECT_EQ(n_delivered, delivered);
  EXPECT_NEAR(n_delivered_kg, delivered_kg, 1e-6 * delivered_kg);
  EXPECT_EQ(n_escaped, escaped);
  EXPECT_EQ(n_bribed, bribed);
  // The log opens with the graph for the review's map.
  const nlohmann::json map = log_of(log.str())[1];
  EXPECT_EQ(map["kind"], "map");
  EXPECT_EQ(map["nodes"].size(), s.scenario().graph().node_count());
  EXPECT_EQ(map["edges"].size(), s.scenario().scenario().edges.size());
}

TEST(TabletopLanguage, SpanishComesFromTheCatalog) {
  SessionOptions o = options();
  o.catalog = Catalog::load("es", {BSTP_TEST_LOCALE_DIR});
  EXPECT_EQ(o.catalog("The clock:"), "El reloj:");
  Session s(exercise(), std::move(o));
  EXPECT_NE(s.welcome().find("Escriba help"), std::string::npos);
  EXPECT_NE(s.execute("volar").find("comando desconocido"), std::string::npos);
  EXPECT_THROW(Catalog::load("xx", {BSTP_TEST_LOCALE_DIR}), std::invalid_argument);
}

}  // namespace
}  // namespace bstp::tabletop
