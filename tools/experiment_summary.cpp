#include "experiment_summary.hpp"

#include "cost_effectiveness.hpp"

#include "experiment/results_layout.hpp"
#include "number_format.hpp"
#include "summary_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace bstp::tools {
namespace {

using border::indicator_catalog;
using experiment::ExperimentResults;
using Json = nlohmann::ordered_json;

// The indicators `bstp sweep` shows as text (the file has them all).
constexpr border::Indicator kSweepHeadline[] = {
    border::Indicator::seizures,          border::Indicator::seized_kg,         border::Indicator::interdiction_rate,
    border::Indicator::trafficker_profit_usd, border::Indicator::programme_cost_usd,
    border::Indicator::mean_crossing_delay_hours};

std::vector<double> indicator_values(const ExperimentResults& results, std::size_t point, std::size_t indicator) {
  std::vector<double> v;
  for (const auto& rep : results.values[point]) v.push_back(experiment::is_done(rep) ? rep.totals[indicator] : std::nan(""));
  return v;
}

// A per-crossing quantity of a replication: the kg through each crossing, or the seizures or
// seized kg at it.
using CrossingQuantity = std::vector<double> border::ReplicationResult::*;

std::vector<double> crossing_values(const ExperimentResults& results, std::size_t point, std::size_t crossing,
                                    CrossingQuantity quantity) {
  std::vector<double> v;
  for (const auto& rep : results.values[point]) {
    const std::vector<double>& values = rep.*quantity;
    v.push_back(experiment::is_done(rep) && crossing < values.size() ? values[crossing] : std::nan(""));
  }
  return v;
}

// Measure k of entry i (a patrol unit or an organisation) of each replication of a point (NaN
// where a result has none).
using MeasureRows = std::vector<std::vector<double>> border::ReplicationResult::*;

std::vector<double> measure_values(const ExperimentResults& results, std::size_t point, MeasureRows rows, std::size_t k,
                                   std::size_t i) {
  std::vector<double> v;
  for (const auto& rep : results.values[point]) {
    const auto& all = rep.*rows;
    v.push_back(experiment::is_done(rep) && k < all.size() && i < all[k].size() ? all[k][i] : std::nan(""));
  }
  return v;
}

// One summarised quantity (an indicator or a crossing's kg) at one design point.
struct Row {
  Interval mean;
  Interval diff;  // paired with the first point
};

Row summarise(const std::vector<double>& first, const std::vector<double>& values) {
  return {mean_interval(values), paired_difference(first, values)};
}

// rows[q][p] for the catalogue's indicators.
std::vector<std::vector<Row>> indicator_rows(const ExperimentResults& results) {
  std::vector<std::vector<Row>> rows;
  for (const auto& info : indicator_catalog()) {
    const auto k = static_cast<std::size_t>(info.id);
    const std::vector<double> first = indicator_values(results, 0, k);
    std::vector<Row> per_point;
    for (std::size_t p = 0; p < results.points.size(); ++p) per_point.push_back(summarise(first, indicator_values(results, p, k)));
    rows.push_back(std::move(per_point));
  }
  return rows;
}

// rows[x][p] for the crossings: by default their kg.
std::vector<std::vector<Row>> crossing_rows(const ExperimentResults& results,
                                            CrossingQuantity quantity = &border::ReplicationResult::crossing_kg) {
  std::vector<std::vector<Row>> rows;
  for (std::size_t x = 0; x < results.crossings.size(); ++x) {
    const std::vector<double> first = crossing_values(results, 0, x, quantity);
    std::vector<Row> per_point;
    for (std::size_t p = 0; p < results.points.size(); ++p)
      per_point.push_back(summarise(first, crossing_values(results, p, x, quantity)));
    rows.push_back(std::move(per_point));
  }
  return rows;
}

// rows[i][p] of measure k for the units or organisations (n of them).
std::vector<std::vector<Row>> measure_rows(const ExperimentResults& results, MeasureRows rows, std::size_t k, std::size_t n) {
  std::vector<std::vector<Row>> out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<double> first = measure_values(results, 0, rows, k, i);
    std::vector<Row> per_point;
    for (std::size_t p = 0; p < results.points.size(); ++p)
      per_point.push_back(summarise(first, measure_values(results, p, rows, k, i)));
    out.push_back(std::move(per_point));
  }
  return out;
}

// The per-unit and per-organisation measures: where ReplicationResult holds them, their names
// and how many entries the results have.
struct MeasureGroup {
  const char* prefix;  // of the quantity's name: "unit_" or "organisation_"
  MeasureRows rows;
  std::span<const border::MeasureInfo> measures;
  const std::vector<std::string>& names;
};

std::vector<MeasureGroup> measure_groups(const ExperimentResults& results) {
  return {{"unit_", &border::ReplicationResult::by_unit, border::unit_measures(), results.units},
          {"organisation_", &border::ReplicationResult::by_organisation, border::organisation_measures(), results.organisations}};
}

// Whether any crossing has a value (results read from a file written before the seizures at
// crossings have none).
bool any_value(const std::vector<std::vector<Row>>& rows) {
  for (const auto& row : rows)
    for (const Row& r : row)
      if (std::isfinite(r.mean.mean)) return true;
  return false;
}

std::vector<double> crossing_totals(const std::vector<std::vector<Row>>& rows, std::size_t points) {
  std::vector<double> total(points, 0.0);
  for (const auto& row : rows)
    for (std::size_t p = 0; p < points; ++p)
      if (std::isfinite(row[p].mean.mean)) total[p] += row[p].mean.mean;
  return total;
}

double share_of(double kg, double total) { return total > 0 && std::isfinite(kg) ? kg / total : std::nan(""); }

// The organisations' mean shipments, seizures and delivered kg, and the busiest patrol units (the
// most detections at the first point): their mean detections and seizures. None for results
// read from a file written before them.
std::vector<Table> unit_and_organisation_tables(const ExperimentResults& results) {
  std::vector<Table> tables;
  auto measure = [&](border::OrganisationMeasure m) {
    return measure_rows(results, &border::ReplicationResult::by_organisation, static_cast<std::size_t>(m), results.organisations.size());
  };
  const auto shipments = measure(border::OrganisationMeasure::shipments);
  if (any_value(shipments)) {
    const auto seizures = measure(border::OrganisationMeasure::seizures);
    const auto delivered = measure(border::OrganisationMeasure::delivered_kg);
    Table t;
    t.title = "Mean shipments of each organisation, its seizures and its kg delivered";
    t.columns = {"organisation"};
    for (const auto& p : results.points) {
      t.columns.push_back(p.name + " shipments");
      t.columns.push_back("seizures");
      t.columns.push_back("kg delivered");
    }
    for (std::size_t o = 0; o < results.organisations.size(); ++o) {
      std::vector<Cell> row{results.organisations[o]};
      for (std::size_t p = 0; p < results.points.size(); ++p)
        for (const auto* rows : {&shipments, &seizures, &delivered}) row.emplace_back(format_value((*rows)[o][p].mean.mean));
      t.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(t));
  }
  auto unit_measure = [&](border::UnitMeasure m) {
    return measure_rows(results, &border::ReplicationResult::by_unit, static_cast<std::size_t>(m), results.units.size());
  };
  const auto detections = unit_measure(border::UnitMeasure::detections);
  if (any_value(detections)) {
    const auto seizures = unit_measure(border::UnitMeasure::seizures);
    constexpr std::size_t kBusiest = 5;
    std::vector<std::size_t> order(results.units.size());
    for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
    auto mean = [&](std::size_t u) { return std::isfinite(detections[u][0].mean.mean) ? detections[u][0].mean.mean : -1.0; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mean(a) > mean(b); });
    order.resize(std::min(order.size(), kBusiest));
    Table t;
    t.title = fmt::format("The {} patrol units with the most detections (mean detections and seizures after them; all "
                          "units in --format csv or json)",
                          order.size());
    t.columns = {"patrol unit"};
    for (const auto& p : results.points) {
      t.columns.push_back(p.name + " detections");
      t.columns.push_back("seizures");
    }
    for (const std::size_t u : order) {
      std::vector<Cell> row{results.units[u]};
      for (std::size_t p = 0; p < results.points.size(); ++p) {
        row.emplace_back(format_value(detections[u][p].mean.mean));
        row.emplace_back(format_value(seizures[u][p].mean.mean));
      }
      t.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

// "+1,200 ± 300 *": a difference, starred when its interval excludes 0.
std::string difference_text(const Interval& d) {
  if (!std::isfinite(d.mean)) return "n/a";
  std::string s = format_estimate(d.mean, d.half_width);
  const std::string shown_mean = s.substr(0, s.find(' '));
  if (s.front() != '-' && shown_mean.find_first_not_of("0.,") != std::string::npos) s = "+" + s;
  const bool clear = std::isfinite(d.half_width) && std::fabs(d.mean) > d.half_width;
  return s + (clear ? " *" : "");
}

std::vector<std::string> parameter_paths(const ExperimentResults& results) {
  std::vector<std::string> paths;
  for (const auto& point : results.points)
    for (const auto& entry : point.parameters)
      if (std::find(paths.begin(), paths.end(), entry.first) == paths.end()) paths.push_back(entry.first);
  return paths;
}

double parameter_value(const experiment::DesignPoint& point, const std::string& path) {
  for (const auto& [key, value] : point.parameters)
    if (key == path) return value;
  return std::nan("");
}

// The scenario's `scenario.name` (a document with `name` at its root: that one).
std::string scenario_name(const ExperimentResults& results) {
  try {
    const YAML::Node root = YAML::Load(results.scenario_text);
    const YAML::Node section = root["scenario"];
    const YAML::Node name = section && section.IsMap() && section["name"] ? section["name"] : root["name"];
    if (name && name.IsScalar()) return name.as<std::string>();
  } catch (const YAML::Exception&) {
  }
  return "";
}

// ---- text ----

std::string discount_note(const DiscountSettings& d) {
  std::string note = d.rate_per_year > 0 ? fmt::format("discounted at {:g}% a year", 100.0 * d.rate_per_year)
                                         : std::string("undiscounted");
  if (d.benefits_beyond_run_years > 0)
    note += fmt::format("; effects credited {:g} years beyond the run at the last year's rate", d.benefits_beyond_run_years);
  return note;
}

// A cost's mean and interval; a half-width that is only rounding noise in sums of equal charges
// (below a billionth of the mean) shows as 0.
std::string cost_estimate(const Interval& i) {
  return format_estimate(i.mean, std::fabs(i.half_width) < 1e-9 * std::fabs(i.mean) ? 0.0 : i.half_width);
}

// The cost block: programme cost by lever, and the incremental cost-effectiveness against the
// first policy.
std::vector<Table> cost_tables(const ExperimentResults& results) {
  const CostEffectiveness ce = cost_effectiveness(results);
  const std::string& first = results.points.front().name;
  Table levers;
  levers.title = fmt::format("Programme cost by lever (USD): mean ± 95% interval; the total also {}", discount_note(ce.discounting));
  levers.columns = {"lever"};
  for (const auto& p : results.points) levers.columns.push_back(p.name);
  const auto rows = indicator_rows(results);
  for (border::Indicator part : border::programme_cost_parts()) {
    std::vector<Cell> row{std::string(border::info(part).name)};
    for (std::size_t p = 0; p < results.points.size(); ++p)
      row.emplace_back(cost_estimate(rows[static_cast<std::size_t>(part)][p].mean));
    levers.rows.push_back(std::move(row));
  }
  {
    const auto k = static_cast<std::size_t>(border::Indicator::programme_cost_usd);
    std::vector<Cell> total{std::string("programme_cost_usd")}, discounted{std::string("programme_cost_usd, discounted")};
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      total.emplace_back(cost_estimate(rows[k][p].mean));
      discounted.emplace_back(cost_estimate(ce.programme_cost[p]));
    }
    levers.rows.push_back(std::move(total));
    levers.rows.push_back(std::move(discounted));
  }
  if (std::any_of(ce.over_budget.begin(), ce.over_budget.end(), [](int n) { return n >= 0; })) {
    std::vector<Cell> row{std::string("over budget (replications)")};
    for (std::size_t p = 0; p < results.points.size(); ++p)
      row.emplace_back(ce.over_budget[p] < 0 ? std::string("n/a") : fmt::format("{} of {}", ce.over_budget[p], ce.done[p]));
    levers.rows.push_back(std::move(row));
  }
  std::vector<Table> tables{std::move(levers)};
  if (ce.rows.empty()) return tables;
  Table icer;
  icer.title = fmt::format(
      "Incremental cost-effectiveness against '{}' (paired replications, {}): extra cost / extra effect, "
      "95% Fieller interval; n/a when the extra effect is not distinguishable from zero",
      first, discount_note(ce.discounting));
  icer.key_columns = 2;
  icer.columns = {"policy", "per", "extra cost (USD)", "extra effect", "cost per unit", "95% interval", "note"};
  for (const IcerRow& row : ce.rows) {
    const IcerParts parts = icer_parts(row);
    icer.rows.push_back({results.points[row.point].name, std::string(row.effect->per), difference_text(row.ratio.numerator),
                         difference_text(row.ratio.denominator), parts.ratio, parts.interval, parts.note});
  }
  tables.push_back(std::move(icer));
  return tables;
}

// "Warning: policy 'x' is over budget in 20 of 20 replications (GT: ...)".
std::vector<std::string> budget_warnings(const ExperimentResults& results) {
  std::vector<std::string> lines;
  const CostEffectiveness ce = cost_effectiveness(results);
  const auto k = static_cast<std::size_t>(border::Indicator::over_budget);
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    if (ce.over_budget[p] <= 0) continue;
    std::vector<std::string> countries;
    for (std::size_t c = 0; c < results.countries.size(); ++c) {
      int over = 0;
      for (const auto& rep : results.values[p])
        over += experiment::is_done(rep) && k < rep.by_country.size() && c < rep.by_country[k].size() && rep.by_country[k][c] > 0.5 ? 1 : 0;
      if (over > 0) countries.push_back(results.countries[c]);
    }
    lines.push_back(fmt::format("Warning: policy '{}' is over budget in {} of {} replications ({}); see the budget section",
                                results.points[p].name, ce.over_budget[p], ce.done[p], fmt::join(countries, ", ")));
  }
  return lines;
}

std::vector<Table> run_text(const ExperimentResults& results) {
  const auto rows = indicator_rows(results);
  const std::string& first = results.points.front().name;
  Table means;
  means.title = fmt::format("Indicators: mean ± 95% interval over {} replications", results.replications);
  means.key_columns = 2;
  means.columns = {"indicator", "unit"};
  for (const auto& p : results.points) means.columns.push_back(p.name);
  Table diffs;
  diffs.title = fmt::format("Paired differences from '{}' (same random numbers): mean ± 95% interval; * = interval excludes 0",
                            first);
  diffs.key_columns = 2;
  diffs.columns = {"indicator", "unit"};
  for (std::size_t p = 1; p < results.points.size(); ++p) diffs.columns.push_back(results.points[p].name + " - " + first);
  for (const auto& info : indicator_catalog()) {
    const auto k = static_cast<std::size_t>(info.id);
    std::vector<Cell> m{std::string(info.name), std::string(info.unit)}, d = m;
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      m.emplace_back(format_estimate(rows[k][p].mean.mean, rows[k][p].mean.half_width));
      if (p > 0) d.emplace_back(difference_text(rows[k][p].diff));
    }
    means.rows.push_back(std::move(m));
    diffs.rows.push_back(std::move(d));
  }
  std::vector<Table> tables{std::move(means)};
  if (results.points.size() > 1) tables.push_back(std::move(diffs));

  for (Table& t : cost_tables(results)) tables.push_back(std::move(t));

  const auto crossing = crossing_rows(results);
  if (!crossing.empty()) {
    const std::vector<double> total = crossing_totals(crossing, results.points.size());
    Table flow;
    flow.title =
        "Mean kg through each border crossing, and its share of all crossing-kg (a shipment counts at every "
        "crossing it passes)";
    flow.columns = {"crossing"};
    for (const auto& p : results.points) {
      flow.columns.push_back(p.name + " kg");
      flow.columns.push_back("share");
    }
    for (std::size_t x = 0; x < crossing.size(); ++x) {
      std::vector<Cell> row{results.crossings[x]};
      for (std::size_t p = 0; p < results.points.size(); ++p) {
        row.emplace_back(format_value(crossing[x][p].mean.mean));
        row.emplace_back(format_share(share_of(crossing[x][p].mean.mean, total[p])));
      }
      flow.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(flow));
  }
  const auto seizures = crossing_rows(results, &border::ReplicationResult::crossing_seizures);
  const auto seized_kg = crossing_rows(results, &border::ReplicationResult::crossing_seized_kg);
  if (any_value(seizures)) {
    Table at;
    at.title = "Mean shipments seized at each border crossing (at its checkpoint or on a leg into or out of it) and their kg";
    at.columns = {"crossing"};
    for (const auto& p : results.points) {
      at.columns.push_back(p.name + " seizures");
      at.columns.push_back("kg");
    }
    for (std::size_t x = 0; x < seizures.size(); ++x) {
      std::vector<Cell> row{results.crossings[x]};
      for (std::size_t p = 0; p < results.points.size(); ++p) {
        row.emplace_back(format_value(seizures[x][p].mean.mean));
        row.emplace_back(format_value(seized_kg[x][p].mean.mean));
      }
      at.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(at));
  }
  for (Table& t : unit_and_organisation_tables(results)) tables.push_back(std::move(t));
  return tables;
}

std::vector<Table> sweep_text(const ExperimentResults& results) {
  const auto rows = indicator_rows(results);
  const std::string& first = results.points.front().name;
  Table means, diffs;
  means.title = fmt::format("Design points: mean ± 95% interval over {} replications", results.replications);
  diffs.title =
      fmt::format("Paired differences from '{}' (same random numbers): mean ± 95% interval; * = interval excludes 0", first);
  // A shard holds some of each point's replications: say how many.
  bool partial = false;
  std::vector<std::string> held;
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    const auto done = std::count_if(results.values[p].begin(), results.values[p].end(), [](const auto& r) { return experiment::is_done(r); });
    partial = partial || done != results.replications;
    held.push_back(fmt::format("{} of {}", done, results.replications));
  }
  means.columns = diffs.columns = {"design point"};
  if (partial) means.columns.push_back("replications");
  for (border::Indicator k : kSweepHeadline) {
    const auto& info = border::info(k);
    means.columns.push_back(fmt::format("{} ({})", info.name, info.unit));
    diffs.columns.push_back(fmt::format("{} ({})", info.name, info.unit));
  }
  for (std::size_t p = 0; p < results.points.size(); ++p) {
    std::vector<Cell> m{results.points[p].name}, d = m;
    if (partial) m.emplace_back(held[p]);
    for (border::Indicator k : kSweepHeadline) {
      const Row& row = rows[static_cast<std::size_t>(k)][p];
      m.emplace_back(format_estimate(row.mean.mean, row.mean.half_width));
      d.emplace_back(difference_text(row.diff));
    }
    means.rows.push_back(std::move(m));
    if (p > 0) diffs.rows.push_back(std::move(d));
  }
  std::vector<Table> tables{std::move(means)};
  if (results.points.size() > 1) tables.push_back(std::move(diffs));
  return tables;
}

// ---- csv: one tidy long table ----

Table long_table(const ExperimentResults& results) {
  const std::vector<std::string> paths = parameter_paths(results);
  const std::vector<std::string> short_names = experiment::parameter_short_names(paths);
  Table t;
  t.columns = {"quantity", "unit", "point", "policy"};
  t.columns.insert(t.columns.end(), short_names.begin(), short_names.end());
  for (const char* c : {"crossing", "patrol_unit", "organisation", "n", "mean", "ci95_low", "ci95_high", "diff_vs_first",
                        "diff_ci95_low", "diff_ci95_high", "share"})
    t.columns.emplace_back(c);
  auto add = [&](const std::string& quantity, const std::string& unit, std::size_t p, const std::string& crossing,
                 const Row& row, double share, const std::string& patrol_unit = "", const std::string& organisation = "") {
    const auto& point = results.points[p];
    std::vector<Cell> cells{quantity, unit, point.name, point.policy};
    for (const std::string& path : paths) cells.emplace_back(parameter_value(point, path));
    cells.emplace_back(crossing);
    cells.emplace_back(patrol_unit);
    cells.emplace_back(organisation);
    cells.emplace_back(std::int64_t{row.mean.n});
    const Interval& m = row.mean;
    const Interval& d = row.diff;
    for (double v : {m.mean, m.mean - m.half_width, m.mean + m.half_width, d.mean, d.mean - d.half_width,
                     d.mean + d.half_width, share})
      cells.emplace_back(v);
    t.rows.push_back(std::move(cells));
  };
  const auto rows = indicator_rows(results);
  for (const auto& info : indicator_catalog())
    for (std::size_t p = 0; p < results.points.size(); ++p)
      add(info.name, info.unit, p, "", rows[static_cast<std::size_t>(info.id)][p], std::nan(""));
  // Incremental cost-effectiveness: the ratio as the mean, Fieller's interval as the interval.
  const CostEffectiveness ce = cost_effectiveness(results);
  for (const IcerRow& row : ce.rows) {
    Row r;
    r.mean = {row.ratio.ratio, std::nan(""), row.ratio.n};
    r.diff = {std::nan(""), std::nan(""), 0};
    add(fmt::format("icer_usd_per_{}", row.effect->key), row.effect->unit, row.point, "", r, std::nan(""));
    auto& cells = t.rows.back();
    const std::size_t low = cells.size() - 6;  // ci95_low and ci95_high, after mean (6 cells from the end)
    cells[low] = row.ratio.low;
    cells[low + 1] = row.ratio.high;
  }
  const auto crossing = crossing_rows(results);
  const std::vector<double> total = crossing_totals(crossing, results.points.size());
  for (std::size_t x = 0; x < crossing.size(); ++x)
    for (std::size_t p = 0; p < results.points.size(); ++p)
      add("crossing_kg", "kg", p, results.crossings[x], crossing[x][p], share_of(crossing[x][p].mean.mean, total[p]));
  const auto seizures = crossing_rows(results, &border::ReplicationResult::crossing_seizures);
  const auto seized_kg = crossing_rows(results, &border::ReplicationResult::crossing_seized_kg);
  for (std::size_t x = 0; x < crossing.size(); ++x)
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      add("crossing_seizures", "count", p, results.crossings[x], seizures[x][p], std::nan(""));
      add("crossing_seized_kg", "kg", p, results.crossings[x], seized_kg[x][p], std::nan(""));
    }
  // Per patrol unit and per organisation (none in results read from files written before them).
  for (const MeasureGroup& g : measure_groups(results))
    for (std::size_t k = 0; k < g.measures.size(); ++k) {
      const auto rows = measure_rows(results, g.rows, k, g.names.size());
      for (std::size_t i = 0; i < g.names.size(); ++i)
        for (std::size_t p = 0; p < results.points.size(); ++p) {
          const bool unit = g.rows == &border::ReplicationResult::by_unit;
          add(std::string(g.prefix) + g.measures[k].name, g.measures[k].unit, p, "", rows[i][p], std::nan(""),
              unit ? g.names[i] : "", unit ? "" : g.names[i]);
        }
    }
  return t;
}

// ---- json ----

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json interval_fields(Json object, const Row& row) {
  object["n"] = row.mean.n;
  object["mean"] = number(row.mean.mean);
  object["ci95_low"] = number(row.mean.mean - row.mean.half_width);
  object["ci95_high"] = number(row.mean.mean + row.mean.half_width);
  object["diff_vs_first"] = number(row.diff.mean);
  object["diff_ci95_low"] = number(row.diff.mean - row.diff.half_width);
  object["diff_ci95_high"] = number(row.diff.mean + row.diff.half_width);
  return object;
}

Json json_summary(const ExperimentResults& results, SummaryKind kind) {
  const std::vector<std::string> paths = parameter_paths(results);
  const std::vector<std::string> short_names = experiment::parameter_short_names(paths);
  Json meta;
  meta["command"] = kind == SummaryKind::run ? "run" : "sweep";
  meta["bstp_version"] = results.bstp_version;
  meta["git_revision"] = results.git_revision;
  meta["scenario"] = scenario_name(results);
  meta["scenario_file"] = results.scenario_file;
  meta["seed"] = results.seed;
  meta["replications"] = results.replications;
  meta["confidence"] = 0.95;
  meta["reference_point"] = results.points.front().name;
  Json policies = Json::array();
  for (const auto& p : results.points)
    if (std::find(policies.begin(), policies.end(), Json(p.policy)) == policies.end()) policies.push_back(p.policy);
  meta["policies"] = policies;
  Json parameters = Json::object();
  for (std::size_t i = 0; i < paths.size(); ++i) parameters[short_names[i]] = paths[i];
  meta["parameters"] = parameters;
  Json points = Json::array();
  for (const auto& p : results.points) {
    Json values = Json::object();
    for (std::size_t i = 0; i < paths.size(); ++i) values[short_names[i]] = number(parameter_value(p, paths[i]));
    points.push_back({{"name", p.name}, {"policy", p.policy}, {"parameters", values}});
  }
  meta["points"] = points;

  Json indicators = Json::array();
  const auto rows = indicator_rows(results);
  for (const auto& info : indicator_catalog())
    for (std::size_t p = 0; p < results.points.size(); ++p)
      indicators.push_back(interval_fields({{"indicator", info.name},
                                            {"unit", info.unit},
                                            {"point", results.points[p].name},
                                            {"policy", results.points[p].policy}},
                                           rows[static_cast<std::size_t>(info.id)][p]));
  Json crossings = Json::array();
  const auto crossing = crossing_rows(results);
  const std::vector<double> total = crossing_totals(crossing, results.points.size());
  const auto seizures = crossing_rows(results, &border::ReplicationResult::crossing_seizures);
  const auto seized_kg = crossing_rows(results, &border::ReplicationResult::crossing_seized_kg);
  for (std::size_t x = 0; x < crossing.size(); ++x)
    for (std::size_t p = 0; p < results.points.size(); ++p) {
      Json row = interval_fields({{"crossing", results.crossings[x]},
                                  {"unit", "kg"},
                                  {"point", results.points[p].name},
                                  {"policy", results.points[p].policy}},
                                 crossing[x][p]);
      row["share"] = number(share_of(crossing[x][p].mean.mean, total[p]));
      row["seizures"] = interval_fields(Json::object(), seizures[x][p]);
      row["seized_kg"] = interval_fields(Json::object(), seized_kg[x][p]);
      crossings.push_back(std::move(row));
    }
  // Per patrol unit and per organisation: one object per entry and point, one interval per measure.
  Json units = Json::array(), organisations = Json::array();
  for (const MeasureGroup& g : measure_groups(results)) {
    const bool unit = g.rows == &border::ReplicationResult::by_unit;
    std::vector<std::vector<std::vector<Row>>> rows;  // [measure][entry][point]
    for (std::size_t k = 0; k < g.measures.size(); ++k) rows.push_back(measure_rows(results, g.rows, k, g.names.size()));
    for (std::size_t i = 0; i < g.names.size(); ++i)
      for (std::size_t p = 0; p < results.points.size(); ++p) {
        Json row = {{unit ? "patrol_unit" : "organisation", g.names[i]},
                    {"point", results.points[p].name},
                    {"policy", results.points[p].policy}};
        for (std::size_t k = 0; k < g.measures.size(); ++k) row[g.measures[k].name] = interval_fields(Json::object(), rows[k][i][p]);
        (unit ? units : organisations).push_back(std::move(row));
      }
  }
  const CostEffectiveness ce = cost_effectiveness(results);
  Json costs;
  costs["discount_rate_per_year"] = ce.discounting.rate_per_year;
  costs["benefits_beyond_run_years"] = ce.discounting.benefits_beyond_run_years;
  Json cost_points = Json::array();
  for (std::size_t p = 0; p < results.points.size(); ++p)
    cost_points.push_back({{"point", results.points[p].name},
                           {"discounted_programme_cost_usd", number(ce.programme_cost[p].mean)},
                           {"ci95_low", number(ce.programme_cost[p].mean - ce.programme_cost[p].half_width)},
                           {"ci95_high", number(ce.programme_cost[p].mean + ce.programme_cost[p].half_width)},
                           {"over_budget_replications", ce.over_budget[p] < 0 ? Json(nullptr) : Json(ce.over_budget[p])},
                           {"replications", ce.done[p]}});
  costs["points"] = cost_points;
  Json icers = Json::array();
  for (const IcerRow& row : ce.rows) {
    const RatioInterval& r = row.ratio;
    icers.push_back({{"point", results.points[row.point].name},
                     {"reference_point", results.points.front().name},
                     {"per", row.effect->per},
                     {"unit", row.effect->unit},
                     {"n", r.n},
                     {"extra_cost_usd", number(r.numerator.mean)},
                     {"extra_cost_ci95_half_width", number(r.numerator.half_width)},
                     {"extra_effect", number(r.denominator.mean)},
                     {"extra_effect_ci95_half_width", number(r.denominator.half_width)},
                     {"effect_distinguishable_from_zero", r.denominator_clear},
                     {"icer", number(r.ratio)},
                     {"icer_ci95_low", number(r.low)},
                     {"icer_ci95_high", number(r.high)},
                     {"text", icer_text(row)}});
  }
  costs["incremental_cost_effectiveness"] = icers;
  costs["warnings"] = budget_warnings(results);
  return {{"meta", meta},   {"indicators", indicators},       {"crossings", crossings},
          {"units", units}, {"organisations", organisations}, {"costs", costs}};
}

}  // namespace

void print_summary(std::ostream& out, const ExperimentResults& results, Format format, SummaryKind kind) {
  switch (format) {
    case Format::text:
      print(out, kind == SummaryKind::run ? run_text(results) : sweep_text(results), Format::text);
      for (const std::string& line : budget_warnings(results)) out << "\n" << wrapped(line) << "\n";
      break;
    case Format::csv: print(out, long_table(results), Format::csv); break;
    case Format::json: out << json_summary(results, kind).dump(1) << "\n"; break;
  }
}

}  // namespace bstp::tools
