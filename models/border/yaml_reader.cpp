// The shape of the scenario format (the scalars, keys and diagnostics are in models/config).
#include "yaml_reader.hpp"

namespace bstp::border::yaml {

const Shape* Shape::find(std::string_view key) const {
  for (const auto& [name, shape] : keys)
    if (name == key) return shape;
  return nullptr;
}

std::vector<std::string> Shape::key_names() const {
  std::vector<std::string> names;
  for (const auto& entry : keys) names.push_back(entry.first);
  return names;
}

}  // namespace bstp::border::yaml
