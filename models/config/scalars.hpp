// Single values: numbers (whole or not, within bounds), true/false and texts, each read into a
// variable or reported to a Reader as "expected X, got Y".
#pragma once

#include "reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <yaml-cpp/yaml.h>

namespace bstp::config {

// ---- Rules: what a value must be --------------------------------------------------------------

// The interval a number must lie in, and how to say so in an error ("a probability in [0, 1]").
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;  // lo itself is excluded
  const char* expected = "";
  bool zero_too = false;  // 0 is allowed besides [lo, hi] (a rate that is either off or above a floor)
  bool contains(double v) const { return (zero_too && v == 0.0) || ((lo_open ? v > lo : v >= lo) && v <= hi); }
};

struct Rule {
  bool required = false;
  std::optional<Range> range;
};

constexpr Rule required(Rule rule = {}) {
  rule.required = true;
  return rule;
}
// [lo, hi] (lo_open: (lo, hi]), said as `expected`; zero_too: 0 is allowed as well.
constexpr Rule bounded(double lo, double hi, const char* expected, bool lo_open = false, bool zero_too = false) {
  return Rule{false, Range{lo, hi, lo_open, expected, zero_too}};
}

// ---- Words ------------------------------------------------------------------------------------

// A number written in full ("12", "+0.5", "1e3"; not "0x1f", "inf" or "12 kg"), or nothing;
// `too_large` tells a whole number that does not fit.
template <class Number>
std::optional<Number> parse_number(std::string_view text, bool* too_large = nullptr) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (too_large) *too_large = ec == std::errc::result_out_of_range && end == text.data() + text.size();
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if constexpr (std::is_floating_point_v<Number>)
    if (!std::isfinite(value)) return std::nullopt;
  return value;
}

// true or false, in any case; nothing for other words (YAML 1.1's yes/no/on/off included).
std::optional<bool> boolean_word(std::string_view text);

// ---- Reading values ---------------------------------------------------------------------------

void read_value(Reader& r, const YAML::Node& node, const std::string& path, double& value, const Rule& rule);
void read_value(Reader& r, const YAML::Node& node, const std::string& path, int& value, const Rule& rule);
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::uint64_t& value, const Rule& rule);
void read_value(Reader& r, const YAML::Node& node, const std::string& path, bool& value, const Rule& rule);
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::string& value, const Rule& rule);

}  // namespace bstp::config
