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

}  // namespace bstp::tools
