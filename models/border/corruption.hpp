// Corruption besides the spot bribe: audits that lower every monitored officer's acceptance
// (Olken's audit experiment), standing protection, a monthly payment that captures patrol units
// so that they do not detect the paying organisation's loads, bought by collusion or by threat
// (plata o plomo), and the levers against it: officer pay (an efficiency wage that matters in
// proportion to the chance of being caught) and rotation (a capture lapses when the officers move)
// (docs/model.md, "Corruption").
#pragma once

#include "compiled_scenario.hpp"

#include <cstdint>

namespace bstp::border {

// The audit programme of a country, or none (share 0).
const Audit* audit_of(const CompiledScenario& scenario, int country);
// The raise of a country's officers, or none.
const PayRaise* pay_raise_of(const CompiledScenario& scenario, int country);
// How often a country's patrol officers are rotated, in ticks; 0 when they are not.
Time rotation_period(const CompiledScenario& scenario, int country);

// P(an officer accepts a bribe), given the country's police, the officer's training and whether
// an audit monitors the officer: acceptance x (1 - acceptance_reduction) when monitored.
double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit);
// The same with a raise: an officer offered `bribe_usd` weighs it against the raise lost if caught
// and dismissed, p x raise x months_left (p: the audit's caught_probability when monitored, else
// the raise's), and accepts with acceptance x max(0, 1 - p x raise x months_left / bribe_usd)
// (officers' reluctance spread evenly up to the bribe that makes all of them accept; assumption).
// Without a raise this is bribe_acceptance above, bit for bit.
double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit, const PayRaise* pay,
                        double bribe_usd);
// The factor max(0, 1 - p x raise x months_left / bribe_usd) alone (1 without a raise).
double pay_deterrence(const PayRaise* pay, const Audit* audit, bool monitored, double bribe_usd);

// What came of an organisation's protection offer to one patrol unit.
struct ProtectionOffer {
  enum class Capture : std::uint8_t { refused, collusive, coercive };
  Capture capture = Capture::refused;
  bool threatened = false;
  bool attacked = false;     // refused under threat, and attacked
  int deaths = 0;            // officers killed in the attack
  double report_draw = 1.0;  // uniform in [0, 1): a non-deadly attack is reported when below the reporting probability
  bool captured() const { return capture != Capture::refused; }
};

// The offer of organisation `organisation` to unit `unit` of `country` in rotation period `period`
// (0: the officers at the start; k: those posted at the k-th rotation), from the unit's own stream
// for that organisation and period. The officers accept the payment with the acceptance of a mix
// of `trained_share` trained officers (lowered by an audit if the unit is monitored, and by a raise
// weighed against the officer's share of `bribe_months` of payments); if they refuse, the
// organisation threatens them with its coercion's threat_probability, a threatened unit gives in
// with acceptance_under_threat, and one that still refuses is attacked with attack_probability
// (Poisson(deaths_per_attack) officers killed). Period 0 draws what the former collusive-only
// model drew, first, so that without coercion and pay nothing changes.
ProtectionOffer offer_protection(const CompiledScenario& scenario, int country, std::uint64_t replication, int organisation, int unit,
                                 std::uint64_t period, double trained_share, double bribe_months);

// Whether `unit` is one of `country`'s units in a sector `organisation` buys protection in.
bool protection_covers(const CompiledScenario& scenario, int country, int organisation, int unit);

}  // namespace bstp::border
