// The border model's results as model-neutral records (experiment_model.hpp): its result schema
// (the layout of replication_codec.hpp) and the conversions between ExperimentResults, which the
// border results file, the summary and the reports read, and ExperimentRecords, which the
// experiment layer runs, checkpoints, sends between ranks and merges.
#pragma once

#include "experiment/experiment_model.hpp"
#include "experiment/experiment_results.hpp"

namespace bstp::experiment {

inline constexpr const char* kBorderModel = "border";

// The arrays of one border replication, in record order: totals [indicator], monthly [indicator,
// month], by_country [indicator, country], the per-crossing values, by_unit [unit_measure, unit],
// by_organisation [organisation_measure, organisation], events (two exact 32-bit halves) and
// wall_seconds. Its dimensions carry the months, countries, crossings, units and organisations of `results`.
ResultSchema border_schema(const ExperimentResults& results);

// Every done replication encoded; the rest empty. Bit for bit: to_border(to_records(r)) writes
// the same results file as r.
ExperimentRecords to_records(const ExperimentResults& results);
// Throws std::invalid_argument if `records` is not the border model's.
ExperimentResults to_border(const ExperimentRecords& records);

}  // namespace bstp::experiment
