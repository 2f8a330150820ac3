// What an experiment (one run of several policies, or a sweep) produces: design points x
// replications of the model's indicators, and the provenance needed to reproduce them. Plain
// data: the experiment runner fills it, results_file.hpp writes and reads it (docs/results-format.md).
#pragma once

#include "border/indicators.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bstp::experiment {

// A policy or a sweep point.
struct DesignPoint {
  std::string name;
  // The swept dotted scenario paths and their values at this point, in sweep order; empty for
  // policies.
  std::vector<std::pair<std::string, double>> parameters;
  // The scenario policy the point applies ("" = the base scenario); equal to `name` for `bstp run`.
  std::string policy{};

  bool operator==(const DesignPoint&) const = default;
};

// Where an experiment's results come from, written as root attributes of the results file.
struct Provenance {
  std::string scenario_text;  // the resolved scenario YAML (or another model's description)
  std::string sweep_text;     // the sweep file's YAML, for sweeps; empty otherwise
  std::string scenario_file;
  std::string bstp_version;
  std::string git_revision;
  std::string command_line;
  std::string created_utc;  // ISO 8601, e.g. "2024-05-01T12:00:00Z"
  std::uint64_t seed = 0;
};

struct ExperimentResults : Provenance {
  std::vector<DesignPoint> points;
  int replications = 0;                // R
  int months = 0;                      // M = ceil(horizon_days / 30.4375)
  std::vector<std::string> countries;  // country ids in scenario order (C), the order of by_country
  std::vector<std::string> crossings;  // border crossing node ids, in the order of crossing_kg (X)
  std::vector<std::string> units;          // patrol unit names, in the order of by_unit (U; every point's units)
  std::vector<std::string> organisations;  // organisation ids in scenario order, the order of by_organisation (O)

  // values[p][r], p < points.size(), r < replications. A done replication has totals
  // [kIndicatorCount], monthly [kIndicatorCount][M], by_country [kIndicatorCount][C] (NaN where
  // undefined) and crossing_kg [X]; a replication not yet done has all four empty. by_unit
  // [UnitMeasure][U] and by_organisation [OrganisationMeasure][O] are empty or full (NaN where a
  // point has no such unit).
  std::vector<std::vector<border::ReplicationResult>> values;
};

// True when values[p][r] holds a finished replication.
inline bool is_done(const border::ReplicationResult& r) { return !r.totals.empty(); }

}  // namespace bstp::experiment
