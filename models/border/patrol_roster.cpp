#include "patrol_roster.hpp"

#include <algorithm>
#include <cmath>

namespace bstp::border {
namespace {

constexpr Time kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

PatrolRoster::PatrolRoster(const CompiledScenario& scenario, std::uint64_t replication)
    : scenario_(scenario), replication_(replication), detections_(scenario.sectors.size()),
      targeted_weights_(scenario.sectors.size()) {}

Time PatrolRoster::shift_start(int u, std::int64_t shift) const {
  return shift * kDay + scenario_.units[static_cast<std::size_t>(u)].shift_offset;
}

int PatrolRoster::post_of(int u, std::int64_t shift, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const auto n = static_cast<std::int64_t>(s.posts.size());
  if (n == 0) return -1;
  const std::uint64_t seed = scenario_.scenario().seed;
  switch (s.placement) {
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
  const double half_life = std::max(1.0, s.targeting_half_life_days * 86400.0);
  w = s.post_weights;
  for (const Detection& d : detections_[static_cast<std::size_t>(sector)])
    if (d.at < written_at)
      w[static_cast<std::size_t>(d.post)] += std::exp2(-static_cast<double>(written_at - d.at) / half_life);
  return w;
}

PatrolRoster::Whereabouts PatrolRoster::where(int u, Time t, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const std::int64_t shift = floor_div(t - unit.shift_offset, kDay);
  const Time start = shift_start(u, shift);
  const int post = post_of(u, shift, now);
  if (t >= start + s.duty || post < 0) return {Duty::off_duty, -1};
  const auto edge = static_cast<int>(s.posts[static_cast<std::size_t>(post)]);
  if (shift > -1 && post_of(u, shift - 1, now) != post && t < start + s.transit) return {Duty::in_transit, edge};
  return {Duty::posted, edge};
}

Time PatrolRoster::time_on_post(int u, int post, Time from, Time to, Time now) {
  const PatrolUnit& unit = scenario_.units[static_cast<std::size_t>(u)];
  const SectorParams& s = scenario_.sectors[static_cast<std::size_t>(unit.sector)];
  const std::int64_t first = std::max<std::int64_t>(-1, floor_div(from - unit.shift_offset - s.duty, kDay));
  const std::int64_t last = floor_div(to - unit.shift_offset, kDay);
  Time total = 0;
  for (std::int64_t shift = first; shift <= last; ++shift) {
    if (post_of(u, shift, now) != post) continue;
    const Time start = shift_start(u, shift);
    const bool moved = shift > -1 && post_of(u, shift - 1, now) != post;
    const Time on = std::max(from, start + (moved ? s.transit : 0)), off = std::min(to, start + s.duty);
    if (off > on) total += off - on;
  }
  return total;
}

double PatrolRoster::share_on_leg(int u, ArcIndex a, Time from, Time to, Time now) {
  const int post = scenario_.arc_post[a];
  if (post < 0) return 0.0;
  // A passage of no duration is seen by the units on the leg at that instant.
  return to > from ? static_cast<double>(time_on_post(u, post, from, to, now)) / static_cast<double>(to - from)
                   : (time_on_post(u, post, from, from + 1, now) > 0 ? 1.0 : 0.0);
}

double PatrolRoster::miss_probability(ArcIndex a, Time from, Time to, double q, Time now) {
  const int sector = scenario_.graph().arc(a).sector;
  const int post = scenario_.arc_post[a];
  if (sector < 0 || post < 0 || q <= 0.0) return 1.0;
  double miss = 1.0;
  for (int u : scenario_.sectors[static_cast<std::size_t>(sector)].units) miss *= 1.0 - q * share_on_leg(u, a, from, to, now);
  return miss;
}

void PatrolRoster::detection_made(ArcIndex a, Time t) {
  const int sector = scenario_.graph().arc(a).sector;
  if (sector < 0 || scenario_.arc_post[a] < 0) return;
  if (scenario_.sectors[static_cast<std::size_t>(sector)].placement != Placement::targeted) return;
  detections_[static_cast<std::size_t>(sector)].push_back({t, scenario_.arc_post[a]});
}

}  // namespace bstp::border
