#include "indicator_collector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bstp::border {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Accumulators beyond the indicators themselves, stored after them.
enum Extra : std::size_t { kShippingCost = kIndicatorCount, kWaitHours, kDelayHours, kSlots };

std::size_t slot(Indicator i) { return static_cast<std::size_t>(i); }

}  // namespace

IndicatorCollector::IndicatorCollector(int months, int countries, int crossings)
    : months_(months),
      countries_(countries),
      sums_(kSlots * static_cast<std::size_t>(months) * static_cast<std::size_t>(countries + 1), 0.0),
      delay_histogram_(static_cast<std::size_t>(months)),
      vehicle_seconds_(static_cast<std::size_t>(months), 0.0),
      crossing_kg_(static_cast<std::size_t>(months) * static_cast<std::size_t>(crossings), 0.0),
      crossings_(crossings) {}

int IndicatorCollector::month_of(Time t) const {
  return static_cast<int>(std::clamp<Time>(t / kMonthSeconds, 0, months_ - 1));
}

double& IndicatorCollector::at(Indicator i, int month, int country) {
  const int c = country < 0 ? countries_ : country;
  return sums_[(slot(i) * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month)) * static_cast<std::size_t>(countries_ + 1) +
               static_cast<std::size_t>(c)];
}
double IndicatorCollector::at(Indicator i, int month, int country) const {
  return const_cast<IndicatorCollector*>(this)->at(i, month, country);
}

void IndicatorCollector::add(Indicator i, Time t, int country, double value) { at(i, month_of(t), country) += value; }

void IndicatorCollector::shipment_sent(Time t, double kg, double cost_usd) {
  add(Indicator::shipments, t, -1, 1.0);
  add(static_cast<Indicator>(kShippingCost), t, -1, cost_usd);
  (void)kg;
}
void IndicatorCollector::shipment_seized(Time t, int country, double kg, int arrests) {
  add(Indicator::seizures, t, country, 1.0);
  add(Indicator::seized_kg, t, country, kg);
  add(Indicator::arrests, t, country, arrests);
}
void IndicatorCollector::shipment_delivered(Time t, int country, double kg, double revenue_usd) {
  add(Indicator::delivered_kg, t, country, kg);
  add(Indicator::trafficker_revenue_usd, t, country, revenue_usd);
}
void IndicatorCollector::bribe_taken(Time t, int country, double usd) {
  add(Indicator::bribes, t, country, 1.0);
  add(Indicator::bribes_usd, t, country, usd);
}
void IndicatorCollector::violent_incident(Time t, int country, int deaths, bool reported) {
  add(Indicator::violent_incidents, t, country, 1.0);
  add(Indicator::deaths, t, country, deaths);
  if (reported) add(Indicator::reported_violence, t, country, 1.0);
}
void IndicatorCollector::cohort_trained(Time t, int country, int officers) { add(Indicator::officers_trained, t, country, officers); }
void IndicatorCollector::training_paid(Time t, int country, double usd) { add(Indicator::training_cost_usd, t, country, usd); }
void IndicatorCollector::lever_paid(Indicator lever, Time t, int country, double usd) { add(lever, t, country, usd); }
void IndicatorCollector::vehicle_crossed(Time t, int country, double wait_hours, double delay_hours, double trade_cost_usd) {
  add(Indicator::legitimate_crossings, t, country, 1.0);
  add(static_cast<Indicator>(kWaitHours), t, country, wait_hours);
  add(static_cast<Indicator>(kDelayHours), t, country, delay_hours);
  add(Indicator::trade_delay_cost_usd, t, country, trade_cost_usd);
  auto& bins = delay_histogram_[static_cast<std::size_t>(month_of(t))];
  if (bins.empty()) bins.assign(kDelayBins + 1, 0.0);
  bins[static_cast<std::size_t>(std::min<double>(kDelayBins, std::floor(delay_hours * 60.0)))] += 1.0;
}
void IndicatorCollector::vehicles_in_system(Time t, double vehicle_seconds) {
  vehicle_seconds_[static_cast<std::size_t>(month_of(t))] += vehicle_seconds;
}
void IndicatorCollector::crossing_used(Time t, int crossing, double kg) {
  crossing_kg_[static_cast<std::size_t>(month_of(t)) * static_cast<std::size_t>(crossings_) + static_cast<std::size_t>(crossing)] += kg;
}

void IndicatorCollector::merge(const IndicatorCollector& other) {
  for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i] += other.sums_[i];
  for (std::size_t m = 0; m < delay_histogram_.size(); ++m) {
    if (other.delay_histogram_[m].empty()) continue;
    if (delay_histogram_[m].empty()) delay_histogram_[m].assign(kDelayBins + 1, 0.0);
    for (std::size_t b = 0; b < delay_histogram_[m].size(); ++b) delay_histogram_[m][b] += other.delay_histogram_[m][b];
  }
  for (std::size_t m = 0; m < vehicle_seconds_.size(); ++m) vehicle_seconds_[m] += other.vehicle_seconds_[m];
  for (std::size_t i = 0; i < crossing_kg_.size(); ++i) crossing_kg_[i] += other.crossing_kg_[i];
}

namespace {

// The 95th percentile of a one-minute histogram, interpolated within its bin, in hours.
double p95_hours(const std::vector<double>& bins) {
  double total = 0.0;
  for (double b : bins) total += b;
  if (total <= 0.0) return kNaN;
  const double target = 0.95 * total;
  double acc = 0.0;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (acc + bins[b] >= target && bins[b] > 0.0) return (static_cast<double>(b) + (target - acc) / bins[b]) / 60.0;
    acc += bins[b];
  }
  return static_cast<double>(bins.size()) / 60.0;
}

double ratio(double a, double b) { return b > 0.0 ? a / b : kNaN; }

struct Flow {
  double crossings_with_flow = 0.0;
  double concentration = kNaN;
};
Flow flow_of(const double* kg, int crossings) {
  Flow f;
  double total = 0.0;
  for (int c = 0; c < crossings; ++c) total += kg[c];
  if (total <= 0.0) return f;
  f.concentration = 0.0;
  for (int c = 0; c < crossings; ++c) {
    if (kg[c] > 0.0) f.crossings_with_flow += 1.0;
    const double share = kg[c] / total;
    f.concentration += share * share;
  }
  return f;
}

}  // namespace

ReplicationResult IndicatorCollector::result(double horizon_seconds) const {
  ReplicationResult r;
  const auto months = static_cast<std::size_t>(months_);
  const auto countries = static_cast<std::size_t>(countries_);
  r.totals.assign(kIndicatorCount, 0.0);
  r.monthly.assign(kIndicatorCount, std::vector<double>(months, 0.0));
  r.by_country.assign(kIndicatorCount, std::vector<double>(countries, 0.0));

  // Sums over the three views: [slot] total, [slot][month], [slot][country].
  std::vector<double> total(kSlots, 0.0);
  std::vector<std::vector<double>> monthly(kSlots, std::vector<double>(months, 0.0));
  std::vector<std::vector<double>> country(kSlots, std::vector<double>(countries + 1, 0.0));
  for (std::size_t s = 0; s < kSlots; ++s)
    for (std::size_t m = 0; m < months; ++m)
      for (std::size_t c = 0; c <= countries; ++c) {
        const double v = at(static_cast<Indicator>(s), static_cast<int>(m), static_cast<int>(c));
        total[s] += v;
        monthly[s][m] += v;
        country[s][c] += v;
      }

  auto sum_indicator = [&](Indicator i, bool per_country) {
    const std::size_t s = slot(i);
    r.totals[s] = total[s];
    r.monthly[s] = monthly[s];
    for (std::size_t c = 0; c < countries; ++c) r.by_country[s][c] = per_country ? country[s][c] : kNaN;
  };
  for (Indicator i : {Indicator::seizures, Indicator::seized_kg, Indicator::delivered_kg, Indicator::trafficker_revenue_usd,
                      Indicator::arrests, Indicator::violent_incidents, Indicator::deaths, Indicator::reported_violence,
                      Indicator::bribes, Indicator::bribes_usd, Indicator::officers_trained, Indicator::training_cost_usd,
                      Indicator::legitimate_crossings, Indicator::trade_delay_cost_usd})
    sum_indicator(i, true);
  for (Indicator i : programme_cost_parts()) sum_indicator(i, true);
  sum_indicator(Indicator::shipments, false);

  auto derived = [&](Indicator i, auto formula, bool per_country) {
    const std::size_t s = slot(i);
    r.totals[s] = formula([&](std::size_t x) { return total[x]; });
    for (std::size_t m = 0; m < months; ++m) r.monthly[s][m] = formula([&](std::size_t x) { return monthly[x][m]; });
    for (std::size_t c = 0; c < countries; ++c)
      r.by_country[s][c] = per_country ? formula([&](std::size_t x) { return country[x][c]; }) : kNaN;
  };
  const std::size_t seized = slot(Indicator::seized_kg), delivered = slot(Indicator::delivered_kg);
  derived(Indicator::interdiction_rate, [&](auto v) { return ratio(v(seized), v(seized) + v(delivered)); }, true);
  // By country, seized kg count where seized and delivered kg where delivered: a country that
  // received no deliveries (a transit country) would show 1 by construction. It has no rate.
  for (std::size_t c = 0; c < countries; ++c)
    if (!(country[delivered][c] > 0.0)) r.by_country[slot(Indicator::interdiction_rate)][c] = kNaN;
  derived(Indicator::trafficker_profit_usd,
          [&](auto v) { return v(slot(Indicator::trafficker_revenue_usd)) - v(kShippingCost) - v(slot(Indicator::bribes_usd)); }, false);
  derived(Indicator::programme_cost_usd, [&](auto v) {
    double usd = 0.0;
    for (Indicator part : programme_cost_parts()) usd += v(slot(part));
    return usd;
  }, true);
  derived(Indicator::training_cost_per_seizure_usd,
          [&](auto v) { return ratio(v(slot(Indicator::training_cost_usd)), v(slot(Indicator::seizures))); }, true);
  derived(Indicator::mean_queue_wait_hours, [&](auto v) { return ratio(v(kWaitHours), v(slot(Indicator::legitimate_crossings))); }, true);
  derived(Indicator::mean_crossing_delay_hours,
          [&](auto v) { return ratio(v(kDelayHours), v(slot(Indicator::legitimate_crossings))); }, true);

  // Percentiles, time averages and flow shape: not additive, computed from their own records.
  std::vector<double> all_bins(kDelayBins + 1, 0.0);
  for (std::size_t m = 0; m < months; ++m) {
    const auto& bins = delay_histogram_[m];
    r.monthly[slot(Indicator::p95_crossing_delay_hours)][m] = bins.empty() ? kNaN : p95_hours(bins);
    for (std::size_t b = 0; b < bins.size(); ++b) all_bins[b] += bins[b];
  }
  r.totals[slot(Indicator::p95_crossing_delay_hours)] = p95_hours(all_bins);

  double area = 0.0;
  for (std::size_t m = 0; m < months; ++m) {
    area += vehicle_seconds_[m];
    const double start = static_cast<double>(m) * static_cast<double>(kMonthSeconds);
    const double length = std::min(horizon_seconds - start, static_cast<double>(kMonthSeconds));
    r.monthly[slot(Indicator::mean_vehicles_in_system)][m] = ratio(vehicle_seconds_[m], length);
  }
  r.totals[slot(Indicator::mean_vehicles_in_system)] = ratio(area, horizon_seconds);

  r.crossing_kg.assign(static_cast<std::size_t>(crossings_), 0.0);
  for (std::size_t m = 0; m < months; ++m) {
    const double* kg = crossing_kg_.data() + m * static_cast<std::size_t>(crossings_);
    const Flow f = flow_of(kg, crossings_);
    r.monthly[slot(Indicator::crossings_with_flow)][m] = f.crossings_with_flow;
    r.monthly[slot(Indicator::flow_concentration)][m] = f.concentration;
    for (int c = 0; c < crossings_; ++c) r.crossing_kg[static_cast<std::size_t>(c)] += kg[c];
  }
  const Flow f = flow_of(r.crossing_kg.data(), crossings_);
  r.totals[slot(Indicator::crossings_with_flow)] = f.crossings_with_flow;
  r.totals[slot(Indicator::flow_concentration)] = f.concentration;
  for (Indicator i : {Indicator::p95_crossing_delay_hours, Indicator::mean_vehicles_in_system, Indicator::crossings_with_flow,
                      Indicator::flow_concentration})
    for (std::size_t c = 0; c < countries; ++c) r.by_country[slot(i)][c] = kNaN;
  return r;
}

}  // namespace bstp::border
