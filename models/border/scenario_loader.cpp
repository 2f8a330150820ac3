// Scenario documents: the file's text, its policies, and the resolution of a policy (plus
// overrides) into a validated Scenario. Reading is in scenario_schema.cpp, cross-section checks
// in scenario_validation.cpp, patching in yaml_patch.cpp.
#include "scenario_loader.hpp"

#include "scenario_schema.hpp"
#include "scenario_validation.hpp"
#include "yaml_patch.hpp"
#include "yaml_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace bstp::border {

std::string Diagnostic::str() const {
  std::string s = file;
  if (line > 0) s += fmt::format(":{}", line);
  if (line > 0 && column > 0) s += fmt::format(":{}", column);
  s += ": ";
  if (!path.empty()) s += path + ": ";
  return s + message;
}

namespace {

std::string describe_all(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid scenario";
  std::string text;
  for (const Diagnostic& d : diagnostics) text += (text.empty() ? "" : "\n") + d.str();
  return text;
}

}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(describe_all(diagnostics)), diagnostics_(std::move(diagnostics)) {}

namespace {

using yaml::location_of;

[[noreturn]] void fail(const std::string& file, yaml::Location where, const std::string& message) {
  throw ScenarioError({Diagnostic{file, where.line, where.column, "", message}});
}

constexpr const char* kSections = "scenario, countries, nodes, edges, organisations, ...";

// Parses the whole text; the root must be a mapping of sections.
YAML::Node parse_scenario(const std::string& text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    fail(file, location_of(e.mark), "not valid YAML: " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) fail(file, {}, fmt::format("empty: expected a scenario (sections {})", kSections));
  if (!root.IsMap())
    fail(file, location_of(root.Mark()),
         fmt::format("not a scenario: expected a mapping of sections ({}), got {}", kSections,
                     root.IsSequence() ? "a list" : "a single value"));
  return root;
}

std::vector<std::string> policy_names_in(const YAML::Node& root) {
  std::vector<std::string> names;
  const YAML::Node policies = root["policies"];
  if (policies.IsDefined() && policies.IsMap())
    for (const auto& entry : policies)
      if (entry.first.IsScalar() && std::find(names.begin(), names.end(), entry.first.Scalar()) == names.end())
        names.push_back(entry.first.Scalar());
  return names;
}

// The `set` mapping of `policy` (undefined for the base scenario, or a policy without one).
// "" is the base; so is "baseline" in a file that defines no policies.
YAML::Node policy_patches(const YAML::Node& root, const std::string& policy, const std::string& file) {
  const std::vector<std::string> names = policy_names_in(root);
  if (policy.empty() || (names.empty() && policy == "baseline")) return {};
  const YAML::Node policies = names.empty() ? YAML::Node() : root["policies"];
  for (const auto& entry : policies) {
    if (!entry.first.IsScalar() || entry.first.Scalar() != policy) continue;
    const YAML::Node body = entry.second;
    if (!body.IsMap()) return {};
    const YAML::Node set = body["set"];  // a lookup of a missing key gives an unusable node
    return set.IsDefined() ? set : YAML::Node();
  }
  throw ScenarioError({Diagnostic{file, 0, 0, "policies",
                                  fmt::format("no policy '{}' (available: {})", policy,
                                              yaml::list_names(names.empty() ? std::vector<std::string>{"baseline"} : names))}});
}

// The scenario's tree with a policy's patches and then the overrides applied.
struct PatchedTree {
  YAML::Node tree;
  std::vector<Diagnostic> problems;         // paths that could not be set
  std::vector<std::string> override_paths;  // values below these came from overrides
};

PatchedTree patch(const std::string& file, const std::string& text, const std::string& policy,
                  const std::vector<Override>& overrides, bool copy_values) {
  PatchedTree p{parse_scenario(text, file), {}, {}};
  // The policy's values come from a tree of their own, so that an override below a value the
  // policy set does not change the policy as read. Every call parses its own trees: concurrent
  // resolutions of one document (a sweep on several threads) share nothing mutable.
  const YAML::Node source = policy.empty() ? YAML::Node() : parse_scenario(text, file);
  const YAML::Node set = policy_patches(source, policy, file);
  if (set.IsMap()) {
    for (const auto& entry : set) {
      if (!entry.first.IsScalar()) continue;  // reported when the policies section is read
      const YAML::Node value = copy_values ? YAML::Clone(entry.second) : entry.second;
      if (auto problem = yaml::apply_patch(p.tree, yaml::scenario_shape(), entry.first.Scalar(), value)) {
        const yaml::Location where = location_of(entry.first.Mark());
        p.problems.push_back({file, where.line, where.column, entry.first.Scalar(), *problem});
      }
    }
  }
  for (const auto& [path, value_text] : overrides) {
    YAML::Node value;
    try {
      value = YAML::Load(value_text);
    } catch (const YAML::Exception& e) {
      p.problems.push_back({file, 0, 0, path, fmt::format("the override's value is not valid YAML: {}", e.msg)});
      continue;
    }
    if (auto problem = yaml::apply_patch(p.tree, yaml::scenario_shape(), path, value))
      p.problems.push_back({file, 0, 0, path, *problem + " (set by an override)"});
    p.override_paths.push_back(path);
  }
  return p;
}

// By line and column; problems without a place last. Problems at one place keep their order.
void sort_in_file_order(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(a.line == 0, a.line, a.column) < std::make_tuple(b.line == 0, b.line, b.column);
  });
}

struct Resolution {
  Scenario scenario;
  std::vector<Diagnostic> diagnostics;  // in file order; those without a line last
};

Resolution resolve_in(const std::string& file, const std::string& text, const std::string& policy,
                      const std::vector<Override>& overrides) {
  PatchedTree p = patch(file, text, policy, overrides, false);
  yaml::Reader reader(file, p.override_paths);
  Resolution result{yaml::read_scenario(reader, p.tree), std::move(p.problems)};
  yaml::check_scenario(reader, result.scenario);
  for (Diagnostic& d : reader.take_diagnostics()) result.diagnostics.push_back(std::move(d));
  sort_in_file_order(result.diagnostics);
  return result;
}

// Emits a tree keeping each collection's flow or block style and the quotes of quoted text, so
// that a name like "1" or "yes" is still text when the output is read back.
void emit(YAML::Emitter& out, const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      if (node.Style() == YAML::EmitterStyle::Flow) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& entry : node) {
        out << YAML::Key;
        emit(out, entry.first);
        out << YAML::Value;
        emit(out, entry.second);
      }
      out << YAML::EndMap;
      break;
    case YAML::NodeType::Sequence:
      if (node.Style() == YAML::EmitterStyle::Flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : node) emit(out, item);
      out << YAML::EndSeq;
      break;
    case YAML::NodeType::Scalar:
      if (node.Tag() == "!") out << YAML::DoubleQuoted;
      out << node.Scalar();
      break;
    default: out << YAML::Null; break;
  }
}

std::string provenance_comment(const std::string& file, const std::string& policy, const std::vector<Override>& overrides) {
  std::string line = fmt::format("# Resolved from {}, {}", file, policy.empty() ? "base scenario" : "policy '" + policy + "'");
  for (const auto& [path, value] : overrides) line += fmt::format(", {}={}", path, value);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line + "\n";
}

}  // namespace

ScenarioDocument ScenarioDocument::from_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) fail(path, {}, "no such file");
  if (fs::is_directory(path, ec)) fail(path, {}, "is a directory, not a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, {}, "cannot be read");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) fail(path, {}, "cannot be read");
  return from_text(text, path);
}

ScenarioDocument ScenarioDocument::from_text(const std::string& text, const std::string& name) {
  ScenarioDocument document;
  document.file_ = name;
  document.text_ = text;
  document.root_ = parse_scenario(text, name);
  return document;
}

std::vector<std::string> ScenarioDocument::policy_names() const {
  std::vector<std::string> names = policy_names_in(root_);
  if (names.empty()) names.push_back("baseline");
  return names;
}

std::vector<Diagnostic> ScenarioDocument::validate() const {
  std::vector<Diagnostic> all = resolve_in(file_, text_, "", {}).diagnostics;
  std::set<std::string> seen;
  for (const Diagnostic& d : all) seen.insert(d.str());
  for (const std::string& policy : policy_names_in(root_)) {
    for (Diagnostic& d : resolve_in(file_, text_, policy, {}).diagnostics) {
      if (!seen.insert(d.str()).second) continue;  // the base's problem, said once
      d.message += fmt::format(" (policy '{}')", policy);
      all.push_back(std::move(d));
    }
  }
  sort_in_file_order(all);
  return all;
}

Scenario ScenarioDocument::resolve(const std::string& policy, const std::vector<Override>& overrides) const {
  Resolution r = resolve_in(file_, text_, policy, overrides);
  if (!r.diagnostics.empty()) throw ScenarioError(std::move(r.diagnostics));
  return std::move(r.scenario);
}

std::string ScenarioDocument::resolved_text(const std::string& policy, const std::vector<Override>& overrides) const {
  resolve(policy, overrides);  // throws when the result is invalid
  const PatchedTree p = patch(file_, text_, policy, overrides, true);
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  emit(out, p.tree);
  return provenance_comment(file_, policy, overrides) + out.c_str() + "\n";
}

}  // namespace bstp::border
