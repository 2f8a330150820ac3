// Scenario documents: the file's text, its policies, and the resolution of a policy (plus
// overrides) into a validated Scenario. Reading is in scenario_schema.cpp, cross-section checks
// in scenario_validation.cpp, patching in yaml_patch.cpp.
#include "scenario_loader.hpp"

#include "compiled_scenario.hpp"
#include "order_schedule.hpp"
#include "policy_texts.hpp"
#include "scenario_schema.hpp"
#include "scenario_validation.hpp"
#include "yaml_patch.hpp"
#include "yaml_reader.hpp"

#include <config/emit.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

namespace bstp::border {

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

// Line breaks that are a carriage return alone (old Mac files) would be read as one long line.
void check_line_ends(const std::string& text, const std::string& file) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
      fail(file, {line, static_cast<int>(i - line_start) + 1},
           "a line ends with a carriage return alone (CR, old Mac line endings); save the file with LF or CRLF line "
           "endings");
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
}

// The line where a second YAML document starts (0 if none): a `---` marker after content, or
// content after a `...` end marker. Markers are only markers at column 0, so a text scan finds
// them; this avoids yaml-cpp's LoadAll, which loops without bound on some inputs (a lone `,`).
int second_document_line(const std::string& text) {
  int line = 1;
  bool content = false;
  bool ended = false;
  const auto is_marker = [](std::string_view l, std::string_view m) {
    return l.substr(0, 3) == m && (l.size() == 3 || l[3] == ' ' || l[3] == '\r' || l[3] == '\t');
  };
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view l(text.data() + start, end - start);
    const bool begin_marker = is_marker(l, "---");
    const bool end_marker = is_marker(l, "...");
    const bool is_content = !begin_marker && !end_marker && !l.empty() && l[0] != '#' && l[0] != '%' &&
                            l[0] != ' ' && l[0] != '\r' && l[0] != '\t';
    if (begin_marker && (content || ended)) return line;
    if (is_content && ended) return line;
    if (end_marker && content) ended = true;
    if (is_content) content = true;
    start = end + 1;
    ++line;
  }
  return 0;
}

// The line of the first line that holds something other than comments and blanks (0 if none).
int first_content_line(const std::string& text) {
  int line = 1;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view l(text.data() + start, end - start);
    const std::size_t first = l.find_first_not_of(" \t\r");
    const bool marker = l.substr(0, 3) == "---" || l.substr(0, 3) == "..." || (!l.empty() && l[0] == '%');
    if (first != std::string_view::npos && l[first] != '#' && !marker) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

// yaml-cpp reads a block-mapping line with no ':' (`  seed@ x`) as a key with no value, where YAML
// says the line is an error. Such a key is reported at its place: a null value whose key's line
// has no ':' after the key. Explicit `? key` entries and flow mappings are left to the parser.
void check_keys_have_colons(const YAML::Node& node, const std::string& text, const std::string& file, int depth = 0) {
  if (depth > 64) return;  // yaml-cpp's depth guard has already refused deeper nesting
  if (node.IsSequence()) {
    for (const auto& item : node) check_keys_have_colons(item, text, file, depth + 1);
    return;
  }
  if (!node.IsMap()) return;
  const bool block = node.Style() != YAML::EmitterStyle::Flow;
  for (const auto& entry : node) {
    const YAML::Mark mark = entry.first.Mark();
    if (block && entry.second.IsNull() && entry.first.IsScalar() && !mark.is_null() && mark.pos >= 0 &&
        static_cast<std::size_t>(mark.pos) < text.size()) {
      const auto pos = static_cast<std::size_t>(mark.pos);
      const std::size_t line_start = text.rfind('\n', pos) == std::string::npos ? 0 : text.rfind('\n', pos) + 1;
      const std::size_t line_end = std::min(text.find('\n', pos), text.size());
      const std::string_view before(text.data() + line_start, pos - line_start);
      const bool explicit_key = before.find('?') != std::string_view::npos;
      if (!explicit_key && std::string_view(text.data() + pos, line_end - pos).find(':') == std::string_view::npos)
        fail(file, location_of(mark),
             fmt::format("'{}' has no ':' after it: a key needs one (is the line cut short, or indented "
                         "wrongly?)",
                         entry.first.Scalar()));
    }
    check_keys_have_colons(entry.second, text, file, depth + 1);
  }
}

// Parses the whole text; it must be one YAML document whose root is a mapping of sections.
YAML::Node parse_scenario(const std::string& text, const std::string& file) {
  check_line_ends(text, file);
  YAML::Node root;
  try {
    if (const int second = second_document_line(text); second > 0)
      fail(file, {second, 1}, "a second YAML document (after '---' or '...'): a scenario file holds one document");
    root = YAML::Load(text);
    if ((!root.IsDefined() || root.IsNull()) && first_content_line(text) > 0)
      fail(file, {first_content_line(text), 1},
           "not valid YAML: no document could be read from here (a stray ',', ']' or '}' at the start of a line?)");
  } catch (const YAML::DeepRecursion& e) {
    fail(file, location_of(e.mark),
         "lists and mappings nested too deeply (a scenario needs fewer than ten levels); is a bracket left open?");
  } catch (const YAML::Exception& e) { fail(file, location_of(e.mark), "not valid YAML: " + e.msg); }
  if (!root.IsDefined() || root.IsNull()) fail(file, {}, fmt::format("empty: expected a scenario (sections {})", kSections));
  if (!root.IsMap())
    fail(file, location_of(root.Mark()),
         fmt::format("not a scenario: expected a mapping of sections ({}), got {}", kSections,
                     root.IsSequence() ? "a list" : "a single value"));
  check_keys_have_colons(root, text, file);
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
  std::vector<Diagnostic> problems;                // paths that could not be set
  std::vector<config::OverriddenPath> overridden;  // values below these came from overrides
};

// `tree` is the parsed scenario to patch (consumed); `source` the parsed file the policy is read
// from (not modified).
PatchedTree patch_tree(const std::string& file, YAML::Node tree, const YAML::Node& source, const std::string& policy,
                       const std::vector<Override>& overrides, bool copy_values) {
  PatchedTree p{std::move(tree), {}, {}};
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
  for (std::size_t index = 0; index < overrides.size(); ++index) {
    const auto& [path, value_text] = overrides[index];
    YAML::Node value;
    try {
      value = YAML::Load(value_text);
    } catch (const YAML::Exception& e) {
      p.problems.push_back({file, 0, 0, path, fmt::format("the override's value is not valid YAML: {}", e.msg)});
      continue;
    }
    if (auto problem = yaml::apply_patch(p.tree, yaml::scenario_shape(), path, value))
      p.problems.push_back({file, 0, 0, path, *problem, index});
    p.overridden.push_back({path, index});
  }
  return p;
}

// Parses a text cut from the file; one that does not parse alone (e.g. an alias of an anchor
// defined in another part) falls back to the whole file.
YAML::Node parse_cut_or_whole(const std::string& cut, const std::string& whole, const std::string& file) {
  if (cut.empty()) return parse_scenario(whole, file);
  try {
    return parse_scenario(cut, file);
  } catch (const ScenarioError&) {
    return parse_scenario(whole, file);
  }
}

// The text of `policy` alone, if the file could be cut ("" otherwise).
const std::string* policy_text(const std::optional<PolicyTexts>& cut, const std::string& policy) {
  if (!cut) return nullptr;
  for (const auto& [name, own] : cut->policies)
    if (name == policy) return &own;
  return nullptr;
}

PatchedTree patch(const std::string& file, const std::string& text, const std::string& policy,
                  const std::vector<Override>& overrides, bool copy_values) {
  // The policy's values come from a tree of their own, so that an override below a value the
  // policy set does not change the policy as read. Every call parses its own trees: concurrent
  // resolutions of one document (a sweep on several threads) share nothing mutable.
  const YAML::Node source = policy.empty() ? YAML::Node() : parse_scenario(text, file);
  return patch_tree(file, parse_scenario(text, file), source, policy, overrides, copy_values);
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

Resolution read_patched(const std::string& file, PatchedTree p) {
  yaml::Reader reader(file, p.overridden);
  Resolution result{yaml::read_scenario(reader, p.tree), std::move(p.problems)};
  yaml::check_scenario(reader, result.scenario);
  if (reader.error_count() == 0 && result.diagnostics.empty()) yaml::check_orders(reader, result.scenario, p.tree);
  for (Diagnostic& d : reader.take_diagnostics()) result.diagnostics.push_back(std::move(d));
  sort_in_file_order(result.diagnostics);
  return result;
}

Resolution resolve_in(const std::string& file, const std::string& text, const std::string& policy,
                      const std::vector<Override>& overrides) {
  return read_patched(file, patch(file, text, policy, overrides, false));
}

// As resolve_in, reading the base and the policy from the cut texts when there are some.
// `policies` are the file's policies as read whole (the cut base has none).
Resolution resolve_cut(const std::string& file, const std::string& text, const std::optional<PolicyTexts>& cut,
                       const std::vector<Policy>& policies, const std::string& policy,
                       const std::vector<Override>& overrides) {
  const std::string* own = policy.empty() ? nullptr : policy_text(cut, policy);
  const bool overrides_policies = std::any_of(overrides.begin(), overrides.end(), [](const Override& o) {
    return o.first == "policies" || o.first.rfind("policies.", 0) == 0;
  });
  if (own == nullptr || overrides_policies) return resolve_in(file, text, policy, overrides);
  Resolution r = read_patched(file, patch_tree(file, parse_cut_or_whole(cut->base, text, file),
                                               parse_cut_or_whole(*own, text, file), policy, overrides, false));
  r.scenario.policies = policies;
  return r;
}

std::string provenance_comment(const std::string& file, const std::string& policy, const std::vector<Override>& overrides) {
  std::string line = fmt::format("# Resolved from {}, {}", file, policy.empty() ? "base scenario" : "policy '" + policy + "'");
  for (const auto& [path, value] : overrides) line += fmt::format(", {}={}", path, value);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line + "\n";
}

// Where a policy is named in the file.
yaml::Location policy_location(const YAML::Node& root, const std::string& policy) {
  const YAML::Node policies = root["policies"];
  if (policies.IsDefined() && policies.IsMap())
    for (const auto& entry : policies)
      if (entry.first.IsScalar() && entry.first.Scalar() == policy) return location_of(entry.first.Mark());
  return {};
}

std::vector<std::string> keys_of(const auto& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first);
  return keys;
}

std::vector<std::string> crossings_of(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& [id, node] : s.nodes)
    if (node.kind == NodeKind::port_of_entry || node.kind == NodeKind::blind_crossing) ids.push_back(id);
  return ids;
}

// The policies of a file are compared replication by replication: each keeps the countries, the
// border crossings and the header of the base scenario.
void check_comparable(const std::string& file, yaml::Location where, const std::string& policy, const Scenario& base,
                      const Scenario& patched, std::vector<Diagnostic>& out) {
  const auto say = [&](const std::string& what, const std::string& was, const std::string& is) {
    out.push_back(
        {file, where.line, where.column, "policies." + policy,
         fmt::format("changes {} ({} in the base scenario, {} here); every policy keeps the base's countries, "
                     "border crossings, horizon_days, warmup_days, seed and replications, so that policies are compared "
                     "replication by replication",
                     what, was, is)});
  };
  const auto names = [](const std::vector<std::string>& ids) {
    return ids.empty() ? std::string("none") : yaml::list_names(ids);
  };
  if (keys_of(base.countries) != keys_of(patched.countries))
    say("the countries", names(keys_of(base.countries)), names(keys_of(patched.countries)));
  if (crossings_of(base) != crossings_of(patched))
    say("the border crossings (port_of_entry and blind_crossing nodes)", names(crossings_of(base)),
        names(crossings_of(patched)));
  if (base.horizon_days != patched.horizon_days)
    say("scenario.horizon_days", fmt::format("{}", base.horizon_days), fmt::format("{}", patched.horizon_days));
  if (base.warmup_days != patched.warmup_days)
    say("scenario.warmup_days", fmt::format("{}", base.warmup_days), fmt::format("{}", patched.warmup_days));
  if (base.seed != patched.seed) say("scenario.seed", fmt::format("{}", base.seed), fmt::format("{}", patched.seed));
  if (base.replications != patched.replications)
    say("scenario.replications", fmt::format("{}", base.replications), fmt::format("{}", patched.replications));
}

// What `bstp run` does first with a scenario; a failure here is a gap in the checks above, said
// as a problem of the file rather than found mid-run.
void check_compiles(const std::string& file, yaml::Location where, const std::string& policy, const Scenario& s,
                    std::vector<Diagnostic>& out) {
  try {
    const CompiledScenario compiled(s);
  } catch (const std::exception& e) {
    out.push_back({file, where.line, where.column, policy.empty() ? "" : "policies." + policy,
                   fmt::format("cannot be simulated: {}", e.what())});
  }
}

}  // namespace

ScenarioDocument ScenarioDocument::from_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) fail(path, {}, "no such file");
  if (fs::is_directory(status)) fail(path, {}, "is a directory, not a scenario file");
  if (!fs::is_regular_file(status))
    fail(path, {}, "is not a regular file (a device, pipe or socket); expected a scenario file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxScenarioBytes)
    fail(path, {}, fmt::format("is {} bytes; a scenario file has at most {} MiB", size, kMaxScenarioBytes >> 20));
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, {}, "cannot be read");
  // Read at most one byte beyond the cap, in case the file grew since it was measured.
  std::string text(kMaxScenarioBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) fail(path, {}, "cannot be read");
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxScenarioBytes)
    fail(path, {}, fmt::format("has more than {} MiB; a scenario file has at most that", kMaxScenarioBytes >> 20));
  return from_text(text, path);
}

ScenarioDocument ScenarioDocument::from_text(const std::string& text, const std::string& name) {
  ScenarioDocument document;
  document.file_ = name;
  document.text_ = text;
  document.root_ = parse_scenario(text, name);
  document.cut_ = cut_policies(text, document.root_);
  if (document.cut_) {
    yaml::Reader reader(name, {});
    document.policies_ = yaml::read_policies_section(reader, document.root_);  // problems: said by resolve
  }
  return document;
}

std::vector<std::string> ScenarioDocument::policy_names() const {
  std::vector<std::string> names = policy_names_in(root_);
  if (names.empty()) names.push_back("baseline");
  return names;
}

std::vector<Diagnostic> ScenarioDocument::validate() const {
  Resolution base = resolve_in(file_, text_, "", {});
  std::vector<Diagnostic> all = std::move(base.diagnostics);
  std::set<std::string> seen;
  for (const Diagnostic& d : all) seen.insert(d.str());
  const bool base_ok = all.empty();
  if (base_ok) check_compiles(file_, {}, "", base.scenario, all);
  // Each policy patches a tree of the file without its policies section, read from a text that
  // holds that policy alone, so that validating P policies takes time linear in P (the file grows
  // with P too). Files laid out otherwise are read whole for each policy.
  std::vector<std::pair<std::string, std::string>> policies;
  if (cut_)
    policies = cut_->policies;
  else
    for (const std::string& policy : policy_names_in(root_)) policies.emplace_back(policy, std::string());
  for (const auto& [policy, own_text] : policies) {
    const YAML::Node tree = parse_cut_or_whole(cut_ ? cut_->base : std::string(), text_, file_);
    const YAML::Node own = parse_cut_or_whole(own_text, text_, file_);
    Resolution resolved = read_patched(file_, patch_tree(file_, tree, own, policy, {}, false));
    const std::size_t before = all.size();
    for (Diagnostic& d : resolved.diagnostics) {
      if (!seen.insert(d.str()).second) continue;  // the base's problem, said once
      d.message += fmt::format(" (policy '{}')", policy);
      all.push_back(std::move(d));
    }
    if (!base_ok || all.size() != before || !resolved.diagnostics.empty()) continue;
    const yaml::Location where = policy_location(own, policy);
    check_comparable(file_, where, policy, base.scenario, resolved.scenario, all);
    if (all.size() == before) check_compiles(file_, where, policy, resolved.scenario, all);
  }
  sort_in_file_order(all);
  return all;
}

Scenario ScenarioDocument::resolve(const std::string& policy, const std::vector<Override>& overrides) const {
  Resolution r = resolve_cut(file_, text_, cut_, policies_, policy, overrides);
  if (!r.diagnostics.empty()) throw ScenarioError(std::move(r.diagnostics));
  return std::move(r.scenario);
}

std::string yaml_text(const YAML::Node& tree) { return config::yaml_text(tree, config::Layout::as_written) + "\n"; }

std::string ScenarioDocument::resolved_text(const std::string& policy, const std::vector<Override>& overrides) const {
  resolve(policy, overrides);  // throws when the result is invalid
  const PatchedTree p = patch(file_, text_, policy, overrides, true);
  return provenance_comment(file_, policy, overrides) + yaml_text(p.tree);
}

}  // namespace bstp::border
