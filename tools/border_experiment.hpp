// The border model as an experiment model (experiment/experiment_model.hpp): a planned `bstp run`
// or `bstp sweep` (experiment_plan.hpp) whose replications are encoded as records
// (experiment/border_records.hpp), so the session, the journal, the MPI farm and merge run it
// without knowing the model. Its results file is the border model's own (docs/results-format.md).
#pragma once

#include "experiment/experiment_model.hpp"
#include "experiment/replication_codec.hpp"
#include "experiment_plan.hpp"

namespace bstp::tools {

class BorderExperiment final : public experiment::ExperimentModel {
 public:
  explicit BorderExperiment(ExperimentPlan plan);

  const experiment::ExperimentRecords& skeleton() const override { return skeleton_; }
  std::string identity() const override { return plan_.identity; }
  experiment::ReplicationRecord run(std::size_t point, std::size_t replication, unsigned lp_threads) const override;
  // Times the start of replication 0 of `point` on `requested` threads and on one (lp_thread_trial.hpp).
  unsigned choose_lp_threads(std::size_t point, unsigned requested, std::string& note) const override;

  const ExperimentPlan& plan() const { return plan_; }
  // The records as the summary and the border results file read them.
  static experiment::ExperimentResults results(const experiment::ExperimentRecords& records);

 private:
  ExperimentPlan plan_;
  experiment::ResultShape shape_;
  experiment::ExperimentRecords skeleton_;
};

}  // namespace bstp::tools
