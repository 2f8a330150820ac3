#include "cost_effectiveness.hpp"

#include "number_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bstp::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using border::Indicator;
using experiment::ExperimentResults;

constexpr std::size_t index_of(Indicator i) { return static_cast<std::size_t>(i); }

// A replication's discounted sum of one indicator's monthly series (NaN when it is missing).
double discounted_total(const border::ReplicationResult& rep, std::size_t k, double rate) {
  if (!experiment::is_done(rep) || k >= rep.monthly.size() || rep.monthly[k].empty()) return kNaN;
  double sum = 0.0;
  for (std::size_t m = 0; m < rep.monthly[k].size(); ++m) sum += rep.monthly[k][m] * discount_weight(rate, static_cast<double>(m));
  return sum;
}

// The mean monthly value of the last year of the run (or all of it when shorter).
double last_year_mean(const border::ReplicationResult& rep, std::size_t k) {
  const std::vector<double>& series = rep.monthly[k];
  const std::size_t from = series.size() > 12 ? series.size() - 12 : 0;
  double sum = 0.0;
  for (std::size_t m = from; m < series.size(); ++m) sum += series[m];
  return series.size() > from ? sum / static_cast<double>(series.size() - from) : kNaN;
}

double read_number(const YAML::Node& root, const char* section, const char* key) {
  const YAML::Node n = root[section] ? root[section][key] : YAML::Node();
  if (!n || !n.IsScalar()) return 0.0;
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    return 0.0;
  }
}

}  // namespace

double discount_weight(double rate_per_year, double month) { return std::pow(1.0 + rate_per_year, -month / 12.0); }

DiscountSettings discount_settings(const ExperimentResults& results) {
  DiscountSettings d;
  try {
    const YAML::Node root = YAML::Load(results.scenario_text);
    if (!root.IsMap()) return d;
    d.rate_per_year = read_number(root, "discounting", "rate_per_year");
    d.benefits_beyond_run_years = read_number(root, "discounting", "benefits_beyond_run_years");
  } catch (const YAML::Exception&) {
  }
  return d;
}

const std::vector<EffectMeasure>& effect_measures() {
  static const std::vector<EffectMeasure> measures{
      {"kg_seized", "additional kg seized", "USD/kg", index_of(Indicator::seized_kg), 1.0},
      {"kg_less_delivered", "kg less delivered", "USD/kg", index_of(Indicator::delivered_kg), -1.0},
      {"seizure", "additional seizure", "USD/seizure", index_of(Indicator::seizures), 1.0},
      {"death_averted", "death averted", "USD/death", index_of(Indicator::deaths), -1.0},
  };
  return measures;
}

std::vector<double> paired_cost_differences(const ExperimentResults& results, std::size_t p, const DiscountSettings& d) {
  std::vector<double> diff;
  const std::size_t k = index_of(Indicator::programme_cost_usd);
  for (std::size_t r = 0; r < results.values[p].size(); ++r)
    diff.push_back(discounted_total(results.values[p][r], k, d.rate_per_year) -
                   discounted_total(results.values[0][r], k, d.rate_per_year));
  return diff;
}

std::vector<double> paired_effect_differences(const ExperimentResults& results, std::size_t p, const EffectMeasure& effect,
                                              const DiscountSettings& d) {
  // Benefits after the run: the last year's monthly difference, for benefits_beyond_run_years more.
  const auto months_after = static_cast<int>(std::lround(12.0 * d.benefits_beyond_run_years));
  std::vector<double> diff;
  for (std::size_t r = 0; r < results.values[p].size(); ++r) {
    const auto& a = results.values[0][r];
    const auto& b = results.values[p][r];
    double v = discounted_total(b, effect.indicator, d.rate_per_year) - discounted_total(a, effect.indicator, d.rate_per_year);
    if (std::isfinite(v) && months_after > 0) {
      const double tail = last_year_mean(b, effect.indicator) - last_year_mean(a, effect.indicator);
      double weight = 0.0;
      const auto months = static_cast<double>(b.monthly[effect.indicator].size());
      for (int j = 0; j < months_after; ++j) weight += discount_weight(d.rate_per_year, months + j);
      v += tail * weight;
    }
    diff.push_back(effect.sign * v);
  }
  return diff;
}

CostEffectiveness cost_effectiveness(const ExperimentResults& results) {
  CostEffectiveness ce;
  ce.discounting = discount_settings(results);
  const std::size_t k_cost = index_of(Indicator::programme_cost_usd), k_over = index_of(Indicator::over_budget);
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    std::vector<double> cost;
    int over = 0, done = 0;
    bool budgeted = false;
    for (const auto& rep : results.values[p]) {
      cost.push_back(discounted_total(rep, k_cost, ce.discounting.rate_per_year));
      if (!experiment::is_done(rep)) continue;
      ++done;
      const double flag = k_over < rep.totals.size() ? rep.totals[k_over] : kNaN;
      budgeted = budgeted || std::isfinite(flag);
      over += flag > 0.5 ? 1 : 0;
    }
    ce.programme_cost.push_back(mean_interval(cost));
    ce.over_budget.push_back(budgeted ? over : -1);
    ce.done.push_back(done);
  }
  for (std::size_t p = 1; p < results.points.size(); ++p) {
    const std::vector<double> cost = paired_cost_differences(results, p, ce.discounting);
    for (const EffectMeasure& effect : effect_measures())
      ce.rows.push_back({p, &effect, fieller_ratio(cost, paired_effect_differences(results, p, effect, ce.discounting))});
  }
  return ce;
}

IcerParts icer_parts(const IcerRow& row) {
  const RatioInterval& r = row.ratio;
  if (r.n < 2 || !std::isfinite(r.denominator.mean)) return {"n/a", "", ""};
  if (!r.denominator_clear) return {"n/a", "", "the effect is not distinguishable from zero"};
  IcerParts parts{fmt::format("{} {}", format_value(r.ratio), row.effect->unit),
                  fmt::format("[{}, {}]", format_value(r.low), format_value(r.high)), ""};
  const double cost = r.numerator.mean, effect = r.denominator.mean;
  if (cost > 0 && effect < 0) parts.note = "dominated: costs more, achieves less";
  if (cost < 0 && effect > 0) parts.note = "dominant: costs less, achieves more";
  if (cost < 0 && effect < 0) parts.note = "saves money, achieves less";
  return parts;
}

std::string icer_text(const IcerRow& row) {
  const IcerParts parts = icer_parts(row);
  std::string text = parts.ratio;
  if (!parts.interval.empty()) text += " " + parts.interval;
  if (!parts.note.empty()) text += (parts.ratio == "n/a" ? ": " : " (") + parts.note + (parts.ratio == "n/a" ? "" : ")");
  return text;
}

}  // namespace bstp::tools
