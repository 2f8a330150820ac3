#include "structure.hpp"

#include "dotted_path.hpp"
#include "suggestions.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace bstp::config {

bool expect_mapping(Reader& r, const YAML::Node& node, const std::string& path) {
  r.locate(path, node.Mark());
  if (node.IsMap()) return true;
  r.error(node, path, "expected a mapping (key: value), got " + describe(node));
  return false;
}

bool expect_sequence(Reader& r, const YAML::Node& node, const std::string& path) {
  r.locate(path, node.Mark());
  if (node.IsSequence()) return true;
  r.error(node, path, "expected a list, got " + describe(node));
  return false;
}

void check_duplicates(Reader& r, const YAML::Node& mapping, const std::string& path) {
  std::map<std::string, Location> seen;
  for (const auto& entry : mapping) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) {
      r.error(key, path, "expected a key name, got " + describe(key));
      continue;
    }
    const auto [it, fresh] = seen.emplace(key.Scalar(), location_of(key.Mark()));
    if (!fresh) r.error(key, join(path, key.Scalar()), fmt::format("duplicate key (first given on line {})", it->second.line));
  }
}

void check_keys(Reader& r, const YAML::Node& mapping, const std::string& path, const std::vector<std::string>& known) {
  check_duplicates(r, mapping, path);
  for (const auto& entry : mapping) {
    const YAML::Node& key = entry.first;
    if (key.IsScalar() && std::find(known.begin(), known.end(), key.Scalar()) == known.end())
      r.error(key, join(path, key.Scalar()), unknown_key_message(key.Scalar(), known));
  }
}

std::optional<std::string> read_id(Reader& r, const YAML::Node& key, const std::string& path) {
  if (!key.IsScalar()) return std::nullopt;  // reported by check_duplicates
  const std::string& id = key.Scalar();
  if (id.empty() || id.find('.') != std::string::npos) {
    r.error(key, join(path, id), "expected an id without dots (ids are parts of dotted paths)");
    return std::nullopt;
  }
  return id;
}

}  // namespace bstp::config
