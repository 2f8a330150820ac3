// Writing the results file (docs/results-format.md); reading it is results_file_reader.cpp.
#include "experiment/results_file.hpp"

#include "experiment/file_image.hpp"
#include "experiment/hdf5_support.hpp"
#include "experiment/provenance_attributes.hpp"
#include "experiment/results_digest.hpp"
#include "experiment/results_layout.hpp"

#include <H5DSpublic.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>
#include <span>
#include <tuple>
#include <stdexcept>

namespace bstp::experiment {

namespace {

namespace fs = std::filesystem;
using h5::check;
using h5::Handle;


std::string point_label(const ExperimentResults& results, std::size_t p) {
  return "design point " + std::to_string(p) + " ('" + results.points[p].name + "')";
}

void validate_parameter_name(const std::string& name, const std::string& where) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
    throw std::invalid_argument(where + ": parameter name '" + name +
                                "' is not a dotted scenario path (empty, '.', '..' or with '/')");
}

void validate(const ExperimentResults& results) {
  if (results.replications < 0)
    throw std::invalid_argument("results: replications must be >= 0, got " +
                                std::to_string(results.replications));
  if (results.months < 0)
    throw std::invalid_argument("results: months must be >= 0, got " +
                                std::to_string(results.months));
  if (results.values.size() != results.points.size())
    throw std::invalid_argument("results: values has " + std::to_string(results.values.size()) +
                                " rows, expected one per design point (" +
                                std::to_string(results.points.size()) + ")");
  const std::size_t months = static_cast<std::size_t>(results.months);
  const std::size_t countries = results.countries.size();
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    const std::string where = point_label(results, p);
    std::set<std::string> seen;
    for (const auto& [name, value] : results.points[p].parameters) {
      validate_parameter_name(name, where);
      if (!seen.insert(name).second)
        throw std::invalid_argument(where + ": parameter '" + name + "' appears twice");
    }
    if (results.values[p].size() != static_cast<std::size_t>(results.replications))
      throw std::invalid_argument(where + " has " + std::to_string(results.values[p].size()) +
                                  " replications, expected " +
                                  std::to_string(results.replications));
    for (std::size_t r = 0; r < results.values[p].size(); ++r) {
      const border::ReplicationResult& v = results.values[p][r];
      const std::string rep = where + ", replication " + std::to_string(r);
      if (!is_done(v)) {
        if (!v.monthly.empty() || !v.by_country.empty() || !v.crossing_kg.empty())
          throw std::invalid_argument(rep + " has monthly, per-country or per-crossing values but no totals");
        continue;
      }
      if (v.totals.size() != border::kIndicatorCount)
        throw std::invalid_argument(rep + " has " + std::to_string(v.totals.size()) +
                                    " totals, expected " +
                                    std::to_string(border::kIndicatorCount));
      if (v.monthly.size() != border::kIndicatorCount ||
          v.by_country.size() != border::kIndicatorCount)
        throw std::invalid_argument(rep + ": monthly and by_country need one row per indicator (" +
                                    std::to_string(border::kIndicatorCount) + ")");
      for (const auto& info : border::indicator_catalog()) {
        const auto k = static_cast<std::size_t>(info.id);
        if (v.monthly[k].size() != months)
          throw std::invalid_argument(rep + ": monthly " + info.name + " has " +
                                      std::to_string(v.monthly[k].size()) + " months, expected " +
                                      std::to_string(months));
        if (v.by_country[k].size() != countries)
          throw std::invalid_argument(rep + ": by_country " + info.name + " has " +
                                      std::to_string(v.by_country[k].size()) +
                                      " values, expected one per country (" +
                                      std::to_string(countries) + ")");
      }
      for (const auto& [name, rows, measures, n] :
           {std::tuple{"by_unit", &v.by_unit, border::kUnitMeasureCount, results.units.size()},
            std::tuple{"by_organisation", &v.by_organisation, border::kOrganisationMeasureCount, results.organisations.size()}}) {
        if (rows->empty()) continue;
        bool ok = rows->size() == measures;
        for (const auto& row : *rows) ok = ok && row.size() == n;
        if (!ok)
          throw std::invalid_argument(rep + ": " + name + " needs one row per measure (" + std::to_string(measures) + ") of " +
                                      std::to_string(n) + " values");
      }
      if (v.crossing_kg.size() != results.crossings.size())
        throw std::invalid_argument(rep + ": crossing_kg has " +
                                    std::to_string(v.crossing_kg.size()) +
                                    " values, expected one per crossing (" +
                                    std::to_string(results.crossings.size()) + ")");
      for (const auto& [name, row] : {std::pair{"crossing_seizures", &v.crossing_seizures}, std::pair{"crossing_seized_kg", &v.crossing_seized_kg}})
        if (!row->empty() && row->size() != results.crossings.size())
          throw std::invalid_argument(rep + ": " + name + " has " + std::to_string(row->size()) +
                                      " values, expected one per crossing (" + std::to_string(results.crossings.size()) + ")");
      for (const auto& [name, rows] : {std::pair{"crossing_kg_monthly", &v.crossing_kg_monthly},
                                       std::pair{"crossing_seizures_monthly", &v.crossing_seizures_monthly},
                                       std::pair{"crossing_seized_kg_monthly", &v.crossing_seized_kg_monthly}}) {
        if (rows->empty()) continue;
        bool ok = rows->size() == results.crossings.size();
        for (const auto& row : *rows) ok = ok && row.size() == months;
        if (!ok)
          throw std::invalid_argument(rep + ": " + name + " needs one row per crossing (" +
                                      std::to_string(results.crossings.size()) + ") of one value per month (" +
                                      std::to_string(months) + ")");
      }
    }
  }
}

// Parameter names over all points, in first-seen order.
std::vector<std::string> parameter_names(const ExperimentResults& results) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const DesignPoint& point : results.points)
    for (const auto& entry : point.parameters)
      if (seen.insert(entry.first).second) names.push_back(entry.first);
  return names;
}

// CF attributes of a float64 variable: long_name, UDUNITS units, the unit word as display_units,
// and the NaN fill value (also the dataset's HDF5 fill value).
void write_cf_attributes(hid_t dataset, const std::string& long_name, const std::string& unit_word) {
  h5::write_string_attribute(dataset, "long_name", long_name);
  h5::write_string_attribute(dataset, "units", udunits_of(unit_word));
  h5::write_string_attribute(dataset, "display_units", unit_word);
  h5::write_double_attribute(dataset, "_FillValue", kNaN);
}

void make_scale(const Handle& dataset, const char* name) {
  check(H5DSset_scale(dataset.get(), name),
        std::string("cannot make '") + name + "' a dimension scale");
}

void attach(const Handle& dataset, const std::string& name,
            std::initializer_list<const Handle*> scales) {
  unsigned index = 0;
  for (const Handle* scale : scales) {
    check(H5DSattach_scale(dataset.get(), scale->get(), index),
          "cannot attach dimension " + std::to_string(index) + " of '" + name + "' to its scale");
    ++index;
  }
}

Handle write_int64_scale(hid_t root, const char* name, std::int64_t first, std::size_t count) {
  std::vector<std::int64_t> values(count);
  for (std::size_t i = 0; i < count; ++i) values[i] = first + static_cast<std::int64_t>(i);
  const hsize_t dims[] = {count};
  Handle dataset = h5::create_dataset(root, name, H5T_STD_I64LE, H5T_NATIVE_INT64, dims,
                                      values.data(), nullptr);
  make_scale(dataset, name);
  return dataset;
}

struct Scales {
  Handle point, replication, month, country, crossing, unit, organisation;
};

void write_indicator_datasets(hid_t root, const ExperimentResults& results, const Scales& scales) {
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  const std::size_t M = static_cast<std::size_t>(results.months);
  const std::size_t C = results.countries.size();
  Handle totals = h5::create_group(root, kTotals);
  Handle monthly = h5::create_group(root, kMonthly);
  Handle by_country = h5::create_group(root, kByCountry);

  auto finish = [](Handle& dataset, const std::string& path, const border::IndicatorInfo& info) {
    write_cf_attributes(dataset.get(), info.description, info.unit);
    h5::write_string_attribute(dataset.get(), "description", info.description);
    dataset.close("cannot close dataset '" + path + "'");
  };

  for (const border::IndicatorInfo& info : border::indicator_catalog()) {
    const auto k = static_cast<std::size_t>(info.id);
    std::vector<double> t(P * R, kNaN), m(P * R * M, kNaN), c(P * R * C, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r) {
        const border::ReplicationResult& v = results.values[p][r];
        if (!is_done(v)) continue;
        const std::size_t pr = p * R + r;
        t[pr] = v.totals[k];
        std::copy(v.monthly[k].begin(), v.monthly[k].end(), m.begin() + static_cast<std::ptrdiff_t>(pr * M));
        std::copy(v.by_country[k].begin(), v.by_country[k].end(), c.begin() + static_cast<std::ptrdiff_t>(pr * C));
      }
    const std::string name = info.name;
    {
      const hsize_t dims[] = {P, R};
      const std::string path = std::string("/") + kTotals + "/" + name;
      Handle d = h5::create_dataset(totals.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims,
                                    t.data(), &kNaN);
      attach(d, path, {&scales.point, &scales.replication});
      finish(d, path, info);
    }
    {
      const hsize_t dims[] = {P, R, M};
      const std::string path = std::string("/") + kMonthly + "/" + name;
      Handle d = h5::create_dataset(monthly.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims,
                                    m.data(), &kNaN);
      attach(d, path, {&scales.point, &scales.replication, &scales.month});
      finish(d, path, info);
    }
    {
      const hsize_t dims[] = {P, R, C};
      const std::string path = std::string("/") + kByCountry + "/" + name;
      Handle d = h5::create_dataset(by_country.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                    dims, c.data(), &kNaN);
      attach(d, path, {&scales.point, &scales.replication, &scales.country});
      finish(d, path, info);
    }
  }
  totals.close("cannot close group '/totals'");
  monthly.close("cannot close group '/monthly'");
  by_country.close("cannot close group '/by_country'");
}

// One per-crossing quantity: its dataset name in /by_crossing and /by_crossing_monthly, where
// ReplicationResult holds it, and its attributes.
struct CrossingQuantity {
  const char* name;
  std::vector<double> border::ReplicationResult::*total;
  std::vector<std::vector<double>> border::ReplicationResult::*monthly;
  const char* unit_word;
  const char* long_name;     // of the total; the monthly dataset adds " in the month"
  const char* description;   // of the total
};

const CrossingQuantity kCrossingQuantities[] = {
    {"kg", &border::ReplicationResult::crossing_kg, &border::ReplicationResult::crossing_kg_monthly, "kg",
     "trafficked kg that passed the border crossing",
     "trafficked kg that passed each border crossing over the horizon; a shipment counts at every crossing it "
     "passes, so the sum over crossings is kg x crossings passed, not kg moved"},
    {"seizures", &border::ReplicationResult::crossing_seizures, &border::ReplicationResult::crossing_seizures_monthly,
     "count", "shipments seized at the border crossing",
     "shipments seized at each border crossing (at its checkpoint or on a leg into or out of it) over the horizon; "
     "a seizure counts at one crossing at most, so the sum over crossings is at most /totals/seizures"},
    {"seized_kg", &border::ReplicationResult::crossing_seized_kg, &border::ReplicationResult::crossing_seized_kg_monthly,
     "kg", "kg seized at the border crossing",
     "kg of the shipments seized at each border crossing (at its checkpoint or on a leg into or out of it) over the "
     "horizon; the sum over crossings is at most /totals/seized_kg"},
};

// /by_crossing/<quantity> [P, R, X] (NaN where a result has none: a replication not done, or
// seizures read from a file written before them).
void write_crossing_datasets(hid_t root, const ExperimentResults& results, const Scales& scales) {
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  const std::size_t X = results.crossings.size();
  Handle group = h5::create_group(root, kByCrossing);
  for (const CrossingQuantity& q : kCrossingQuantities) {
    std::vector<double> values(P * R * X, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r) {
        const border::ReplicationResult& v = results.values[p][r];
        if (is_done(v))
          std::copy((v.*q.total).begin(), (v.*q.total).end(), values.begin() + static_cast<std::ptrdiff_t>((p * R + r) * X));
      }
    const hsize_t dims[] = {P, R, X};
    const std::string path = std::string("/") + kByCrossing + "/" + q.name;
    Handle d = h5::create_dataset(group.get(), q.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, values.data(), &kNaN);
    attach(d, path, {&scales.point, &scales.replication, &scales.crossing});
    write_cf_attributes(d.get(), q.long_name, q.unit_word);
    h5::write_string_attribute(d.get(), "description", q.description);
    h5::write_string_attribute(d.get(), "cell_methods", "crossing: point");
    d.close("cannot close dataset '" + path + "'");
  }
  group.close(std::string("cannot close group '/") + kByCrossing + "'");
}

// /by_crossing_monthly/<quantity> [P, R, X, M]: the same month by month (NaN where a result has none).
void write_crossing_monthly_datasets(hid_t root, const ExperimentResults& results, const Scales& scales) {
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  const std::size_t X = results.crossings.size();
  const std::size_t M = static_cast<std::size_t>(results.months);
  Handle group = h5::create_group(root, kByCrossingMonthly);
  for (const CrossingQuantity& q : kCrossingQuantities) {
    std::vector<double> values(P * R * X * M, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r) {
        const border::ReplicationResult& v = results.values[p][r];
        if (!is_done(v)) continue;
        const auto& rows = v.*q.monthly;
        for (std::size_t x = 0; x < rows.size(); ++x)
          std::copy(rows[x].begin(), rows[x].end(), values.begin() + static_cast<std::ptrdiff_t>(((p * R + r) * X + x) * M));
      }
    const hsize_t dims[] = {P, R, X, M};
    const std::string path = std::string("/") + kByCrossingMonthly + "/" + q.name;
    Handle d = h5::create_dataset(group.get(), q.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, values.data(), &kNaN);
    attach(d, path, {&scales.point, &scales.replication, &scales.crossing, &scales.month});
    write_cf_attributes(d.get(), std::string(q.long_name) + " in the month", q.unit_word);
    h5::write_string_attribute(d.get(), "description",
                               std::string("as /") + kByCrossing + "/" + q.name + " (its sum over months), month by month; " +
                                   "NaN in months before a warm-up");
    h5::write_string_attribute(d.get(), "cell_methods", "crossing: point month: sum");
    d.close("cannot close dataset '" + path + "'");
  }
  group.close(std::string("cannot close group '/") + kByCrossingMonthly + "'");
}

// /by_unit/<measure> [P, R, U] and /by_organisation/<measure> [P, R, O] (NaN where a result has
// none: a replication not done, a point without that unit, or a file written before them).
void write_measure_datasets(hid_t root, const ExperimentResults& results, const Scales& scales, const Handle& scale,
                            std::size_t N, const char* group_name, const char* dimension,
                            std::span<const border::MeasureInfo> measures,
                            std::vector<std::vector<double>> border::ReplicationResult::*rows, const char* of_whom) {
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  Handle group = h5::create_group(root, group_name);
  for (std::size_t k = 0; k < measures.size(); ++k) {
    const border::MeasureInfo& m = measures[k];
    std::vector<double> values(P * R * N, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r) {
        const border::ReplicationResult& v = results.values[p][r];
        if (is_done(v) && !(v.*rows).empty())
          std::copy((v.*rows)[k].begin(), (v.*rows)[k].end(), values.begin() + static_cast<std::ptrdiff_t>((p * R + r) * N));
      }
    const hsize_t dims[] = {P, R, N};
    const std::string path = std::string("/") + group_name + "/" + m.name;
    Handle d = h5::create_dataset(group.get(), m.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, values.data(), &kNaN);
    attach(d, path, {&scales.point, &scales.replication, &scale});
    write_cf_attributes(d.get(), m.description, m.unit);
    h5::write_string_attribute(d.get(), "description", std::string(m.description) + " over the horizon (after a warm-up), " + of_whom);
    h5::write_string_attribute(d.get(), "cell_methods", std::string(dimension) + ": point");
    d.close("cannot close dataset '" + path + "'");
  }
  group.close(std::string("cannot close group '/") + group_name + "'");
}

void write_run_datasets(hid_t root, const ExperimentResults& results, const Scales& scales) {
  const std::size_t P = results.points.size();
  const std::size_t R = static_cast<std::size_t>(results.replications);
  std::vector<std::uint8_t> completed(P * R, 0);
  std::vector<std::uint64_t> events(P * R, 0);
  std::vector<double> wall(P * R, kNaN);
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t r = 0; r < R; ++r) {
      const border::ReplicationResult& v = results.values[p][r];
      if (!is_done(v)) continue;
      completed[p * R + r] = 1;
      events[p * R + r] = v.events;
      wall[p * R + r] = v.wall_seconds;
    }
  Handle run = h5::create_group(root, "run");
  const hsize_t dims[] = {P, R};
  struct Item {
    const char* name;
    hid_t file_type, mem_type;
    const void* data;
    const char* description;
  };
  const Item items[] = {
      {"completed", H5T_STD_U8LE, H5T_NATIVE_UINT8, completed.data(),
       "1 when the replication is done, 0 when it is still to run"},
      {"events", H5T_STD_U64LE, H5T_NATIVE_UINT64, events.data(),
       "kernel events committed by the replication"},
      {"wall_seconds", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, wall.data(),
       "wall-clock time of the replication in seconds"},
  };
  for (const Item& item : items) {
    const std::string path = std::string("/run/") + item.name;
    Handle d = h5::create_dataset(run.get(), item.name, item.file_type, item.mem_type, dims,
                                  item.data, nullptr);
    attach(d, path, {&scales.point, &scales.replication});
    h5::write_string_attribute(d.get(), "description", item.description);
    d.close("cannot close dataset '" + path + "'");
  }
  run.close("cannot close group '/run'");
}

void write_parameters(hid_t root, const ExperimentResults& results, const Scales& scales) {
  const std::vector<std::string> names = parameter_names(results);
  if (names.empty()) return;
  const std::vector<std::string> short_names = parameter_short_names(names);
  const std::size_t P = results.points.size();
  Handle group = h5::create_group(root, kPoints);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    std::vector<double> values(P, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (const auto& [key, value] : results.points[p].parameters)
        if (key == name) values[p] = value;
    const hsize_t dims[] = {P};
    const std::string path = std::string("/") + kPoints + "/" + short_names[i];
    Handle d = h5::create_dataset(group.get(), short_names[i], H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims,
                                  values.data(), &kNaN);
    attach(d, path, {&scales.point});
    h5::write_string_attribute(d.get(), "path", name);
    h5::write_string_attribute(d.get(), "long_name", "swept scenario value " + name);
    h5::write_double_attribute(d.get(), "_FillValue", kNaN);
    d.close("cannot close dataset '" + path + "'");
  }
  group.close(std::string("cannot close group '/") + kPoints + "'");
}

std::string results_title(const ExperimentResults& results) {
  const std::string what = results.sweep_text.empty() ? "policy comparison" : "parameter sweep";
  return "bstp " + what + (results.scenario_file.empty() ? "" : " of " + results.scenario_file);
}

}  // namespace

Handle create_memory_file(const std::string& file_name) {
  Handle fcpl = h5::property_list(H5P_FILE_CREATE);
  check(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "cannot track link creation order");
  check(H5Pset_attr_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "cannot track attribute creation order");
  check(H5Pset_userblock(fcpl.get(), kUserBlockBytes), "cannot reserve the user block for the digest");
  Handle fapl = h5::property_list(H5P_FILE_ACCESS);
  check(H5Pset_fapl_core(fapl.get(), std::size_t{1} << 20, /*backing_store=*/0),
        "cannot select HDF5's in-memory driver");
  // The 1.8 file format (as netCDF-4 writes): its superblock and object headers carry checksums.
  check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), "cannot select the HDF5 1.8 file format");
  Handle file(h5::check_id(H5Fcreate(file_name.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()),
                           "cannot create '" + file_name + "' in memory"),
              H5Fclose);
  return file;
}

std::vector<char> file_image(Handle& file, const std::string& file_name) {
  const hid_t root = file.get();
  check(H5Fflush(root, H5F_SCOPE_GLOBAL), "cannot flush '" + file_name + "'");
  const ssize_t size = H5Fget_file_image(root, nullptr, 0);
  if (size < 0) h5::fail("cannot get the image of '" + file_name + "'");
  std::vector<char> image(static_cast<std::size_t>(size));
  if (H5Fget_file_image(root, image.data(), image.size()) < 0)
    h5::fail("cannot get the image of '" + file_name + "'");
  file.close("cannot close '" + file_name + "'");
  // The image starts at the superblock; the file starts with the user block, which holds the digest.
  h5::repair_superblock_checksum(image, 0);
  image.insert(image.begin(), kUserBlockBytes, '\0');
  stamp_digest(image);
  return image;
}

namespace {

std::vector<char> build_image(const std::string& file_name, const ExperimentResults& results) {
  Handle file = create_memory_file(file_name);
  const hid_t root = file.get();

  h5::write_int64_attribute(root, "format_version", kResultsFormatVersion);
  h5::write_string_attribute(root, "Conventions", kConventions);
  h5::write_string_attribute(root, "title", results_title(results));
  h5::write_string_attribute(root, "coordinates", kPolicy);
  write_provenance_attributes(root, results);

  std::vector<std::string> point_names;
  for (const DesignPoint& point : results.points) point_names.push_back(point.name);
  Scales scales;
  scales.point = h5::create_string_dataset(root, "point", point_names);
  make_scale(scales.point, "point");
  h5::write_string_attribute(scales.point.get(), "long_name", "design point (policy, and sweep values)");
  scales.replication =
      write_int64_scale(root, "replication", 0, static_cast<std::size_t>(results.replications));
  h5::write_string_attribute(scales.replication.get(), "long_name",
                             "replication index (seeds its random streams; the same in every design point)");
  h5::write_string_attribute(scales.replication.get(), "units", "1");
  scales.month = write_int64_scale(root, "month", 1, static_cast<std::size_t>(results.months));
  h5::write_string_attribute(scales.month.get(), "long_name", "month of the simulated horizon");
  h5::write_string_attribute(scales.month.get(), "units", "1");
  h5::write_string_attribute(scales.month.get(), "description",
                             "month m covers simulated days [30.4375 (m - 1), 30.4375 m) from the start of the "
                             "horizon; the last month may be partial");
  h5::write_double_attribute(scales.month.get(), "days_per_month", 30.4375);
  scales.country = h5::create_string_dataset(root, "country", results.countries);
  make_scale(scales.country, "country");
  h5::write_string_attribute(scales.country.get(), "long_name", "country id, in scenario order");
  scales.crossing = h5::create_string_dataset(root, "crossing", results.crossings);
  make_scale(scales.crossing, "crossing");
  h5::write_string_attribute(scales.crossing.get(), "long_name",
                             "border crossing node id (port_of_entry and blind_crossing nodes)");

  scales.unit = h5::create_string_dataset(root, "unit", results.units);
  make_scale(scales.unit, "unit");
  h5::write_string_attribute(scales.unit.get(), "long_name", "patrol unit name, in the order of the sectors' units");
  scales.organisation = h5::create_string_dataset(root, "organisation", results.organisations);
  make_scale(scales.organisation, "organisation");
  h5::write_string_attribute(scales.organisation.get(), "long_name", "trafficking organisation id, in scenario order");

  std::vector<std::string> policies;
  for (const DesignPoint& point : results.points) policies.push_back(point.policy);
  {
    Handle d = h5::create_string_dataset(root, kPolicy, policies);
    attach(d, std::string("/") + kPolicy, {&scales.point});
    h5::write_string_attribute(d.get(), "long_name", "policy of the design point");
    d.close(std::string("cannot close dataset '/") + kPolicy + "'");
  }

  write_parameters(root, results, scales);
  write_indicator_datasets(root, results, scales);
  write_crossing_datasets(root, results, scales);
  write_crossing_monthly_datasets(root, results, scales);
  write_measure_datasets(root, results, scales, scales.unit, results.units.size(), kByUnit, "unit", border::unit_measures(),
                         &border::ReplicationResult::by_unit,
                         "by the patrol unit (a detection at a checkpoint or on a leg with a fixed detection probability is no unit's)");
  write_measure_datasets(root, results, scales, scales.organisation, results.organisations.size(), kByOrganisation,
                         "organisation", border::organisation_measures(), &border::ReplicationResult::by_organisation,
                         "for the organisation (the sum over organisations is the total indicator)");
  write_run_datasets(root, results, scales);

  scales.point.close("cannot close dataset '/point'");
  scales.replication.close("cannot close dataset '/replication'");
  scales.month.close("cannot close dataset '/month'");
  scales.country.close("cannot close dataset '/country'");
  scales.crossing.close("cannot close dataset '/crossing'");
  scales.unit.close("cannot close dataset '/unit'");
  scales.organisation.close("cannot close dataset '/organisation'");
  return file_image(file, file_name);
}

// Writes `bytes` to a new file `name` and syncs it to disk.
void write_bytes(const std::string& name, const std::vector<char>& bytes) {
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw std::runtime_error("cannot create '" + name + "': " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw std::runtime_error("cannot write '" + name + "': " + std::strerror(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    throw std::runtime_error("cannot write '" + name + "' to disk: " + std::strerror(error));
  }
  if (::close(fd) != 0)
    throw std::runtime_error("cannot close '" + name + "': " + std::strerror(errno));
}

// Builds the file in memory (HDF5's core driver, no backing store) and then writes its image
// ourselves. An I/O error inside H5Fclose leaves HDF5 1.10 with a half-closed file that crashes
// the process at exit (HDFFV-11052, fixed in HDF5 1.14); this way HDF5 never touches the disk
// when writing, and a full disk is an ordinary write() error.
void write_to(const std::string& file_name, const std::function<std::vector<char>(const std::string&)>& build) {
  std::vector<char> image = build(file_name);
  write_bytes(file_name, image);
}

// Makes a rename in `directory` durable; best effort (some file systems refuse fsync here).
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

std::runtime_error exists_error(const std::string& path) {
  return std::runtime_error("results file '" + path +
                            "' already exists; use --force to overwrite it");
}

}  // namespace

void write_results_file(const std::string& path, const ExperimentResults& results,
                        bool overwrite) {
  validate(results);
  write_file_image(path, overwrite, [&](const std::string& name) { return build_image(name, results); });
}

void write_file_image(const std::string& path, bool overwrite, const std::function<std::vector<char>(const std::string&)>& build) {
  const std::string prefix = "cannot write results file '" + path + "': ";
  std::error_code ec;
  if (!overwrite && fs::exists(path, ec)) throw exists_error(path);
  if (fs::is_directory(path, ec)) throw std::runtime_error(prefix + "it is a directory");
  fs::path directory = fs::path(path).parent_path();
  if (directory.empty()) directory = ".";
  if (!fs::exists(directory, ec))
    throw std::runtime_error(prefix + "directory '" + directory.string() + "' does not exist");
  if (!fs::is_directory(directory, ec))
    throw std::runtime_error(prefix + "'" + directory.string() + "' is not a directory");

  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  h5::QuietErrors quiet;
  try {
    write_to(temporary, build);
  } catch (const std::exception& e) {
    fs::remove(temporary, ec);
    throw std::runtime_error(prefix + e.what());
  }
  if (!overwrite && fs::exists(path, ec)) {
    fs::remove(temporary, ec);
    throw exists_error(path);
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(temporary, ec);
    throw std::runtime_error(prefix + "cannot rename '" + temporary + "' to it: " + reason);
  }
  sync_directory(directory);
}

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {buffer, n};
}

}  // namespace bstp::experiment
