// Unit tests of the model-neutral experiment layer: result schemas, another model's results file,
// merging records, and the border model's results through records (border_records.hpp).
#include "experiment/border_records.hpp"
#include "experiment/experiment_files.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/model_results_file.hpp"
#include "experiment/replication_codec.hpp"
#include "experiment/results_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>

namespace bstp::experiment {
namespace {

namespace fs = std::filesystem;

class ModelFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bstp-model-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const char* name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) { return e.what(); }
  return "(no exception)";
}

bool same_bits(const ReplicationRecord& a, const ReplicationRecord& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// A model with a number, a 2 x 3 array in a group, and timing.
ExperimentRecords toy() {
  ExperimentRecords x;
  x.model = "toy";
  x.schema.dimensions = {{"colour", {"red", "blue"}}, {"size", {"s", "m", "l"}}};
  x.schema.arrays = {{"count", {}, "count", "a count"},
                     {"grid/area", {"colour", "size"}, "m", "an area per colour and size"},
                     {"run/wall_seconds", {}, "seconds", "timing"}};
  x.points = {{"a", {{"speed.max", 1.5}}, ""}, {"b", {{"speed.max", 2.5}}, ""}};
  x.replications = 2;
  auto record = [](double base) {
    ReplicationRecord v{base};
    for (int i = 0; i < 6; ++i) v.push_back(base * 10 + i);
    v.push_back(0.25);
    return v;
  };
  x.values = {{record(1), {}}, {record(2), record(3)}};
  x.values[1][1][3] = std::nan("");
  x.scenario_text = "# from here\nmodel: toy\n";
  x.sweep_text = "grid: {speed.max: [1.5, 2.5]}\n";
  x.scenario_file = "toy.yaml";
  x.bstp_version = "0.1.0";
  x.git_revision = "abc";
  x.command_line = "bstp sweep toy-sweep.yaml";
  x.created_utc = "2024-05-01T12:00:00Z";
  x.seed = 9;
  return x;
}

TEST(ResultSchema, SizesFromItsDimensions) {
  const ResultSchema s = toy().schema;
  EXPECT_EQ(s.extent("size"), 3u);
  EXPECT_EQ(s.size(s.arrays[1]), 6u);
  EXPECT_EQ(s.record_size(), 8u);
  EXPECT_THROW(s.extent("weight"), std::invalid_argument);
}

TEST_F(ModelFiles, AnotherModelsFileReadsBackAsWritten) {
  const ExperimentRecords x = toy();
  write_experiment_file(path("toy.h5"), x, false);
  EXPECT_EQ(results_file_model(path("toy.h5")), "toy");
  const ExperimentRecords y = read_experiment_file(path("toy.h5"));
  EXPECT_EQ(y.model, "toy");
  EXPECT_EQ(y.schema, x.schema);
  EXPECT_EQ(y.points, x.points);
  EXPECT_EQ(y.replications, 2);
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t r = 0; r < 2; ++r) EXPECT_TRUE(same_bits(y.values[p][r], x.values[p][r])) << p << " " << r;
  EXPECT_EQ(y.scenario_text, x.scenario_text);
  EXPECT_EQ(y.sweep_text, x.sweep_text);
  EXPECT_EQ(y.seed, 9u);
  EXPECT_EQ(experiment_identity(y), experiment_identity(x));
  EXPECT_NE(experiment_identity(x).find("model: toy"), std::string::npos);
  // The border model's reader names the model instead of failing on a missing dataset.
  const std::string message = message_of([&] { read_results_file(path("toy.h5")); });
  EXPECT_NE(message.find("model 'toy'"), std::string::npos) << message;
  EXPECT_THROW(write_experiment_file(path("toy.h5"), x, false), std::runtime_error) << "exists, no --force";
}

TEST(MergeRecords, FillsWhatIsMissingAndRefusesOtherValues) {
  ExperimentRecords into = toy(), from = toy();
  into.values[1][1].clear();
  from.values[1][0].clear();
  from.values[1][1].back() = 7.0;  // timing may differ
  EXPECT_EQ(merge_records(into, from, "from.h5"), 1u);
  EXPECT_TRUE(same_bits(into.values[1][1], from.values[1][1]));
  EXPECT_TRUE(into.values[0][1].empty());
  from.values[0][0][2] += 1;
  const std::string message = message_of([&] { merge_records(into, from, "from.h5"); });
  EXPECT_NE(message.find("from.h5 has replication 0 of 'a' with other values"), std::string::npos) << message;
  ExperimentRecords other = toy();
  other.schema.arrays[0].name = "total";
  EXPECT_THROW(merge_records(into, other, "other.h5"), std::invalid_argument);
}

// The border model's results through records write the same file (HDF5 stamps object headers with
// the time, so the files are compared as read back: every name, value and provenance).
TEST_F(ModelFiles, BorderResultsThroughRecordsWriteTheSameFile) {
  ExperimentResults r;
  r.points = {{"base", {}, "base"}, {"more", {}, "more"}};
  r.replications = 2;
  r.months = 3;
  r.countries = {"GT", "MX"};
  r.crossings = {"bridge"};
  r.units = {"north.1"};
  r.organisations = {"cell"};
  r.values.assign(2, std::vector<border::ReplicationResult>(2));
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t i = 0; i < (p == 0 ? 2u : 1u); ++i) {
      border::ReplicationResult& v = r.values[p][i];
      const double base = static_cast<double>(1 + p * 2 + i);
      for (std::size_t k = 0; k < border::kIndicatorCount; ++k) {
        v.totals.push_back(base + static_cast<double>(k));
        v.monthly.emplace_back(3, base / 3.0);
        v.by_country.emplace_back(2, base * 7.0);
      }
      v.crossing_kg = {base * 11};
      v.crossing_seizures = {base};
      v.crossing_seized_kg = {base * 2};
      v.crossing_kg_monthly = v.crossing_seizures_monthly =
          v.crossing_seized_kg_monthly = {std::vector<double>(3, base)};
      for (std::size_t k = 0; k < border::kUnitMeasureCount; ++k) v.by_unit.emplace_back(1, base + 0.5);
      for (std::size_t k = 0; k < border::kOrganisationMeasureCount; ++k) v.by_organisation.emplace_back(1, base - 0.5);
      v.events = (std::uint64_t{1} << 35) + p;
      v.wall_seconds = 0.5;
    }
  r.scenario_text = "scenario: {name: t}\n";
  r.bstp_version = "0.1.0";
  r.created_utc = "2024-05-01T12:00:00Z";
  r.seed = 5;
  write_results_file(path("direct.h5"), r, false);
  const ExperimentRecords x = to_records(r);
  EXPECT_EQ(x.schema.record_size(), shape_of(r).size());
  write_experiment_file(path("records.h5"), x, false);
  const ExperimentResults a = read_results_file(path("direct.h5")), b = read_results_file(path("records.h5"));
  EXPECT_EQ(experiment_identity(a), experiment_identity(b));
  EXPECT_EQ(a.units, b.units);
  EXPECT_EQ(a.organisations, b.organisations);
  EXPECT_EQ(a.created_utc, b.created_utc);
  const ExperimentRecords ra = to_records(a), rb = to_records(b);
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_TRUE(same_bits(ra.values[p][i], rb.values[p][i])) << p << " " << i;
      EXPECT_TRUE(same_bits(ra.values[p][i], x.values[p][i])) << p << " " << i;
    }
  EXPECT_EQ(fs::file_size(path("direct.h5")), fs::file_size(path("records.h5")));
  EXPECT_EQ(results_file_model(path("direct.h5")), kBorderModel);
  const ExperimentRecords back = read_experiment_file(path("direct.h5"));
  EXPECT_EQ(experiment_identity(back), experiment_identity(r));
  EXPECT_TRUE(back.values[1][1].empty());
  EXPECT_TRUE(same_bits(back.values[0][1], x.values[0][1]));
}

}  // namespace
}  // namespace bstp::experiment
