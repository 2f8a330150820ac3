// Lookahead and causality: a cross-LP event sooner than the lookahead, or any event into the
// past, is an error (CausalityError) under every scheduler, never a silently wrong answer.
#include <bstp/bstp.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using bstp::Context;
using bstp::LpId;
using bstp::Time;
using ::testing::HasSubstr;

struct Go {};
struct Hit {};

// At time `when`, LP `from` sends one event to `to` with `delay`.
class Offender final : public bstp::LogicalProcess {
 public:
  Offender(LpId from, LpId to, Time when, Time delay) : from_(from), to_(to), when_(when), delay_(delay) {
    on(&Offender::go);
    on(&Offender::hit);
  }
  void start(Context& ctx) override {
    if (ctx.self() == from_) ctx.schedule(when_, Go{});
  }
  void go(const Go&, Context& ctx) { ctx.send(to_, delay_, Hit{}); }
  void hit(const Hit&, Context&) {}

 private:
  LpId from_, to_;
  Time when_, delay_;
};

std::string run_and_capture(unsigned threads, LpId from, LpId to, Time delay, Time lookahead) {
  bstp::Simulation sim({.end_time = 1000, .lookahead = lookahead, .threads = threads});
  for (int i = 0; i < 4; ++i) sim.emplace<Offender>(from, to, 50, delay);
  try {
    sim.run();
  } catch (const bstp::CausalityError& e) {
    return e.what();
  }
  return "<no error>";
}

class Lookahead : public ::testing::TestWithParam<unsigned> {};

TEST_P(Lookahead, CrossLpSendBelowLookaheadThrowsNamingTheLpsAndTheLookahead) {
  const std::string message = run_and_capture(GetParam(), 1, 3, 4, 5);
  EXPECT_THAT(message, HasSubstr("LP 1 "));
  EXPECT_THAT(message, HasSubstr("to LP 3"));
  EXPECT_THAT(message, HasSubstr("delay 4"));
  EXPECT_THAT(message, HasSubstr("lookahead of 5"));
}

TEST_P(Lookahead, CrossLpSendExactlyAtLookaheadIsAllowed) {
  EXPECT_EQ(run_and_capture(GetParam(), 2, 0, 5, 5), "<no error>");
}

TEST_P(Lookahead, SelfSendBelowLookaheadIsAllowed) {
  EXPECT_EQ(run_and_capture(GetParam(), 2, 2, 1, 5), "<no error>");
}

TEST_P(Lookahead, NegativeDelayThrowsEvenToSelf) {
  const std::string to_self = run_and_capture(GetParam(), 0, 0, -1, 5);
  EXPECT_THAT(to_self, HasSubstr("LP 0"));
  EXPECT_THAT(to_self, HasSubstr("past"));
  const std::string to_other = run_and_capture(GetParam(), 3, 1, -7, 5);
  EXPECT_THAT(to_other, HasSubstr("LP 3"));
  EXPECT_THAT(to_other, HasSubstr("past"));
}

TEST_P(Lookahead, ViolationDuringStartThrows) {
  struct EagerStarter final : bstp::LogicalProcess {
    EagerStarter() { on(&EagerStarter::hit); }
    void start(Context& ctx) override {
      if (ctx.self() == 0) ctx.send(1, 2, Hit{});
    }
    void hit(const Hit&, Context&) {}
  };
  bstp::Simulation sim({.end_time = 100, .lookahead = 3, .threads = GetParam()});
  sim.emplace<EagerStarter>();
  sim.emplace<EagerStarter>();
  EXPECT_THROW(sim.run(), bstp::CausalityError);
}

INSTANTIATE_TEST_SUITE_P(Schedulers, Lookahead, ::testing::Values(1u, 2u, 4u),
                         [](const auto& info) { return "threads" + std::to_string(info.param); });

TEST(Options, MoreThanOneThreadWithZeroLookaheadIsRejected) {
  EXPECT_THROW(bstp::Simulation({.end_time = 100, .lookahead = 0, .threads = 2}), std::invalid_argument);
  EXPECT_NO_THROW(bstp::Simulation({.end_time = 100, .lookahead = 0, .threads = 1}));
}

TEST(Options, ZeroThreadsNegativeLookaheadAndNonPositiveEndAreRejected) {
  EXPECT_THROW(bstp::Simulation({.end_time = 100, .lookahead = 1, .threads = 0}), std::invalid_argument);
  EXPECT_THROW(bstp::Simulation({.end_time = 100, .lookahead = -1, .threads = 1}), std::invalid_argument);
  EXPECT_THROW(bstp::Simulation({.end_time = 0, .lookahead = 1, .threads = 1}), std::invalid_argument);
}

TEST(Options, SendingToAnLpThatDoesNotExistThrows) {
  for (unsigned threads : {1u, 2u}) {
    bstp::Simulation sim({.end_time = 1000, .lookahead = 5, .threads = threads});
    for (int i = 0; i < 2; ++i) sim.emplace<Offender>(0, 9, 10, 5);
    EXPECT_THROW(sim.run(), bstp::CausalityError) << threads << " threads";
  }
}

TEST(Options, EventTypeWithoutHandlerThrowsLogicError) {
  struct Deaf final : bstp::LogicalProcess {
    void start(Context& ctx) override { ctx.schedule(1, Hit{}); }
  };
  for (unsigned threads : {1u, 2u}) {
    bstp::Simulation sim({.end_time = 10, .lookahead = 1, .threads = threads});
    sim.emplace<Deaf>();
    sim.emplace<Deaf>();
    EXPECT_THROW(sim.run(), std::logic_error) << threads << " threads";
  }
}

}  // namespace
