#include "phold_experiment.hpp"

#include "experiment/experiment_files.hpp"
#include "experiment/results_file.hpp"
#include "report_format.hpp"
#include "summary_statistics.hpp"
#include "version.hpp"

#include <border/scenario_loader.hpp>
#include <config/scalars.hpp>
#include <config/structure.hpp>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

// Record layout: the arrays of the schema below, one number each.
enum Field : std::size_t { kCommitted, kChecksumHigh, kChecksumLow, kEndTime, kWindows, kWall, kRate, kFieldCount };

experiment::ResultSchema phold_schema() {
  experiment::ResultSchema s;
  s.arrays = {
      {"committed_events", {}, "count", "events the kernel committed"},
      {"checksum_high", {}, "1", "high 32 bits of the checksum of every LP's final state"},
      {"checksum_low", {}, "1", "low 32 bits of the checksum of every LP's final state"},
      {"simulated_end_time", {}, "1", "time of the last event, in PHOLD time units"},
      {"windows", {}, "count", "lookahead windows of the parallel scheduler (0 on one thread)"},
      {"run/wall_seconds", {}, "seconds", "wall-clock time of the replication in seconds"},
      {"run/events_per_second", {}, "1", "committed events per wall-clock second"},
  };
  return s;
}

const std::vector<std::string> kKeys = {"model", "lps", "population", "remote", "lookahead",
                                        "mean",  "end", "kernel_lps", "seed",   "replications"};

std::string read_text(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw border::ScenarioError({{path, 0, 0, "", "no such file"}});
  std::ifstream in(path);
  if (std::filesystem::is_directory(path, ec) || !in) throw border::ScenarioError({{path, 0, 0, "", "cannot be read"}});
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

YAML::Node load(const std::string& path, const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw border::ScenarioError({{path, e.mark.line + 1, e.mark.column + 1, "", "not valid YAML: " + e.msg}});
  }
}

// The parameters of `root` with `overrides` (key, YAML text) set over them; problems (those of an
// override carry its index) go to the returned list.
std::vector<config::Diagnostic> read_config(const std::string& file, YAML::Node root,
                                            const std::vector<border::Override>& overrides, phold::Config& c,
                                            int& replications) {
  std::vector<config::OverriddenPath> overridden;
  for (std::size_t i = 0; i < overrides.size(); ++i) overridden.push_back({overrides[i].first, i});
  config::Reader r(file, overridden);
  if (!config::expect_mapping(r, root, "")) return r.take_diagnostics();
  if (!overrides.empty()) root = YAML::Clone(root);
  for (const auto& [key, text] : overrides) root[key] = YAML::Load(text);
  config::check_duplicates(r, root, "");
  config::check_keys(r, root, "", kKeys);
  c = phold::Config{};
  c.threads = 1;
  double lps = c.lps, population = c.population, kernel_lps = c.kernel_lps;
  // The keys without a default: a missing one is reported where the file's mapping starts.
  for (const char* key : {"lps", "lookahead", "mean", "end"})
    if (!config::given(root[key])) r.error(root, key, "required key is missing");
  if (config::given(root["lps"]))
    config::read_value(r, root["lps"], "lps", lps,
                       config::required(config::bounded(1, 1'000'000, "a whole number in [1, 1000000]")));
  if (config::given(root["population"]))
    config::read_value(r, root["population"], "population", population,
                       config::bounded(1, 10'000'000, "a whole number in [1, 10000000]"));
  if (config::given(root["remote"]))
    config::read_value(r, root["remote"], "remote", c.remote, config::bounded(0, 1, "a probability in [0, 1]"));
  if (config::given(root["lookahead"]))
    config::read_value(r, root["lookahead"], "lookahead", c.lookahead,
                       config::required(config::bounded(0, 1e12, "a time > 0", /*lo_open=*/true)));
  if (config::given(root["mean"]))
    config::read_value(r, root["mean"], "mean", c.mean, config::required(config::bounded(0, 1e12, "a time > 0", true)));
  if (config::given(root["end"]))
    config::read_value(r, root["end"], "end", c.end, config::required(config::bounded(0, 1e12, "a time > 0", true)));
  if (config::given(root["kernel_lps"]))
    config::read_value(r, root["kernel_lps"], "kernel_lps", kernel_lps,
                       config::bounded(0, 1'000'000, "a whole number in [0, 1000000]"));
  if (config::given(root["seed"])) config::read_value(r, root["seed"], "seed", c.seed, {});
  if (config::given(root["replications"]))
    config::read_value(r, root["replications"], "replications", replications,
                       config::bounded(1, 1'000'000, "a whole number in [1, 1000000]"));
  for (const auto& [key, value] :
       {std::pair{"lps", lps}, std::pair{"population", population}, std::pair{"kernel_lps", kernel_lps}})
    if (value != static_cast<double>(static_cast<std::uint32_t>(value)) && !r.reported(key))
      r.error(root[key], key, "expected a whole number, got " + config::describe(root[key]));
  c.lps = static_cast<std::uint32_t>(lps);
  c.population = static_cast<std::uint32_t>(population);
  c.kernel_lps = static_cast<std::uint32_t>(kernel_lps);
  if (r.error_count() == 0 && static_cast<double>(c.lps) * c.population > 10'000'000)
    r.error(root["population"], "population", "expected lps x population at most 10000000 events held at once");
  if (r.error_count() == 0)
    if (const std::string problem = phold::check(c); !problem.empty()) r.error(root["mean"], "mean", problem);
  return r.take_diagnostics();
}

std::string description(const std::string& file, const phold::Config& c, int replications) {
  return fmt::format(
      "# {}\nmodel: phold\nlps: {}\npopulation: {}\nremote: {}\nlookahead: {}\nmean: {}\nend: {}\nkernel_lps: {}\n"
      "seed: {}\nreplications: {}\n",
      file, c.lps, c.population, c.remote, c.lookahead, c.mean, c.end, c.kernel_lps, c.seed, replications);
}

}  // namespace

bool is_phold_file(const std::string& path) {
  try {
    const YAML::Node root = YAML::LoadFile(path);
    return root.IsMap() && root["model"] && root["model"].IsScalar() && root["model"].as<std::string>() == kPholdModel;
  } catch (const std::exception&) { return false; }
}

PholdPlan plan_phold_run(const std::string& path, std::optional<std::uint64_t> seed, std::optional<int> replications) {
  PholdPlan plan;
  plan.file = path;
  PholdPoint point{experiment::DesignPoint{"phold", {}, ""}, {}};
  std::vector<config::Diagnostic> problems =
      read_config(path, load(path, read_text(path)), {}, point.config, plan.replications);
  if (!problems.empty()) throw border::ScenarioError(std::move(problems));
  if (seed) point.config.seed = *seed;
  if (replications) plan.replications = *replications;
  plan.description = description(path, point.config, plan.replications);
  plan.points.push_back(std::move(point));
  return plan;
}

PholdPlan plan_phold_sweep(const SweepFile& s) {
  std::vector<config::Diagnostic> problems = s.problems;
  if (!s.policies.empty())
    problems.push_back({s.file, s.policy_at.front().line, s.policy_at.front().column, "policies",
                        fmt::format("{} is a PHOLD file, which has no policies", s.scenario)});
  PholdPlan plan;
  plan.file = s.scenario;
  plan.sweep_text = s.text;
  const YAML::Node root = load(s.scenario, read_text(s.scenario));
  // What every point shares, and where the sweep file says it.
  std::vector<border::Override> base;
  std::vector<Location> base_at;
  if (s.replications > 0)
    base.emplace_back("replications", std::to_string(s.replications)), base_at.push_back(s.replications_at);
  if (s.seed) base.emplace_back("seed", std::to_string(*s.seed)), base_at.push_back(s.seed_at);
  for (std::size_t i = 0; i < s.set.size(); ++i) base.push_back(s.set[i]), base_at.push_back(s.set_at[i]);
  std::set<std::string> said;  // a problem several points share is said once
  auto add = [&](const config::Diagnostic& d, const std::vector<Location>& at) {
    config::Diagnostic located = d;
    if (d.override_index && *d.override_index < at.size())
      located = {s.file, at[*d.override_index].line, at[*d.override_index].column, d.path, d.message};
    if (said.insert(located.str()).second) problems.push_back(std::move(located));
  };
  {
    PholdPoint point;
    for (const config::Diagnostic& d : read_config(s.scenario, root, base, point.config, plan.replications))
      add(d, base_at);
    plan.description = description(s.scenario, point.config, plan.replications);
  }
  for (const SweepPoint& sp : s.points) {
    std::vector<border::Override> overrides = base;
    std::vector<Location> at = base_at;
    PholdPoint point{experiment::DesignPoint{sp.label.empty() ? "phold" : sp.label, {}, ""}, {}};
    for (const Assignment& a : sp.assignments) {
      overrides.emplace_back(a.path, a.text);
      at.push_back(a.parameter >= 0 ? a.at : a.key);
      point.point.parameters.emplace_back(a.path, a.value);
    }
    int replications = 1;
    for (const config::Diagnostic& d : read_config(s.scenario, root, overrides, point.config, replications)) add(d, at);
    plan.points.push_back(std::move(point));
  }
  if (!problems.empty()) throw border::ScenarioError(std::move(problems));
  return plan;
}

PholdExperiment::PholdExperiment(PholdPlan plan, const std::string& command_line) : plan_(std::move(plan)) {
  experiment::ExperimentRecords& x = skeleton_;
  x.model = kPholdModel;
  x.schema = phold_schema();
  for (const PholdPoint& p : plan_.points) x.points.push_back(p.point);
  x.replications = plan_.replications;
  x.values.assign(x.points.size(),
                  std::vector<experiment::ReplicationRecord>(static_cast<std::size_t>(plan_.replications)));
  x.scenario_text = plan_.description;
  x.sweep_text = plan_.sweep_text;
  x.scenario_file = plan_.file;
  x.bstp_version = kVersion;
  x.git_revision = kGitRevision;
  x.command_line = command_line;
  x.created_utc = experiment::utc_timestamp_now();
  x.seed = plan_.points.empty() ? 0 : plan_.points.front().config.seed;
}

std::string PholdExperiment::identity() const { return experiment::experiment_identity(skeleton_); }

experiment::ReplicationRecord PholdExperiment::run(std::size_t point, std::size_t replication,
                                                   unsigned lp_threads) const {
  phold::Config c = plan_.points[point].config;
  c.seed = phold_replication_seed(c.seed, replication);
  c.threads = lp_threads;
  const phold::Result r = phold::run(c);
  experiment::ReplicationRecord v(kFieldCount);
  v[kCommitted] = static_cast<double>(r.stats.committed_events);
  v[kChecksumHigh] = static_cast<double>(r.checksum >> 32);
  v[kChecksumLow] = static_cast<double>(r.checksum & 0xffffffffu);
  v[kEndTime] = static_cast<double>(r.stats.last_event_time) / phold::kTicksPerUnit;
  v[kWindows] = static_cast<double>(r.stats.windows);
  v[kWall] = r.stats.wall_seconds;
  v[kRate] = r.stats.wall_seconds > 0 ? static_cast<double>(r.stats.committed_events) / r.stats.wall_seconds : 0.0;
  return v;
}

Table phold_table(const experiment::ExperimentRecords& results, const PholdPlan& plan) {
  Table t;
  t.title = fmt::format("PHOLD {}: {} design point{} x {} replications; replication r runs with the point's seed + r",
                        plan.file, results.points.size(), results.points.size() == 1 ? "" : "s", results.replications);
  t.columns = {"design point", "replication",       "seed",    "committed_events", "simulated_end_time", "windows",
               "wall_seconds", "events_per_second", "checksum"};
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (std::size_t r = 0; r < results.values[p].size(); ++r) {
      const experiment::ReplicationRecord& v = results.values[p][r];
      if (!experiment::is_done(v)) continue;
      const std::uint64_t checksum =
          (static_cast<std::uint64_t>(v[kChecksumHigh]) << 32) | static_cast<std::uint64_t>(v[kChecksumLow]);
      t.rows.push_back({results.points[p].name, static_cast<std::int64_t>(r),
                        fmt::format("{}", phold_replication_seed(plan.points[p].config.seed, r)),
                        static_cast<std::int64_t>(v[kCommitted]), v[kEndTime], static_cast<std::int64_t>(v[kWindows]),
                        v[kWall], v[kRate], fmt::format("{:016x}", checksum)});
    }
  return t;
}

Table phold_summary_table(const experiment::ExperimentRecords& results) {
  Table t;
  t.title = "Mean and 95% interval (Student t) over the replications of each design point";
  t.columns = {"design point", "measure", "mean", "± 95%", "replications"};
  t.key_columns = 2;
  const std::pair<Field, const char*> measures[] = {{kCommitted, "committed_events"},
                                                    {kEndTime, "simulated_end_time"},
                                                    {kWindows, "windows"},
                                                    {kWall, "wall_seconds"},
                                                    {kRate, "events_per_second"}};
  for (std::size_t p = 0; p < results.values.size(); ++p)
    for (const auto& [field, name] : measures) {
      std::vector<double> values;
      for (const experiment::ReplicationRecord& v : results.values[p])
        if (experiment::is_done(v)) values.push_back(v[field]);
      const Interval i = mean_interval(values);
      t.rows.push_back({results.points[p].name, std::string(name), i.mean, i.half_width, static_cast<std::int64_t>(i.n)});
    }
  return t;
}

void print_phold_results(std::ostream& out, const experiment::ExperimentRecords& results, const PholdPlan& plan,
                         Format format) {
  print(out, phold_table(results, plan), format);
  if (format != Format::text) return;
  const bool replicated = std::any_of(results.values.begin(), results.values.end(), [](const auto& point) {
    return std::count_if(point.begin(), point.end(), [](const auto& v) { return experiment::is_done(v); }) >= 2;
  });
  if (!replicated) return;
  out << "\n";
  print(out, phold_summary_table(results), format);
}

}  // namespace bstp::tools
