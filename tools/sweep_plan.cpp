#include "sweep_plan.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

// Where an override of a design point comes from in the sweep file.
struct Origin {
  Location at;
  const Assignment* assignment = nullptr;  // null for replications, seed and set
};

// One problem of one design point, before problems shared by points are merged.
struct Raw {
  std::string file;
  Location at;
  std::string path, message;
  std::size_t point = 0;
  bool from_override = false;
  const Assignment* assignment = nullptr;
};

std::string quoted_list(const std::set<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "'" : ", '") + n + "'";
  return s;
}

// The sweep file's diagnostic for what went wrong with `point` (whose overrides come from `origins`,
// one for each override the point was resolved with).
void collect(const PointProblem& problem, const std::vector<Origin>& origins, const std::string& sweep_file,
             std::vector<Raw>& out) {
  if (problem.diagnostics.empty()) {
    out.push_back({sweep_file, {}, "", problem.message, problem.point, false, nullptr});
    return;
  }
  for (const border::Diagnostic& d : problem.diagnostics) {
    if (d.override_index && *d.override_index < origins.size()) {
      const Origin& origin = origins[*d.override_index];
      out.push_back({sweep_file, origin.at, d.path, d.message, problem.point, true, origin.assignment});
    } else {
      out.push_back({d.file, {d.line, d.column}, d.path, d.full_message(), problem.point, false, nullptr});
    }
  }
}

// Sweep file problems first, in file order; then the scenario's.
[[noreturn]] void fail(const SweepFile& s, std::vector<border::Diagnostic> out) {
  std::stable_sort(out.begin(), out.end(), [&](const border::Diagnostic& a, const border::Diagnostic& b) {
    return std::make_tuple(a.file != s.file, a.line == 0, a.line, a.column) < std::make_tuple(b.file != s.file, b.line == 0, b.line, b.column);
  });
  throw border::ScenarioError(std::move(out));
}

}  // namespace

ExperimentPlan plan_sweep(const SweepFile& s, const std::string& command_line) {
  std::vector<border::Diagnostic> diagnostics = s.problems;
  if (s.scenario.empty()) fail(s, std::move(diagnostics));
  std::optional<border::ScenarioDocument> loaded;
  try {
    loaded.emplace(border::ScenarioDocument::from_file(s.scenario));
  } catch (const border::ScenarioError& e) {
    diagnostics.insert(diagnostics.end(), e.diagnostics().begin(), e.diagnostics().end());
    fail(s, std::move(diagnostics));
  }
  const border::ScenarioDocument& doc = *loaded;
  const std::vector<std::string> available = doc.policy_names();
  std::vector<std::string> policies;
  for (std::size_t i = 0; i < s.policies.size(); ++i) {
    if (std::find(available.begin(), available.end(), s.policies[i]) != available.end()) {
      policies.push_back(s.policies[i]);
      continue;
    }
    std::string list;
    for (const std::string& a : available) list += (list.empty() ? "" : ", ") + a;
    diagnostics.push_back({s.file, s.policy_at[i].line, s.policy_at[i].column, fmt::format("policies.{}", i),
                           fmt::format("no policy '{}' in {} (available: {})", s.policies[i], s.scenario, list)});
  }
  if (s.policies.empty()) policies = available;
  // The design (policies x points) and its runs are listed in memory: both are capped.
  if (const std::size_t design = policies.size() * s.points.size(); design > kMaxSweepPoints) {
    diagnostics.push_back({s.file, 0, 0, s.policies.empty() ? "grid" : "policies",
                           fmt::format("{} policies x {} points = {} design points; a sweep has at most {} (list fewer "
                                       "policies under policies:, or fewer values)",
                                       policies.size(), s.points.size(), design, kMaxSweepPoints)});
    fail(s, std::move(diagnostics));
  }
  if (const double runs = static_cast<double>(policies.size() * s.points.size()) * s.replications;
      runs > kMaxSweepRuns) {
    diagnostics.push_back({s.file, s.replications_at.line, s.replications_at.column, "replications",
                           fmt::format("{} design points x {} replications = {:.6g} runs; a sweep has at most {} (use "
                                       "fewer replications or points, or several sweeps)",
                                       policies.size() * s.points.size(), s.replications, runs, kMaxSweepRuns)});
    fail(s, std::move(diagnostics));
  }

  std::vector<border::Override> base;
  std::vector<Origin> base_origins;
  if (s.replications > 0) base.emplace_back("scenario.replications", std::to_string(s.replications)), base_origins.push_back({s.replications_at});
  if (s.seed) base.emplace_back("scenario.seed", std::to_string(*s.seed)), base_origins.push_back({s.seed_at});
  for (std::size_t i = 0; i < s.set.size(); ++i) base.push_back(s.set[i]), base_origins.push_back({s.set_at[i]});

  std::vector<PointSpec> specs;
  std::vector<std::vector<Origin>> origins;
  std::vector<std::string> policy_of;
  for (const std::string& policy : policies)
    for (const SweepPoint& point : s.points) {
      PointSpec spec{{point.label.empty() ? policy : policy + " " + point.label, {}, policy}, policy, base};
      std::vector<Origin> from = base_origins;
      for (const Assignment& a : point.assignments) {
        spec.point.parameters.emplace_back(a.path, a.value);
        spec.overrides.emplace_back(a.path, a.text);
        from.push_back({a.parameter >= 0 ? a.at : a.key, &a});
      }
      specs.push_back(std::move(spec));
      origins.push_back(std::move(from));
      policy_of.push_back(policy);
    }

  std::vector<PointProblem> problems;
  std::string scenario_text;
  try {
    scenario_text = doc.resolved_text("", base);
  } catch (const border::ScenarioError& e) {
    problems.push_back({specs.size(), e.diagnostics(), ""});
  }
  ExperimentPlan plan = make_plan(doc, specs, scenario_text, s.text, command_line, &problems);
  if (problems.empty() && diagnostics.empty()) return plan;

  std::vector<Raw> raws;
  for (const PointProblem& p : problems)
    collect(p, p.point < specs.size() ? origins[p.point] : base_origins, s.file, raws);
  // A grid value's problem that every value of its path has is the path's: say it once, at the path.
  std::map<std::tuple<int, std::string, std::string>, std::set<int>> choices;
  for (const Raw& r : raws)
    if (r.assignment && r.assignment->parameter >= 0) choices[{r.assignment->parameter, r.path, r.message}].insert(r.assignment->choice);
  for (Raw& r : raws)
    if (r.assignment && r.assignment->parameter >= 0 &&
        choices[{r.assignment->parameter, r.path, r.message}].size() == s.grid[static_cast<std::size_t>(r.assignment->parameter)].values)
      r.at = r.assignment->key;
  // Merge the problems points share; name the policies or points when not all of them have it.
  using Key = std::tuple<std::string, int, int, std::string, std::string>;
  std::map<Key, std::pair<std::set<std::string>, std::set<std::size_t>>> shared;
  std::vector<std::pair<Key, bool>> order;
  for (const Raw& r : raws) {
    Key key{r.file, r.at.line, r.at.column, r.path, r.message};
    auto [it, fresh] = shared.try_emplace(key);
    if (fresh) order.emplace_back(key, r.from_override);
    if (r.point < specs.size()) it->second.first.insert(policy_of[r.point]), it->second.second.insert(r.point);
  }
  std::vector<border::Diagnostic> out = std::move(diagnostics);
  for (const auto& [key, from_override] : order) {
    const auto& [file, line, column, path, message] = key;
    const auto& [policy_set, point_set] = shared[key];
    std::string text = message;
    if (from_override && policies.size() > 1 && !policy_set.empty() && policy_set.size() < policies.size())
      text += fmt::format(" ({} {})", policy_set.size() == 1 ? "policy" : "policies", quoted_list(policy_set));
    if (!from_override && !point_set.empty() && point_set.size() < specs.size()) {
      text += fmt::format(" (design point '{}'", specs[*point_set.begin()].point.name);
      text += point_set.size() > 1 ? fmt::format(" and {} more)", point_set.size() - 1) : ")";
    }
    out.push_back({file, line, column, path, text});
  }
  fail(s, std::move(out));
}

}  // namespace bstp::tools
