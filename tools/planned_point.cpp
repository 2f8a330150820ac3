#include "planned_point.hpp"

#include <border/border_model.hpp>

#include <cmath>

namespace bstp::tools {

border::ReplicationResult simulate(const PlannedPoint& point, std::size_t replication, unsigned lp_threads) {
  border::ReplicationResult result = border::simulate_replication(*point.scenario, replication, lp_threads);
  auto reorder = [](std::vector<std::vector<double>>& rows, const std::vector<std::size_t>& order) {
    if (order.empty()) return;
    for (std::vector<double>& row : rows) {
      std::vector<double> ordered;
      ordered.reserve(order.size());
      for (const std::size_t c : order) ordered.push_back(c < row.size() ? row[c] : std::nan(""));
      row = std::move(ordered);
    }
  };
  reorder(result.by_country, point.country_order);
  reorder(result.by_unit, point.unit_order);
  reorder(result.by_organisation, point.organisation_order);
  return result;
}

}  // namespace bstp::tools
