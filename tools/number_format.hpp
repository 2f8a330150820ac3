// Numbers for people: thousands separators, significant figures that the uncertainty supports,
// never "-0". Used by the text summaries (`--format text`); scripts get full precision (json, csv).
#pragma once

#include <string>

namespace bstp::tools {

// `value` rounded to `decimals` places, with thousands separators: 1234567.891, 2 -> "1,234,567.89".
// A value that rounds to zero prints without a sign.
std::string group_thousands(double value, int decimals);

// A value alone: 4 significant figures (whole numbers from 1,000 on): 0.045678 -> "0.04568",
// 1234567.8 -> "1,234,568". "n/a" when not finite.
std::string format_value(double value);

// A mean and its 95% half-width: the half-width to 2 significant figures, the mean to the same
// decimal place: (1102345, 27630) -> "1,102,300 ± 28,000", (0.04567, 0.0031) -> "0.0457 ± 0.0031",
// (0, 0) -> "0 ± 0". A NaN half-width (one replication) gives the value alone.
std::string format_estimate(double mean, double half_width);

// A share in [0, 1] as a percentage with one decimal: 0.9861 -> "98.6%".
std::string format_share(double share);

}  // namespace bstp::tools
