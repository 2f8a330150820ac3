#include "experiment_plan.hpp"

#include "experiment/experiment_identity.hpp"
#include "experiment/results_file.hpp"
#include "experiment/task_executor.hpp"
#include "version.hpp"
#include "usage_error.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::tools {

namespace {

std::vector<std::string> country_ids(const border::CompiledScenario& s) {
  std::vector<std::string> ids;
  for (const auto& c : s.countries) ids.push_back(c.id);
  return ids;
}

std::vector<std::string> crossing_ids(const border::CompiledScenario& s) {
  std::vector<std::string> ids;
  for (border::NodeIndex n : s.crossings) ids.push_back(s.graph().node(n).id);
  return ids;
}

std::vector<std::string> unit_names(const border::CompiledScenario& s) {
  std::vector<std::string> names;
  for (const auto& u : s.units) names.push_back(u.name);
  return names;
}

std::vector<std::string> organisation_ids(const border::CompiledScenario& s) {
  std::vector<std::string> ids;
  for (const auto& o : s.organisations) ids.push_back(o.id);
  return ids;
}

// Every point's names (a policy may add patrol units): the first point's, then each new one as
// it comes (a name twice in one point is two entries). order[p][i]: the index in point p's own
// list of entry i, PlannedPoint::kNone where the point has none.
void align(const std::vector<std::vector<std::string>>& names, std::vector<std::string>& all,
           std::vector<std::vector<std::size_t>>& order) {
  all.clear();
  auto entry = [&](const std::vector<std::string>& list, std::size_t i) {  // list[i] is the k-th of its name
    const auto k = static_cast<std::size_t>(std::count(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), list[i]));
    std::size_t seen = 0;
    for (std::size_t j = 0; j < all.size(); ++j)
      if (all[j] == list[i] && seen++ == k) return j;
    all.push_back(list[i]);
    return all.size() - 1;
  };
  std::vector<std::vector<std::size_t>> position(names.size());
  for (std::size_t p = 0; p < names.size(); ++p)
    for (std::size_t i = 0; i < names[p].size(); ++i) position[p].push_back(entry(names[p], i));
  order.assign(names.size(), std::vector<std::size_t>(all.size(), PlannedPoint::kNone));
  for (std::size_t p = 0; p < names.size(); ++p)
    for (std::size_t i = 0; i < position[p].size(); ++i) order[p][position[p][i]] = i;
}

// The ids under `key` (a map) of the scenario text, in the order it lists them; empty when it cannot tell.
std::vector<std::string> listed_ids(const std::string& scenario_text, const char* key) {
  std::vector<std::string> ids;
  try {
    const YAML::Node map = YAML::Load(scenario_text)[key];
    if (!map || !map.IsMap()) return {};
    for (const auto& entry : map) ids.push_back(entry.first.as<std::string>());
  } catch (const YAML::Exception&) {
    return {};
  }
  return ids;
}

// The model numbers countries in id order; people read them in the order the scenario file
// lists them. Returns, per scenario-order position, the model's index (empty when the text does
// not list exactly the model's countries).
std::vector<std::size_t> scenario_country_order(const std::string& scenario_text, const std::vector<std::string>& model_ids) {
  std::vector<std::size_t> order;
  try {
    const YAML::Node countries = YAML::Load(scenario_text)["countries"];
    if (!countries || !countries.IsMap()) return {};
    for (const auto& entry : countries) {
      const auto it = std::find(model_ids.begin(), model_ids.end(), entry.first.as<std::string>());
      if (it == model_ids.end()) return {};
      order.push_back(static_cast<std::size_t>(it - model_ids.begin()));
    }
  } catch (const YAML::Exception&) {
    return {};
  }
  if (order.size() != model_ids.size()) return {};
  return order;
}

}  // namespace

ExperimentPlan make_plan(const border::ScenarioDocument& doc, const std::vector<PointSpec>& specs, std::string scenario_text,
                         std::string sweep_text, const std::string& command_line, std::vector<PointProblem>* problems) {
  ExperimentPlan plan;
  experiment::ExperimentResults& r = plan.results;
  auto report = [&](std::size_t i, std::vector<border::Diagnostic> diagnostics, const std::string& message) {
    if (!problems) {
      if (!diagnostics.empty()) throw border::ScenarioError(std::move(diagnostics));
      throw UsageError(message);
    }
    problems->push_back({i, std::move(diagnostics), message});
  };
  // Resolving and compiling takes tens of milliseconds a point: on every core (resolutions of one
  // document share nothing mutable), then checked in order.
  struct Compiled {
    std::shared_ptr<const border::CompiledScenario> scenario;
    std::vector<border::Diagnostic> diagnostics;
    std::string message;
  };
  std::vector<Compiled> all(specs.size());
  const auto compile = [&](std::size_t i) {
    try {
      all[i].scenario = std::make_shared<const border::CompiledScenario>(doc.resolve(specs[i].policy, specs[i].overrides));
    } catch (const border::ScenarioError& e) {
      all[i].diagnostics = e.diagnostics();
      all[i].message = e.what();
    } catch (const std::exception& e) {  // what the compiler rejects
      all[i].message = fmt::format("{} (design point '{}'): {}", doc.file(), specs[i].point.name, e.what());
    } catch (...) {
      all[i].message = fmt::format("{} (design point '{}'): unknown error", doc.file(), specs[i].point.name);
    }
  };
  // On every core, on the experiment layer's one executor; each point compiles into its own slot.
  const std::size_t threads = std::min<std::size_t>(specs.size(), std::max(1u, std::thread::hardware_concurrency()));
  experiment::TaskExecutor(static_cast<unsigned>(std::max<std::size_t>(threads, 1))).for_each(specs.size(), compile);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const PointSpec& spec = specs[i];
    std::shared_ptr<const border::CompiledScenario> compiled = std::move(all[i].scenario);
    if (!compiled) {
      report(i, std::move(all[i].diagnostics), all[i].message);
      continue;
    }
    if (plan.points.empty()) {
      r.replications = compiled->scenario().replications;
      r.months = compiled->months();
      r.countries = country_ids(*compiled);
      r.crossings = crossing_ids(*compiled);
      r.seed = compiled->scenario().seed;
    } else if (country_ids(*compiled) != r.countries || crossing_ids(*compiled) != r.crossings ||
               compiled->months() != r.months || compiled->scenario().replications != r.replications ||
               compiled->scenario().seed != r.seed) {
      report(i, {}, fmt::format("design point '{}' changes the countries, border crossings, horizon, seed or replications "
                                "of '{}'; all points of an experiment must share them",
                                spec.point.name, plan.points.front().point.name));
      continue;
    }
    plan.points.push_back({spec.point, std::move(compiled)});
  }
  if (plan.points.size() != specs.size()) return plan;

  const std::vector<std::size_t> order = scenario_country_order(scenario_text, r.countries);
  if (!order.empty()) {
    std::vector<std::string> ordered;
    for (const std::size_t c : order) ordered.push_back(r.countries[c]);
    r.countries = std::move(ordered);
    for (PlannedPoint& p : plan.points) p.country_order = order;
  }
  // Patrol units in the model's order, organisations in the order the scenario lists them (the
  // model numbers them in id order); the union over points, NaN where a point has none.
  {
    std::vector<std::vector<std::string>> units, organisations;
    for (const PlannedPoint& p : plan.points) {
      units.push_back(unit_names(*p.scenario));
      organisations.push_back(organisation_ids(*p.scenario));
    }
    std::vector<std::vector<std::size_t>> unit_order, organisation_order;
    align(units, r.units, unit_order);
    align(organisations, r.organisations, organisation_order);
    const std::vector<std::string> listed = listed_ids(scenario_text, "organisations");
    auto rank = [&](const std::string& id) { return std::find(listed.begin(), listed.end(), id) - listed.begin(); };
    std::vector<std::size_t> by_listing(r.organisations.size());
    for (std::size_t i = 0; i < by_listing.size(); ++i) by_listing[i] = i;
    std::stable_sort(by_listing.begin(), by_listing.end(),
                     [&](std::size_t a, std::size_t b) { return rank(r.organisations[a]) < rank(r.organisations[b]); });
    std::vector<std::string> ordered;
    for (const std::size_t i : by_listing) ordered.push_back(r.organisations[i]);
    r.organisations = std::move(ordered);
    for (std::size_t p = 0; p < plan.points.size(); ++p) {
      plan.points[p].unit_order = std::move(unit_order[p]);
      for (const std::size_t i : by_listing) plan.points[p].organisation_order.push_back(organisation_order[p][i]);
    }
  }
  for (const PlannedPoint& p : plan.points) r.points.push_back(p.point);
  r.values.assign(r.points.size(), std::vector<border::ReplicationResult>(static_cast<std::size_t>(r.replications)));
  r.scenario_text = std::move(scenario_text);
  r.sweep_text = std::move(sweep_text);
  r.scenario_file = doc.file();
  r.bstp_version = kVersion;
  r.git_revision = kGitRevision;
  r.command_line = command_line;
  r.created_utc = experiment::utc_timestamp_now();
  plan.identity = experiment::experiment_identity(r);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    plan.identity += fmt::format("resolution of point {}: policy '{}'", i, specs[i].policy);
    for (auto [path, value] : specs[i].overrides) {
      std::replace(value.begin(), value.end(), '\n', ' ');
      plan.identity += fmt::format(", {}={}", path, value);
    }
    plan.identity += "\n";
  }
  return plan;
}

}  // namespace bstp::tools
