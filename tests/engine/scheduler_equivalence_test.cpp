// Scheduler equivalence: the parallel conservative scheduler commits exactly the same events,
// and leaves every LP in exactly the same state, as the sequential one, for any thread count.
#include <bstp/bstp.hpp>
#include <phold/phold.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using bstp::Context;
using bstp::LpId;
using bstp::Time;

// ---------------------------------------------------------------------------------------------
// PHOLD.

struct PholdCase {
  const char* name;
  bstp::phold::Config config;
};

class PholdEquivalence : public ::testing::TestWithParam<PholdCase> {};

TEST_P(PholdEquivalence, ParallelMatchesSequentialCountAndChecksum) {
  bstp::phold::Config config = GetParam().config;
  config.threads = 1;
  const bstp::phold::Result sequential = bstp::phold::run(config);
  ASSERT_GT(sequential.stats.committed_events, 1000u);
  for (unsigned threads : {1u, 2u, 4u}) {
    config.threads = threads;
    const bstp::phold::Result r = bstp::phold::run(config);
    EXPECT_EQ(r.stats.committed_events, sequential.stats.committed_events) << threads << " threads";
    EXPECT_EQ(r.checksum, sequential.checksum) << threads << " threads";
    EXPECT_EQ(r.stats.last_event_time, sequential.stats.last_event_time) << threads << " threads";
  }
}

bstp::phold::Config small(std::uint32_t lps, std::uint32_t population, double remote, double lookahead, double mean,
                          double end) {
  return {.lps = lps, .population = population, .remote = remote, .lookahead = lookahead, .mean = mean,
          .end = end, .seed = 7, .threads = 1};
}

INSTANTIATE_TEST_SUITE_P(
    SmallConfigs, PholdEquivalence,
    ::testing::Values(PholdCase{"W1Shape", small(256, 1, 0.25, 0.1, 1.0, 60)},
                      PholdCase{"W2Shape", small(512, 1, 0.25, 1.0, 2.0, 40)},
                      PholdCase{"AllRemoteDense", small(64, 8, 1.0, 0.5, 1.0, 30)},
                      PholdCase{"AllLocal", small(100, 2, 0.0, 0.2, 0.7, 60)},
                      PholdCase{"FewerLpsThanThreads", small(3, 4, 0.5, 0.1, 0.4, 100)}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Phold, ChecksumOfAFixedConfigurationIsPinned) {
  // The event order and the random streams together determine this value; any change to either
  // (a different tie-break, seeding or distribution) shows up here and must be explained.
  const bstp::phold::Result r = bstp::phold::run({.lps = 1024, .population = 1, .remote = 0.25, .lookahead = 0.1,
                                                  .mean = 1.0, .end = 50.0, .seed = 42, .threads = 1});
  EXPECT_EQ(r.stats.committed_events, 51045u);
  EXPECT_EQ(r.checksum, 0x8b1d6925942133b3ULL);
}

// Entity-keyed order: the PHOLD LPs as entities, grouped into any number of kernel LPs, give the
// events and checksum of one kernel LP per PHOLD LP, on any number of threads, and every PHOLD LP
// handles its simultaneous events in the same order (the order digest). Ties are frequent here
// (delays are a few whole ticks and the population is dense), so a tie-break by kernel LP shows.
TEST(Phold, GroupingPholdLpsIntoKernelLpsChangesNothing) {
  bstp::phold::Config config = small(60, 6, 0.5, 0.000002, 0.000010, 0.002);
  const bstp::phold::Result classic = bstp::phold::run(config);
  ASSERT_GT(classic.stats.committed_events, 5000u);
  config.kernel_lps = 60;
  bstp::phold::Model reference(config);
  reference.simulation().run();
  ASSERT_NE(reference.order_digest(), 0u);
  for (std::uint32_t groups : {60u, 1u, 2u, 7u, 16u, 59u}) {
    for (unsigned threads : {1u, 2u, 3u}) {
      if (groups == 1 && threads > 1) continue;
      config.kernel_lps = groups;
      config.threads = threads;
      bstp::phold::Model model(config);
      const bstp::RunStats stats = model.simulation().run();
      const std::string what = std::to_string(groups) + " groups, " + std::to_string(threads) + " threads";
      EXPECT_EQ(stats.committed_events, classic.stats.committed_events) << what;
      EXPECT_EQ(model.checksum(), classic.checksum) << what;
      EXPECT_EQ(stats.last_event_time, classic.stats.last_event_time) << what;
      EXPECT_EQ(model.order_digest(), reference.order_digest()) << what;
    }
  }
}

TEST(Phold, DifferentSeedsGiveDifferentChecksums) {
  bstp::phold::Config c = small(128, 1, 0.25, 0.1, 1.0, 20);
  const auto a = bstp::phold::run(c);
  c.seed = 8;
  const auto b = bstp::phold::run(c);
  EXPECT_NE(a.checksum, b.checksum);
}

TEST(Phold, RejectsUnusableConfigurations) {
  EXPECT_THROW(bstp::phold::run(small(0, 1, 0.25, 0.1, 1.0, 10)), std::invalid_argument);
  EXPECT_THROW(bstp::phold::run(small(8, 1, 1.5, 0.1, 1.0, 10)), std::invalid_argument);
  EXPECT_THROW(bstp::phold::run(small(8, 1, 0.25, 0.1, 0.05, 10)), std::invalid_argument);
  bstp::phold::Config c = small(8, 1, 0.25, 0.0, 1.0, 10);
  c.threads = 2;
  EXPECT_THROW(bstp::phold::run(c), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// A token ring with payloads: tokens carry counters and a running digest; each LP folds every
// token it sees into its own digest, forwards it (mostly to its neighbour, sometimes to a random
// LP, sometimes back to itself with zero delay) and now and then spawns a short-lived Probe.

struct Token {
  std::uint64_t id;
  std::uint64_t digest;  // folded over the LPs and times the token visited
  std::uint32_t hops;
  std::uint32_t origin;
  double weight;
  std::uint16_t trail[8];  // last LPs visited
};

struct Probe {
  std::uint32_t from;
  std::uint32_t ttl;
};

struct RingConfig {
  std::uint32_t lps;
  std::uint32_t tokens_per_lp;
  Time lookahead;
  Time end;
};

class RingLp final : public bstp::LogicalProcess {
 public:
  RingLp(const RingConfig& config, std::uint32_t index)
      : config_(config), stream_(bstp::StreamId{99, 0, index, 0}) {
    on(&RingLp::token);
    on(&RingLp::probe);
  }

  void start(Context& ctx) override {
    for (std::uint32_t k = 0; k < config_.tokens_per_lp; ++k) {
      Token t{};
      t.id = std::uint64_t{ctx.self()} * 1000 + k;
      t.origin = ctx.self();
      t.weight = 1.0 + k;
      ctx.schedule(static_cast<Time>(stream_.below(static_cast<std::uint64_t>(config_.lookahead) * 3)), t);
    }
  }

  void token(const Token& in, Context& ctx) {
    ++tokens_seen_;
    Token t = in;
    t.hops += 1;
    t.digest = bstp::hash_combine(t.digest, bstp::hash_combine(ctx.self(), static_cast<std::uint64_t>(ctx.now())));
    t.weight = t.weight * 0.999 + 0.001 * static_cast<double>(ctx.self());
    for (int i = 7; i > 0; --i) t.trail[i] = t.trail[i - 1];
    t.trail[0] = static_cast<std::uint16_t>(ctx.self());
    state_ = bstp::hash_combine(state_, t.digest ^ t.id);
    state_ = bstp::hash_combine(state_, static_cast<std::uint64_t>(t.weight * 1e6));
    const std::uint64_t roll = stream_.below(100);
    const Time jitter = static_cast<Time>(stream_.below(static_cast<std::uint64_t>(config_.lookahead)));
    if (roll < 10) {
      ctx.schedule(0, t);  // zero-delay self-event
    } else if (roll < 30) {
      ctx.send(static_cast<LpId>(stream_.below(config_.lps)), config_.lookahead + jitter, t);
    } else {
      ctx.send((ctx.self() + 1) % config_.lps, config_.lookahead + jitter, t);
    }
    if (roll % 17 == 0) ctx.send(static_cast<LpId>(stream_.below(config_.lps)), config_.lookahead, Probe{ctx.self(), 3});
  }

  void probe(const Probe& p, Context& ctx) {
    ++probes_seen_;
    state_ = bstp::hash_combine(state_, (std::uint64_t{p.from} << 32) ^ p.ttl ^ static_cast<std::uint64_t>(ctx.now()));
    if (p.ttl > 0) ctx.send((ctx.self() + 7) % config_.lps, config_.lookahead * 2, Probe{ctx.self(), p.ttl - 1});
  }

  std::uint64_t digest() const { return bstp::hash_combine(bstp::hash_combine(state_, tokens_seen_), probes_seen_); }

 private:
  RingConfig config_;
  bstp::RandomStream stream_;
  std::uint64_t state_ = 0, tokens_seen_ = 0, probes_seen_ = 0;
};

struct RingOutcome {
  std::uint64_t committed;
  Time last;
  std::vector<std::uint64_t> digests;
};

// `options` beyond the ring's horizon, lookahead and threads: how LPs are shared among threads.
// With `step` > 0 the run goes in run_until steps of that length.
RingOutcome run_ring(const RingConfig& config, unsigned threads, bstp::SimulationOptions options = {}, Time step = 0) {
  options.end_time = config.end;
  options.lookahead = config.lookahead;
  options.threads = threads;
  bstp::Simulation sim(options);
  std::vector<const RingLp*> lps;
  for (std::uint32_t i = 0; i < config.lps; ++i) lps.push_back(&sim.emplace<RingLp>(config, i));
  if (step > 0)
    for (Time t = step; t < config.end; t += step) sim.run_until(t);
  const bstp::RunStats stats = sim.run();
  RingOutcome out{stats.committed_events, stats.last_event_time, {}};
  for (const RingLp* lp : lps) out.digests.push_back(lp->digest());
  return out;
}

void expect_same(const RingOutcome& a, const RingOutcome& b, const std::string& what) {
  EXPECT_EQ(a.committed, b.committed) << what;
  EXPECT_EQ(a.last, b.last) << what;
  ASSERT_EQ(a.digests.size(), b.digests.size()) << what;
  for (std::size_t i = 0; i < a.digests.size(); ++i) ASSERT_EQ(a.digests[i], b.digests[i]) << "LP " << i << ", " << what;
}

class RingEquivalence : public ::testing::TestWithParam<RingConfig> {};

TEST_P(RingEquivalence, EveryLpEndsInTheSameStateWithAnyThreadCount) {
  const RingConfig config = GetParam();
  const RingOutcome sequential = run_ring(config, 1);
  ASSERT_GT(sequential.committed, 1000u);
  for (unsigned threads : {2u, 4u, 8u}) {
    const RingOutcome parallel = run_ring(config, threads);
    EXPECT_EQ(parallel.committed, sequential.committed) << threads << " threads";
    EXPECT_EQ(parallel.last, sequential.last) << threads << " threads";
    ASSERT_EQ(parallel.digests.size(), sequential.digests.size());
    for (std::size_t i = 0; i < parallel.digests.size(); ++i)
      ASSERT_EQ(parallel.digests[i], sequential.digests[i]) << "LP " << i << " with " << threads << " threads";
  }
}

// Every way of sharing the LPs among threads gives the sequential states: contiguous blocks,
// declared weights that interleave the LPs, and measured time, where the LPs move to other
// threads after the first 25 windows (800 / 32), with their pending events (payloads included) and send
// counters; also when the move falls inside a run of short steps.
TEST(Balance, EveryWayOfSharingLpsGivesTheSequentialStates) {
  const RingConfig config{24, 3, 2, 1600};  // 800 windows
  const RingOutcome sequential = run_ring(config, 1);
  ASSERT_GT(sequential.committed, 5000u);
  std::vector<double> interleaved;
  for (std::uint32_t i = 0; i < config.lps; ++i) interleaved.push_back(static_cast<double>((i * 7) % 5));
  for (unsigned threads : {2u, 3u}) {
    const std::string on = " on " + std::to_string(threads) + " threads";
    expect_same(run_ring(config, threads, {.balance = bstp::Balance::blocks}), sequential, "blocks" + on);
    expect_same(run_ring(config, threads, {.balance = bstp::Balance::weights, .lp_weights = interleaved}), sequential,
                "weights" + on);
    expect_same(run_ring(config, threads, {.balance = bstp::Balance::measured}), sequential, "measured" + on);
    expect_same(run_ring(config, threads, {.balance = bstp::Balance::measured}, 37), sequential, "measured in steps" + on);
  }
}

TEST(Balance, MeasuredBalanceReportsTheBusiestThreadsShare) {
  const RingConfig config{24, 3, 2, 1600};
  bstp::Simulation sim({.end_time = config.end, .lookahead = config.lookahead, .threads = 2});
  for (std::uint32_t i = 0; i < config.lps; ++i) sim.emplace<RingLp>(config, i);
  EXPECT_EQ(sim.run_until(20).busiest_thread_share, 0.0);  // 10 of the 25 windows measured (800 / 32)
  const double share = sim.run().busiest_thread_share;
  EXPECT_GE(share, 0.5);  // 2 threads: the busier carries at least half
  EXPECT_LE(share, 1.0);
}

// An LP whose every event takes a few microseconds of handler time and schedules the next one
// `period` ticks later, starting at `first`.
class SpinningLp final : public bstp::LogicalProcess {
 public:
  struct Tick {};
  SpinningLp(Time first, Time period) : first_(first), period_(period) { on(&SpinningLp::tick); }
  void start(Context& ctx) override { ctx.schedule(first_, Tick{}); }
  void tick(const Tick&, Context& ctx) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(5);
    while (std::chrono::steady_clock::now() < until) {
    }
    ctx.schedule(period_, Tick{});
  }

 private:
  Time first_, period_;
};

double window_bound(Time first_of_second, Time period) {
  bstp::Simulation sim({.end_time = 4000, .lookahead = 10, .threads = 2});
  sim.emplace<SpinningLp>(0, period);
  sim.emplace<SpinningLp>(first_of_second, period);
  return sim.run().window_speedup_bound;
}

// Worked by hand: two LPs, one per thread, each with an event every 20 ticks; windows are 10
// ticks long (the lookahead) and start at the earliest event. Side by side (both at 0, 20, ...):
// both threads work in every window, so the bound is above 1 (2 if the handlers took equal time).
// In turn (0, 20, ... and 10, 30, ...): every window holds one LP's event, so one thread works
// and the other waits, and the bound is exactly 1, whatever the handlers' times.
TEST(Balance, WindowBoundSeesWhetherThreadsWorkInTheSameWindows) {
  EXPECT_GT(window_bound(0, 20), 1.2);
  EXPECT_EQ(window_bound(10, 20), 1.0);
}

// An LP that works (spins a few microseconds) every `period` ticks from `first` on, and each time
// tells the next LP, which folds what it hears into its state.
class PhasedLp final : public bstp::LogicalProcess {
 public:
  struct Work {};
  struct Heard {
    std::uint32_t from;
  };
  PhasedLp(std::uint32_t lps, Time first, Time period) : lps_(lps), first_(first), period_(period) {
    on(&PhasedLp::work);
    on(&PhasedLp::heard);
  }
  void start(Context& ctx) override { ctx.schedule(first_, Work{}); }
  void work(const Work&, Context& ctx) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(5);
    while (std::chrono::steady_clock::now() < until) {
    }
    ctx.send((ctx.self() + 1) % lps_, ctx.lookahead(), Heard{ctx.self()});
    ctx.schedule(period_, Work{});
  }
  void heard(const Heard& h, Context& ctx) {
    state_ = bstp::hash_combine(state_, (std::uint64_t{h.from} << 32) ^ static_cast<std::uint64_t>(ctx.now()));
  }
  std::uint64_t state() const { return state_; }

 private:
  std::uint32_t lps_;
  Time first_, period_;
  std::uint64_t state_ = 0;
};

// Eight LPs in two phases: LPs 0-3 work at 0, 20, 40, ..., LPs 4-7 at 10, 30, 50, ... Windows
// are 10 ticks long, so each holds one phase. Contiguous blocks, however cut, leave one thread
// alone in each window; interleaving puts 2 of each phase's 4 LPs on each thread. The measured
// balance must find that, and the LPs must end in their sequential states. The balance decides on
// handler times read off the clock, which a busy machine (other tests, sanitizers) distorts when
// it preempts a handler; so one of three runs must interleave, and every run must give the
// sequential states.
TEST(Balance, MeasuredBalanceInterleavesLpsThatWorkInTurn) {
  // With `step` > 0 the run goes in run_until steps of that length (the LPs move between steps).
  const auto run = [](unsigned threads, bstp::RunStats& stats, Time step = 0) {
    bstp::Simulation sim({.end_time = 20000, .lookahead = 10, .threads = threads});
    std::vector<const PhasedLp*> lps;
    for (std::uint32_t i = 0; i < 8; ++i) lps.push_back(&sim.emplace<PhasedLp>(8, i < 4 ? 0 : 10, 20));
    if (step > 0)
      for (Time t = step; t < 20000; t += step) sim.run_until(t);
    stats = sim.run();
    std::vector<std::uint64_t> states;
    for (const PhasedLp* lp : lps) states.push_back(lp->state());
    return states;
  };
  bstp::RunStats sequential_stats, parallel_stats;
  const std::vector<std::uint64_t> sequential = run(1, sequential_stats);
  EXPECT_FALSE(sequential_stats.interleaved_lps);
  bool interleaved = false;
  for (int attempt = 0; attempt < 3 && !interleaved; ++attempt) {
    ASSERT_EQ(run(2, parallel_stats), sequential) << "attempt " << attempt;
    interleaved = parallel_stats.interleaved_lps;
  }
  EXPECT_TRUE(interleaved);
  bstp::RunStats other_stats;
  EXPECT_EQ(run(3, other_stats), sequential) << "3 threads";
  EXPECT_EQ(run(2, other_stats, 370), sequential) << "2 threads in steps of 370 ticks";
}

TEST(Balance, WeightsMustNameEveryLp) {
  bstp::Simulation sim({.end_time = 100, .lookahead = 2, .threads = 2, .balance = bstp::Balance::weights, .lp_weights = {1.0}});
  const RingConfig config{3, 1, 2, 100};
  for (std::uint32_t i = 0; i < config.lps; ++i) sim.emplace<RingLp>(config, i);
  EXPECT_THROW(sim.run(), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Rings, RingEquivalence,
                         ::testing::Values(RingConfig{48, 3, 10, 2000}, RingConfig{9, 5, 1, 800},
                                           RingConfig{200, 1, 25, 3000}),
                         [](const auto& info) {
                           return "lps" + std::to_string(info.param.lps) + "_lookahead" +
                                  std::to_string(info.param.lookahead);
                         });

}  // namespace
