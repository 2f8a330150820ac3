#include "indicator_collector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bstp::border {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Accumulators beyond the indicators themselves, stored after them.
enum Extra : std::size_t {
  kShippingCost = kIndicatorCount, kWaitHours, kDelayHours, kRouteHours, kPlannedRouteHours, kWaitPositive, kCouriers,
  kCourierPay,
  // Officers and training: trained officer-shifts and those using the methods, observed and all.
  kObservedShifts, kObservedUses, kOfficerShifts, kOfficerUses,
  // Load splitting and resistance: kg sent, candidates sent on the network, resistance summed over shipments.
  kSentKg, kCandidatesSent, kResistance, kSlots
};

std::size_t slot(Indicator i) { return static_cast<std::size_t>(i); }

}  // namespace

IndicatorCollector::IndicatorCollector(int months, int countries, int crossings, Time measure_from, int units, int organisations,
                                       Time horizon)
    : months_(months),
      countries_(countries),
      measure_from_(measure_from),
      horizon_(horizon > 0 ? horizon : static_cast<Time>(months) * kMonthTicks),
      sums_(kSlots * static_cast<std::size_t>(months) * static_cast<std::size_t>(countries + 1), 0.0),
      delay_histogram_(static_cast<std::size_t>(months)),
      wait_histogram_(static_cast<std::size_t>(months)),
      vehicle_ticks_(static_cast<std::size_t>(months), 0),
      crossing_kg_(static_cast<std::size_t>(months) * static_cast<std::size_t>(crossings), 0.0),
      crossing_seizures_(crossing_kg_.size(), 0.0),
      crossing_seized_kg_(crossing_kg_.size(), 0.0),
      crossings_(crossings),
      by_unit_(kUnitMeasureCount * static_cast<std::size_t>(units), 0.0),
      by_organisation_(kOrganisationMeasureCount * static_cast<std::size_t>(organisations), 0.0),
      units_(units),
      organisations_(organisations) {}

IndicatorCollector::IndicatorCollector(const CompiledScenario& scenario)
    : IndicatorCollector(scenario.months(), static_cast<int>(scenario.countries.size()), static_cast<int>(scenario.crossings.size()),
                         scenario.warmup(), static_cast<int>(scenario.units.size()), static_cast<int>(scenario.organisations.size()),
                         scenario.horizon()) {}

int IndicatorCollector::month_of(Time t) const {
  return static_cast<int>(std::clamp<Time>(t / kMonthTicks, 0, months_ - 1));
}

double& IndicatorCollector::at(Indicator i, int month, int country) {
  const int c = country < 0 ? countries_ : country;
  return sums_[(slot(i) * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month)) * static_cast<std::size_t>(countries_ + 1) +
               static_cast<std::size_t>(c)];
}
double IndicatorCollector::at(Indicator i, int month, int country) const {
  return const_cast<IndicatorCollector*>(this)->at(i, month, country);
}

void IndicatorCollector::add(Indicator i, Time t, int country, double value) {
  if (measured(t)) at(i, month_of(t), country) += value;
}

void IndicatorCollector::shipment_sent(Time t, double kg, double cost_usd, double purchase_usd, double route_hours) {
  add(Indicator::shipments, t, -1, 1.0);
  add(static_cast<Indicator>(kShippingCost), t, -1, cost_usd);
  add(Indicator::purchase_cost_usd, t, -1, purchase_usd);
  add(static_cast<Indicator>(kPlannedRouteHours), t, -1, route_hours);
  add(static_cast<Indicator>(kSentKg), t, -1, kg);
}
void IndicatorCollector::candidate_sent(Time t, int loads, double resistance) {
  add(static_cast<Indicator>(kCandidatesSent), t, -1, 1.0);
  add(static_cast<Indicator>(kResistance), t, -1, loads * resistance);
}
void IndicatorCollector::shipment_deterred(Time t, double kg) {
  add(Indicator::deterred_kg, t, -1, kg);
  add(Indicator::deterred_shipments, t, -1, 1.0);
}
void IndicatorCollector::shipment_diverted(Time t, double kg) { add(Indicator::diverted_kg, t, -1, kg); }
void IndicatorCollector::shipment_seized(Time t, int country, double kg, int arrests, double value_usd) {
  add(Indicator::seizures, t, country, 1.0);
  add(Indicator::seized_kg, t, country, kg);
  add(Indicator::arrests, t, country, arrests);
  add(Indicator::seized_value_usd, t, country, value_usd);
}
void IndicatorCollector::shipment_delivered(Time t, int country, double kg, double revenue_usd) {
  add(Indicator::delivered_kg, t, country, kg);
  add(Indicator::trafficker_revenue_usd, t, country, revenue_usd);
}
void IndicatorCollector::bribe_taken(Time t, int country, double usd) {
  add(Indicator::bribes, t, country, 1.0);
  add(Indicator::bribes_usd, t, country, usd);
}
void IndicatorCollector::violent_incident(Time t, int country, const Deaths& deaths, bool reported, bool contestation) {
  add(Indicator::violent_incidents, t, country, 1.0);
  add(Indicator::deaths, t, country, deaths.total());
  add(Indicator::officer_deaths, t, country, deaths.officers);
  add(Indicator::trafficker_deaths, t, country, deaths.traffickers);
  add(Indicator::bystander_deaths, t, country, deaths.bystanders);
  if (contestation) add(Indicator::contestation_incidents, t, country, 1.0);
  if (reported) add(Indicator::reported_violence, t, country, 1.0);
}
void IndicatorCollector::captures_counted(Time t, int country, int collusive, int coercive) {
  add(Indicator::captured_units, t, country, collusive + coercive);
  add(Indicator::collusive_captures, t, country, collusive);
  add(Indicator::coercive_captures, t, country, coercive);
}
void IndicatorCollector::protection_held(Time t, int country, double unit_months, double usd) {
  add(Indicator::captured_unit_months, t, country, unit_months);
  add(Indicator::protection_usd, t, country, usd);
}
void IndicatorCollector::jobs_paid(Time t, int country, int jobs, double usd) {
  add(Indicator::local_jobs, t, country, jobs);
  add(Indicator::local_income_usd, t, country, usd);
}
void IndicatorCollector::couriers_paid(Time t, int couriers, double usd) {
  add(static_cast<Indicator>(kCouriers), t, -1, couriers);
  add(static_cast<Indicator>(kCourierPay), t, -1, usd);
  add(Indicator::local_income_usd, t, -1, usd);
}
void IndicatorCollector::cohort_trained(Time t, int country, int officers) { add(Indicator::officers_trained, t, country, officers); }
void IndicatorCollector::training_paid(Time t, int country, double usd) { add(Indicator::training_cost_usd, t, country, usd); }
void IndicatorCollector::lever_paid(Indicator lever, Time t, int country, double usd) { add(lever, t, country, usd); }
void IndicatorCollector::vehicle_crossed(Time t, int country, double wait_hours, double delay_hours, double trade_cost_usd) {
  // Millions of calls a run: the month is found once and the sums are reached directly.
  if (!measured(t)) return;
  const int month = month_of(t);
  at(Indicator::legitimate_crossings, month, country) += 1.0;
  at(static_cast<Indicator>(kWaitHours), month, country) += wait_hours;
  at(static_cast<Indicator>(kDelayHours), month, country) += delay_hours;
  at(Indicator::trade_delay_cost_usd, month, country) += trade_cost_usd;
  auto& bins = delay_histogram_[static_cast<std::size_t>(month)];
  if (bins.empty()) bins.assign(kDelayBins + 1, 0.0);
  // The bin is the whole minutes (delays are not negative: the conversion truncates as floor does).
  bins[static_cast<std::size_t>(std::min<double>(kDelayBins, delay_hours * 60.0))] += 1.0;
  if (wait_hours > 0.0) {
    at(static_cast<Indicator>(kWaitPositive), month, country) += 1.0;
    auto& waits = wait_histogram_[static_cast<std::size_t>(month)];
    if (waits.empty()) waits.assign(kWaitBins + 1, 0.0);
    waits[static_cast<std::size_t>(std::min<double>(kWaitBins, wait_hours * 360.0))] += 1.0;
  }
}
void IndicatorCollector::vehicle_in_system(Time arrival, Time departure) {
  Time from = std::max(arrival, measure_from_);
  const Time to = std::min(departure, horizon_);
  while (from < to) {
    const int month = month_of(from);
    const Time month_ends = month + 1 < months_ ? static_cast<Time>(month + 1) * kMonthTicks : to;
    const Time until = std::min(to, month_ends);
    vehicle_ticks_[static_cast<std::size_t>(month)] += until - from;
    from = until;
  }
}
void IndicatorCollector::crossing_used(Time t, int crossing, double kg) {
  if (!measured(t)) return;
  crossing_kg_[static_cast<std::size_t>(month_of(t)) * static_cast<std::size_t>(crossings_) + static_cast<std::size_t>(crossing)] += kg;
}
void IndicatorCollector::seized_at_crossing(Time t, int crossing, double kg) {
  if (!measured(t)) return;
  const std::size_t i = static_cast<std::size_t>(month_of(t)) * static_cast<std::size_t>(crossings_) + static_cast<std::size_t>(crossing);
  crossing_seizures_[i] += 1.0;
  crossing_seized_kg_[i] += kg;
}

void IndicatorCollector::counted_for_unit(Time t, int post, UnitMeasure measure) {
  if (!measured(t) || post < 0 || post >= units_) return;
  by_unit_[static_cast<std::size_t>(measure) * static_cast<std::size_t>(units_) + static_cast<std::size_t>(post)] += 1.0;
}
void IndicatorCollector::counted_for_organisation(Time t, int organisation, OrganisationMeasure measure, double value) {
  if (!measured(t)) return;
  by_organisation_[static_cast<std::size_t>(measure) * static_cast<std::size_t>(organisations_) + static_cast<std::size_t>(organisation)] += value;
}

void IndicatorCollector::shipment_turned_back(Time t, int country) { add(Indicator::turned_back, t, country, 1.0); }
void IndicatorCollector::attempt_delivered(Time t, int country, bool detected, double route_hours) {
  add(detected ? Indicator::got_away : Indicator::undetected, t, country, 1.0);
  add(static_cast<Indicator>(kRouteHours), t, country, route_hours);
}
void IndicatorCollector::methods_used(Time t, int country, int trained, int using_methods, bool observed) {
  add(static_cast<Indicator>(kOfficerShifts), t, country, trained);
  add(static_cast<Indicator>(kOfficerUses), t, country, using_methods);
  if (!observed) return;
  add(static_cast<Indicator>(kObservedShifts), t, country, trained);
  add(static_cast<Indicator>(kObservedUses), t, country, using_methods);
}
void IndicatorCollector::officers_in_class(Time t, int country, double officer_days) {
  add(Indicator::officer_days_in_class, t, country, officer_days);
}

void IndicatorCollector::merge(const IndicatorCollector& other) {
  for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i] += other.sums_[i];
  for (std::size_t m = 0; m < delay_histogram_.size(); ++m) {
    if (other.delay_histogram_[m].empty()) continue;
    if (delay_histogram_[m].empty()) delay_histogram_[m].assign(kDelayBins + 1, 0.0);
    for (std::size_t b = 0; b < delay_histogram_[m].size(); ++b) delay_histogram_[m][b] += other.delay_histogram_[m][b];
  }
  for (std::size_t m = 0; m < wait_histogram_.size(); ++m) {
    if (other.wait_histogram_[m].empty()) continue;
    if (wait_histogram_[m].empty()) wait_histogram_[m].assign(kWaitBins + 1, 0.0);
    for (std::size_t b = 0; b < wait_histogram_[m].size(); ++b) wait_histogram_[m][b] += other.wait_histogram_[m][b];
  }
  for (std::size_t m = 0; m < vehicle_ticks_.size(); ++m) vehicle_ticks_[m] += other.vehicle_ticks_[m];
  for (std::size_t i = 0; i < crossing_kg_.size(); ++i) {
    crossing_kg_[i] += other.crossing_kg_[i];
    crossing_seizures_[i] += other.crossing_seizures_[i];
    crossing_seized_kg_[i] += other.crossing_seized_kg_[i];
  }
  for (std::size_t i = 0; i < by_unit_.size(); ++i) by_unit_[i] += other.by_unit_[i];
  for (std::size_t i = 0; i < by_organisation_.size(); ++i) by_organisation_[i] += other.by_organisation_[i];
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

// The p-quantile of waits of which `zeros` were 0 and the rest fall in `bins` of `bin_hours`
// (interpolated within its bin), in hours: 0 when at least a share p did not wait.
double wait_quantile_hours(double p, double zeros, const std::vector<double>& bins, double bin_hours) {
  double total = zeros;
  for (double b : bins) total += b;
  if (!(total > 0.0)) return kNaN;
  const double target = p * total;
  if (target <= zeros) return 0.0;
  double acc = zeros;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (acc + bins[b] >= target && bins[b] > 0.0) return (static_cast<double>(b) + (target - acc) / bins[b]) * bin_hours;
    acc += bins[b];
  }
  return static_cast<double>(bins.size()) * bin_hours;
}

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

ReplicationResult IndicatorCollector::result(double horizon_ticks) const {
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
                      Indicator::bribes, Indicator::bribes_usd, Indicator::officers_trained,
                      Indicator::legitimate_crossings, Indicator::trade_delay_cost_usd,
                      Indicator::turned_back, Indicator::got_away, Indicator::undetected, Indicator::seized_value_usd,
                      Indicator::contestation_incidents, Indicator::officer_deaths, Indicator::trafficker_deaths,
                      Indicator::bystander_deaths, Indicator::protection_usd, Indicator::captured_units, Indicator::local_jobs,
                      Indicator::officer_days_in_class})
    sum_indicator(i, true);
  for (Indicator i : {Indicator::collusive_captures, Indicator::coercive_captures, Indicator::captured_unit_months,
                      Indicator::coercion_attacks})
    sum_indicator(i, true);
  for (Indicator i : {Indicator::shipments, Indicator::deterred_shipments, Indicator::purchase_cost_usd,
                      Indicator::deterred_kg, Indicator::diverted_kg, Indicator::local_income_usd})
    sum_indicator(i, false);
  for (Indicator i : programme_cost_parts()) sum_indicator(i, true);

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
          [&](auto v) {
            return v(slot(Indicator::trafficker_revenue_usd)) - v(slot(Indicator::purchase_cost_usd)) - v(kShippingCost) -
                   v(slot(Indicator::bribes_usd));
          },
          false);
  derived(Indicator::courier_wage_usd_paid, [&](auto v) { return ratio(v(kCourierPay), v(kCouriers)); }, false);
  derived(Indicator::mean_route_hours, [&](auto v) { return ratio(v(kPlannedRouteHours), v(slot(Indicator::shipments))); }, false);
  derived(Indicator::programme_cost_usd, [&](auto v) {
    double usd = 0.0;
    for (Indicator part : programme_cost_parts()) usd += v(slot(part));
    return usd;
  }, true);
  derived(Indicator::training_cost_per_seizure_usd,
          [&](auto v) { return ratio(v(slot(Indicator::training_cost_usd)), v(slot(Indicator::seizures))); }, true);
  // Attempts and their outcomes, as CBP counts them.
  const std::size_t apprehended = slot(Indicator::seizures), turned_back = slot(Indicator::turned_back),
                    got_away = slot(Indicator::got_away), undetected = slot(Indicator::undetected);
  derived(Indicator::detected, [&](auto v) { return v(apprehended) + v(turned_back) + v(got_away); }, true);
  derived(Indicator::apprehension_rate,
          [&](auto v) { return ratio(v(apprehended), v(apprehended) + v(turned_back) + v(got_away) + v(undetected)); }, false);
  derived(Indicator::interdiction_effectiveness_rate,
          [&](auto v) { return ratio(v(apprehended) + v(turned_back), v(apprehended) + v(turned_back) + v(got_away)); }, true);
  derived(Indicator::route_hours_per_delivered_kg, [&](auto v) { return ratio(v(kRouteHours), v(delivered)); }, true);
  derived(Indicator::mean_queue_wait_hours, [&](auto v) { return ratio(v(kWaitHours), v(slot(Indicator::legitimate_crossings))); }, true);
  derived(Indicator::p_wait_positive, [&](auto v) { return ratio(v(kWaitPositive), v(slot(Indicator::legitimate_crossings))); }, true);
  derived(Indicator::mean_crossing_delay_hours,
          [&](auto v) { return ratio(v(kDelayHours), v(slot(Indicator::legitimate_crossings))); }, true);
  derived(Indicator::observed_method_use, [&](auto v) { return ratio(v(kObservedUses), v(kObservedShifts)); }, true);
  derived(Indicator::true_method_use, [&](auto v) { return ratio(v(kOfficerUses), v(kOfficerShifts)); }, true);
  derived(Indicator::mean_load_kg, [&](auto v) { return ratio(v(kSentKg), v(slot(Indicator::shipments))); }, false);
  derived(Indicator::loads_per_candidate, [&](auto v) { return ratio(v(slot(Indicator::shipments)), v(kCandidatesSent)); }, false);
  derived(Indicator::resistance_propensity, [&](auto v) { return ratio(v(kResistance), v(slot(Indicator::shipments))); }, false);

  // Percentiles, time averages and flow shape: not additive, computed from their own records.
  std::vector<double> all_bins(kDelayBins + 1, 0.0);
  for (std::size_t m = 0; m < months; ++m) {
    const auto& bins = delay_histogram_[m];
    r.monthly[slot(Indicator::p95_crossing_delay_hours)][m] = bins.empty() ? kNaN : p95_hours(bins);
    for (std::size_t b = 0; b < bins.size(); ++b) all_bins[b] += bins[b];
  }
  r.totals[slot(Indicator::p95_crossing_delay_hours)] = p95_hours(all_bins);

  // Quantiles of the wait for a lane: the vehicles that did not wait, then the histogram.
  const std::size_t crossed = slot(Indicator::legitimate_crossings);
  std::vector<double> all_waits(kWaitBins + 1, 0.0);
  const double bin_hours = 1.0 / 360.0;
  for (std::size_t m = 0; m < months; ++m) {
    const auto& waits = wait_histogram_[m];
    const double zeros = monthly[crossed][m] - monthly[kWaitPositive][m];
    const std::vector<double> none;
    r.monthly[slot(Indicator::p50_queue_wait_hours)][m] = wait_quantile_hours(0.5, zeros, waits.empty() ? none : waits, bin_hours);
    r.monthly[slot(Indicator::p90_queue_wait_hours)][m] = wait_quantile_hours(0.9, zeros, waits.empty() ? none : waits, bin_hours);
    for (std::size_t b = 0; b < waits.size(); ++b) all_waits[b] += waits[b];
  }
  const double zeros = total[crossed] - total[kWaitPositive];
  r.totals[slot(Indicator::p50_queue_wait_hours)] = wait_quantile_hours(0.5, zeros, all_waits, bin_hours);
  r.totals[slot(Indicator::p90_queue_wait_hours)] = wait_quantile_hours(0.9, zeros, all_waits, bin_hours);

  // Time averages over the measured part of each month and of the run (after the warm-up).
  const double from = static_cast<double>(measure_from_);
  double area = 0.0;
  for (std::size_t m = 0; m < months; ++m) {
    area += static_cast<double>(vehicle_ticks_[m]);
    const double start = std::max(from, static_cast<double>(m) * static_cast<double>(kMonthTicks));
    const double length = std::min(horizon_ticks, static_cast<double>(m + 1) * static_cast<double>(kMonthTicks)) - start;
    r.monthly[slot(Indicator::mean_vehicles_in_system)][m] = ratio(static_cast<double>(vehicle_ticks_[m]), length);
  }
  r.totals[slot(Indicator::mean_vehicles_in_system)] = ratio(area, horizon_ticks - from);

  // Per crossing: [month * crossings + crossing] into a total and a row of months per crossing.
  const auto X = static_cast<std::size_t>(crossings_);
  auto per_crossing = [&](const std::vector<double>& sums, std::vector<double>& total, std::vector<std::vector<double>>& by_month) {
    total.assign(X, 0.0);
    by_month.assign(X, std::vector<double>(months, 0.0));
    for (std::size_t m = 0; m < months; ++m)
      for (std::size_t c = 0; c < X; ++c) {
        total[c] += sums[m * X + c];
        by_month[c][m] = sums[m * X + c];
      }
  };
  per_crossing(crossing_kg_, r.crossing_kg, r.crossing_kg_monthly);
  per_crossing(crossing_seizures_, r.crossing_seizures, r.crossing_seizures_monthly);
  per_crossing(crossing_seized_kg_, r.crossing_seized_kg, r.crossing_seized_kg_monthly);
  for (std::size_t m = 0; m < months; ++m) {
    const Flow f = flow_of(crossing_kg_.data() + m * X, crossings_);
    r.monthly[slot(Indicator::crossings_with_flow)][m] = f.crossings_with_flow;
    r.monthly[slot(Indicator::flow_concentration)][m] = f.concentration;
  }
  const Flow f = flow_of(r.crossing_kg.data(), crossings_);
  r.totals[slot(Indicator::crossings_with_flow)] = f.crossings_with_flow;
  r.totals[slot(Indicator::flow_concentration)] = f.concentration;
  for (Indicator i : {Indicator::p95_crossing_delay_hours, Indicator::mean_vehicles_in_system, Indicator::crossings_with_flow,
                      Indicator::flow_concentration, Indicator::p50_queue_wait_hours, Indicator::p90_queue_wait_hours})
    for (std::size_t c = 0; c < countries; ++c) r.by_country[slot(i)][c] = kNaN;
  // Per unit and per organisation: [measure * n + i] into a row per measure.
  auto rows_of = [](const std::vector<double>& sums, std::size_t measures, int n) {
    std::vector<std::vector<double>> rows(measures);
    for (std::size_t k = 0; k < measures; ++k)
      rows[k].assign(sums.begin() + static_cast<std::ptrdiff_t>(k * static_cast<std::size_t>(n)),
                     sums.begin() + static_cast<std::ptrdiff_t>((k + 1) * static_cast<std::size_t>(n)));
    return rows;
  };
  r.by_unit = rows_of(by_unit_, kUnitMeasureCount, units_);
  r.by_organisation = rows_of(by_organisation_, kOrganisationMeasureCount, organisations_);
  // Months that end before the warm-up does were not measured.
  for (std::size_t m = 0; m < months; ++m)
    if (static_cast<Time>(m + 1) * kMonthTicks <= measure_from_)
      for (auto* group : {&r.monthly, &r.crossing_kg_monthly, &r.crossing_seizures_monthly, &r.crossing_seized_kg_monthly})
        for (auto& series : *group) series[m] = kNaN;
  return r;
}

}  // namespace bstp::border
