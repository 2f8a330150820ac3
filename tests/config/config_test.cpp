// The config library (models/config) without any model: what it says about a file's problems,
// where, and where a value came from.
#include <config/diagnostic.hpp>
#include <config/dotted_path.hpp>
#include <config/emit.hpp>
#include <config/reader.hpp>
#include <config/scalars.hpp>
#include <config/structure.hpp>
#include <config/suggestions.hpp>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace bstp::config {
namespace {

TEST(ConfigDiagnostic, SaysFileLineColumnPathAndMessage) {
  EXPECT_EQ(Diagnostic("a.yaml", 3, 7, "grid.x", "expected a list").str(), "a.yaml:3:7: grid.x: expected a list");
  EXPECT_EQ(Diagnostic("a.yaml", 3, 0, "", "no column").str(), "a.yaml:3: no column");
  EXPECT_EQ(Diagnostic("a.yaml", 0, 0, "", "no such file").str(), "a.yaml: no such file");
}

TEST(ConfigDiagnostic, AnOverridesProblemSaysSoButKeepsItsMessage) {
  const Diagnostic d("a.yaml", 0, 0, "x.y", "expected a number, got 'z'", 2);
  EXPECT_TRUE(d.from_override());
  EXPECT_EQ(d.message, "expected a number, got 'z'");
  EXPECT_EQ(d.full_message(), "expected a number, got 'z' (set by an override)");
  EXPECT_EQ(d.str(), "a.yaml: x.y: expected a number, got 'z' (set by an override)");
}

TEST(ConfigReader, NamesTheLastOverrideThatSetAValue) {
  Reader r("a.yaml", {{"a", 0}, {"a.b", 1}, {"c", 4}});
  r.error(Location{5, 3}, "a.b.c", "wrong");
  r.error(Location{6, 3}, "a.d", "wrong");
  r.error(Location{7, 3}, "ab", "wrong");  // not below "a"
  const std::vector<Diagnostic> d = r.take_diagnostics();
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].override_index, std::optional<std::size_t>(1));
  EXPECT_EQ(d[0].line, 0);  // not written in the file
  EXPECT_EQ(d[1].override_index, std::optional<std::size_t>(0));
  EXPECT_FALSE(d[2].from_override());
  EXPECT_EQ(d[2].line, 7);
}

TEST(ConfigReader, LocatesAPathAtItsNearestLocatedAncestor) {
  const YAML::Node root = YAML::Load("a:\n  b: 1\n");
  Reader r("a.yaml");
  r.locate("a", root["a"].Mark());
  EXPECT_EQ(r.location("a.b.c").line, 2);
  EXPECT_EQ(r.location("z").line, 0);
  r.error_at("a.b.c", "wrong");
  EXPECT_TRUE(r.reported("a.b.c.d"));
  EXPECT_FALSE(r.reported("a.b"));
}

TEST(ConfigSuggestions, OneEditDistanceForEveryFormat) {
  EXPECT_EQ(edit_distance("kidn", "kind"), 1u);  // a transposition is one edit
  EXPECT_EQ(edit_distance("gird", "grid"), 1u);
  EXPECT_EQ(edit_distance("seeds", "seed"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(closest("Seats", {"seats", "sets"}), std::optional<std::string>("seats"));  // case is ignored
  EXPECT_EQ(closest("XX", {"MX"}), std::nullopt);  // half the word changed: no suggestion
}

TEST(ConfigSuggestions, UnknownKeyMessages) {
  const std::vector<std::string> keys = {"scenario", "replications", "seed", "grid"};
  EXPECT_EQ(unknown_key_message("seeds", keys), "unknown key (did you mean 'seed'?)");
  EXPECT_EQ(unknown_key_message("zzz", keys), "unknown key (expected one of: scenario, replications, seed, grid)");
  EXPECT_EQ(unknown_key_message("zzz", {}), "unknown key (nothing can be set here)");
  EXPECT_EQ(list_names({"a", "b", "c"}, 2), "a, b, ... (3 in all)");
}

TEST(ConfigStructure, UnknownAndDuplicateKeysAtTheirLines) {
  const YAML::Node root = YAML::Load("seed: 1\nsede: 2\nseed: 3\n");
  Reader r("a.yaml");
  check_keys(r, root, "", {"seed", "grid"});
  const std::vector<Diagnostic> d = r.take_diagnostics();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].str(), "a.yaml:3:1: seed: duplicate key (first given on line 1)");
  EXPECT_EQ(d[1].str(), "a.yaml:2:1: sede: unknown key (did you mean 'seed'?)");
}

TEST(ConfigScalars, NumbersBooleansAndBounds) {
  EXPECT_EQ(parse_number<double>("+0.5"), std::optional<double>(0.5));
  EXPECT_EQ(parse_number<double>("1e3"), std::optional<double>(1000.0));
  EXPECT_EQ(parse_number<double>("0x10"), std::nullopt);
  EXPECT_EQ(parse_number<double>("inf"), std::nullopt);
  EXPECT_EQ(parse_number<double>("12 kg"), std::nullopt);
  bool too_large = false;
  EXPECT_EQ(parse_number<int>("99999999999", &too_large), std::nullopt);
  EXPECT_TRUE(too_large);
  EXPECT_EQ(boolean_word("True"), std::optional<bool>(true));
  EXPECT_EQ(boolean_word("FALSE"), std::optional<bool>(false));
  EXPECT_EQ(boolean_word("yes"), std::nullopt);

  const YAML::Node doc = YAML::Load("p: 1.5\nflag: yes\nn: 3\n");
  Reader r("a.yaml");
  double p = 0.0;
  bool flag = false;
  int n = 0;
  read_value(r, doc["p"], "p", p, bounded(0.0, 1.0, "a probability in [0, 1]"));
  read_value(r, doc["flag"], "flag", flag, {});
  read_value(r, doc["n"], "n", n, bounded(1.0, 10.0, "in [1, 10]"));
  const std::vector<Diagnostic> d = r.take_diagnostics();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].str(), "a.yaml:1:4: p: expected a probability in [0, 1], got '1.5'");
  EXPECT_EQ(d[1].str(), "a.yaml:2:7: flag: expected true or false, got 'yes' (write true)");
  EXPECT_EQ(p, 0.0);  // a value out of bounds is not kept
  EXPECT_EQ(n, 3);
}

TEST(ConfigDottedPath, SplitJoinAndWithin) {
  EXPECT_EQ(split_path("a.b.0"), (std::vector<std::string>{"a", "b", "0"}));
  EXPECT_EQ(split_path("a..b"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(join("", "a"), "a");
  EXPECT_EQ(join("a", std::size_t{3}), "a.3");
  EXPECT_TRUE(within("a.b.c", "a.b"));
  EXPECT_TRUE(within("a.b", "a.b"));
  EXPECT_FALSE(within("a.bc", "a.b"));
  EXPECT_EQ(parse_index("12"), std::optional<std::size_t>(12));
  EXPECT_EQ(parse_index("1a"), std::nullopt);
}

TEST(ConfigEmit, KeepsQuotedTextQuotedInEitherLayout) {
  const YAML::Node node = YAML::Load("a: {b: \"1\", c: [x, \"yes\"]}\nd:\n  - 2\n");
  EXPECT_EQ(yaml_text(node, Layout::one_line), "{a: {b: \"1\", c: [x, \"yes\"]}, d: [2]}");
  const std::string written = yaml_text(node, Layout::as_written);
  EXPECT_NE(written.find("a: {b: \"1\", c: [x, \"yes\"]}"), std::string::npos) << written;
  EXPECT_NE(written.find("d:\n  - 2"), std::string::npos) << written;
}

}  // namespace
}  // namespace bstp::config
