// What orders given during a run cost (docs/model.md, "Programme costs"): the levers an order
// starts are paid from the moment it is given, at the rates of the scenario's `costs` section,
// as the same levers are when the scenario itself schedules them. Kept per country: an order
// that only repeats what is already in force (the scenario's agreement, an earlier order) costs
// nothing more.
#pragma once

#include "compiled_scenario.hpp"
#include "events.hpp"
#include "programme_costs.hpp"

#include <utility>
#include <vector>

namespace bstp::border {

class OrderCosts {
 public:
  OrderCosts(const CompiledScenario& scenario, int country);

  // Charges what `order`, arriving at this country at `now`, starts to cost, to the horizon:
  // - lanes: each lane opened beyond the most this checkpoint has had open is staffed from now
  //   (assumption: staff taken on for a lane stay paid when it closes again);
  // - share-intel: the agreement's setup and months, paid by the sharing country;
  // - joint-patrol, hot-pursuit: this country's half of the pair's days or months;
  // - train: the seats (cost per seat of the programme) now, and the officers' days in class
  //   (backfill) over the course;
  // - observe: the team's days in the field.
  // Re-posting, withdrawing or releasing units, placement and inspection rates cost nothing more
  // here (units are paid every day; inspections as they happen, at the rate in force).
  void charge(const OrderArrives& order, Time now, const PayCharge& pay);

 private:
  const CompiledScenario& scenario_;
  int country_;
  std::vector<int> most_lanes_;                     // per checkpoint: the most lanes open so far
  std::vector<bool> sharing_paid_, pursuit_paid_;   // per partner country
  std::vector<std::pair<int, int>> joint_patrols_paid_;  // (my sector, partner's sector)
};

}  // namespace bstp::border
