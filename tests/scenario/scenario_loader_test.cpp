// Reading scenario files: the tutorial (the format's anchor) with its values and policies, and
// the problems found before any key is read (missing file, broken YAML, not a scenario).
#include "scenario_test_support.hpp"

namespace bstp::border::testing {
namespace {

// The values checked below are those written in the tutorial: change them together.
const std::string kTutorial = "scenarios/tutorial.yaml";

TEST(ScenarioLoader, LoadsTutorialAndEveryPolicyCleanly) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  EXPECT_EQ(doc.file(), kTutorial);
  EXPECT_EQ(doc.policy_names(), (std::vector<std::string>{"baseline", "trained", "coordinated"}));
  EXPECT_TRUE(doc.validate().empty()) << listing(doc.validate());
  for (const std::string& policy : doc.policy_names()) EXPECT_NO_THROW(doc.resolve(policy)) << policy;
}

TEST(ScenarioLoader, ReadsTutorialHeaderCountriesAndNodes) {
  const Scenario s = ScenarioDocument::from_file(kTutorial).resolve();
  EXPECT_EQ(s.name, "tutorial");
  EXPECT_EQ(s.horizon_days, 365.0);
  EXPECT_EQ(s.seed, 20261127u);
  EXPECT_EQ(s.replications, 20);

  ASSERT_EQ(s.countries.size(), 2u);
  const Country& gt = s.countries.at("GT");
  EXPECT_EQ(gt.id, "GT");
  EXPECT_EQ(gt.name, "Guatemala");
  EXPECT_EQ(gt.police.officers, 150);
  EXPECT_DOUBLE_EQ(gt.police.share_trained, 0.1);
  EXPECT_DOUBLE_EQ(gt.police.bribe_acceptance.trained, 0.10);
  EXPECT_DOUBLE_EQ(gt.police.use_of_force.untrained, 0.20);

  ASSERT_EQ(s.nodes.size(), 5u);
  const Node& bridge = s.nodes.at("tecun_uman");
  EXPECT_EQ(bridge.id, "tecun_uman");
  EXPECT_EQ(bridge.name, "Tecún Umán–Ciudad Hidalgo bridge");
  EXPECT_EQ(bridge.kind, NodeKind::port_of_entry);
  EXPECT_DOUBLE_EQ(bridge.lat, 14.6792);
  EXPECT_DOUBLE_EQ(bridge.lon, -92.1450);
  EXPECT_EQ(s.nodes.at("paso_del_coyote").sector, "gt_suchiate");
  EXPECT_EQ(s.nodes.at("tapachula").sector, "");
}

TEST(ScenarioLoader, ReadsTutorialEdgesWithDistributionsAndDefaults) {
  const Scenario s = ScenarioDocument::from_file(kTutorial).resolve();
  ASSERT_EQ(s.edges.size(), 5u);
  const Edge& trail = s.edges[2];
  EXPECT_EQ(trail.id, "coatepeque-paso_del_coyote");  // the default id
  EXPECT_EQ(trail.from, "coatepeque");
  EXPECT_EQ(trail.to, "paso_del_coyote");
  EXPECT_EQ(trail.mode, Mode::trail);
  EXPECT_EQ(trail.travel_hours.kind, Distribution::Kind::lognormal);
  EXPECT_DOUBLE_EQ(trail.travel_hours.mean, 2.0);
  EXPECT_DOUBLE_EQ(trail.travel_hours.sd, 0.5);
  EXPECT_DOUBLE_EQ(trail.exposure, 0.3);
  EXPECT_EQ(trail.sector, "gt_suchiate");
  EXPECT_FALSE(trail.detection_probability.has_value());
  EXPECT_TRUE(trail.bidirectional);
  EXPECT_EQ(s.edges[4].mode, Mode::river);
  EXPECT_DOUBLE_EQ(s.edges[0].exposure, 0.0);  // not written: the struct default
}

TEST(ScenarioLoader, ReadsTutorialEnforcement) {
  const Scenario s = ScenarioDocument::from_file(kTutorial).resolve();
  const Sector& gt = s.sectors.at("gt_suchiate");
  EXPECT_EQ(gt.country, "GT");
  EXPECT_EQ(gt.unit_names, (std::vector<std::string>{"coyote_day", "coyote_night"}));
  EXPECT_EQ(gt.unit_kind, "pickup_team");
  EXPECT_EQ(gt.home_base, "coatepeque");
  EXPECT_DOUBLE_EQ(gt.hours_on_duty_per_day, 12.0);
  EXPECT_EQ(gt.placement, Placement::fixed);
  EXPECT_DOUBLE_EQ(gt.detection.trained, 0.30);
  EXPECT_DOUBLE_EQ(gt.terrain.at("river"), 0.8);
  EXPECT_EQ(s.sectors.at("mx_suchiate").units, 2);
  EXPECT_EQ(s.sectors.at("mx_suchiate").placement, Placement::rotation);
  EXPECT_DOUBLE_EQ(s.unit_kinds.at("river_boat").cost_per_unit_day_usd, 400.0);
  EXPECT_TRUE(s.sectors.at("mx_suchiate").terrain.empty());

  const Checkpoint& c = s.checkpoints.at("tecun_uman");
  EXPECT_EQ(c.node, "tecun_uman");
  EXPECT_EQ(c.lanes, 5);
  EXPECT_EQ(c.service_minutes.kind, Distribution::Kind::exponential);
  EXPECT_DOUBLE_EQ(c.service_minutes.mean, 4.0);
  EXPECT_DOUBLE_EQ(c.secondary_minutes.mean, 20.0);
  EXPECT_DOUBLE_EQ(c.detection.trained, 0.75);
  EXPECT_DOUBLE_EQ(s.traffic.at("tecun_uman").vehicles_per_hour, 30.0);
  EXPECT_TRUE(s.traffic.at("tecun_uman").daily_profile.empty());
}

TEST(ScenarioLoader, ReadsTutorialOrganisationTrainingAndEconomy) {
  const Scenario s = ScenarioDocument::from_file(kTutorial).resolve();
  const Organisation& o = s.organisations.at("suchiate_cell");
  EXPECT_EQ(o.id, "suchiate_cell");
  EXPECT_EQ(o.sources, std::vector<std::string>{"ocos_landing"});
  EXPECT_EQ(o.destinations, std::vector<std::string>{"tapachula"});
  EXPECT_DOUBLE_EQ(o.shipments_per_month, 12.0);
  EXPECT_EQ(o.shipment_kg.kind, Distribution::Kind::lognormal);
  EXPECT_DOUBLE_EQ(o.shipment_kg.sd, 150.0);
  EXPECT_DOUBLE_EQ(o.value_per_kg_usd, 12000.0);
  EXPECT_EQ(o.risk.perception, RiskModel::Perception::learned);
  EXPECT_DOUBLE_EQ(o.risk.memory_half_life_days, 120.0);
  EXPECT_DOUBLE_EQ(o.reporting_delay_days, 3.0);

  const TrainingProgram& p = s.training.programs.at("creompaz_basic");
  EXPECT_EQ(p.provider, "CREOMPAZ");
  EXPECT_DOUBLE_EQ(p.cost_per_seat_usd, 2500.0);
  ASSERT_EQ(p.cohorts.size(), 1u);
  EXPECT_EQ(p.cohorts[0].seats, 20);
  EXPECT_EQ(p.cohorts[0].countries, std::vector<std::string>{"GT"});
  EXPECT_TRUE(s.training.observers.empty());
  EXPECT_DOUBLE_EQ(s.coordination.seam_penalty, 0.5);
  EXPECT_TRUE(s.coordination.information_sharing.empty());
  EXPECT_DOUBLE_EQ(s.economy.courier_wage_usd, 500.0);
  EXPECT_FALSE(s.economy.jobs_program);
}

TEST(ScenarioLoader, ReadsPoliciesInFileOrder) {
  const Scenario s = ScenarioDocument::from_file(kTutorial).resolve();
  ASSERT_EQ(s.policies.size(), 3u);
  EXPECT_EQ(s.policies[0].name, "baseline");
  EXPECT_EQ(s.policies[0].description, "Today's staffing, no program.");
  EXPECT_TRUE(s.policies[0].set.empty());
  EXPECT_EQ(s.policies[2].name, "coordinated");
  ASSERT_EQ(s.policies[2].set.size(), 3u);
  EXPECT_EQ(s.policies[2].set[1].first, "coordination.joint_patrols");
  EXPECT_EQ(s.policies[2].set[1].second, "[{sector_a: gt_suchiate, sector_b: mx_suchiate}]");
}

TEST(ScenarioLoader, AppliesPolicyPatches) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const Scenario trained = doc.resolve("trained");
  const auto& cohorts = trained.training.programs.at("creompaz_basic").cohorts;
  ASSERT_EQ(cohorts.size(), 4u);
  EXPECT_EQ(cohorts[3].seats, 40);
  EXPECT_DOUBLE_EQ(cohorts[3].start_day, 300.0);

  const Scenario coordinated = doc.resolve("coordinated");
  ASSERT_EQ(coordinated.coordination.information_sharing.size(), 1u);
  EXPECT_EQ(coordinated.coordination.information_sharing[0].a, "GT");
  EXPECT_EQ(coordinated.coordination.information_sharing[0].b, "MX");
  ASSERT_EQ(coordinated.coordination.joint_patrols.size(), 1u);
  EXPECT_EQ(coordinated.coordination.joint_patrols[0].sector_b, "mx_suchiate");
  EXPECT_EQ(coordinated.training.programs.at("creompaz_basic").cohorts.size(), 1u);  // only its own patches

  EXPECT_EQ(doc.resolve("baseline").training.programs.at("creompaz_basic").cohorts.size(), 1u);
  EXPECT_EQ(doc.resolve().coordination.joint_patrols.size(), 0u);  // the document is not changed
}

TEST(ScenarioLoader, FileWithoutPoliciesHasBaseline) {
  const ScenarioDocument doc = ScenarioDocument::from_text(kMini, "mini.yaml");
  EXPECT_EQ(doc.policy_names(), std::vector<std::string>{"baseline"});
  EXPECT_TRUE(doc.validate().empty()) << listing(doc.validate());
  EXPECT_EQ(doc.resolve("baseline").name, "mini");
  EXPECT_EQ(doc.resolve("").name, "mini");
  EXPECT_TRUE(doc.resolve().policies.empty());
}

TEST(ScenarioLoader, UnknownPolicyNamesTheAvailableOnes) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  try {
    doc.resolve("trianed");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_TRUE(contains(e.what(), "no policy 'trianed'")) << e.what();
    EXPECT_TRUE(contains(e.what(), "baseline, trained, coordinated")) << e.what();
  }
  EXPECT_THROW(ScenarioDocument::from_text(kMini).resolve("coordinated"), ScenarioError);
}

TEST(ScenarioLoader, ReportsMissingFileByName) {
  try {
    ScenarioDocument::from_file("scenarios/invalid/no_such_file.yaml");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].file, "scenarios/invalid/no_such_file.yaml");
    EXPECT_EQ(e.diagnostics()[0].line, 0);
    EXPECT_EQ(std::string(e.what()), "scenarios/invalid/no_such_file.yaml: no such file");
  }
}

TEST(ScenarioLoader, ReportsYamlSyntaxErrorWithLine) {
  try {
    ScenarioDocument::from_file("scenarios/invalid/not_yaml.yaml");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(d.file, "scenarios/invalid/not_yaml.yaml");
    EXPECT_GE(d.line, 3);  // the list opened on line 3 is never closed
    EXPECT_GT(d.column, 0);
    EXPECT_TRUE(contains(d.message, "not valid YAML")) << d.message;
  }
}

TEST(ScenarioLoader, RejectsTextThatIsNotAScenario) {
  EXPECT_THROW(ScenarioDocument::from_text("just some words\n", "notes.txt"), ScenarioError);
  EXPECT_THROW(ScenarioDocument::from_text("- a\n- b\n", "list.yaml"), ScenarioError);
  EXPECT_THROW(ScenarioDocument::from_text("", "empty.yaml"), ScenarioError);
  EXPECT_THROW(ScenarioDocument::from_file("scenarios"), ScenarioError);  // a directory
}

TEST(ScenarioLoader, DiagnosticStrOmitsUnknownLocation) {
  EXPECT_EQ((Diagnostic{"f.yaml", 3, 7, "nodes.a.kind", "required key is missing"}.str()),
            "f.yaml:3:7: nodes.a.kind: required key is missing");
  EXPECT_EQ((Diagnostic{"f.yaml", 0, 0, "edges.0.exposure", "expected a share"}.str()), "f.yaml: edges.0.exposure: expected a share");
  EXPECT_EQ((Diagnostic{"f.yaml", 0, 0, "", "no such file"}.str()), "f.yaml: no such file");
}

TEST(ScenarioLoader, ScenarioErrorListsEveryDiagnosticOnItsOwnLine) {
  const ScenarioError e({{"f.yaml", 1, 2, "a", "first"}, {"f.yaml", 3, 4, "b", "second"}});
  EXPECT_EQ(std::string(e.what()), "f.yaml:1:2: a: first\nf.yaml:3:4: b: second");
  EXPECT_EQ(e.diagnostics().size(), 2u);
}

}  // namespace
}  // namespace bstp::border::testing
