// A scenario turned into what the simulation needs: dense indices, times in seconds, rates per
// second, and the pure formulas (patrol detection, seams) shared by the entities. Built once per
// policy, then read (never written) by every replication, whatever thread runs it.
#pragma once

#include "border_graph.hpp"
#include "clock.hpp"
#include "events.hpp"
#include "scenario.hpp"
#include "scenario_bounds.hpp"

#include <bstp/random.hpp>
#include <bstp/time.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace bstp::border {


struct CountryParams {
  std::string id;
  Police police;
  std::vector<int> cohorts;   // indices into CompiledScenario::cohorts of cohorts training its officers
  std::vector<int> observers; // indices into CompiledScenario::observers (and scenario.training.observers)
  // Its corruption levers (corruption.audits, .pay, .rotation; the first entry naming it counts):
  std::optional<Audit> audit;         // none: no audit programme
  std::optional<PayRaise> pay_raise;  // none: no raise (or a raise of 0)
  Time rotation = 0;                  // how often its patrol officers move, in ticks; 0: never
};

// One patrol unit: which sector it serves, its place in the sector's shift stagger and its cost.
struct PatrolUnit {
  std::string name;      // from unit_names, else "<sector>.<n>" counting from 1
  int sector = 0;        // index into CompiledScenario::sectors
  int index = 0;         // its position among the sector's units
  int home_base = -1;    // node, or -1
  Time shift_offset = 0; // its daily shift starts this long after midnight, in [0, 1 day)
  double cost_per_day_usd = 0.0;
};

struct SectorParams {
  std::string id;
  int country = 0;
  Placement placement = Placement::random;
  std::vector<int> units;             // indices into CompiledScenario::units
  std::vector<std::size_t> posts;     // edge indices, in cycle order
  std::vector<double> post_weights;   // per post, summing to 1 (random draws, targeted prior)
  Time duty = kDay;                   // length of a shift
  Time shift_start = 0;               // start of the first unit's shift within the day
  Time transit = 0;                   // time to move to a new post
  Time rotation = 7 * kDay;
  double targeting_half_life_ticks = 30.0 * static_cast<double>(kDay);  // of a detection in the targeting weights (>= 1)
  ByTraining detection;
  std::array<double, 5> terrain{1, 1, 1, 1, 1};  // by Mode
  int officers_per_unit = 0;          // 0: the units' officers are not modelled one by one
};

// `value` units of `seconds_per_unit` seconds, in ticks (clock.hpp), rounded: 0 for a negative value
// or NaN, and at most bounds::kLongestDelayTicks (so that a time plus a delay never overflows the clock).
// (Inline: a few times for each of millions of vehicles a run.)
inline Time to_ticks(double value, double seconds_per_unit) {
  const double ticks = value * seconds_per_unit * static_cast<double>(kTicksPerSecond);
  if (!(ticks > 0.0)) return 0;  // negative, zero or not a number
  // Checked: a value beyond the longest delay (a heavy tail, an overflow to infinity) is cut to it.
  if (!(ticks < static_cast<double>(bounds::kLongestDelayTicks))) return bounds::kLongestDelayTicks;
  // Rounded half away from zero, as std::llround does, without the library call (millions of
  // draws a run): for 0 < ticks < 2^53 the fraction ticks - whole is exact.
  const auto whole = static_cast<Time>(ticks);
  return ticks - static_cast<double>(whole) >= 0.5 ? whole + 1 : whole;
}

Time draw_ticks(RandomStream& stream, const Distribution& d, double seconds_per_unit);

// A duration distribution ready to draw from many times: a lognormal's log-mean and log-sd are
// converted once, not at every draw. Gives the same ticks as draw_ticks(stream, d, seconds_per_unit).
class DurationDraw {
 public:
  DurationDraw() = default;
  DurationDraw(const Distribution& d, double seconds_per_unit);
  Time operator()(RandomStream& stream) const {
    // A lognormal (a checkpoint's lane time: once per vehicle) inline, the rest out of line.
    if (lognormal_) return to_ticks(stream.lognormal_ziggurat(log_mean_, log_sd_), seconds_per_unit_);
    return draw_ticks(stream, d_, seconds_per_unit_);
  }

 private:
  Distribution d_;
  double seconds_per_unit_ = 1.0;
  bool lognormal_ = false;                // with a positive mean and sd
  double log_mean_ = 0.0, log_sd_ = 0.0;  // its mu and sigma
};

struct CheckpointParams {
  std::string node_id;
  NodeIndex node = 0;
  int country = 0;
  int lanes = 1;
  DurationDraw service;            // a vehicle's lane time (minutes in the scenario)
  double inspection = 0.0;
  double secondary = 0.0;
  DurationDraw secondary_service;  // added by a secondary inspection
  ByTraining detection;
  int officers = 0;                   // 0: not modelled one by one
  double vehicles_per_second = 0.0;  // per second of the clock (not per tick)
  std::array<double, 24> profile{};  // hourly multipliers (all 1 without a profile)
  // Seconds between arrivals on average in each hour of the day (the inverse of
  // vehicles_per_second times the hour's multiplier); 0 in an hour without traffic.
  std::array<double, 24> mean_gap{};
};

struct OrganisationParams {
  std::string id;
  Organisation spec;
  std::vector<NodeIndex> sources, destinations;
  double shipments_per_second = 0.0;
  Time reporting_delay = 0;
  Time retry_after = 0;  // a turned-back shipment sets off again this much later (at least the handover delay)
  double reference_kg = 0.0;  // the load the detection figures are for (load splitting; load_splitting.hpp)
  double risk_half_life_ticks = 1.0;  // of what it learned of a leg (spec.risk.memory_half_life_days; >= 1)
};

struct CohortParams {
  int country = 0;
  int seats = 0;
  Time start = 0, end = 0;
  double cost_usd = 0.0;
  bool refresher = false;
};

// An observer team's visits (docs/model.md, "Observers"). Posts are keyed as
// CompiledScenario::post_key says.
struct ObserverParams {
  int country = 0;
  bool whole_country = false;  // no sectors and no visits: watches every post of the country at once
  std::vector<int> posts;      // the post keys it visits, in order
  Time start = 0, end = 0;
  Time visit = 0;              // time with each post (0: all of them at once)
  double boost = 0.0, spillover = 0.0;
};

// An order of the scenario's `orders:` schedule, compiled: delivered to `country` at `at`.
struct ScheduledOrder {
  Time at = 0;
  int country = 0;
  OrderArrives event;
};

struct ExerciseParams {
  int a = 0, b = 0;
  Time at = 0;
  double closure = 0.0;
};

class CompiledScenario {
 public:
  // Throws std::invalid_argument when the scenario cannot be simulated (e.g. a leg patrolled by a
  // third country's sector).
  explicit CompiledScenario(const Scenario& scenario);

  const Scenario& scenario() const { return scenario_; }
  const BorderGraph& graph() const { return graph_; }
  Time horizon() const { return horizon_; }
  int months() const { return months_; }
  // Indicators count what happens from this time on (scenario.warmup_days; 0 = from the start).
  Time warmup() const { return warmup_; }

  std::vector<CountryParams> countries;
  std::vector<SectorParams> sectors;
  std::vector<PatrolUnit> units;        // every sector's units, sector by sector
  std::vector<int> arc_post;            // per arc: index into its sector's posts, -1 if not a post
  std::vector<CheckpointParams> checkpoints;
  std::vector<int> checkpoint_at_node;  // per node: checkpoint index or -1
  std::vector<int> node_country;        // per node
  std::vector<int> arc_detector;        // per arc: country whose patrols watch it (-1 = nobody)
  std::vector<OrganisationParams> organisations;
  std::vector<CohortParams> cohorts;
  std::vector<ObserverParams> observers;
  std::vector<ExerciseParams> exercises;
  std::vector<ScheduledOrder> scheduled_orders;  // by time, then in the schedule's order
  // The scenario's parameters that entities read during a run, taken from it once here (entities
  // read these, never scenario()): the master seed of every random stream, and the economy,
  // violence, enforcement and cost sections, with the few values they use from elsewhere.
  std::uint64_t seed = 0;
  Economy economy;
  int jobs_country = 0;  // economy.jobs_country as a country index (its empty default: the first country)
  Violence violence;
  Enforcement enforcement;
  Costs costs;
  double method_use_share = 0.0;    // training.method_use_share, as written
  double escape_probability = 0.0;  // coordination.escape_probability
  double turnover_per_tick = 0.0;   // training.turnover_per_year (>= 0), per tick
  double skill_half_life_ticks = 1.0;  // training.skill_half_life_days in ticks (>= 1)

  std::vector<int> edge_first_country;  // per scenario edge: the country of its first end (`from`)
  std::vector<NodeIndex> crossings;     // border crossings (ports of entry, blind crossings) in node order
  std::vector<int> crossing_slot;       // per node: index into crossings or -1
  // The crossing a seizure on leg `a` counts at: where the leg starts, else where it ends; -1
  // when neither end is a crossing (docs/results-format.md, "Seizures at each crossing").
  int crossing_of_leg(ArcIndex a) const {
    const int start = crossing_slot[graph_.arc(a).from];
    return start >= 0 ? start : crossing_slot[graph_.arc(a).to];
  }

  int country_index(const std::string& id) const;
  // Places where officers work, keyed: patrol unit u is post u, checkpoint c is post units.size() + c.
  int unit_post(int u) const { return u; }
  int checkpoint_post(int c) const { return static_cast<int>(units.size()) + c; }
  int post_count() const { return static_cast<int>(units.size() + checkpoints.size()); }
  int post_country(int post) const;
  int post_officers(int post) const;  // 0: not modelled one by one
  bool is_seam(ArcIndex a) const { return node_country[graph_.arc(a).from] != node_country[graph_.arc(a).to]; }
  // The country on the other side of a seam arc, seen from `country`.
  int other_side(ArcIndex a, int country) const;
  bool hot_pursuit(int a, int b) const;
  // An observer team's visits, compiled (also for a team sent by an order during the run).
  ObserverParams observer_params(const ObserverTeam& team) const;
  bool shares_information(int from, int to, Time& delay, Time& alert, double& boost) const;

  // Multiplier on patrol detection of a leg joining two countries: 1 when a joint patrol pairs
  // the leg's sector with a sector of the country across the leg, else 1 - seam_penalty reduced
  // by joint exercises held by time t.
  // joint_patrol: a joint patrol ordered during the run pairs them (a tabletop order).
  double seam_factor(ArcIndex a, Time t, bool joint_patrol = false) const;

  // P(one unit on arc a's post throughout a passage detects the shipment), given the detecting
  // country's state. skill: share of officers trained and using the methods; availability: share
  // not away in training; alert: multiplier from shared intelligence (1 = none).
  // joint_patrol: as for seam_factor.
  double unit_detection(ArcIndex a, Time t, double skill, double availability, double alert, bool joint_patrol = false) const;
  // The expected share of time unit u spends on post p of its sector over its placement cycle.
  double expected_presence(int u, int post) const;
  // P(contraband is found at checkpoint c), given the skill share of its officers.
  double checkpoint_detection(int c, double skill) const;
  // Detection probabilities with everyone at their starting state and units at their expected
  // presence over the placement cycle (what an informed organisation knows): per arc, including
  // a checkpoint at the arc's start.
  const std::vector<double>& informed_risk() const { return informed_risk_; }
  double initial_skill(int country) const;

  static std::size_t mode_index(Mode m) { return static_cast<std::size_t>(m); }

 private:
  void compile_sector(const std::string& id, const Sector& s);
  void compile_observer(const ObserverTeam& team);
  void compile_orders();
  void compile_coordination();
  double expected_patrol_detection(ArcIndex a, double skill) const;

  Scenario scenario_;
  BorderGraph graph_;
  Time horizon_ = 0;
  Time warmup_ = 0;
  int months_ = 0;
  std::vector<double> informed_risk_;
  // Coordination, compiled once so that no event looks up ids: per pair of countries
  // [a * countries + b] (both ways) a hot-pursuit agreement and the terms of information sharing
  // (the first entry of the list naming the pair); per arc, whether a joint patrol pairs its
  // sector with one of the country across it.
  struct SharingTerms {
    bool on = false;
    Time delay = 0, alert = 0;
    double boost = 0.0;
  };
  std::vector<char> hot_pursuit_;
  std::vector<SharingTerms> sharing_;
  std::vector<char> joint_patrolled_;
  std::size_t pair(int a, int b) const { return static_cast<std::size_t>(a) * countries.size() + static_cast<std::size_t>(b); }
};

// Days and hours (as scenario files and orders write them) in ticks, checked as to_ticks.
inline Time days_to_ticks(double days) { return to_ticks(days, kSecondsPerDay); }
inline Time hours_to_ticks(double hours) { return to_ticks(hours, kSecondsPerHour); }
// Draws a duration from `d` (in its own units of `seconds_per_unit` seconds) and returns it in ticks (>= 0).
Time draw_ticks(RandomStream& stream, const Distribution& d, double seconds_per_unit);
double draw(RandomStream& stream, const Distribution& d);


}  // namespace bstp::border
