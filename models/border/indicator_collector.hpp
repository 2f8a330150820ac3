// The observer that turns domain facts into indicators. Each LP owns one collector (no sharing
// between threads); the collectors are merged in LP order after the run, so sums are
// bit-identical whatever the scheduler.
#pragma once

#include "indicators.hpp"

#include <bstp/time.hpp>

#include "compiled_scenario.hpp"

#include <array>
#include <vector>

namespace bstp::border {

class IndicatorCollector {
 public:
  IndicatorCollector(int months, int countries, int crossings);

  // Domain facts, as the entities report them. `country` is the country where it happened.
  void shipment_sent(Time t, double kg, double cost_usd);
  void shipment_seized(Time t, int country, double kg, int arrests);
  void shipment_delivered(Time t, int country, double kg, double revenue_usd);
  void bribe_taken(Time t, int country, double usd);
  void violent_incident(Time t, int country, int deaths, bool reported);
  void cohort_trained(Time t, int country, int officers);
  void training_paid(Time t, int country, double usd);
  // A lever's cost (one of programme_cost_parts()), paid at t by `country`.
  void lever_paid(Indicator lever, Time t, int country, double usd);
  void vehicle_crossed(Time t, int country, double wait_hours, double delay_hours, double trade_cost_usd);
  void vehicles_in_system(Time t, double vehicle_seconds);  // area under the number-in-system curve
  void crossing_used(Time t, int crossing, double kg);

  void merge(const IndicatorCollector& other);
  // What was added to an additive indicator in month `month` by country `country` (-1: not attributed).
  double sum(Indicator i, int month, int country) const { return at(i, month, country); }
  int months() const { return months_; }
  int countries() const { return countries_; }
  ReplicationResult result(double horizon_seconds) const;

 private:
  static constexpr int kDelayBins = 24 * 60;  // one-minute bins up to a day; the last bin holds the rest
  int month_of(Time t) const;
  void add(Indicator i, Time t, int country, double value);

  int months_, countries_;
  // sums[indicator][month][country] (country slot `countries_` = not attributed)
  std::vector<double> sums_;
  std::vector<std::vector<double>> delay_histogram_;  // [month] -> bins
  std::vector<double> vehicle_seconds_;               // [month]
  std::vector<double> crossing_kg_;                   // [month * crossings + crossing]
  int crossings_;
  double& at(Indicator i, int month, int country);
  double at(Indicator i, int month, int country) const;
};

}  // namespace bstp::border
