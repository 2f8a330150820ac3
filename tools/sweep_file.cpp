#include "sweep_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
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

constexpr const char* kKeys[] = {"description", "scenario", "policies", "replications", "seed", "set", "grid", "points"};

Location at(const YAML::Mark& m) { return m.line < 0 ? Location{} : Location{m.line + 1, m.column + 1}; }

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(Location where, const std::string& path, const std::string& message) {
    list_.push_back({file_, where.line, where.column, path, message});
  }
  std::vector<border::Diagnostic> take() { return std::move(list_); }

 private:
  std::string file_;
  std::vector<border::Diagnostic> list_;
};

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "'" + node.Scalar() + "'";
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string unknown_key_message(const std::string& key) {
  std::string best;
  std::size_t best_distance = 3;
  std::string all;
  for (const char* k : kKeys) {
    all += (all.empty() ? "" : ", ") + std::string(k);
    const std::size_t d = edit_distance(key, k);
    if (d < best_distance) best_distance = d, best = k;
  }
  if (!best.empty()) return fmt::format("unknown key '{}' (did you mean '{}'?)", key, best);
  return fmt::format("unknown key '{}' (a sweep has: {})", key, all);
}

// Emits a value as one line of YAML (flow style), keeping quoted text quoted.
void emit(YAML::Emitter& out, const YAML::Node& node) {
  if (node.IsMap()) {
    out << YAML::Flow << YAML::BeginMap;
    for (const auto& entry : node) {
      out << YAML::Key;
      emit(out, entry.first);
      out << YAML::Value;
      emit(out, entry.second);
    }
    out << YAML::EndMap;
  } else if (node.IsSequence()) {
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& item : node) emit(out, item);
    out << YAML::EndSeq;
  } else if (node.IsScalar()) {
    if (node.Tag() == "!") out << YAML::DoubleQuoted;
    out << node.Scalar();
  } else {
    out << YAML::Null;
  }
}

std::string yaml_text(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  emit(out, node);
  return out.c_str();
}

bool whole_number(const YAML::Node& node, std::uint64_t& value) {
  if (!node.IsScalar() || node.Tag() == "!") return false;
  const std::string& s = node.Scalar();
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

// A swept value: a number or true/false. Returns what is wrong, or "".
std::string swept_value(const YAML::Node& node, double& value) {
  const std::string expected = "expected a number or true/false, got ";
  if (!node.IsScalar()) return expected + describe(node);
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return expected + "the text \"" + s + "\"";
  if (s == "true" || s == "True" || s == "false" || s == "False") {
    value = (s[0] == 't' || s[0] == 'T') ? 1.0 : 0.0;
    return "";
  }
  char* end = nullptr;
  value = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(value)) return expected + describe(node);
  return "";
}

std::string path_of(const YAML::Node& key, Problems& problems, const std::string& section) {
  if (!key.IsScalar() || key.Scalar().empty()) {
    problems.add(at(key.Mark()), section, "expected a dotted scenario path, e.g. countries.GT.police.officers, got " + describe(key));
    return "";
  }
  return key.Scalar();
}

void read_grid(const YAML::Node& grid, SweepFile& s, Problems& problems) {
  if (!grid.IsMap() || grid.size() == 0) {
    problems.add(at(grid.Mark()), "grid",
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
      problems.add(at(entry.first.Mark()), where, "duplicate path (given earlier in the grid)");
      continue;
    }
    const YAML::Node values = entry.second;
    if (!values.IsSequence() || values.size() == 0) {
      problems.add(at(values.IsDefined() && !values.IsNull() ? values.Mark() : entry.first.Mark()), where,
                   values.IsSequence() ? "empty grid: expected at least one value" : "expected a list of values, got " + describe(values));
      continue;
    }
    std::vector<Assignment> list;
    std::set<std::string> seen;
    for (const auto& item : values) {
      Assignment a{path, item.IsScalar() ? item.Scalar() : "", 0.0, at(entry.first.Mark()), at(item.Mark()),
                   static_cast<int>(s.grid.size()), static_cast<int>(list.size())};
      if (const std::string problem = swept_value(item, a.value); !problem.empty()) {
        problems.add(a.at, where, problem);
        continue;
      }
      if (!seen.insert(a.text).second) {
        problems.add(a.at, where, fmt::format("value {} appears twice", a.text));
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
    problems.add(at(grid.Mark()), "grid",
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
    problems.add(at(points.Mark()), "points",
                 points.IsSequence() ? "expected at least one point" : "expected a list of points ({path: value, ...}), got " + describe(points));
    return;
  }
  std::size_t n = 0;
  if (points.size() > kMaxSweepPoints) {
    problems.add(at(points.Mark()), "points",
                 fmt::format("{} points; a sweep has at most {} design points", points.size(), kMaxSweepPoints));
    return;
  }
  for (const auto& item : points) {
    const std::string where = fmt::format("points.{}", n++);
    if (!(item.IsMap() || item.IsNull())) {
      problems.add(at(item.Mark()), where, "expected a mapping of dotted scenario paths to values, got " + describe(item));
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
          problems.add(a.at, where + "." + path, problem);
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
      problems.add(p.assignments.empty() ? points_at : p.assignments.front().key, fmt::format("points.{}", p.index),
                   fmt::format("the same values as point {} ({})", s.points[it->second].index, p.label.empty() ? "none" : p.label));
  }
}

}  // namespace

std::vector<std::string> short_labels(const std::vector<std::string>& paths) {
  auto split = [](const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) parts.push_back(path.substr(start, dot - start));
    parts.push_back(path.substr(start));
    return parts;
  };
  auto suffix = [](const std::vector<std::string>& parts, std::size_t k) {
    std::string s;
    for (std::size_t i = parts.size() - std::min(k, parts.size()); i < parts.size(); ++i) s += (s.empty() ? "" : ".") + parts[i];
    return s;
  };
  std::vector<std::vector<std::string>> parts;
  for (const std::string& p : paths) parts.push_back(split(p));
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
    throw border::ScenarioError({{path, e.mark.line + 1, e.mark.column + 1, "", "not valid YAML: " + e.msg}});
  }
  const YAML::Node& root = loaded;  // lookups through a const node never add keys
  if (!root.IsMap())
    throw border::ScenarioError({{path, 1, 1, "", "expected a sweep: a mapping with scenario, replications and grid or points, got " + describe(root)}});

  std::set<std::string> seen;
  for (const auto& entry : root) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
      problems.add(at(entry.first.Mark()), key, unknown_key_message(key));
    else if (!seen.insert(key).second)
      problems.add(at(entry.first.Mark()), key, "duplicate key");
  }
  const Location top{1, 1};
  if (const YAML::Node n = root["scenario"]; !n) {
    problems.add(top, "scenario", "required key is missing (the scenario file to sweep, relative to this file)");
  } else if (!n.IsScalar() || n.Scalar().empty()) {
    problems.add(at(n.Mark()), "scenario", "expected the path of a scenario file, got " + describe(n));
  } else {
    s.scenario_at = at(n.Mark());
    const std::string file = (fs::path(path).parent_path() / n.Scalar()).lexically_normal().string();
    if (fs::is_regular_file(file, ec))
      s.scenario = file;
    else
      problems.add(s.scenario_at, "scenario", fmt::format("no such file '{}' (paths are relative to the sweep file)", file));
  }
  if (const YAML::Node n = root["replications"]; !n) {
    problems.add(top, "replications", "required key is missing (replications per design point)");
  } else {
    std::uint64_t r = 0;
    s.replications_at = at(n.Mark());
    if (!whole_number(n, r) || r < 1 || r > kMaxSweepReplications)
      problems.add(s.replications_at, "replications",
                   fmt::format("expected a whole number from 1 to {}, got {}", kMaxSweepReplications, describe(n)));
    else
      s.replications = static_cast<int>(r);
  }
  if (const YAML::Node n = root["seed"]) {
    std::uint64_t seed = 0;
    s.seed_at = at(n.Mark());
    if (whole_number(n, seed))
      s.seed = seed;
    else
      problems.add(s.seed_at, "seed", "expected a whole number >= 0, got " + describe(n));
  }
  if (const YAML::Node n = root["description"]; n && !n.IsScalar())
    problems.add(at(n.Mark()), "description", "expected text, got " + describe(n));
  if (const YAML::Node n = root["policies"]) {
    if (!n.IsSequence() || n.size() == 0)
      problems.add(at(n.Mark()), "policies", "expected a list of at least one policy name, got " + describe(n));
    for (std::size_t i = 0; n.IsSequence() && i < n.size(); ++i) {
      const YAML::Node item = n[i];
      const std::string where = fmt::format("policies.{}", i);
      if (!item.IsScalar())
        problems.add(at(item.Mark()), where, "expected a policy name, got " + describe(item));
      else if (std::find(s.policies.begin(), s.policies.end(), item.Scalar()) != s.policies.end())
        problems.add(at(item.Mark()), where, fmt::format("policy '{}' is listed twice", item.Scalar()));
      else
        s.policies.push_back(item.Scalar()), s.policy_at.push_back(at(item.Mark()));
    }
  }
  if (const YAML::Node n = root["set"]) {
    if (!n.IsMap())
      problems.add(at(n.Mark()), "set", "expected a mapping of dotted scenario paths to values, got " + describe(n));
    else
      for (const auto& entry : n)
        if (const std::string p = path_of(entry.first, problems, "set"); !p.empty()) {
          s.set.emplace_back(p, yaml_text(entry.second));
          s.set_at.push_back(at(entry.first.Mark()));
        }
  }
  const YAML::Node grid = root["grid"], points = root["points"];
  if (grid && points)
    problems.add(at(points.Mark()), "points", "a sweep has grid or points, not both");
  else if (grid)
    read_grid(grid, s, problems);
  else if (points)
    read_points(points, s, problems);
  else
    problems.add(top, "grid", "required key is missing: a sweep needs grid (a full factorial) or points (a list)");
  label_points(s, problems, points ? at(points.Mark()) : top);
  s.problems = problems.take();
  return s;
}

}  // namespace bstp::tools
