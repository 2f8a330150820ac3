// Unit tests of the experiment machinery: the replication codec, the checkpoint journal, the
// output's lock and checks, experiment identities and merging, sweep point labels, progress lines
// and shards.
#include "experiment/checkpoint_journal.hpp"
#include "experiment/border_records.hpp"
#include "command.hpp"
#include "experiment/experiment_identity.hpp"
#include "experiment/output_lock.hpp"
#include "experiment/output_path.hpp"
#include "experiment/replication_codec.hpp"
#include "experiment_plan.hpp"
#include "lp_thread_trial.hpp"
#include "progress.hpp"
#include "shard.hpp"
#include "sweep_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace bstp::experiment {
namespace {

namespace fs = std::filesystem;

border::ReplicationResult replication(double base, std::size_t months, std::size_t countries, std::size_t crossings,
                                      std::size_t units = 2, std::size_t organisations = 1) {
  border::ReplicationResult v;
  for (std::size_t k = 0; k < border::kIndicatorCount; ++k) {
    v.totals.push_back(base + static_cast<double>(k) / 3.0);
    v.monthly.emplace_back(months, base * 1.5 + static_cast<double>(k));
    v.by_country.emplace_back(countries, base / 7.0);
  }
  v.monthly[2][0] = std::numeric_limits<double>::quiet_NaN();
  v.crossing_kg.assign(crossings, base * 11.0);
  v.crossing_seizures.assign(crossings, base + 2.0);
  v.crossing_seized_kg.assign(crossings, base * 5.0);
  v.crossing_seizures_monthly.assign(crossings, std::vector<double>(months, base / 4.0));
  v.crossing_seized_kg_monthly.assign(crossings, std::vector<double>(months, base * 1.25));
  for (std::size_t k = 0; k < border::kUnitMeasureCount; ++k) v.by_unit.emplace_back(units, base * 3.0 + static_cast<double>(k));
  for (std::size_t k = 0; k < border::kOrganisationMeasureCount; ++k)
    v.by_organisation.emplace_back(organisations, base / 3.0 + static_cast<double>(k));
  v.events = (std::uint64_t{1} << 40) + static_cast<std::uint64_t>(base);
  v.wall_seconds = 0.125 * base;
  return v;
}

// The journal holds records; the border model's runs give it encoded results (border_records.hpp).
CheckpointJournal create_journal(const std::string& path, const std::string& identity, const ResultShape& shape) {
  return CheckpointJournal::create(path, identity, shape.size());
}

CheckpointJournal resume_journal(const std::string& path, const std::string& identity, ExperimentResults& results,
                                 std::size_t& loaded) {
  ExperimentRecords records = to_records(results);
  CheckpointJournal journal = CheckpointJournal::resume(path, identity, shape_of(results).size(), records.values, loaded);
  results = to_border(records);
  return journal;
}

void append(CheckpointJournal& journal, std::size_t point, std::size_t replication, const border::ReplicationResult& v) {
  const ResultShape shape{v.monthly[0].size(), v.by_country[0].size(), v.crossing_kg.size(), v.by_unit[0].size(),
                          v.by_organisation[0].size()};
  journal.append(point, replication, encode(v, shape));
}

ExperimentResults experiment(int replications = 3) {
  ExperimentResults r;
  r.points = {{"a", {{"x", 1.0}}}, {"b", {{"x", 2.0}}}};
  r.replications = replications;
  r.months = 4;
  r.countries = {"GT", "MX"};
  r.crossings = {"bridge"};
  r.units = {"north.1", "north.2"};
  r.organisations = {"cell"};
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

// --lp-threads K > 1 keeps K threads only when the trial ran at least 10% faster on them.
TEST(LpThreadTrial, KeepsParallelOnlyWhenItPays) {
  using tools::describe;
  using tools::faster_lp_threads;
  using tools::LpThreadTrial;
  EXPECT_EQ(faster_lp_threads(2, 0.5, 1.0), 2u);
  EXPECT_EQ(faster_lp_threads(4, 0.9, 1.0), 4u) << "exactly the margin";
  EXPECT_EQ(faster_lp_threads(2, 0.95, 1.0), 1u) << "within the timing's noise: one thread";
  EXPECT_EQ(faster_lp_threads(2, 1.6, 1.0), 1u) << "slower in parallel (the region)";
  EXPECT_EQ(faster_lp_threads(1, 0.1, 1.0), 1u) << "one thread asked: one thread";
  LpThreadTrial t{2, 1, 36.5, 0.081, 0.035};
  EXPECT_EQ(describe(t),
            "--lp-threads 2: the first 36.5 simulated days took 0.081 s on 2 threads and 0.035 s on 1; replications run "
            "on 1 thread (the results are the same either way; --exact-lp-threads keeps 2)");
  t.busiest_thread_share = 0.95;  // once the scheduler balanced by measured time
  EXPECT_EQ(describe(t),
            "--lp-threads 2: the first 36.5 simulated days took 0.081 s on 2 threads and 0.035 s on 1; the busiest "
            "thread carried 95% of the work, so 2 threads can be at most 1.05x as fast as 1; replications run on 1 "
            "thread (the results are the same either way; --exact-lp-threads keeps 2)");
  t.window_speedup_bound = 1.02;  // most windows hold one thread's work
  EXPECT_EQ(describe(t),
            "--lp-threads 2: the first 36.5 simulated days took 0.081 s on 2 threads and 0.035 s on 1; the busiest "
            "thread carried 95% of the work, so 2 threads can be at most 1.05x as fast as 1, and with the work each "
            "synchronisation window holds, at most 1.02x; replications run on 1 thread (the results are the same either "
            "way; --exact-lp-threads keeps 2)");
  t.interleaved_lps = true;
  t.window_speedup_bound = 1.7;
  t.busiest_thread_share = 0.5;
  t.parallel_seconds = 0.021;
  t.chosen = 2;
  EXPECT_EQ(describe(t),
            "--lp-threads 2: the first 36.5 simulated days took 0.021 s on 2 threads and 0.035 s on 1; the busiest "
            "thread carried 50% of the work, so 2 threads can be at most 2.00x as fast as 1, and with the work each "
            "synchronisation window holds, at most 1.70x (LPs interleaved among the threads so that each window's work "
            "splits); replications run on 2 threads (the results are the same either way)");
}

TEST(ReplicationCodec, RoundTripsBitForBit) {
  const ResultShape shape{4, 2, 3, 2, 1};
  const border::ReplicationResult v = replication(17.0, 4, 2, 3);
  const std::vector<double> data = encode(v, shape);
  EXPECT_EQ(data.size(), shape.size());
  const border::ReplicationResult back = decode(data, shape);
  EXPECT_TRUE(same_bits(v, back, shape));
  EXPECT_EQ(back.events, v.events);
  EXPECT_TRUE(std::isnan(back.monthly[2][0]));
  EXPECT_EQ(back.crossing_seizures, v.crossing_seizures);
  EXPECT_EQ(back.crossing_seized_kg, v.crossing_seized_kg);
  EXPECT_EQ(back.crossing_seizures_monthly, v.crossing_seizures_monthly);
  EXPECT_EQ(back.crossing_seized_kg_monthly, v.crossing_seized_kg_monthly);
  EXPECT_EQ(back.by_unit, v.by_unit);
  EXPECT_EQ(back.by_organisation, v.by_organisation);
}

// A result read from a file written before the per-unit and per-organisation results encodes them as NaN.
TEST(ReplicationCodec, UnitsAndOrganisationsMissingFromAResultAreNaN) {
  const ResultShape shape{4, 2, 3, 2, 1};
  border::ReplicationResult v = replication(3.0, 4, 2, 3);
  v.by_unit.clear();
  v.by_organisation.clear();
  const border::ReplicationResult back = decode(encode(v, shape), shape);
  ASSERT_EQ(back.by_unit.size(), border::kUnitMeasureCount);
  ASSERT_EQ(back.by_organisation.size(), border::kOrganisationMeasureCount);
  for (const auto* rows : {&back.by_unit, &back.by_organisation})
    for (const auto& row : *rows) {
      EXPECT_EQ(row.size(), rows == &back.by_unit ? 2u : 1u);
      for (double x : row) EXPECT_TRUE(std::isnan(x));
    }
}

// A result read from a file written before the seizures at crossings encodes them as NaN.
TEST(ReplicationCodec, SeizuresAtCrossingsMissingFromAResultAreNaN) {
  const ResultShape shape{4, 2, 3, 2, 1};
  border::ReplicationResult v = replication(3.0, 4, 2, 3);
  v.crossing_seizures.clear();
  v.crossing_seized_kg_monthly.clear();
  const border::ReplicationResult back = decode(encode(v, shape), shape);
  ASSERT_EQ(back.crossing_seizures.size(), 3u);
  for (double x : back.crossing_seizures) EXPECT_TRUE(std::isnan(x));
  for (const auto& row : back.crossing_seized_kg_monthly)
    for (double x : row) EXPECT_TRUE(std::isnan(x));
  EXPECT_EQ(back.crossing_seized_kg, v.crossing_seized_kg);
}

TEST(ReplicationCodec, RejectsTheWrongShape) {
  const ResultShape shape{4, 2, 3, 2, 1};
  EXPECT_THROW(encode(replication(1.0, 4, 2, 2), shape), std::invalid_argument);
  EXPECT_THROW(encode(replication(1.0, 4, 2, 3, 3, 1), shape), std::invalid_argument) << "a unit too many";
  EXPECT_THROW(encode(replication(1.0, 4, 2, 3, 2, 2), shape), std::invalid_argument) << "an organisation too many";
  std::vector<double> data = encode(replication(1.0, 4, 2, 3), shape);
  data.pop_back();
  EXPECT_THROW(decode(data, shape), std::runtime_error);
}

TEST_F(Journal, KeepsWhatWasAppendedAndDropsATornRecord) {
  ExperimentResults r = experiment();
  const std::string identity = experiment_identity(r);
  const ResultShape shape = shape_of(r);
  {
    CheckpointJournal j = create_journal(path(), identity, shape);
    append(j, 0, 1, replication(1.0, 4, 2, 1));
    append(j, 1, 2, replication(2.0, 4, 2, 1));
  }
  const auto size = fs::file_size(path());
  std::ofstream(path(), std::ios::app | std::ios::binary) << "half a record";
  std::size_t loaded = 0;
  {
    CheckpointJournal j = resume_journal(path(), identity, r, loaded);
    EXPECT_EQ(loaded, 2u);
    EXPECT_EQ(fs::file_size(path()), size) << "the torn record is cut off";
    EXPECT_TRUE(same_bits(r.values[0][1], replication(1.0, 4, 2, 1), shape));
    EXPECT_TRUE(same_bits(r.values[1][2], replication(2.0, 4, 2, 1), shape));
    EXPECT_FALSE(is_done(r.values[0][0]));
    append(j, 0, 0, replication(3.0, 4, 2, 1));
  }
  ExperimentResults again = experiment();
  CheckpointJournal j = resume_journal(path(), identity, again, loaded);
  EXPECT_EQ(loaded, 3u);
  j.remove();
  EXPECT_FALSE(fs::exists(path()));
}

TEST_F(Journal, RefusesAnotherExperiment) {
  ExperimentResults r = experiment();
  { create_journal(path(), experiment_identity(r), shape_of(r)); }
  ExperimentResults other = experiment();
  other.seed = 6;
  std::size_t loaded = 0;
  const std::string message = message_of([&] { resume_journal(path(), experiment_identity(other), other, loaded); });
  EXPECT_NE(message.find("seed differs (5 vs 6)"), std::string::npos) << message;
}

// A journal whose records are of another length (written by a bstp recording other results, e.g.
// before the seizures at crossings) is refused with a message that says so.
TEST_F(Journal, RefusesRecordsOfAnotherVersion) {
  ExperimentResults r = experiment();
  {
    CheckpointJournal j = create_journal(path(), experiment_identity(r), ResultShape{3, 2, 1, 2, 1});
    append(j, 0, 1, replication(1.0, 3, 2, 1));
  }
  std::size_t loaded = 0;
  const std::string message = message_of([&] { resume_journal(path(), experiment_identity(r), r, loaded); });
  EXPECT_NE(message.find("written by another version of bstp"), std::string::npos) << message;
}

TEST_F(Journal, RefusesAFileThatIsNotAJournal) {
  std::ofstream(path()) << "hello";
  ExperimentResults r = experiment();
  std::size_t loaded = 0;
  EXPECT_THROW(resume_journal(path(), experiment_identity(r), r, loaded), std::runtime_error);
}

// A policy that adds a patrol unit: the results list every point's units, NaN where a point has
// none; organisations come in the order the scenario lists them (the model numbers them by id).
TEST(ExperimentPlan, AlignsUnitsOverPointsAndListsOrganisationsInScenarioOrder) {
  const std::string text =
      "scenario: {name: plan, horizon_days: 60, seed: 3, replications: 1}\n"
      "countries:\n"
      "  AA: {name: AA, police: {officers: 50}}\n"
      "nodes:\n"
      "  src: {kind: landing, country: AA, lat: 14, lon: -91}\n"
      "  dst: {kind: hub, country: AA, lat: 14.3, lon: -91}\n"
      "edges:\n"
      "  - {from: src, to: dst, travel_hours: {dist: fixed, mean: 1}, sector: s, exposure: 1}\n"
      "sectors:\n"
      "  s: {country: AA, units: 1, detection: {untrained: 0.5, trained: 0.5}}\n"
      "organisations:\n"
      "  zeta: {sources: [src], destinations: [dst], shipments_per_month: 30, shipment_kg: {dist: fixed, mean: 100}, "
      "value_per_kg_usd: 10000, deterrence_elasticity: 0}\n"
      "  alpha: {sources: [src], destinations: [dst], shipments_per_month: 10, shipment_kg: {dist: fixed, mean: 100}, "
      "value_per_kg_usd: 10000, deterrence_elasticity: 0}\n"
      "policies:\n"
      "  baseline: {description: one unit}\n"
      "  more: {description: two units, set: {sectors.s.units: 2}}\n";
  const border::ScenarioDocument doc = border::ScenarioDocument::from_text(text);
  const std::vector<tools::PointSpec> specs{{{"more", {}, "more"}, "more", {}}, {{"baseline", {}, "baseline"}, "baseline", {}}};
  const tools::ExperimentPlan plan = tools::make_plan(doc, specs, text, "", "test");
  EXPECT_EQ(plan.results.units, (std::vector<std::string>{"s.1", "s.2"}));
  EXPECT_EQ(plan.results.organisations, (std::vector<std::string>{"zeta", "alpha"}));
  const border::ReplicationResult more = tools::simulate(plan.points[0], 0, 1);
  const border::ReplicationResult base = tools::simulate(plan.points[1], 0, 1);
  const auto detections = static_cast<std::size_t>(border::UnitMeasure::detections);
  ASSERT_EQ(base.by_unit[detections].size(), 2u);
  EXPECT_GT(base.by_unit[detections][0], 0.0);
  EXPECT_TRUE(std::isnan(base.by_unit[detections][1])) << "the baseline has no second unit";
  EXPECT_GT(more.by_unit[detections][1], 0.0);
  // zeta sends three times alpha's shipments: it is first.
  const auto shipments = static_cast<std::size_t>(border::OrganisationMeasure::shipments);
  EXPECT_GT(base.by_organisation[shipments][0], 2.0 * base.by_organisation[shipments][1]);
  EXPECT_EQ(base.by_organisation[shipments][0] + base.by_organisation[shipments][1],
            base.totals[static_cast<std::size_t>(border::Indicator::shipments)]);
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

// A shard written before the per-unit results (no units, no organisations) merges with one written
// after: the merged results have the units, NaN for the older shard's replications.
TEST(MergeReplications, TakesUnitsAndOrganisationsFromTheFileThatHasThem) {
  ExperimentResults older = experiment(), newer = experiment();
  older.units.clear(), older.organisations.clear();
  older.values[0][0] = replication(1.0, 4, 2, 1);
  older.values[0][0].by_unit.clear(), older.values[0][0].by_organisation.clear();
  newer.values[0][0] = replication(1.0, 4, 2, 1);  // the same replication, with its units
  newer.values[1][1] = replication(2.0, 4, 2, 1);
  EXPECT_EQ(experiment_identity(older), experiment_identity(newer));
  EXPECT_EQ(merge_replications(older, newer, "newer.h5"), 1u);
  EXPECT_EQ(older.units, newer.units);
  EXPECT_EQ(older.organisations, newer.organisations);
  EXPECT_TRUE(older.values[0][0].by_unit.empty());
  const border::ReplicationResult back = decode(encode(older.values[0][0], shape_of(older)), shape_of(older));
  EXPECT_TRUE(std::isnan(back.by_unit[0][0]));
  newer.units = {"other"};
  const std::string message = message_of([&] { merge_replications(older, newer, "newer.h5"); });
  EXPECT_NE(message.find("other patrol units or organisations"), std::string::npos) << message;
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

namespace bstp::experiment {
namespace {

TEST_F(Journal, DamageBeforeTheLastRecordIsCorruptNotTorn) {
  ExperimentResults r = experiment();
  const std::string identity = experiment_identity(r);
  std::uintmax_t header = 0;
  {
    CheckpointJournal j = create_journal(path(), identity, shape_of(r));
    header = fs::file_size(path());
    append(j, 0, 1, replication(1.0, 4, 2, 1));
    append(j, 1, 2, replication(2.0, 4, 2, 1));
  }
  const auto size = fs::file_size(path());
  {
    std::fstream f(path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(header + 40));  // in the first record's values
    f.put('\x7f');
  }
  std::size_t loaded = 0;
  EXPECT_THROW(resume_journal(path(), identity, r, loaded), CorruptJournal);
  EXPECT_EQ(fs::file_size(path()), size) << "a damaged journal is left as it is";
}

TEST_F(Journal, AZeroFilledTailIsTornAndDropped) {
  ExperimentResults r = experiment();
  const std::string identity = experiment_identity(r);
  {
    CheckpointJournal j = create_journal(path(), identity, shape_of(r));
    append(j, 0, 1, replication(1.0, 4, 2, 1));
  }
  const auto size = fs::file_size(path());
  { std::ofstream(path(), std::ios::app | std::ios::binary) << std::string(3 * size, '\0'); }  // a power cut's zeros
  std::size_t loaded = 0;
  resume_journal(path(), identity, r, loaded);
  EXPECT_EQ(loaded, 1u);
  EXPECT_EQ(fs::file_size(path()), size);
}

TEST_F(Journal, RecordsOfAnotherExperimentDoNotPassForThisOnes) {
  // Same header text length and shape, another seed: the records' checksums differ.
  ExperimentResults a = experiment(), b = experiment();
  b.seed = 6;
  const std::string other = (dir_ / "other.journal").string();
  {
    CheckpointJournal ja = create_journal(path(), experiment_identity(a), shape_of(a));
    CheckpointJournal jb = create_journal(other, experiment_identity(b), shape_of(b));
    append(ja, 0, 0, replication(1.0, 4, 2, 1));
    for (int i = 0; i < 2; ++i) append(jb, 0, 1 + static_cast<std::size_t>(i), replication(2.0, 4, 2, 1));
  }
  std::ifstream in_b(other, std::ios::binary);
  const std::string bytes_b((std::istreambuf_iterator<char>(in_b)), {});
  const std::size_t header = fs::file_size(path()) - (bytes_b.size() - fs::file_size(path()));  // both headers equal length
  std::ofstream(path(), std::ios::app | std::ios::binary) << bytes_b.substr(header);
  std::size_t loaded = 0;
  EXPECT_THROW(resume_journal(path(), experiment_identity(a), a, loaded), CorruptJournal);
}

TEST_F(Journal, OneWriterAtATime) {
  const std::string out = (dir_ / "out.h5").string();
  {
    OutputLock first(out);
    EXPECT_TRUE(fs::exists(lock_path(out)));
    const std::string message = message_of([&] { OutputLock second(out); });
    EXPECT_NE(message.find("out.h5 is in use: bstp (pid " + std::to_string(::getpid())), std::string::npos) << message;
  }
  EXPECT_FALSE(fs::exists(lock_path(out))) << "the lock file goes with its holder";
  OutputLock again(out);
}

TEST_F(Journal, StaleTemporariesOfDeadWritersGo) {
  const std::string out = (dir_ / "out.h5").string();
  pid_t dead = 4000000;
  while (::kill(dead, 0) == 0 || errno != ESRCH) ++dead;
  for (const std::string& name : {"out.h5.tmp-" + std::to_string(dead), "out.h5.tmp-" + std::to_string(::getppid()),
                                 "other.h5.tmp-" + std::to_string(dead), std::string("out.h5.tmp-12ab")})
    std::ofstream(dir_ / name) << "x";
  EXPECT_EQ(remove_stale_temporaries(out), 1);
  EXPECT_FALSE(fs::exists(dir_ / ("out.h5.tmp-" + std::to_string(dead))));
  EXPECT_TRUE(fs::exists(dir_ / ("out.h5.tmp-" + std::to_string(::getppid()))));
  EXPECT_TRUE(fs::exists(dir_ / ("other.h5.tmp-" + std::to_string(dead))));
}

TEST_F(Journal, OutputPathsOtherThanRegularFilesAreRefusedEvenWithForce) {
  const fs::path fifo = dir_ / "fifo.h5", link = dir_ / "link.h5", file = dir_ / "file.h5";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::ofstream(file) << "x";
  fs::create_symlink(file, link);
  EXPECT_NE(message_of([&] { check_output_path(fifo.string(), true, ""); }).find("is a FIFO"), std::string::npos);
  EXPECT_NE(message_of([&] { check_output_path(link.string(), true, ""); }).find("is a symbolic link"), std::string::npos);
  EXPECT_NE(message_of([&] { check_output_path(dir_.string(), true, ""); }).find("is a directory"), std::string::npos);
  EXPECT_NE(message_of([&] { check_output_path("/dev/null", true, ""); }).find("is a device"), std::string::npos);
  EXPECT_NE(message_of([&] { check_output_path(file.string(), false, "pass --force"); }).find("exists; pass --force"),
            std::string::npos);
  EXPECT_NO_THROW(check_output_path(file.string(), true, ""));
  EXPECT_NE(message_of([&] { check_output_path((dir_ / "no" / "x.h5").string(), true, ""); }).find("does not exist"),
            std::string::npos);
}

}  // namespace
}  // namespace bstp::experiment

namespace bstp::tools {
namespace {

// The lines a batch log gets for `total` units done one at a time.
std::vector<std::string> progress_lines(std::size_t total) {
  std::FILE* out = std::tmpfile();
  {
    Progress progress("test", total, out, false);
    for (std::size_t i = 0; i < total; ++i) progress.advance();
  }
  std::rewind(out);
  std::vector<std::string> lines;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, out)) lines.emplace_back(buffer);
  std::fclose(out);
  return lines;
}

TEST(Progress, WritesALineEachFivePercentOutsideATerminal) {
  const std::vector<std::string> lines = progress_lines(400);
  ASSERT_EQ(lines.size(), 20u);  // 100 / Progress::kLinePercent
  EXPECT_EQ(lines.front().rfind("bstp: test: 20/400 (5%), ", 0), 0u) << lines.front();
  EXPECT_EQ(lines[9].rfind("bstp: test: 200/400 (50%), ", 0), 0u) << lines[9];
  EXPECT_EQ(lines.back().rfind("bstp: test: 400/400 (100%), ", 0), 0u) << lines.back();
  EXPECT_NE(lines.back().find("done in"), std::string::npos);
  EXPECT_EQ(progress_lines(3).size(), 3u) << "each unit is more than 5%";
  EXPECT_TRUE(progress_lines(0).empty());
}

TEST(Shard, SplitsTheTaskListNotJustReplications) {
  // 8 points x 2 replications into 5 shards: every task exactly once, 4 or 3 tasks each.
  std::vector<int> held(5, 0);
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t p = 0; p < 8; ++p)
      for (std::size_t r = 0; r < 2; ++r) held[i] += Shard{i, 5}.holds(p, r, 2);
  EXPECT_EQ(held, (std::vector<int>{4, 3, 3, 3, 3}));
}

TEST(Shard, AutoComesFromTheSlurmArray) {
  const auto with = [](const char* id, const char* min, const char* max, const char* count, const std::string& text) {
    ::setenv("SLURM_ARRAY_TASK_ID", id, 1);
    ::setenv("SLURM_ARRAY_TASK_MIN", min, 1);
    ::setenv("SLURM_ARRAY_TASK_MAX", max, 1);
    ::setenv("SLURM_ARRAY_TASK_COUNT", count, 1);
    return resolve_shard(text);
  };
  const Shard whole = with("3", "0", "15", "16", "auto");
  EXPECT_EQ(whole.index, 3u);
  EXPECT_EQ(whole.count, 16u);
  EXPECT_THROW(with("7", "3", "7", "2", "auto"), UsageError) << "--array=3,7: N unknown";
  const Shard partial = with("7", "3", "7", "2", "auto/16");
  EXPECT_EQ(partial.index, 7u);
  EXPECT_EQ(partial.count, 16u);
  EXPECT_THROW(with("16", "0", "16", "17", "auto/16"), UsageError);
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  EXPECT_THROW(resolve_shard("auto"), UsageError);
  EXPECT_EQ(resolve_shard("2/4").index, 2u);
  EXPECT_TRUE(is_shard_text("auto/3"));
  EXPECT_FALSE(is_shard_text("4/4"));
  EXPECT_FALSE(is_shard_text("auto/0"));
}

}  // namespace
}  // namespace bstp::tools
