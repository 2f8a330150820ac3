// Reading scenarios: YAML text -> validated Scenario, with every problem reported at once as
// `file:line:column: key.path: what was expected`. Policies and sweep points are patches of
// dotted paths applied to the YAML tree before it is read, so a patched value is validated (and
// located) exactly like a written one.
#pragma once

#include <optional>

#include "policy_texts.hpp"

#include "scenario.hpp"

#include <config/diagnostic.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::border {

// One problem, `file:line:column: key.path: what was expected` (models/config).
using config::Diagnostic;

// Thrown when a scenario (or a patch of it) is invalid; what() lists every diagnostic, one per line.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A dotted path and a YAML value, e.g. {"training.programs.creompaz_basic.seats", "40"}.
using Override = std::pair<std::string, std::string>;

// The largest scenario file read (a file, not a device or a pipe).
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{16} << 20;

// YAML text of a scenario tree, keeping each collection's flow or block style and the quotes of
// quoted text (so that a name like "1" or "yes" is still text when read back).
std::string yaml_text(const YAML::Node& tree);

class ScenarioDocument {
 public:
  // Throws ScenarioError for a missing file, one that is not a regular file or is larger than
  // kMaxScenarioBytes, or malformed YAML (CR-only line ends, a second document, deep nesting).
  static ScenarioDocument from_file(const std::string& path);
  static ScenarioDocument from_text(const std::string& text, const std::string& name = "<text>");

  const std::string& file() const { return file_; }
  // Policy names in file order; {"baseline"} when the file defines none.
  std::vector<std::string> policy_names() const;
  // Every problem in the base scenario and in each policy, in one pass (empty = valid).
  std::vector<Diagnostic> validate() const;
  // The scenario with `policy` applied ("" = the base), then `overrides`; throws ScenarioError.
  Scenario resolve(const std::string& policy = "", const std::vector<Override>& overrides = {}) const;
  // The YAML text of that resolved scenario (for provenance in results files).
  std::string resolved_text(const std::string& policy = "", const std::vector<Override>& overrides = {}) const;

 private:
  std::string file_;
  std::string text_;
  YAML::Node root_;
  // The text cut into the base and one text per policy (nullopt when the layout does not allow
  // it), so that resolving or validating P policies reads each policy once.
  std::optional<PolicyTexts> cut_;
  // The policies as read from the whole file: a scenario resolved from the cut texts carries them.
  std::vector<Policy> policies_;
};

}  // namespace bstp::border
