#include "patrol_roster.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {
namespace {


std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

PatrolRoster::PatrolRoster(const CompiledScenario& scenario, std::uint64_t replication)
    : scenario_(scenario), replication_(replication), detections_(scenario.sectors.size()),
      targeted_weights_(scenario.sectors.size()), orders_(scenario.units.size()),
      placement_changes_(scenario.sectors.size()), visitors_(scenario.sectors.size()) {}

Time PatrolRoster::shift_start(int u, std::int64_t shift) const {
  return shift * kDay + scenario_.units[static_cast<std::size_t>(u)].shift_offset;
}

int PatrolRoster::post_of(int u, std::int64_t shift, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const auto n = static_cast<std::int64_t>(s.posts.size());
  if (n == 0) return -1;
  const std::uint64_t seed = scenario_.seed;
  switch (placement_at(unit.sector, shift_start(u, shift))) {
    case Placement::fixed:
      return static_cast<int>(unit.index % n);
    case Placement::rotation: {
      const std::int64_t stay = floor_div(shift * kDay, s.rotation);
      return static_cast<int>(((unit.index + stay) % n + n) % n);
    }
    case Placement::random: {
      RandomStream draws(StreamId{seed, replication_, entity::patrol_unit(u), static_cast<std::uint64_t>(shift + 1)});
      return static_cast<int>(draws.discrete(s.post_weights));
    }
    case Placement::targeted: {
      // The roster of day d is written at the start of day d - 1: a later day is not known yet,
      // and the last written roster stands in for it.
      const std::int64_t written = floor_div(now - s.shift_start, kDay) + 1;
      const std::int64_t day = std::max<std::int64_t>(-1, std::min(shift, written));
      RandomStream draws(StreamId{seed, replication_, entity::patrol_unit(u), static_cast<std::uint64_t>(day + 1)});
      return static_cast<int>(draws.discrete(targeted_weights(unit.sector, day)));
    }
  }
  return -1;
}

const std::vector<double>& PatrolRoster::targeted_weights(int sector, std::int64_t shift) {
  auto& memo = targeted_weights_[static_cast<std::size_t>(sector)];
  const auto slot = static_cast<std::size_t>(shift + 1);
  if (memo.size() <= slot) memo.resize(slot + 1);
  std::vector<double>& w = memo[slot];
  if (!w.empty()) return w;
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(sector)];
  const Time written_at = (shift - 1) * kDay + s.shift_start;
  w = s.post_weights;
  for (const Detection& d : detections_[static_cast<std::size_t>(sector)])
    if (d.at < written_at)
      w[static_cast<std::size_t>(d.post)] += std::exp2(-static_cast<double>(written_at - d.at) / s.targeting_half_life_ticks);
  return w;
}

Placement PatrolRoster::placement_at(int sector, Time t) const {
  const auto& changes = placement_changes_[static_cast<std::size_t>(sector)];
  Placement p = scenario_.sectors[static_cast<std::size_t>(sector)].placement;
  for (const PlacementChange& c : changes) {
    if (c.at > t) break;
    p = c.placement;
  }
  return p;
}

int PatrolRoster::edge_of(int u, std::int64_t shift, Time now) {
  const auto& orders = orders_[static_cast<std::size_t>(u)];
  if (!orders.empty()) {
    const Time start = shift_start(u, shift);
    const Assignment* in_force = nullptr;
    for (const Assignment& a : orders) {
      if (a.at > start) break;
      in_force = &a;
    }
    if (in_force != nullptr && in_force->kind == Assignment::Kind::withdrawn) return -1;
    if (in_force != nullptr && in_force->kind == Assignment::Kind::posted) return in_force->edge;
  }
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const int post = post_of(u, shift, now);
  return post < 0 ? -1 : static_cast<int>(scenario_.sectors[static_cast<std::size_t>(unit.sector)].posts[static_cast<std::size_t>(post)]);
}

const std::vector<int>& PatrolRoster::units_on_sector(int sector) const {
  const auto& visitors = visitors_[static_cast<std::size_t>(sector)];
  return visitors.empty() ? scenario_.sectors[static_cast<std::size_t>(sector)].units : visitors;
}

void PatrolRoster::post_unit(int u, int edge, Time at) {
  orders_[static_cast<std::size_t>(u)].push_back({at, Assignment::Kind::posted, edge});
  // The unit now stands, from time to time, on a post of the edge's sector: that sector counts it.
  for (std::size_t s = 0; s < scenario_.sectors.size(); ++s) {
    const auto& posts = scenario_.sectors[s].posts;
    if (std::find(posts.begin(), posts.end(), static_cast<std::size_t>(edge)) == posts.end()) continue;
    auto& visitors = visitors_[s];
    if (visitors.empty()) visitors = scenario_.sectors[s].units;
    if (std::find(visitors.begin(), visitors.end(), u) == visitors.end()) visitors.push_back(u);
  }
}

void PatrolRoster::withdraw_unit(int u, Time at) { orders_[static_cast<std::size_t>(u)].push_back({at, Assignment::Kind::withdrawn, -1}); }

void PatrolRoster::release_unit(int u, Time at) { orders_[static_cast<std::size_t>(u)].push_back({at, Assignment::Kind::by_placement, -1}); }

void PatrolRoster::change_placement(int sector, Placement placement, Time at) {
  placement_changes_[static_cast<std::size_t>(sector)].push_back({at, placement});
}

PatrolRoster::Whereabouts PatrolRoster::where(int u, Time t, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const std::int64_t shift = floor_div(t - unit.shift_offset, kDay);
  const Time start = shift_start(u, shift);
  const int edge = edge_of(u, shift, now);
  if (t >= start + s.duty || edge < 0) return {Duty::off_duty, -1};
  if (shift > -1 && edge_of(u, shift - 1, now) != edge && t < start + s.transit) return {Duty::in_transit, edge};
  return {Duty::posted, edge};
}

Time PatrolRoster::time_on_post(int u, int edge, Time from, Time to, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const std::int64_t first = std::max<std::int64_t>(-1, floor_div(from - unit.shift_offset - s.duty, kDay));
  const std::int64_t last = floor_div(to - unit.shift_offset, kDay);
  Time total = 0;
  for (std::int64_t shift = first; shift <= last; ++shift) {
    if (edge_of(u, shift, now) != edge) continue;
    const Time start = shift_start(u, shift);
    const bool moved = shift > -1 && edge_of(u, shift - 1, now) != edge;
    const Time on = std::max(from, start + (moved ? s.transit : 0)), off = std::min(to, start + s.duty);
    if (off > on) total += off - on;
  }
  return total;
}

double PatrolRoster::share_on_leg(int u, ArcIndex a, Time from, Time to, Time now) {
  const int sector = scenario_.graph().arc(a).sector;
  const int post = scenario_.arc_post[a];
  if (sector < 0 || post < 0) return 0.0;
  const auto edge = static_cast<int>(scenario_.sectors[static_cast<std::size_t>(sector)].posts[static_cast<std::size_t>(post)]);
  // A passage of no duration is seen by the units on the leg at that instant.
  return to > from ? static_cast<double>(time_on_post(u, edge, from, to, now)) / static_cast<double>(to - from)
                   : (time_on_post(u, edge, from, from + 1, now) > 0 ? 1.0 : 0.0);
}

double PatrolRoster::miss_probability(ArcIndex a, Time from, Time to, double q, Time now, const std::vector<bool>* looking_away) {
  const int sector = scenario_.graph().arc(a).sector;
  const int post = scenario_.arc_post[a];
  if (sector < 0 || post < 0 || q <= 0.0) return 1.0;
  double miss = 1.0;
  for (int u : units_on_sector(sector)) {
    if (looking_away != nullptr && (*looking_away)[static_cast<std::size_t>(u)]) continue;
    miss *= 1.0 - q * share_on_leg(u, a, from, to, now);
  }
  return miss;
}

void PatrolRoster::detection_made(ArcIndex a, Time t) {
  const int sector = scenario_.graph().arc(a).sector;
  if (sector < 0 || scenario_.arc_post[a] < 0) return;
  // Kept for a sector targeted now, or whose placement an order may have changed.
  if (placement_at(sector, t) != Placement::targeted && placement_changes_[static_cast<std::size_t>(sector)].empty()) return;
  detections_[static_cast<std::size_t>(sector)].push_back({t, scenario_.arc_post[a]});
}

}  // namespace bstp::border
