// Patches: overrides (parameter sweeps) and policies set values at dotted paths; a path that is
// not in the format is an error; the resolved text stores exactly the patched scenario.
#include "scenario_test_support.hpp"

namespace bstp::border::testing {
namespace {

const std::string kTutorial = "scenarios/tutorial.yaml";

// The error resolve() throws, or a test failure.
ScenarioError resolve_error(const ScenarioDocument& doc, const std::string& policy, const std::vector<Override>& overrides) {
  try {
    doc.resolve(policy, overrides);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return ScenarioError({});
}

TEST(ScenarioOverrides, ChangeValuesAtDottedPaths) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const Scenario s = doc.resolve("", {{"training.programs.creompaz_basic.cohorts.0.seats", "40"},
                                      {"edges.2.exposure", "0.6"},
                                      {"organisations.suchiate_cell.shipment_kg", "{dist: uniform, min: 100, max: 500}"},
                                      {"scenario.replications", "100"}});
  EXPECT_EQ(s.training.programs.at("creompaz_basic").cohorts[0].seats, 40);
  EXPECT_DOUBLE_EQ(s.edges[2].exposure, 0.6);
  EXPECT_EQ(s.organisations.at("suchiate_cell").shipment_kg.kind, Distribution::Kind::uniform);
  EXPECT_DOUBLE_EQ(s.organisations.at("suchiate_cell").shipment_kg.max, 500.0);
  EXPECT_EQ(s.replications, 100);
  EXPECT_EQ(doc.resolve().training.programs.at("creompaz_basic").cohorts[0].seats, 20);  // the base is unchanged
}

TEST(ScenarioOverrides, ApplyAfterThePolicy) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const Scenario s = doc.resolve("trained", {{"training.programs.creompaz_basic.cohorts.3.seats", "10"}});
  const auto& cohorts = s.training.programs.at("creompaz_basic").cohorts;
  ASSERT_EQ(cohorts.size(), 4u);  // the policy's four cohorts...
  EXPECT_EQ(cohorts[3].seats, 10);  // ...the override's seats
  EXPECT_EQ(cohorts[2].seats, 40);
  // The policy as read is not changed by the override.
  EXPECT_TRUE(contains(s.policies[1].set[0].second, "start_day: 300, seats: 40"));
}

TEST(ScenarioOverrides, CanAddANewEntryAndAMissingSection) {
  const ScenarioDocument doc = ScenarioDocument::from_text(kMini, "mini.yaml");
  const Scenario s = doc.resolve("", {{"countries.HN", "{name: Honduras}"},
                                      {"economy.jobs_program", "true"},
                                      {"sectors.s", "{country: HN, units: 2}"}});
  EXPECT_EQ(s.countries.at("HN").name, "Honduras");
  EXPECT_EQ(s.countries.at("HN").id, "HN");
  EXPECT_TRUE(s.economy.jobs_program);
  EXPECT_EQ(s.sectors.at("s").units, 2);
}

TEST(ScenarioOverrides, UnknownPathIsAnError) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const ScenarioError e = resolve_error(doc, "", {{"training.method_use_shares", "0.7"}});
  ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
  const Diagnostic& d = e.diagnostics()[0];
  EXPECT_EQ(d.path, "training.method_use_shares");
  EXPECT_EQ(d.file, kTutorial);
  EXPECT_EQ(d.line, 0);  // an override is not written in the file
  EXPECT_TRUE(contains(d.message, "unknown key 'method_use_shares' in training (did you mean 'method_use_share'?)")) << d.str();
  EXPECT_EQ(d.override_index, std::optional<std::size_t>(0)) << d.str();  // the first (only) override
  EXPECT_TRUE(contains(d.str(), "(set by an override)")) << d.str();
}

TEST(ScenarioOverrides, PathBelowAnIdThatDoesNotExistIsAnError) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const ScenarioError e = resolve_error(doc, "", {{"countries.HN.name", "Honduras"}});
  ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
  EXPECT_TRUE(contains(e.diagnostics()[0].message, "'HN' is not an entry of countries")) << e.what();
  EXPECT_TRUE(contains(e.diagnostics()[0].message, "countries.HN: {...}")) << e.what();
}

TEST(ScenarioOverrides, OtherBadPathsAreErrors) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"edges.9.exposure", "edges has 5 entries: index 9 is out of range"},
      {"edges.first.exposure", "expected an index"},
      {"scenario.name.first", "'scenario.name' is a single value"},
      {"policies.trained.description", "policies cannot be changed"},
      {"training..seats", "expected a dotted path"},
      {"nodes.tapachula.kidn", "did you mean 'kind'?"},
  };
  for (const auto& [path, expected] : cases) {
    const ScenarioError e = resolve_error(doc, "", {{path, "1"}});
    const Diagnostic* d = find(e.diagnostics(), path);
    ASSERT_NE(d, nullptr) << path << ":" << listing(e.diagnostics());
    EXPECT_TRUE(contains(d->message, expected)) << d->str();
  }
}

TEST(ScenarioOverrides, BadValueIsValidatedLikeAWrittenOne) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  const ScenarioError e = resolve_error(doc, "", {{"edges.2.exposure", "1.5"}, {"edges.3.to", "nowhere"}});
  ASSERT_EQ(e.diagnostics().size(), 2u) << e.what();
  const Diagnostic* range = find(e.diagnostics(), "edges.2.exposure");
  ASSERT_NE(range, nullptr) << e.what();
  EXPECT_EQ(range->line, 0);
  EXPECT_EQ(range->override_index, std::optional<std::size_t>(0));
  EXPECT_EQ(range->message, "expected a share in [0, 1], got '1.5'");
  EXPECT_EQ(range->full_message(), "expected a share in [0, 1], got '1.5' (set by an override)");
  const Diagnostic* reference = find(e.diagnostics(), "edges.3.to");
  ASSERT_NE(reference, nullptr) << e.what();
  EXPECT_TRUE(contains(reference->message, "'nowhere' is not a defined node")) << reference->str();
}

TEST(ScenarioOverrides, ProblemNamesTheOverrideThatSetTheValue) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  // The second and the fourth set edges.2.exposure; the last one that set the value is named.
  const ScenarioError e = resolve_error(doc, "", {{"scenario.replications", "3"},
                                                  {"edges.2", "{from: a, to: b}"},
                                                  {"training.method_use_share", "0.5"},
                                                  {"edges.2.exposure", "1.5"}});
  const Diagnostic* range = find(e.diagnostics(), "edges.2.exposure");
  ASSERT_NE(range, nullptr) << e.what();
  EXPECT_EQ(range->override_index, std::optional<std::size_t>(3)) << range->str();
  // The edge's other keys came with the whole entry, from the second override.
  const Diagnostic* from = find(e.diagnostics(), "edges.2.from");
  ASSERT_NE(from, nullptr) << e.what();
  EXPECT_EQ(from->override_index, std::optional<std::size_t>(1)) << from->str();
  // A problem of a value written in the file has no override, and its line.
  const ScenarioDocument broken = ScenarioDocument::from_file("scenarios/invalid/unknown_key.yaml");
  const ScenarioError written = resolve_error(broken, "", {{"scenario.seed", "5"}});
  const Diagnostic* typo = find(written.diagnostics(), "nodes.tapachula.kidn");
  ASSERT_NE(typo, nullptr) << written.what();
  EXPECT_FALSE(typo->from_override()) << typo->str();
  EXPECT_EQ(typo->line, 8);
}

TEST(ScenarioPolicies, UnknownPathIsLocatedAtThePolicyLine) {
  const ScenarioDocument doc = ScenarioDocument::from_file("scenarios/invalid/bad_policy.yaml");
  EXPECT_NO_THROW(doc.resolve("baseline"));
  const std::vector<Diagnostic> found = doc.validate();
  ASSERT_EQ(found.size(), 2u) << listing(found);
  const Diagnostic* unknown = find(found, "edges.0.exposur");
  ASSERT_NE(unknown, nullptr) << listing(found);
  EXPECT_EQ(unknown->line, 20);
  EXPECT_EQ(unknown->column, 7);
  EXPECT_TRUE(contains(unknown->message, "did you mean 'exposure'?")) << unknown->str();
  EXPECT_TRUE(contains(unknown->message, "(policy 'typo')")) << unknown->str();
  const Diagnostic* range = find(found, "edges.0.exposure");
  ASSERT_NE(range, nullptr) << listing(found);
  EXPECT_EQ(range->line, 21);  // the value written in the policy, not the edge it patches
  EXPECT_THROW(doc.resolve("typo"), ScenarioError);
}

TEST(ScenarioPolicies, ProblemOnlyAPolicyCausesIsReportedOnceWithItsName) {
  const std::string text = kMini +
                           "policies:\n"                                               // 14
                           "  cut_road:\n"                                             // 15
                           "    description: The b-c leg becomes one-way back.\n"      // 16
                           "    set: {edges.1: {from: c, to: b, bidirectional: false, travel_hours: {dist: fixed, mean: 1}}}\n";
  const std::vector<Diagnostic> found = problems(text);
  ASSERT_EQ(found.size(), 1u) << listing(found);
  EXPECT_EQ(found[0].str(),
            "mini.yaml:13:39: organisations.cell.destinations: 'c' cannot be reached from source 'a' (policy 'cut_road')");
}

TEST(ScenarioPolicies, BaseProblemIsReportedOnceNotPerPolicy) {
  const std::string text = with(kMini, "a: {kind: hub", "a: {kind: city") +
                           "policies:\n  one: {description: x}\n  two: {set: {scenario.replications: 3}}\n";
  const std::vector<Diagnostic> found = problems(text);
  ASSERT_EQ(found.size(), 1u) << listing(found);
  EXPECT_EQ(found[0].path, "nodes.a.kind");
}

TEST(ScenarioResolvedText, RoundTripsEveryPolicy) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  for (const std::string& policy : doc.policy_names()) {
    SCOPED_TRACE(policy);
    const std::string text = doc.resolved_text(policy);
    const ScenarioDocument again = ScenarioDocument::from_text(text, "resolved.yaml");
    EXPECT_TRUE(again.validate().empty()) << listing(again.validate());
    const Scenario expected = doc.resolve(policy);
    const Scenario actual = again.resolve();
    EXPECT_EQ(actual.name, expected.name);
    EXPECT_EQ(actual.seed, expected.seed);
    EXPECT_EQ(actual.nodes.at("tecun_uman").name, expected.nodes.at("tecun_uman").name);
    EXPECT_EQ(actual.edges.size(), expected.edges.size());
    EXPECT_DOUBLE_EQ(actual.edges[2].travel_hours.sd, expected.edges[2].travel_hours.sd);
    EXPECT_EQ(actual.training.programs.at("creompaz_basic").cohorts.size(),
              expected.training.programs.at("creompaz_basic").cohorts.size());
    EXPECT_EQ(actual.coordination.joint_patrols.size(), expected.coordination.joint_patrols.size());
    EXPECT_EQ(actual.policies.size(), expected.policies.size());
    // A fixed point: the reloaded scenario emits the same tree (apart from the provenance line).
    const auto body = [](const std::string& t) { return t.substr(t.find('\n') + 1); };
    EXPECT_EQ(body(again.resolved_text()), body(text));
  }
}

TEST(ScenarioResolvedText, IncludesOverridesAndKeepsQuotedText) {
  const std::string text = with(kMini, "{name: mini,", "{name: mini, description: \"~\",");
  const ScenarioDocument doc = ScenarioDocument::from_text(text, "mini.yaml");
  const std::string resolved = doc.resolved_text("", {{"edges.0.exposure", "0.25"}});
  EXPECT_TRUE(contains(resolved, "# Resolved from mini.yaml, base scenario, edges.0.exposure=0.25")) << resolved;
  const Scenario s = ScenarioDocument::from_text(resolved).resolve();
  EXPECT_DOUBLE_EQ(s.edges[0].exposure, 0.25);
  EXPECT_EQ(s.description, "~");  // still text, not YAML's null
}

TEST(ScenarioResolvedText, InvalidResolutionThrows) {
  const ScenarioDocument doc = ScenarioDocument::from_file(kTutorial);
  EXPECT_THROW(doc.resolved_text("", {{"edges.0.exposure", "2"}}), ScenarioError);
}

}  // namespace
}  // namespace bstp::border::testing
