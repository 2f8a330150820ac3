// YAML text of a tree that reads back as the same values: quoted text stays quoted, so that a
// name like "1" or "yes" is still text.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

namespace bstp::config {

enum class Layout {
  as_written,  // each collection keeps its flow or block style
  one_line,    // every collection in flow style: `{a: 1, b: [2, 3]}`
};

void emit(YAML::Emitter& out, const YAML::Node& node, Layout layout);
// The text of `node` (no final line break).
std::string yaml_text(const YAML::Node& node, Layout layout);

}  // namespace bstp::config
