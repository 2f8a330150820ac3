// Orders in an exercise: the order language of the model (border/order_language.hpp) spoken by a
// team, which commands only its own country's forces, in the session's language.
#pragma once

#include "catalog.hpp"
#include "exercise.hpp"

#include <border/order_language.hpp>

#include <string>
#include <variant>
#include <vector>

namespace bstp::tabletop {

using border::edge_id;
using border::is_order_word;
using border::Order;
using border::PatchCheck;

// Who gives the order and what they command.
class Authority : public border::OrderAuthority {
 public:
  explicit Authority(const Team* team = nullptr) : team_(team) {}  // nullptr: the facilitator
  std::string name() const override { return team_ ? team_->name : "facilitator"; }
  std::string forces(const border::Translate& tr) const override;
  bool commands_country(const border::CompiledScenario& s, int country) const override;
  bool commands_sector(const border::CompiledScenario& s, int sector) const override;
  bool commands_checkpoint(const border::CompiledScenario& s, int checkpoint) const override;

 private:
  const Team* team_;
};

// The order in `words` given by `who`, in the catalog's language, or what is wrong with it.
std::variant<Order, std::string> parse_order(const std::vector<std::string>& words, const border::CompiledScenario& scenario,
                                             const Authority& who, const PatchCheck& patched, const Catalog& tr);
// One line per order, for `help`.
std::string order_help(const Catalog& tr);

}  // namespace bstp::tabletop
