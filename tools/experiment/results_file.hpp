// The HDF5 results file: one per run or sweep, a public interface described in
// docs/results-format.md (format_version 2; reads 1 too). Not thread-safe: Debian's HDF5 is built without
// thread safety, so call these from one thread at a time.
#pragma once

#include "experiment/experiment_results.hpp"

#include <string>

namespace bstp::experiment {

inline constexpr int kResultsFormatVersion = 2;
// The oldest format_version read_results_file still reads.
inline constexpr int kOldestReadableFormatVersion = 1;

// Writes `results` to `path`: first to `path + ".tmp-<pid>"`, then renamed onto `path`, so a
// reader never sees a partial file. Throws std::runtime_error if `path` exists and !overwrite
// (suggesting --force), or if writing fails (the temporary file is removed and `path` is left as
// it was); std::invalid_argument if `results` is inconsistent (shapes, names).
void write_results_file(const std::string& path, const ExperimentResults& results, bool overwrite);

// Reads back everything write_results_file wrote: replications not done come back with empty
// vectors. Indicators missing from the file are NaN. Throws std::runtime_error with the file name
// if the file cannot be read, is not a bstp results file, has another format_version or holds an
// indicator this program does not know.
ExperimentResults read_results_file(const std::string& path);

// The current UTC time as ISO 8601 ("2024-05-01T12:00:00Z"), for ExperimentResults::created_utc.
std::string utc_timestamp_now();

}  // namespace bstp::experiment
