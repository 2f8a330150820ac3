#include "officer_posts.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {

OfficerPosts::OfficerPosts(const CompiledScenario& scenario, int country, std::uint64_t replication)
    : scenario_(scenario), country_(country), phase_(static_cast<std::size_t>(scenario.post_count()), 0.0),
      disposition_(static_cast<std::size_t>(scenario.post_count())) {
  for (int post = 0; post < scenario.post_count(); ++post)
    if (scenario.post_country(post) == country && scenario.post_officers(post) > 0) staffed_.push_back(post);
  for (int o : scenario.countries[static_cast<std::size_t>(country)].observers) teams_.push_back(&scenario.observers[static_cast<std::size_t>(o)]);
  // The trained stock is dealt out evenly: post k of P takes floor(share x n + (k + 1/2) / P).
  const auto staffed = static_cast<double>(staffed_.size());
  const std::uint64_t seed = scenario.seed;
  for (std::size_t k = 0; k < staffed_.size(); ++k) {
    const auto post = static_cast<std::size_t>(staffed_[k]);
    phase_[post] = (static_cast<double>(k) + 0.5) / staffed;
    // Each officer's disposition to use the methods, from the officer's own stream.
    const int n = scenario.post_officers(staffed_[k]);
    for (int j = 0; j < n; ++j) {
      RandomStream draws(StreamId{seed, replication, entity::post_officers(staffed_[k]), static_cast<std::uint64_t>(j)});
      disposition_[post].push_back(static_cast<float>(draws.uniform()));
    }
  }
}

void OfficerPosts::add_team(ObserverParams team) {
  ordered_.push_back(std::move(team));
  teams_.push_back(&ordered_.back());
}

bool OfficerPosts::observed(int post, Time t) const {
  for (const ObserverParams* observer : teams_) {
    const ObserverParams& team = *observer;
    if (t < team.start || t >= team.end) continue;
    if (team.whole_country) return true;
    if (post < 0 || team.posts.empty()) continue;
    if (team.visit == 0) {
      if (std::find(team.posts.begin(), team.posts.end(), post) != team.posts.end()) return true;
    } else if (team.posts[static_cast<std::size_t>((t - team.start) / team.visit) % team.posts.size()] == post) {
      return true;
    }
  }
  return false;
}

double OfficerPosts::method_use(int post, Time t) const {
  double use = scenario_.method_use_share;
  for (const ObserverParams* observer : teams_) {
    const ObserverParams& team = *observer;
    if (t < team.start || t >= team.end) continue;
    if (team.whole_country) {
      use += team.boost;
      continue;
    }
    if (post < 0 || std::find(team.posts.begin(), team.posts.end(), post) == team.posts.end()) continue;
    const bool here = team.visit == 0 || team.posts[static_cast<std::size_t>((t - team.start) / team.visit) % team.posts.size()] == post;
    use += here ? team.boost : team.spillover;
  }
  return std::clamp(use, 0.0, 1.0);
}

OfficerPosts::Crew OfficerPosts::crew(int post, Time t, const PoliceForce& police) const {
  Crew c;
  if (post < 0) return c;
  const std::vector<float>& officers = disposition_[static_cast<std::size_t>(post)];
  c.officers = static_cast<int>(officers.size());
  if (c.officers == 0) return c;
  const double dealt = std::floor(police.trained_share(t) * c.officers + phase_[static_cast<std::size_t>(post)]);
  c.trained = static_cast<int>(std::clamp(dealt, 0.0, static_cast<double>(c.officers)));
  const double use = method_use(post, t);
  for (int j = 0; j < c.trained; ++j) c.using_methods += officers[static_cast<std::size_t>(j)] < use ? 1 : 0;
  return c;
}

double OfficerPosts::trained_use(int post, Time t, const PoliceForce& police) const {
  const Crew c = crew(post, t, police);
  if (c.officers == 0) return police.skill(t, method_use(post, t));
  return c.using_methods * police.trained_skill(t) / c.officers;
}

}  // namespace bstp::border
