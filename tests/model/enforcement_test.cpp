// Conditional or unconditional enforcement (docs/model.md, "Conditional enforcement"; Lessing):
// under the conditional rule the state raises the detection hazard of violent organisations, and
// organisations, weighing a calmer posture against their own, fight less.
#include "model_fixtures.hpp"

#include <border/enforcement.hpp>

#include <gtest/gtest.h>

namespace bstp::border::testing {
namespace {

double total(const ReplicationResult& r, Indicator i) { return r.totals[static_cast<std::size_t>(i)]; }

Enforcement conditional(double weight, double step = 0.05) {
  Enforcement e;
  e.rule = Enforcement::Rule::conditional;
  e.violence_weight = weight;
  e.posture_step = step;
  return e;
}

TEST(Enforcement, TargetingWeightByHand) {
  // An organisation that fought in a quarter of its recent confrontations, weight 2: 1 + 2 x 0.25.
  EXPECT_DOUBLE_EQ(targeting_weight(conditional(2.0), 0.25), 1.5);
  EXPECT_DOUBLE_EQ(targeting_weight(conditional(2.0), 0.0), 1.0);
  EXPECT_EQ(targeting_weight(Enforcement{}, 0.25), 1.0);  // unconditional: uniform
}

TEST(Enforcement, TheStateRemembersTheShareOfViolentConfrontations) {
  ViolenceRecord record(conditional(1.0), 2);
  record.confrontation(0, true, 0);
  record.confrontation(0, false, 0);
  record.confrontation(0, false, 0);
  EXPECT_DOUBLE_EQ(record.violent_share(0, 0), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(record.violent_share(0, 90 * kDay), 1.0 / 3.0);  // both counts fade alike
  EXPECT_EQ(record.violent_share(1, 0), 0.0);
  // A calm confrontation a half-life later: (0.5) / (1.5 + 1).
  record.confrontation(0, false, 90 * kDay);
  EXPECT_DOUBLE_EQ(record.violent_share(0, 90 * kDay), 0.5 / 2.5);
}

TEST(Enforcement, ExpectedLossOfAPostureByHand) {
  // Route survived with 0.5 at posture 0.5, weight 1: at posture 0 the hazard is 1 / 1.5 of today's.
  const Enforcement e = conditional(1.0);
  EXPECT_DOUBLE_EQ(expected_loss_share(e, 0.5, 0.5, 0.5, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(expected_loss_share(e, 0.0, 0.5, 0.5, 0.0), 1.0 - std::pow(0.5, 1.0 / 1.5));
  // Fighting lets a third of the fighters get away: posture 0.5 loses 0.5 x (1 - 0.5 / 3).
  EXPECT_DOUBLE_EQ(expected_loss_share(e, 0.5, 0.5, 0.5, 1.0 / 3.0), 0.5 * (1.0 - 0.5 / 3.0));
}

TEST(Enforcement, PostureMovesOnlyWhenViolenceCosts) {
  // Conditional: calmer pays, one step down.
  EXPECT_DOUBLE_EQ(adapted_posture(conditional(1.0, 0.1), 0.5, 0.5, 0.5, 0.0), 0.4);
  // Unconditional: fighting never raises detection; with nothing to gain it stays, and with an
  // escape to gain it stays at the most its couriers will fight.
  EXPECT_EQ(adapted_posture(Enforcement{}, 0.5, 0.5, 0.5, 0.0), 0.5);
  EXPECT_EQ(adapted_posture(Enforcement{}, 0.5, 0.5, 0.5, 0.3), 0.5);
  EXPECT_DOUBLE_EQ(adapted_posture(Enforcement{}, 0.3, 0.5, 0.5, 0.3), 0.35);
  // Conditional with a small weight and a large escape: fighting still pays, the posture rises.
  // d loss / d posture at 0.3: -0.5 ln 0.5 x 0.1 / 1.03 - 0.5 x 0.9 ≈ -0.42 < 0.
  EXPECT_DOUBLE_EQ(adapted_posture(conditional(0.1, 0.05), 0.3, 0.5, 0.5, 0.9), 0.35);
}

// A patrolled leg; the organisation never bribes and fights with 0.5, its fighters getting away
// with 0.3. Policies: unconditional (today's rule) and conditional with weight 2.
std::string patrolled_leg() {
  return "scenario: {name: lessing, horizon_days: 365, seed: 37, replications: 1}\ncountries:\n" + country("AA") +
         one_leg("sector: s, exposure: 1") +
         "sectors:\n"
         "  s: {country: AA, units: 2, placement: fixed, detection: {untrained: 0.3, trained: 0.3}}\n"
         "organisations:\n" +
         organisation("cell", "src", "dst", 30.0, "learned", 0.0, 0.0, 0.0, 0.5) +
         "    resistance_escape: 0.3\n"
         "policies:\n  unconditional: {}\n  conditional:\n    set: {enforcement: {rule: conditional, violence_weight: 2}}\n";
}

TEST(Enforcement, UnconditionalIsTodaysRule) {
  // The enforcement block with the unconditional rule changes nothing (same draws, same results).
  const std::string yaml = patrolled_leg();
  const CompiledScenario base = compile(yaml, "unconditional");
  const CompiledScenario stated = compile(yaml, "unconditional", {{"enforcement.rule", "unconditional"}, {"enforcement.violence_weight", "5"}});
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const ReplicationResult a = simulate_replication(base, rep), b = simulate_replication(stated, rep);
    ASSERT_EQ(a.totals.size(), b.totals.size());
    for (std::size_t i = 0; i < a.totals.size(); ++i)
      if (!(std::isnan(a.totals[i]) && std::isnan(b.totals[i]))) {
        EXPECT_EQ(a.totals[i], b.totals[i]) << info(static_cast<Indicator>(i)).name;
      }
    EXPECT_DOUBLE_EQ(total(a, Indicator::resistance_propensity), 0.5);
  }
}

TEST(Enforcement, ConditionalEnforcementLowersEncounterViolence) {
  const std::string yaml = patrolled_leg();
  std::vector<double> violence_u, violence_c, seizures_u, seizures_c, resistance_c;
  for (std::uint64_t rep = 0; rep < 10; ++rep) {
    const ReplicationResult u = simulate_replication(compile(yaml, "unconditional"), rep);
    const ReplicationResult c = simulate_replication(compile(yaml, "conditional"), rep);
    violence_u.push_back(total(u, Indicator::violent_incidents));
    violence_c.push_back(total(c, Indicator::violent_incidents));
    seizures_u.push_back(total(u, Indicator::seizures));
    seizures_c.push_back(total(c, Indicator::seizures));
    resistance_c.push_back(total(c, Indicator::resistance_propensity));
  }
  const Sample d = sample_of(minus(violence_c, violence_u));
  EXPECT_LT(d.mean + 3 * d.standard_error, 0.0) << d.mean << " ± " << d.standard_error;
  EXPECT_LT(sample_of(resistance_c).mean, 0.5);  // the organisation chose a calmer posture
  // Seizures: the calmer couriers no longer get away by fighting, so more loads are seized.
  const Sample s = sample_of(minus(seizures_c, seizures_u));
  EXPECT_GT(s.mean - 3 * s.standard_error, 0.0) << s.mean << " ± " << s.standard_error;
}

}  // namespace
}  // namespace bstp::border::testing
