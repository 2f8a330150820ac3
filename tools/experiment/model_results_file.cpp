#include "experiment/model_results_file.hpp"

#include "experiment/border_records.hpp"
#include "experiment/file_image.hpp"
#include "experiment/hdf5_support.hpp"
#include "experiment/provenance_attributes.hpp"
#include "experiment/results_digest.hpp"
#include "experiment/results_file.hpp"
#include "experiment/results_layout.hpp"

#include <H5DSpublic.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace bstp::experiment {

namespace {

using h5::check;
using h5::Handle;

std::string joined(const std::vector<std::string>& words, char separator) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : std::string(1, separator)) + w;
  return s;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; std::getline(in, w, separator);)
    if (!w.empty()) words.push_back(w);
  return words;
}

void make_scale(const Handle& d, const std::string& name) {
  check(H5DSset_scale(d.get(), name.c_str()), "cannot make '" + name + "' a dimension scale");
}

void attach(const Handle& d, const std::string& name, const std::vector<const Handle*>& scales) {
  for (unsigned i = 0; i < scales.size(); ++i)
    check(H5DSattach_scale(d.get(), scales[i]->get(), i),
          "cannot attach dimension " + std::to_string(i) + " of '" + name + "'");
}

// The group that holds `name` ("a/b/c" -> a/b, created as needed) and the dataset's own name.
std::pair<Handle, std::string> parent_of(hid_t root, const std::string& name) {
  const std::vector<std::string> parts = split(name, '/');
  if (parts.empty()) throw std::invalid_argument("a result array has an empty name");
  Handle group;
  hid_t at = root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    group = h5::link_exists(at, parts[i]) ? h5::open_group(at, parts[i]) : h5::create_group(at, parts[i]);
    at = group.get();
  }
  return {std::move(group), parts.back()};
}

void validate(const ExperimentRecords& x) {
  if (x.model.empty() || x.model == kBorderModel)
    throw std::invalid_argument("the border model's results go to write_results_file");
  if (x.values.size() != x.points.size())
    throw std::invalid_argument("results: one row of records per design point expected");
  std::set<std::string> names{"point", "replication", "policy", "points", "run"};
  for (const ResultDimension& d : x.schema.dimensions)
    if (!names.insert(d.name).second) throw std::invalid_argument("result dimension '" + d.name + "' is a name taken");
  for (const ResultArray& a : x.schema.arrays)
    if (!names.insert(split(a.name, '/').front()).second && split(a.name, '/').size() == 1)
      throw std::invalid_argument("result array '" + a.name + "' is a name taken");
  const std::size_t n = x.schema.record_size();
  for (const auto& row : x.values) {
    if (row.size() != static_cast<std::size_t>(x.replications))
      throw std::invalid_argument("results: a design point without one slot per replication");
    for (const ReplicationRecord& v : row)
      if (is_done(v) && v.size() != n)
        throw std::invalid_argument("a record holds " + std::to_string(v.size()) + " values, the schema " +
                                    std::to_string(n));
  }
}

std::vector<char> build(const std::string& file_name, const ExperimentRecords& x) {
  Handle file = create_memory_file(file_name);
  const hid_t root = file.get();
  h5::write_int64_attribute(root, "format_version", kResultsFormatVersion);
  h5::write_string_attribute(root, "Conventions", kConventions);
  h5::write_string_attribute(root, "title",
                             "bstp " + x.model + (x.sweep_text.empty() ? " run" : " sweep") +
                                 (x.scenario_file.empty() ? "" : " of " + x.scenario_file));
  h5::write_string_attribute(root, "model", x.model);
  std::vector<std::string> array_names;
  for (const ResultArray& a : x.schema.arrays) array_names.push_back(a.name);
  h5::write_string_attribute(root, "arrays", joined(array_names, '\n'));
  write_provenance_attributes(root, x);

  const std::size_t P = x.points.size(), R = static_cast<std::size_t>(x.replications);
  std::vector<std::string> point_names;
  for (const DesignPoint& p : x.points) point_names.push_back(p.name);
  Handle point = h5::create_string_dataset(root, "point", point_names);
  make_scale(point, "point");
  h5::write_string_attribute(point.get(), "long_name", "design point (sweep values)");
  std::vector<std::int64_t> indices(R);
  for (std::size_t r = 0; r < R; ++r) indices[r] = static_cast<std::int64_t>(r);
  const hsize_t r_dims[] = {R};
  Handle replication =
      h5::create_dataset(root, "replication", H5T_STD_I64LE, H5T_NATIVE_INT64, r_dims, indices.data(), nullptr);
  make_scale(replication, "replication");
  h5::write_string_attribute(replication.get(), "long_name", "replication index (seeds its random streams)");

  std::map<std::string, Handle> scales;
  for (const ResultDimension& d : x.schema.dimensions) {
    Handle s = h5::create_string_dataset(root, d.name, d.labels);
    make_scale(s, d.name);
    scales.emplace(d.name, std::move(s));
  }

  // Sweep parameters, as in the border model's file.
  std::vector<std::string> parameters;
  for (const DesignPoint& p : x.points)
    for (const auto& [name, value] : p.parameters)
      if (std::find(parameters.begin(), parameters.end(), name) == parameters.end()) parameters.push_back(name);
  if (!parameters.empty()) {
    const std::vector<std::string> short_names = parameter_short_names(parameters);
    Handle group = h5::create_group(root, kPoints);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      std::vector<double> values(P, kNaN);
      for (std::size_t p = 0; p < P; ++p)
        for (const auto& [key, value] : x.points[p].parameters)
          if (key == parameters[i]) values[p] = value;
      const hsize_t dims[] = {P};
      Handle d = h5::create_dataset(group.get(), short_names[i], H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, values.data(),
                                    &kNaN);
      attach(d, short_names[i], {&point});
      h5::write_string_attribute(d.get(), "path", parameters[i]);
      h5::write_string_attribute(d.get(), "long_name", "swept value " + parameters[i]);
      d.close("cannot close dataset '/points/" + short_names[i] + "'");
    }
    group.close("cannot close group '/points'");
  }

  std::size_t offset = 0;
  for (const ResultArray& a : x.schema.arrays) {
    const std::size_t n = x.schema.size(a);
    std::vector<hsize_t> dims{P, R};
    std::vector<const Handle*> attached{&point, &replication};
    for (const std::string& d : a.dimensions) {
      dims.push_back(x.schema.extent(d));
      attached.push_back(&scales.at(d));
    }
    std::vector<double> values(P * R * n, kNaN);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r)
        if (const ReplicationRecord& v = x.values[p][r]; is_done(v))
          std::copy(v.begin() + static_cast<std::ptrdiff_t>(offset),
                    v.begin() + static_cast<std::ptrdiff_t>(offset + n),
                    values.begin() + static_cast<std::ptrdiff_t>((p * R + r) * n));
    offset += n;
    auto [group, leaf] = parent_of(root, a.name);
    Handle d = h5::create_dataset(group.get() >= 0 ? group.get() : root, leaf, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims,
                                  values.data(), &kNaN);
    attach(d, a.name, attached);
    h5::write_string_attribute(d.get(), "long_name", a.description);
    h5::write_string_attribute(d.get(), "units", udunits_of(a.units));
    h5::write_string_attribute(d.get(), "display_units", a.units);
    h5::write_double_attribute(d.get(), "_FillValue", kNaN);
    h5::write_string_attribute(d.get(), "dimensions", joined(a.dimensions, ' '));
    d.close("cannot close dataset '/" + a.name + "'");
  }

  std::vector<std::uint8_t> completed(P * R, 0);
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t r = 0; r < R; ++r) completed[p * R + r] = is_done(x.values[p][r]) ? 1 : 0;
  {
    Handle run = h5::link_exists(root, "run") ? h5::open_group(root, "run") : h5::create_group(root, "run");
    const hsize_t dims[] = {P, R};
    Handle d =
        h5::create_dataset(run.get(), "completed", H5T_STD_U8LE, H5T_NATIVE_UINT8, dims, completed.data(), nullptr);
    attach(d, "run/completed", {&point, &replication});
    h5::write_string_attribute(d.get(), "description", "1 when the replication is done, 0 when it is still to run");
    d.close("cannot close dataset '/run/completed'");
    run.close("cannot close group '/run'");
  }
  for (auto& [name, s] : scales) s.close("cannot close dataset '/" + name + "'");
  point.close("cannot close dataset '/point'");
  replication.close("cannot close dataset '/replication'");
  return file_image(file, file_name);
}

Handle open_results(const std::string& path) {
  if (!std::filesystem::exists(path)) throw std::runtime_error("no such file");
  const DigestStatus digest = verify_digest(path);
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 == 0) throw std::runtime_error("not an HDF5 file");
  if (is_hdf5 < 0) h5::fail("cannot open it");
  Handle fapl = h5::property_list(H5P_FILE_ACCESS);
  check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), "cannot set how files close");
  Handle file(h5::check_id(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), "cannot open it"), H5Fclose);
  if (!h5::attribute_exists(file.get(), "format_version"))
    throw std::runtime_error("not a bstp results file (no format_version attribute)");
  if (h5::attribute_exists(file.get(), "model") && digest != DigestStatus::valid)
    throw std::runtime_error("the file is damaged (it does not start with a digest line)");
  return file;
}

std::vector<double> read_doubles(hid_t loc, const std::string& name, const std::vector<hsize_t>& dims) {
  Handle d = h5::open_dataset(loc, name);
  std::size_t n = 1;
  for (const hsize_t x : dims) n *= x;
  std::vector<double> values(n, kNaN);
  h5::read_dataset(d.get(), "/" + name, H5T_NATIVE_DOUBLE, dims, values.data());
  return values;
}

ExperimentRecords read_from(const std::string& path) {
  Handle file = open_results(path);
  const hid_t root = file.get();
  if (!h5::attribute_exists(root, "model")) throw std::runtime_error("it holds the border model's results");
  ExperimentRecords x;
  x.model = h5::read_string_attribute(root, "model");
  if (h5::read_int64_attribute(root, "format_version") != kResultsFormatVersion)
    throw std::runtime_error("format_version is not " + std::to_string(kResultsFormatVersion));
  static_cast<Provenance&>(x) = read_provenance_attributes(root);
  {
    Handle d = h5::open_dataset(root, "point");
    for (std::string& name : h5::read_string_dataset(d.get(), "/point"))
      x.points.push_back(DesignPoint{std::move(name), {}});
  }
  const std::size_t P = x.points.size();
  std::size_t R = 0;
  {
    Handle d = h5::open_dataset(root, "replication");
    const std::vector<hsize_t> shape = h5::dataset_shape(d.get());
    if (shape.size() != 1) throw std::runtime_error("dataset '/replication' is not one-dimensional");
    R = shape[0];
  }
  x.replications = static_cast<int>(R);
  if (h5::link_exists(root, kPoints)) {
    Handle group = h5::open_group(root, kPoints);
    for (const std::string& name : h5::link_names(group.get())) {
      const std::vector<double> values = read_doubles(group.get(), name, {P});
      Handle d = h5::open_dataset(group.get(), name);
      const std::string dotted = h5::read_string_attribute(d.get(), "path");
      for (std::size_t p = 0; p < P; ++p)
        if (!std::isnan(values[p])) x.points[p].parameters.emplace_back(dotted, values[p]);
    }
  }
  for (const std::string& name : split(h5::read_string_attribute(root, "arrays"), '\n')) {
    Handle d = h5::open_dataset(root, name);
    ResultArray a{name, split(h5::read_string_attribute(d.get(), "dimensions"), ' '),
                  h5::read_string_attribute(d.get(), "display_units"), h5::read_string_attribute(d.get(), "long_name")};
    for (const std::string& dim : a.dimensions) {
      const bool known = std::any_of(x.schema.dimensions.begin(), x.schema.dimensions.end(),
                                     [&](const ResultDimension& k) { return k.name == dim; });
      if (known) continue;
      Handle s = h5::open_dataset(root, dim);
      x.schema.dimensions.push_back({dim, h5::read_string_dataset(s.get(), "/" + dim)});
    }
    x.schema.arrays.push_back(std::move(a));
  }
  std::vector<std::uint8_t> completed(P * R, 0);
  {
    Handle d = h5::open_dataset(root, "run/completed");
    const hsize_t dims[] = {P, R};
    h5::read_dataset(d.get(), "/run/completed", H5T_NATIVE_UINT8, dims, completed.data());
  }
  const std::size_t n = x.schema.record_size();
  x.values.assign(P, std::vector<ReplicationRecord>(R));
  for (std::size_t p = 0; p < P; ++p)
    for (std::size_t r = 0; r < R; ++r)
      if (completed[p * R + r]) x.values[p][r].assign(n, kNaN);
  std::size_t offset = 0;
  for (const ResultArray& a : x.schema.arrays) {
    const std::size_t size = x.schema.size(a);
    std::vector<hsize_t> dims{P, R};
    for (const std::string& d : a.dimensions) dims.push_back(x.schema.extent(d));
    const std::vector<double> values = read_doubles(root, a.name, dims);
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t r = 0; r < R; ++r)
        if (ReplicationRecord& v = x.values[p][r]; is_done(v))
          std::copy(values.begin() + static_cast<std::ptrdiff_t>((p * R + r) * size),
                    values.begin() + static_cast<std::ptrdiff_t>((p * R + r + 1) * size),
                    v.begin() + static_cast<std::ptrdiff_t>(offset));
    offset += size;
  }
  file.close("cannot close it");
  return x;
}

}  // namespace

void write_model_results_file(const std::string& path, const ExperimentRecords& results, bool overwrite) {
  validate(results);
  write_file_image(path, overwrite, [&](const std::string& name) { return build(name, results); });
}

ExperimentRecords read_model_results_file(const std::string& path) {
  h5::QuietErrors quiet;
  try {
    return read_from(path);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot read results file '" + path + "': " + e.what());
  }
}

std::string results_file_model(const std::string& path) {
  h5::QuietErrors quiet;
  try {
    Handle file = open_results(path);
    const std::string model = h5::attribute_exists(file.get(), "model") ? h5::read_string_attribute(file.get(), "model")
                                                                        : std::string(kBorderModel);
    file.close("cannot close it");
    return model;
  } catch (const std::exception&) {
    return kBorderModel;  // its reader says what is wrong with the file
  }
}

}  // namespace bstp::experiment
