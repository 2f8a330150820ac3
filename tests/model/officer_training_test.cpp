// Officers and training (docs/model.md, "Officers and training"): seats allocated per country,
// turnover and skill decay of the trained stock, refreshers, each unit's own officers, observers
// and their Hawthorne effect, and the officer-days spent in class. Each rule is checked on a case
// worked by hand.
#include "model_fixtures.hpp"

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

}  // namespace
}  // namespace bstp::border::testing
