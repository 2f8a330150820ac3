#include <bstp/random.hpp>

#include <cmath>
#include <stdexcept>

namespace bstp {
namespace {

// Arithmetic for the ziggurat tables, evaluated by the compiler: IEEE double operations only
// (correctly rounded the same way by any conforming compiler), no library calls. Each result is
// within a few units in the last place of the true value, which is all the tables need.
constexpr double kLn2Hi = 0x1.62e42feep-1;        // ln 2 split so that k * kLn2Hi is exact (fdlibm)
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;

constexpr double exp_of(double x) {
  // x = k ln 2 + r with |r| <= ln 2 / 2; e^r by its Taylor series (Horner); then times 2^k.
  const double kd = x * 1.4426950408889634;
  int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double e = 1.0;
  for (int n = 27; n >= 1; --n) e = 1.0 + r * e / n;
  for (; k > 0; --k) e *= 2.0;
  for (; k < 0; ++k) e *= 0.5;
  return e;
}

constexpr double log_of(double x) {
  // x = m 2^e with m in [1/sqrt 2, sqrt 2]; log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
  int e = 0;
  while (x > 1.4142135623730951) x *= 0.5, ++e;
  while (x < 0.7071067811865476) x *= 2.0, --e;
  const double s = (x - 1.0) / (x + 1.0), s2 = s * s;
  double series = 0.0;  // sum over n of s2^n / (2n + 1)
  for (int n = 30; n >= 0; --n) series = 1.0 / (2 * n + 1) + s2 * series;
  return e * kLn2Hi + (e * kLn2Lo + 2.0 * s * series);
}

constexpr double sqrt_of(double x) {
  // Newton's iteration from above decreases until it settles.
  double y = x > 1.0 ? x : 1.0;
  for (int n = 0; n < 200; ++n) {
    const double next = 0.5 * (y + x / y);
    if (!(next < y)) break;
    y = next;
  }
  return y;
}

// Layers from the tail's start r and the common area v (Marsaglia and Tsang's recursion:
// x[i] = f^-1(v / x[i-1] + f(x[i-1]))).
template <class Density, class Inverse>
constexpr ZigguratTable ziggurat(double r, double v, Density f, Inverse f_inverse) {
  ZigguratTable z{};
  z.x[0] = v / f(r);
  z.x[1] = r;
  for (int i = 2; i < 256; ++i) z.x[i] = f_inverse(v / z.x[i - 1] + f(z.x[i - 1]));
  z.x[256] = 0.0;
  for (int i = 0; i <= 256; ++i) z.f[i] = f(z.x[i]);
  return z;
}

double normal_density(double x) { return std::exp(-0.5 * x * x); }

}  // namespace

// r for 256 layers (Marsaglia and Tsang); v = r f(r) + the tail's area: for the normal
// r e^(-r^2/2) + sqrt(pi/2) erfc(r / sqrt 2), for the exponential (r + 1) e^(-r).
constinit const ZigguratTable kNormalZiggurat = ziggurat(
    3.6541528853610088, 4.928673233974658e-3, [](double x) { return exp_of(-0.5 * x * x); },
    [](double y) { return sqrt_of(-2.0 * log_of(y)); });
constinit const ZigguratTable kExponentialZiggurat = ziggurat(
    7.69711747013104972, 3.949659822581556e-3, [](double x) { return exp_of(-x); }, [](double y) { return -log_of(y); });

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

double RandomStream::exponential_ziggurat_edge(std::size_t i, double x) {
  const ZigguratTable& z = kExponentialZiggurat;
  for (;;) {
    if (i == 0) return z.x[1] - std::log(uniform());  // beyond r: r plus an exponential (memoryless)
    // Inside layer i's rectangle but not wholly under the curve: a uniform height decides.
    if (z.f[i] + (z.f[i + 1] - z.f[i]) * uniform() < std::exp(-x)) return x;
    const std::uint64_t bits = next_u64();
    i = bits & 0xff;
    x = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53 * z.x[i];
    if (x < z.x[i + 1]) return x;
  }
}

double RandomStream::normal_ziggurat_edge(std::size_t i, double x) {
  const ZigguratTable& z = kNormalZiggurat;
  for (;;) {
    if (i == 0) {  // beyond r: Marsaglia's tail method (1964), on the side x fell
      const double r = z.x[1];
      double t = 0.0, y = 0.0;
      do {
        t = -std::log(uniform()) / r;
        y = -std::log(uniform());
      } while (y + y < t * t);
      return x < 0.0 ? -(r + t) : r + t;
    }
    if (z.f[i] + (z.f[i + 1] - z.f[i]) * uniform() < normal_density(x)) return x;
    const std::uint64_t bits = next_u64();
    i = bits & 0xff;
    x = ((static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-52 - 1.0) * z.x[i];
    if (std::fabs(x) < z.x[i + 1]) return x;
  }
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
