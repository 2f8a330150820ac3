// Names shared by the results file writer and reader (docs/results-format.md).
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace bstp::experiment {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Groups of indicator datasets: [point, replication], [.., month] and [.., country].
inline constexpr const char* kTotals = "totals";
inline constexpr const char* kMonthly = "monthly";
inline constexpr const char* kByCountry = "by_country";
// Per crossing: /by_crossing/kg (the flow), /by_crossing/seizures and /by_crossing/seized_kg
// (seizures at the crossing) [point, replication, crossing].
inline constexpr const char* kByCrossing = "by_crossing";
// The same month by month: /by_crossing_monthly/{kg,seizures,seized_kg} [point, replication, crossing, month].
inline constexpr const char* kByCrossingMonthly = "by_crossing_monthly";
// Per patrol unit: /by_unit/<unit measure> [point, replication, unit]; per organisation:
// /by_organisation/<organisation measure> [point, replication, organisation]. Files written
// before them have neither (nor the /unit and /organisation scales).
inline constexpr const char* kByUnit = "by_unit";
inline constexpr const char* kByOrganisation = "by_organisation";
// Sweep parameters along point: /points/<short name>, attribute `path` = the dotted scenario path.
inline constexpr const char* kPoints = "points";
// The policy of each design point: /policy [point] (format_version 2).
inline constexpr const char* kPolicy = "policy";

// The CF convention version the file follows (root attribute `Conventions`).
inline constexpr const char* kConventions = "CF-1.8";

// The UDUNITS `units` of a catalogue unit word: "kg" and "hours" stay, counts, ratios, officers
// and money (USD is no UDUNITS unit) are dimensionless "1". The word itself is `display_units`.
std::string udunits_of(const std::string& unit_word);

// Short names for swept dotted paths, unique among `paths` and usable as Python identifiers and
// xarray coordinate names: the last component ("seats"), or as many trailing components as it
// takes, joined with '_' ("cohorts_0_seats" beside "cohorts_1_seats"). Never a name of the
// file's dimensions or coordinates (point, replication, month, country, crossing, unit,
// organisation, policy).
std::vector<std::string> parameter_short_names(const std::vector<std::string>& paths);

}  // namespace bstp::experiment
