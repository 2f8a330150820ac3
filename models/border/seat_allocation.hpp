// How a training cohort's seats are shared among countries (docs/model.md, "Training"): evenly
// across `countries`, in proportion to `country_weights`, or as counted in `seats_by_country`.
#pragma once

#include "scenario.hpp"

#include <string>
#include <utility>
#include <vector>

namespace bstp::border {

// The countries a cohort trains, in the order its seats are listed (list order for `countries`,
// id order for the two maps).
std::vector<std::string> cohort_countries(const Cohort& cohort);

// The seats each of the cohort's countries gets, summing to the cohort's seats (or, for
// `seats_by_country`, to the counts given). Weights split by largest remainders: each country
// gets floor(seats x w / W), and the seats left over go one each to the largest fractional parts,
// ties to the country first in id order. An even split gives the first countries of the list the
// seats left over.
std::vector<std::pair<std::string, int>> seats_per_country(const Cohort& cohort);

// The cohort's seats in total: `seats`, or the sum of `seats_by_country` when that is given.
int cohort_seats(const Cohort& cohort);

}  // namespace bstp::border
