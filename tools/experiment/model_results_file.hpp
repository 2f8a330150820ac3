// The results file of a model other than the border model: the same kind of file as
// results_file.hpp (HDF5, format_version 2, the digest, the provenance attributes, /point,
// /replication, /points/<parameter>, /run/completed) with the arrays its result schema names,
// each [point, replication, its dimensions...], and the root attribute `model`
// (docs/results-format.md, "Other models").
#pragma once

#include "experiment/experiment_model.hpp"

#include <string>

namespace bstp::experiment {

// Throws std::runtime_error if writing fails, std::invalid_argument if a record is not of the schema.
void write_model_results_file(const std::string& path, const ExperimentRecords& results, bool overwrite);
// Throws std::runtime_error with the file name if it cannot be read or is not such a file.
ExperimentRecords read_model_results_file(const std::string& path);

// The `model` root attribute of a results file: "border" for the border model's files (which have
// none, and for a file that cannot be read: read_results_file says why).
std::string results_file_model(const std::string& path);

}  // namespace bstp::experiment
