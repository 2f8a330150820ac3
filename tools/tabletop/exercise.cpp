#include "exercise.hpp"

#include <border/scenario_bounds.hpp>
#include <config/dotted_path.hpp>
#include <config/location.hpp>
#include <config/suggestions.hpp>

#include <cmath>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::tabletop {
namespace {

using border::Diagnostic;
using border::ScenarioError;

// Collects every problem of the file, each at its line and column.
class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}
  void error(const YAML::Node& at, const std::string& path, const std::string& message) {
    const config::Location where = config::location_of(at.IsDefined() ? at.Mark() : YAML::Mark::null_mark());
    diagnostics_.push_back(Diagnostic{file_, where.line, where.column, path, message});
  }
  void finish() const {
    if (!diagnostics_.empty()) throw ScenarioError(diagnostics_);
  }
  bool ok() const { return diagnostics_.empty(); }

  std::optional<std::string> text(const YAML::Node& node, const std::string& path) {
    if (!node.IsScalar()) {
      error(node, path, "a text");
      return std::nullopt;
    }
    return node.Scalar();
  }
  std::optional<double> number(const YAML::Node& node, const std::string& path, double lo, double hi, const char* expected) {
    double v = 0.0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, v) || !std::isfinite(v) || v < lo || v > hi) {
      error(node, path, expected);
      return std::nullopt;
    }
    return v;
  }
  void only_keys(const YAML::Node& map, const std::string& path, const std::set<std::string>& keys) {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (keys.contains(key)) continue;
      error(kv.first, config::join(path, key), config::unknown_key_message(key, {keys.begin(), keys.end()}));
    }
  }
  Text bilingual(const YAML::Node& map, const std::string& key, const std::string& path) {
    Text t;
    if (map[key]) t.en = text(map[key], path + "." + key).value_or("");
    if (map[key + "_es"]) t.es = text(map[key + "_es"], path + "." + key + "_es").value_or("");
    return t;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

constexpr const char* kMeasures = "seized_kg, delivered_kg, kg_through or largest_shipment_kg";

std::optional<Condition::Measure> measure_of(const std::string& name) {
  using M = Condition::Measure;
  if (name == "seized_kg") return M::seized_kg;
  if (name == "delivered_kg") return M::delivered_kg;
  if (name == "kg_through") return M::kg_through;
  if (name == "largest_shipment_kg") return M::largest_shipment_kg;
  return std::nullopt;
}

}  // namespace

const char* measure_name(Condition::Measure m) {
  switch (m) {
    case Condition::Measure::seized_kg: return "seized_kg";
    case Condition::Measure::delivered_kg: return "delivered_kg";
    case Condition::Measure::kg_through: return "kg_through";
    case Condition::Measure::largest_shipment_kg: return "largest_shipment_kg";
  }
  return "";
}

const Team* Exercise::team(const std::string& name) const {
  for (const Team& t : teams)
    if (t.name == name) return &t;
  return nullptr;
}

Exercise load_exercise(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ScenarioError({Diagnostic{path, 0, 0, "", "cannot read the exercise file"}});
  std::stringstream buffer;
  buffer << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(buffer.str());
  } catch (const YAML::Exception& e) {
    const config::Location where = config::location_of(e.mark);
    throw ScenarioError({Diagnostic{path, where.line, where.column, "", e.msg}});
  }
  Checker check(path);
  Exercise ex;
  ex.file = path;
  if (!root.IsMap()) {
    check.error(root, "", "an exercise: a mapping with the sections exercise, teams and injects");
    check.finish();
  }
  check.only_keys(root, "", {"exercise", "teams", "injects"});

  // exercise: what is played.
  const YAML::Node head = root["exercise"];
  std::string scenario_file;
  if (!head.IsMap()) {
    check.error(head.IsDefined() ? head : root, "exercise", "a mapping: name, title, scenario, days, objectives");
    check.finish();
  }
  check.only_keys(head, "exercise", {"name", "title", "title_es", "scenario", "policy", "days", "objectives", "objectives_es"});
  ex.name = head["name"] ? check.text(head["name"], "exercise.name").value_or("") : "";
  if (ex.name.empty()) check.error(head, "exercise.name", "the exercise needs a name");
  ex.title = check.bilingual(head, "title", "exercise");
  if (head["policy"]) ex.policy = check.text(head["policy"], "exercise.policy").value_or("");
  if (head["days"])
    ex.days = check.number(head["days"], "exercise.days", 1, border::bounds::kMaxHorizonDays, "a number of days in [1, 36500]")
                  .value_or(0.0);
  for (const char* key : {"objectives", "objectives_es"}) {
    const YAML::Node list = head[key];
    if (!list) continue;
    if (!list.IsSequence()) {
      check.error(list, fmt::format("exercise.{}", key), "a list of texts");
      continue;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string t = check.text(list[i], fmt::format("exercise.{}.{}", key, i)).value_or("");
      if (ex.objectives.size() <= i) ex.objectives.resize(i + 1);
      (std::string(key) == "objectives" ? ex.objectives[i].en : ex.objectives[i].es) = t;
    }
  }
  const YAML::Node scenario = head["scenario"];
  try {
    if (!scenario.IsDefined()) {
      check.error(head, "exercise.scenario",
                  "a scenario file (relative to the exercise file) or the scenario itself as a mapping");
    } else if (scenario.IsScalar()) {
      const std::filesystem::path p = std::filesystem::path(path).parent_path() / scenario.Scalar();
      ex.document = border::ScenarioDocument::from_file(p.lexically_normal().string());
    } else if (scenario.IsMap()) {
      YAML::Emitter out;
      out.SetOutputCharset(YAML::EmitNonAscii);
      out << scenario;
      ex.document = border::ScenarioDocument::from_text(out.c_str(), path + " (exercise.scenario)");
    } else {
      check.error(scenario.IsDefined() ? scenario : head, "exercise.scenario",
                  "a scenario file (relative to the exercise file) or the scenario itself as a mapping");
    }
  } catch (const ScenarioError& e) {
    for (const Diagnostic& d : e.diagnostics()) check.error(scenario, "exercise.scenario", d.str());
  }
  check.finish();

  const border::Scenario base = ex.document->resolve(ex.policy);
  if (ex.days <= 0.0) ex.days = base.horizon_days;

  // teams: who plays.
  const YAML::Node teams = root["teams"];
  if (teams && !teams.IsSequence()) check.error(teams, "teams", "a list of teams: {name, country, forces}");
  std::set<std::string> names;
  for (std::size_t i = 0; teams.IsSequence() && i < teams.size(); ++i) {
    const YAML::Node t = teams[i];
    const std::string at = fmt::format("teams.{}", i);
    if (!t.IsMap()) {
      check.error(t, at, "a team: {name, country, forces}");
      continue;
    }
    check.only_keys(t, at, {"name", "country", "forces"});
    Team team;
    team.name = t["name"] ? check.text(t["name"], at + ".name").value_or("") : "";
    team.country = t["country"] ? check.text(t["country"], at + ".country").value_or("") : "";
    if (team.name.empty() || team.name == "facilitator")
      check.error(t, at + ".name", "a team name other than 'facilitator' (the facilitator sees and commands everything)");
    else if (!names.insert(team.name).second)
      check.error(t["name"], at + ".name", fmt::format("a second team named '{}'", team.name));
    if (!base.countries.contains(team.country))
      check.error(t["country"] ? t["country"] : t, at + ".country", fmt::format("unknown country '{}' (not in the scenario)", team.country));
    if (const YAML::Node forces = t["forces"]) {
      if (!forces.IsSequence()) check.error(forces, at + ".forces", "a list of sector and checkpoint ids");
      for (std::size_t f = 0; forces.IsSequence() && f < forces.size(); ++f) {
        const std::string id = check.text(forces[f], fmt::format("{}.forces.{}", at, f)).value_or("");
        const auto s = base.sectors.find(id);
        const auto c = base.checkpoints.find(id);
        std::string owner = s != base.sectors.end() ? s->second.country
                            : c != base.checkpoints.end() && base.nodes.contains(id) ? base.nodes.at(id).country : "";
        if (owner.empty())
          check.error(forces[f], fmt::format("{}.forces.{}", at, f), fmt::format("unknown sector or checkpoint '{}'", id));
        else if (owner != team.country)
          check.error(forces[f], fmt::format("{}.forces.{}", at, f),
                      fmt::format("'{}' belongs to {}, not to the team's country {}", id, owner, team.country));
        else
          team.forces.push_back(id);
      }
    }
    ex.teams.push_back(std::move(team));
  }

  // injects: what the facilitator throws in.
  const YAML::Node injects = root["injects"];
  if (injects && !injects.IsSequence()) check.error(injects, "injects", "a list of injects");
  std::set<std::string> ids;
  for (std::size_t i = 0; injects.IsSequence() && i < injects.size(); ++i) {
    const YAML::Node n = injects[i];
    const std::string at = fmt::format("injects.{}", i);
    if (!n.IsMap()) {
      check.error(n, at, "an inject: {id, day or when, to, text, apply}");
      continue;
    }
    check.only_keys(n, at, {"id", "day", "when", "to", "text", "text_es", "apply"});
    Inject inject;
    inject.id = n["id"] ? check.text(n["id"], at + ".id").value_or("") : "";
    if (inject.id.empty()) check.error(n, at + ".id", "an inject needs an id");
    else if (!ids.insert(inject.id).second) check.error(n["id"], at + ".id", fmt::format("a second inject '{}'", inject.id));
    if (n["day"]) inject.day = check.number(n["day"], at + ".day", 0, ex.days, fmt::format("a day in [0, {}] (the exercise's days)", ex.days).c_str());
    if (const YAML::Node w = n["when"]) {
      if (!w.IsMap()) {
        check.error(w, at + ".when", fmt::format("a condition: {{measure: {}, node: ID, above: KG}}", kMeasures));
      } else {
        check.only_keys(w, at + ".when", {"measure", "node", "above"});
        Condition c;
        const std::string m = w["measure"] ? check.text(w["measure"], at + ".when.measure").value_or("") : "";
        if (const auto measure = measure_of(m)) c.measure = *measure;
        else check.error(w["measure"] ? w["measure"] : w, at + ".when.measure", fmt::format("one of {}", kMeasures));
        c.node = w["node"] ? check.text(w["node"], at + ".when.node").value_or("") : "";
        if (!base.nodes.contains(c.node)) check.error(w["node"] ? w["node"] : w, at + ".when.node", fmt::format("unknown node '{}'", c.node));
        else c.node_index = static_cast<std::uint16_t>(std::distance(base.nodes.begin(), base.nodes.find(c.node)));
        if (w["above"]) c.above = check.number(w["above"], at + ".when.above", 0, border::bounds::kMaxShipmentKg * 1e3, "a number of kg, 0 or more").value_or(0.0);
        else check.error(w, at + ".when.above", "the threshold in kg");
        inject.when = c;
      }
    }
    if (!inject.day && !inject.when) check.error(n, at, "an inject fires on a day (day: D), on a condition (when: ...), or both");
    if (n["to"]) {
      inject.to = check.text(n["to"], at + ".to").value_or("");
      if (inject.to == "all") inject.to.clear();
      else if (!names.contains(inject.to)) check.error(n["to"], at + ".to", fmt::format("'all' or a team name; no team '{}'", inject.to));
    }
    inject.text = check.bilingual(n, "text", at);
    if (inject.text.en.empty()) check.error(n, at + ".text", "the text shown when the inject fires");
    if (const YAML::Node a = n["apply"]) {
      if (!a.IsSequence()) check.error(a, at + ".apply", "a list of orders, e.g. [\"withdraw coyote_day\"]");
      for (std::size_t k = 0; a.IsSequence() && k < a.size(); ++k)
        if (auto order = check.text(a[k], fmt::format("{}.apply.{}", at, k))) inject.apply.push_back(*order);
    }
    ex.injects.push_back(std::move(inject));
  }
  check.finish();
  return ex;
}

}  // namespace bstp::tabletop
