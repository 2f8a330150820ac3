#include "policy_texts.hpp"

#include <set>

namespace bstp::border {
namespace {

// Where each line starts (a line ends at '\n', which it keeps).
std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

}  // namespace

std::optional<PolicyTexts> cut_policies(const std::string& text, const YAML::Node& root) {
  if (!root.IsMap() || root.Style() == YAML::EmitterStyle::Flow) return std::nullopt;
  const std::vector<std::size_t> starts = line_starts(text);
  const std::size_t lines = starts.size();
  // The `policies` key's line, and the line of the top-level key after it (or the end).
  std::optional<std::size_t> first, end;
  YAML::Node policies;
  for (const auto& entry : root) {
    const YAML::Mark mark = entry.first.Mark();
    if (mark.is_null() || mark.line < 0) return std::nullopt;
    const auto line = static_cast<std::size_t>(mark.line);
    if (first && !end) {
      if (line <= *first) return std::nullopt;
      end = line;
    }
    if (entry.first.IsScalar() && entry.first.Scalar() == "policies") {
      if (first || mark.column != 0) return std::nullopt;
      first = line;
      policies = entry.second;
    }
  }
  if (!first) return PolicyTexts{text, {}};
  if (!end) end = lines;
  if (!policies.IsMap() || policies.Style() == YAML::EmitterStyle::Flow) return std::nullopt;

  // Each policy's key starts a line after the previous one's, in one column.
  std::vector<std::pair<std::string, std::size_t>> keys;
  std::set<std::string> names;
  int column = -1;
  for (const auto& entry : policies) {
    const YAML::Mark mark = entry.first.Mark();
    if (!entry.first.IsScalar() || mark.is_null() || mark.line < 0) return std::nullopt;
    const auto line = static_cast<std::size_t>(mark.line);
    if (line <= (keys.empty() ? *first : keys.back().second) || line >= *end) return std::nullopt;
    if (column >= 0 && mark.column != column) return std::nullopt;
    column = mark.column;
    if (!names.insert(entry.first.Scalar()).second) return std::nullopt;
    keys.emplace_back(entry.first.Scalar(), line);
  }

  const auto line_text = [&](std::size_t l) {
    const std::size_t to = l + 1 < lines ? starts[l + 1] : text.size();
    return text.substr(starts[l], to - starts[l]);
  };
  PolicyTexts cut;
  for (std::size_t l = 0; l < lines; ++l) cut.base += l >= *first && l < *end ? "\n" : line_text(l);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t from = keys[k].second, to = k + 1 < keys.size() ? keys[k + 1].second : *end;
    std::string own(*first, '\n');
    own += line_text(*first);
    if (own.back() != '\n') own += '\n';
    own.append(from - *first - 1, '\n');
    for (std::size_t l = from; l < to; ++l) own += line_text(l);
    cut.policies.emplace_back(keys[k].first, std::move(own));
  }
  return cut;
}

}  // namespace bstp::border
