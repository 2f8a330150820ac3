#include "border_experiment.hpp"

#include "experiment/border_records.hpp"
#include "lp_thread_trial.hpp"

namespace bstp::tools {

BorderExperiment::BorderExperiment(ExperimentPlan plan)
    : plan_(std::move(plan)), shape_(experiment::shape_of(plan_.results)),
      skeleton_(experiment::to_records(plan_.results)) {}

experiment::ReplicationRecord BorderExperiment::run(std::size_t point, std::size_t replication,
                                                    unsigned lp_threads) const {
  return experiment::encode(simulate(plan_.points[point], replication, lp_threads), shape_);
}

unsigned BorderExperiment::choose_lp_threads(std::size_t point, unsigned requested, std::string& note) const {
  const LpThreadTrial trial = try_lp_threads(plan_.points[point], requested);
  note = describe(trial);
  return trial.chosen;
}

experiment::ExperimentResults BorderExperiment::results(const experiment::ExperimentRecords& records) {
  return experiment::to_border(records);
}

}  // namespace bstp::tools
