// Unit tests of the experiment machinery: the replication codec, the checkpoint journal,
// experiment identities and merging, and sweep point labels.
#include "experiment/checkpoint_journal.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/replication_codec.hpp"
#include "sweep_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace bstp::experiment {
namespace {

namespace fs = std::filesystem;

border::ReplicationResult replication(double base, std::size_t months, std::size_t countries, std::size_t crossings) {
  border::ReplicationResult v;
  for (std::size_t k = 0; k < border::kIndicatorCount; ++k) {
    v.totals.push_back(base + static_cast<double>(k) / 3.0);
    v.monthly.emplace_back(months, base * 1.5 + static_cast<double>(k));
    v.by_country.emplace_back(countries, base / 7.0);
  }
  v.monthly[2][0] = std::numeric_limits<double>::quiet_NaN();
  v.crossing_kg.assign(crossings, base * 11.0);
  v.events = (std::uint64_t{1} << 40) + static_cast<std::uint64_t>(base);
  v.wall_seconds = 0.125 * base;
  return v;
}

ExperimentResults experiment(int replications = 3) {
  ExperimentResults r;
  r.points = {{"a", {{"x", 1.0}}}, {"b", {{"x", 2.0}}}};
  r.replications = replications;
  r.months = 4;
  r.countries = {"GT", "MX"};
  r.crossings = {"bridge"};
  r.values.assign(2, std::vector<border::ReplicationResult>(static_cast<std::size_t>(replications)));
  r.scenario_text = "# Resolved from here\nscenario: {name: t}\n";
  r.bstp_version = "0.1.0";
  r.seed = 5;
  return r;
}

bool same_bits(const border::ReplicationResult& a, const border::ReplicationResult& b, const ResultShape& shape) {
  const std::vector<double> x = encode(a, shape), y = encode(b, shape);
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no exception)";
}

class Journal : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bstp-journal-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path() const { return (dir_ / "out.h5.journal").string(); }
  fs::path dir_;
};

TEST(ReplicationCodec, RoundTripsBitForBit) {
  const ResultShape shape{4, 2, 3};
  const border::ReplicationResult v = replication(17.0, 4, 2, 3);
  const std::vector<double> data = encode(v, shape);
  EXPECT_EQ(data.size(), shape.size());
  const border::ReplicationResult back = decode(data, shape);
  EXPECT_TRUE(same_bits(v, back, shape));
  EXPECT_EQ(back.events, v.events);
  EXPECT_TRUE(std::isnan(back.monthly[2][0]));
}

TEST(ReplicationCodec, RejectsTheWrongShape) {
  const ResultShape shape{4, 2, 3};
  EXPECT_THROW(encode(replication(1.0, 4, 2, 2), shape), std::invalid_argument);
  std::vector<double> data = encode(replication(1.0, 4, 2, 3), shape);
  data.pop_back();
  EXPECT_THROW(decode(data, shape), std::runtime_error);
}

TEST_F(Journal, KeepsWhatWasAppendedAndDropsATornRecord) {
  ExperimentResults r = experiment();
  const std::string identity = experiment_identity(r);
  const ResultShape shape = shape_of(r);
  {
    CheckpointJournal j = CheckpointJournal::create(path(), identity, shape);
    j.append(0, 1, replication(1.0, 4, 2, 1));
    j.append(1, 2, replication(2.0, 4, 2, 1));
  }
  const auto size = fs::file_size(path());
  std::ofstream(path(), std::ios::app | std::ios::binary) << "half a record";
  std::size_t loaded = 0;
  {
    CheckpointJournal j = CheckpointJournal::resume(path(), identity, r, loaded);
    EXPECT_EQ(loaded, 2u);
    EXPECT_EQ(fs::file_size(path()), size) << "the torn record is cut off";
    EXPECT_TRUE(same_bits(r.values[0][1], replication(1.0, 4, 2, 1), shape));
    EXPECT_TRUE(same_bits(r.values[1][2], replication(2.0, 4, 2, 1), shape));
    EXPECT_FALSE(is_done(r.values[0][0]));
    j.append(0, 0, replication(3.0, 4, 2, 1));
  }
  ExperimentResults again = experiment();
  CheckpointJournal j = CheckpointJournal::resume(path(), identity, again, loaded);
  EXPECT_EQ(loaded, 3u);
  j.remove();
  EXPECT_FALSE(fs::exists(path()));
}

TEST_F(Journal, RefusesAnotherExperiment) {
  ExperimentResults r = experiment();
  { CheckpointJournal::create(path(), experiment_identity(r), shape_of(r)); }
  ExperimentResults other = experiment();
  other.seed = 6;
  std::size_t loaded = 0;
  const std::string message = message_of([&] { CheckpointJournal::resume(path(), experiment_identity(other), other, loaded); });
  EXPECT_NE(message.find("seed differs (5 vs 6)"), std::string::npos) << message;
}

TEST_F(Journal, RefusesAFileThatIsNotAJournal) {
  std::ofstream(path()) << "hello";
  ExperimentResults r = experiment();
  std::size_t loaded = 0;
  EXPECT_THROW(CheckpointJournal::resume(path(), experiment_identity(r), r, loaded), std::runtime_error);
}

TEST(ExperimentIdentity, NamesTheFirstDifference) {
  ExperimentResults a = experiment(), b = experiment(4);
  const std::string message =
      message_of([&] { check_same_experiment(experiment_identity(a), "a.h5", experiment_identity(b), "b.h5"); });
  EXPECT_EQ(message, "b.h5 is not part of the same experiment as a.h5: replications differs (3 vs 4)");
  b = experiment();
  b.points[1].parameters[0].second = 2.5;
  EXPECT_THROW(check_same_experiment(experiment_identity(a), "a", experiment_identity(b), "b"), std::invalid_argument);
}

TEST(ExperimentIdentity, IgnoresWhereTheScenarioWasReadFrom) {
  ExperimentResults a = experiment(), b = experiment();
  b.scenario_text = "# Resolved from /elsewhere/there\nscenario: {name: t}\n";
  EXPECT_EQ(experiment_identity(a), experiment_identity(b));
  b.scenario_text = "scenario: {name: u}\n";
  EXPECT_NE(experiment_identity(a), experiment_identity(b));
}

TEST(MergeReplications, FillsMissingSlotsAndRejectsConflicts) {
  ExperimentResults into = experiment(), from = experiment();
  into.values[0][0] = replication(1.0, 4, 2, 1);
  from.values[0][0] = replication(1.0, 4, 2, 1);
  from.values[0][0].wall_seconds = 99.0;  // timing may differ
  from.values[1][1] = replication(2.0, 4, 2, 1);
  EXPECT_EQ(merge_replications(into, from, "from.h5"), 1u);
  EXPECT_TRUE(is_done(into.values[1][1]));
  from.values[0][0].totals[0] += 1.0;
  const std::string message = message_of([&] { merge_replications(into, from, "from.h5"); });
  EXPECT_NE(message.find("from.h5 has replication 0 of 'a' with other values"), std::string::npos) << message;
}

TEST(SweepLabels, AreShortAndUnique) {
  EXPECT_EQ(tools::short_labels({"training.programs.x.cohorts.0.seats", "countries.GT.police.share_trained"}),
            (std::vector<std::string>{"seats", "share_trained"}));
  EXPECT_EQ(tools::short_labels({"a.cohorts.0.seats", "a.cohorts.1.seats"}),
            (std::vector<std::string>{"cohorts.0.seats", "cohorts.1.seats"}));
  EXPECT_EQ(tools::short_labels({"coordination.joint_patrols.2"}), (std::vector<std::string>{"joint_patrols.2"}));
  EXPECT_EQ(tools::short_labels({"countries.GT.police.officers", "countries.MX.police.officers"}),
            (std::vector<std::string>{"GT.police.officers", "MX.police.officers"}));
}

}  // namespace
}  // namespace bstp::experiment
