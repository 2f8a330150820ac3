#include "option_checks.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace bstp::tools {

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  const std::string range = max == UINT64_MAX ? fmt::format("a whole number from {} to {} (2^64 - 1)", min, max)
                                              : fmt::format("a whole number from {} to {}", min, max);
  return CLI::Validator(
      [min, max, range](std::string& text) {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits_only || ec != std::errc() || ptr != end || value < min || value > max)
          return fmt::format("expected {}, got '{}'", range, text);
        return std::string();
      },
      "", "whole number");
}

CLI::Validator language_code() {
  return CLI::Validator(
      [](std::string& lang) {
        const bool ok = lang.size() >= 2 && lang.size() <= 5 &&
                        std::all_of(lang.begin(), lang.end(), [](unsigned char c) { return std::isalpha(c) || c == '_'; });
        return ok ? std::string() : "expected a language code such as en or es, got '" + lang + "'";
      },
      "LANG", "language code");
}

}  // namespace bstp::tools
