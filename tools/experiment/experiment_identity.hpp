// What makes two pieces of results parts of one experiment: a checkpoint journal and the run that
// resumes it, or the shard files `bstp merge` joins. Same program version, scenario text, sweep
// file, seed, replications, design points (names and parameter values) and shapes.
#pragma once

#include "experiment/experiment_results.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace bstp::experiment {

// 64-bit FNV-1a: a digest of texts (scenario, sweep) and of checkpoint records.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ull);

// One "label: value" line per property above (texts as digests), for comparing and for messages.
std::string experiment_identity(const ExperimentResults& results);

// Throws std::invalid_argument("<actual_name> is not part of the same experiment as
// <expected_name>: <label> differs (<expected value> vs <actual value>)") at the first
// differing line of two identities.
void check_same_experiment(const std::string& expected, const std::string& expected_name, const std::string& actual,
                           const std::string& actual_name);

// Copies the replications done in `from` into the slots of `into` not done yet (both of one
// experiment). A replication done in both must be identical bit for bit, else
// std::invalid_argument naming `from_name`. Returns how many slots it filled.
std::size_t merge_replications(ExperimentResults& into, const ExperimentResults& from, const std::string& from_name);

}  // namespace bstp::experiment
