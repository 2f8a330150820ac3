#include "load_splitting.hpp"

#include <cmath>

namespace bstp::border {

double reference_load_kg(const Organisation& o) {
  if (o.load_splitting.reference_kg > 0.0) return o.load_splitting.reference_kg;
  const Distribution& d = o.shipment_kg;
  return d.kind == Distribution::Kind::uniform ? 0.5 * (d.min + d.max) : d.mean;
}

double size_factor(const LoadSplitting& s, double reference_kg, double kg) {
  if (!(s.size_elasticity > 0.0) || !(reference_kg > 0.0)) return 1.0;
  return std::pow(kg / reference_kg, s.size_elasticity);
}

double survival_with_hazard(double survival, double hazard) { return hazard == 1.0 ? survival : std::pow(survival, hazard); }

double detection_with_hazard(double p, double hazard) {
  return hazard == 1.0 ? p : -std::expm1(hazard * std::log1p(-std::min(p, 1.0)));
}

int best_load_count(const LoadSplitting& s, double reference_kg, double kg, double value_usd, double survival,
                    double cost_per_load_usd) {
  int best = 1;
  double best_value = 0.0;
  for (int k = 1; k <= s.max_loads; ++k) {
    const double expected = value_usd * survival_with_hazard(survival, size_factor(s, reference_kg, kg / k)) - k * cost_per_load_usd;
    if (k == 1 || expected > best_value) {
      best = k;
      best_value = expected;
    }
  }
  return best;
}

}  // namespace bstp::border
