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

// Who died in one violent incident.
struct Deaths {
  int officers = 0;
  int traffickers = 0;
  int bystanders = 0;
  int total() const { return officers + traffickers + bystanders; }
};

class IndicatorCollector {
 public:
  // Facts before `measure_from` (a warm-up) are not counted.
  // `horizon` 0: the end of the last month.
  IndicatorCollector(int months, int countries, int crossings, Time measure_from = 0, int units = 0, int organisations = 0,
                     Time horizon = 0);
  // Sized for the scenario's months, countries, crossings, patrol units and organisations,
  // measuring after its warm-up.
  explicit IndicatorCollector(const CompiledScenario& scenario);

  // Domain facts, as the entities report them. `country` is the country where it happened.
  // cost_usd: what the shipment costs besides the product (transport, couriers); purchase_usd: the product.
  void shipment_sent(Time t, double kg, double cost_usd, double purchase_usd, double route_hours);
  // A candidate load sent on the network as `loads` shipments whose couriers fight with `resistance`.
  void candidate_sent(Time t, int loads, double resistance);
  void shipment_deterred(Time t, double kg);
  void shipment_diverted(Time t, double kg);
  // value_usd: the seized kg at their replacement cost where seized.
  void shipment_seized(Time t, int country, double kg, int arrests, double value_usd);
  void shipment_delivered(Time t, int country, double kg, double revenue_usd);
  void bribe_taken(Time t, int country, double usd);
  void violent_incident(Time t, int country, const Deaths& deaths, bool reported, bool contestation);
  void cohort_trained(Time t, int country, int officers);
  // Units captured for one rotation period, by kind (dated when the period's measured part begins).
  void captures_counted(Time t, int country, int collusive, int coercive);
  // Captured units held in the month of `t`: unit-months within that month and their payments.
  void protection_held(Time t, int country, double unit_months, double usd);
  // An attack on officers of a unit that refused under threat (its incident is counted apart).
  void coercion_attack(Time t, int country) { add(Indicator::coercion_attacks, t, country, 1.0); }
  void jobs_paid(Time t, int country, int jobs, double usd);
  void couriers_paid(Time t, int couriers, double usd);
  void training_paid(Time t, int country, double usd);
  // A lever's cost (one of programme_cost_parts()), paid at t by `country`.
  void lever_paid(Indicator lever, Time t, int country, double usd);
  void vehicle_crossed(Time t, int country, double wait_hours, double delay_hours, double trade_cost_usd);
  // A legitimate vehicle was in a checkpoint's system (queue or lane) from `arrival` to
  // `departure`: its time there, split by month, inside the measured part of the run (the area
  // under the number-in-system curve, for Little's law).
  void vehicle_in_system(Time arrival, Time departure);
  void crossing_used(Time t, int crossing, double kg);
  // A shipment of `kg` seized at a border crossing (CompiledScenario::crossing_of_leg).
  void seized_at_crossing(Time t, int crossing, double kg);
  // A fact counted for the patrol unit at `post` (CompiledScenario::unit_post); a checkpoint's post
  // or -1 (a leg with a fixed detection probability) is no unit's and is not counted here.
  void counted_for_unit(Time t, int post, UnitMeasure measure);
  // `value` (1 for a count, kg for kg) counted for organisation `organisation`.
  void counted_for_organisation(Time t, int organisation, OrganisationMeasure measure, double value);
  // What became of one attempt (docs/model.md, "Attempts and their outcomes"). A seizure ends an
  // attempt too (shipment_seized). `route_hours`: from sending to delivery.
  void shipment_turned_back(Time t, int country);
  void attempt_delivered(Time t, int country, bool detected, double route_hours);
  // Officers and training: one day's trained officers at a post, how many of them used the
  // methods, and whether an observer team watched them; officer-days in class.
  void methods_used(Time t, int country, int trained, int using_methods, bool observed);
  void officers_in_class(Time t, int country, double officer_days);

  void merge(const IndicatorCollector& other);
  // What was added to an additive indicator in month `month` by country `country` (-1: not attributed).
  double sum(Indicator i, int month, int country) const { return at(i, month, country); }
  int months() const { return months_; }
  int countries() const { return countries_; }
  ReplicationResult result(double horizon_ticks) const;

 private:
  static constexpr int kDelayBins = 24 * 60;  // one-minute bins up to a day; the last bin holds the rest
  static constexpr int kWaitBins = 24 * 360;  // positive waits for a lane: 10-second bins up to a day, the last holds the rest
  int month_of(Time t) const;
  void add(Indicator i, Time t, int country, double value);

  bool measured(Time t) const { return t >= measure_from_; }

  int months_, countries_;
  Time measure_from_ = 0;
  Time horizon_ = 0;  // nothing after it is counted
  // sums[indicator][month][country] (country slot `countries_` = not attributed)
  std::vector<double> sums_;
  std::vector<std::vector<double>> delay_histogram_;  // [month] -> bins
  std::vector<std::vector<double>> wait_histogram_;   // [month] -> bins of positive waits
  std::vector<Time> vehicle_ticks_;                   // [month]: whole ticks, so the sum's order does not matter
  std::vector<double> crossing_kg_;                   // [month * crossings + crossing]
  std::vector<double> crossing_seizures_;             // [month * crossings + crossing]
  std::vector<double> crossing_seized_kg_;            // [month * crossings + crossing]
  int crossings_;
  std::vector<double> by_unit_;          // [measure * units + unit]
  std::vector<double> by_organisation_;  // [measure * organisations + organisation]
  int units_, organisations_;
  double& at(Indicator i, int month, int country);
  double at(Indicator i, int month, int country) const;
};

}  // namespace bstp::border
