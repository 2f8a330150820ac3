// Where a value is written in a YAML file.
#pragma once

#include <yaml-cpp/mark.h>

namespace bstp::config {

struct Location {
  int line = 0;  // 1-based; 0 = unknown
  int column = 0;
};

// The place of a parsed node, from yaml-cpp's 0-based mark (unknown for a node made in memory).
Location location_of(const YAML::Mark& mark);

}  // namespace bstp::config
