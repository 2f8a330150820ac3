#include "suggestions.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace bstp::config {

std::string list_names(const std::vector<std::string>& names, std::size_t at_most) {
  if (names.size() <= at_most) return fmt::format("{}", fmt::join(names, ", "));
  return fmt::format("{}, ... ({} in all)", fmt::join(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(at_most), ", "),
                     names.size());
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string lower_case(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return r;
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  // Close enough: at most one edit in three characters, and less than half the word changed
  // (so "XX" does not suggest "MX").
  const std::string w = lower_case(word);
  const std::size_t limit = std::max<std::size_t>(1, w.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(w, lower_case(c));
    if (d < best_distance && 2 * d < w.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> best = closest(word, candidates);
  return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string();
}

std::string unknown_key_message(std::string_view word, const std::vector<std::string>& candidates) {
  if (const std::string hint = did_you_mean(word, candidates); !hint.empty()) return "unknown key" + hint;
  if (candidates.empty()) return "unknown key (nothing can be set here)";
  return fmt::format("unknown key (expected one of: {})", list_names(candidates));
}

}  // namespace bstp::config
