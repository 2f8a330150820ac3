#include <bstp/random.hpp>

#include <cmath>
#include <stdexcept>

namespace bstp {

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

RandomStream::RandomStream(const StreamId& id) {
  // Hash the four coordinates into one key, then expand it with SplitMix64 into the xoshiro
  // state. Distinct ids give unrelated streams; the all-zero state cannot occur in practice and
  // is guarded anyway.
  std::uint64_t key = mix64(id.seed + 0x9e3779b97f4a7c15ULL);
  key = hash_combine(key, id.replication);
  key = hash_combine(key, id.entity);
  key = hash_combine(key, id.stream);
  for (auto& word : s_) {
    key += 0x9e3779b97f4a7c15ULL;
    word = mix64(key);
  }
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("RandomStream::below: n must be positive");
  __uint128_t m = static_cast<__uint128_t>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<__uint128_t>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double RandomStream::exponential(double mean) { return -mean * std::log(uniform()); }

double RandomStream::normal(double mean, double sd) {
  // Marsaglia's polar method; the second variate is discarded so that the stream position
  // depends only on the number of calls, not on hidden cached state.
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  return mean + sd * u * std::sqrt(-2.0 * std::log(s) / s);
}

double RandomStream::lognormal_mean_sd(double mean, double sd) {
  if (mean <= 0.0) throw std::invalid_argument("lognormal: mean must be positive");
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  const double mu = std::log(mean) - 0.5 * sigma2;
  return lognormal(mu, std::sqrt(sigma2));
}

double RandomStream::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

std::uint64_t RandomStream::poisson(double mean) {
  if (mean < 0.0) throw std::invalid_argument("poisson: mean must be non-negative");
  if (mean == 0.0) return 0;
  if (mean < 30.0) {  // Knuth's product of uniforms
    const double limit = std::exp(-mean);
    std::uint64_t k = 0;
    double p = uniform();
    while (p > limit) {
      ++k;
      p *= uniform();
    }
    return k;
  }
  // Hormann's PTRS (transformed rejection with squeeze), exact for mean >= 10.
  const double slam = std::sqrt(mean), loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = uniform() - 0.5, v = uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - std::lgamma(k + 1))
      return static_cast<std::uint64_t>(k);
  }
}

std::size_t RandomStream::discrete(std::span<const double> weights) {
  double total = 0.0;
  for (double w : weights) {
    if (!(w >= 0.0)) throw std::invalid_argument("discrete: weights must be non-negative");
    total += w;
  }
  if (!(total > 0.0)) throw std::invalid_argument("discrete: weights must have a positive sum");
  const double target = uniform() * total;
  double acc = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    if (target < acc) return i;
  }
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0.0) return i;
  return 0;
}

}  // namespace bstp
