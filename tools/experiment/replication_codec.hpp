// One replication's result as a flat array of doubles, bit for bit: what the checkpoint journal
// stores and what MPI ranks send to rank 0. Layout: totals [K], monthly [K x M], by_country
// [K x C], crossing_kg [X], crossing_kg_monthly [X x M], crossing_seizures [X], crossing_seized_kg [X],
// crossing_seizures_monthly [X x M], crossing_seized_kg_monthly [X x M], by_unit [unit measures x
// U], by_organisation [organisation measures x O], events (high and low 32 bits, two exact
// doubles), wall_seconds.
#pragma once

#include "experiment/experiment_results.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace bstp::experiment {

struct ResultShape {
  std::size_t months = 0, countries = 0, crossings = 0, units = 0, organisations = 0;
  // Doubles in an encoded replication.
  std::size_t size() const;
  bool operator==(const ResultShape&) const = default;
};

ResultShape shape_of(const ExperimentResults& results);

// Throws std::invalid_argument if `result` is not done or not of `shape`.
std::vector<double> encode(const border::ReplicationResult& result, const ResultShape& shape);
// Throws std::runtime_error if `data` does not hold one replication of `shape`.
border::ReplicationResult decode(std::span<const double> data, const ResultShape& shape);

}  // namespace bstp::experiment
