// Policies and sweep points are patches: a dotted path and a YAML value that replaces the value
// at that path in the scenario's YAML tree, before the tree is read. A path component is a
// mapping key, or an index into a list (`edges.3.exposure`). The path is checked against the
// Shape of the format: every key must exist in the format, every id must exist in its map (a new
// id may be added only by setting the whole entry, `countries.HN: {...}`), every index must be in
// range.
#pragma once

#include "yaml_reader.hpp"

#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

namespace bstp::border::yaml {

// Sets the value at `path` in `root` to `value`. Returns what is wrong with the path when it
// cannot be set (the tree may then have gained empty mappings along the way).
std::optional<std::string> apply_patch(YAML::Node root, const Shape& shape, const std::string& path, const YAML::Node& value);

}  // namespace bstp::border::yaml
