// A scenario file cut into the text of its base scenario and one small text per policy, each
// keeping the line and column of everything it holds, so that validating P policies reads each
// policy once rather than the whole file (which grows with P) once per policy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::border {

struct PolicyTexts {
  // The file with the lines of its `policies` section left empty.
  std::string base;
  // Per policy, in file order: its name, and a text holding only the `policies:` line and that
  // policy's lines (every other line empty).
  std::vector<std::pair<std::string, std::string>> policies;
};

// Nullopt when the file is not laid out in blocks the cut can follow (flow style, several keys on
// one line, repeated names): read the whole file for each policy then.
std::optional<PolicyTexts> cut_policies(const std::string& text, const YAML::Node& root);

}  // namespace bstp::border
