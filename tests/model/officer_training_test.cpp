// Officers and training (docs/model.md, "Officers and training"): seats allocated per country,
// turnover and skill decay of the trained stock, refreshers, each unit's own officers, observers
// and their Hawthorne effect, and the officer-days spent in class. Each rule is checked on a case
// worked by hand.
#include "model_fixtures.hpp"

#include <border/officer_posts.hpp>
#include <border/police_force.hpp>
#include <border/seat_allocation.hpp>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

// Two countries, one leg, one training program whose cohort is `cohort` (a flow mapping).
std::string trained(const std::string& cohort, const std::string& training_keys = "") {
  return "scenario: {name: training, horizon_days: 200, seed: 5, replications: 1}\ncountries:\n" + country("GT", 300) +
         country("MX", 100) +
         "nodes:\n"
         "  a: {kind: hub, country: GT}\n"
         "  b: {kind: hub, country: MX}\n"
         "edges:\n"
         "  - {from: a, to: b, travel_hours: {dist: fixed, mean: 1}}\n"
         "organisations:\n" +
         organisation("cell", "a", "b", 1.0) + "training:\n" + training_keys +
         "  programs:\n    p:\n      cost_per_seat_usd: 100\n      cohorts:\n        - " + cohort + "\n";
}

std::map<std::string, int> seats_of(const CompiledScenario& s) {
  std::map<std::string, int> seats;
  for (const CohortParams& c : s.cohorts) seats[s.countries[static_cast<std::size_t>(c.country)].id] += c.seats;
  return seats;
}

TEST(SeatAllocation, EvenSplitGivesTheFirstCountriesTheSeatsLeftOver) {
  const CompiledScenario s = compile(trained("{start_day: 10, seats: 41, countries: [MX, GT]}"));
  EXPECT_EQ(seats_of(s), (std::map<std::string, int>{{"GT", 20}, {"MX", 21}}));
}

TEST(SeatAllocation, WeightsSplitTheSeatsInProportion) {
  // 40 seats at 3:1 are 30 and 10 exactly.
  EXPECT_EQ(seats_of(compile(trained("{start_day: 10, seats: 40, country_weights: {GT: 3, MX: 1}}"))),
            (std::map<std::string, int>{{"GT", 30}, {"MX", 10}}));
  // 10 seats at 2:1 are 6.67 and 3.33: floors 6 and 3, the seat left over to the larger remainder (GT).
  EXPECT_EQ(seats_of(compile(trained("{start_day: 10, seats: 10, country_weights: {GT: 2, MX: 1}}"))),
            (std::map<std::string, int>{{"GT", 7}, {"MX", 3}}));
  // Equal remainders: the country first in id order.
  EXPECT_EQ(seats_of(compile(trained("{start_day: 10, seats: 5, country_weights: {MX: 1, GT: 1}}"))),
            (std::map<std::string, int>{{"GT", 3}, {"MX", 2}}));
  // A weight of 0 gets no seat.
  EXPECT_EQ(seats_of(compile(trained("{start_day: 10, seats: 7, country_weights: {GT: 1, MX: 0}}"))),
            (std::map<std::string, int>{{"GT", 7}, {"MX", 0}}));
}

TEST(SeatAllocation, CountedSeatsAreTakenAsGivenAndCostedPerSeat) {
  const CompiledScenario s = compile(trained("{start_day: 10, seats_by_country: {GT: 30, MX: 10}}"));
  EXPECT_EQ(seats_of(s), (std::map<std::string, int>{{"GT", 30}, {"MX", 10}}));
  double cost = 0.0;
  for (const CohortParams& c : s.cohorts) cost += c.cost_usd;
  EXPECT_DOUBLE_EQ(cost, 40 * 100.0);
  // The simulation trains them: 40 graduates, 30 of them in GT.
  const ReplicationResult r = simulate_replication(s, 0);
  const auto trained_slot = static_cast<std::size_t>(Indicator::officers_trained);
  EXPECT_DOUBLE_EQ(r.totals[trained_slot], 40.0);
  EXPECT_DOUBLE_EQ(r.by_country[trained_slot][static_cast<std::size_t>(s.country_index("GT"))], 30.0);
}

TEST(SeatAllocation, WeightsFollowTheSeatsForAnyCount) {
  // Largest remainders: every share within one seat of seats x w / W, summing to the seats.
  for (int seats = 0; seats <= 60; ++seats) {
    Cohort c;
    c.seats = seats;
    c.country_weights = {{"BZ", 1.0}, {"GT", 5.0}, {"MX", 2.5}};
    int total = 0;
    for (const auto& [id, n] : seats_per_country(c)) {
      EXPECT_LT(std::abs(n - seats * c.country_weights.at(id) / 8.5), 1.0) << seats << " " << id;
      total += n;
    }
    EXPECT_EQ(total, seats);
  }
}

// --- turnover, decay and refreshers -------------------------------------------------------------


// GT with 100 officers, half of them trained at the start, no cohort unless given.
CompiledScenario force(const std::string& training_keys, const std::string& cohorts = "") {
  return compile("scenario: {name: force, horizon_days: 800, seed: 5, replications: 1}\ncountries:\n" + country("GT", 100, 0.5) +
                 "nodes:\n  a: {kind: hub, country: GT}\n  b: {kind: hub, country: GT}\n"
                 "edges:\n  - {from: a, to: b, travel_hours: {dist: fixed, mean: 1}}\n"
                 "organisations:\n" +
                 organisation("cell", "a", "b", 1.0) + "training:\n" + training_keys +
                 (cohorts.empty() ? "" : "  programs:\n    p:\n      cohorts:\n" + cohorts));
}

TEST(TrainedStock, StartingStockLeavesWithTurnoverAndFadesLikeGraduates) {
  const CompiledScenario s = force("  turnover_per_year: 0.27\n  skill_half_life_days: 365\n");
  const PoliceForce police(s, 0);
  // After 365 days: 50 x exp(-0.27 x 365 / 365.25) officers still at their posts, at half skill.
  EXPECT_NEAR(police.trained_share(365 * kDay), 0.5 * std::exp(-0.27 * 365.0 / 365.25), 1e-12);
  EXPECT_NEAR(police.trained_skill(365 * kDay), 0.5, 1e-12);
  EXPECT_NEAR(police.skill(365 * kDay, 0.6), 0.5 * std::exp(-0.27 * 365.0 / 365.25) * 0.5 * 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(police.trained_share(0), 0.5);
  EXPECT_DOUBLE_EQ(police.trained_skill(0), 1.0);
}

TEST(TrainedStock, GraduatesJoinAndLeaveAtTheSameRate) {
  const CompiledScenario s = force("  turnover_per_year: 0.27\n  skill_half_life_days: 365\n",
                                   "        - {start_day: 72, seats: 20, length_weeks: 4, countries: [GT]}\n");
  PoliceForce police(s, 0);
  police.cohort_leaves(s.cohorts[0]);
  EXPECT_DOUBLE_EQ(police.availability(), 0.8);
  police.cohort_returns(100 * kDay, s.cohorts[0]);
  EXPECT_DOUBLE_EQ(police.availability(), 1.0);
  const double old_group = 50 * std::exp(-0.27 * 365.0 / 365.25), new_group = 20 * std::exp(-0.27 * 265.0 / 365.25);
  EXPECT_NEAR(police.trained_share(365 * kDay), (old_group + new_group) / 100.0, 1e-12);
  EXPECT_NEAR(police.trained_skill(365 * kDay), (old_group * 0.5 + new_group * std::exp2(-265.0 / 365.0)) / (old_group + new_group), 1e-12);
}

TEST(TrainedStock, RefresherRestoresTheSkillOfTheOfficersTrainedLongestAgo) {
  const CompiledScenario s = force("  skill_half_life_days: 365\n",
                                   "        - {start_day: 337, seats: 20, length_weeks: 4, countries: [GT], refresher: true}\n"
                                   "        - {start_day: 337, seats: 80, length_weeks: 4, countries: [GT], refresher: true}\n");
  PoliceForce police(s, 0);
  police.cohort_returns(365 * kDay, s.cohorts[0]);
  // 30 officers at half skill and 20 refreshed: no more trained officers, more skill.
  EXPECT_DOUBLE_EQ(police.trained_share(365 * kDay), 0.5);
  EXPECT_NEAR(police.trained_skill(365 * kDay), (30 * 0.5 + 20 * 1.0) / 50.0, 1e-12);
  // More seats than trained officers: all 50 are refreshed, none is newly trained.
  police.cohort_returns(365 * kDay, s.cohorts[1]);
  EXPECT_NEAR(police.trained_share(365 * kDay), 0.5, 1e-12);
  EXPECT_NEAR(police.trained_skill(365 * kDay), 1.0, 1e-12);
}

TEST(TrainedStock, BasicCourseTrainsNoMoreThanTheUntrainedOfficers) {
  const CompiledScenario s = force("", "        - {start_day: 1, seats: 80, length_weeks: 1, countries: [GT]}\n");
  PoliceForce police(s, 0);
  police.cohort_returns(8 * kDay, s.cohorts[0]);
  EXPECT_DOUBLE_EQ(police.trained_share(8 * kDay), 1.0);
}

// --- a post's officers ---------------------------------------------------------------------------

// One leg watched all day by one fixed unit of `officers` officers; the country has 100 officers,
// `share` of them trained, skill that barely fades and no turnover unless `training_keys` says.
// Every shipment is offered a bribe; an untrained officer takes it, a trained one never does.
std::string one_unit(double share, int officers, const std::string& training_keys = "  method_use_share: 1\n",
                     double bribe = 0.0) {
  return "scenario: {name: one_unit, horizon_days: 365, seed: 21, replications: 1}\ncountries:\n" +
         country("AA", 100, share, bribe > 0.0 ? 1.0 : 0.0, 0.0) +
         "nodes:\n  src: {kind: landing, country: AA}\n  dst: {kind: hub, country: AA}\n"
         "edges:\n  - {id: leg, from: src, to: dst, mode: trail, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 1}\n"
         "sectors:\n  s: {country: AA, units: 1, officers_per_unit: " +
         std::to_string(officers) +
         ", placement: fixed, detection: {untrained: 0.1, trained: 0.5}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 300.0, "informed", 0.0, 0.0, bribe) + "training:\n  skill_half_life_days: 36500\n" +
         training_keys;
}

struct Tally {
  double shipped = 0.0, seized = 0.0, bribes = 0.0;
};
Tally tally(const CompiledScenario& s, int replications) {
  Tally t;
  for (int r = 0; r < replications; ++r) {
    const ReplicationResult result = simulate_replication(s, static_cast<std::uint64_t>(r));
    t.shipped += result.totals[static_cast<std::size_t>(Indicator::shipments)];
    t.seized += result.totals[static_cast<std::size_t>(Indicator::seizures)];
    t.bribes += result.totals[static_cast<std::size_t>(Indicator::bribes)];
  }
  return t;
}

// Skill 2^(-t / 36500 days) averaged over a year.
const double kMeanSkill = (1.0 - std::exp2(-365.0 / 36500.0)) / (std::log(2.0) * 365.0 / 36500.0);

TEST(PostOfficers, AUnitDetectsWithTheTrainedShareOfItsOwnOfficers) {
  // 4 officers, 30 % of the country trained: floor(0.3 x 4 + 1/2) = 1 trained officer, so
  // q = 0.1 + 0.4 x 1/4 x skill (not the country's 0.1 + 0.4 x 0.3).
  const Tally t = tally(compile(one_unit(0.3, 4)), 3);
  ASSERT_GT(t.shipped, 10000.0);
  const double p = 0.1 + 0.4 * 0.25 * kMeanSkill;
  EXPECT_NEAR(t.seized / t.shipped, p, 4.0 * std::sqrt(p * (1.0 - p) / t.shipped) + 2.0 / t.shipped);
  // Half trained: 2 of 4.
  const Tally half = tally(compile(one_unit(0.5, 4)), 3);
  const double p2 = 0.1 + 0.4 * 0.5 * kMeanSkill;
  EXPECT_NEAR(half.seized / half.shipped, p2, 4.0 * std::sqrt(p2 * (1.0 - p2) / half.shipped) + 2.0 / half.shipped);
}

TEST(PostOfficers, BribeAcceptanceFollowsTheOfficersOfTheDetectingUnit) {
  // Each detection meets one of the unit's officers: trained and using the methods (never takes
  // the bribe) with 2/4 x skill, else it passes with the bribe.
  const Tally t = tally(compile(one_unit(0.5, 4, "  method_use_share: 1\n", 1.0)), 3);
  const double detections = t.seized + t.bribes, p = 1.0 - 0.5 * kMeanSkill;
  ASSERT_GT(detections, 2000.0);
  EXPECT_NEAR(t.bribes / detections, p, 4.0 * std::sqrt(p * (1.0 - p) / detections));
}

TEST(PostOfficers, EachTrainedOfficerUsesTheMethodsByItsOwnDraw) {
  // 100 units of 20 officers, all trained: the share using the methods is method_use_share within
  // binomial error, the same officers on every day, and other officers in another replication.
  const CompiledScenario s = compile(
      "scenario: {name: many, horizon_days: 30, seed: 3, replications: 1}\ncountries:\n" + country("AA", 2000, 1.0) +
      "nodes:\n  src: {kind: landing, country: AA}\n  dst: {kind: hub, country: AA}\n"
      "edges:\n  - {id: leg, from: src, to: dst, travel_hours: {dist: fixed, mean: 1}, sector: s}\n"
      "sectors:\n  s: {country: AA, units: 100, officers_per_unit: 20, detection: {untrained: 0.1, trained: 0.5}}\n"
      "organisations:\n" +
      organisation("cell", "src", "dst", 1.0) + "training:\n  method_use_share: 0.6\n");
  const PoliceForce police(s, 0);
  const OfficerPosts rep0(s, 0, 0), rep1(s, 0, 1);
  int trained = 0, users = 0, differ = 0;
  for (int post : rep0.posts_with_officers()) {
    const OfficerPosts::Crew c = rep0.crew(post, 5 * kDay, police);
    trained += c.trained;
    users += c.using_methods;
    EXPECT_EQ(c.using_methods, rep0.crew(post, 25 * kDay, police).using_methods);
    differ += c.using_methods != rep1.crew(post, 5 * kDay, police).using_methods ? 1 : 0;
  }
  EXPECT_EQ(trained, 2000);
  EXPECT_NEAR(users / 2000.0, 0.6, 4.0 * std::sqrt(0.6 * 0.4 / 2000.0));
  EXPECT_GT(differ, 0);
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_DOUBLE_EQ(r.totals[static_cast<std::size_t>(Indicator::true_method_use)], users / 2000.0);
  EXPECT_TRUE(std::isnan(r.totals[static_cast<std::size_t>(Indicator::observed_method_use)]));
}

TEST(PostOfficers, TurnoverLowersSeizuresWithTheSameDraws) {
  // Direction, with common random numbers: the trained officers leaving (and replaced untrained)
  // make the unit catch less. Paired over replications, the interval excludes 0.
  const std::string keep = "  method_use_share: 1\n", leave = "  method_use_share: 1\n  turnover_per_year: 1.5\n";
  std::vector<double> with_keep, with_leave;
  for (int r = 0; r < 8; ++r) {
    with_keep.push_back(simulate_replication(compile(one_unit(1.0, 4, keep)), static_cast<std::uint64_t>(r))
                            .totals[static_cast<std::size_t>(Indicator::seizures)]);
    with_leave.push_back(simulate_replication(compile(one_unit(1.0, 4, leave)), static_cast<std::uint64_t>(r))
                             .totals[static_cast<std::size_t>(Indicator::seizures)]);
  }
  const Sample d = sample_of(minus(with_leave, with_keep));
  EXPECT_LT(d.mean + 3.0 * d.standard_error, 0.0) << d.mean << " +- " << d.standard_error;
}

TEST(TrainedStock, RefresherRaisesSeizuresWithTheSameDraws) {
  // Direction, with common random numbers: skill fading with a 120-day half-life, a one-week
  // refresher for half the force on day 150 against none. Paired over replications.
  auto scenario = [](bool refresher) {
    std::string text = one_unit(1.0, 4);
    const std::string from = "skill_half_life_days: 36500";
    text.replace(text.find(from), from.size(), "skill_half_life_days: 120");
    if (refresher)
      text += "  programs:\n    p:\n      cohorts:\n"
              "        - {start_day: 150, seats: 50, length_weeks: 1, countries: [AA], refresher: true}\n";
    return compile(text);
  };
  const CompiledScenario without = scenario(false), with = scenario(true);
  std::vector<double> a, b;
  for (int r = 0; r < 8; ++r) {
    a.push_back(simulate_replication(without, static_cast<std::uint64_t>(r)).totals[static_cast<std::size_t>(Indicator::seizures)]);
    b.push_back(simulate_replication(with, static_cast<std::uint64_t>(r)).totals[static_cast<std::size_t>(Indicator::seizures)]);
  }
  const Sample d = sample_of(minus(b, a));
  EXPECT_GT(d.mean - 3.0 * d.standard_error, 0.0) << d.mean << " +- " << d.standard_error;
}

// --- observers --------------------------------------------------------------------------------

// Two units of 200 trained officers each; a team visits them 10 days each from day 60 for 40 days.
std::string watched(const std::string& observers) {
  return "scenario: {name: watched, horizon_days: 180, seed: 8, replications: 1}\ncountries:\n" + country("AA", 400, 1.0) +
         "nodes:\n  src: {kind: landing, country: AA}\n  dst: {kind: hub, country: AA}\n"
         "edges:\n  - {id: leg, from: src, to: dst, travel_hours: {dist: fixed, mean: 1}, sector: s}\n"
         "sectors:\n  s: {country: AA, units: 2, officers_per_unit: 200, detection: {untrained: 0.1, trained: 0.5}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 1.0) + "training:\n  method_use_share: 0.5\n  observers: " + observers + "\n";
}

TEST(Observers, TheHawthorneGapAppearsOnlyWhileObserved) {
  const CompiledScenario none = compile(watched("[]"));
  const CompiledScenario team = compile(watched(
      "[{country: AA, start_day: 60, days: 40, sectors: [s], days_per_visit: 10, method_use_boost: 0.3, spillover: -0.1}]"));
  const OfficerPosts posts(team, 0, 0);
  const int first = team.unit_post(0), second = team.unit_post(1);
  // Days 60-70 with the first unit, 70-80 with the second, and so on; nothing outside [60, 100).
  EXPECT_DOUBLE_EQ(posts.method_use(first, 65 * kDay), 0.8);
  EXPECT_DOUBLE_EQ(posts.method_use(second, 65 * kDay), 0.4);
  EXPECT_DOUBLE_EQ(posts.method_use(first, 75 * kDay), 0.4);
  EXPECT_TRUE(posts.observed(second, 75 * kDay));
  EXPECT_DOUBLE_EQ(posts.method_use(first, 59 * kDay), 0.5);
  EXPECT_DOUBLE_EQ(posts.method_use(first, 100 * kDay), 0.5);
  EXPECT_FALSE(posts.observed(first, 100 * kDay));

  const ReplicationResult a = simulate_replication(none, 0), b = simulate_replication(team, 0);
  const auto observed = static_cast<std::size_t>(Indicator::observed_method_use), all = static_cast<std::size_t>(Indicator::true_method_use);
  // What the team records is well above the truth (0.8 against about 0.5), a measurement bias.
  EXPECT_NEAR(b.totals[observed], 0.8, 4.0 * std::sqrt(0.16 / 400.0));
  EXPECT_GT(b.totals[observed], b.totals[all] + 0.2);
  // Month by month (months of 30.44 days): the true use changes only in the months the team is
  // there (months 2 and 3, days 60.9-121.7 and 30.4-60.9 hold days 60-100); elsewhere it is the
  // same bits as with no team, and nothing is recorded as observed.
  for (std::size_t m = 0; m < a.monthly[all].size(); ++m) {
    const bool visited = m == 1 || m == 2 || m == 3;
    if (!visited) {
      EXPECT_EQ(a.monthly[all][m], b.monthly[all][m]) << m;
      EXPECT_TRUE(std::isnan(b.monthly[observed][m])) << m;
    } else {
      EXPECT_NE(a.monthly[all][m], b.monthly[all][m]) << m;
    }
  }
}

TEST(Observers, ATeamWithNoSectorsAndNoVisitsWatchesTheWholeCountry) {
  const CompiledScenario team = compile(watched("[{country: AA, start_day: 60, days: 40, method_use_boost: 0.3}]"));
  const OfficerPosts posts(team, 0, 0);
  EXPECT_DOUBLE_EQ(posts.method_use(team.unit_post(0), 65 * kDay), 0.8);
  EXPECT_DOUBLE_EQ(posts.method_use(team.unit_post(1), 65 * kDay), 0.8);
  EXPECT_DOUBLE_EQ(posts.method_use(-1, 65 * kDay), 0.8);
}

// --- officers in class --------------------------------------------------------------------------

TEST(OfficersInClass, AreOffTheLineAndTheirDaysAreCounted) {
  // 5 of the country's 10 officers in class all year: availability 1/2 halves q = 0.3.
  const std::string base = "scenario: {name: class, horizon_days: 365, seed: 4, replications: 1}\ncountries:\n" +
                           country("AA", 10) +
                           "nodes:\n  src: {kind: landing, country: AA}\n  dst: {kind: hub, country: AA}\n"
                           "edges:\n  - {id: leg, from: src, to: dst, travel_hours: {dist: fixed, mean: 1}, sector: s}\n"
                           "sectors:\n  s: {country: AA, units: 1, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}\n"
                           "organisations:\n" +
                           organisation("cell", "src", "dst", 300.0, "informed") +
                           "training:\n  programs:\n    p:\n      cohorts:\n"
                           "        - {start_day: 0, seats: 5, length_weeks: 60, countries: [AA]}\n";
  const CompiledScenario s = compile(base);
  const Tally t = tally(s, 3);
  EXPECT_NEAR(t.seized / t.shipped, 0.15, 4.0 * std::sqrt(0.15 * 0.85 / t.shipped) + 2.0 / t.shipped);
  // 5 seats x 60 weeks, counted when the cohort starts.
  const ReplicationResult r = simulate_replication(s, 0);
  EXPECT_DOUBLE_EQ(r.totals[static_cast<std::size_t>(Indicator::officer_days_in_class)], 5 * 420.0);
}

}  // namespace
}  // namespace bstp::border::testing
