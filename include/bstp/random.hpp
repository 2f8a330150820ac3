// Random streams: one independent stream per entity, derived from (master seed, replication,
// entity id, stream index) by hashing, so that adding entities or threads never shifts anybody
// else's numbers. The generator is xoshiro256**; the distributions are the project's own, so the
// numbers do not depend on the standard library or the compiler.
#pragma once

#include <cstdint>
#include <span>

namespace bstp {

struct StreamId {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t entity = 0;
  std::uint64_t stream = 0;
};

class RandomStream {
 public:
  RandomStream() : RandomStream(StreamId{}) {}
  explicit RandomStream(const StreamId& id);

  // 64 random bits.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform on the open interval (0, 1).
  double uniform() { return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53; }
  // Uniform on [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift, unbiased).
  std::uint64_t below(std::uint64_t n);
  bool bernoulli(double p) { return uniform() < p; }
  double exponential(double mean);
  double normal(double mean = 0.0, double sd = 1.0);
  // Lognormal with the given mean and standard deviation of the variable itself (not its log).
  double lognormal_mean_sd(double mean, double sd);
  // exp(normal(mu, sigma)): a lognormal given by the mean and sd of its log (the same numbers as
  // lognormal_mean_sd when mu and sigma are converted from its mean and sd as it does).
  double lognormal(double mu, double sigma);
  std::uint64_t poisson(double mean);
  // Index i with probability weights[i] / sum(weights); weights non-negative, sum positive.
  std::size_t discrete(std::span<const double> weights);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// A well-mixed 64-bit hash, exposed for models that fold state into checksums.
std::uint64_t mix64(std::uint64_t x);
inline std::uint64_t hash_combine(std::uint64_t h, std::uint64_t v) { return mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2))); }

}  // namespace bstp
