// Names shared by the results file writer and reader (docs/results-format.md).
#pragma once

#include <limits>

namespace bstp::experiment {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Groups of indicator datasets: [point, replication], [.., month] and [.., country].
inline constexpr const char* kTotals = "totals";
inline constexpr const char* kMonthly = "monthly";
inline constexpr const char* kByCountry = "by_country";
// The per-crossing flow: /by_crossing/kg [point, replication, crossing].
inline constexpr const char* kByCrossing = "by_crossing";

}  // namespace bstp::experiment
