// A country's patrol units and the organisations' standing protection: offers at the start and
// after each rotation, collusive and coercive captures, attacks on units that refuse under threat
// (docs/model.md, "Corruption"). Part of CountryLp (country_lp.hpp).
#include "country_lp.hpp"

#include "corruption.hpp"

#include <algorithm>

namespace bstp::border {

void CountryLp::offer_protection_to_units(int organisation, std::uint64_t period, Time now) {
  const auto o = static_cast<std::size_t>(organisation);
  const Time until = rotation_ > 0 ? static_cast<Time>(period + 1) * rotation_ : kNever;
  // The officers at the start weigh the starting mix; those of a rotation the mix at their posting.
  const double trained = period == 0 ? scenario_.initial_skill(country_)
                                     : police_.trained_share(now) * std::clamp(scenario_.method_use_share, 0.0, 1.0);
  const double months = static_cast<double>(std::min(until, scenario_.horizon()) - now) / static_cast<double>(kMonthTicks);
  CaptureSpell spell{organisation, now, until, 0, 0};
  bool covers = false;
  for (std::size_t u = 0; u < scenario_.units.size(); ++u) {
    captured_[o][u] = false;
    if (!protection_covers(scenario_, country_, organisation, static_cast<int>(u))) continue;
    covers = true;
    const ProtectionOffer offer = offer_protection(scenario_, country_, replication_, organisation, static_cast<int>(u), period, trained, months);
    captured_[o][u] = offer.captured();
    spell.collusive += offer.capture == ProtectionOffer::Capture::collusive ? 1 : 0;
    spell.coercive += offer.capture == ProtectionOffer::Capture::coercive ? 1 : 0;
    if (offer.attacked) attacks_.push_back(offer);
  }
  captured_from_[o] = now;
  captured_until_[o] = until;
  if (covers) spells_.push_back(spell);
}

void CountryLp::attacks_made(Time now) {
  for (const ProtectionOffer& attack : attacks_) {
    const bool reported = attack.deaths > 0 || attack.report_draw < reporting_probability(now);
    indicators_.violent_incident(now, country_, Deaths{attack.deaths, 0, 0}, reported, false);
    indicators_.coercion_attack(now, country_);
    tally_.violent_incidents += 1;
    tally_.deaths += static_cast<std::uint64_t>(attack.deaths);
  }
  attacks_.clear();
}

void CountryLp::protection_offered(const ProtectionOffered& e, Context& ctx) {
  offer_protection_to_units(e.organisation, e.period, ctx.now());
  attacks_made(ctx.now());
  if (ctx.now() + rotation_ < scenario_.horizon()) ctx.schedule(rotation_, ProtectionOffered{e.organisation, e.period + 1});
}

bool CountryLp::looking_away(int organisation, int unit, Time now) const {
  const auto o = static_cast<std::size_t>(organisation);
  return captured_[o][static_cast<std::size_t>(unit)] && now >= captured_from_[o] && now < captured_until_[o];
}

}  // namespace bstp::border
