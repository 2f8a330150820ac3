#include "contestation.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {

double FadingCount::value(Time now, double half_life_ticks) const {
  if (value_ == 0.0) return 0.0;
  return value_ * std::exp2(-static_cast<double>(now - at_) / std::max(1.0, half_life_ticks));
}

void FadingCount::add(Time now, double half_life_ticks, double x) {
  value_ = value(now, half_life_ticks) + x;
  at_ = now;
}

Deaths split_deaths(int deaths, const DeathShares& shares, RandomStream& draws) {
  Deaths d;
  const double sum = shares.officers + shares.traffickers + shares.bystanders;
  for (int i = 0; i < deaths; ++i) {
    const double u = draws.uniform() * (sum > 0.0 ? sum : 1.0);
    if (sum <= 0.0 || u >= shares.officers + shares.traffickers) ++d.bystanders;
    else if (u < shares.officers) ++d.officers;
    else ++d.traffickers;
  }
  return d;
}

Contestation::Contestation(const CompiledScenario& scenario, int country)
    : params_(scenario.violence.contestation),
      organisations_(static_cast<int>(scenario.organisations.size())),
      recent_(params_.recent_days * static_cast<double>(kDay)),
      established_(params_.established_days * static_cast<double>(kDay)),
      slot_of_node_(scenario.graph().node_count(), -1),
      recent_total_(scenario.organisations.size()),
      established_total_(scenario.organisations.size()) {
  int slots = 0;
  for (std::size_t n = 0; n < slot_of_node_.size(); ++n)
    if (scenario.node_country[n] == country) slot_of_node_[n] = slots++;
  recent_kg_.resize(static_cast<std::size_t>(slots * organisations_));
  established_kg_.resize(recent_kg_.size());
}

double Contestation::new_flow_share(NodeIndex node, int organisation, Time now) const {
  const auto i = static_cast<std::size_t>(slot_of_node_[node] * organisations_ + organisation);
  const auto o = static_cast<std::size_t>(organisation);
  const double recent_total = recent_total_[o].value(now, recent_), established_total = established_total_[o].value(now, established_);
  if (!(recent_total > 0.0) || !(established_total > 0.0)) return 0.0;
  const double recent = recent_kg_[i].value(now, recent_) / recent_total;
  const double established = established_kg_[i].value(now, established_) / established_total;
  return recent > 0.0 ? std::clamp((recent - established) / recent, 0.0, 1.0) : 0.0;
}

int Contestation::rivals_present(NodeIndex node, int organisation, Time now) const {
  int rivals = 0;
  for (int o = 0; o < organisations_; ++o) {
    if (o == organisation) continue;
    const auto i = static_cast<std::size_t>(slot_of_node_[node] * organisations_ + o);
    // Present: at least a kilogram a year of established flow, or any recent flow.
    if (established_kg_[i].value(now, established_) >= 1.0 || recent_kg_[i].value(now, recent_) >= 1.0) ++rivals;
  }
  return rivals;
}

double Contestation::scarcity(Time now) const {
  const double seized = seized_.value(now, recent_), passed = passed_.value(now, recent_);
  return seized + passed > 0.0 ? seized / (seized + passed) : 0.0;
}

double Contestation::hazard(NodeIndex node, int organisation, Time now) const {
  if (!(params_.base_rate > 0.0) || slot_of_node_[node] < 0) return 0.0;
  return params_.base_rate * (1.0 + params_.diversion_weight * new_flow_share(node, organisation, now)) *
         (1.0 + params_.rival_weight * rivals_present(node, organisation, now)) *
         (1.0 + params_.scarcity_weight * scarcity(now));
}

void Contestation::load_passes(NodeIndex node, int organisation, double kg, Time now) {
  if (!(params_.base_rate > 0.0) || slot_of_node_[node] < 0) return;
  const auto i = static_cast<std::size_t>(slot_of_node_[node] * organisations_ + organisation);
  const auto o = static_cast<std::size_t>(organisation);
  recent_kg_[i].add(now, recent_, kg);
  established_kg_[i].add(now, established_, kg);
  recent_total_[o].add(now, recent_, kg);
  established_total_[o].add(now, established_, kg);
  passed_.add(now, recent_, kg);
}

void Contestation::load_seized(double kg, Time now) {
  if (params_.base_rate > 0.0) seized_.add(now, recent_, kg);
}

double CommunityTrust::reporting_probability(Time now, double committees) const {
  const double trust = params_.trust + params_.community_engagement + committees - params_.bribe_penalty * bribes_.value(now, half_life()) -
                       params_.force_penalty * killings_.value(now, half_life());
  return std::clamp(trust, 0.0, 1.0);
}

}  // namespace bstp::border
