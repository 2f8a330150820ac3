// Shared by the scenario tests: a minimal valid scenario whose line numbers the tests rely on,
// and helpers to break it in one place and look for the diagnostic that results.
#pragma once

#include <border/scenario_loader.hpp>

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bstp::border::testing {

// Valid. Line numbers (1-based) are part of the tests: nodes a, b, c on lines 6-8, edges on
// lines 10-11, the organisation on line 13.
inline const std::string kMini =
    "scenario: {name: mini, horizon_days: 30}\n"                                   // 1
    "countries:\n"                                                                   // 2
    "  GT: {name: Guatemala}\n"                                                      // 3
    "  MX: {name: Mexico}\n"                                                         // 4
    "nodes:\n"                                                                       // 5
    "  a: {kind: hub, country: GT}\n"                                                // 6
    "  b: {kind: port_of_entry, country: GT}\n"                                      // 7
    "  c: {kind: hub, country: MX}\n"                                                // 8
    "edges:\n"                                                                       // 9
    "  - {from: a, to: b, travel_hours: {dist: fixed, mean: 1}}\n"                   // 10
    "  - {from: b, to: c, travel_hours: {dist: fixed, mean: 1}}\n"                   // 11
    "organisations:\n"                                                               // 12
    "  cell: {sources: [a], destinations: [c], shipments_per_month: 4, "
    "shipment_kg: {dist: fixed, mean: 100}, value_per_kg_usd: 1000}\n";              // 13

// `text` with the first `from` replaced by `to` (a test failure when `from` is not there).
inline std::string with(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "the scenario text has no '" << from << "'";
    return text;
  }
  return text.replace(at, from.size(), to);
}

// Every problem in a scenario text (the base and each policy).
inline std::vector<Diagnostic> problems(const std::string& text) {
  return ScenarioDocument::from_text(text, "mini.yaml").validate();
}

inline std::string listing(const std::vector<Diagnostic>& diagnostics) {
  std::string s;
  for (const Diagnostic& d : diagnostics) s += "\n  " + d.str();
  return s.empty() ? " (none)" : s;
}

// The first diagnostic for exactly `path`, or nullptr.
inline const Diagnostic* find(const std::vector<Diagnostic>& diagnostics, const std::string& path) {
  for (const Diagnostic& d : diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace bstp::border::testing
