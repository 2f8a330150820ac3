// The order language: the words a team types in an exercise (`post coyote_day
// coatepeque-paso_del_coyote`) or a planner writes in a scenario's `orders:` schedule, checked
// against the compiled scenario and turned into the events the model understands (OrderArrives,
// to each country concerned). Values that are scenario keys (lanes, inspection, placement) are
// checked by the scenario's own validator, as a patch of their dotted path, so they get the same
// messages as in a file. Messages are English templates marked with N_; the caller may translate
// them (the tabletop's catalogs). docs/model.md, "Orders during a run".
#pragma once

#include "compiled_scenario.hpp"
#include "events.hpp"
#include "scenario_loader.hpp"

#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bstp::border {

// Marks a message for translation where it is defined and translated later (xgettext keyword).
constexpr const char* N_(const char* message) { return message; }

// Turns an English message template into the reader's language (identity by default).
using Translate = std::function<std::string(const char*)>;

struct Order {
  std::string text;     // as typed, words separated by single spaces
  std::string team;     // who gave it ("facilitator" for the facilitator, injects and schedules)
  std::string summary;  // what it does, in words, in the caller's language
  std::vector<std::pair<int, OrderArrives>> events;  // (country, event)
  std::vector<Override> overrides;  // the scenario keys it changes, as dotted paths
};

// Who gives an order and what they command. The default commands everything (a facilitator, a
// planner's schedule); an exercise's team narrows it to its country and forces.
class OrderAuthority {
 public:
  virtual ~OrderAuthority() = default;
  virtual std::string name() const { return "facilitator"; }
  // The forces commanded, in words, for a refusal ("-" for everything).
  virtual std::string forces(const Translate&) const { return "-"; }
  virtual bool commands_country(const CompiledScenario&, int) const { return true; }
  virtual bool commands_sector(const CompiledScenario&, int) const { return true; }
  virtual bool commands_checkpoint(const CompiledScenario&, int) const { return true; }
};

// The order words: the first word of an order line.
bool is_order_word(const std::string& word);
// The order words, in the order of `help`.
std::vector<std::string> order_word_names();
// One line per order, for `help`.
std::string order_help(const Translate& tr);

// Validates a list of dotted-path patches on top of the orders already given (empty = valid,
// else messages).
using PatchCheck = std::function<std::vector<std::string>(const std::vector<Override>&)>;

// The order in `words`, or what is wrong with it (a message for the user).
std::variant<Order, std::string> parse_order(const std::vector<std::string>& words, const CompiledScenario& scenario,
                                             const OrderAuthority& who, const PatchCheck& patched, const Translate& tr);

// The words of an order line (split on blanks).
std::vector<std::string> order_words(const std::string& line);

// A plain decimal number ("12", "0.5"), NaN for anything else.
double plain_number(const std::string& word);

// The id of edge e ("from-to" when the file gives none).
std::string edge_id(const CompiledScenario& scenario, std::size_t e);

}  // namespace bstp::border
