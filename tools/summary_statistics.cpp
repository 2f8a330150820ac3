#include "summary_statistics.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace bstp::tools {

double student_t_975(int df) {
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  return boost::math::quantile(boost::math::students_t_distribution<double>(static_cast<double>(df)), 0.975);
}

Interval mean_interval(std::span<const double> values) {
  Interval r;
  double sum = 0.0;
  for (double v : values)
    if (std::isfinite(v)) sum += v, ++r.n;
  if (r.n == 0) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), 0};
  r.mean = sum / r.n;
  if (r.n < 2) {
    r.half_width = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  double squares = 0.0;
  for (double v : values)
    if (std::isfinite(v)) squares += (v - r.mean) * (v - r.mean);
  r.half_width = student_t_975(r.n - 1) * std::sqrt(squares / (r.n - 1) / r.n);
  return r;
}

Interval paired_difference(std::span<const double> a, std::span<const double> b) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (std::isfinite(a[i]) && std::isfinite(b[i])) d.push_back(b[i] - a[i]);
  return mean_interval(d);
}

RatioInterval fieller_ratio(std::span<const double> numerator, std::span<const double> denominator) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> a, b;
  for (std::size_t i = 0; i < numerator.size() && i < denominator.size(); ++i)
    if (std::isfinite(numerator[i]) && std::isfinite(denominator[i])) a.push_back(numerator[i]), b.push_back(denominator[i]);
  RatioInterval r;
  r.n = static_cast<int>(a.size());
  r.numerator = mean_interval(a);
  r.denominator = mean_interval(b);
  r.low = r.high = kNaN;
  r.ratio = r.n > 0 && r.denominator.mean != 0.0 ? r.numerator.mean / r.denominator.mean : kNaN;
  if (r.n < 2) return r;
  // Variances and covariance of the two means.
  double saa = 0.0, sbb = 0.0, sab = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double da = a[i] - r.numerator.mean, db = b[i] - r.denominator.mean;
    saa += da * da, sbb += db * db, sab += da * db;
  }
  const double scale = 1.0 / ((r.n - 1.0) * r.n);
  const double vaa = saa * scale, vbb = sbb * scale, vab = sab * scale;
  const double t = student_t_975(r.n - 1), t2 = t * t;
  // (mean_a - R mean_b)^2 <= t^2 (vaa - 2 R vab + R^2 vbb), a quadratic A R^2 - 2 B R + C <= 0.
  const double ma = r.numerator.mean, mb = r.denominator.mean;
  const double A = mb * mb - t2 * vbb, B = ma * mb - t2 * vab, C = ma * ma - t2 * vaa;
  r.denominator_clear = A > 0.0;  // |mean_b| > t se(mean_b): the denominator's interval excludes 0
  if (!r.denominator_clear) return r;
  const double root = std::sqrt(std::max(0.0, B * B - A * C));
  r.low = (B - root) / A;
  r.high = (B + root) / A;
  return r;
}

}  // namespace bstp::tools
