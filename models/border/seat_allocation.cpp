#include "seat_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bstp::border {

std::vector<std::string> cohort_countries(const Cohort& cohort) {
  std::vector<std::string> ids;
  if (!cohort.seats_by_country.empty()) {
    for (const auto& entry : cohort.seats_by_country) ids.push_back(entry.first);
  } else if (!cohort.country_weights.empty()) {
    for (const auto& entry : cohort.country_weights) ids.push_back(entry.first);
  } else {
    ids = cohort.countries;
  }
  return ids;
}

int cohort_seats(const Cohort& cohort) {
  if (cohort.seats_by_country.empty()) return cohort.seats;
  long long total = 0;
  for (const auto& entry : cohort.seats_by_country) total += std::max(0, entry.second);
  return static_cast<int>(std::min<long long>(total, 1'000'000'000));
}

namespace {

std::vector<std::pair<std::string, int>> split_by_weight(int seats, const std::vector<std::pair<std::string, double>>& weights) {
  double total = 0.0;
  for (const auto& entry : weights) total += std::max(0.0, entry.second);
  std::vector<std::pair<std::string, int>> out;
  if (weights.empty()) return out;
  std::vector<double> remainder;
  int given = 0;
  for (const auto& [id, w] : weights) {
    const double exact = total > 0.0 ? seats * std::max(0.0, w) / total : 0.0;
    const int whole = static_cast<int>(std::floor(exact));
    out.emplace_back(id, whole);
    remainder.push_back(exact - whole);
    given += whole;
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < seats && total > 0.0; k = (k + 1) % order.size(), ++given) out[order[k]].second += 1;
  return out;
}

}  // namespace

std::vector<std::pair<std::string, int>> seats_per_country(const Cohort& cohort) {
  std::vector<std::pair<std::string, int>> out;
  if (!cohort.seats_by_country.empty()) {
    for (const auto& [id, n] : cohort.seats_by_country) out.emplace_back(id, std::max(0, n));
    return out;
  }
  if (!cohort.country_weights.empty())
    return split_by_weight(cohort.seats, {cohort.country_weights.begin(), cohort.country_weights.end()});
  if (cohort.countries.empty()) return out;
  const auto n = static_cast<int>(cohort.countries.size());
  int extra = cohort.seats % n;
  for (const std::string& id : cohort.countries) out.emplace_back(id, cohort.seats / n + (extra-- > 0 ? 1 : 0));
  return out;
}

}  // namespace bstp::border
