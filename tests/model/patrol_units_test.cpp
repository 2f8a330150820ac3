// Patrol units: where each unit is, how detection follows the units on a leg during a passage
// (checked against the formula of docs/model.md by hand), what an informed organisation expects
// over the placement cycle, and joint patrols closing only the seam they pair.
#include "model_fixtures.hpp"

#include <border/patrol_roster.hpp>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

// One leg inside one country, watched by one sector; an informed organisation ships 300 fixed
// loads a month over it, with no bribes, violence or seams, so every detection is a seizure.
std::string one_leg(const std::string& sector) {
  return "scenario: {name: one_leg, horizon_days: 365, seed: 11, replications: 1}\ncountries:\n" + country("AA") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {id: the_leg, from: src, to: dst, mode: trail, travel_hours: {dist: fixed, mean: 1}, sector: s, "
         "exposure: 1}\n"
         "sectors:\n"
         "  s: " +
         sector +
         "\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 300.0, "informed");
}

struct Counts {
  double shipped = 0.0, seized = 0.0;
};
Counts run(const CompiledScenario& s, int replications) {
  Counts c;
  for (int r = 0; r < replications; ++r) {
    const ReplicationResult result = simulate_replication(s, static_cast<std::uint64_t>(r));
    c.shipped += result.totals[static_cast<std::size_t>(Indicator::shipments)];
    c.seized += result.totals[static_cast<std::size_t>(Indicator::seizures)];
  }
  return c;
}

// The seized share against p within 4 binomial standard errors (plus the few shipments still on
// the leg at the horizon).
void expect_seized_share(const std::string& sector, double p) {
  const Counts c = run(compile(one_leg(sector)), 3);
  ASSERT_GT(c.shipped, 10000.0);
  EXPECT_NEAR(c.seized / c.shipped, p, 4.0 * std::sqrt(p * (1.0 - p) / c.shipped) + 2.0 / c.shipped) << sector;
}

TEST(PatrolUnits, OneUnitOnTheLegAllDayDetectsWithItsProbability) {
  expect_seized_share("{country: AA, units: 1, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}", 0.3);
}

TEST(PatrolUnits, AHalfDayShiftHalvesDetectionOnAverage) {
  // Passages start at random times: on average half of each is inside the 12-hour shift.
  expect_seized_share(
      "{country: AA, units: 1, hours_on_duty_per_day: 12, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}",
      0.15);
}

TEST(PatrolUnits, TwoUnitsOnTheLegAllDayCombineIndependently) {
  expect_seized_share("{country: AA, units: 2, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}",
                      1.0 - 0.7 * 0.7);
}

TEST(PatrolUnits, StaggeredShiftsHandOverTheLeg) {
  // Two 12-hour shifts staggered by 12 hours: exactly one unit on the leg at every moment. A
  // 1-hour passage straddles a handover with probability 2/24, splitting into f and 1 - f
  // (f uniform): P = 0.3 - (2/24) x E[0.09 f (1 - f)] = 0.3 - 0.09 / 72.
  expect_seized_share(
      "{country: AA, units: 2, hours_on_duty_per_day: 12, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}",
      0.3 - 0.09 / 72.0);
}

// Two parallel crossings of one sector, listed in the file in reverse id order.
std::string two_posts(const std::string& sector_keys) {
  return "scenario: {name: two_posts, horizon_days: 365, seed: 12, replications: 1}\ncountries:\n" + country("AA") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  x: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91}\n"
         "  y: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91.1}\n"
         "  base: {kind: town, country: AA, lat: 14.1, lon: -91.2}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {id: b_leg, from: src, to: y, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 0.5}\n"
         "  - {id: a_leg, from: src, to: x, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 0.5}\n"
         "  - {from: x, to: dst, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: y, to: dst, travel_hours: {dist: fixed, mean: 1}}\n"
         "sectors:\n"
         "  s: {country: AA, home_base: base, detection: {untrained: 0.3, trained: 0.3}, " +
         sector_keys +
         "}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 60.0, "learned", 0.0, 0.0);
}

TEST(PatrolUnits, EachUnitIsPostedInTransitOrOffDutyAtEachMoment) {
  // Posts in edge id order: a_leg (edge 1) first, whatever the file's order. Rotating daily,
  // the unit was on b_leg in the shift before time 0, so day 0's 06:00 shift starts with 2 hours
  // of transit to a_leg, and day 1's to b_leg.
  const CompiledScenario s =
      compile(two_posts("units: 1, hours_on_duty_per_day: 12, shift_start_hour: 6, transit_hours: 2, placement: "
                        "rotation, rotation_days: 1"));
  PatrolRoster roster(s, 0);
  using D = PatrolRoster::Duty;
  auto at = [&](double hours) {
    const auto t = static_cast<Time>(hours * static_cast<double>(kHour));
    return roster.where(0, t, t);
  };
  EXPECT_EQ(at(5).duty, D::off_duty);
  EXPECT_EQ(at(7).duty, D::in_transit);
  EXPECT_EQ(at(7).edge, 1);
  EXPECT_EQ(at(9).duty, D::posted);
  EXPECT_EQ(at(9).edge, 1);
  EXPECT_EQ(at(19).duty, D::off_duty);
  EXPECT_EQ(at(24 + 7).duty, D::in_transit);
  EXPECT_EQ(at(24 + 9).edge, 0);
  EXPECT_EQ(at(48 + 9).edge, 1);
  EXPECT_EQ(s.units[0].name, "s.1");
  EXPECT_EQ(s.units[0].home_base, static_cast<int>(s.graph().index_of("base")));
}

TEST(PatrolUnits, FixedAndRandomPlacementNoLongerGiveTheSameRun) {
  const std::vector<double> fixed = totals(compile(two_posts("units: 1, placement: fixed")), Indicator::seizures, 4);
  const std::vector<double> random = totals(compile(two_posts("units: 1, placement: random")), Indicator::seizures, 4);
  EXPECT_NE(fixed, random);
}

TEST(PatrolUnits, InformedRiskIsTheExpectedCoverageOverThePlacementCycle) {
  // One unit, q = 0.3: fixed on a_leg, 12-hour shifts: 0.3 x 0.5 on a_leg, 0 on b_leg; random
  // over two equal posts all day: 0.3 x 0.5 on each; rotation the same on average.
  auto risk = [](const std::string& keys, int edge) {
    const CompiledScenario s = compile(two_posts(keys));
    for (std::size_t a = 0; a < s.graph().arc_count(); ++a)
      if (s.graph().arc(static_cast<ArcIndex>(a)).edge == static_cast<std::size_t>(edge)) return s.informed_risk()[a];
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(risk("units: 1, hours_on_duty_per_day: 12, placement: fixed", 1), 0.15);
  EXPECT_DOUBLE_EQ(risk("units: 1, hours_on_duty_per_day: 12, placement: fixed", 0), 0.0);
  EXPECT_DOUBLE_EQ(risk("units: 1, placement: random", 0), 0.15);
  EXPECT_DOUBLE_EQ(risk("units: 1, placement: rotation", 0), 0.15);
  EXPECT_DOUBLE_EQ(risk("units: 1, placement: rotation", 1), 0.15);
}

TEST(PatrolUnits, UnitCostIsCountedPerUnitDay) {
  const std::string yaml = one_leg("{country: AA, units: 3, unit_kind: team, placement: fixed}") +
                           "unit_kinds:\n  team: {cost_per_unit_day_usd: 100}\n";
  const ReplicationResult r = simulate_replication(compile(yaml), 0);
  EXPECT_DOUBLE_EQ(r.totals[static_cast<std::size_t>(Indicator::patrol_cost_usd)], 3 * 365 * 100.0);
}

std::string error_of(const std::string& yaml) {
  try {
    compile(yaml);
  } catch (const ScenarioError& e) { return e.what(); }
  return "";
}

TEST(PatrolUnits, FormerMovementKeyIsReadAsPlacement) {
  const CompiledScenario s = compile(two_posts("units: 1, movement: rotation"));
  EXPECT_EQ(s.sectors[0].placement, Placement::rotation);
  EXPECT_NE(error_of(two_posts("units: 1, movement: rotation, placement: random")).find("former name of 'placement'"),
            std::string::npos);
}

TEST(PatrolUnits, PostsMustBeLegsOfTheSectorAndNamesMatchTheCount) {
  EXPECT_NE(error_of(two_posts("units: 1, posts: [x-dst]"))
                .find("sectors.s.posts.0: edge 'x-dst' is not a leg of sector 's'"),
            std::string::npos);
  EXPECT_NE(error_of(two_posts("units: 1, posts: [nosuch]")).find("'nosuch' is not the id of an edge"),
            std::string::npos);
  EXPECT_NE(error_of(two_posts("units: 3, unit_names: [alpha, bravo]")).find("3 units but 2 unit_names"),
            std::string::npos);
  EXPECT_NE(error_of(two_posts("units: 1, unit_kind: boat")).find("'boat' is not a defined unit kind"),
            std::string::npos);
  const CompiledScenario named = compile(two_posts("unit_names: [alpha, bravo]"));
  ASSERT_EQ(named.units.size(), 2u);
  EXPECT_EQ(named.units[1].name, "bravo");
  EXPECT_EQ(named.units[1].shift_offset, 6 * kHour + 12 * kHour);
}

// Guatemala's Izabal sector watches a leg into Belize and a sea leg into Honduras; a joint patrol
// pairs it with Belize's Toledo sector.
TEST(JointPatrols, CloseOnlyTheSeamTheyPair) {
  const std::string yaml = "scenario: {name: seams, horizon_days: 30, seed: 1, replications: 1}\ncountries:\n" +
                           country("GT") + country("BZ") + country("HN") +
                           "nodes:\n"
                           "  izabal: {kind: town, country: GT, lat: 15.7, lon: -88.6}\n"
                           "  toledo: {kind: town, country: BZ, lat: 16.1, lon: -88.8}\n"
                           "  omoa: {kind: landing, country: HN, lat: 15.8, lon: -88.0}\n"
                           "edges:\n"
                           "  - {id: to_belize, from: izabal, to: toledo, mode: river, travel_hours: {dist: fixed, "
                           "mean: 2}, sector: gt_izabal, exposure: 0.5}\n"
                           "  - {id: to_honduras, from: izabal, to: omoa, mode: sea, travel_hours: {dist: fixed, mean: "
                           "3}, sector: gt_izabal, exposure: 0.5}\n"
                           "sectors:\n"
                           "  gt_izabal: {country: GT, units: 1, detection: {untrained: 0.2, trained: 0.2}}\n"
                           "  bz_toledo: {country: BZ, units: 1, detection: {untrained: 0.2, trained: 0.2}}\n"
                           "coordination:\n"
                           "  seam_penalty: 0.5\n"
                           "  joint_patrols: [{sector_a: gt_izabal, sector_b: bz_toledo}]\n";
  const CompiledScenario s = compile(yaml);
  auto arc_of = [&](std::size_t edge) {
    for (std::size_t a = 0; a < s.graph().arc_count(); ++a)
      if (s.graph().arc(static_cast<ArcIndex>(a)).edge == edge) return static_cast<ArcIndex>(a);
    return ArcIndex{0};
  };
  EXPECT_DOUBLE_EQ(s.seam_factor(arc_of(0), 0), 1.0) << "the paired Guatemala-Belize seam";
  EXPECT_DOUBLE_EQ(s.seam_factor(arc_of(1), 0), 0.5) << "Izabal's sea leg to Honduras keeps its penalty";
}

}  // namespace
}  // namespace bstp::border::testing
