// Reading a results file back (for `bstp merge`); the writer is results_file.cpp.
#include "experiment/hdf5_support.hpp"
#include "experiment/provenance_attributes.hpp"
#include "experiment/results_digest.hpp"
#include "experiment/results_file.hpp"
#include "experiment/results_layout.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <span>
#include <stdexcept>

namespace bstp::experiment {

namespace {

namespace fs = std::filesystem;
using h5::Handle;

std::size_t scale_length(hid_t root, const char* name) {
  Handle d = h5::open_dataset(root, name);
  const std::vector<hsize_t> shape = h5::dataset_shape(d.get());
  if (shape.size() != 1)
    throw std::runtime_error(std::string("dataset '/") + name + "' has shape " +
                             h5::shape_string(shape) + ", expected one dimension");
  return shape[0];
}

std::vector<double> read_doubles(hid_t loc, const std::string& name, const std::string& path,
                                 std::span<const hsize_t> dims) {
  Handle d = h5::open_dataset(loc, name);
  std::size_t n = 1;
  for (const hsize_t x : dims) n *= x;
  std::vector<double> values(n, kNaN);
  h5::read_dataset(d.get(), path, H5T_NATIVE_DOUBLE, dims, values.data());
  return values;
}

// /by_crossing/<name> [P, R, X] or /by_crossing_monthly/<name> [P, R, X, M] into `rows` (one
// row per crossing of `months` values; months = 1 for /by_crossing) of the done replications.
// Files written before a dataset have none: the rows stay NaN.
template <typename Put>
void read_per_crossing(hid_t root, const char* group_name, const char* name, std::size_t months, ExperimentResults& results,
                       Put put) {
  if (!h5::link_exists(root, group_name)) return;
  Handle group = h5::open_group(root, group_name);
  if (!h5::link_exists(group.get(), name)) return;
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  const std::size_t X = results.crossings.size();
  std::vector<hsize_t> dims{P, R, X};
  if (group_name == std::string(kByCrossingMonthly)) dims.push_back(months);
  const std::vector<double> values = read_doubles(group.get(), name, std::string("/") + group_name + "/" + name, dims);
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t r = 0; r < R; ++r) {
      border::ReplicationResult& v = results.values[p][r];
      if (!is_done(v)) continue;
      for (std::size_t x = 0; x < X; ++x) {
        const double* row = values.data() + ((p * R + r) * X + x) * months;
        put(v, x, row, row + months);
      }
    }
}

// The per-crossing kg, seizures and seized kg, totals and months.
void read_crossings(hid_t root, ExperimentResults& results) {
  using Result = border::ReplicationResult;
  struct Quantity {
    const char* name;
    std::vector<double> Result::*total;
    std::vector<std::vector<double>> Result::*monthly;
  };
  const Quantity quantities[] = {{"kg", &Result::crossing_kg, &Result::crossing_kg_monthly},
                                 {"seizures", &Result::crossing_seizures, &Result::crossing_seizures_monthly},
                                 {"seized_kg", &Result::crossing_seized_kg, &Result::crossing_seized_kg_monthly}};
  const auto M = static_cast<std::size_t>(results.months);
  for (const Quantity& q : quantities) {
    read_per_crossing(root, kByCrossing, q.name, 1, results,
                      [&](Result& v, std::size_t x, const double* from, const double*) { (v.*q.total)[x] = *from; });
    read_per_crossing(root, kByCrossingMonthly, q.name, M, results,
                      [&](Result& v, std::size_t x, const double* from, const double* to) { (v.*q.monthly)[x].assign(from, to); });
  }
}

// /by_unit/<measure> [P, R, U] or /by_organisation/<measure> [P, R, O] into `rows` of the done
// replications. Files written before them have none: the rows stay empty (NaN when encoded).
void read_measures(hid_t root, const char* group_name, std::span<const border::MeasureInfo> measures, std::size_t N,
                   std::vector<std::vector<double>> border::ReplicationResult::*rows, ExperimentResults& results) {
  if (!h5::link_exists(root, group_name)) return;
  Handle group = h5::open_group(root, group_name);
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  const hsize_t dims[] = {P, R, N};
  for (std::size_t k = 0; k < measures.size(); ++k) {
    std::vector<double> values(P * R * N, kNaN);
    if (h5::link_exists(group.get(), measures[k].name))  // a measure added later is NaN
      values = read_doubles(group.get(), measures[k].name, std::string("/") + group_name + "/" + measures[k].name, dims);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r) {
        border::ReplicationResult& v = results.values[p][r];
        if (!is_done(v)) continue;
        if ((v.*rows).empty()) (v.*rows).assign(measures.size(), std::vector<double>(N, kNaN));
        const double* row = values.data() + (p * R + r) * N;
        (v.*rows)[k].assign(row, row + N);
      }
  }
}

// /policy (format_version 2). Version 1 files have none: a point without parameters is named
// after its policy; a sweep point's name is "<policy> <label>", its label the "name=value" words.
void read_policies(hid_t root, std::int64_t version, ExperimentResults& results) {
  if (version >= 2) {
    Handle d = h5::open_dataset(root, kPolicy);
    std::vector<std::string> policies = h5::read_string_dataset(d.get(), std::string("/") + kPolicy);
    if (policies.size() != results.points.size())
      throw std::runtime_error("dataset '/policy' has " + std::to_string(policies.size()) +
                               " values, expected one per design point (" + std::to_string(results.points.size()) +
                               ")");
    for (std::size_t p = 0; p < policies.size(); ++p) results.points[p].policy = std::move(policies[p]);
    return;
  }
  for (DesignPoint& point : results.points) {
    point.policy = point.name;
    if (point.parameters.empty()) continue;
    const std::size_t equals = point.name.find('=');
    const std::size_t space = point.name.rfind(' ', equals);
    point.policy = equals == std::string::npos || space == std::string::npos ? std::string() : point.name.substr(0, space);
  }
}

ExperimentResults read_from(const std::string& path) {
  const DigestStatus digest = verify_digest(path);  // before HDF5 parses anything
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 == 0) throw std::runtime_error("not an HDF5 file");
  if (is_hdf5 < 0) h5::fail("cannot open it");
  // Closing the file closes whatever is still open in it, even on error paths.
  Handle fapl = h5::property_list(H5P_FILE_ACCESS);
  h5::check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), "cannot set how files close");
  Handle file(h5::check_id(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), "cannot open it"), H5Fclose);
  const hid_t root = file.get();
  if (!h5::attribute_exists(root, "format_version"))
    throw std::runtime_error("not a bstp results file (no format_version attribute)");
  const std::int64_t version = h5::read_int64_attribute(root, "format_version");
  if (version < kOldestReadableFormatVersion || version > kResultsFormatVersion)
    throw std::runtime_error("format_version is " + std::to_string(version) + "; this bstp reads format_version " +
                             std::to_string(kOldestReadableFormatVersion) + " to " +
                             std::to_string(kResultsFormatVersion));

  if (h5::attribute_exists(root, "model") && h5::read_string_attribute(root, "model") != "border")
    throw std::runtime_error("it holds the results of model '" + h5::read_string_attribute(root, "model") +
                             "', not the border model's");
  if (version >= 2 && digest != DigestStatus::valid)
    throw std::runtime_error("the file is damaged (format_version " + std::to_string(version) +
                             " files start with a digest line, this one does not)");

  ExperimentResults results;
  static_cast<Provenance&>(results) = read_provenance_attributes(root);

  {
    Handle d = h5::open_dataset(root, "point");
    for (std::string& name : h5::read_string_dataset(d.get(), "/point"))
      results.points.push_back(DesignPoint{std::move(name), {}});
  }
  {
    Handle d = h5::open_dataset(root, "country");
    results.countries = h5::read_string_dataset(d.get(), "/country");
  }
  for (const auto& [name, ids] : {std::pair{"unit", &results.units}, std::pair{"organisation", &results.organisations}})
    if (h5::link_exists(root, name)) {  // files written before the per-unit and per-organisation results lack them
      Handle d = h5::open_dataset(root, name);
      *ids = h5::read_string_dataset(d.get(), std::string("/") + name);
    }
  if (h5::link_exists(root, "crossing")) {  // files written before the per-crossing flow lack it
    Handle d = h5::open_dataset(root, "crossing");
    results.crossings = h5::read_string_dataset(d.get(), "/crossing");
  }
  const std::size_t P = results.points.size();
  const std::size_t R = scale_length(root, "replication");
  const std::size_t M = scale_length(root, "month");
  const std::size_t C = results.countries.size();
  if (R > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
      M > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::runtime_error("too many replications or months");
  results.replications = static_cast<int>(R);
  results.months = static_cast<int>(M);

  if (h5::link_exists(root, kPoints)) {
    Handle group = h5::open_group(root, kPoints);
    const hsize_t dims[] = {P};
    for (const std::string& name : h5::link_names(group.get())) {
      const std::string path = std::string("/") + kPoints + "/" + name;
      const std::vector<double> values = read_doubles(group.get(), name, path, dims);
      std::string dotted = name;  // format_version 1 names datasets by their dotted path
      if (version >= 2) {
        Handle d = h5::open_dataset(group.get(), name);
        dotted = h5::read_string_attribute(d.get(), "path");
      }
      for (std::size_t p = 0; p < P; ++p)
        if (!std::isnan(values[p])) results.points[p].parameters.emplace_back(dotted, values[p]);
    }
  }
  read_policies(root, version, results);

  const hsize_t pr_dims[] = {P, R};
  std::vector<std::uint8_t> completed(P * R, 0);
  std::vector<std::uint64_t> events(P * R, 0);
  std::vector<double> wall(P * R, kNaN);
  {
    Handle run = h5::open_group(root, "run");
    Handle d = h5::open_dataset(run.get(), "completed");
    h5::read_dataset(d.get(), "/run/completed", H5T_NATIVE_UINT8, pr_dims, completed.data());
    d = h5::open_dataset(run.get(), "events");
    h5::read_dataset(d.get(), "/run/events", H5T_NATIVE_UINT64, pr_dims, events.data());
    d = h5::open_dataset(run.get(), "wall_seconds");
    h5::read_dataset(d.get(), "/run/wall_seconds", H5T_NATIVE_DOUBLE, pr_dims, wall.data());
  }

  constexpr std::size_t K = border::kIndicatorCount;
  results.values.assign(P, std::vector<border::ReplicationResult>(R));
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t r = 0; r < R; ++r) {
      if (completed[p * R + r] == 0) continue;
      border::ReplicationResult& v = results.values[p][r];
      v.totals.assign(K, kNaN);
      v.monthly.assign(K, std::vector<double>(M, kNaN));
      v.by_country.assign(K, std::vector<double>(C, kNaN));
      for (auto* row : {&v.crossing_kg, &v.crossing_seizures, &v.crossing_seized_kg}) row->assign(results.crossings.size(), kNaN);
      for (auto* rows : {&v.crossing_kg_monthly, &v.crossing_seizures_monthly, &v.crossing_seized_kg_monthly})
        rows->assign(results.crossings.size(), std::vector<double>(M, kNaN));
      v.events = events[p * R + r];
      v.wall_seconds = wall[p * R + r];
    }

  std::map<std::string, std::size_t> index_of;
  for (const border::IndicatorInfo& info : border::indicator_catalog())
    index_of[info.name] = static_cast<std::size_t>(info.id);
  // Indicators renamed since: files written before keep being read.
  index_of["cost_per_seizure_usd"] = static_cast<std::size_t>(border::Indicator::training_cost_per_seizure_usd);

  enum class Kind { totals, monthly, by_country };
  struct GroupSpec {
    const char* name;
    Kind kind;
    std::size_t inner;  // values per (point, replication)
  };
  const GroupSpec groups[] = {
      {kTotals, Kind::totals, 1}, {kMonthly, Kind::monthly, M}, {kByCountry, Kind::by_country, C}};
  for (const GroupSpec& spec : groups) {
    if (!h5::link_exists(root, spec.name)) continue;
    const std::string group_path = std::string("/") + spec.name;
    std::vector<hsize_t> dims{P, R};
    if (spec.kind != Kind::totals) dims.push_back(spec.inner);
    Handle group = h5::open_group(root, spec.name);
    for (const std::string& name : h5::link_names(group.get())) {
      const std::string path = group_path + "/" + name;
      const auto found = index_of.find(name);
      if (found == index_of.end())
        throw std::runtime_error("unknown indicator '" + path +
                                 "' (written by another version of bstp?)");
      const std::size_t k = found->second;
      const std::vector<double> values = read_doubles(group.get(), name, path, dims);
      for (std::size_t p = 0; p < P; ++p)
        for (std::size_t r = 0; r < R; ++r) {
          border::ReplicationResult& v = results.values[p][r];
          if (!is_done(v)) continue;
          const double* row = values.data() + (p * R + r) * spec.inner;
          switch (spec.kind) {
            case Kind::totals: v.totals[k] = row[0]; break;
            case Kind::monthly: v.monthly[k].assign(row, row + M); break;
            case Kind::by_country: v.by_country[k].assign(row, row + C); break;
          }
        }
    }
  }
  read_crossings(root, results);
  read_measures(root, kByUnit, border::unit_measures(), results.units.size(), &border::ReplicationResult::by_unit, results);
  read_measures(root, kByOrganisation, border::organisation_measures(), results.organisations.size(),
                &border::ReplicationResult::by_organisation, results);
  file.close("cannot close it");
  return results;
}

}  // namespace

ExperimentResults read_results_file(const std::string& path) {
  const std::string prefix = "cannot read results file '" + path + "': ";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw std::runtime_error(prefix + "no such file");
  h5::QuietErrors quiet;
  try {
    return read_from(path);
  } catch (const std::exception& e) {
    throw std::runtime_error(prefix + e.what());
  }
}

}  // namespace bstp::experiment
