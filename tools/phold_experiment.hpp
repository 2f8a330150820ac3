// PHOLD (models/phold) as an experiment model (experiment/experiment_model.hpp), so that `bstp run`
// and `bstp sweep` run replications of it with --out, --resume, --shard, MPI and `bstp merge`
// like the border model's (docs/phold.md). A PHOLD file is YAML with `model: phold` and the
// parameters of `bstp phold`:
//
//   model: phold
//   lps: 256            # N
//   population: 1       # M, events per LP at the start
//   remote: 0.25        # P
//   lookahead: 0.1      # L
//   mean: 1.0           # X
//   end: 200            # T
//   kernel_lps: 0       # optional
//   seed: 42            # the master seed; replication r runs with seed + r
//   replications: 4
//
// Replication r is `bstp phold` with --seed seed + r (mod 2^64): the same committed events and checksum.
#pragma once

#include "experiment/experiment_model.hpp"
#include "report_format.hpp"
#include "sweep_file.hpp"

#include <phold/phold.hpp>

#include <optional>
#include <string>
#include <vector>

namespace bstp::tools {

inline constexpr const char* kPholdModel = "phold";

struct PholdPoint {
  experiment::DesignPoint point;
  phold::Config config;  // threads: 1 (the session's --lp-threads sets it)
};

struct PholdPlan {
  std::string file;         // the PHOLD file
  std::string description;  // its parameters as read (the base point's, with --seed, --replications, set:)
  std::string sweep_text;   // the sweep file, for sweeps
  std::vector<PholdPoint> points;
  int replications = 1;
};

// Whether `path` is a YAML mapping whose `model` is "phold" (false when it cannot tell).
bool is_phold_file(const std::string& path);

// `bstp run PHOLD.yaml`: one design point; `seed` and `replications`, when given, replace the
// file's. Throws border::ScenarioError with every problem (file:line:column: key: what was expected).
PholdPlan plan_phold_run(const std::string& path, std::optional<std::uint64_t> seed, std::optional<int> replications);

// `bstp sweep` of a sweep file whose scenario is a PHOLD file: one design point per sweep point,
// its paths PHOLD's keys. Throws border::ScenarioError with every problem, a swept value's at its
// place in the sweep file.
PholdPlan plan_phold_sweep(const SweepFile& sweep);

class PholdExperiment final : public experiment::ExperimentModel {
 public:
  PholdExperiment(PholdPlan plan, const std::string& command_line);

  const experiment::ExperimentRecords& skeleton() const override { return skeleton_; }
  std::string identity() const override;
  // committed_events, checksum (two exact 32-bit halves), simulated_end_time, windows,
  // wall_seconds and events_per_second of `bstp phold --seed seed + replication`.
  experiment::ReplicationRecord run(std::size_t point, std::size_t replication, unsigned lp_threads) const override;

  const PholdPlan& plan() const { return plan_; }

 private:
  PholdPlan plan_;
  experiment::ExperimentRecords skeleton_;
};

// The seed of replication r: seed + r, wrapping.
inline std::uint64_t phold_replication_seed(std::uint64_t seed, std::size_t replication) {
  return seed + static_cast<std::uint64_t>(replication);
}

// One row per replication done, with its seed and checksum.
Table phold_table(const experiment::ExperimentRecords& results, const PholdPlan& plan);
// Per design point, the mean and 95% interval (Student t) of each measure over its replications.
Table phold_summary_table(const experiment::ExperimentRecords& results);
// What `bstp run` and `bstp sweep` print: the rows, and in text, when a point has 2 replications
// or more, the summary (JSON and CSV keep one table, for scripts).
void print_phold_results(std::ostream& out, const experiment::ExperimentRecords& results, const PholdPlan& plan,
                         Format format);

}  // namespace bstp::tools
