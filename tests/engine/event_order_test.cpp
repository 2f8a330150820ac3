// Event order: events are delivered in (time, source LP, source sequence) order, whatever the
// order in which they were created and whatever the scheduler; self-events may have zero delay;
// events at or past the end time are never delivered.
#include <bstp/bstp.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace {

using bstp::Context;
using bstp::LpId;
using bstp::Time;

// ---------------------------------------------------------------------------------------------
// Many senders, one receiver, one arrival time.

struct Stamp {
  std::uint32_t source;
  std::uint32_t index;  // order in which the source sent it
};

struct Kick {};

// LP 0 receives; LPs 1..n send `per_sender` events each, all arriving at `arrival`. LP j sends
// at time 10 - j, so higher LPs send first: creation order is the reverse of delivery order.
class Receiver final : public bstp::LogicalProcess {
 public:
  Receiver() { on(&Receiver::got); }
  void got(const Stamp& s, Context& ctx) { log.push_back({ctx.now(), s.source, s.index}); }
  std::vector<std::tuple<Time, std::uint32_t, std::uint32_t>> log;
};

class Sender final : public bstp::LogicalProcess {
 public:
  Sender(std::uint32_t index, std::uint32_t per_sender, Time arrival)
      : index_(index), per_sender_(per_sender), arrival_(arrival) {
    on(&Sender::kick);
  }
  void start(Context& ctx) override { ctx.schedule(Time{10} - index_, Kick{}); }
  void kick(const Kick&, Context& ctx) {
    for (std::uint32_t k = 0; k < per_sender_; ++k) ctx.send(0, arrival_ - ctx.now(), Stamp{index_, k});
  }

 private:
  std::uint32_t index_, per_sender_;
  Time arrival_;
};

class EqualTimeOrder : public ::testing::TestWithParam<unsigned> {};

TEST_P(EqualTimeOrder, DeliversBySourceThenSequenceNotByCreationOrder) {
  constexpr std::uint32_t kSenders = 6, kPerSender = 5;
  constexpr Time kArrival = 100;
  bstp::Simulation sim({.end_time = 1000, .lookahead = 20, .threads = GetParam()});
  auto& receiver = sim.emplace<Receiver>();
  for (std::uint32_t j = 1; j <= kSenders; ++j) sim.emplace<Sender>(j, kPerSender, kArrival);
  const bstp::RunStats stats = sim.run();

  ASSERT_EQ(receiver.log.size(), kSenders * kPerSender);
  std::size_t i = 0;
  for (std::uint32_t j = 1; j <= kSenders; ++j)
    for (std::uint32_t k = 0; k < kPerSender; ++k, ++i) {
      EXPECT_EQ(std::get<0>(receiver.log[i]), kArrival);
      EXPECT_EQ(std::get<1>(receiver.log[i]), j) << "at position " << i;
      EXPECT_EQ(std::get<2>(receiver.log[i]), k) << "at position " << i;
    }
  EXPECT_EQ(stats.committed_events, kSenders + kSenders * kPerSender);
  EXPECT_EQ(stats.last_event_time, kArrival);
}

INSTANTIATE_TEST_SUITE_P(Schedulers, EqualTimeOrder, ::testing::Values(1u, 2u, 4u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

// ---------------------------------------------------------------------------------------------
// Zero-delay self-events and the end time.

struct Step {
  std::uint32_t remaining;
};

class SelfLoop final : public bstp::LogicalProcess {
 public:
  explicit SelfLoop(Time first) : first_(first) { on(&SelfLoop::step); }
  void start(Context& ctx) override { ctx.schedule(first_, Step{3}); }
  void step(const Step& s, Context& ctx) {
    times.push_back(ctx.now());
    if (s.remaining > 0) ctx.schedule(0, Step{s.remaining - 1});
  }
  std::vector<Time> times;

 private:
  Time first_;
};

TEST(EventOrder, SelfEventWithZeroDelayIsDeliveredAtTheSameTime) {
  for (unsigned threads : {1u, 2u}) {
    bstp::Simulation sim({.end_time = 100, .lookahead = 1, .threads = threads});
    auto& a = sim.emplace<SelfLoop>(7);
    auto& b = sim.emplace<SelfLoop>(0);
    const auto stats = sim.run();
    EXPECT_EQ(a.times, (std::vector<Time>{7, 7, 7, 7})) << threads << " threads";
    EXPECT_EQ(b.times, (std::vector<Time>{0, 0, 0, 0})) << threads << " threads";
    EXPECT_EQ(stats.committed_events, 8u);
  }
}

struct Tick {};

class Clock final : public bstp::LogicalProcess {
 public:
  explicit Clock(Time period) : period_(period) { on(&Clock::tick); }
  void start(Context& ctx) override { ctx.schedule(0, Tick{}); }
  void tick(const Tick&, Context& ctx) {
    times.push_back(ctx.now());
    ctx.schedule(period_, Tick{});
  }
  std::vector<Time> times;

 private:
  Time period_;
};

TEST(EventOrder, EventsAtOrPastTheEndTimeAreNeverDelivered) {
  for (unsigned threads : {1u, 2u}) {
    bstp::Simulation sim({.end_time = 30, .lookahead = 5, .threads = threads});
    auto& exact = sim.emplace<Clock>(10);  // would land exactly on the end time
    auto& past = sim.emplace<Clock>(7);    // would jump past it
    const auto stats = sim.run();
    EXPECT_EQ(exact.times, (std::vector<Time>{0, 10, 20})) << threads << " threads";
    EXPECT_EQ(past.times, (std::vector<Time>{0, 7, 14, 21, 28})) << threads << " threads";
    EXPECT_EQ(stats.committed_events, 8u);
    EXPECT_EQ(stats.last_event_time, 28);
  }
}

TEST(EventOrder, ModelWithoutEventsCommitsNothing) {
  struct Idle final : bstp::LogicalProcess {};
  for (unsigned threads : {1u, 3u}) {
    bstp::Simulation sim({.end_time = 10, .lookahead = 1, .threads = threads});
    sim.emplace<Idle>();
    sim.emplace<Idle>();
    const auto stats = sim.run();
    EXPECT_EQ(stats.committed_events, 0u);
    EXPECT_EQ(stats.last_event_time, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Golden trace of a tiny deterministic model.
//
// Three LPs, lookahead 2, end time 8. LP i starts with Ping{0} to itself at time i. A Ping with
// hop h < 3 at LP i sends Ping{h+1} to LP (i+1) % 3 two ticks later; LP 0's hop-0 Ping also sends
// Ping{10} to LP 2 four ticks later. A Ping with hop 3 schedules Ping{100} to itself with zero
// delay; hops 10 and 100 do nothing. Worked by hand:
//   t=2: LP 1 gets hop 1 from LP 0 and LP 2 gets hop 0 from itself: source 0 before source 2.
//   t=4: LP 2 gets hop 10 (from LP 0) and hop 2 (from LP 1), LP 0 gets hop 1 (from LP 2).
//   t=6: LP 1 gets hop 2 (from LP 0) before LP 0 gets hop 3 (from LP 2), then LP 0's zero-delay
//        Ping{100}; LP 1's hop-2 Ping would send hop 3 to LP 2 at t=8 = end: never delivered.

struct Ping {
  std::uint32_t hop;
};

struct TraceEntry {
  Time time;
  LpId lp;
  std::uint32_t hop;
  bool operator==(const TraceEntry&) const = default;
};

std::ostream& operator<<(std::ostream& os, const TraceEntry& e) {
  return os << "(t=" << e.time << ", lp=" << e.lp << ", hop=" << e.hop << ")";
}

class GoldenLp final : public bstp::LogicalProcess {
 public:
  explicit GoldenLp(std::vector<TraceEntry>* trace) : trace_(trace) { on(&GoldenLp::ping); }
  void start(Context& ctx) override { ctx.schedule(ctx.self(), Ping{0}); }
  void ping(const Ping& p, Context& ctx) {
    trace_->push_back({ctx.now(), ctx.self(), p.hop});
    mine.push_back({ctx.now(), ctx.self(), p.hop});
    if (p.hop < 3) ctx.send((ctx.self() + 1) % 3, 2, Ping{p.hop + 1});
    if (p.hop == 0 && ctx.self() == 0) ctx.send(2, 4, Ping{10});
    if (p.hop == 3) ctx.schedule(0, Ping{100});
  }
  std::vector<TraceEntry> mine;

 private:
  std::vector<TraceEntry>* trace_;
};

const std::vector<TraceEntry> kGoldenTrace = {
    {0, 0, 0}, {1, 1, 0}, {2, 1, 1},  {2, 2, 0}, {3, 2, 1}, {4, 2, 10}, {4, 2, 2},
    {4, 0, 1}, {5, 0, 2}, {6, 1, 2},  {6, 0, 3}, {6, 0, 100}, {7, 1, 3}, {7, 1, 100},
};

TEST(GoldenTrace, SequentialSchedulerMatchesHandWorkedTrace) {
  std::vector<TraceEntry> trace;
  bstp::Simulation sim({.end_time = 8, .lookahead = 2, .threads = 1});
  for (int i = 0; i < 3; ++i) sim.emplace<GoldenLp>(&trace);
  const auto stats = sim.run();
  EXPECT_EQ(trace, kGoldenTrace);
  EXPECT_EQ(stats.committed_events, kGoldenTrace.size());
  EXPECT_EQ(stats.last_event_time, 7);
}

TEST(GoldenTrace, ParallelSchedulerGivesEachLpTheSameSubsequence) {
  for (unsigned threads : {2u, 3u}) {
    bstp::Simulation sim({.end_time = 8, .lookahead = 2, .threads = threads});
    std::vector<GoldenLp*> lps;
    std::vector<std::vector<TraceEntry>> traces(3);
    for (int i = 0; i < 3; ++i) lps.push_back(&sim.emplace<GoldenLp>(&traces[static_cast<std::size_t>(i)]));
    const auto stats = sim.run();
    EXPECT_EQ(stats.committed_events, kGoldenTrace.size());
    for (LpId lp = 0; lp < 3; ++lp) {
      std::vector<TraceEntry> expected;
      for (const TraceEntry& e : kGoldenTrace)
        if (e.lp == lp) expected.push_back(e);
      EXPECT_EQ(lps[lp]->mine, expected) << "LP " << lp << " with " << threads << " threads";
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Payloads of different sizes and several event types on one LP arrive intact.

struct Tiny {
  std::uint8_t value;
};
struct Full {
  std::uint64_t words[bstp::kMaxPayloadBytes / sizeof(std::uint64_t)];
};
static_assert(sizeof(Full) == bstp::kMaxPayloadBytes);

class Mixed final : public bstp::LogicalProcess {
 public:
  Mixed() {
    on(&Mixed::tiny);
    on(&Mixed::full);
  }
  void start(Context& ctx) override {
    if (ctx.self() != 0) return;
    for (std::uint8_t v = 0; v < 20; ++v) {
      Full f{};
      for (std::size_t w = 0; w < std::size(f.words); ++w) f.words[w] = v * 1000u + w;
      ctx.send(1, 3 + v, f);
      ctx.send(1, 3 + v, Tiny{v});
    }
  }
  void tiny(const Tiny& t, Context& ctx) { log.push_back({ctx.now(), 't', t.value}); }
  void full(const Full& f, Context& ctx) {
    for (std::size_t w = 0; w < std::size(f.words); ++w)
      if (f.words[w] != (f.words[0] / 1000u) * 1000u + w) corrupted = true;
    log.push_back({ctx.now(), 'f', f.words[0] / 1000u});
  }
  std::vector<std::tuple<Time, char, std::uint64_t>> log;
  bool corrupted = false;
};

TEST(EventOrder, PayloadsOfEveryTypeAndSizeArriveIntactAndInSendOrder) {
  for (unsigned threads : {1u, 2u}) {
    bstp::Simulation sim({.end_time = 1000, .lookahead = 3, .threads = threads});
    sim.emplace<Mixed>();
    auto& receiver = sim.emplace<Mixed>();
    sim.run();
    ASSERT_EQ(receiver.log.size(), 40u);
    EXPECT_FALSE(receiver.corrupted);
    for (std::uint64_t v = 0; v < 20; ++v) {
      EXPECT_EQ(receiver.log[2 * v], std::make_tuple(Time(3 + v), 'f', v));
      EXPECT_EQ(receiver.log[2 * v + 1], std::make_tuple(Time(3 + v), 't', v));
    }
  }
}

}  // namespace
