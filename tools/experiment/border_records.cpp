#include "experiment/border_records.hpp"

#include "experiment/replication_codec.hpp"

#include <stdexcept>
#include <string>

namespace bstp::experiment {

namespace {

std::vector<std::string> numbered(std::size_t count, std::size_t first) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < count; ++i) labels.push_back(std::to_string(first + i));
  return labels;
}

template <typename Infos>
std::vector<std::string> names_of(const Infos& infos) {
  std::vector<std::string> names;
  for (const auto& info : infos) names.emplace_back(info.name);
  return names;
}

const std::vector<std::string>& labels(const ExperimentRecords& records, const std::string& dimension) {
  for (const ResultDimension& d : records.schema.dimensions)
    if (d.name == dimension) return d.labels;
  throw std::invalid_argument("the records are not the border model's: no dimension '" + dimension + "'");
}

}  // namespace

ResultSchema border_schema(const ExperimentResults& r) {
  ResultSchema s;
  s.dimensions = {{"indicator", names_of(border::indicator_catalog())},
                  {"month", numbered(static_cast<std::size_t>(r.months), 1)},
                  {"country", r.countries},
                  {"crossing", r.crossings},
                  {"unit_measure", names_of(border::unit_measures())},
                  {"unit", r.units},
                  {"organisation_measure", names_of(border::organisation_measures())},
                  {"organisation", r.organisations}};
  s.arrays = {
      {"totals", {"indicator"}, "", "each indicator over the horizon"},
      {"monthly", {"indicator", "month"}, "", "each indicator month by month"},
      {"by_country", {"indicator", "country"}, "", "each indicator per country"},
      {"by_crossing/kg", {"crossing"}, "kg", "trafficked kg that passed the border crossing"},
      {"by_crossing_monthly/kg", {"crossing", "month"}, "kg", "the same month by month"},
      {"by_crossing/seizures", {"crossing"}, "count", "shipments seized at the border crossing"},
      {"by_crossing/seized_kg", {"crossing"}, "kg", "kg seized at the border crossing"},
      {"by_crossing_monthly/seizures", {"crossing", "month"}, "count", "the same month by month"},
      {"by_crossing_monthly/seized_kg", {"crossing", "month"}, "kg", "the same month by month"},
      {"by_unit", {"unit_measure", "unit"}, "", "each measure of each patrol unit"},
      {"by_organisation", {"organisation_measure", "organisation"}, "", "each measure of each organisation"},
      {"run/events_high", {}, "count", "kernel events committed, high 32 bits"},
      {"run/events_low", {}, "count", "kernel events committed, low 32 bits"},
      {"run/wall_seconds", {}, "seconds", "wall-clock time of the replication"},
  };
  return s;
}

ExperimentRecords to_records(const ExperimentResults& r) {
  ExperimentRecords x;
  x.model = kBorderModel;
  x.schema = border_schema(r);
  x.points = r.points;
  x.replications = r.replications;
  const ResultShape shape = shape_of(r);
  x.values.resize(r.values.size());
  for (std::size_t p = 0; p < r.values.size(); ++p)
    for (const border::ReplicationResult& v : r.values[p])
      x.values[p].push_back(is_done(v) ? encode(v, shape) : ReplicationRecord{});
  static_cast<Provenance&>(x) = r;
  return x;
}

ExperimentResults to_border(const ExperimentRecords& x) {
  if (x.model != kBorderModel)
    throw std::invalid_argument("the records are of model '" + x.model + "', not the border model's");
  ExperimentResults r;
  r.points = x.points;
  r.replications = x.replications;
  r.months = static_cast<int>(labels(x, "month").size());
  r.countries = labels(x, "country");
  r.crossings = labels(x, "crossing");
  r.units = labels(x, "unit");
  r.organisations = labels(x, "organisation");
  const ResultShape shape = shape_of(r);
  r.values.resize(x.values.size());
  for (std::size_t p = 0; p < x.values.size(); ++p)
    for (const ReplicationRecord& v : x.values[p]) {
      r.values[p].push_back(is_done(v) ? decode(v, shape) : border::ReplicationResult{});
      // A file written before the per-unit and per-organisation results has neither.
      if (r.units.empty() && r.organisations.empty())
        r.values[p].back().by_unit.clear(), r.values[p].back().by_organisation.clear();
    }
  static_cast<Provenance&>(r) = x;
  return r;
}

}  // namespace bstp::experiment
