// The summary `bstp run` and `bstp sweep` print: per indicator and design point, the mean and its
// 95% interval, and the paired difference from the first point (common random numbers make the
// pairing meaningful); plus the mean kg through each border crossing (route displacement).
#pragma once

#include "experiment/experiment_results.hpp"
#include "report_format.hpp"

#include <string>
#include <vector>

namespace bstp::tools {

// `crossings`: crossing node ids in the order of ReplicationResult::crossing_kg.
std::vector<Table> summarise(const experiment::ExperimentResults& results, const std::vector<std::string>& crossings,
                             Format format);

}  // namespace bstp::tools
