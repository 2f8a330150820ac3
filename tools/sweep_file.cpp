#include "sweep_file.hpp"

#include <config/dotted_path.hpp>
#include <config/emit.hpp>
#include <config/reader.hpp>
#include <config/scalars.hpp>
#include <config/structure.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::tools {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kKeys = {"description", "scenario", "policies", "replications", "seed", "set", "grid", "points"};

using config::describe;
using Problems = config::Reader;

Location at(const YAML::Mark& mark) { return config::location_of(mark); }

// A whole number written as one (quoted text is text).
std::optional<std::uint64_t> whole_number(const YAML::Node& node) {
  if (!node.IsScalar() || node.Tag() == "!") return std::nullopt;
  return config::parse_number<std::uint64_t>(node.Scalar());
}

// A swept value: a number or true/false. Returns what is wrong, or "".
std::string swept_value(const YAML::Node& node, double& value) {
  const std::string expected = "expected a number or true/false, got ";
  if (!node.IsScalar()) return expected + describe(node);
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return expected + "the text \"" + s + "\"";
  if (const std::optional<bool> word = config::boolean_word(s)) {
    value = *word ? 1.0 : 0.0;
    return "";
  }
  const std::optional<double> number = config::parse_number<double>(s);
  if (!number) return expected + describe(node);
  value = *number;
  return "";
}

std::string path_of(const YAML::Node& key, Problems& problems, const std::string& section) {
  if (!key.IsScalar() || key.Scalar().empty()) {
    problems.error(at(key.Mark()), section, "expected a dotted scenario path, e.g. countries.GT.police.officers, got " + describe(key));
    return "";
  }
  return key.Scalar();
}

void read_grid(const YAML::Node& grid, SweepFile& s, Problems& problems) {
  if (!grid.IsMap() || grid.size() == 0) {
    problems.error(at(grid.Mark()), "grid",
                   grid.IsMap() ? "empty grid: expected at least one dotted scenario path with a list of values"
                                : "expected a mapping of dotted scenario paths to lists of values, got " + describe(grid));
    return;
  }
  std::vector<std::vector<Assignment>> choices;
  for (const auto& entry : grid) {
    const std::string path = path_of(entry.first, problems, "grid");
    if (path.empty()) continue;
    const std::string where = "grid." + path;
    if (std::any_of(s.grid.begin(), s.grid.end(), [&](const auto& p) { return p.path == path; })) {
      problems.error(at(entry.first.Mark()), where, "duplicate path (given earlier in the grid)");
      continue;
    }
    const YAML::Node values = entry.second;
    if (!values.IsSequence() || values.size() == 0) {
      problems.error(at(values.IsDefined() && !values.IsNull() ? values.Mark() : entry.first.Mark()), where,
                     values.IsSequence() ? "empty grid: expected at least one value" : "expected a list of values, got " + describe(values));
      continue;
    }
    std::vector<Assignment> list;
    std::set<std::string> seen;
    for (const auto& item : values) {
      Assignment a{path, item.IsScalar() ? item.Scalar() : "", 0.0, at(entry.first.Mark()), at(item.Mark()),
                   static_cast<int>(s.grid.size()), static_cast<int>(list.size())};
      if (const std::string problem = swept_value(item, a.value); !problem.empty()) {
        problems.error(a.at, where, problem);
        continue;
      }
      if (!seen.insert(a.text).second) {
        problems.error(a.at, where, fmt::format("value {} appears twice", a.text));
        continue;
      }
      list.push_back(a);
    }
    s.grid.push_back({path, at(entry.first.Mark()), list.size()});
    if (!list.empty()) choices.push_back(std::move(list));  // (a path without good values is left out)
  }
  // Full factorial, the last path varying fastest; its size is checked before it is listed.
  double size = 1.0;
  std::vector<std::string> sizes;
  for (const auto& list : choices) {
    size *= static_cast<double>(list.size());
    sizes.push_back(std::to_string(list.size()));
  }
  if (!choices.empty() && size > static_cast<double>(kMaxSweepPoints)) {
    problems.error(at(grid.Mark()), "grid",
                   fmt::format("{:.6g} points ({}); a sweep has at most {} design points", size, fmt::join(sizes, " x "),
                               kMaxSweepPoints));
    return;
  }
  std::vector<std::size_t> index(choices.size(), 0);
  for (bool more = !choices.empty(); more;) {
    SweepPoint point;
    for (std::size_t i = 0; i < choices.size(); ++i) point.assignments.push_back(choices[i][index[i]]);
    s.points.push_back(std::move(point));
    more = false;
    for (std::size_t i = choices.size(); i-- > 0;) {
      if (++index[i] < choices[i].size()) {
        more = true;
        break;
      }
      index[i] = 0;
    }
  }
}

void read_points(const YAML::Node& points, SweepFile& s, Problems& problems) {
  if (!points.IsSequence() || points.size() == 0) {
    problems.error(at(points.Mark()), "points",
                   points.IsSequence() ? "expected at least one point" : "expected a list of points ({path: value, ...}), got " + describe(points));
    return;
  }
  std::size_t n = 0;
  if (points.size() > kMaxSweepPoints) {
    problems.error(at(points.Mark()), "points",
                   fmt::format("{} points; a sweep has at most {} design points", points.size(), kMaxSweepPoints));
    return;
  }
  for (const auto& item : points) {
    const std::string where = fmt::format("points.{}", n++);
    if (!(item.IsMap() || item.IsNull())) {
      problems.error(at(item.Mark()), where, "expected a mapping of dotted scenario paths to values, got " + describe(item));
      continue;
    }
    SweepPoint point;
    point.index = n - 1;
    if (item.IsMap())
      for (const auto& entry : item) {
        const std::string path = path_of(entry.first, problems, where);
        if (path.empty()) continue;
        Assignment a{path, entry.second.IsScalar() ? entry.second.Scalar() : "", 0.0, at(entry.first.Mark()),
                     at(entry.second.Mark()), -1, 0};
        if (const std::string problem = swept_value(entry.second, a.value); !problem.empty())
          problems.error(a.at, where + "." + path, problem);
        else
          point.assignments.push_back(a);
      }
    s.points.push_back(std::move(point));
  }
}

void label_points(SweepFile& s, Problems& problems, Location points_at) {
  std::vector<std::string> paths;
  for (const SweepPoint& p : s.points)
    for (const Assignment& a : p.assignments)
      if (std::find(paths.begin(), paths.end(), a.path) == paths.end()) paths.push_back(a.path);
  const std::vector<std::string> labels = short_labels(paths);
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    SweepPoint& p = s.points[i];
    for (const Assignment& a : p.assignments) {
      const auto k = static_cast<std::size_t>(std::find(paths.begin(), paths.end(), a.path) - paths.begin());
      p.label += (p.label.empty() ? "" : " ") + labels[k] + "=" + a.text;
    }
    const auto [it, fresh] = first.emplace(p.label, i);
    if (!fresh)
      problems.error(p.assignments.empty() ? points_at : p.assignments.front().key, fmt::format("points.{}", p.index),
                     fmt::format("the same values as point {} ({})", s.points[it->second].index, p.label.empty() ? "none" : p.label));
  }
}

}  // namespace

std::vector<std::string> short_labels(const std::vector<std::string>& paths) {
  auto suffix = [](const std::vector<std::string>& parts, std::size_t k) {
    std::string s;
    for (std::size_t i = parts.size() - std::min(k, parts.size()); i < parts.size(); ++i) s += (s.empty() ? "" : ".") + parts[i];
    return s;
  };
  std::vector<std::vector<std::string>> parts;
  for (const std::string& p : paths) parts.push_back(config::split_path(p));
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::size_t k = 1;
    for (; k < parts[i].size(); ++k) {
      const std::string& first = parts[i][parts[i].size() - k];
      const bool numeric = !first.empty() && std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; });
      bool unique = true;
      for (std::size_t j = 0; j < paths.size() && unique; ++j) unique = j == i || suffix(parts[j], k) != suffix(parts[i], k);
      if (unique && !numeric) break;
    }
    labels.push_back(suffix(parts[i], k));
  }
  return labels;
}

SweepFile read_sweep_file(const std::string& path) {
  SweepFile s;
  s.file = path;
  Problems problems(path);
  std::error_code ec;
  if (!fs::exists(path, ec)) throw border::ScenarioError({{path, 0, 0, "", "no such file"}});
  std::ifstream in(path, std::ios::binary);
  if (fs::is_directory(path, ec) || !in) throw border::ScenarioError({{path, 0, 0, "", "cannot be read as a sweep file"}});
  if (!fs::is_regular_file(path, ec))
    throw border::ScenarioError(
        {{path, 0, 0, "", "is not a regular file (a device, pipe or socket); expected a sweep file"}});
  if (const std::uintmax_t size = fs::file_size(path, ec); !ec && size > border::kMaxScenarioBytes)
    throw border::ScenarioError(
        {{path, 0, 0, "",
          fmt::format("is {} bytes; a sweep file has at most {} MiB", size, border::kMaxScenarioBytes >> 20)}});
  s.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  YAML::Node loaded;
  try {
    loaded = YAML::Load(s.text);
  } catch (const YAML::Exception& e) {
    const Location where = at(e.mark);
    throw border::ScenarioError({{path, where.line, where.column, "", "not valid YAML: " + e.msg}});
  }
  const YAML::Node& root = loaded;  // lookups through a const node never add keys
  if (!root.IsMap())
    throw border::ScenarioError({{path, 1, 1, "", "expected a sweep: a mapping with scenario, replications and grid or points, got " + describe(root)}});

  config::check_keys(problems, root, "", kKeys);
  const Location top{1, 1};
  if (const YAML::Node n = root["scenario"]; !n) {
    problems.error(top, "scenario", "required key is missing (the scenario file to sweep, relative to this file)");
  } else if (!n.IsScalar() || n.Scalar().empty()) {
    problems.error(at(n.Mark()), "scenario", "expected the path of a scenario file, got " + describe(n));
  } else {
    s.scenario_at = at(n.Mark());
    const std::string file = (fs::path(path).parent_path() / n.Scalar()).lexically_normal().string();
    if (fs::is_regular_file(file, ec))
      s.scenario = file;
    else
      problems.error(s.scenario_at, "scenario", fmt::format("no such file '{}' (paths are relative to the sweep file)", file));
  }
  if (const YAML::Node n = root["replications"]; !n) {
    problems.error(top, "replications", "required key is missing (replications per design point)");
  } else {
    const std::optional<std::uint64_t> r = whole_number(n);
    s.replications_at = at(n.Mark());
    if (!r || *r < 1 || *r > kMaxSweepReplications)
      problems.error(s.replications_at, "replications",
                     fmt::format("expected a whole number from 1 to {}, got {}", kMaxSweepReplications, describe(n)));
    else
      s.replications = static_cast<int>(*r);
  }
  if (const YAML::Node n = root["seed"]) {
    s.seed_at = at(n.Mark());
    if (const std::optional<std::uint64_t> seed = whole_number(n))
      s.seed = seed;
    else
      problems.error(s.seed_at, "seed", "expected a whole number >= 0, got " + describe(n));
  }
  if (const YAML::Node n = root["description"]; n && !n.IsScalar())
    problems.error(at(n.Mark()), "description", "expected text, got " + describe(n));
  if (const YAML::Node n = root["policies"]) {
    if (!n.IsSequence() || n.size() == 0)
      problems.error(at(n.Mark()), "policies", "expected a list of at least one policy name, got " + describe(n));
    for (std::size_t i = 0; n.IsSequence() && i < n.size(); ++i) {
      const YAML::Node item = n[i];
      const std::string where = fmt::format("policies.{}", i);
      if (!item.IsScalar())
        problems.error(at(item.Mark()), where, "expected a policy name, got " + describe(item));
      else if (std::find(s.policies.begin(), s.policies.end(), item.Scalar()) != s.policies.end())
        problems.error(at(item.Mark()), where, fmt::format("policy '{}' is listed twice", item.Scalar()));
      else
        s.policies.push_back(item.Scalar()), s.policy_at.push_back(at(item.Mark()));
    }
  }
  if (const YAML::Node n = root["set"]) {
    if (!n.IsMap())
      problems.error(at(n.Mark()), "set", "expected a mapping of dotted scenario paths to values, got " + describe(n));
    else
      for (const auto& entry : n)
        if (const std::string p = path_of(entry.first, problems, "set"); !p.empty()) {
          s.set.emplace_back(p, config::yaml_text(entry.second, config::Layout::one_line));
          s.set_at.push_back(at(entry.first.Mark()));
        }
  }
  const YAML::Node grid = root["grid"], points = root["points"];
  if (grid && points)
    problems.error(at(points.Mark()), "points", "a sweep has grid or points, not both");
  else if (grid)
    read_grid(grid, s, problems);
  else if (points)
    read_points(points, s, problems);
  else
    problems.error(top, "grid", "required key is missing: a sweep needs grid (a full factorial) or points (a list)");
  label_points(s, problems, points ? at(points.Mark()) : top);
  s.problems = problems.take_diagnostics();
  return s;
}

}  // namespace bstp::tools
