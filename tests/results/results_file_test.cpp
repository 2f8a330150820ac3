#include "experiment/results_digest.hpp"
#include "experiment/results_file.hpp"
#include "experiment/results_layout.hpp"
#include "sample_results.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

namespace bstp::experiment {
namespace {

namespace fs = std::filesystem;
using testing::sample_results;
using testing::synthetic_results;

// A fresh, empty directory per test, removed afterwards.
class ResultsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("bstp-results-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    return names;
  }

  fs::path dir_;
};

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

// Equality with NaN == NaN, reporting the first difference.
void expect_equal(const ExperimentResults& a, const ExperimentResults& b) {
  EXPECT_EQ(a.points, b.points);
  EXPECT_EQ(a.replications, b.replications);
  EXPECT_EQ(a.months, b.months);
  EXPECT_EQ(a.countries, b.countries);
  EXPECT_EQ(a.crossings, b.crossings);
  EXPECT_EQ(a.units, b.units);
  EXPECT_EQ(a.organisations, b.organisations);
  EXPECT_EQ(a.scenario_text, b.scenario_text);
  EXPECT_EQ(a.sweep_text, b.sweep_text);
  EXPECT_EQ(a.scenario_file, b.scenario_file);
  EXPECT_EQ(a.bstp_version, b.bstp_version);
  EXPECT_EQ(a.git_revision, b.git_revision);
  EXPECT_EQ(a.command_line, b.command_line);
  EXPECT_EQ(a.created_utc, b.created_utc);
  EXPECT_EQ(a.seed, b.seed);
  ASSERT_EQ(a.values.size(), b.values.size());
  for (std::size_t p = 0; p < a.values.size(); ++p) {
    ASSERT_EQ(a.values[p].size(), b.values[p].size()) << "point " << p;
    for (std::size_t r = 0; r < a.values[p].size(); ++r) {
      const auto& x = a.values[p][r];
      const auto& y = b.values[p][r];
      SCOPED_TRACE("point " + std::to_string(p) + " replication " + std::to_string(r));
      EXPECT_TRUE(same(x.totals, y.totals));
      ASSERT_EQ(x.monthly.size(), y.monthly.size());
      for (std::size_t k = 0; k < x.monthly.size(); ++k)
        EXPECT_TRUE(same(x.monthly[k], y.monthly[k])) << "monthly indicator " << k;
      ASSERT_EQ(x.by_country.size(), y.by_country.size());
      for (std::size_t k = 0; k < x.by_country.size(); ++k)
        EXPECT_TRUE(same(x.by_country[k], y.by_country[k])) << "by_country indicator " << k;
      EXPECT_TRUE(same(x.crossing_kg, y.crossing_kg)) << "crossing_kg";
      ASSERT_EQ(x.crossing_kg_monthly.size(), y.crossing_kg_monthly.size());
      for (std::size_t c = 0; c < x.crossing_kg_monthly.size(); ++c)
        EXPECT_TRUE(same(x.crossing_kg_monthly[c], y.crossing_kg_monthly[c])) << "crossing_kg_monthly " << c;
      EXPECT_TRUE(same(x.crossing_seizures, y.crossing_seizures)) << "crossing_seizures";
      EXPECT_TRUE(same(x.crossing_seized_kg, y.crossing_seized_kg)) << "crossing_seized_kg";
      for (const auto& [a_rows, b_rows] : {std::pair{&x.crossing_seizures_monthly, &y.crossing_seizures_monthly},
                                           std::pair{&x.crossing_seized_kg_monthly, &y.crossing_seized_kg_monthly}}) {
        ASSERT_EQ(a_rows->size(), b_rows->size());
        for (std::size_t c = 0; c < a_rows->size(); ++c) EXPECT_TRUE(same((*a_rows)[c], (*b_rows)[c])) << "seizures at crossing " << c;
      }
      for (const auto& [a_rows, b_rows] : {std::pair{&x.by_unit, &y.by_unit}, std::pair{&x.by_organisation, &y.by_organisation}}) {
        ASSERT_EQ(a_rows->size(), b_rows->size()) << (a_rows == &x.by_unit ? "by_unit" : "by_organisation");
        for (std::size_t k = 0; k < a_rows->size(); ++k)
          EXPECT_TRUE(same((*a_rows)[k], (*b_rows)[k])) << (a_rows == &x.by_unit ? "by_unit " : "by_organisation ") << k;
      }
      EXPECT_EQ(x.events, y.events);
      EXPECT_EQ(x.wall_seconds, y.wall_seconds);
    }
  }
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST_F(ResultsFile, RoundTripPreservesEverything) {
  const ExperimentResults written = sample_results();
  write_results_file(path("r.h5"), written, false);
  const ExperimentResults read = read_results_file(path("r.h5"));
  expect_equal(written, read);
  EXPECT_TRUE(read.values[1][2].totals.empty());
  EXPECT_TRUE(read.values[1][2].monthly.empty());
  EXPECT_TRUE(read.values[1][2].by_country.empty());
  EXPECT_TRUE(read.values[1][2].crossing_kg.empty());
  EXPECT_TRUE(read.values[1][2].by_unit.empty());
}

// A unit one design point lacks (a policy that adds units) is NaN there, and stays NaN.
TEST_F(ResultsFile, RoundTripKeepsAUnitAPointLacks) {
  ExperimentResults written = sample_results();
  for (auto& v : written.values[1])
    if (is_done(v))
      for (auto& row : v.by_unit) row[2] = std::numeric_limits<double>::quiet_NaN();
  write_results_file(path("r.h5"), written, false);
  const ExperimentResults read = read_results_file(path("r.h5"));
  expect_equal(written, read);
  EXPECT_TRUE(std::isnan(read.values[1][0].by_unit[0][2]));
  EXPECT_EQ(read.values[0][1].by_unit[1][2], testing::sample_by_unit(0, 1, 1, 2));
}

TEST_F(ResultsFile, RoundTripWithoutSweepTextOrCrossings) {
  ExperimentResults written = sample_results();
  written.sweep_text.clear();
  written.crossings.clear();
  for (auto& row : written.values)
    for (auto& v : row) {
      v.crossing_kg.clear(), v.crossing_kg_monthly.clear();
      v.crossing_seizures.clear(), v.crossing_seized_kg.clear();
      v.crossing_seizures_monthly.clear(), v.crossing_seized_kg_monthly.clear();
    }
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, RejectsCrossingFlowOfTheWrongLength) {
  ExperimentResults written = sample_results();
  written.values[0][1].crossing_kg.push_back(1.0);
  const std::string message = message_of([&] { write_results_file(path("r.h5"), written, false); });
  EXPECT_NE(message.find("crossing_kg has 3 values, expected one per crossing (2)"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(path("r.h5")));
}

TEST_F(ResultsFile, RoundTripPoliciesWithoutParameters) {
  ExperimentResults written = sample_results();
  written.points = {{"status quo", {}}, {"more training", {}}};
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, RoundTripPointsWithDifferentParameters) {
  ExperimentResults written = sample_results();
  written.points = {{"baseline", {}}, {"b=3,a=1", {{"b", 3.0}, {"a", 1.0}}}};
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, RoundTripNothingDoneYet) {
  ExperimentResults written = sample_results();
  for (auto& row : written.values)
    for (auto& v : row) v = border::ReplicationResult{};
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, RoundTripNoCountries) {
  ExperimentResults written = synthetic_results(1, 2, 3, 0);
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, LeavesNoTemporaryFileAfterSuccess) {
  write_results_file(path("r.h5"), sample_results(), false);
  EXPECT_EQ(files(), std::vector<std::string>{"r.h5"});
}

TEST_F(ResultsFile, RefusesToOverwriteWithoutForce) {
  const ExperimentResults first = sample_results();
  write_results_file(path("r.h5"), first, false);
  ExperimentResults second = sample_results();
  second.seed = 999;
  const std::string message = message_of([&] { write_results_file(path("r.h5"), second, false); });
  EXPECT_NE(message.find("already exists"), std::string::npos) << message;
  EXPECT_NE(message.find("--force"), std::string::npos) << message;
  EXPECT_NE(message.find(path("r.h5")), std::string::npos) << message;
  EXPECT_EQ(read_results_file(path("r.h5")).seed, first.seed);
  EXPECT_EQ(files(), std::vector<std::string>{"r.h5"});

  write_results_file(path("r.h5"), second, true);
  EXPECT_EQ(read_results_file(path("r.h5")).seed, 999u);
  EXPECT_EQ(files(), std::vector<std::string>{"r.h5"});
}

TEST_F(ResultsFile, MissingDirectoryFailsClearlyAndWritesNothing) {
  const std::string target = path("no/such/dir/r.h5");
  const std::string message =
      message_of([&] { write_results_file(target, sample_results(), false); });
  EXPECT_NE(message.find("cannot write results file '" + target + "'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  EXPECT_TRUE(files().empty());
}

TEST_F(ResultsFile, ParentThatIsAFileFailsClearly) {
  std::ofstream(path("plain")) << "not a directory\n";
  const std::string message =
      message_of([&] { write_results_file(path("plain/r.h5"), sample_results(), false); });
  EXPECT_NE(message.find("is not a directory"), std::string::npos) << message;
  EXPECT_EQ(files(), std::vector<std::string>{"plain"});
}

TEST_F(ResultsFile, UnwritableDirectoryFailsClearlyAndWritesNothing) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can write to read-only directories";
  fs::create_directory(dir_ / "ro");
  fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const std::string target = path("ro/r.h5");
  const std::string message =
      message_of([&] { write_results_file(target, sample_results(), false); });
  fs::permissions(dir_ / "ro", fs::perms::owner_all);
  EXPECT_NE(message.find("cannot write results file '" + target + "'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("Permission denied"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_empty(dir_ / "ro"));
}

// Writes a file larger than the process's file-size limit: HDF5 fails part-way through, after
// the temporary file exists. Runs in a child process (the limit is per process); the child prints
// the error and exits 0 if write_results_file threw.
void write_over_size_limit(const std::string& target, bool overwrite) {
  std::signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
  const rlimit limit{16 * 1024, 16 * 1024};
  setrlimit(RLIMIT_FSIZE, &limit);
  try {
    write_results_file(target, synthetic_results(4, 50, 60, 3), overwrite);
  } catch (const std::exception& e) {
    std::cerr << e.what() << std::endl;
    std::exit(0);  // runs HDF5's exit-time cleanup too, which must not crash
  }
  std::exit(1);
}

TEST_F(ResultsFile, FailureWhileWritingRemovesTheTemporaryFile) {
  GTEST_FLAG_SET(death_test_style, "fast");  // fork: the child shares dir_
  const std::string target = path("r.h5");
  EXPECT_EXIT(write_over_size_limit(target, false), ::testing::ExitedWithCode(0),
              "cannot write results file '.*r\\.h5': cannot write '.*r\\.h5\\.tmp-[0-9]+': "
              "File too large");
  EXPECT_TRUE(files().empty());
}

TEST_F(ResultsFile, FailureWhileOverwritingKeepsTheOldFile) {
  GTEST_FLAG_SET(death_test_style, "fast");  // fork: the child shares dir_
  const std::string target = path("r.h5");
  write_results_file(target, sample_results(), false);
  EXPECT_EXIT(write_over_size_limit(target, true), ::testing::ExitedWithCode(0),
              "cannot write results file");
  EXPECT_EQ(files(), std::vector<std::string>{"r.h5"});
  expect_equal(sample_results(), read_results_file(target));
}

TEST_F(ResultsFile, RejectsInconsistentResultsBeforeWriting) {
  ExperimentResults bad = sample_results();
  bad.values[0][1].monthly[3].pop_back();
  const std::string message =
      message_of([&] { write_results_file(path("r.h5"), bad, false); });
  EXPECT_NE(message.find("replication 1"), std::string::npos) << message;
  EXPECT_NE(message.find("expected 4"), std::string::npos) << message;
  EXPECT_THROW(write_results_file(path("r.h5"), bad, false), std::invalid_argument);

  ExperimentResults short_rows = sample_results();
  short_rows.values[1].pop_back();
  EXPECT_THROW(write_results_file(path("r.h5"), short_rows, false), std::invalid_argument);

  ExperimentResults bad_name = sample_results();
  bad_name.points[0].parameters[0].first = "a/b";
  EXPECT_THROW(write_results_file(path("r.h5"), bad_name, false), std::invalid_argument);

  ExperimentResults duplicate = sample_results();
  duplicate.points[0].parameters[1].first = duplicate.points[0].parameters[0].first;
  EXPECT_THROW(write_results_file(path("r.h5"), duplicate, false), std::invalid_argument);
  EXPECT_TRUE(files().empty());
}

TEST_F(ResultsFile, LargeDatasetsAreChunkedAndCompressed) {
  write_results_file(path("r.h5"), synthetic_results(3, 40, 24, 2), false);
  const hid_t file = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  auto layout_of = [&](const char* name, int* filters) {
    const hid_t d = H5Dopen2(file, name, H5P_DEFAULT);
    const hid_t dcpl = H5Dget_create_plist(d);
    const H5D_layout_t layout = H5Pget_layout(dcpl);
    *filters = H5Pget_nfilters(dcpl);
    H5Pclose(dcpl);
    H5Dclose(d);
    return layout;
  };
  int filters = 0;
  EXPECT_EQ(layout_of("/monthly/seizures", &filters), H5D_CHUNKED);  // 3*40*24*8 = 23 KB
  EXPECT_EQ(filters, 3);                                             // shuffle + deflate + Fletcher32
  EXPECT_EQ(layout_of("/totals/seizures", &filters), H5D_CHUNKED);   // 960 B: chunked for the checksum
  EXPECT_EQ(filters, 1);                                             // Fletcher32 only
  EXPECT_EQ(layout_of("/point", &filters), H5D_CONTIGUOUS);          // strings: no checksum filter
  EXPECT_EQ(filters, 0);
  H5Fclose(file);
  expect_equal(synthetic_results(3, 40, 24, 2), read_results_file(path("r.h5")));
}

TEST_F(ResultsFile, ReadingSomethingElseFailsClearly) {
  EXPECT_NE(message_of([&] { read_results_file(path("missing.h5")); }).find("no such file"),
            std::string::npos);
  std::ofstream(path("text.h5")) << "hello\n";
  const std::string text = message_of([&] { read_results_file(path("text.h5")); });
  EXPECT_NE(text.find("cannot read results file '" + path("text.h5") + "': not an HDF5 file"),
            std::string::npos)
      << text;
  const hid_t file = H5Fcreate(path("other.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  H5Fclose(file);
  const std::string other = message_of([&] { read_results_file(path("other.h5")); });
  EXPECT_NE(other.find("not a bstp results file"), std::string::npos) << other;
}

// tests/results/data/sample_v1.h5 is sample_results() as format_version 1 wrote it (before
// policies, short parameter names, CF attributes and checksums).
TEST_F(ResultsFile, ReadsFormatVersion1) {
  ExperimentResults expected = sample_results();
  for (DesignPoint& p : expected.points) p.policy = "";  // "lanes=2": a sweep point without a policy word
  const std::string v1 = std::string(BSTP_RESULTS_TEST_DATA) + "/sample_v1.h5";
  // Indicators added since format 1 are absent from the file and read as NaN.
  const hid_t file = H5Fopen(v1.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  std::size_t absent = 0;
  // training_cost_per_seizure_usd was cost_per_seizure_usd then: read under its old name.
  ASSERT_GT(H5Lexists(file, "/totals/cost_per_seizure_usd", H5P_DEFAULT), 0);
  for (const border::IndicatorInfo& info : border::indicator_catalog()) {
    if (info.id == border::Indicator::training_cost_per_seizure_usd) continue;
    if (H5Lexists(file, ("/totals/" + std::string(info.name)).c_str(), H5P_DEFAULT) > 0) continue;
    ++absent;
    const auto k = static_cast<std::size_t>(info.id);
    for (auto& point : expected.values)
      for (auto& r : point) {
        if (r.totals.empty()) continue;  // a replication not done
        r.totals[k] = std::numeric_limits<double>::quiet_NaN();
        for (double& x : r.monthly[k]) x = std::numeric_limits<double>::quiet_NaN();
        for (double& x : r.by_country[k]) x = std::numeric_limits<double>::quiet_NaN();
      }
  }
  H5Fclose(file);
  // So are the per-crossing kg by month and the seizures at crossings, added since.
  for (auto& point : expected.values)
    for (auto& r : point) {
      for (auto* rows : {&r.crossing_kg_monthly, &r.crossing_seizures_monthly, &r.crossing_seized_kg_monthly})
        for (auto& row : *rows)
          for (double& x : row) x = std::numeric_limits<double>::quiet_NaN();
      for (auto* row : {&r.crossing_seizures, &r.crossing_seized_kg})
        for (double& x : *row) x = std::numeric_limits<double>::quiet_NaN();
    }
  // The units and organisations too: the file has neither their names nor their values.
  expected.units.clear();
  expected.organisations.clear();
  for (auto& point : expected.values)
    for (auto& r : point) r.by_unit.clear(), r.by_organisation.clear();
  // The sample holds the indicators of its time (26); later ones are the absent ones.
  EXPECT_GE(border::kIndicatorCount - absent, 24u) << "the sample should hold the indicators of format 1";
  expect_equal(expected, read_results_file(v1));
}

TEST_F(ResultsFile, RoundTripKeepsPoliciesAndDottedPaths) {
  ExperimentResults written = sample_results();
  written.points[0].policy = "baseline";
  written.points[1].policy = "trained";
  written.points[0].parameters = {{"training.cohorts.0.seats", 20.0}, {"training.cohorts.1.seats", 5.0}};
  written.points[1].parameters = {{"training.cohorts.0.seats", 40.0}, {"training.cohorts.1.seats", 5.0}};
  write_results_file(path("r.h5"), written, false);
  expect_equal(written, read_results_file(path("r.h5")));
  const hid_t file = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  EXPECT_GT(H5Lexists(file, "/points/cohorts_0_seats", H5P_DEFAULT), 0);
  EXPECT_GT(H5Lexists(file, "/points/cohorts_1_seats", H5P_DEFAULT), 0);
  H5Fclose(file);
}

TEST(ParameterShortNames, AreUniqueIdentifiersAvoidingCoordinateNames) {
  EXPECT_EQ(parameter_short_names({"training.programs.creompaz_basic.cohorts.0.seats"}),
            std::vector<std::string>{"seats"});
  EXPECT_EQ(parameter_short_names({"a.cohorts.0.seats", "a.cohorts.1.seats", "checkpoints.lanes"}),
            (std::vector<std::string>{"cohorts_0_seats", "cohorts_1_seats", "lanes"}));
  EXPECT_EQ(parameter_short_names({"x.policy", "y.month", "z.share-trained"}),
            (std::vector<std::string>{"x_policy", "y_month", "share_trained"}));
  EXPECT_EQ(parameter_short_names({"a.b", "a_b"}), (std::vector<std::string>{"b", "a_b"}));
  EXPECT_EQ(parameter_short_names({"x.a.b", "y.a_b"}), (std::vector<std::string>{"b", "a_b"}));
  EXPECT_EQ(parameter_short_names({"x.a_b", "y.a.b"}), (std::vector<std::string>{"a_b", "b"}));
  EXPECT_EQ(parameter_short_names({"seed", "cohorts.0"}), (std::vector<std::string>{"seed", "cohorts_0"}));
}

TEST(CfUnits, AreUdunitsWithDimensionlessOne) {
  EXPECT_EQ(udunits_of("kg"), "kg");
  EXPECT_EQ(udunits_of("hours"), "hours");
  EXPECT_EQ(udunits_of("count"), "1");
  EXPECT_EQ(udunits_of("ratio"), "1");
  EXPECT_EQ(udunits_of("USD"), "1");
  EXPECT_EQ(udunits_of("officers"), "1");
}

// Flips one bit at `offset` of the file.
void flip_bit(const std::string& file, std::streamoff offset) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(offset);
  char byte = 0;
  f.get(byte);
  f.seekp(offset);
  f.put(static_cast<char>(byte ^ 0x04));
}

// The file offset of the first chunk of `dataset` (chunk addresses count from the superblock).
std::streamoff first_chunk_offset(const std::string& file_name, const char* dataset) {
  const hid_t file = H5Fopen(file_name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t d = H5Dopen2(file, dataset, H5P_DEFAULT);
  const hid_t space = H5Dget_space(d);
  haddr_t address = HADDR_UNDEF;
  hsize_t size = 0;
  const herr_t status = H5Dget_chunk_info(d, space, 0, nullptr, nullptr, &address, &size);
  H5Sclose(space);
  H5Dclose(d);
  H5Fclose(file);
  return status < 0 ? -1 : static_cast<std::streamoff>(address + kUserBlockBytes);
}

void restamp(const std::string& file_name) {
  std::ifstream in(file_name, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  stamp_digest(bytes);
  std::ofstream(file_name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST_F(ResultsFile, DamagedDataIsRefusedByTheDigest) {
  write_results_file(path("r.h5"), sample_results(), false);
  const std::streamoff offset = first_chunk_offset(path("r.h5"), "/monthly/seizures");
  ASSERT_GT(offset, 0);
  flip_bit(path("r.h5"), offset + 3);
  const std::string message = message_of([&] { read_results_file(path("r.h5")); });
  EXPECT_NE(message.find(path("r.h5")), std::string::npos) << message;
  EXPECT_NE(message.find("the file is damaged"), std::string::npos) << message;
}

// Damage the digest cannot see (the digest recomputed after it): Fletcher32 names the dataset.
TEST_F(ResultsFile, DamagedDataIsRefusedByTheDatasetChecksum) {
  write_results_file(path("r.h5"), sample_results(), false);
  const std::streamoff offset = first_chunk_offset(path("r.h5"), "/monthly/seizures");
  ASSERT_GT(offset, 0);
  flip_bit(path("r.h5"), offset + 3);
  restamp(path("r.h5"));
  const std::string message = message_of([&] { read_results_file(path("r.h5")); });
  EXPECT_NE(message.find("/monthly/seizures"), std::string::npos) << message;
  EXPECT_NE(message.find("the file is damaged"), std::string::npos) << message;
}

TEST_F(ResultsFile, TruncatedFileIsRefused) {
  write_results_file(path("r.h5"), sample_results(), false);
  fs::resize_file(path("r.h5"), fs::file_size(path("r.h5")) - 100);
  EXPECT_NE(message_of([&] { read_results_file(path("r.h5")); }).find("truncated"), std::string::npos);
}

TEST_F(ResultsFile, DamagedSuperblockIsRefused) {
  write_results_file(path("r.h5"), sample_results(), false);
  flip_bit(path("r.h5"), kUserBlockBytes + 20);  // the end-of-file address in the version 2 superblock
  const std::string message = message_of([&] { read_results_file(path("r.h5")); });
  EXPECT_NE(message.find("the file is damaged"), std::string::npos) << message;
}

// A bit flipped anywhere: the reader either refuses the file or reads the same numbers (the bit
// was in free space, or in a name that is not checksummed); it never returns other numbers.
TEST_F(ResultsFile, NoFlippedBitChangesTheNumbersRead) {
  const ExperimentResults written = sample_results();
  write_results_file(path("clean.h5"), written, false);
  const auto size = static_cast<std::streamoff>(fs::file_size(path("clean.h5")));
  int refused = 0, read = 0;
  for (std::streamoff offset = 0; offset < size; offset += 257) {
    fs::copy_file(path("clean.h5"), path("r.h5"), fs::copy_options::overwrite_existing);
    flip_bit(path("r.h5"), offset);
    if (std::getenv("BSTP_TRACE_FLIPS") != nullptr) std::cerr << "flip at " << offset << std::endl;
    ExperimentResults got;
    try {
      got = read_results_file(path("r.h5"));
    } catch (const std::runtime_error&) {
      ++refused;
      continue;
    }
    ++read;
    SCOPED_TRACE("bit flipped at byte " + std::to_string(offset));
    ASSERT_EQ(got.values.size(), written.values.size());
    for (std::size_t p = 0; p < got.values.size(); ++p)
      for (std::size_t r = 0; r < got.values[p].size(); ++r) {
        ASSERT_TRUE(same(got.values[p][r].totals, written.values[p][r].totals));
        ASSERT_TRUE(same(got.values[p][r].crossing_kg, written.values[p][r].crossing_kg));
        for (std::size_t k = 0; k < got.values[p][r].monthly.size(); ++k)
          ASSERT_TRUE(same(got.values[p][r].monthly[k], written.values[p][r].monthly[k]));
      }
  }
  EXPECT_GT(refused, 0);
  std::cout << refused << " refused, " << read << " read the same numbers\n";
}

TEST(UtcTimestamp, IsIso8601InUtc) {
  const std::string now = utc_timestamp_now();
  const std::string pattern = "dddd-dd-ddTdd:dd:ddZ";  // d = a digit
  ASSERT_EQ(now.size(), pattern.size()) << now;
  for (std::size_t i = 0; i < now.size(); ++i)
    EXPECT_TRUE(pattern[i] == 'd' ? std::isdigit(static_cast<unsigned char>(now[i])) != 0
                                  : now[i] == pattern[i])
        << now;
}

}  // namespace
}  // namespace bstp::experiment
