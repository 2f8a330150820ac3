// The generic half of reading YAML with diagnostics: scalars, keys, suggestions, locations.
#include "yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace bstp::border::yaml {

// ---- Small helpers ----------------------------------------------------------------------------

Location location_of(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string join(const std::string& path, std::size_t index) { return join(path, std::to_string(index)); }

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    default: return "nothing";
  }
}

bool given(const YAML::Node& node) { return node.IsDefined() && !node.IsNull(); }

std::string list_names(const std::vector<std::string>& names, std::size_t at_most) {
  if (names.size() <= at_most) return fmt::format("{}", fmt::join(names, ", "));
  return fmt::format("{}, ... ({} in all)", fmt::join(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(at_most), ", "),
                     names.size());
}

namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return r;
}

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost 1, so "kidn" is 1 away from "kind".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  // Close enough: at most one edit in three characters, and less than half the word changed
  // (so "XX" does not suggest "MX").
  const std::string w = lower(word);
  const std::size_t limit = std::max<std::size_t>(1, w.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(w, lower(c));
    if (d < best_distance && 2 * d < w.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> best = closest(word, candidates);
  return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string();
}

std::string unknown_key_message(std::string_view word, const std::vector<std::string>& candidates) {
  if (const std::string hint = did_you_mean(word, candidates); !hint.empty()) return "unknown key" + hint;
  if (candidates.empty()) return "unknown key (nothing can be set here)";
  return fmt::format("unknown key (expected one of: {})", list_names(candidates));
}

// ---- Reader -----------------------------------------------------------------------------------

Reader::Reader(std::string file, std::vector<std::string> override_paths)
    : file_(std::move(file)), override_paths_(std::move(override_paths)) {}

bool Reader::from_override(const std::string& path) const {
  return std::any_of(override_paths_.begin(), override_paths_.end(), [&](const std::string& o) {
    return path == o || (path.size() > o.size() && path.compare(0, o.size(), o) == 0 && path[o.size()] == '.');
  });
}

void Reader::error(Location where, const std::string& path, const std::string& message) {
  reported_.insert(path);
  if (from_override(path)) {
    diagnostics_.push_back({file_, 0, 0, path, message + " (set by an override)"});
    return;
  }
  diagnostics_.push_back({file_, where.line, where.column, path, message});
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

// ---- Structure --------------------------------------------------------------------------------

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

// ---- Scalars ----------------------------------------------------------------------------------

namespace {

// A number written in full, or nothing; `too_large` tells a whole number that does not fit.
template <class Number>
std::optional<Number> parse_number(const YAML::Node& node, bool* too_large = nullptr) {
  if (!node.IsScalar()) return std::nullopt;
  std::string_view text = node.Scalar();
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (too_large) *too_large = ec == std::errc::result_out_of_range && end == text.data() + text.size();
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if constexpr (std::is_floating_point_v<Number>)
    if (!std::isfinite(value)) return std::nullopt;
  return value;
}

template <class Number>
std::string whole_number_problem(const YAML::Node& node, const char* expected, bool too_large) {
  if (too_large) return fmt::format("expected {} of at most {}, got {}", expected, std::numeric_limits<Number>::max(), describe(node));
  return fmt::format("expected {}, got {}", expected, describe(node));
}

// "expected a number >= 0, got '-3'" or "expected a probability in [0, 1], got '1.5'".
void check_range(Reader& r, const YAML::Node& node, const std::string& path, double value, const Rule& rule,
                 const char* noun) {
  if (!rule.range || rule.range->contains(value)) return;
  const std::string expected = rule.range->expected;
  const bool self_describing = expected.rfind("a ", 0) == 0 || expected.rfind("an ", 0) == 0 || expected.rfind("0 or ", 0) == 0;
  r.error(node, path, fmt::format("expected {}{}, got {}", self_describing ? "" : std::string(noun) + " ", expected, describe(node)));
}

}  // namespace

void read_value(Reader& r, const YAML::Node& node, const std::string& path, double& value, const Rule& rule) {
  r.locate(path, node.Mark());
  const std::optional<double> number = parse_number<double>(node);
  if (!number) return r.error(node, path, "expected a number, got " + describe(node));
  const std::size_t errors = r.error_count();
  check_range(r, node, path, *number, rule, "a number");
  if (r.error_count() == errors) value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, int& value, const Rule& rule) {
  r.locate(path, node.Mark());
  bool too_large = false;
  const std::optional<int> number = parse_number<int>(node, &too_large);
  if (!number) return r.error(node, path, whole_number_problem<int>(node, "a whole number", too_large));
  const std::size_t errors = r.error_count();
  check_range(r, node, path, *number, rule, "a whole number");
  if (r.error_count() == errors) value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::uint64_t& value, const Rule&) {
  r.locate(path, node.Mark());
  bool too_large = false;
  const std::optional<std::uint64_t> number = parse_number<std::uint64_t>(node, &too_large);
  if (!number) return r.error(node, path, whole_number_problem<std::uint64_t>(node, "a whole number >= 0", too_large));
  value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, bool& value, const Rule&) {
  r.locate(path, node.Mark());
  if (node.IsScalar()) {
    const std::string text = lower(node.Scalar());
    if (text == "true" || text == "yes" || text == "on") return void(value = true);
    if (text == "false" || text == "no" || text == "off") return void(value = false);
  }
  r.error(node, path, "expected true or false, got " + describe(node));
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::string& value, const Rule&) {
  r.locate(path, node.Mark());
  if (!node.IsScalar()) return r.error(node, path, "expected a text, got " + describe(node));
  value = node.Scalar();
}

// ---- Shape ------------------------------------------------------------------------------------

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
