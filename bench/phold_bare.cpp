// The bare PHOLD loop: one std::priority_queue of (time, lp, seq), one xoshiro256** stream per LP
// seeded by SplitMix64, integer ticks (1e6 per unit). Same semantics as the yardstick: population
// 1, delay = lookahead + Exp(mean - lookahead), a remote event goes to an LP drawn uniformly from
// all LPs, events at or past the end are not created. Deliberately not using the kernel's
// RandomStream or heap: it is the floor to measure the kernel against.
#include "phold_bare.hpp"

#include <cmath>
#include <queue>
#include <vector>

namespace bstp::bench {
namespace {

struct Event {
  std::uint64_t time;
  std::uint32_t lp;
  std::uint32_t seq;
};

struct Later {
  bool operator()(const Event& a, const Event& b) const {
    if (a.time != b.time) return a.time > b.time;
    if (a.lp != b.lp) return a.lp > b.lp;
    return a.seq > b.seq;
  }
};

std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    for (auto& v : s_) v = splitmix(seed);
  }
  std::uint64_t next() {
    const std::uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return r;
  }
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace

std::uint64_t run_bare_phold(const BareConfig& c) {
  const double ticks = 1e6;
  const auto look_t = static_cast<std::uint64_t>(c.lookahead * ticks);
  const auto end_t = static_cast<std::uint64_t>(c.end * ticks);
  const double exp_mean = c.mean - c.lookahead;

  std::vector<Xoshiro> stream;
  stream.reserve(c.lps);
  for (std::uint32_t i = 0; i < c.lps; ++i) stream.emplace_back(42 + i * 1000003ULL);
  std::vector<std::uint32_t> seq(c.lps, 0);
  std::priority_queue<Event, std::vector<Event>, Later> pending;
  auto delay = [&](Xoshiro& r) { return look_t + static_cast<std::uint64_t>(-exp_mean * std::log(r.uniform()) * ticks); };
  for (std::uint32_t i = 0; i < c.lps; ++i) {
    const std::uint64_t t = delay(stream[i]);
    if (t < end_t) pending.push({t, i, seq[i]++});
  }
  std::uint64_t committed = 0;
  while (!pending.empty()) {
    const Event e = pending.top();
    pending.pop();
    ++committed;
    Xoshiro& r = stream[e.lp];
    const std::uint32_t dest = r.uniform() <= c.remote ? static_cast<std::uint32_t>(r.uniform() * c.lps) : e.lp;
    const std::uint64_t t = e.time + delay(r);
    if (t < end_t) pending.push({t, dest, seq[e.lp]++});
  }
  return committed;
}

}  // namespace bstp::bench
