#include "order_schedule.hpp"

#include "compiled_scenario.hpp"
#include "order_language.hpp"
#include "scenario_schema.hpp"
#include "scenario_validation.hpp"
#include "yaml_patch.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::border::yaml {
namespace {

// The problems of `tree` with `patches` set, as "path: message" (empty = valid).
std::vector<std::string> problems_with(const YAML::Node& tree, const std::vector<Override>& patches) {
  YAML::Node patched = YAML::Clone(tree);
  std::vector<std::string> problems;
  for (const auto& [path, value] : patches)
    if (auto problem = apply_patch(patched, scenario_shape(), path, YAML::Load(value))) problems.push_back(path + ": " + *problem);
  if (!problems.empty()) return problems;
  Reader reader("");
  const Scenario s = read_scenario(reader, patched);
  check_scenario(reader, s);
  for (const Diagnostic& d : reader.take_diagnostics()) problems.push_back(d.path.empty() ? d.message : d.path + ": " + d.message);
  return problems;
}

}  // namespace

void check_orders(Reader& r, const Scenario& scenario, const YAML::Node& tree) {
  if (scenario.orders.empty()) return;
  std::unique_ptr<CompiledScenario> compiled;
  try {
    Scenario without_orders = scenario;  // compiling compiles the orders too: they are what is checked here
    without_orders.orders.clear();
    compiled = std::make_unique<CompiledScenario>(without_orders);
  } catch (const std::invalid_argument&) {
    return;  // what cannot be compiled is not an order's fault: said when the scenario is compiled
  }
  // Orders apply in day order; each is checked on top of those before it.
  std::vector<std::size_t> by_day(scenario.orders.size());
  for (std::size_t i = 0; i < by_day.size(); ++i) by_day[i] = i;
  std::stable_sort(by_day.begin(), by_day.end(),
                   [&](std::size_t a, std::size_t b) { return scenario.orders[a].day < scenario.orders[b].day; });
  std::vector<Override> before;
  const OrderAuthority planner;
  const auto english = [](const char* message) { return std::string(message); };
  for (std::size_t i : by_day) {
    const TimedOrder& o = scenario.orders[i];
    const std::string path = join("orders", i);
    if (o.day >= scenario.horizon_days) {
      r.error_at(join(path, "day"), fmt::format("expected a day before the end of the run (horizon_days {}), got {}", scenario.horizon_days, o.day));
      continue;
    }
    const std::vector<std::string> words = order_words(o.order);
    if (words.empty() || !is_order_word(words.front())) {
      const std::string first = words.empty() ? std::string() : words.front();
      r.error_at(join(path, "order"), fmt::format("expected an order ({}), got '{}'{}", list_names(order_word_names()), o.order,
                                                  did_you_mean(first, order_word_names())));
      continue;
    }
    const auto check = [&](const std::vector<Override>& more) {
      std::vector<Override> all = before;
      all.insert(all.end(), more.begin(), more.end());
      return problems_with(tree, all);
    };
    const auto parsed = parse_order(words, *compiled, planner, check, english);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
      r.error_at(join(path, "order"), fmt::format("'{}': {}", o.order, *problem));
      continue;
    }
    const Order& order = std::get<Order>(parsed);
    before.insert(before.end(), order.overrides.begin(), order.overrides.end());
  }
}

}  // namespace bstp::border::yaml
