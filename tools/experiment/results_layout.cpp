// Unit and name conventions of the results file (docs/results-format.md).
#include "experiment/results_layout.hpp"

#include <config/dotted_path.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace bstp::experiment {

std::string udunits_of(const std::string& unit_word) {
  static constexpr std::array<const char*, 7> kPhysical = {"kg", "hours", "seconds", "days", "km", "m", "hours/kg"};
  for (const char* u : kPhysical)
    if (unit_word == u) return unit_word;
  return "1";
}

namespace {

// The last `k` components joined with '_', with anything but letters, digits and '_' made '_'.
std::string suffix(const std::vector<std::string>& parts, std::size_t k) {
  std::string s;
  for (std::size_t i = parts.size() - std::min(k, parts.size()); i < parts.size(); ++i)
    s += (s.empty() ? "" : "_") + parts[i];
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) s = "p_" + s;
  return s;
}

bool reserved(const std::string& name) {
  static constexpr std::array<const char*, 8> kReserved = {"point",    "replication", "month", "country",
                                                           "crossing", "unit",        "organisation", "policy"};
  return std::find_if(kReserved.begin(), kReserved.end(), [&](const char* r) { return name == r; }) != kReserved.end();
}

bool numeric(const std::string& part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> parameter_short_names(const std::vector<std::string>& paths) {
  std::vector<std::vector<std::string>> parts;
  for (const std::string& p : paths) parts.push_back(config::split_path(p));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::size_t k = 1;
    for (; k < parts[i].size(); ++k) {
      const std::string candidate = suffix(parts[i], k);
      bool unique = !reserved(candidate);
      for (std::size_t j = 0; j < paths.size() && unique; ++j) unique = j == i || suffix(parts[j], k) != candidate;
      if (unique && !numeric(parts[i][parts[i].size() - k])) break;
    }
    std::string name = suffix(parts[i], k);
    // Whole paths that still clash (e.g. "a.b" and "a_b"): number them.
    while (reserved(name) || std::find(names.begin(), names.end(), name) != names.end()) name += "_";
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace bstp::experiment
