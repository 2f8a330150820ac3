// Golden trace of the tutorial scenario: the first committed events of one replication, as an
// observer sees them, then the count of committed events of each type and the final indicator
// totals, compared with tests/model/golden/tutorial_trace.txt on the sequential scheduler and on
// 2 and 3 threads. Any change to the model's events, their order or its random draws shows here,
// with the first line that differs.
//
// A deliberate change of the model's behaviour changes this trace: regenerate it with
//   BSTP_UPDATE_GOLDEN=1 build/release/tests/model/bstp_model_tests --gtest_filter='GoldenTrace.*'
// (run from the repository root), check the diff (git diff tests/model/golden) and commit it with
// the change that explains it.
#include "model_fixtures.hpp"

#include <border/events.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

constexpr const char* kGoldenFile = "tests/model/golden/tutorial_trace.txt";
// The first kTracedEvents committed events, then (legitimate vehicles being most of them) the
// first kTracedShipmentEvents of every other type.
constexpr std::size_t kTracedEvents = 100;
constexpr std::size_t kTracedShipmentEvents = 300;

std::string short_name(std::string_view name) {
  const std::string_view prefix = "bstp::border::";
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  return std::string(name);
}

std::string describe(const Cargo& c) {
  return fmt::format("shipment={:x} leg={}/{} kg={:.9g}", c.shipment, c.leg, c.legs, c.kg);
}

// One line per event: time, LP, type and the fields that identify it (never padding bytes).
std::string line(const CommittedEvent& e) {
  std::string fields;
  if (const auto* a = e.as<ShipmentArrives>()) fields = describe(a->cargo);
  if (const auto* a = e.as<ShipmentArrivesFromWatchedLeg>()) fields = describe(a->cargo);
  if (const auto* a = e.as<ShipmentClearsCheckpoint>()) fields = describe(a->cargo);
  if (const auto* r = e.as<ShipmentReported>())
    fields = fmt::format("shipment={:x} fate={} lost_on_leg={} kg={:.9g}", r->shipment,
                         r->fate == Fate::seized ? "seized" : "delivered", r->lost_on_leg, r->kg);
  if (const auto* c = e.as<CohortStarts>()) fields = fmt::format("cohort={}", c->cohort);
  if (const auto* c = e.as<CohortGraduates>()) fields = fmt::format("cohort={}", c->cohort);
  if (const auto* s = e.as<SeamAlert>()) fields = fmt::format("from_country={}", s->from_country);
  return fmt::format("{} lp={} {}{}{}", e.time, e.lp, short_name(e.type_name()), fields.empty() ? "" : " ", fields);
}

std::string trace(unsigned threads) {
  const CompiledScenario s(ScenarioDocument::from_file("scenarios/tutorial.yaml")
                               .resolve("coordinated", {{"scenario.horizon_days", "180"}}));
  Replication replication(s, 0, threads);
  std::ostringstream out;
  out << "# Golden trace: scenarios/tutorial.yaml, policy coordinated, horizon 180 days, replication 0.\n"
      << "# Regenerate: see tests/model/golden_trace_test.cpp.\n"
      << "# The first " << kTracedEvents << " committed events (time in ticks of a millisecond, LP, type, fields):\n";
  std::size_t seen = 0, others = 0;
  std::ostringstream not_vehicles;
  std::map<std::string, std::uint64_t> per_type;
  replication.simulation().set_observer([&](const CommittedEvent& e) {
    if (seen++ < kTracedEvents) out << line(e) << '\n';
    if (!e.as<TrafficHourEnds>() && others++ < kTracedShipmentEvents) not_vehicles << line(e) << '\n';
    ++per_type[short_name(e.type_name())];
  });
  const ReplicationResult result = replication.finish();
  out << "# The first " << kTracedShipmentEvents << " committed events other than TrafficHourEnds:\n"
      << not_vehicles.str();
  out << "# Committed events by type:\n";
  for (const auto& [type, count] : per_type) out << "count " << type << ' ' << count << '\n';
  out << "# Totals:\n"
      << "total events " << result.events << '\n';
  for (const IndicatorInfo& i : indicator_catalog())
    out << "total " << i.name << ' ' << fmt::format("{:.17g}", result.totals[static_cast<std::size_t>(i.id)]) << '\n';
  return out.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> v;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

void expect_matches_golden(const std::string& actual, const std::string& what) {
  std::ifstream file(kGoldenFile);
  ASSERT_TRUE(file) << kGoldenFile << " is missing; see the top of tests/model/golden_trace_test.cpp";
  const std::string golden((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::vector<std::string> want = lines(golden), got = lines(actual);
  for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i)
    if (want[i] != got[i]) {
      ADD_FAILURE() << what << ": line " << i + 1 << " of " << kGoldenFile << " differs\n  golden: " << want[i]
                    << "\n  actual: " << got[i];
      return;
    }
  EXPECT_EQ(want.size(), got.size()) << what << ": a different number of lines than " << kGoldenFile;
}

TEST(GoldenTrace, TutorialMatchesTheCheckedInTraceOnEveryScheduler) {
  const std::string sequential = trace(1);
  const char* update = std::getenv("BSTP_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(kGoldenFile) << sequential;
    GTEST_SKIP() << "wrote " << kGoldenFile;
  }
  ASSERT_GT(lines(sequential).size(), kTracedEvents + kTracedShipmentEvents);
  expect_matches_golden(sequential, "1 thread");
  for (unsigned threads : {2u, 3u}) expect_matches_golden(trace(threads), std::to_string(threads) + " threads");
}

}  // namespace
}  // namespace bstp::border::testing

namespace bstp::border {
namespace {

// The hand-over at a checkpoint (docs/model.md, "Shipments", step 5), checked event by event on the
// tutorial: a shipment joins the lanes exactly one hand-over after it reached the node, in the
// checkpoint's LP, and its country takes it back no sooner than one hand-over after that.
TEST(CheckpointHandOver, ShipmentsJoinTheLanesOneHandOverAfterTheNodeAndLeaveNoSoonerThanOneLater) {
  const CompiledScenario s(ScenarioDocument::from_file("scenarios/tutorial.yaml").resolve("coordinated"));
  Replication replication(s, 0, 1);
  std::map<std::uint64_t, Time> reached, joined;  // by shipment: the last node reached, the lanes joined
  int handed_over = 0, taken_back = 0;
  const auto checkpoint_lps_from = static_cast<LpId>(s.countries.size() + s.organisations.size());
  replication.simulation().set_observer([&](const CommittedEvent& e) {
    if (const auto* a = e.as<ShipmentArrives>()) reached[a->cargo.shipment] = e.time;
    if (const auto* a = e.as<ShipmentArrivesFromWatchedLeg>()) reached[a->cargo.shipment] = e.time;
    if (const auto* j = e.as<ShipmentJoinsLanes>()) {
      EXPECT_GE(e.lp, checkpoint_lps_from) << "the lanes are the checkpoint's LP";
      ASSERT_TRUE(reached.count(j->cargo.shipment));
      EXPECT_EQ(e.time - reached[j->cargo.shipment], kHandoverTicks) << "shipment " << j->cargo.shipment;
      joined[j->cargo.shipment] = e.time;
      ++handed_over;
    }
    if (const auto* c = e.as<ShipmentClearsCheckpoint>()) {
      EXPECT_LT(e.lp, static_cast<LpId>(s.countries.size())) << "back to a country";
      ASSERT_TRUE(joined.count(c->cargo.shipment));
      EXPECT_GE(e.time - joined[c->cargo.shipment], kHandoverTicks) << "shipment " << c->cargo.shipment;
      ++taken_back;
    }
  });
  replication.finish();
  EXPECT_GT(handed_over, 5);
  EXPECT_EQ(taken_back, handed_over) << "every shipment that joined the lanes left them before the horizon";
}

}  // namespace
}  // namespace bstp::border
