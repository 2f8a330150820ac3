// Checks of a results file name (`--out`, `bstp merge OUT`) made before any work, so that a
// sweep never runs for hours to fail at its last step, and the clean-up of temporary files a
// killed writer left behind.
#pragma once

#include <string>

namespace bstp::experiment {

// Throws std::invalid_argument (bad input) unless `out` can be written: its directory exists and
// is writable, and `out` is a new name, or a regular file when `replace` is true (--force never
// replaces a directory, a symbolic link, a FIFO or a device). `replace_hint` ends the "exists"
// message (e.g. "pass --force to overwrite it").
void check_output_path(const std::string& out, bool replace, const std::string& replace_hint);

// Removes `OUT.tmp-PID` files next to `out` whose process PID is no longer alive on this machine
// (a writer killed between writing and renaming its file). Returns how many were removed.
int remove_stale_temporaries(const std::string& out);

}  // namespace bstp::experiment
