// A sweep file: plain YAML naming a base scenario, its policies, the replications, and a grid
// (full factorial) or a list of values for named dotted scenario paths (docs/cluster.md):
//
//   scenario: ../tutorial.yaml          # relative to the sweep file
//   policies: [baseline, trained]       # optional; default: all of the scenario's
//   replications: 10
//   seed: 7                             # optional; default: the scenario's
//   set: {scenario.horizon_days: 180}   # optional; applied to every point
//   grid:
//     training.programs.creompaz_basic.cohorts.0.seats: [20, 40, 80]
//
// or, instead of grid, `points: [{path: value, ...}, ...]`. Swept values are numbers or true/false.
#pragma once

#include <border/scenario_loader.hpp>
#include <config/location.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bstp::tools {

// A sweep lists at most this many design points (grid points or points), each run for at most
// kMaxSweepReplications replications.
inline constexpr std::size_t kMaxSweepPoints = 10'000;
inline constexpr std::uint64_t kMaxSweepReplications = 1'000'000;
// Design points times replications: every run's result is kept until the output is written.
inline constexpr double kMaxSweepRuns = 10'000'000;

using config::Location;

// One swept path's value at a sweep point.
struct Assignment {
  std::string path;
  std::string text;    // as written, e.g. "40" or "true"
  double value = 0.0;  // true/false are 1/0
  Location key, at;    // where the path and the value are written
  int parameter = -1;  // grid: index into SweepFile::grid; -1 for points:
  int choice = 0;      // grid: index of the value in its list
};

struct SweepPoint {
  std::string label;  // e.g. "seats=40 share_trained=0.2"; "" for an empty point
  std::size_t index = 0;  // in points: (0 for the grid)
  std::vector<Assignment> assignments;
};

struct SweepFile {
  std::string file;  // as given
  std::string text;  // the whole file
  std::string scenario;  // path of the scenario, relative to the current directory
  Location scenario_at;
  std::vector<std::string> policies;  // empty = all of the scenario's
  std::vector<Location> policy_at;
  int replications = 0;
  Location replications_at;
  std::optional<std::uint64_t> seed;
  Location seed_at;
  std::vector<border::Override> set;  // fixed values for every point
  std::vector<Location> set_at;
  struct Parameter {
    std::string path;
    Location key;
    std::size_t values = 0;
  };
  std::vector<Parameter> grid;     // grid paths in file order; empty for points:
  std::vector<SweepPoint> points;  // the grid's full factorial (last path fastest), or points:
  // What is wrong with the file's own structure, as `file:line:column: key.path: what was
  // expected`; the parts without problems are read all the same, so that plan_sweep can check
  // them too and report everything at once.
  std::vector<border::Diagnostic> problems;
};

// Reads a sweep file and checks its structure (problems in SweepFile::problems). Throws
// border::ScenarioError only when there is nothing to read (no file, not YAML, not a mapping).
// Scenario paths and values are checked by resolving them (sweep_plan.hpp).
SweepFile read_sweep_file(const std::string& path);

// Short names for dotted paths, unique among `paths`: the last component ("seats"), or as many
// trailing components as it takes ("cohorts.0.seats" beside "cohorts.1.seats").
std::vector<std::string> short_labels(const std::vector<std::string>& paths);

}  // namespace bstp::tools
