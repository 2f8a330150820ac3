// Summaries of replicated results: means with 95% confidence intervals (Student t), and paired
// differences between policies that share random numbers (common random numbers).
#pragma once

#include <span>

namespace bstp::tools {

struct Interval {
  double mean = 0.0;
  double half_width = 0.0;  // 95% confidence half-width; NaN with fewer than 2 values
  int n = 0;                // finite values used
};

// Two-sided 95% quantile of Student's t with `df` degrees of freedom.
double student_t_975(int df);
// Mean and 95% interval of the finite values.
Interval mean_interval(std::span<const double> values);
// Mean and 95% interval of b[i] - a[i] over the pairs where both are finite.
Interval paired_difference(std::span<const double> a, std::span<const double> b);

// The ratio of two means measured on the same units (numerator[i] and denominator[i] from one
// replication pair), mean(numerator) / mean(denominator), with Fieller's 95% interval: the ratios
// R for which mean(numerator) - R mean(denominator) is not distinguishable from 0 by a t test with
// n - 1 degrees of freedom, which accounts for the covariance of the two. The interval is bounded
// only when the denominator's own 95% interval excludes 0; otherwise the ratio has no finite
// interval (Fieller's set is unbounded) and `denominator_clear` is false.
struct RatioInterval {
  double ratio = 0.0;
  double low = 0.0, high = 0.0;  // NaN unless denominator_clear
  Interval numerator, denominator;
  bool denominator_clear = false;
  int n = 0;  // pairs where both values are finite
};
RatioInterval fieller_ratio(std::span<const double> numerator, std::span<const double> denominator);

}  // namespace bstp::tools
