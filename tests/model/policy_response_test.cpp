// The model answers policy levers in the directions the domain knows: pressure displaces flow
// (balloon effect) and deters shipping; training raises seizures and lowers bribes at equal
// staffing; coordination closes the seams. Each check is a paired difference over replications
// with common random numbers, required to lie beyond 3 standard errors in the expected direction.
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

// Two blind crossings from Guatemala into Mexico, each watched by a Guatemalan sector on the
// approach and a Mexican one on the far bank.
std::string two_crossings(double bribe_propensity) {
  return "scenario: {name: two_crossings, horizon_days: 365, seed: 3, replications: 1}\n"
         "countries:\n" +
         country("GT", 100, 0.0, 0.6, 0.05) + country("MX", 100, 0.0, 0.6, 0.05) +
         "nodes:\n"
         "  coast: {kind: landing, country: GT, lat: 14.5, lon: -92.0}\n"
         "  town: {kind: town, country: GT, lat: 14.7, lon: -91.9}\n"
         "  cross_a: {kind: blind_crossing, country: GT, lat: 14.8, lon: -92.1}\n"
         "  cross_b: {kind: blind_crossing, country: GT, lat: 15.0, lon: -92.1}\n"
         "  hub: {kind: hub, country: MX, lat: 14.9, lon: -92.3}\n"
         "edges:\n"
         "  - {from: coast, to: town, travel_hours: {dist: fixed, mean: 2}}\n"
         "  - {from: town, to: cross_a, mode: trail, travel_hours: {dist: fixed, mean: 2}, sector: gt_a, exposure: 0.5}\n"
         "  - {from: town, to: cross_b, mode: trail, travel_hours: {dist: fixed, mean: 2}, sector: gt_b, exposure: 0.5}\n"
         "  - {from: cross_a, to: hub, mode: river, travel_hours: {dist: fixed, mean: 1}, sector: mx_a, exposure: 0.5}\n"
         "  - {from: cross_b, to: hub, mode: river, travel_hours: {dist: fixed, mean: 1}, sector: mx_b, exposure: 0.5}\n"
         "sectors:\n"
         "  gt_a: {country: GT, units: 2, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "  gt_b: {country: GT, units: 2, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "  mx_a: {country: MX, units: 2, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "  mx_b: {country: MX, units: 2, officers_per_unit: 4, detection: {untrained: 0.2, trained: 0.4}}\n"
         "training: {method_use_share: 1.0}\n"
         "coordination: {seam_penalty: 0.8, escape_probability: 0.6}\n"
         "organisations:\n" +
         organisation("cell", "coast", "hub", 60.0, "learned", 1.0, 0.0, bribe_propensity) +
         "policies:\n"
         "  baseline: {}\n"
         "  pressure_a:\n"
         "    set: {sectors.gt_a.units: 8}\n"
         "  pressure_both:\n"
         "    set: {sectors.gt_a.units: 8, sectors.gt_b.units: 8, sectors.mx_a.units: 8, sectors.mx_b.units: 8}\n"
         "  trained:\n"
         "    set: {countries.GT.police.share_trained: 0.9, countries.MX.police.share_trained: 0.9}\n"
         "  coordinated:\n"
         "    set: {coordination.joint_patrols: [{sector_a: gt_a, sector_b: mx_a}, {sector_a: gt_b, sector_b: mx_b}],\n"
         "          coordination.hot_pursuit: [{a: GT, b: MX}]}\n";
}

constexpr int kReplications = 12;

std::vector<double> per_replication(const CompiledScenario& s, const std::function<double(const ReplicationResult&)>& f) {
  std::vector<double> v;
  for (int r = 0; r < kReplications; ++r) v.push_back(f(simulate_replication(s, static_cast<std::uint64_t>(r))));
  return v;
}
double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

// Expects policy - baseline to be positive (sign +1) or negative (-1) beyond 3 standard errors.
void expect_paired_shift(const std::string& policy, int sign, const std::function<double(const ReplicationResult&)>& f,
                         const std::string& what, double bribe_propensity = 0.0) {
  const std::string yaml = two_crossings(bribe_propensity);
  const Sample d = sample_of(minus(per_replication(compile(yaml, policy), f), per_replication(compile(yaml, "baseline"), f)));
  EXPECT_GT(sign * d.mean, 3 * d.standard_error) << what << " under '" << policy << "': mean change " << d.mean << " ± "
                                                 << d.standard_error << " (s.e.)";
}

double share_through_a(const ReplicationResult& r) {
  const double all = r.crossing_kg[0] + r.crossing_kg[1];
  return all > 0 ? r.crossing_kg[0] / all : 0.0;
}

TEST(PolicyResponse, PressureAtOneCrossingDisplacesFlowToTheOther) {
  expect_paired_shift("pressure_a", -1, share_through_a, "share of kg through crossing a");
  expect_paired_shift("pressure_a", +1, [](const ReplicationResult& r) { return r.crossing_kg[1]; }, "kg through crossing b");
}

TEST(PolicyResponse, HigherRiskDetersShipping) {
  expect_paired_shift("pressure_both", -1, [](const ReplicationResult& r) { return total(r, Indicator::shipments); }, "shipments");
}

TEST(PolicyResponse, TrainingRaisesSeizuresAndLowersBribesAtEqualStaffing) {
  expect_paired_shift("trained", +1, [](const ReplicationResult& r) { return total(r, Indicator::seizures); }, "seizures", 0.8);
  expect_paired_shift("trained", -1, [](const ReplicationResult& r) { return total(r, Indicator::bribes); }, "bribes", 0.8);
}

TEST(PolicyResponse, CoordinationClosesTheSeams) {
  expect_paired_shift("coordinated", +1, [](const ReplicationResult& r) { return total(r, Indicator::interdiction_rate); },
                      "interdiction rate");
}

}  // namespace
}  // namespace bstp::border::testing
