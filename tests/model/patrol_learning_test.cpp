// Traffickers who watch the police learn fixed posts and go around them, so a fixed post's effect
// decays; posts drawn at random or aimed at recent detections keep theirs (Banerjee et al. on
// surprise checkpoints; the surveilling attacker of Stackelberg security games). Paired
// differences over replications with common random numbers, beyond 3 standard errors.
#include "model_fixtures.hpp"

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

// Two crossings of one sector: the short one (1 hour) that the organisation prefers while it
// looks safe, and a long one (4 hours, at 100 USD an hour). One unit, on duty all day.
std::string watched_crossings(const std::string& placement) {
  return "scenario: {name: watched, horizon_days: 360, seed: 21, replications: 1}\ncountries:\n" + country("AA") +
         "nodes:\n"
         "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
         "  near: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91}\n"
         "  far: {kind: blind_crossing, country: AA, lat: 14.1, lon: -91.1}\n"
         "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
         "edges:\n"
         "  - {id: a_short, from: src, to: near, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 0.5}\n"
         "  - {id: b_long, from: src, to: far, travel_hours: {dist: fixed, mean: 4}, sector: s, exposure: 0.5}\n"
         "  - {from: near, to: dst, travel_hours: {dist: fixed, mean: 1}}\n"
         "  - {from: far, to: dst, travel_hours: {dist: fixed, mean: 1}}\n"
         "sectors:\n"
         "  s: {country: AA, units: 1, placement: " +
         placement +
         ", targeting_memory_days: 20, detection: {untrained: 0.5, trained: 0.5}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 60.0, "learned", 0.0, 100.0) +
         "    surveillance: {sighting_probability: 0.5, delay_days: 2, noise: 0.1, feared_detection: 0.3}\n";
}

constexpr int kReplications = 12;

// Seizures per shipment sent in months [from, to) of each replication.
std::vector<double> seized_share(const std::string& placement, std::size_t from, std::size_t to) {
  const CompiledScenario s = compile(watched_crossings(placement));
  std::vector<double> v;
  for (int r = 0; r < kReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, static_cast<std::uint64_t>(r));
    double seized = 0.0, sent = 0.0;
    for (std::size_t m = from; m < to; ++m) {
      seized += result.monthly[static_cast<std::size_t>(Indicator::seizures)][m];
      sent += result.monthly[static_cast<std::size_t>(Indicator::shipments)][m];
    }
    v.push_back(sent > 0 ? seized / sent : 0.0);
  }
  return v;
}

void expect_above(const std::vector<double>& a, const std::vector<double>& b, const std::string& what) {
  const Sample d = sample_of(minus(a, b));
  EXPECT_GT(d.mean, 3 * d.standard_error)
      << what << ": mean difference " << d.mean << " ± " << d.standard_error << " (s.e.)";
}

TEST(PatrolLearning, FixedPostIsLearnedAndItsEffectDecays) {
  expect_above(seized_share("fixed", 0, 1), seized_share("fixed", 6, 12),
               "fixed post: first month over the later half");
}

TEST(PatrolLearning, RandomAndTargetedPostsKeepTheirEffect) {
  const std::vector<double> fixed = seized_share("fixed", 6, 12);
  expect_above(seized_share("random", 6, 12), fixed, "later half: random over fixed");
  expect_above(seized_share("targeted", 6, 12), fixed, "later half: targeted over fixed");
}

}  // namespace
}  // namespace bstp::border::testing
