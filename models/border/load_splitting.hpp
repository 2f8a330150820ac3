// Load splitting (docs/model.md, "Load splitting"): a bigger load is easier to find (assumption:
// the detection hazard grows as the load's size to a power), so when the risk it perceives rises an
// organisation may send a candidate load as k smaller loads, each with its couriers and its own
// detection chances, paying a fixed cost per load. It picks the k that maximises expected profit.
#pragma once

#include "scenario.hpp"

namespace bstp::border {

// The load the detection figures of a scenario are for: `reference_kg`, or the mean of
// shipment_kg when that is 0 (the midpoint for a uniform draw).
double reference_load_kg(const Organisation& o);

// The detection hazard of a load of `kg` relative to one of `reference_kg`:
// (kg / reference_kg)^size_elasticity (exactly 1 when the elasticity is 0).
double size_factor(const LoadSplitting& s, double reference_kg, double kg);

// The probability of not being detected when a reference load escapes with `survival` and the
// hazard is multiplied by `hazard`: survival^hazard (exactly `survival` when hazard is 1).
double survival_with_hazard(double survival, double hazard);

// The probability of detecting when a reference load is detected with `p` and the hazard is
// multiplied by `hazard`: 1 - (1 - p)^hazard (exactly `p` when hazard is 1).
double detection_with_hazard(double p, double hazard);

// The number of loads k in [1, max_loads] that maximises the expected value of splitting a load of
// `kg` worth `value_usd`, whose route a reference load survives with `survival`:
//   value x survival^(size factor of kg / k) - k x cost_per_load_usd,
// the smallest such k on a tie.
int best_load_count(const LoadSplitting& s, double reference_kg, double kg, double value_usd, double survival,
                    double cost_per_load_usd);

}  // namespace bstp::border
