#include "experiment/experiment_files.hpp"

#include "experiment/border_records.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/model_results_file.hpp"
#include "experiment/results_file.hpp"

#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::experiment {

namespace {

bool is_border(const ExperimentRecords& x) { return x.model == kBorderModel; }

// A timing array is not data: shards of one experiment may differ there.
bool is_timing(const ResultArray& a) {
  return a.name.ends_with("wall_seconds") || a.name.ends_with("events_per_second");
}

}  // namespace

std::string experiment_identity(const ExperimentRecords& x) {
  if (is_border(x)) {
    ExperimentRecords header = x;
    header.values.clear();
    return experiment_identity(to_border(header));
  }
  ExperimentResults r;  // the lines every model shares
  static_cast<Provenance&>(r) = x;
  r.points = x.points;
  r.replications = x.replications;
  std::string s = experiment_identity(r);
  std::string extra = "model: " + x.model + "\n";
  for (const ResultDimension& d : x.schema.dimensions) {
    extra += d.name + ":";
    for (const std::string& label : d.labels) extra += " " + label;
    extra += "\n";
  }
  for (const ResultArray& a : x.schema.arrays) extra += "array: " + a.name + "\n";
  // After the version, seed and replications; months, countries and crossings are the border model's.
  std::string out;
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t end = s.find('\n', at) + 1;
    const std::string line = s.substr(at, end - at);
    at = end;
    if (line.starts_with("months: ") || line.starts_with("countries: ")) continue;
    if (line.starts_with("crossings: ")) {
      out += extra;
      continue;
    }
    out += line;
  }
  return out;
}

std::size_t merge_records(ExperimentRecords& into, const ExperimentRecords& from, const std::string& from_name) {
  if (is_border(into) && is_border(from)) {
    ExperimentResults a = to_border(into);
    const std::size_t filled = merge_replications(a, to_border(from), from_name);
    into = to_records(a);
    return filled;
  }
  if (into.model != from.model || !(into.schema == from.schema))
    throw std::invalid_argument(
        fmt::format("{} holds other results than an earlier file (model or arrays); the files are not "
                    "shards of one run",
                    from_name));
  std::vector<bool> timing;
  for (const ResultArray& a : into.schema.arrays) timing.insert(timing.end(), into.schema.size(a), is_timing(a));
  std::size_t filled = 0;
  for (std::size_t p = 0; p < into.values.size() && p < from.values.size(); ++p)
    for (std::size_t r = 0; r < into.values[p].size() && r < from.values[p].size(); ++r) {
      const ReplicationRecord& v = from.values[p][r];
      if (!is_done(v)) continue;
      ReplicationRecord& slot = into.values[p][r];
      if (!is_done(slot)) {
        slot = v;
        ++filled;
        continue;
      }
      for (std::size_t i = 0; i < v.size(); ++i)
        if (!timing[i] && std::memcmp(&v[i], &slot[i], sizeof(double)) != 0)
          throw std::invalid_argument(
              fmt::format("{} has replication {} of '{}' with other values than an earlier file; "
                          "the files are not shards of one run",
                          from_name, r, into.points[p].name));
    }
  return filled;
}

void write_experiment_file(const std::string& path, const ExperimentRecords& results, bool overwrite) {
  if (is_border(results))
    write_results_file(path, to_border(results), overwrite);
  else
    write_model_results_file(path, results, overwrite);
}

ExperimentRecords read_experiment_file(const std::string& path) {
  if (results_file_model(path) == kBorderModel) return to_records(read_results_file(path));
  return read_model_results_file(path);
}

}  // namespace bstp::experiment
