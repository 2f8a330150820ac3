// Where an experiment's results come from (Provenance), as root attributes of a results file:
// scenario, scenario_file, seed, bstp_version, git_revision, command_line, created_utc and, for
// sweeps, sweep (docs/results-format.md). Every model's file writes and reads them alike.
#pragma once

#include "experiment/experiment_results.hpp"

#include <hdf5.h>

namespace bstp::experiment {

void write_provenance_attributes(hid_t root, const Provenance& provenance);
// Throws std::runtime_error when a required attribute is missing.
Provenance read_provenance_attributes(hid_t root);

}  // namespace bstp::experiment
