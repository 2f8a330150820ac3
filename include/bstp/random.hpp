// Random streams: one independent stream per entity, derived from (master seed, replication,
// entity id, stream index) by hashing, so that adding entities or threads never shifts anybody
// else's numbers. The generator is xoshiro256**; the distributions are the project's own, so the
// numbers do not depend on the standard library or the compiler.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace bstp {

// A ziggurat of 256 layers of equal area under an unnormalised density f, decreasing on
// [0, infinity) (Marsaglia and Tsang, "The ziggurat method for generating random variables",
// 2000): x[1] = r where the tail begins, x[256] = 0, x[0] the base layer's width (its area over
// f(r)), and f[i] = f(x[i]). Computed at compile time by the project's own arithmetic
// (engine/random.cpp), so they do not depend on the standard library or the compiler.
struct ZigguratTable {
  double x[257];
  double f[257];
};
extern const ZigguratTable kNormalZiggurat;       // f(x) = exp(-x^2 / 2)
extern const ZigguratTable kExponentialZiggurat;  // f(x) = exp(-x)

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
  // The same distributions by the ziggurat (ZigguratTable above): one 64-bit draw per variate
  // in about 99 % of the cases, no logarithm or square root, against exponential()'s logarithm
  // and normal()'s 2.5 uniforms, logarithm and square root. Different numbers from
  // exponential(), normal() and lognormal() (which PHOLD's figures rest on, so they stay).
  double exponential_ziggurat(double mean) {
    const std::uint64_t bits = next_u64();
    const std::size_t i = bits & 0xff;
    const double x = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53 * kExponentialZiggurat.x[i];
    if (x < kExponentialZiggurat.x[i + 1]) return mean * x;
    return mean * exponential_ziggurat_edge(i, x);
  }
  double normal_ziggurat(double mean, double sd) {
    const std::uint64_t bits = next_u64();
    const std::size_t i = bits & 0xff;
    // A signed uniform on (-1, 1) from the 53 bits above the layer's 8 (never zero).
    const double x = ((static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-52 - 1.0) * kNormalZiggurat.x[i];
    if (std::fabs(x) < kNormalZiggurat.x[i + 1]) return mean + sd * x;
    return mean + sd * normal_ziggurat_edge(i, x);
  }
  // exp(normal_ziggurat(mu, sigma)).
  double lognormal_ziggurat(double mu, double sigma) { return std::exp(normal_ziggurat(mu, sigma)); }
  std::uint64_t poisson(double mean);
  // Index i with probability weights[i] / sum(weights); weights non-negative, sum positive.
  std::size_t discrete(std::span<const double> weights);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // The rare cases of the ziggurats: x fell in layer i outside the part wholly under the curve
  // (a second uniform decides), or in the base layer beyond the tail's start (a draw from the tail).
  double exponential_ziggurat_edge(std::size_t i, double x);
  double normal_ziggurat_edge(std::size_t i, double x);
  std::uint64_t s_[4];
};

// A well-mixed 64-bit hash, exposed for models that fold state into checksums.
std::uint64_t mix64(std::uint64_t x);
inline std::uint64_t hash_combine(std::uint64_t h, std::uint64_t v) { return mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2))); }

}  // namespace bstp
