// The structure of a YAML file: mappings, lists and their keys, each problem reported to a Reader.
#pragma once

#include "reader.hpp"

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::config {

// Reports and returns false unless `node` is a mapping (a list); records where it is.
bool expect_mapping(Reader& r, const YAML::Node& node, const std::string& path);
bool expect_sequence(Reader& r, const YAML::Node& node, const std::string& path);
// Reports duplicate keys and keys that are not plain names.
void check_duplicates(Reader& r, const YAML::Node& mapping, const std::string& path);
// The same, and unknown keys (with a suggestion).
void check_keys(Reader& r, const YAML::Node& mapping, const std::string& path, const std::vector<std::string>& known);
// A key of a map keyed by id: a non-empty name without dots (it is a component of dotted paths).
std::optional<std::string> read_id(Reader& r, const YAML::Node& key, const std::string& path);

}  // namespace bstp::config
