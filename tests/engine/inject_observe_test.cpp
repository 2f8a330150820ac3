// Injection and observation: an event injected between steps is ordered exactly like the same
// event sent by the model; injecting into the past is a CausalityError; an observer sees every
// committed event once, in (time, source, sequence) order, the same on every scheduler.
#include <bstp/bstp.hpp>
#include <phold/phold.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

using bstp::Context;
using bstp::LpId;
using bstp::Time;

struct Stamp {
  std::uint32_t tag;
};
struct Kick {};

// Logs what it receives; a Stamp with an odd tag is answered by a zero-delay Stamp to itself.
class Receiver final : public bstp::LogicalProcess {
 public:
  Receiver() { on(&Receiver::got); }
  void got(const Stamp& s, Context& ctx) {
    log.emplace_back(ctx.now(), s.tag);
    if (s.tag % 2 == 1 && s.tag < 1000) ctx.schedule(0, Stamp{s.tag + 1000});
  }
  std::vector<std::tuple<Time, std::uint32_t>> log;
};

// At time 10 sends Stamps to LP 1: as itself (tags 20, 21) and as entities 4 and 9 (tags 40,
// 90, 91), all arriving at 30.
class Crowd final : public bstp::LogicalProcess {
 public:
  Crowd() { on(&Crowd::kick); }
  void start(Context& ctx) override { ctx.schedule(10, Kick{}); }
  void kick(const Kick&, Context& ctx) {
    ctx.send_from(nine_, 1, 20, Stamp{90});
    ctx.send(1, 20, Stamp{20});
    ctx.send_from(four_, 1, 20, Stamp{40});
    ctx.send_from(nine_, 1, 20, Stamp{91});
    ctx.send(1, 20, Stamp{21});
  }

 private:
  bstp::Entity four_{4}, nine_{9};
};

// With `sends`, entity 5 sends Stamps 51 and 50 to arrive at 30 and Stamp 52 at 35, at time 12.
class Commander final : public bstp::LogicalProcess {
 public:
  explicit Commander(bool sends) : sends_(sends) { on(&Commander::kick); }
  void start(Context& ctx) override {
    if (sends_) ctx.schedule(12, Kick{});
  }
  void kick(const Kick&, Context& ctx) {
    ctx.send_from(five_, 1, 18, Stamp{51});
    ctx.send_from(five_, 1, 18, Stamp{50});
    ctx.send_from(five_, 1, 23, Stamp{52});
  }

 private:
  bool sends_;
  bstp::Entity five_{5};
};

using Log = std::vector<std::tuple<Time, std::uint32_t>>;

// LP 0 Commander, LP 1 Receiver, LP 2 Crowd; lookahead 5.
struct Exercise {
  explicit Exercise(unsigned threads, bool commander_sends)
      : sim({.end_time = 100, .lookahead = 5, .threads = threads}) {
    sim.emplace<Commander>(commander_sends);
    receiver = &sim.emplace<Receiver>();
    sim.emplace<Crowd>();
  }
  bstp::Simulation sim;
  Receiver* receiver;
};

class Inject : public ::testing::TestWithParam<unsigned> {};

TEST_P(Inject, InjectedEventIsHandledLikeTheSameEventSentByTheEntity) {
  Exercise sent(GetParam(), true);
  sent.sim.run();

  Exercise injected(GetParam(), false);
  bstp::Entity five(5);  // the same entity, held outside the model
  injected.sim.run_until(12);
  injected.sim.inject_from(five, 1, 30, Stamp{51});
  injected.sim.inject_from(five, 1, 30, Stamp{50});
  injected.sim.run_until(30);  // the arrival instant itself is still open
  injected.sim.inject_from(five, 1, 35, Stamp{52});
  injected.sim.run();

  // At 30: LP 2 as itself first (source LP 2), then entities 4, 5 and 9; each source's events in
  // the order sent; the zero-delay answers to odd tags (source LP 1) come straight after.
  const Log expected = {{30, 20}, {30, 21}, {30, 1021}, {30, 40},   {30, 51}, {30, 1051},
                        {30, 50}, {30, 90}, {30, 91},   {30, 1091}, {35, 52}};
  EXPECT_EQ(sent.receiver->log, expected);
  EXPECT_EQ(injected.receiver->log, expected);
  EXPECT_EQ(five.sent(), 3u);
}

TEST_P(Inject, InjectorEventsComeAfterTheModelsAtOneTimeInTheOrderInjected) {
  Exercise e(GetParam(), false);
  e.sim.inject(1, 30, Stamp{7});  // before the first step: the LPs start first
  e.sim.inject(1, 30, Stamp{6});
  e.sim.run_until(20);
  e.sim.inject(1, 20, Stamp{8});
  e.sim.run();
  const Log expected = {{20, 8},  {30, 20},   {30, 21}, {30, 1021}, {30, 40}, {30, 90},
                        {30, 91}, {30, 1091}, {30, 7},  {30, 1007}, {30, 6}};
  EXPECT_EQ(e.receiver->log, expected);
}

TEST_P(Inject, InjectingIntoThePastIsACausalityError) {
  Exercise e(GetParam(), false);
  e.sim.run_until(31);
  EXPECT_THROW(e.sim.inject(1, 30, Stamp{2}), bstp::CausalityError);
  EXPECT_THROW(e.sim.inject(1, 0, Stamp{2}), bstp::CausalityError);
  EXPECT_THROW(e.sim.inject(3, 40, Stamp{2}), std::invalid_argument);  // no LP 3
  e.sim.inject(1, 31, Stamp{2});                                       // now() itself is open
  e.sim.inject(1, 100, Stamp{4});                                      // at the end time: dropped, like a sent event
  const bstp::RunStats stats = e.sim.run();
  EXPECT_EQ(std::get<1>(e.receiver->log.back()), 2u);
  EXPECT_EQ(std::get<0>(e.receiver->log.back()), 31);
  EXPECT_EQ(stats.committed_events, 1u /*Crowd's kick*/ + 7u /*at 30*/ + 1u);
}

INSTANTIATE_TEST_SUITE_P(Schedulers, Inject, ::testing::Values(1u, 2u, 3u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

TEST(Inject, EntityIdsAreBounded) {
  EXPECT_NO_THROW(bstp::Entity(bstp::kMaxEntities - 1));
  EXPECT_THROW(bstp::Entity(bstp::kMaxEntities), std::out_of_range);
}

// ---------------------------------------------------------------------------------------------
// Observers.

struct Seen {
  Time time;
  LpId lp;
  std::uint64_t order;
  std::uint32_t tag;  // the Stamp's tag, or ~0 for other types
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> observe(bstp::Simulation& sim) {
  std::vector<Seen> seen;
  sim.set_observer([&seen](const bstp::CommittedEvent& e) {
    const Stamp* s = e.as<Stamp>();
    seen.push_back({e.time, e.lp, e.order, s ? s->tag : ~0u});
  });
  sim.run();
  return seen;
}

TEST(Observer, SeesEveryEventWithItsPayloadInTotalOrderOnEveryScheduler) {
  std::vector<Seen> first;
  for (unsigned threads : {1u, 2u, 3u}) {
    Exercise e(threads, true);
    const std::vector<Seen> seen = observe(e.sim);
    ASSERT_EQ(seen.size(), 2u /*kicks*/ + 11u) << threads << " threads";
    for (std::size_t i = 1; i < seen.size(); ++i)
      EXPECT_TRUE(seen[i - 1].time < seen[i].time ||
                  (seen[i - 1].time == seen[i].time && seen[i - 1].order < seen[i].order))
          << "position " << i << " on " << threads << " threads";
    std::vector<std::tuple<Time, std::uint32_t>> stamps;
    for (const Seen& s : seen)
      if (s.tag != ~0u) {
        EXPECT_EQ(s.lp, 1u);
        stamps.emplace_back(s.time, s.tag);
      }
    // The handling order and the observed order agree except for the zero-delay answers, which
    // are handled straight after their cause but ordered by their own source (LP 1: first).
    std::vector<std::tuple<Time, std::uint32_t>> expected = {{30, 1021}, {30, 1051}, {30, 1091}, {30, 20},
                                                             {30, 21},   {30, 40},   {30, 51},   {30, 50},
                                                             {30, 90},   {30, 91},   {35, 52}};
    EXPECT_EQ(stamps, expected) << threads << " threads";
    if (threads == 1)
      first = seen;
    else
      EXPECT_EQ(seen, first) << threads << " threads";
  }
}

TEST(Observer, TypeNamesAndPayloadViews) {
  Exercise e(1, true);
  std::vector<std::string> names;
  std::size_t stamp_bytes = 0, kick_bytes = ~std::size_t{0};
  e.sim.set_observer([&](const bstp::CommittedEvent& ev) {
    names.emplace_back(ev.type_name());
    if (ev.as<Stamp>()) stamp_bytes = ev.payload.size();
    if (ev.as<Kick>()) kick_bytes = ev.payload.size();
    EXPECT_EQ(ev.as<Stamp>() == nullptr, ev.as<Kick>() != nullptr);
  });
  e.sim.run();
  ASSERT_FALSE(names.empty());
  EXPECT_NE(names.front().find("Kick"), std::string::npos) << names.front();
  EXPECT_NE(names.back().find("Stamp"), std::string::npos) << names.back();
  EXPECT_EQ(stamp_bytes, sizeof(Stamp));
  EXPECT_EQ(kick_bytes, 0u);
}

bstp::phold::Config phold_config(unsigned threads) {
  return {.lps = 96,
          .population = 3,
          .remote = 0.4,
          .lookahead = 0.2,
          .mean = 0.8,
          .end = 20.0,
          .seed = 5,
          .threads = threads};
}

TEST(Observer, PholdSequenceIsTheSameOnEverySchedulerAndInSteps) {
  const bstp::phold::Result unobserved = bstp::phold::run(phold_config(1));
  std::vector<Seen> reference;
  {
    bstp::phold::Model model(phold_config(1));
    reference = observe(model.simulation());
    EXPECT_EQ(model.checksum(), unobserved.checksum) << "observing changed the run";
  }
  ASSERT_EQ(reference.size(), unobserved.stats.committed_events);
  for (unsigned threads : {2u, 4u}) {
    bstp::phold::Model model(phold_config(threads));
    EXPECT_EQ(observe(model.simulation()), reference) << threads << " threads";
    EXPECT_EQ(model.checksum(), unobserved.checksum);
  }
  for (unsigned threads : {1u, 3u}) {  // in steps, with the observer on for some of them only
    bstp::phold::Model model(phold_config(threads));
    bstp::Simulation& sim = model.simulation();
    std::vector<Seen> seen;
    sim.set_observer([&seen](const bstp::CommittedEvent& e) { seen.push_back({e.time, e.lp, e.order, ~0u}); });
    sim.run_until(3'000'000);
    sim.set_observer({});
    sim.run_until(7'000'000);
    const std::size_t unseen = static_cast<std::size_t>(
        std::find_if(reference.begin(), reference.end(), [](const Seen& s) { return s.time >= 7'000'000; }) -
        std::find_if(reference.begin(), reference.end(), [](const Seen& s) { return s.time >= 3'000'000; }));
    sim.set_observer([&seen](const bstp::CommittedEvent& e) { seen.push_back({e.time, e.lp, e.order, ~0u}); });
    sim.run();
    ASSERT_EQ(seen.size() + unseen, reference.size()) << threads << " threads";
    std::vector<Seen> expected;
    for (const Seen& s : reference)
      if (s.time < 3'000'000 || s.time >= 7'000'000) expected.push_back(s);
    EXPECT_EQ(seen, expected) << threads << " threads";
    EXPECT_EQ(model.checksum(), unobserved.checksum);
  }
}

TEST(Observer, ExceptionFromTheObserverReachesTheCaller) {
  for (unsigned threads : {1u, 2u}) {
    bstp::phold::Model model(phold_config(threads));
    model.simulation().set_observer([](const bstp::CommittedEvent& e) {
      if (e.time > 5'000'000) throw std::runtime_error("observer gave up");
    });
    EXPECT_THROW(model.simulation().run(), std::runtime_error) << threads << " threads";
  }
}

}  // namespace
