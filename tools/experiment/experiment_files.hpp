// The results of any model (experiment_model.hpp) as the experiment layer handles them: their
// identity, joining shards, and their results file, the border model's (results_file.hpp, its
// own layout) or another model's (model_results_file.hpp), chosen by ExperimentRecords::model.
#pragma once

#include "experiment/experiment_model.hpp"

#include <string>

namespace bstp::experiment {

// experiment_identity() of the border model's results; for another model the same lines with
// its model and result dimensions in place of months, countries and crossings.
std::string experiment_identity(const ExperimentRecords& results);

// merge_replications() for records: copies the records done in `from` into the slots of `into`
// not done yet; a record done in both must be the same bits but for wall-clock timing, else
// std::invalid_argument naming `from_name`. Returns how many slots it filled.
std::size_t merge_records(ExperimentRecords& into, const ExperimentRecords& from, const std::string& from_name);

void write_experiment_file(const std::string& path, const ExperimentRecords& results, bool overwrite);
ExperimentRecords read_experiment_file(const std::string& path);

}  // namespace bstp::experiment
