// Reading the scenario's YAML into plain structs, collecting every problem as a Diagnostic instead
// of stopping at the first. The scalars, keys, locations and diagnostics are the config library's
// (models/config, bstp::config); this adds enums, lists, maps keyed by id, and records described
// by a table of fields (key, member, rule). The scenario's own tables are in scenario_schema.cpp.
// The same tables give the Shape of the format, against which policy and override paths are
// checked (yaml_patch.cpp).
#pragma once

#include "scenario_loader.hpp"

#include <config/dotted_path.hpp>
#include <config/location.hpp>
#include <config/reader.hpp>
#include <config/scalars.hpp>
#include <config/structure.hpp>
#include <config/suggestions.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace bstp::border::yaml {

// The model-agnostic half (config/): where values are, diagnostics, suggestions, scalars, keys.
using config::bounded;
using config::check_duplicates;
using config::check_keys;
using config::closest;
using config::describe;
using config::did_you_mean;
using config::expect_mapping;
using config::expect_sequence;
using config::given;
using config::join;
using config::list_names;
using config::Location;
using config::location_of;
using config::Range;
using config::read_id;
using config::read_value;
using config::Reader;
using config::required;
using config::Rule;
using config::unknown_key_message;

// ---- The scenario format's rules for numbers --------------------------------------------------

inline constexpr Rule probability{false, Range{0.0, 1.0, false, "a probability in [0, 1]"}};
inline constexpr Rule share{false, Range{0.0, 1.0, false, "a share in [0, 1]"}};
inline constexpr Rule non_negative{false, Range{0.0, std::numeric_limits<double>::infinity(), false, ">= 0"}};
inline constexpr Rule positive{false, Range{0.0, std::numeric_limits<double>::infinity(), true, "> 0"}};
inline constexpr Rule at_least_one{false, Range{1.0, std::numeric_limits<double>::infinity(), false, ">= 1"}};
inline constexpr Rule latitude{false, Range{-90.0, 90.0, false, "a latitude in [-90, 90]"}};
inline constexpr Rule longitude{false, Range{-180.0, 180.0, false, "a longitude in [-180, 180]"}};
inline constexpr Rule hours_of_a_day{false, Range{0.0, 24.0, false, "a number of hours in [0, 24]"}};

// ---- The shape of the format, for checking patch paths ----------------------------------------

struct Shape {
  enum class Kind { value, record, by_id, list };
  Kind kind = Kind::value;
  std::vector<std::pair<std::string, const Shape*>> keys;  // record: its keys, in order
  const Shape* element = nullptr;                          // by_id, list: the shape of one entry
  const Shape* find(std::string_view key) const;
  std::vector<std::string> key_names() const;
};

// ---- Records: structs described by a table of fields ------------------------------------------

// Specialised (in scenario_schema.cpp) for every struct read from a mapping, with
// `static const Fields<T>& fields()` and, for entries of maps keyed by id, `static constexpr id`
// = the member that receives the key.
template <class T>
struct Schema;

template <class T>
concept Record = requires { Schema<T>::fields(); };
template <class T>
concept KeyedRecord = Record<T> && requires { Schema<T>::id; };

template <class T>
struct EnumNames;  // specialised with `static const std::vector<std::pair<std::string, T>>& list()`

template <class T>
const Shape& shape_of();

void read_value(Reader& r, const YAML::Node& node, const std::string& path, Distribution& value, const Rule& rule);
template <class E>
  requires std::is_enum_v<E>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, E& value, const Rule& rule);
template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::optional<T>& value, const Rule& rule);
template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::vector<T>& items, const Rule& rule);
template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::map<std::string, T>& entries,
                const Rule& rule);
template <Record T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, T& object, const Rule& rule);

// One key of a record: its name, how to read it into the struct, its shape, whether it is required.
template <class T>
struct Field {
  using ReadFn = std::function<void(Reader&, const YAML::Node&, const std::string&, T&)>;
  using ShapeFn = const Shape& (*)();

  std::string key;
  ReadFn read;
  ShapeFn shape;
  bool required = false;

  // The common case: the key is read into `member` by the read_value overload for its type.
  template <class M>
  Field(std::string key_, M T::*member, Rule rule = {})
      : key(std::move(key_)),
        read([member, rule](Reader& r, const YAML::Node& node, const std::string& path, T& object) {
          read_value(r, node, path, object.*member, rule);
        }),
        shape(&shape_of<M>),
        required(rule.required) {}

  // A key with its own reader (e.g. the `scenario` section, which fills fields of Scenario itself).
  Field(std::string key_, ReadFn read_, ShapeFn shape_, Rule rule = {})
      : key(std::move(key_)), read(std::move(read_)), shape(shape_), required(rule.required) {}
};

template <class T>
using Fields = std::vector<Field<T>>;

template <class T>
std::vector<std::string> key_names(const Fields<T>& fields) {
  std::vector<std::string> names;
  for (const Field<T>& f : fields) names.push_back(f.key);
  return names;
}

template <class T>
Shape record_shape(const Fields<T>& fields) {
  Shape shape{Shape::Kind::record, {}, nullptr};
  for (const Field<T>& f : fields) shape.keys.emplace_back(f.key, &f.shape());
  return shape;
}

// Reads the keys of `fields` from a mapping into `object`; missing keys keep their defaults.
template <class T>
void read_record(Reader& r, const YAML::Node& node, const std::string& path, T& object, const Fields<T>& fields) {
  if (!expect_mapping(r, node, path)) return;
  check_keys(r, node, path, key_names(fields));
  for (const Field<T>& field : fields) {
    const std::string child = join(path, field.key);
    const YAML::Node value = node[field.key];
    if (!given(value)) {
      if (field.required) r.error(node, child, "required key is missing");
      continue;
    }
    field.read(r, value, child, object);
  }
}

// ---- Template definitions ---------------------------------------------------------------------

template <class E>
  requires std::is_enum_v<E>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, E& value, const Rule&) {
  r.locate(path, node.Mark());
  std::vector<std::string> names;
  for (const auto& [name, e] : EnumNames<E>::list()) {
    if (node.IsScalar() && node.Scalar() == name) {
      value = e;
      return;
    }
    names.push_back(name);
  }
  const std::string hint = node.IsScalar() ? did_you_mean(node.Scalar(), names) : std::string();
  r.error(node, path, "expected one of " + list_names(names) + ", got " + describe(node) + hint);
}

template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::optional<T>& value, const Rule& rule) {
  T inner{};
  const std::size_t errors = r.error_count();
  read_value(r, node, path, inner, rule);
  if (r.error_count() == errors) value = inner;
}

template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::vector<T>& items, const Rule& rule) {
  if (!expect_sequence(r, node, path)) return;
  items.clear();
  for (std::size_t i = 0; i < node.size(); ++i) {
    T item{};
    read_value(r, node[i], join(path, i), item, rule);
    items.push_back(std::move(item));
  }
}

template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::map<std::string, T>& entries,
                const Rule& rule) {
  if (!expect_mapping(r, node, path)) return;
  check_duplicates(r, node, path);  // any id is a valid key here
  entries.clear();
  for (const auto& entry : node) {
    const std::optional<std::string> id = read_id(r, entry.first, path);
    if (!id || entries.contains(*id)) continue;
    const std::string child = join(path, *id);
    r.locate(child, entry.first.Mark());
    T value{};
    if constexpr (KeyedRecord<T>) value.*(Schema<T>::id) = *id;
    read_value(r, entry.second, child, value, rule);
    entries.emplace(*id, std::move(value));
  }
}

template <Record T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path, T& object, const Rule&) {
  read_record(r, node, path, object, Schema<T>::fields());
}

template <class T>
struct ShapeOf {
  static Shape make() { return Shape{}; }
};
template <Record T>
struct ShapeOf<T> {
  static Shape make() { return record_shape(Schema<T>::fields()); }
};
template <class T>
struct ShapeOf<std::optional<T>> {
  static Shape make() { return ShapeOf<T>::make(); }
};
template <class T>
struct ShapeOf<std::vector<T>> {
  static Shape make() { return Shape{Shape::Kind::list, {}, &shape_of<T>()}; }
};
template <class T>
struct ShapeOf<std::map<std::string, T>> {
  static Shape make() { return Shape{Shape::Kind::by_id, {}, &shape_of<T>()}; }
};

template <class T>
const Shape& shape_of() {
  static const Shape shape = ShapeOf<T>::make();
  return shape;
}

}  // namespace bstp::border::yaml
