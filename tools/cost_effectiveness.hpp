// Incremental cost-effectiveness of each policy against the first (docs/model.md,
// "Incremental cost-effectiveness"): per replication pair (common random numbers), the extra
// programme cost and the extra effect, both discounted month by month, and the ratio of their
// means with Fieller's 95% interval. Effects: kg seized, kg less delivered, seizures, deaths
// averted. Also which policies went over budget.
#pragma once

#include "experiment/experiment_results.hpp"
#include "summary_statistics.hpp"

#include <string>
#include <vector>

namespace bstp::tools {

// How a later month weighs against the first, read from the results' scenario (`discounting`).
struct DiscountSettings {
  double rate_per_year = 0.0;
  double benefits_beyond_run_years = 0.0;
};
DiscountSettings discount_settings(const experiment::ExperimentResults& results);

// The weight of month m (0-based): (1 + rate)^(-m / 12).
double discount_weight(double rate_per_year, double month);

// What an effect is and which way is better.
struct EffectMeasure {
  const char* key;         // "kg_seized": quantity names icer_usd_per_<key>
  const char* per;         // "additional kg seized"
  const char* unit;        // "USD/kg"
  std::size_t indicator;   // the indicator measuring it
  double sign;             // +1: more is the effect; -1: less is
};
const std::vector<EffectMeasure>& effect_measures();

struct IcerRow {
  std::size_t point = 0;  // > 0: the policy compared with point 0
  const EffectMeasure* effect = nullptr;
  RatioInterval ratio;    // numerator: extra cost (USD); denominator: extra effect
};

struct CostEffectiveness {
  DiscountSettings discounting;
  std::vector<Interval> programme_cost;     // [point] discounted programme cost
  std::vector<IcerRow> rows;                // for each point > 0, each effect
  std::vector<int> over_budget;             // [point] replications over budget (-1: no budget in the file)
  std::vector<int> done;                    // [point] finished replications
};
CostEffectiveness cost_effectiveness(const experiment::ExperimentResults& results);

// The extra cost and effect of point p over point 0 in each replication pair (discounted).
std::vector<double> paired_cost_differences(const experiment::ExperimentResults& results, std::size_t p, const DiscountSettings& d);
std::vector<double> paired_effect_differences(const experiment::ExperimentResults& results, std::size_t p,
                                              const EffectMeasure& effect, const DiscountSettings& d);

// "12,300 USD/kg [9,800, 16,100]", or the plain reason there is no ratio.
std::string icer_text(const IcerRow& row);
// The same in three parts, for tables: the ratio ("12,300 USD/kg" or "n/a"), its interval
// ("[9,800, 16,100]" or ""), and what to say about it ("dominated: costs more, achieves less",
// "the effect is not distinguishable from zero", or "").
struct IcerParts {
  std::string ratio, interval, note;
};
IcerParts icer_parts(const IcerRow& row);

}  // namespace bstp::tools
