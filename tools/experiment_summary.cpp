#include "experiment_summary.hpp"

#include "summary_statistics.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

using border::indicator_catalog;

std::vector<double> column(const experiment::ExperimentResults& results, std::size_t point, std::size_t indicator) {
  std::vector<double> v;
  for (const auto& rep : results.values[point])
    v.push_back(experiment::is_done(rep) ? rep.totals[indicator] : std::nan(""));
  return v;
}

std::string plus_minus(const Interval& i) {
  auto num = [](double x) {
    if (!std::isfinite(x)) return std::string("n/a");
    const double a = std::fabs(x);
    if (a >= 1e6) return fmt::format("{:.4g}", x);
    if (a >= 100) return fmt::format("{:.0f}", x);
    if (a >= 1) return fmt::format("{:.2f}", x);
    return fmt::format("{:.4f}", x);
  };
  if (!std::isfinite(i.mean)) return "n/a";
  if (!std::isfinite(i.half_width)) return num(i.mean);
  return num(i.mean) + " ± " + num(i.half_width);
}

// One row per indicator, one column per point (and per difference): for people.
Table wide_summary(const experiment::ExperimentResults& results) {
  Table t;
  t.title = fmt::format("Indicators: mean ± 95% CI over {} replications; differences paired with '{}'", results.replications,
                        results.points.front().name);
  t.columns = {"indicator", "unit"};
  for (const auto& p : results.points) t.columns.push_back(p.name);
  for (std::size_t p = 1; p < results.points.size(); ++p) t.columns.push_back(results.points[p].name + " - " + results.points[0].name);
  for (const auto& info : indicator_catalog()) {
    const auto i = static_cast<std::size_t>(info.id);
    std::vector<Cell> row{std::string(info.name), std::string(info.unit)};
    const std::vector<double> first = column(results, 0, i);
    for (std::size_t p = 0; p < results.points.size(); ++p) row.emplace_back(plus_minus(mean_interval(column(results, p, i))));
    for (std::size_t p = 1; p < results.points.size(); ++p)
      row.emplace_back(plus_minus(paired_difference(first, column(results, p, i))));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// One row per (indicator, point): for scripts.
Table long_summary(const experiment::ExperimentResults& results) {
  Table t;
  t.title = "summary";
  t.columns = {"indicator", "unit", "point", "n", "mean", "ci95_low", "ci95_high", "diff_vs_first", "diff_ci95_low", "diff_ci95_high"};
  for (const auto& info : indicator_catalog()) {
    const auto i = static_cast<std::size_t>(info.id);
    const std::vector<double> first = column(results, 0, i);
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      const std::vector<double> values = column(results, p, i);
      const Interval m = mean_interval(values);
      const Interval d = paired_difference(first, values);
      t.rows.push_back({std::string(info.name), std::string(info.unit), results.points[p].name, std::int64_t{m.n}, m.mean,
                        m.mean - m.half_width, m.mean + m.half_width, d.mean, d.mean - d.half_width, d.mean + d.half_width});
    }
  }
  return t;
}

Table crossing_flow(const experiment::ExperimentResults& results, const std::vector<std::string>& crossings) {
  Table t;
  t.title = "crossings";
  t.columns = {"crossing"};
  for (const auto& p : results.points) {
    t.columns.push_back(p.name + " kg");
    t.columns.push_back(p.name + " share");
  }
  std::vector<std::vector<double>> mean_kg(results.points.size(), std::vector<double>(crossings.size(), 0.0));
  std::vector<double> total(results.points.size(), 0.0);
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    int n = 0;
    for (const auto& rep : results.values[p]) {
      if (!experiment::is_done(rep)) continue;
      ++n;
      for (std::size_t c = 0; c < crossings.size() && c < rep.crossing_kg.size(); ++c) mean_kg[p][c] += rep.crossing_kg[c];
    }
    for (double& kg : mean_kg[p]) {
      kg = n ? kg / n : 0.0;
      total[p] += kg;
    }
  }
  for (std::size_t c = 0; c < crossings.size(); ++c) {
    std::vector<Cell> row{crossings[c]};
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      row.emplace_back(mean_kg[p][c]);
      row.emplace_back(total[p] > 0 ? mean_kg[p][c] / total[p] : 0.0);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::vector<Table> summarise(const experiment::ExperimentResults& results, const std::vector<std::string>& crossings, Format format) {
  std::vector<Table> tables;
  tables.push_back(format == Format::text ? wide_summary(results) : long_summary(results));
  Table flow = crossing_flow(results, crossings);
  if (format == Format::text) flow.title = "Mean kg through each border crossing, and its share of all crossing kg";
  tables.push_back(std::move(flow));
  return tables;
}

}  // namespace bstp::tools
