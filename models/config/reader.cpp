#include "reader.hpp"

#include "dotted_path.hpp"

namespace bstp::config {

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    default: return "nothing";
  }
}

bool given(const YAML::Node& node) { return node.IsDefined() && !node.IsNull(); }

Reader::Reader(std::string file, std::vector<OverriddenPath> overridden)
    : file_(std::move(file)), overridden_(std::move(overridden)) {}

std::optional<std::size_t> Reader::override_of(const std::string& path) const {
  for (auto o = overridden_.rbegin(); o != overridden_.rend(); ++o)
    if (within(path, o->path)) return o->index;
  return std::nullopt;
}

void Reader::error(Location where, const std::string& path, const std::string& message) {
  reported_.insert(path);
  if (const std::optional<std::size_t> index = override_of(path)) {
    diagnostics_.emplace_back(file_, 0, 0, path, message, index);
    return;
  }
  diagnostics_.emplace_back(file_, where.line, where.column, path, message);
}

void Reader::error(const YAML::Node& node, const std::string& path, const std::string& message) {
  error(location_of(node.Mark()), path, message);
}

void Reader::error_at(const std::string& path, const std::string& message) { error(location(path), path, message); }

bool Reader::reported(const std::string& path) const {
  for (std::string p = path;;) {
    if (reported_.contains(p)) return true;
    const std::size_t dot = p.rfind('.');
    if (dot == std::string::npos) return false;
    p.resize(dot);
  }
}

void Reader::locate(const std::string& path, const YAML::Mark& mark) {
  const Location where = location_of(mark);
  if (where.line > 0) locations_.emplace(path, where);
}

Location Reader::location(const std::string& path) const {
  for (std::string p = path;;) {
    if (auto it = locations_.find(p); it != locations_.end()) return it->second;
    const std::size_t dot = p.rfind('.');
    if (dot == std::string::npos) return {};
    p.resize(dot);
  }
}

}  // namespace bstp::config
