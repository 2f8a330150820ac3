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

}  // namespace bstp::tools
