// Orders a team gives its forces during an exercise: the words typed (`post coyote_day
// coatepeque-paso_del_coyote`), checked against the scenario and the team's forces, and turned
// into the events the border model understands (border::OrderArrives, to each country concerned).
// Values that are scenario keys (lanes, inspection, placement) are checked by the scenario's own
// validator, as a patch of their dotted path, so they get the same messages as in a file.
#pragma once

#include "catalog.hpp"
#include "exercise.hpp"

#include <border/compiled_scenario.hpp>
#include <border/events.hpp>
#include <border/scenario_loader.hpp>

#include <string>
#include <utility>
#include <functional>
#include <variant>
#include <vector>

namespace bstp::tabletop {

struct Order {
  std::string text;     // as typed, words separated by single spaces
  std::string team;     // who gave it ("facilitator" for the facilitator and injects)
  std::string summary;  // what it does, in words, in the session's language
  std::vector<std::pair<int, border::OrderArrives>> events;  // (country, event)
  std::vector<border::Override> overrides;  // the scenario keys it changes, as dotted paths
};

// Who gives the order and what they command.
struct Authority {
  const Team* team = nullptr;  // nullptr: the facilitator, who commands everything
  std::string name() const { return team ? team->name : "facilitator"; }
  bool commands_country(const border::CompiledScenario& s, int country) const;
  bool commands_sector(const border::CompiledScenario& s, int sector) const;
  bool commands_checkpoint(const border::CompiledScenario& s, int checkpoint) const;
};

// The order words: the first word of an order line.
bool is_order_word(const std::string& word);
// One line per order, for `help`.
std::string order_help(const Catalog& tr);

// The order in `words`, or what is wrong with it (a message for the user). `patched` validates a
// list of dotted-path patches on top of the orders already given (empty = valid, else messages).
using PatchCheck = std::function<std::vector<std::string>(const std::vector<border::Override>&)>;
std::variant<Order, std::string> parse_order(const std::vector<std::string>& words, const border::CompiledScenario& scenario,
                                             const Authority& who, const PatchCheck& patched, const Catalog& tr);

// The id of edge e ("from-to" when the file gives none).
std::string edge_id(const border::CompiledScenario& scenario, std::size_t e);

}  // namespace bstp::tabletop
