// Validation: each class of problem gives a diagnostic with the right key path and line, and
// every problem in a file is reported in one pass.
#include "scenario_test_support.hpp"

#include <fmt/format.h>

namespace bstp::border::testing {
namespace {

// One broken value: the scenario `kMini` with `from` replaced by `to` (plus `extra` sections)
// must report `path` on `line` with a message containing `expected`.
struct Case {
  std::string from, to, extra;
  std::string path;
  int line;
  std::string expected;
};

void expect_problem(const Case& c) {
  SCOPED_TRACE(c.path);
  const std::vector<Diagnostic> found = problems(with(kMini, c.from, c.to) + c.extra);
  const Diagnostic* d = find(found, c.path);
  ASSERT_NE(d, nullptr) << "no diagnostic for " << c.path << " among:" << listing(found);
  EXPECT_EQ(d->file, "mini.yaml");
  EXPECT_EQ(d->line, c.line) << d->str();
  EXPECT_GT(d->column, 0) << d->str();
  EXPECT_TRUE(contains(d->message, c.expected)) << d->str() << "\nexpected to contain: " << c.expected;
}

TEST(ScenarioValidation, MiniScenarioIsValid) { EXPECT_TRUE(problems(kMini).empty()) << listing(problems(kMini)); }

TEST(ScenarioValidation, ReportsUnknownKeyWithSuggestion) {
  const std::vector<Diagnostic> found = problems(with(kMini, "a: {kind: hub", "a: {kidn: hub"));
  const Diagnostic* d = find(found, "nodes.a.kidn");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->str(), "mini.yaml:6:7: nodes.a.kidn: unknown key (did you mean 'kind'?)");
}

TEST(ScenarioValidation, ReportsUnknownKeysAnywhere) {
  expect_problem({"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, colour: red}", "", "nodes.a.colour", 6,
                  "unknown key (expected one of: name, kind, country, lat, lon, sector)"});
  expect_problem({"", "", "sectrs: {}\n", "sectrs", 14, "did you mean 'sectors'?"});
  expect_problem({"mean: 100}", "mean: 100, sdd: 3}", "", "organisations.cell.shipment_kg.sdd", 13, "did you mean 'sd'?"});
  expect_problem({"", "", "economy: {jobs_programme: true}\n", "economy.jobs_programme", 14, "did you mean 'jobs_program'?"});
}

TEST(ScenarioValidation, ReportsWrongTypes) {
  expect_problem({"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, lat: abc}", "", "nodes.a.lat", 6,
                  "expected a number, got 'abc'"});
  expect_problem({"horizon_days: 30", "horizon_days: 30, replications: 2.5", "", "scenario.replications", 1,
                  "expected a whole number, got '2.5'"});
  expect_problem({"{from: a, to: b,", "{from: a, to: b, bidirectional: maybe,", "", "edges.0.bidirectional", 10,
                  "expected true or false, got 'maybe'"});
  expect_problem({"sources: [a]", "sources: a", "", "organisations.cell.sources", 13, "expected a list, got 'a'"});
  expect_problem({"GT: {name: Guatemala}", "GT: [Guatemala]", "", "countries.GT", 3, "expected a mapping"});
  expect_problem({"a: {kind: hub", "a: {kind: city", "", "nodes.a.kind", 6,
                  "expected one of hub, town, port_of_entry, blind_crossing, airstrip, landing, got 'city'"});
}

// Costs, budgets and discounting (docs/scenario-format.md): bounded, and naming defined countries.
TEST(ScenarioValidation, ReportsBadCostsBudgetsAndDiscounting) {
  expect_problem({"", "", "costs: {joint_patrol_usd_per_day: -5}\n", "costs.joint_patrol_usd_per_day", 14, "[0, 1e9]"});
  expect_problem({"", "", "costs: {jobs_program: {jobs: {GT: 10}}}\n", "costs.jobs_program.jobs", 14,
                  "the jobs paid for are economy.jobs_created, in economy.jobs_country"});
  expect_problem({"", "", "budget:\n  XX: {total_usd: 100}\n", "budget.XX", 15, "'XX' is not a defined country"});
  expect_problem({"", "", "budget:\n  GT: {total_usd: 1e13}\n", "budget.GT.total_usd", 15, "[0, 1e12]"});
  expect_problem({"", "", "budget:\n  GT: {total: 10}\n", "budget.GT.total", 15,
                  "unknown key (expected one of: total_usd, usd_per_month)"});
  expect_problem({"", "", "discounting: {rate_per_year: 3}\n", "discounting.rate_per_year", 14, "a yearly rate in [0, 1]"});
  EXPECT_TRUE(problems(kMini + "costs: {inspection_usd: 2, jobs_program: {usd_per_job_month: 400}}\n"
                                "budget:\n  GT: {total_usd: 1000, usd_per_month: 100}\ndiscounting: {rate_per_year: 0.03}\n")
                  .empty());
}

TEST(ScenarioValidation, ReportsMissingRequiredKeys) {
  expect_problem({"a: {kind: hub, country: GT}", "a: {kind: hub}", "", "nodes.a.country", 6, "required key is missing"});
  expect_problem({"{from: a, to: b, travel_hours: {dist: fixed, mean: 1}}", "{from: a, to: b}", "", "edges.0.travel_hours", 10,
                  "required key is missing"});
  expect_problem({", value_per_kg_usd: 1000}", "}", "", "organisations.cell.value_per_kg_usd", 13, "required key is missing"});
  expect_problem({"", "", "sectors:\n  s: {units: 2}\n", "sectors.s.country", 15, "required key is missing"});
  expect_problem({"", "", "checkpoints:\n  b: {lanes: 2}\n", "checkpoints.b.service_minutes", 15, "required key is missing"});
}

TEST(ScenarioValidation, ReportsValuesOutOfRange) {
  const std::vector<Case> cases{
      {"{from: a, to: b,", "{from: a, to: b, detection_probability: 1.5,", "", "edges.0.detection_probability", 10,
       "expected a probability in [0, 1], got '1.5'"},
      {"{from: a, to: b,", "{from: a, to: b, exposure: -0.1,", "", "edges.0.exposure", 10, "in [0, 1]"},
      {"shipments_per_month: 4", "shipments_per_month: -4", "", "organisations.cell.shipments_per_month", 13,
       "expected 0 or a rate in [0.001, 100000] shipments per month, got '-4'"},
      {"", "", "checkpoints:\n  b: {lanes: 0, service_minutes: {dist: fixed, mean: 2}}\n", "checkpoints.b.lanes", 15,
       "expected a whole number in [1, 1000], got '0'"},
      {"horizon_days: 30", "horizon_days: 0", "", "scenario.horizon_days", 1,
       "expected a number of days in (0, 36500], got '0'"},
      {"horizon_days: 30", "horizon_days: 30, replications: 0", "", "scenario.replications", 1, "in [1, 1000000]"},
      {"horizon_days: 30", "horizon_days: 30, warmup_days: 30", "", "scenario.warmup_days", 1,
       "expected fewer days than horizon_days (30), got 30"},
      {"horizon_days: 30", "horizon_days: 30, warmup_days: -1", "", "scenario.warmup_days", 1, "in [0, 36500]"},
      {"shipments_per_month: 4", "shipments_per_month: 4, turn_back_probability: 1.2", "", "organisations.cell.turn_back_probability",
       13, "expected a probability in [0, 1], got '1.2'"},
      {"shipments_per_month: 4", "shipments_per_month: 4, max_turn_backs: 101", "", "organisations.cell.max_turn_backs", 13,
       "a whole number in [0, 100], got '101'"},
      {"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, lat: 95}", "", "nodes.a.lat", 6,
       "a latitude in [-90, 90]"},
      {"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, lon: -200}", "", "nodes.a.lon", 6,
       "a longitude in [-180, 180]"},
      {"GT: {name: Guatemala}", "GT: {name: Guatemala, police: {officers: -3}}", "", "countries.GT.police.officers", 3,
       "in [0, 10000000]"},
      {"GT: {name: Guatemala}", "GT: {name: Guatemala, police: {bribe_acceptance: {untrained: 2}}}", "",
       "countries.GT.police.bribe_acceptance.untrained", 3, "probability"},
      {"", "", "training: {programs: {p: {cost_per_seat_usd: -1}}}\n", "training.programs.p.cost_per_seat_usd", 14,
       "expected an amount in USD in [0, 1e9], got '-1'"},
      {"", "", "economy: {courier_wage_usd: -500}\n", "economy.courier_wage_usd", 14, "in [0, 1e9]"},
      {"", "", "sectors:\n  s: {country: GT, terrain: {river: -1}}\n", "sectors.s.terrain.river", 15,
       "a multiplier in [0, 100]"},
  };
  for (const Case& c : cases) expect_problem(c);
}

// Every duration, rate and count is bounded (docs/scenario-format.md, "Bounds"), so that times fit
// the clock and one replication fits in memory whatever the input.
TEST(ScenarioValidation, ReportsValuesBeyondTheirBounds) {
  const std::string checkpoint = "checkpoints:\n  b: {lanes: 2, service_minutes: {dist: exponential, mean: 2}}\n";
  const std::vector<Case> cases{
      {"horizon_days: 30", "horizon_days: 1e308", "", "scenario.horizon_days", 1, "(0, 36500]"},
      {"horizon_days: 30", "horizon_days: 1.07e14", "", "scenario.horizon_days", 1, "(0, 36500]"},
      {"horizon_days: 30", "horizon_days: 30, replications: 1000000000", "", "scenario.replications", 1,
       "in [1, 1000000]"},
      {"", "", "checkpoints:\n  b: {lanes: 1000000000, service_minutes: {dist: fixed, mean: 2}}\n",
       "checkpoints.b.lanes", 15, "in [1, 1000]"},
      {"", "", "checkpoints:\n  b: {lanes: 1, service_minutes: {dist: exponential, mean: 1e17}}\n",
       "checkpoints.b.service_minutes.mean", 15, "a number of minutes in [0, 1440] (a day), got 1e+17"},
      {"", "",
       "checkpoints:\n  b: {lanes: 1, service_minutes: {dist: fixed, mean: 1}, secondary_minutes: {dist: lognormal, "
       "mean: 5, sd: 1e308}}\n",
       "checkpoints.b.secondary_minutes.sd", 15, "[0, 1440]"},
      {"", "", checkpoint + "traffic:\n  b: {vehicles_per_hour: 1e-300}\n", "traffic.b.vehicles_per_hour", 17,
       "expected 0 or a rate in [0.001, 10000] vehicles per hour"},
      {"mean: 100}", "mean: 1e308}", "", "organisations.cell.shipment_kg.mean", 13, "[0, 1e6]"},
      {"shipments_per_month: 4", "shipments_per_month: 1e-300", "", "organisations.cell.shipments_per_month", 13,
       "[0.001, 100000]"},
      {"mean: 1}}\n  - {from: b", "mean: 1e300}}\n  - {from: b", "", "edges.0.travel_hours.mean", 10, "[0, 8760]"},
      {"", "", "training: {programs: {p: {cohorts: [{start_day: 1e300, seats: 1, countries: [GT]}]}}}\n",
       "training.programs.p.cohorts.0.start_day", 14, "a number of days in [0, 36500]"},
      {"", "", "training: {programs: {p: {cohorts: [{length_weeks: 1e300, seats: 1, countries: [GT]}]}}}\n",
       "training.programs.p.cohorts.0.length_weeks", 14, "[0, 5200]"},
  };
  for (const Case& c : cases) expect_problem(c);
  // 0 is a rate too: off.
  EXPECT_TRUE(problems(kMini + checkpoint + "traffic:\n  b: {vehicles_per_hour: 0}\n").empty());
}

TEST(ScenarioValidation, ReportsBadDistributionParameters) {
  const std::string speed = "travel_hours: {dist: fixed, mean: 1}";
  const std::vector<Case> cases{
      {speed, "travel_hours: {dist: exponential, mean: 0}", "", "edges.0.travel_hours.mean", 10, "mean > 0"},
      {speed, "travel_hours: {dist: lognormal, mean: 2, sd: -1}", "", "edges.0.travel_hours.sd", 10, ">= 0"},
      {speed, "travel_hours: {dist: uniform, min: 5, max: 2}", "", "edges.0.travel_hours.min", 10, "min <= max"},
      {speed, "travel_hours: {dist: uniform, min: -1, max: 2}", "", "edges.0.travel_hours.min", 10, ">= 0"},
      {speed, "travel_hours: {dist: uniform, min: 1}", "", "edges.0.travel_hours.max", 10, "required by a uniform distribution"},
      {speed, "travel_hours: {dist: fixed, mean: 1, sd: 2}", "", "edges.0.travel_hours.sd", 10,
       "not a parameter of a fixed distribution (it takes: mean)"},
      {speed, "travel_hours: {dist: gamma, mean: 1}", "", "edges.0.travel_hours.dist", 10, "expected one of fixed, exponential"},
      {speed, "travel_hours: 3", "", "edges.0.travel_hours", 10, "expected a mapping"},
  };
  for (const Case& c : cases) expect_problem(c);
}

TEST(ScenarioValidation, ReportsDailyProfileOfWrongLength) {
  const std::string checkpoint = "checkpoints:\n  b: {lanes: 2, service_minutes: {dist: exponential, mean: 2}}\n";
  expect_problem({"", "", checkpoint + "traffic:\n  b: {vehicles_per_hour: 10, daily_profile: [1, 1, 1]}\n",
                  "traffic.b.daily_profile", 17, "expected 24 multipliers (one per hour of the day), got 3"});
  expect_problem({"", "", checkpoint + "traffic:\n  b: {vehicles_per_hour: 10, daily_profile: [1, -1]}\n",
                  "traffic.b.daily_profile.1", 17, "a multiplier in [0, 24]"});
  std::string profile = "[1";
  for (int h = 1; h < 24; ++h) profile += ", 1";
  EXPECT_TRUE(problems(kMini + checkpoint + "traffic:\n  b: {vehicles_per_hour: 10, daily_profile: " + profile + "]}\n").empty());
}

TEST(ScenarioValidation, ReportsADailyProfileThatDoesNotAverageOne) {
  const std::string checkpoint = "checkpoints:\n  b: {lanes: 2, service_minutes: {dist: exponential, mean: 2}}\n";
  expect_problem(
      {"", "",
       checkpoint + "traffic:\n  b: {vehicles_per_hour: 0.01, daily_profile: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, "
                    "2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}\n",
       "traffic.b.daily_profile", 17,
       "expected 24 multipliers averaging 1 (they shape the day around vehicles_per_hour), got an average of 2"});
}

// A checkpoint whose busiest hour brings more vehicles than its lanes serve: its queue would grow
// without end, so validation says so with both rates.
TEST(ScenarioValidation, ReportsACheckpointBeyondItsCapacity) {
  const std::string checkpoint = "checkpoints:\n  b: {lanes: 2, service_minutes: {dist: exponential, mean: 2}}\n";
  expect_problem(
      {"", "", checkpoint + "traffic:\n  b: {vehicles_per_hour: 60}\n", "traffic.b.vehicles_per_hour", 17,
       "60 vehicles arrive in the busiest hour (vehicles_per_hour x the largest daily_profile multiplier), at or "
       "above the checkpoint's capacity of 60 vehicles per hour (2 lanes x 60 / 2 mean minutes per vehicle)"});
  // The busiest hour counts: 40 an hour on average, 80 in the peak.
  std::string peaked = "[2";
  for (int h = 1; h < 24; ++h) peaked += h < 12 ? ", 2" : ", 0";
  expect_problem({"", "", checkpoint + "traffic:\n  b: {vehicles_per_hour: 40, daily_profile: " + peaked + "]}\n",
                  "traffic.b.vehicles_per_hour", 17, "80 vehicles arrive in the busiest hour"});
  EXPECT_TRUE(problems(kMini + checkpoint + "traffic:\n  b: {vehicles_per_hour: 59}\n").empty());
}

TEST(ScenarioValidation, ReportsDanglingReferences) {
  const std::vector<Case> cases{
      {"a: {kind: hub, country: GT}", "a: {kind: hub, country: XX}", "", "nodes.a.country", 6,
       "'XX' is not a defined country (defined: GT, MX)"},
      {"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, sector: gt_nrth}", "sectors:\n  gt_north: {country: GT}\n",
       "nodes.a.sector", 6, "'gt_nrth' is not a defined sector (did you mean 'gt_north'?)"},
      {"a: {kind: hub, country: GT}", "a: {kind: hub, country: GT, sector: s}", "", "nodes.a.sector", 6,
       "'s' is not a defined sector (no sector is defined)"},
      {"{from: b, to: c,", "{from: b, to: d,", "", "edges.1.to", 11, "'d' is not a defined node"},
      {"{from: a, to: b,", "{from: a, to: b, sector: nope,", "", "edges.0.sector", 10, "'nope' is not a defined sector"},
      {"", "", "sectors:\n  s: {country: BZ}\n", "sectors.s.country", 15, "'BZ' is not a defined country"},
      {"", "", "checkpoints:\n  a: {lanes: 1, service_minutes: {dist: fixed, mean: 2}}\n", "checkpoints.a", 15,
       "'a' is not a port_of_entry node"},
      {"", "", "checkpoints:\n  z: {lanes: 1, service_minutes: {dist: fixed, mean: 2}}\n", "checkpoints.z", 15,
       "'z' is not a defined node"},
      {"", "", "traffic:\n  b: {vehicles_per_hour: 5}\n", "traffic.b", 15, "no checkpoint at 'b'"},
      {"", "", "traffic:\n  c: {vehicles_per_hour: 5}\n", "traffic.c", 15, "'c' is not a port_of_entry node"},
      {"sources: [a]", "sources: [a, q]", "", "organisations.cell.sources", 13, "'q' is not a defined node"},
      {"destinations: [c]", "destinations: []", "", "organisations.cell.destinations", 13, "expected at least one"},
      {"", "", "training:\n  programs:\n    p: {cohorts: [{seats: 4, countries: [GT, HN]}]}\n",
       "training.programs.p.cohorts.0.countries", 16, "'HN' is not a defined country"},
      {"", "", "training:\n  observers: [{country: SV}]\n", "training.observers.0.country", 15, "'SV' is not a defined country"},
      {"", "", "coordination:\n  information_sharing: [{a: GT, b: BZ}]\n", "coordination.information_sharing.0.b", 15,
       "'BZ' is not a defined country"},
      {"", "", "coordination:\n  hot_pursuit: [{a: GT, b: GT}]\n", "coordination.hot_pursuit.0.b", 15,
       "two different countries"},
      {"", "", "coordination:\n  joint_exercises: [{countries: [GT, XX]}]\n", "coordination.joint_exercises.0.countries", 15,
       "'XX' is not a defined country"},
      {"", "", "coordination:\n  joint_patrols: [{sector_a: s1, sector_b: s9}]\n", "coordination.joint_patrols.0.sector_a", 15,
       "'s1' is not a defined sector"},
  };
  for (const Case& c : cases) expect_problem(c);
}

TEST(ScenarioValidation, ReportsUnreachableDestination) {
  const std::string one_way_back = with(kMini, "{from: b, to: c,", "{from: c, to: b, bidirectional: false,");
  const std::vector<Diagnostic> found = problems(one_way_back);
  const Diagnostic* d = find(found, "organisations.cell.destinations");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->message, "'c' cannot be reached from source 'a'");
  EXPECT_EQ(d->line, 13);
  EXPECT_EQ(found.size(), 1u) << listing(found);
}

TEST(ScenarioValidation, ReportsASourceThatIsAlsoADestination) {
  const std::vector<Diagnostic> found = problems(with(kMini, "destinations: [c]", "destinations: [c, a]"));
  const Diagnostic* d = find(found, "organisations.cell.destinations");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->message, "'a' is also a source (sources.0): a shipment must travel at least one leg");
  EXPECT_EQ(d->line, 13);
}

// A shipment carries its route (at most 32 legs): a destination further away is reported.
TEST(ScenarioValidation, ReportsADestinationBeyondTheLongestRoute) {
  std::string chain = "scenario: {horizon_days: 30}\ncountries: {GT: {}}\nnodes:\n";
  for (int n = 0; n <= 40; ++n) chain += fmt::format("  n{}: {{kind: town, country: GT}}\n", n);
  chain += "edges:\n";
  for (int n = 0; n < 40; ++n)
    chain += fmt::format("  - {{from: n{}, to: n{}, travel_hours: {{mean: 1}}}}\n", n, n + 1);
  const std::string organisation =
      "organisations:\n  cell: {sources: [n0], destinations: [n40], shipments_per_month: 4, shipment_kg: {mean: 100}, "
      "value_per_kg_usd: 1000}\n";
  const std::vector<Diagnostic> found = problems(chain + organisation);
  const Diagnostic* d = find(found, "organisations.cell.destinations");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->message, "'n40' is 40 legs from source 'n0'; a route has at most 32 legs");
  EXPECT_TRUE(problems(with(chain + organisation, "destinations: [n40]", "destinations: [n32]")).empty());
}

// A leg's patrols belong to one of its ends' countries (the one that holds the shipment).
TEST(ScenarioValidation, ReportsALegPatrolledByAThirdCountry) {
  const std::string third = with(with(kMini, "  MX: {name: Mexico}\n", "  MX: {name: Mexico}\n  BZ: {name: Belize}\n"),
                                 "{from: a, to: b,", "{from: a, to: b, sector: s,") +
                            "sectors:\n  s: {country: BZ, units: 1}\n";
  const std::vector<Diagnostic> found = problems(third);
  const Diagnostic* d = find(found, "edges.0.sector");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->line, 11);
  EXPECT_TRUE(contains(d->message, "sector 's' belongs to BZ, but the leg joins GT and itself")) << d->str();
}

// Policies are compared replication by replication: one that adds a country cannot be run
// beside the others, and is reported where it is named.
TEST(ScenarioValidation, ReportsAPolicyThatChangesTheCountries) {
  const std::string policy = "policies:\n  base:\n  more:\n    set:\n      countries.HN: {name: Honduras}\n";
  const std::vector<Diagnostic> found = problems(kMini + policy);
  const Diagnostic* d = find(found, "policies.more");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_EQ(d->line, 16);
  EXPECT_TRUE(contains(d->message, "changes the countries (GT, MX in the base scenario, GT, HN, MX here)")) << d->str();
  const std::string horizon = "policies:\n  longer:\n    set:\n      scenario.horizon_days: 60\n";
  EXPECT_TRUE(
      contains(listing(problems(kMini + horizon)), "changes scenario.horizon_days (30 in the base scenario, 60 here)"));
  // A new entry of another map keyed by id (the documented example) is fine.
  const std::string sector = "policies:\n  patrol:\n    set:\n      sectors.gt_new: {country: GT, units: 2}\n";
  EXPECT_TRUE(problems(kMini + sector).empty()) << listing(problems(kMini + sector));
}

// Validating a file with many policies reads each policy once (the file is not re-read per policy),
// and a problem in a policy is still located in the file.
TEST(ScenarioValidation, ManyPoliciesAreEachCheckedAndLocated) {
  std::string policies = "policies:\n";
  for (int i = 0; i < 300; ++i)
    policies += fmt::format("  p{}:\n    set:\n      coordination.seam_penalty: {}\n", i, i == 299 ? 2 : 0.5);
  const std::vector<Diagnostic> found = problems(kMini + policies);
  ASSERT_EQ(found.size(), 1u) << listing(found);
  EXPECT_EQ(found[0].path, "coordination.seam_penalty");
  EXPECT_EQ(found[0].line, 14 + 3 * 299 + 3);
  EXPECT_TRUE(contains(found[0].message, "(policy 'p299')")) << found[0].str();
}

TEST(ScenarioValidation, BidirectionalEdgesWorkBothWays) {
  const std::string written_backwards =
      with(with(kMini, "{from: a, to: b,", "{from: b, to: a,"), "{from: b, to: c,", "{from: c, to: b,");
  EXPECT_TRUE(problems(written_backwards).empty()) << listing(problems(written_backwards));
}

TEST(ScenarioValidation, ReportsDuplicates) {
  expect_problem({"  c: {kind: hub, country: MX}\n", "  c: {kind: hub, country: MX}\n  a: {kind: town, country: GT}\n", "",
                  "nodes.a", 9, "duplicate key (first given on line 6)"});
  const std::string twice = with(kMini, "edges:\n", "edges:\n  - {from: a, to: b, travel_hours: {dist: fixed, mean: 3}}\n");
  const std::vector<Diagnostic> found = problems(twice);
  const Diagnostic* d = find(found, "edges.1");
  ASSERT_NE(d, nullptr) << listing(found);
  EXPECT_TRUE(contains(d->message, "duplicate edge id 'a-b' (also edges.0)")) << d->str();
}

TEST(ScenarioValidation, ReportsEveryErrorInOnePass) {
  const std::vector<Diagnostic> found = ScenarioDocument::from_file("scenarios/invalid/many_errors.yaml").validate();
  const std::vector<std::pair<std::string, int>> expected{
      {"scenario.horizon_days", 4},
      {"countries.GT.police.share_trained", 7},
      {"nodes.island.country", 13},
      {"edges.0.travel_hours.mean", 15},
      {"edges.1.travel_hours.sd", 16},
      {"edges.2.to", 17},
      {"checkpoints.tecun_uman.lanes", 19},
      {"organisations.cell.value_per_kg_usd", 22},
      {"organisations.cell.destinations", 23},
      {"organisations.cell.shipments_per_month", 24},
  };
  EXPECT_EQ(found.size(), expected.size()) << listing(found);
  for (const auto& [path, line] : expected) {
    const Diagnostic* d = find(found, path);
    ASSERT_NE(d, nullptr) << "no diagnostic for " << path << " among:" << listing(found);
    EXPECT_EQ(d->line, line) << d->str();
    EXPECT_EQ(d->file, "scenarios/invalid/many_errors.yaml");
  }
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].line, found[i].line) << "in file order";
}

TEST(ScenarioValidation, OptionalSectionsTakeTheStructDefaults) {
  const Scenario s = ScenarioDocument::from_text(kMini).resolve();
  const Scenario defaults;
  EXPECT_EQ(s.replications, defaults.replications);
  EXPECT_EQ(s.seed, defaults.seed);
  EXPECT_TRUE(s.sectors.empty());
  EXPECT_DOUBLE_EQ(s.training.skill_half_life_days, defaults.training.skill_half_life_days);
  EXPECT_DOUBLE_EQ(s.coordination.seam_penalty, defaults.coordination.seam_penalty);
  const Organisation& o = s.organisations.at("cell");
  EXPECT_DOUBLE_EQ(o.bribe_offer_share, Organisation{}.bribe_offer_share);
  EXPECT_DOUBLE_EQ(o.risk.prior_risk, RiskModel{}.prior_risk);
  EXPECT_EQ(s.edges[0].mode, Mode::road);
}

// Training seats go to countries in one of three forms; mixing them, naming an unknown country,
// weights that all vanish and counts that disagree with `seats` are located errors.
TEST(ScenarioValidation, CohortSeatsNameTheirCountriesOnce) {
  auto cohort = [](const std::string& c) {
    return "training:\n  programs:\n    p:\n      cohorts:\n        - {start_day: 1, seats: 10, " + c + "}\n";
  };
  EXPECT_TRUE(problems(kMini + cohort("country_weights: {GT: 3, MX: 1}")).empty());
  EXPECT_TRUE(problems(kMini + "training:\n  programs:\n    p:\n      cohorts:\n        - {seats_by_country: {GT: 4}}\n").empty());
  expect_problem({"", "", cohort("countries: [GT], country_weights: {GT: 1}"), "training.programs.p.cohorts.0", 18,
                  "give only one of countries, country_weights and seats_by_country"});
  expect_problem({"", "", cohort("country_weights: {GT: 0, MX: 0}"), "training.programs.p.cohorts.0.country_weights", 18,
                  "at least one positive weight"});
  expect_problem({"", "", cohort("country_weights: {GX: 1}"), "training.programs.p.cohorts.0.country_weights.GX", 18,
                  "GX"});
  expect_problem({"", "", cohort("seats_by_country: {GT: 4, MX: 4}"), "training.programs.p.cohorts.0.seats", 18,
                  "10 seats, but seats_by_country counts 8"});
  expect_problem({"", "", cohort("country_weights: {GT: -1}"), "training.programs.p.cohorts.0.country_weights.GT", 18,
                  "a weight in [0, 1000000]"});
  expect_problem({"", "", "training:\n  programs:\n    p:\n      cohorts:\n        - {seats: 10}\n",
                  "training.programs.p.cohorts.0", 18, "expected the countries it trains"});
}

}  // namespace
}  // namespace bstp::border::testing
