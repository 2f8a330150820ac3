// What the experiment layer (run, sweep, the checkpoint journal, the MPI farm, shards, the results
// file, merge) needs of a model: a planned experiment that runs one replication of a design point
// into a flat record of doubles, and a schema that says what the record holds. The border model
// (border_experiment.hpp) and PHOLD (phold_experiment.hpp) implement it; models/ knows nothing of it.
#pragma once

#include "experiment/experiment_results.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bstp::experiment {

// A dimension of the arrays beyond [point, replication]: its name and the label of each position.
struct ResultDimension {
  std::string name;                 // "month", "country", "indicator"
  std::vector<std::string> labels;  // one per position
  bool operator==(const ResultDimension&) const = default;
};

// One array a replication produces: a number, or values over some of the schema's dimensions.
struct ResultArray {
  std::string name;                     // "committed_events", "monthly"
  std::vector<std::string> dimensions;  // names of ResultSchema::dimensions; none = one number
  std::string units;                    // the unit word ("count", "kg", "seconds", "1")
  std::string description;
  bool operator==(const ResultArray&) const = default;
};

// What one replication produces: its arrays, in the order of the record.
struct ResultSchema {
  std::vector<ResultDimension> dimensions;
  std::vector<ResultArray> arrays;

  // Positions of dimension `name`; throws std::invalid_argument when the schema has none.
  std::size_t extent(const std::string& name) const;
  // Values in `array` (the product of its dimensions' extents).
  std::size_t size(const ResultArray& array) const;
  // Values in one record: the arrays one after another, each row-major.
  std::size_t record_size() const;
  bool operator==(const ResultSchema&) const = default;
};

// One replication's values in schema order, bit for bit; empty: not done yet.
using ReplicationRecord = std::vector<double>;

// An experiment's results whatever the model: design points x replications of records, and the
// provenance needed to reproduce them (the same fields as ExperimentResults).
struct ExperimentRecords : Provenance {
  std::string model;  // "border", "phold": which results file layout holds them
  ResultSchema schema;
  std::vector<DesignPoint> points;
  int replications = 0;
  std::vector<std::vector<ReplicationRecord>> values;  // [point][replication]
};

inline bool is_done(const ReplicationRecord& record) { return !record.empty(); }

// A planned experiment of one model. Planning is the model's own (all points at once: the border
// model makes every point share countries, crossings and the union of patrol units); what it
// yields is this: the results skeleton, what identifies the experiment, and a way to run a task.
class ExperimentModel {
 public:
  virtual ~ExperimentModel() = default;

  // Points, replications, schema and provenance; every record empty.
  virtual const ExperimentRecords& skeleton() const = 0;
  // What a checkpoint journal or a finished file must match to be this experiment's
  // ("label: value" lines, experiment_identity.hpp).
  virtual std::string identity() const = 0;
  // Runs replication `replication` of design point `point` on `lp_threads` kernel threads: a
  // record of skeleton().schema, the same bits on any number of threads. Called from any thread.
  virtual ReplicationRecord run(std::size_t point, std::size_t replication, unsigned lp_threads) const = 0;
  // The kernel threads to run replications on when `requested` (> 1) are asked for, tried on
  // design point `point` (a model may time a trial and fall back to one); `note` receives what to
  // tell the user, if anything.
  virtual unsigned choose_lp_threads(std::size_t point, unsigned requested, std::string& note) const {
    (void)point, (void)note;
    return requested;
  }
};

}  // namespace bstp::experiment
