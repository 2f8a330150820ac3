#include "orders.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bstp::tabletop {

std::string Authority::forces(const border::Translate& tr) const {
  if (team_ == nullptr) return "-";
  if (team_->forces.empty()) return fmt::format("{} {}", tr(N_("everything of")), team_->country);
  return fmt::format("{}", fmt::join(team_->forces, ", "));
}

bool Authority::commands_country(const border::CompiledScenario& s, int country) const {
  return team_ == nullptr || s.country_index(team_->country) == country;
}

bool Authority::commands_sector(const border::CompiledScenario& s, int sector) const {
  if (team_ == nullptr) return true;
  const border::SectorParams& p = s.sectors[static_cast<std::size_t>(sector)];
  if (!commands_country(s, p.country)) return false;
  return team_->forces.empty() || std::find(team_->forces.begin(), team_->forces.end(), p.id) != team_->forces.end();
}

bool Authority::commands_checkpoint(const border::CompiledScenario& s, int checkpoint) const {
  if (team_ == nullptr) return true;
  const border::CheckpointParams& p = s.checkpoints[static_cast<std::size_t>(checkpoint)];
  if (!commands_country(s, p.country)) return false;
  return team_->forces.empty() || std::find(team_->forces.begin(), team_->forces.end(), p.node_id) != team_->forces.end();
}

std::variant<Order, std::string> parse_order(const std::vector<std::string>& words, const border::CompiledScenario& scenario,
                                             const Authority& who, const PatchCheck& patched, const Catalog& tr) {
  return border::parse_order(words, scenario, who, patched, [&tr](const char* m) { return tr(m); });
}

std::string order_help(const Catalog& tr) {
  return border::order_help([&tr](const char* m) { return tr(m); });
}

}  // namespace bstp::tabletop
