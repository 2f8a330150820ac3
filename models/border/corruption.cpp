#include "corruption.hpp"

#include "patrol_roster.hpp"

#include <algorithm>

namespace bstp::border {

const Audit* audit_of(const CompiledScenario& scenario, int country) {
  const std::optional<Audit>& audit = scenario.countries[static_cast<std::size_t>(country)].audit;
  return audit ? &*audit : nullptr;
}

const PayRaise* pay_raise_of(const CompiledScenario& scenario, int country) {
  const std::optional<PayRaise>& raise = scenario.countries[static_cast<std::size_t>(country)].pay_raise;
  return raise ? &*raise : nullptr;
}

Time rotation_period(const CompiledScenario& scenario, int country) {
  return scenario.countries[static_cast<std::size_t>(country)].rotation;
}

double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit) {
  const double base = trained ? police.bribe_acceptance.trained : police.bribe_acceptance.untrained;
  return monitored && audit != nullptr ? base * (1.0 - audit->acceptance_reduction) : base;
}

double pay_deterrence(const PayRaise* pay, const Audit* audit, bool monitored, double bribe_usd) {
  if (pay == nullptr || !(pay->usd_per_officer_month > 0.0)) return 1.0;
  const double caught = monitored && audit != nullptr ? audit->caught_probability : pay->caught_probability;
  const double expected_loss = caught * pay->usd_per_officer_month * pay->months_left;
  if (!(expected_loss > 0.0)) return 1.0;
  if (!(bribe_usd > 0.0)) return 0.0;
  return std::max(0.0, 1.0 - expected_loss / bribe_usd);
}

double bribe_acceptance(const Police& police, bool trained, bool monitored, const Audit* audit, const PayRaise* pay,
                        double bribe_usd) {
  const double accept = bribe_acceptance(police, trained, monitored, audit);
  return pay == nullptr ? accept : accept * pay_deterrence(pay, audit, monitored, bribe_usd);
}

bool protection_covers(const CompiledScenario& scenario, int country, int organisation, int unit) {
  const Protection& protection = scenario.organisations[static_cast<std::size_t>(organisation)].spec.protection;
  const SectorParams& sector = scenario.sectors[static_cast<std::size_t>(scenario.units[static_cast<std::size_t>(unit)].sector)];
  return sector.country == country &&
         std::find(protection.sectors.begin(), protection.sectors.end(), sector.id) != protection.sectors.end();
}

ProtectionOffer offer_protection(const CompiledScenario& scenario, int country, std::uint64_t replication, int organisation, int unit,
                                 std::uint64_t period, double trained_share, double bribe_months) {
  const Police& police = scenario.countries[static_cast<std::size_t>(country)].police;
  const Audit* audit = audit_of(scenario, country);
  const PayRaise* pay = pay_raise_of(scenario, country);
  const Protection& protection = scenario.organisations[static_cast<std::size_t>(organisation)].spec.protection;
  // The unit's own stream for this organisation's offer (and period), apart from its placement draws.
  RandomStream draws(StreamId{scenario.seed, replication, entity::patrol_unit(unit),
                              (std::uint64_t{1} << 48) | (period << 24) | static_cast<std::uint64_t>(organisation)});
  ProtectionOffer offer;
  const bool monitored = audit != nullptr && draws.bernoulli(audit->share_monitored);
  double accept = (1.0 - trained_share) * bribe_acceptance(police, false, monitored, audit) +
                  trained_share * bribe_acceptance(police, true, monitored, audit);
  if (pay != nullptr) {
    // Each officer weighs a share of the unit's payments for as long as the capture would last.
    const int officers = std::max(1, scenario.post_officers(scenario.unit_post(unit)));
    accept *= pay_deterrence(pay, audit, monitored, protection.usd_per_unit_month / officers * std::min(pay->months_left, bribe_months));
  }
  if (draws.bernoulli(accept)) {
    offer.capture = ProtectionOffer::Capture::collusive;
    return offer;
  }
  // Plata o plomo: a unit that refused the money may be threatened.
  const Coercion& coercion = protection.coercion;
  if (!(coercion.threat_probability > 0.0) || !draws.bernoulli(coercion.threat_probability)) return offer;
  offer.threatened = true;
  if (draws.bernoulli(coercion.acceptance_under_threat)) {
    offer.capture = ProtectionOffer::Capture::coercive;
    return offer;
  }
  offer.attacked = draws.bernoulli(coercion.attack_probability);
  if (offer.attacked) {
    offer.deaths = static_cast<int>(draws.poisson(coercion.deaths_per_attack));
    offer.report_draw = draws.uniform();
  }
  return offer;
}

}  // namespace bstp::border
