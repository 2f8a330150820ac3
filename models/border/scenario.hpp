// The border-interdiction scenario: plain data, read from YAML by scenario_loader and documented
// in docs/scenario-format.md. Units are in the names: *_hours, *_days, *_usd, *_kg. Probabilities
// are in [0, 1]. Maps keyed by id keep dotted parameter paths readable
// (e.g. `training.programs.creompaz_basic.seats`).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bstp::border {

// A non-negative random duration or quantity. `kind` is one of: fixed (value = mean),
// exponential (mean), uniform (min, max), normal (mean, sd; truncated at 0),
// lognormal (mean, sd of the variable itself).
struct Distribution {
  enum class Kind { fixed, exponential, uniform, normal, lognormal };
  Kind kind = Kind::fixed;
  double mean = 0.0;
  double sd = 0.0;
  double min = 0.0;
  double max = 0.0;
};

// Detection, bribe acceptance and use of force differ by training level.
struct ByTraining {
  double untrained = 0.0;
  double trained = 0.0;
};

struct Police {
  int officers = 0;              // border police officers of the country
  double share_trained = 0.0;    // share already trained at the start
  ByTraining bribe_acceptance;   // P(officer accepts an offered bribe)
  ByTraining use_of_force;       // P(a confrontation turns deadly, given one happens), by officer training
};

struct Country {
  std::string id;  // map key: GT, MX, BZ, SV, HN, ...
  std::string name;
  Police police;
};

enum class NodeKind { hub, town, port_of_entry, blind_crossing, airstrip, landing };
enum class Mode { road, trail, river, sea, air };

struct Node {
  std::string id;  // map key
  std::string name;
  NodeKind kind = NodeKind::town;
  std::string country;
  double lat = 0.0;
  double lon = 0.0;
  std::string sector;  // optional patrol sector covering the node ("" = none)
};

struct Edge {
  std::string id;  // optional; defaults to "from-to"
  std::string from;
  std::string to;
  Mode mode = Mode::road;
  Distribution travel_hours;
  double exposure = 0.0;  // weight of the leg as a post of its sector's units (random, targeted), [0, 1]
  std::string sector;     // patrol sector covering the leg ("" = none)
  // When set, the probability that a shipment on this leg is detected, replacing the patrol
  // model (used for calibration and analytic checks).
  std::optional<double> detection_probability;
  bool bidirectional = true;
};

// How a sector's units choose their posts, shift by shift (docs/model.md, "Patrol units").
enum class Placement { fixed, random, rotation, targeted };
using Movement = Placement;  // the key's former name (`movement`), still read

// A kind of patrol unit (a foot team, a vehicle, a boat) and what a unit of it costs.
struct UnitKind {
  std::string id;  // map key
  std::string description;
  double cost_per_unit_day_usd = 0.0;  // officers' pay, fuel, upkeep of one unit for one day
};

struct Sector {
  std::string id;  // map key
  std::string country;
  int units = 0;                        // patrol units (or the length of unit_names)
  std::vector<std::string> unit_names;  // optional names of the units, one each
  std::string unit_kind;                // a unit_kinds id ("" = none: no cost)
  std::string home_base;                // node where the units are based ("" = none)
  int officers_per_unit = 0;
  double hours_on_duty_per_day = 24.0;  // length of each unit's daily shift, in hours
  double shift_start_hour = 6.0;        // when the first unit's shift starts; the others are staggered
  double transit_hours = 0.0;           // moving from the home base or another post to a new post
  std::optional<Placement> placement;   // default random
  std::optional<Placement> movement;    // former name of placement
  std::vector<std::string> posts;       // edge ids the units are posted to (default: the sector's legs)
  double rotation_days = 7.0;           // for placement: rotation, how long a unit stays at a post
  double targeting_memory_days = 30.0;  // for placement: targeted, half-life of a detection's weight
  ByTraining detection;                 // P(one unit on a leg throughout a passage detects the shipment)
  std::map<std::string, double> terrain;  // mode -> detection multiplier (default 1)
};

struct Checkpoint {
  std::string node;  // map key: a port_of_entry node
  int lanes = 1;
  Distribution service_minutes;
  double inspection_probability = 0.0;  // P(a vehicle gets a primary inspection beyond the document check)
  double secondary_probability = 0.0;   // P(secondary inspection | inspected)
  Distribution secondary_minutes;
  ByTraining detection;                 // P(contraband found | secondary inspection)
  int officers = 0;                     // officers at the checkpoint (0 = not modelled one by one)
};

struct TrafficFlow {
  std::string node;  // map key: a port of entry with a checkpoint
  double vehicles_per_hour = 0.0;       // Poisson arrivals
  std::vector<double> daily_profile;    // optional 24 multipliers (mean 1) by hour of day
};

struct RiskModel {
  enum class Perception { learned, informed };
  Perception perception = Perception::learned;  // informed: knows the true detection probabilities
  double prior_risk = 0.05;        // perceived detection probability of an untried leg
  double prior_weight = 5.0;       // pseudo-observations behind the prior
  double memory_half_life_days = 180.0;
  double risk_aversion = 1.0;      // multiplies the expected loss in the route cost
  // mode -> prior hazard per hour of travel: an untried leg of h hours by that mode is judged
  // 1 - exp(-hazard x h), so cutting a leg into several does not change its prior (modes not
  // listed keep prior_risk per leg).
  std::map<std::string, double> prior_risk_per_hour;
};

// How an organisation chooses among routes (docs/model.md, "Route choice").
struct RouteChoice {
  enum class Rule { cheapest, logit };
  Rule rule = Rule::cheapest;  // cheapest: one Dijkstra route; logit: a draw among the k cheapest
  double temperature_usd = 0.0;  // logit: route-cost difference (USD) that makes a route e times less likely
  int candidates = 5;            // logit: how many of the cheapest routes are considered
};

// Lookouts watching the police: which patrol units they see on which legs, reported late and
// sometimes wrong (docs/model.md, "Traffickers watch the units").
struct Surveillance {
  double sighting_probability = 0.0;  // P(the lookouts see a unit on its post during one shift); 0 = no lookouts
  double delay_days = 2.0;            // a day's sightings reach the organisation this much later
  double noise = 0.0;                 // P(a sighting names a post of the sector drawn at random instead)
  double feared_detection = 0.3;      // what the organisation believes one unit on a leg detects per passage
};

// Another way to the market outside the modelled network (a corridor elsewhere, a direct sea or
// air route), with its own cost and risk: shipments that the border network deters go there when
// it pays (docs/model.md, "Traffickers' economics").
struct OutsideOption {
  bool available = false;
  double cost_usd_per_kg = 0.0;  // transport, bribes and wages of the whole outside route, per kg
  double risk = 0.0;             // P(a load sent that way is lost)
};

// Standing protection: a monthly payment per patrol unit of the listed sectors whose officers
// accept it; a captured unit does not detect the organisation's loads (docs/model.md, "Corruption").
// --- Coercive capture (plata o plomo; branch corruption-levers) ---
// A unit that refuses the payment may be threatened; under threat it gives in more often, and a
// refusal under threat may be answered by an attack on its officers (docs/model.md, "Corruption").
struct Coercion {
  double threat_probability = 0.0;       // P(the organisation threatens a unit that refused its payment); 0 = collusion only
  double acceptance_under_threat = 0.5;  // P(a threatened unit gives in and is captured)
  double attack_probability = 0.0;       // P(a unit that refuses under threat is attacked)
  double deaths_per_attack = 1.0;        // mean officers killed in an attack (Poisson)
};
// --- end coercive capture ---

struct Protection {
  std::vector<std::string> sectors;   // sector ids the organisation buys protection in (none = no protection)
  double usd_per_unit_month = 0.0;    // paid per captured unit per month
  Coercion coercion;                  // plata o plomo (branch corruption-levers)
  double recapture_days = 30.0;       // after a rotation, days before the organisation approaches the new officers
};

// Load splitting (docs/model.md, "Load splitting"; issue 10): a candidate load may go as up to
// max_loads smaller loads, each with its couriers, its own route draw and its own detection
// chances, when that is expected to pay. Off with max_loads 1 (the default).
struct LoadSplitting {
  int max_loads = 1;               // the most loads one candidate is split into (1 = never split)
  double size_elasticity = 0.0;    // detection hazard ~ (load kg / reference_kg)^elasticity (0 = size does not matter)
  double reference_kg = 0.0;       // load the detection figures are for (0 = the mean of shipment_kg)
  double cost_per_load_usd = 0.0;  // fixed cost of one more load (vehicle, concealment, coordination)
};

struct Organisation {
  std::string id;  // map key
  std::string name;
  std::vector<std::string> sources;
  std::vector<std::string> destinations;
  double shipments_per_month = 0.0;
  Distribution shipment_kg;
  double value_per_kg_usd = 0.0;        // wholesale value at the destination
  double purchase_cost_usd_per_kg = 0.0;  // price paid for the product at the source (0 = not modelled)
  OutsideOption outside_option;         // where deterred shipments can go instead
  double cost_of_time_usd_per_hour = 0.0;
  double transport_cost_usd_per_kg = 0.0;  // couriers, vehicles, fuel per kg shipped
  double bribe_offer_share = 0.1;       // share of the load's value offered as a bribe
  double propensity_to_bribe = 0.5;     // P(offers a bribe when detected)
  double propensity_to_fight = 0.1;     // P(resists with violence when detected and not bribed)
  double couriers_per_shipment = 2.0;   // mean people arrested at a seizure
  RiskModel risk;
  double loss_tolerance = 0.3;          // share of recent shipments lost that it tolerates before cutting volume sharply
  double deterrence_elasticity = 1.0;   // volume ~ (expected profit / profit on an untested route)^elasticity
  double reporting_delay_days = 3.0;    // delay before a loss reaches the organisation
  Surveillance surveillance;
  // Turn-backs (docs/model.md, "Attempts and their outcomes"): a shipment a patrol detects
  // retreats to the start of the leg with this probability, before the officers reach it, and is
  // sent again retry_after_hours later by the route the organisation then prefers.
  double turn_back_probability = 0.0;
  double retry_after_hours = 24.0;
  int max_turn_backs = 3;               // after this many, a detected shipment no longer retreats
  RouteChoice route_choice;
  Protection protection;
  // Load splitting and resistance (issue 10, branch load-split).
  LoadSplitting load_splitting;
  double resistance_escape = 0.0;       // P(a load gets away when its couriers fight, at a detection that is not bribed)
};

// A class of officers. Its seats go to countries in one of three ways (exactly one is given):
// `countries` (split evenly), `country_weights` (split in proportion) or `seats_by_country`
// (counted out; `seats` is then their sum). See seat_allocation.hpp.
struct Cohort {
  double start_day = 0.0;
  int seats = 0;
  double length_weeks = 4.0;
  std::vector<std::string> countries;              // seats are split evenly across these
  std::map<std::string, double> country_weights;   // or: seats split in proportion to these weights
  std::map<std::string, int> seats_by_country;     // or: these seats for each country
  bool refresher = false;  // a refresher: its seats go to trained officers and restore their faded skill
};

struct TrainingProgram {
  std::string id;  // map key: creompaz_basic, pearson_advanced, ...
  std::string provider;
  double cost_per_seat_usd = 0.0;
  std::vector<Cohort> cohorts;
};

// A team that watches officers at work (docs/model.md, "Observers"): from start_day for `days`
// it visits the units of `sectors` (all the country's units and checkpoints if none) one after
// another, days_per_visit each (0: all of them at once, throughout).
struct ObserverTeam {
  std::string country;
  double start_day = 0.0;
  double days = 30.0;
  std::vector<std::string> sectors;  // the sectors whose units it visits ([] = every post of the country)
  double days_per_visit = 0.0;       // how long it stays with each unit (0 = watches them all at once)
  double method_use_boost = 0.3;     // Hawthorne effect: added to a trained officer's P(using the methods) while observed
  double spillover = 0.0;            // added (it may be negative) while the team visits others of its units
};

struct Training {
  std::map<std::string, TrainingProgram> programs;
  double skill_half_life_days = 365.0;  // trained skills decay towards untrained
  double method_use_share = 0.6;        // P(a trained officer actually uses the methods), officer by officer
  double turnover_per_year = 0.0;       // rate at which officers leave their posts (transfers, attrition), replaced untrained
  std::vector<ObserverTeam> observers;
};

struct InformationSharing {
  std::string a, b;             // country pair
  double delay_days = 1.0;      // a seizure report reaches the partner after this delay
  double alert_days = 14.0;     // how long the partner's patrols stay alerted
  double alert_detection_boost = 0.5;  // relative rise of detection on the alerted seam
};

struct JointPatrol {
  std::string sector_a, sector_b;  // a cross-border pair of sectors
};

struct HotPursuit {
  std::string a, b;
};

struct JointExercise {
  std::vector<std::string> countries;
  double day = 0.0;
  double seam_closure = 0.2;  // lasting reduction of the seam penalty between these countries
};

struct Coordination {
  double seam_penalty = 0.5;   // relative loss of detection on legs joining two countries, absent coordination
  double escape_probability = 0.3;  // P(a detected shipment not seized escapes), absent hot pursuit across a seam
  std::vector<InformationSharing> information_sharing;
  std::vector<JointPatrol> joint_patrols;
  std::vector<HotPursuit> hot_pursuit;
  std::vector<JointExercise> joint_exercises;
};

struct Economy {
  double trade_cost_usd_per_vehicle_hour = 0.0;  // cost of legitimate-crossing delay to trade
  double courier_wage_usd = 0.0;        // per courier per shipment
  bool jobs_program = false;            // the program's job-creation arm (off by default)
  double jobs_wage_increase = 0.0;      // relative rise of the courier wage when it is on
  // Courier recruitment (docs/model.md, "Jobs and the local economy"): a courier must be paid at
  // least `courier_premium` x the outside wage for the days of a trip.
  double local_wage_usd_per_month = 0.0;  // what local youth earn in legal work (0 = not modelled)
  double courier_premium = 2.0;           // pay multiple a courier asks over the outside wage
  double trip_days = 3.0;                 // days of a courier's trip
  int jobs_created = 0;                   // jobs the programme creates (when jobs_program is on)
  double jobs_wage_usd_per_month = 0.0;   // their wage
  int youth_pool = 1000;                  // local youth the couriers are recruited from
  std::string jobs_country;               // where the jobs are ("" = the first country)
};

// An audit programme (Olken 2007): each officer is monitored with share_monitored, and a monitored
// officer accepts bribes acceptance_reduction less often (relative).
struct Audit {
  std::string country;
  double share_monitored = 0.0;
  double acceptance_reduction = 0.0;
  double caught_probability = 0.5;  // P(a bribe taken by a monitored officer is found and the officer dismissed) (pay lever)
};

// --- Officer pay and rotation levers (branch corruption-levers; docs/model.md, "Corruption") ---
// A raise for every officer of the country: an officer who takes a bribe risks losing it for the
// months left in the job, in proportion to the chance of being caught (efficiency wage).
struct PayRaise {
  std::string country;
  double usd_per_officer_month = 0.0;  // the raise
  double months_left = 60.0;           // expected months an officer keeps the job (what a dismissal costs)
  double caught_probability = 0.02;    // P(a bribe taken by an officer no audit monitors is found and the officer dismissed)
};
// Patrol officers are moved every `every_days`: a unit's capture lapses and must be bought again.
struct Rotation {
  std::string country;
  double every_days = 0.0;  // 0 = no rotation
};
// --- end officer pay and rotation ---

struct Corruption {
  std::vector<Audit> audits;
  std::vector<PayRaise> pay;         // branch corruption-levers
  std::vector<Rotation> rotation;    // branch corruption-levers
};

// Who dies in violent incidents: shares of the dead (normalised by their sum).
struct DeathShares {
  double officers = 0.0;
  double traffickers = 1.0;
  double bystanders = 0.0;
};

// Violence between trafficking groups at nodes (docs/model.md, "Violence"). Off while base_rate is 0.
struct ContestationParams {
  double base_rate = 0.0;         // expected incidents per load passing a node, before the factors below
  double diversion_weight = 0.0;  // x (1 + weight x share of the node's recent flow that is new)
  double rival_weight = 0.0;      // x (1 + weight x other organisations present at the node)
  double scarcity_weight = 0.0;   // x (1 + weight x recent seized share of kg in the country)
  double recent_days = 30.0;      // memory of recent flow (and of seizures)
  double established_days = 365.0;  // memory of established flow
  double deaths_per_incident = 1.0;  // mean (Poisson)
};

// Which violent incidents are reported: all deadly ones; the others with a probability that
// follows community trust.
// --- Community committees (round tables; branch corruption-levers) ---
// Committees meeting from start_day for `days` raise community trust in the police: the gain
// builds up towards committees x trust_per_committee and fades after they stop.
struct Committees {
  std::string country;
  int committees = 0;
  double start_day = 0.0;
  double days = 0.0;                  // 0 = to the end of the run
  double trust_per_committee = 0.02;  // long-run rise of the reporting probability per committee
  double build_up_days = 180.0;       // time constant of the rise (and of the fading after they stop)
};
// --- end community committees ---

struct Reporting {
  double trust = 0.5;                 // P(a non-deadly incident is reported) with no recent corruption or police killing
  double community_engagement = 0.0;  // added to it: a standing effect with no cost (former form; see committees)
  std::vector<Committees> committees; // the costed lever (branch corruption-levers)
  double bribe_penalty = 0.0;         // subtracted per recent bribe taken in the country (fading)
  double force_penalty = 0.0;         // subtracted per recent death in a police encounter (fading)
  double memory_days = 180.0;         // half-life of that memory
};

struct Violence {
  ContestationParams contestation;
  DeathShares contestation_deaths{0.05, 0.75, 0.2};
  DeathShares encounter_deaths{0.2, 0.8, 0.0};
  Reporting reporting;
};

// Conditional or unconditional enforcement (docs/model.md, "Violence"; Lessing 2015, 2017; issue
// 10, branch load-split). Conditional: each country raises the detection hazard of an
// organisation's loads by 1 + violence_weight x that organisation's recent share of violent
// confrontations, and organisations adapt how often their couriers resist.
struct Enforcement {
  enum class Rule { unconditional, conditional };
  Rule rule = Rule::unconditional;
  double violence_weight = 0.0;  // conditional: the hazard multiplier's rise for an organisation whose every confrontation is violent
  double memory_days = 90.0;     // half-life of the state's record of each organisation's violence
  double posture_step = 0.05;    // how far an organisation moves its propensity to fight at one candidate shipment
};

// What each lever costs, besides the rates that sit on the lever's own entry (a training programme's
// cost_per_seat_usd, a unit kind's cost_per_unit_day_usd). Charged for what happens in a
// replication (docs/model.md, "Programme costs"); a lever that is not used costs nothing.
struct JobsProgramCost {
  double usd_per_job_month = 0.0;      // wage and overhead of one funded job for a month
  std::map<std::string, double> jobs;  // country -> jobs funded while economy.jobs_program is on
};

struct Costs {
  double backfill_usd_per_officer_day = 0.0;      // an officer's day in class, paid to cover the post
  double checkpoint_lane_usd_per_day = 0.0;       // staffing and upkeep of one lane for a day
  double inspection_usd = 0.0;                    // one primary inspection beyond the document check
  double secondary_inspection_usd = 0.0;          // one secondary inspection, on top of the primary
  double joint_patrol_usd_per_day = 0.0;          // one pair of sectors patrolling jointly, per day
  double information_sharing_setup_usd = 0.0;     // one agreement, paid on day 0
  double information_sharing_usd_per_month = 0.0; // one agreement's running cost
  double hot_pursuit_usd_per_month = 0.0;         // one agreement's liaison and legal upkeep
  double joint_exercise_usd = 0.0;                // one exercise, paid on its day
  double observer_team_usd_per_day = 0.0;         // one observer team in the field for a day
  JobsProgramCost jobs_program;
  // Corruption and community levers (branch corruption-levers); the raise itself sits on corruption.pay.
  double rotation_usd_per_officer = 0.0;          // moving allowance of one officer at one rotation
  double committee_usd_per_month = 0.0;           // one community committee meeting for a month
};

// What a country may spend on the programme: over the run, per month, or both.
struct Budget {
  std::string country;  // map key
  std::optional<double> total_usd;
  std::optional<double> usd_per_month;
};

// How costs and benefits of later months are weighed against today's (docs/model.md,
// "Incremental cost-effectiveness").
struct Discounting {
  double rate_per_year = 0.0;              // month m weighs (1 + rate)^(-m/12)
  double benefits_beyond_run_years = 0.0;  // credit the run's last-year effect for this long after the run
};

// An order of the order language given at a time of the run, as a planner's schedule
// (docs/model.md, "Orders during a run"): the same words a team types in a tabletop exercise.
struct TimedOrder {
  double day = 0.0;   // days since the start of the run; orders of one day apply in list order
  std::string order;  // e.g. "post gt_suchiate.2 ocos_landing-suchiate_barra"
};

struct Policy {
  std::string name;
  std::string description;
  std::vector<std::pair<std::string, std::string>> set;  // dotted path, YAML value text (applied in order)
};

struct Scenario {
  std::string name;
  std::string description;
  double horizon_days = 730.0;
  double warmup_days = 0.0;  // indicators count from this day on (organisations still learn before it)
  std::uint64_t seed = 1;
  int replications = 10;
  std::map<std::string, Country> countries;
  std::map<std::string, Node> nodes;
  std::vector<Edge> edges;
  std::map<std::string, UnitKind> unit_kinds;
  std::map<std::string, Sector> sectors;
  std::map<std::string, Checkpoint> checkpoints;
  std::map<std::string, TrafficFlow> traffic;
  std::map<std::string, Organisation> organisations;
  Training training;
  Coordination coordination;
  Economy economy;
  Violence violence;
  Corruption corruption;
  Enforcement enforcement;  // issue 10, branch load-split
  Costs costs;
  std::map<std::string, Budget> budget;
  Discounting discounting;
  std::vector<TimedOrder> orders;  // given during the run, in day order
  std::vector<Policy> policies;  // in file order; none means one policy "baseline"
};

}  // namespace bstp::border
