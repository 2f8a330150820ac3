#include "experiment/experiment_identity.hpp"

#include "experiment/replication_codec.hpp"

#include <cstring>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::experiment {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

namespace {

// The digest of a text without its leading comment lines (the resolved scenario's first line
// says which path it was read from, which differs between machines and working directories).
std::string digest(const std::string& text) {
  std::string_view body = text;
  while (body.starts_with("#")) {
    const std::size_t end = body.find('\n');
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
  }
  if (body.empty()) return "none";
  return fmt::format("fnv1a {:016x} ({} bytes)", fnv1a(body), body.size());
}

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// "label: value" -> {label, value}
std::pair<std::string, std::string> split(const std::string& line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string::npos) return {line, ""};
  return {line.substr(0, colon), line.substr(colon + 2)};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

std::string experiment_identity(const ExperimentResults& results) {
  std::string s;
  // The plainest differences first: they are the ones a message should name.
  s += "bstp version: " + results.bstp_version + "\n";
  s += fmt::format("seed: {}\n", results.seed);
  s += fmt::format("replications: {}\n", results.replications);
  s += fmt::format("months: {}\n", results.months);
  s += "countries: " + joined(results.countries) + "\n";
  s += "crossings: " + joined(results.crossings) + "\n";
  s += fmt::format("design points: {}\n", results.points.size());
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    s += fmt::format("design point {}: '{}'", p, results.points[p].name);
    for (const auto& [name, value] : results.points[p].parameters) s += fmt::format(" {}={:.17g}", name, value);
    s += "\n";
  }
  s += "scenario text: " + digest(results.scenario_text) + "\n";
  s += "sweep file: " + digest(results.sweep_text) + "\n";
  return s;
}

void check_same_experiment(const std::string& expected, const std::string& expected_name, const std::string& actual,
                           const std::string& actual_name) {
  if (expected == actual) return;
  const std::vector<std::string> a = lines_of(expected), b = lines_of(actual);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const auto [label_a, value_a] = i < a.size() ? split(a[i]) : std::pair<std::string, std::string>{"(nothing)", ""};
    const auto [label_b, value_b] = i < b.size() ? split(b[i]) : std::pair<std::string, std::string>{"(nothing)", ""};
    if (label_a == label_b && value_a == value_b) continue;
    const std::string what = label_a == label_b ? fmt::format("{} differs ({} vs {})", label_a, value_a, value_b)
                                                : fmt::format("'{}' vs '{}'", a.size() > i ? a[i] : "", b.size() > i ? b[i] : "");
    throw std::invalid_argument(fmt::format("{} is not part of the same experiment as {}: {}", actual_name, expected_name, what));
  }
}

std::size_t merge_replications(ExperimentResults& into, const ExperimentResults& from, const std::string& from_name) {
  // The patrol units and organisations follow from the scenario text and the points (in the
  // identity); a file written before them has none: the merged file takes them from one that has.
  if (into.units.empty() && into.organisations.empty()) {
    into.units = from.units;
    into.organisations = from.organisations;
  } else if (!(from.units.empty() && from.organisations.empty()) &&
             (from.units != into.units || from.organisations != into.organisations)) {
    throw std::invalid_argument(fmt::format("{} has other patrol units or organisations than an earlier file; the files are not "
                                            "shards of one run",
                                            from_name));
  }
  const ResultShape shape = shape_of(into);
  std::size_t filled = 0;
  for (std::size_t p = 0; p < into.values.size() && p < from.values.size(); ++p)
    for (std::size_t r = 0; r < into.values[p].size() && r < from.values[p].size(); ++r) {
      const border::ReplicationResult& v = from.values[p][r];
      if (!is_done(v)) continue;
      border::ReplicationResult& slot = into.values[p][r];
      if (!is_done(slot)) {
        slot = v;
        ++filled;
        continue;
      }
      // wall_seconds (the last value) is timing, not data: it may differ. A file written before
      // the per-unit results has none: compare what both have.
      border::ReplicationResult x = slot, y = v;
      if (x.by_unit.empty() || y.by_unit.empty()) x.by_unit.clear(), y.by_unit.clear();
      if (x.by_organisation.empty() || y.by_organisation.empty()) x.by_organisation.clear(), y.by_organisation.clear();
      std::vector<double> a = encode(x, shape), b = encode(y, shape);
      a.pop_back();
      b.pop_back();
      if (!same_bits(a, b))
        throw std::invalid_argument(fmt::format("{} has replication {} of '{}' with other values than an earlier file; "
                                                "the files are not shards of one run",
                                                from_name, r, into.points[p].name));
    }
  return filled;
}

}  // namespace bstp::experiment
