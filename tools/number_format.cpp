#include "number_format.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

constexpr int kMaxDecimals = 6;

// Decimal places that show `figures` significant figures of |x| (0 for whole numbers).
int decimals_for(double x, int figures) {
  if (x == 0.0 || !std::isfinite(x)) return 0;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(x))));
  return std::clamp(figures - 1 - magnitude, 0, kMaxDecimals);
}

// Rounds to a multiple of 10^-decimals, and for negative decimals (large half-widths) to tens,
// hundreds, ...
double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

}  // namespace

std::string group_thousands(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  std::string digits = fmt::format("{:.{}f}", std::fabs(value), std::max(decimals, 0));
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  const std::size_t point = digits.find('.');
  std::string whole = digits.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (value < 0 && !zero ? "-" : "") + grouped + fraction;
}

std::string format_value(double value) {
  if (!std::isfinite(value)) return "n/a";
  return group_thousands(value, decimals_for(value, 4));
}

std::string format_estimate(double mean, double half_width) {
  if (!std::isfinite(mean)) return "n/a";
  if (std::isnan(half_width)) return format_value(mean);
  if (!std::isfinite(half_width)) return format_value(mean) + " ± inf";
  // Every replication gave the same value (up to the rounding of summing it): show it as it is.
  if (half_width == 0.0 || half_width <= 1e-12 * std::fabs(mean))
    return (mean == std::round(mean) ? group_thousands(mean, 0) : format_value(mean)) + " ± 0";
  // Two significant figures of the half-width; above 100, round both to the half-width's own
  // second figure (27630 -> 28,000) rather than printing noise digits.
  const int magnitude = static_cast<int>(std::floor(std::log10(half_width)));
  const int places = 1 - magnitude;  // may be negative: round to tens, hundreds, ...
  const int shown = std::clamp(places, 0, kMaxDecimals);
  const int rounding = std::min(places, kMaxDecimals);
  return group_thousands(round_to(mean, rounding), shown) + " ± " + group_thousands(round_to(half_width, rounding), shown);
}

std::string format_share(double share) {
  if (!std::isfinite(share)) return "n/a";
  const std::string s = fmt::format("{:.1f}%", share * 100.0);
  return s == "-0.0%" ? "0.0%" : s;
}

}  // namespace bstp::tools
