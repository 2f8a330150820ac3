#include "trafficker_economics.hpp"

#include <algorithm>
#include <limits>

namespace bstp::border {

double replacement_value_per_kg(const Organisation& o, const BorderGraph& graph, std::span<const ArcIndex> route,
                                std::size_t legs_done) {
  double done = 0.0, all = 0.0;
  for (std::size_t h = 0; h < route.size(); ++h) {
    all += graph.arc(route[h]).mean_hours;
    if (h < legs_done) done += graph.arc(route[h]).mean_hours;
  }
  // A route of no duration: the value rises by legs instead.
  const double travelled = all > 0.0 ? done / all
                                     : (route.empty() ? 0.0 : static_cast<double>(std::min(legs_done, route.size())) /
                                                                  static_cast<double>(route.size()));
  return o.purchase_cost_usd_per_kg + (o.value_per_kg_usd - o.purchase_cost_usd_per_kg) * travelled;
}

double outside_option_profit(const Organisation& o, double kg) {
  if (!o.outside_option.available) return -std::numeric_limits<double>::infinity();
  return kg * (o.value_per_kg_usd * (1.0 - o.outside_option.risk) - o.purchase_cost_usd_per_kg -
               o.outside_option.cost_usd_per_kg);
}

double recruitment_wage(const Economy& e) {
  double outside = e.local_wage_usd_per_month;
  if (e.jobs_program && e.youth_pool > 0) {
    const double employed = std::min(1.0, static_cast<double>(e.jobs_created) / static_cast<double>(e.youth_pool));
    outside += employed * std::max(0.0, e.jobs_wage_usd_per_month - e.local_wage_usd_per_month);
  }
  return e.courier_premium * outside * e.trip_days / 30.4375;
}

ShipmentChoice choose_shipment(double network_profit, double willingness, double outside_profit, double go) {
  if (outside_profit > 0.0 && outside_profit >= network_profit) return ShipmentChoice::outside_option;
  if (go < willingness) return ShipmentChoice::network;
  return outside_profit > 0.0 ? ShipmentChoice::outside_option : ShipmentChoice::deterred;
}

}  // namespace bstp::border
