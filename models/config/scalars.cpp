#include "scalars.hpp"

#include "suggestions.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace bstp::config {

std::optional<bool> boolean_word(std::string_view text) {
  const std::string word = lower_case(text);
  if (word == "true") return true;
  if (word == "false") return false;
  return std::nullopt;
}

namespace {

template <class Number>
std::optional<Number> number_in(const YAML::Node& node, bool* too_large = nullptr) {
  if (!node.IsScalar()) return std::nullopt;
  return parse_number<Number>(node.Scalar(), too_large);
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
  const bool self_describing =
      expected.rfind("a ", 0) == 0 || expected.rfind("an ", 0) == 0 || expected.rfind("0 or ", 0) == 0;
  r.error(node, path, fmt::format("expected {}{}, got {}", self_describing ? "" : std::string(noun) + " ", expected, describe(node)));
}

}  // namespace

void read_value(Reader& r, const YAML::Node& node, const std::string& path, double& value, const Rule& rule) {
  r.locate(path, node.Mark());
  const std::optional<double> number = number_in<double>(node);
  if (!number) return r.error(node, path, "expected a number, got " + describe(node));
  const std::size_t errors = r.error_count();
  check_range(r, node, path, *number, rule, "a number");
  if (r.error_count() == errors) value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, int& value, const Rule& rule) {
  r.locate(path, node.Mark());
  bool too_large = false;
  const std::optional<int> number = number_in<int>(node, &too_large);
  if (!number) return r.error(node, path, whole_number_problem<int>(node, "a whole number", too_large));
  const std::size_t errors = r.error_count();
  check_range(r, node, path, *number, rule, "a whole number");
  if (r.error_count() == errors) value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::uint64_t& value, const Rule&) {
  r.locate(path, node.Mark());
  bool too_large = false;
  const std::optional<std::uint64_t> number = number_in<std::uint64_t>(node, &too_large);
  if (!number) return r.error(node, path, whole_number_problem<std::uint64_t>(node, "a whole number >= 0", too_large));
  value = *number;
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, bool& value, const Rule&) {
  r.locate(path, node.Mark());
  // The documented words only: YAML 1.1's yes/no/on/off are reported with the word to write.
  if (node.IsScalar()) {
    if (const std::optional<bool> word = boolean_word(node.Scalar())) return void(value = *word);
    const std::string text = lower_case(node.Scalar());
    if (text == "yes" || text == "on" || text == "y")
      return r.error(node, path, "expected true or false, got " + describe(node) + " (write true)");
    if (text == "no" || text == "off" || text == "n")
      return r.error(node, path, "expected true or false, got " + describe(node) + " (write false)");
  }
  r.error(node, path, "expected true or false, got " + describe(node));
}

void read_value(Reader& r, const YAML::Node& node, const std::string& path, std::string& value, const Rule&) {
  r.locate(path, node.Mark());
  if (!node.IsScalar()) return r.error(node, path, "expected a text, got " + describe(node));
  value = node.Scalar();
}

}  // namespace bstp::config
