#include "experiment/replication_codec.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace bstp::experiment {

namespace {
constexpr std::size_t K = border::kIndicatorCount;
constexpr std::size_t KU = border::kUnitMeasureCount;
constexpr std::size_t KO = border::kOrganisationMeasureCount;

// Empty (a result without them) or one row of n per measure.
bool empty_or_rows(const std::vector<std::vector<double>>& rows, std::size_t measures, std::size_t n) {
  if (rows.empty()) return true;
  bool ok = rows.size() == measures;
  for (std::size_t k = 0; ok && k < rows.size(); ++k) ok = rows[k].size() == n;
  return ok;
}
}  // namespace

// Per crossing: kg, seizures and seized kg, each a total and a row of months; then the measures
// per unit and per organisation.
std::size_t ResultShape::size() const {
  return K * (1 + months + countries) + 3 * crossings * (1 + months) + KU * units + KO * organisations + 3;
}

ResultShape shape_of(const ExperimentResults& results) {
  return {static_cast<std::size_t>(results.months), results.countries.size(), results.crossings.size(), results.units.size(),
          results.organisations.size()};
}

std::vector<double> encode(const border::ReplicationResult& result, const ResultShape& shape) {
  bool ok = result.totals.size() == K && result.monthly.size() == K && result.by_country.size() == K &&
            result.crossing_kg.size() == shape.crossings;
  for (std::size_t k = 0; ok && k < K; ++k)
    ok = result.monthly[k].size() == shape.months && result.by_country[k].size() == shape.countries;
  for (const auto* rows : {&result.crossing_kg_monthly, &result.crossing_seizures_monthly, &result.crossing_seized_kg_monthly}) {
    ok = ok && (rows->empty() || rows->size() == shape.crossings);
    for (std::size_t x = 0; ok && x < rows->size(); ++x) ok = (*rows)[x].size() == shape.months;
  }
  for (const auto* row : {&result.crossing_seizures, &result.crossing_seized_kg}) ok = ok && (row->empty() || row->size() == shape.crossings);
  ok = ok && empty_or_rows(result.by_unit, KU, shape.units) && empty_or_rows(result.by_organisation, KO, shape.organisations);
  if (!ok) throw std::invalid_argument("a replication's result does not have the experiment's shape");
  std::vector<double> data;
  data.reserve(shape.size());
  data.insert(data.end(), result.totals.begin(), result.totals.end());
  for (const auto& row : result.monthly) data.insert(data.end(), row.begin(), row.end());
  for (const auto& row : result.by_country) data.insert(data.end(), row.begin(), row.end());
  data.insert(data.end(), result.crossing_kg.begin(), result.crossing_kg.end());
  // What an older file did not have is NaN: the months of crossing kg, the seizures at crossings.
  auto months_of = [&](const std::vector<std::vector<double>>& rows) {
    for (std::size_t x = 0; x < shape.crossings; ++x) {
      if (rows.empty())
        data.insert(data.end(), shape.months, std::numeric_limits<double>::quiet_NaN());
      else
        data.insert(data.end(), rows[x].begin(), rows[x].end());
    }
  };
  auto per_crossing = [&](const std::vector<double>& row) {
    if (row.empty())
      data.insert(data.end(), shape.crossings, std::numeric_limits<double>::quiet_NaN());
    else
      data.insert(data.end(), row.begin(), row.end());
  };
  months_of(result.crossing_kg_monthly);
  per_crossing(result.crossing_seizures);
  per_crossing(result.crossing_seized_kg);
  months_of(result.crossing_seizures_monthly);
  months_of(result.crossing_seized_kg_monthly);
  // Per unit and per organisation, NaN when the result has none.
  auto rows_of = [&](const std::vector<std::vector<double>>& rows, std::size_t measures, std::size_t n) {
    for (std::size_t k = 0; k < measures; ++k) {
      if (rows.empty())
        data.insert(data.end(), n, std::numeric_limits<double>::quiet_NaN());
      else
        data.insert(data.end(), rows[k].begin(), rows[k].end());
    }
  };
  rows_of(result.by_unit, KU, shape.units);
  rows_of(result.by_organisation, KO, shape.organisations);
  data.push_back(static_cast<double>(result.events >> 32));
  data.push_back(static_cast<double>(result.events & 0xffffffffu));
  data.push_back(result.wall_seconds);
  return data;
}

border::ReplicationResult decode(std::span<const double> data, const ResultShape& shape) {
  if (data.size() != shape.size())
    throw std::runtime_error("a replication's record holds " + std::to_string(data.size()) + " values, expected " +
                             std::to_string(shape.size()));
  border::ReplicationResult result;
  const double* at = data.data();
  auto take = [&](std::size_t n) {
    std::vector<double> v(at, at + n);
    at += n;
    return v;
  };
  result.totals = take(K);
  for (std::size_t k = 0; k < K; ++k) result.monthly.push_back(take(shape.months));
  for (std::size_t k = 0; k < K; ++k) result.by_country.push_back(take(shape.countries));
  result.crossing_kg = take(shape.crossings);
  for (std::size_t x = 0; x < shape.crossings; ++x) result.crossing_kg_monthly.push_back(take(shape.months));
  result.crossing_seizures = take(shape.crossings);
  result.crossing_seized_kg = take(shape.crossings);
  for (std::size_t x = 0; x < shape.crossings; ++x) result.crossing_seizures_monthly.push_back(take(shape.months));
  for (std::size_t x = 0; x < shape.crossings; ++x) result.crossing_seized_kg_monthly.push_back(take(shape.months));
  for (std::size_t k = 0; k < KU; ++k) result.by_unit.push_back(take(shape.units));
  for (std::size_t k = 0; k < KO; ++k) result.by_organisation.push_back(take(shape.organisations));
  const double high = at[0], low = at[1];
  if (!(high >= 0 && high < 4294967296.0 && low >= 0 && low < 4294967296.0))
    throw std::runtime_error("a replication's record has a corrupt event count");
  result.events = (static_cast<std::uint64_t>(high) << 32) | static_cast<std::uint64_t>(low);
  result.wall_seconds = at[2];
  return result;
}

}  // namespace bstp::experiment
