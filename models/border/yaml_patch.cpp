// Setting a value at a dotted path of a YAML tree, the path checked against the format's Shape.
#include "yaml_patch.hpp"

#include <config/dotted_path.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace bstp::border::yaml {
namespace {

using config::parse_index;
using config::split_path;

std::vector<std::string> keys_of(const YAML::Node& mapping) {
  std::vector<std::string> keys;
  for (const auto& entry : mapping)
    if (entry.first.IsScalar()) keys.push_back(entry.first.Scalar());
  return keys;
}

// One step down the tree: `node` and `shape` move to the child named `part`, or the step fails.
class Walk {
 public:
  Walk(YAML::Node root, const Shape& shape) : node_(root), shape_(&shape) {}

  // Descends into `part`; on the last part, stores `value` there instead.
  std::optional<std::string> step(const std::string& part, bool last, const YAML::Node& value) {
    std::optional<std::string> problem;
    switch (shape_->kind) {
      case Shape::Kind::record: problem = into_record(part, last, value); break;
      case Shape::Kind::by_id: problem = into_map_by_id(part, last, value); break;
      case Shape::Kind::list: problem = into_list(part, last, value); break;
      case Shape::Kind::value:
        problem = fmt::format("'{}' is a single value: it has no key '{}'", walked_, part);
        break;
    }
    walked_ = join(walked_, part);
    return problem;
  }

 private:
  // A missing (or empty) mapping on the way becomes an empty mapping, so `economy.jobs_program`
  // works in a file without an economy section.
  bool ensure_mapping() {
    if (!node_.IsDefined() || node_.IsNull()) node_ = YAML::Node(YAML::NodeType::Map);
    return node_.IsMap();
  }

  std::string not_a_mapping() const { return fmt::format("'{}' is not a mapping in the scenario", walked_); }

  void descend(const std::string& part, const Shape* shape) {
    YAML::Node child = node_[part];
    node_.reset(child);
    shape_ = shape;
  }

  std::optional<std::string> into_record(const std::string& part, bool last, const YAML::Node& value) {
    const Shape* child = shape_->find(part);
    if (!child) {
      const std::string where = walked_.empty() ? "" : fmt::format(" in {}", walked_);
      const std::vector<std::string> keys = shape_->key_names();
      std::string hint = did_you_mean(part, keys);
      if (hint.empty()) hint = fmt::format(" (expected one of: {})", list_names(keys));
      return fmt::format("unknown key '{}'{}{}", part, where, hint);
    }
    if (!ensure_mapping()) return not_a_mapping();
    if (last) {
      node_[part] = value;
      return std::nullopt;
    }
    const YAML::Node& view = node_;
    if (!given(view[part]) && child->kind != Shape::Kind::list) node_[part] = YAML::Node(YAML::NodeType::Map);
    descend(part, child);
    return std::nullopt;
  }

  std::optional<std::string> into_map_by_id(const std::string& part, bool last, const YAML::Node& value) {
    if (!ensure_mapping()) return not_a_mapping();
    if (last) {
      node_[part] = value;
      return std::nullopt;
    }
    const YAML::Node& view = node_;
    if (!view[part].IsDefined()) {
      const std::vector<std::string> ids = keys_of(view);
      const std::string hint = did_you_mean(part, ids);
      return fmt::format("'{}' is not an entry of {}{}; a new entry is added by setting it whole ({}.{}: {{...}})", part,
                         walked_, hint.empty() ? fmt::format(" (entries: {})", list_names(ids)) : hint, walked_, part);
    }
    descend(part, shape_->element);
    return std::nullopt;
  }

  std::optional<std::string> into_list(const std::string& part, bool last, const YAML::Node& value) {
    const std::optional<std::size_t> index = parse_index(part);
    if (!index) return fmt::format("'{}' is a list: expected an index (0, 1, ...), got '{}'", walked_, part);
    const std::size_t size = node_.IsSequence() ? node_.size() : 0;
    if (*index >= size) return fmt::format("{} has {} entries: index {} is out of range", walked_, size, *index);
    if (last) {
      node_[*index] = value;
      return std::nullopt;
    }
    YAML::Node child = node_[*index];
    node_.reset(child);
    shape_ = shape_->element;
    return std::nullopt;
  }

  YAML::Node node_;
  const Shape* shape_;
  std::string walked_;
};

}  // namespace

std::optional<std::string> apply_patch(YAML::Node root, const Shape& shape, const std::string& path, const YAML::Node& value) {
  const std::vector<std::string> parts = split_path(path);
  if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
    return "expected a dotted path of keys, e.g. training.method_use_share";
  if (parts.front() == "policies") return "policies cannot be changed by a policy or an override";
  Walk walk(root, shape);
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (auto problem = walk.step(parts[i], i + 1 == parts.size(), value)) return problem;
  return std::nullopt;
}

}  // namespace bstp::border::yaml
