// Reading a YAML file into plain values, collecting every problem as a Diagnostic instead of
// stopping at the first, and remembering where each value was written so that checks made after
// reading (references, reachability) can still point at the right line.
#pragma once

#include "diagnostic.hpp"
#include "location.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::config {

// "'abc'", "a mapping", "a list", "nothing": how a node is named in "expected X, got Y".
std::string describe(const YAML::Node& node);
// True when a key is present with a non-null value.
bool given(const YAML::Node& node);

// The values at and below `path` were set by the override with this index in the list of
// overrides given, not written in the file.
struct OverriddenPath {
  std::string path;
  std::size_t index = 0;
};

// Collects the diagnostics of one file.
class Reader {
 public:
  // A problem of a value set by an override is reported without a line, with the override's
  // index (the last of `overridden`, in the order given, whose path holds the value).
  explicit Reader(std::string file, std::vector<OverriddenPath> overridden = {});

  void error(const YAML::Node& node, const std::string& path, const std::string& message);
  void error(Location where, const std::string& path, const std::string& message);
  // At the place where `path` (or its nearest located ancestor) was read.
  void error_at(const std::string& path, const std::string& message);

  // Remembers where the value at `path` was written (the first call for a path wins).
  void locate(const std::string& path, const YAML::Mark& mark);
  Location location(const std::string& path) const;

  std::size_t error_count() const { return diagnostics_.size(); }
  // Whether a problem was reported for this path or a value containing it (so that later checks
  // do not add consequences of a problem already said).
  bool reported(const std::string& path) const;
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

 private:
  std::optional<std::size_t> override_of(const std::string& path) const;

  std::string file_;
  std::vector<OverriddenPath> overridden_;
  std::map<std::string, Location> locations_;
  std::vector<Diagnostic> diagnostics_;
  std::set<std::string> reported_;
};

}  // namespace bstp::config
