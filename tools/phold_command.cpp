// `bstp phold`: the standard PDES benchmark on the kernel.
#include "command.hpp"
#include "option_checks.hpp"
#include "version.hpp"

#include <phold/phold.hpp>

#include <cstdint>
#include <iostream>
#include <limits>
#include <string>

#include <fmt/format.h>

namespace bstp::tools {

// Every LP and every pending event is held in memory.
constexpr std::uint32_t kMaxPholdLps = 1'000'000;
constexpr double kMaxPholdEvents = 10'000'000;

void add_phold_command(Program& program) {
  struct Options {
    phold::Config config{.lps = 1024, .population = 1, .remote = 0.25, .lookahead = 0.1, .mean = 1.0,
                         .end = 2000.0, .seed = 42, .threads = 1};
    Format format = Format::text;
    std::string balance = "measured";
  };
  auto options = std::make_shared<Options>();
  phold::Config& c = options->config;
  CLI::App* cmd = program.app.add_subcommand(
      "phold",
      "Run PHOLD, the standard parallel discrete-event benchmark, on the kernel.\n"
      "N LPs each start with M events at L + Exp(X - L). Each event at LP i goes to a uniformly\n"
      "random LP with probability P (else stays at i) and schedules one event at t + L + Exp(X - L),\n"
      "so X is the mean delay and the population stays constant. Prints committed events, rate,\n"
      "peak memory and a checksum of the final state that is the same for every thread count.\n\n"
      "Workload W1 (sequential):  bstp phold --lps 1024 --lookahead 0.1 --mean 1 --end 12000\n"
      "Workload W2 (2 threads):   bstp phold --lps 16384 --lookahead 1 --mean 2 --end 400 --lp-threads 2");
  cmd->add_option("--lps", c.lps, "Number of logical processes (N), at most 1000000")->capture_default_str();
  cmd->add_option("--population", c.population, "Initial events per LP (M); N x M at most 10000000")
      ->capture_default_str();
  cmd->add_option("--remote", c.remote, "Probability that an event goes to a random LP (P)")->capture_default_str();
  cmd->add_option("--lookahead", c.lookahead, "Minimum delay of every event (L); must be > 0 with --lp-threads > 1")
      ->capture_default_str();
  cmd->add_option("--mean", c.mean, "Mean total delay of an event (X > L)")->capture_default_str();
  cmd->add_option("--end", c.end, "Simulated end time (T); events at or past it are never created")->capture_default_str();
  cmd->add_option("--lp-threads,--threads", c.threads,
                  "Kernel threads: 1 runs the sequential scheduler, more the parallel one (--threads is the old name)")
      ->capture_default_str();
  cmd->add_option("--seed", c.seed, "Master seed of the random streams, 0 to 2^64 - 1")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))
      ->capture_default_str();
  cmd->add_option("--kernel-lps", c.kernel_lps,
                  "Group the N PHOLD LPs into this many kernel LPs (contiguous blocks), each PHOLD LP sending as\n"
                  "an entity: same events and checksum for every grouping; 0 = one kernel LP per PHOLD LP")
      ->capture_default_str();
  cmd->add_option("--balance", options->balance,
                  "How the parallel scheduler shares LPs among threads: measured (time the first windows, then cut\n"
                  "the LP ids into blocks of equal measured time, or interleave them when that splits each window's\n"
                  "work clearly better; docs/kernel.md) or blocks (equally many LPs); same results")
      ->check(CLI::IsMember({"measured", "blocks"}))
      ->type_name("measured|blocks")
      ->capture_default_str();
  add_format_option(*cmd, options->format);

  program.actions[cmd] = [options] {
    phold::Config& config = options->config;
    config.balance = options->balance == "blocks" ? Balance::blocks : Balance::measured;
    if (config.lps > kMaxPholdLps)
      throw UsageError(fmt::format("--lps must be at most {}, got {}", kMaxPholdLps, config.lps));
    if (static_cast<double>(config.lps) * static_cast<double>(config.population) > kMaxPholdEvents)
      throw UsageError(fmt::format("--lps {} x --population {} events; at most {} events are held at once", config.lps,
                                   config.population, kMaxPholdEvents));
    if (const std::string problem = phold::check(config); !problem.empty()) throw UsageError(problem);
    const phold::Result r = phold::run(config);
    const double rate = r.stats.wall_seconds > 0 ? static_cast<double>(r.stats.committed_events) / r.stats.wall_seconds : 0.0;
    Table table;
    table.title = "PHOLD";
    table.columns = {"lps", "population", "remote", "lookahead", "mean", "end", "threads", "seed",
                     "committed_events", "simulated_end_time", "wall_seconds", "events_per_second",
                     "windows", "peak_memory_mib", "checksum"};
    table.rows.push_back({std::int64_t{config.lps}, std::int64_t{config.population}, config.remote, config.lookahead,
                          config.mean, config.end, std::int64_t{config.threads}, static_cast<std::int64_t>(config.seed),
                          static_cast<std::int64_t>(r.stats.committed_events),
                          static_cast<double>(r.stats.last_event_time) / phold::kTicksPerUnit, r.stats.wall_seconds, rate,
                          static_cast<std::int64_t>(r.stats.windows),
                          static_cast<double>(peak_memory_bytes()) / (1024.0 * 1024.0),
                          fmt::format("{:016x}", r.checksum)});
    print(std::cout, table, options->format);
    return kExitOk;
  };
}

}  // namespace bstp::tools
