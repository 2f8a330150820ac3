// Random streams: reproducible from their StreamId, independent across ids, and each
// distribution has the right moments.
//
// Tolerances are derived from the sampling variance, not tuned: with n independent draws of a
// variable with variance s2, the sample mean has standard error sqrt(s2 / n) and the sample
// variance has standard error sqrt((mu4 - s2^2) / n) (mu4 the fourth central moment); a
// frequency p has standard error sqrt(p (1 - p) / n). Every check allows 5 standard errors
// (a false alarm probability of about 6e-7 per check for a correct generator); the seeds are
// fixed, so the outcome is deterministic anyway.
#include <bstp/random.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <set>
#include <stdexcept>
#include <vector>

namespace {

using bstp::RandomStream;
using bstp::StreamId;

constexpr int kSamples = 200'000;
constexpr double kSigmas = 5.0;

struct Moments {
  double mean = 0, variance = 0;
};

template <class Draw>
Moments moments(Draw draw, int n = kSamples) {
  // Welford's update: numerically stable for the variance.
  double mean = 0, m2 = 0;
  for (int i = 1; i <= n; ++i) {
    const double x = static_cast<double>(draw());
    const double d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return {mean, m2 / (n - 1)};
}

// |sample mean - mu| < 5 sigma / sqrt(n) and |sample variance - s2| < 5 sqrt((mu4 - s2^2) / n).
void expect_moments(const Moments& m, double mu, double s2, double mu4, int n = kSamples) {
  EXPECT_NEAR(m.mean, mu, kSigmas * std::sqrt(s2 / n)) << "mean";
  EXPECT_NEAR(m.variance, s2, kSigmas * std::sqrt((mu4 - s2 * s2) / n)) << "variance";
}

void expect_frequency(std::uint64_t hits, int n, double p) {
  EXPECT_NEAR(static_cast<double>(hits) / n, p, kSigmas * std::sqrt(p * (1 - p) / n)) << "frequency of p=" << p;
}

StreamId id(std::uint64_t seed, std::uint64_t replication, std::uint64_t entity, std::uint64_t stream) {
  return StreamId{seed, replication, entity, stream};
}

// ---------------------------------------------------------------------------------------------
// Reproducibility and independence.

TEST(RandomStreams, SameIdGivesTheSameSequence) {
  RandomStream a(id(42, 3, 17, 2)), b(id(42, 3, 17, 2));
  for (int i = 0; i < 10'000; ++i) ASSERT_EQ(a.next_u64(), b.next_u64()) << "at draw " << i;
}

TEST(RandomStreams, FirstDrawsArePinned) {
  // Guards against accidental changes of the seeding or the generator, which would silently
  // change every model's numbers (and break common random numbers with earlier results).
  RandomStream r(id(42, 0, 0, 0));
  EXPECT_EQ(r.next_u64(), 0xfbe876ddd54576efULL);
  EXPECT_EQ(r.next_u64(), 0x1e1fd45bbbb51dd3ULL);
  EXPECT_EQ(r.next_u64(), 0x40f082af067f244eULL);
  RandomStream defaulted;
  RandomStream zero(id(0, 0, 0, 0));
  EXPECT_EQ(defaulted.next_u64(), zero.next_u64());
}

double correlation(RandomStream a, RandomStream b, int n) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    const double x = a.uniform(), y = b.uniform();
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  return cov / std::sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
}

TEST(RandomStreams, NeighbouringIdsGiveDifferentUncorrelatedSequences) {
  // For independent streams the sample correlation of n pairs has standard error 1/sqrt(n).
  const StreamId base = id(42, 0, 0, 0);
  const std::vector<StreamId> others = {id(43, 0, 0, 0), id(42, 1, 0, 0), id(42, 0, 1, 0), id(42, 0, 0, 1),
                                        id(42, 0, 1, 1), id(42, 1, 1, 0), id(42, 0, 2, 0), id(42, 2, 0, 0)};
  constexpr int n = 100'000;
  for (const StreamId& other : others) {
    RandomStream a(base), b(other);
    int equal = 0;
    for (int i = 0; i < 1000; ++i) equal += a.next_u64() == b.next_u64();
    EXPECT_EQ(equal, 0);
    EXPECT_LT(std::fabs(correlation(RandomStream(base), RandomStream(other), n)), kSigmas / std::sqrt(n))
        << "seed " << other.seed << " rep " << other.replication << " entity " << other.entity << " stream "
        << other.stream;
  }
}

TEST(RandomStreams, ManyEntitiesHaveDistinctFirstDraws) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t e = 0; e < 20'000; ++e) firsts.insert(RandomStream(id(7, 0, e, 0)).next_u64());
  EXPECT_EQ(firsts.size(), 20'000u);
}

TEST(RandomStreams, LaggedDrawsOfOneStreamAreUncorrelated) {
  RandomStream r(id(5, 0, 0, 0));
  constexpr int n = 100'000;
  double prev = r.uniform(), s = 0, ss = 0, sp = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.uniform();
    s += x;
    ss += x * x;
    sp += x * prev;
    prev = x;
  }
  const double mean = s / n, var = ss / n - mean * mean;
  EXPECT_LT(std::fabs((sp / n - mean * mean) / var), kSigmas / std::sqrt(n));
}

// ---------------------------------------------------------------------------------------------
// Distributions.

TEST(Distributions, UniformIsOnTheOpenUnitIntervalWithMeanHalfAndVarianceTwelfth) {
  RandomStream r(id(1, 0, 0, 0));
  double lo = 1, hi = 0;
  const Moments m = moments([&] {
    const double u = r.uniform();
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    return u;
  });
  EXPECT_GT(lo, 0.0);
  EXPECT_LT(hi, 1.0);
  expect_moments(m, 0.5, 1.0 / 12, 1.0 / 80);  // uniform: mu4 = 1/80
}

TEST(Distributions, UniformOnAnIntervalScalesAndShifts) {
  RandomStream r(id(1, 0, 0, 1));
  const double a = -3, b = 5, w = b - a;
  const Moments m = moments([&] {
    const double x = r.uniform(a, b);
    EXPECT_TRUE(x >= a && x < b);
    return x;
  });
  expect_moments(m, (a + b) / 2, w * w / 12, std::pow(w, 4) / 80);
}

TEST(Distributions, ExponentialHasMeanAndVarianceOfItsMean) {
  RandomStream r(id(2, 0, 0, 0));
  const double mean = 2.5;
  const Moments m = moments([&] { return r.exponential(mean); });
  expect_moments(m, mean, mean * mean, 9 * std::pow(mean, 4));  // exponential: mu4 = 9 m^4
}

TEST(Distributions, NormalHasItsMeanAndStandardDeviation) {
  RandomStream r(id(3, 0, 0, 0));
  const double mu = -1.5, sd = 3.0;
  const Moments m = moments([&] { return r.normal(mu, sd); });
  expect_moments(m, mu, sd * sd, 3 * std::pow(sd, 4));  // normal: mu4 = 3 sd^4
  RandomStream s(id(3, 0, 0, 1));
  const Moments standard = moments([&] { return s.normal(); });
  expect_moments(standard, 0, 1, 3);
}

TEST(Distributions, LognormalHasTheRequestedMeanAndItsLogIsNormal) {
  const double mean = 10.0, sd = 4.0;
  const double sigma2 = std::log1p(sd * sd / (mean * mean)), mu = std::log(mean) - sigma2 / 2;
  RandomStream r(id(4, 0, 0, 0));
  const Moments m = moments([&] { return r.lognormal_mean_sd(mean, sd); });
  EXPECT_NEAR(m.mean, mean, kSigmas * sd / std::sqrt(kSamples));
  // The variance of a lognormal has a heavy fourth moment; check it on the log scale instead.
  RandomStream l(id(4, 0, 0, 0));
  const Moments logs = moments([&] { return std::log(l.lognormal_mean_sd(mean, sd)); });
  expect_moments(logs, mu, sigma2, 3 * sigma2 * sigma2);
  RandomStream bad(id(4, 0, 0, 1));
  EXPECT_THROW(bad.lognormal_mean_sd(0.0, 1.0), std::invalid_argument);
}

void check_poisson(double lambda, std::uint64_t seed) {
  SCOPED_TRACE(::testing::Message() << "poisson mean " << lambda);
  RandomStream r(id(seed, 0, 0, 0));
  const auto mode = static_cast<std::uint64_t>(std::floor(lambda));
  std::uint64_t at_mode = 0;
  const Moments m = moments([&] {
    const std::uint64_t k = r.poisson(lambda);
    at_mode += k == mode;
    return k;
  });
  // Poisson: variance lambda, fourth central moment lambda (1 + 3 lambda).
  expect_moments(m, lambda, lambda, lambda * (1 + 3 * lambda));
  const double p_mode = std::exp(-lambda + static_cast<double>(mode) * std::log(lambda) -
                                 std::lgamma(static_cast<double>(mode) + 1));
  expect_frequency(at_mode, kSamples, p_mode);
}

TEST(Distributions, PoissonWithSmallMeanHasMeanEqualToVariance) {
  check_poisson(0.3, 5);
  check_poisson(3.5, 6);
  check_poisson(29.0, 7);
}

TEST(Distributions, PoissonWithLargeMeanUsesPtrsAndHasMeanEqualToVariance) {
  check_poisson(30.5, 8);
  check_poisson(100.0, 9);
  check_poisson(2500.0, 10);
}

TEST(Distributions, PoissonEdgeCases) {
  RandomStream r(id(11, 0, 0, 0));
  EXPECT_EQ(r.poisson(0.0), 0u);
  EXPECT_THROW(r.poisson(-1.0), std::invalid_argument);
}

TEST(Distributions, BernoulliHitsWithItsProbability) {
  for (double p : {0.0, 0.03, 0.5, 0.9, 1.0}) {
    RandomStream r(id(12, 0, 0, static_cast<std::uint64_t>(p * 100)));
    std::uint64_t hits = 0;
    for (int i = 0; i < kSamples; ++i) hits += r.bernoulli(p);
    if (p == 0.0 || p == 1.0)
      EXPECT_EQ(hits, static_cast<std::uint64_t>(p * kSamples));
    else
      expect_frequency(hits, kSamples, p);
  }
}

TEST(Distributions, DiscreteChoosesInProportionToWeightsAndNeverAZeroWeight) {
  const std::array<double, 5> weights = {1.0, 0.0, 2.0, 3.0, 4.0};
  RandomStream r(id(13, 0, 0, 0));
  std::array<std::uint64_t, 5> counts{};
  for (int i = 0; i < kSamples; ++i) ++counts.at(r.discrete(weights));
  EXPECT_EQ(counts[1], 0u);
  for (std::size_t i = 0; i < weights.size(); ++i) expect_frequency(counts[i], kSamples, weights[i] / 10.0);
  const std::array<double, 2> zero = {0.0, 0.0};
  EXPECT_THROW(r.discrete(zero), std::invalid_argument);
  const std::array<double, 2> negative = {1.0, -0.5};
  EXPECT_THROW(r.discrete(negative), std::invalid_argument);
}

TEST(Distributions, BelowIsUniformOverItsRange) {
  RandomStream r(id(14, 0, 0, 0));
  constexpr std::uint64_t n = 7;
  std::array<std::uint64_t, n> counts{};
  for (int i = 0; i < kSamples; ++i) {
    const std::uint64_t k = r.below(n);
    ASSERT_LT(k, n);
    ++counts[k];
  }
  for (std::uint64_t c : counts) expect_frequency(c, kSamples, 1.0 / n);
  // A huge range: discrete uniform on [0, N) has mean (N-1)/2 and variance (N^2-1)/12 ~ N^2/12.
  const double big = 1e15;
  const Moments m = moments([&] { return r.below(static_cast<std::uint64_t>(big)); });
  expect_moments(m, (big - 1) / 2, big * big / 12, std::pow(big, 4) / 80);
  EXPECT_EQ(r.below(1), 0u);
  EXPECT_THROW(r.below(0), std::invalid_argument);
}

// The ziggurat tables (computed at compile time by the project's own exp, log and sqrt) agree with
// the library's functions, and their 256 layers have the same area: the base layer's x[0] f(r)
// = v, layer i's x[i] (f[i+1] - f[i]) = v, up to the top one, which must close at f = 1.
void check_ziggurat_table(const bstp::ZigguratTable& z, double (*density)(double), double tail_area) {
  const double v = z.x[0] * z.f[1];
  EXPECT_NEAR(v, z.x[1] * z.f[1] + tail_area, 1e-15) << "the base layer holds the tail";
  for (int i = 0; i <= 256; ++i) {
    EXPECT_NEAR(z.f[i], density(z.x[i]), 1e-15 * density(z.x[i])) << "f at layer " << i;
    if (i >= 1 && i < 256) {
      EXPECT_LT(z.x[i + 1], z.x[i]) << i;
      EXPECT_NEAR(z.x[i] * (z.f[i + 1] - z.f[i]), v, 1e-12 * v) << "area of layer " << i;
    }
  }
  EXPECT_EQ(z.x[256], 0.0);
  EXPECT_EQ(z.f[256], 1.0);
}

TEST(Ziggurat, TablesHaveLayersOfEqualAreaUnderTheirDensity) {
  const double r_normal = bstp::kNormalZiggurat.x[1], r_exponential = bstp::kExponentialZiggurat.x[1];
  check_ziggurat_table(bstp::kNormalZiggurat, [](double x) { return std::exp(-0.5 * x * x); },
                       std::sqrt(std::numbers::pi / 2) * std::erfc(r_normal / std::numbers::sqrt2));
  check_ziggurat_table(bstp::kExponentialZiggurat, [](double x) { return std::exp(-x); }, std::exp(-r_exponential));
}

TEST(Ziggurat, ExponentialHasMeanAndVarianceOfItsMean) {
  RandomStream r(id(15, 0, 0, 0));
  const double mean = 2.5;
  const Moments m = moments([&] { return r.exponential_ziggurat(mean); });
  expect_moments(m, mean, mean * mean, 9 * std::pow(mean, 4));
}

TEST(Ziggurat, NormalHasItsMeanAndStandardDeviation) {
  RandomStream r(id(16, 0, 0, 0));
  const double mu = -1.5, sd = 3.0;
  const Moments m = moments([&] { return r.normal_ziggurat(mu, sd); });
  expect_moments(m, mu, sd * sd, 3 * std::pow(sd, 4));
  // Lognormal: its log is that normal.
  RandomStream l(id(16, 0, 0, 0));
  const Moments logs = moments([&] { return std::log(l.lognormal_ziggurat(mu, sd)); });
  expect_moments(logs, mu, sd * sd, 3 * std::pow(sd, 4));
}

// Kolmogorov-Smirnov against the distribution function, on a million draws: sqrt(n) D exceeds t
// with probability about 2 exp(-2 t^2), 6e-7 for t = 2.74 (the 5 sigmas of the other checks). The
// draws beyond the tail's start r, and those in the top layer (below x[255]), are counted too:
// the ziggurat reaches them by its rarer paths.
template <class Draw, class Cdf>
void check_ziggurat_distribution(Draw draw, Cdf cdf, const bstp::ZigguratTable& z, bool symmetric) {
  constexpr int n = 1'000'000;
  std::vector<double> xs(n);
  std::uint64_t beyond_r = 0, top_layer = 0;
  for (double& x : xs) {
    x = draw();
    const double size = symmetric ? std::fabs(x) : x;
    beyond_r += size > z.x[1];
    top_layer += size < z.x[255];
  }
  std::sort(xs.begin(), xs.end());
  double d = 0.0;
  for (int i = 0; i < n; ++i) {
    const double f = cdf(xs[static_cast<std::size_t>(i)]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  EXPECT_LT(std::sqrt(static_cast<double>(n)) * d, 2.74) << "Kolmogorov-Smirnov";
  const double p_beyond = symmetric ? 2 * (1 - cdf(z.x[1])) : 1 - cdf(z.x[1]);
  const double p_top = symmetric ? 2 * cdf(z.x[255]) - 1 : cdf(z.x[255]);
  expect_frequency(beyond_r, n, p_beyond);
  expect_frequency(top_layer, n, p_top);
}

TEST(Ziggurat, StandardNormalPassesKolmogorovSmirnovAndReachesItsTail) {
  RandomStream r(id(17, 0, 0, 0));
  check_ziggurat_distribution([&] { return r.normal_ziggurat(0.0, 1.0); },
                              [](double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }, bstp::kNormalZiggurat, true);
}

TEST(Ziggurat, StandardExponentialPassesKolmogorovSmirnovAndReachesItsTail) {
  RandomStream r(id(18, 0, 0, 0));
  check_ziggurat_distribution([&] { return r.exponential_ziggurat(1.0); }, [](double x) { return -std::expm1(-x); },
                              bstp::kExponentialZiggurat, false);
}

TEST(Hashing, MixAndCombineAreDeterministicAndSpreadBits) {
  EXPECT_EQ(bstp::mix64(12345), bstp::mix64(12345));
  EXPECT_NE(bstp::mix64(1), bstp::mix64(2));
  EXPECT_NE(bstp::hash_combine(1, 2), bstp::hash_combine(2, 1));
  // Flipping one input bit flips about half the output bits (binomial(64, 1/2): sd 4 bits).
  for (int bit = 0; bit < 64; ++bit) {
    const int flipped = __builtin_popcountll(bstp::mix64(0x1234567887654321ULL) ^
                                             bstp::mix64(0x1234567887654321ULL ^ (std::uint64_t{1} << bit)));
    EXPECT_NEAR(flipped, 32, kSigmas * 4) << "bit " << bit;
  }
}

}  // namespace
