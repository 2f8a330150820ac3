// The summary `bstp run` and `bstp sweep` print: per indicator and design point, the mean and its
// 95% interval, and the paired difference from the first point (common random numbers make the
// pairing meaningful); plus the mean kg through each border crossing (route displacement), the
// seizures at each, and the measures of each patrol unit and organisation.
//   text: tables for people, at most 100 columns wide (wide tables split into blocks);
//   csv:  one tidy long table (one row per quantity, design point and crossing, patrol unit or
//         organisation) for pandas;
//   json: {"meta": {...}, "indicators": [...], "crossings": [...], "units": [...], "organisations":
//         [...], "costs": {...}}, the same types whatever the
//         number of points or crossings.
#pragma once

#include "experiment/experiment_results.hpp"
#include "report_format.hpp"

#include <iosfwd>

namespace bstp::tools {

enum class SummaryKind { run, sweep };

void print_summary(std::ostream& out, const experiment::ExperimentResults& results, Format format, SummaryKind kind);

}  // namespace bstp::tools
