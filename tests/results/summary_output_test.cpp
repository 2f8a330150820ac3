// The summaries of `bstp run` and `bstp sweep` (tools/experiment_summary.hpp): numbers for people,
// text within 100 columns, JSON whose schema does not depend on how many points or crossings.
#include "cost_effectiveness.hpp"
#include "experiment_summary.hpp"
#include "number_format.hpp"
#include "sample_results.hpp"
#include "summary_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace bstp::tools {
namespace {

using experiment::ExperimentResults;
using experiment::testing::sample_results;

TEST(NumberFormat, GroupsThousandsAndNeverPrintsMinusZero) {
  EXPECT_EQ(group_thousands(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(group_thousands(-1234.6, 0), "-1,235");
  EXPECT_EQ(group_thousands(-0.00001, 4), "0.0000");
  EXPECT_EQ(group_thousands(999.0, 0), "999");
  EXPECT_EQ(format_value(0.045678), "0.04568");
  EXPECT_EQ(format_value(1234567.8), "1,234,568");
  EXPECT_EQ(format_value(-0.0), "0");
}

TEST(NumberFormat, EstimatesShowTheFiguresTheIntervalSupports) {
  EXPECT_EQ(format_estimate(1102345.0, 27630.0), "1,102,000 ± 28,000");
  EXPECT_EQ(format_estimate(0.04567, 0.0031), "0.0457 ± 0.0031");
  EXPECT_EQ(format_estimate(-0.00001, 0.00002), "-0.000010 ± 0.000020");
  // The same value in every replication, its mean off by a rounding: no digits of noise.
  EXPECT_EQ(format_estimate(0.14999999999999997, 1.5e-17), format_estimate(0.15, 0.0));
  EXPECT_EQ(format_estimate(-0.000001, 0.002), "0.0000 ± 0.0020");
  EXPECT_EQ(format_estimate(0.0, 0.0), "0 ± 0");
  EXPECT_EQ(format_estimate(160.0, 0.0), "160 ± 0");
  EXPECT_EQ(format_estimate(0.25, 0.0), "0.2500 ± 0");
  EXPECT_EQ(format_estimate(-0.0, 0.0), "0 ± 0");
  EXPECT_EQ(format_estimate(12.5, std::nan("")), "12.50");
  EXPECT_EQ(format_estimate(std::nan(""), 1.0), "n/a");
  EXPECT_EQ(format_share(0.98612), "98.6%");
}

TEST(StudentT, QuantilesMatchPublishedTables) {
  EXPECT_NEAR(student_t_975(1), 12.706, 5e-4);
  EXPECT_NEAR(student_t_975(9), 2.262, 5e-4);
  EXPECT_NEAR(student_t_975(30), 2.042, 5e-4);
  EXPECT_NEAR(student_t_975(120), 1.980, 5e-4);
  EXPECT_TRUE(std::isnan(student_t_975(0)));
}

std::string summary(const ExperimentResults& results, Format format, SummaryKind kind) {
  std::ostringstream out;
  print_summary(out, results, format, kind);
  return out.str();
}

// The sample with `points` design points (policies p0, p1, ...) and `crossings` crossings.
ExperimentResults shaped(std::size_t points, std::size_t crossings) {
  ExperimentResults r = sample_results();
  r.crossings.resize(crossings, "extra");
  for (std::size_t x = 0; x < crossings; ++x) r.crossings[x] = "crossing_" + std::to_string(x);
  std::vector<std::vector<border::ReplicationResult>> values;
  r.points.resize(points, r.points.back());
  for (std::size_t p = 0; p < points; ++p) {
    r.points[p].name = "policy_number_" + std::to_string(p) + " lanes=" + std::to_string(p);
    r.points[p].policy = "policy_number_" + std::to_string(p);
    values.push_back(r.values[p % 2]);
    for (auto& rep : values.back())
      if (experiment::is_done(rep)) rep.crossing_kg.assign(crossings, 1000.0 * static_cast<double>(p + 1));
  }
  r.values = std::move(values);
  return r;
}

// The JSON's shape: every key and the kind of every value (lists by their first element).
std::string schema(const nlohmann::ordered_json& j) {
  if (j.is_object()) {
    std::string s = "{";
    for (const auto& [key, value] : j.items()) s += key + ":" + schema(value) + ",";
    return s + "}";
  }
  if (j.is_array()) return "[" + (j.empty() ? std::string() : schema(j.front())) + "]";
  if (j.is_number() || j.is_null()) return "number";  // null = a number that is undefined (NaN)
  return j.type_name();
}

TEST(SummaryJson, SchemaIsTheSameForOneAndSeveralCrossingsAndPoints) {
  auto one = nlohmann::ordered_json::parse(summary(shaped(1, 1), Format::json, SummaryKind::run));
  const auto many = nlohmann::ordered_json::parse(summary(shaped(3, 4), Format::json, SummaryKind::run));
  // One point has nothing to compare with: its list of incremental ratios is empty (a list all the same).
  ASSERT_TRUE(one["costs"]["incremental_cost_effectiveness"].is_array());
  EXPECT_TRUE(one["costs"]["incremental_cost_effectiveness"].empty());
  EXPECT_EQ(many["costs"]["incremental_cost_effectiveness"].size(), 2u * 4u);
  one["costs"]["incremental_cost_effectiveness"] = many["costs"]["incremental_cost_effectiveness"];
  EXPECT_EQ(schema(one), schema(many));
  ASSERT_TRUE(one["crossings"].is_array());
  EXPECT_EQ(one["crossings"].size(), 1u);
  EXPECT_EQ(many["crossings"].size(), 12u);
  const auto& meta = many["meta"];
  for (const char* key : {"seed", "replications", "bstp_version", "scenario", "policies"})
    EXPECT_TRUE(meta.contains(key)) << key;
  EXPECT_EQ(meta["seed"], 12345);
  EXPECT_EQ(meta["replications"], 3);
  EXPECT_EQ(meta["scenario"], "sample");
  EXPECT_EQ(meta["policies"], nlohmann::ordered_json({"policy_number_0", "policy_number_1", "policy_number_2"}));
}

TEST(SummaryJson, MeansAreTheReplicationMeans) {
  const auto j = nlohmann::ordered_json::parse(summary(sample_results(), Format::json, SummaryKind::sweep));
  const std::size_t k = static_cast<std::size_t>(border::Indicator::seizures);
  for (const auto& row : j["indicators"])
    if (row["indicator"] == "seizures" && row["point"] == "lanes=4") {
      // Replications 0 and 1 done: 1000 + k and 1100 + k; paired with lanes=2 (k, 100 + k): +1000.
      EXPECT_DOUBLE_EQ(row["mean"].get<double>(), 1050.0 + static_cast<double>(k));
      EXPECT_EQ(row["n"], 2);
      EXPECT_DOUBLE_EQ(row["diff_vs_first"].get<double>(), 1000.0);
    }
}

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0, width = 0;
  for (const char c : text) {
    if (c == '\n') {
      widest = std::max(widest, width);
      width = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++width;
    }
  }
  return std::max(widest, width);
}

TEST(SummaryText, FitsOneHundredColumnsAndShowsPairedDifferences) {
  for (const SummaryKind kind : {SummaryKind::run, SummaryKind::sweep}) {
    const std::string text = summary(shaped(7, 5), Format::text, kind);
    EXPECT_LE(widest_line(text), kTextWidth) << text;
    EXPECT_NE(text.find("Paired differences from 'policy_number_0 lanes=0'"), std::string::npos) << text;
    EXPECT_EQ(text.find("-0.0"), std::string::npos) << text;
  }
}

TEST(SummaryCsv, IsOneTableWithOneHeader) {
  const std::string csv = summary(sample_results(), Format::csv, SummaryKind::sweep);
  EXPECT_EQ(csv.rfind("quantity,unit,point,policy,lanes,cohort_size,crossing,patrol_unit,organisation,n,mean,", 0), 0u) << csv;
  EXPECT_EQ(csv.find('#'), std::string::npos);
  std::size_t lines = 0;
  for (const char c : csv) lines += c == '\n';
  // header, indicators, incremental ratios of the second point (one per effect), crossings: kg,
  // seizures and seized kg; the measures of 3 units and 2 organisations at 2 points
  EXPECT_EQ(lines, 1 + 2 * border::kIndicatorCount + effect_measures().size() + 3 * 2 * 2 +
                       2 * (3 * border::kUnitMeasureCount + 2 * border::kOrganisationMeasureCount));
  // The sample's seizures at crossing "bridge" of point 1: replications 0 and 1 done, 10 + r + 1.
  EXPECT_NE(csv.find("crossing_seizures,count,lanes=4,baseline,4,20,bridge,,,2,11.5,"), std::string::npos) << csv;
  // Unit "north.2" (u = 1), seizures (k = 1), point 1: 1000 + 100 r + 10 + 1 over r = 0, 1.
  EXPECT_NE(csv.find("unit_seizures,count,lanes=4,baseline,4,20,,north.2,,2,1061,"), std::string::npos) << csv;
  // Organisation "cell_a" (o = 1), shipments (k = 0), point 0: 100 r + 1.5 over r = 0, 1, 2.
  EXPECT_NE(csv.find("organisation_shipments,count,lanes=2,baseline,2,10,,,cell_a,3,101.5,"), std::string::npos) << csv;
}

TEST(SummaryText, ShowsOrganisationsAndTheBusiestUnitsWhenTheResultsHaveThem) {
  ExperimentResults r = sample_results();
  const std::string text = summary(r, Format::text, SummaryKind::run);
  EXPECT_NE(text.find("Mean shipments of each organisation"), std::string::npos) << text;
  EXPECT_NE(text.find("The 3 patrol units with the most detections"), std::string::npos) << text;
  // The busiest first: "río patrol" (u = 2) has the most detections in the sample.
  EXPECT_LT(text.find("río patrol"), text.find("north.1")) << text;
  for (auto& row : r.values)
    for (auto& rep : row) rep.by_unit.clear(), rep.by_organisation.clear();  // read from a file written before them
  const std::string old = summary(r, Format::text, SummaryKind::run);
  EXPECT_EQ(old.find("Mean shipments of each organisation"), std::string::npos);
  EXPECT_EQ(old.find("patrol units with the most detections"), std::string::npos);
}

TEST(SummaryJson, ListsUnitsAndOrganisations) {
  const nlohmann::json j = nlohmann::json::parse(summary(sample_results(), Format::json, SummaryKind::run));
  ASSERT_TRUE(j["units"].is_array());
  EXPECT_EQ(j["units"].size(), 3u * 2u);
  EXPECT_EQ(j["units"][0]["patrol_unit"], "north.1");
  EXPECT_EQ(j["units"][0]["detections"]["mean"], 100.0);  // 1000 p + 100 r + u over r = 0, 1, 2
  EXPECT_EQ(j["organisations"].size(), 2u * 2u);
  EXPECT_EQ(j["organisations"][0]["organisation"], "cell_b");
}

TEST(SummaryText, ShowsTheSeizuresAtEachCrossingWhenTheResultsHaveThem) {
  ExperimentResults r = sample_results();
  EXPECT_NE(summary(r, Format::text, SummaryKind::run).find("Mean shipments seized at each border crossing"), std::string::npos);
  for (auto& row : r.values)
    for (auto& rep : row)
      if (experiment::is_done(rep))
        for (double& x : rep.crossing_seizures) x = std::nan("");  // read from a file written before them
  EXPECT_EQ(summary(r, Format::text, SummaryKind::run).find("Mean shipments seized at each border crossing"), std::string::npos);
}

}  // namespace
}  // namespace bstp::tools
