#include "phold.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace bstp::phold {
namespace {

struct Ping {};

Time to_ticks(double units) { return static_cast<Time>(std::llround(units * kTicksPerUnit)); }

class PholdLp final : public LogicalProcess {
 public:
  PholdLp(const Config& config, std::uint32_t index)
      : stream_(StreamId{config.seed, 0, index, 0}),
        lps_(config.lps),
        population_(config.population),
        remote_(config.remote),
        lookahead_(to_ticks(config.lookahead)),
        exp_mean_ticks_((config.mean - config.lookahead) * kTicksPerUnit) {
    on(&PholdLp::handle);
  }

  void start(Context& ctx) override {
    for (std::uint32_t m = 0; m < population_; ++m) ctx.schedule(delay(), Ping{});
  }

  void handle(const Ping&, Context& ctx) {
    ++processed_;
    digest_ = hash_combine(digest_, static_cast<std::uint64_t>(ctx.now()));
    const LpId destination = stream_.uniform() <= remote_ ? static_cast<LpId>(stream_.below(lps_)) : ctx.self();
    ctx.send(destination, delay(), Ping{});
  }

  std::uint64_t state_digest() const { return hash_combine(digest_, processed_); }

 private:
  Time delay() { return lookahead_ + static_cast<Time>(stream_.exponential(exp_mean_ticks_)); }

  RandomStream stream_;
  std::uint32_t lps_, population_;
  double remote_;
  Time lookahead_;
  double exp_mean_ticks_;
  std::uint64_t processed_ = 0;
  std::uint64_t digest_ = 0;
};

}  // namespace

std::string check(const Config& c) {
  if (c.lps == 0) return "--lps must be at least 1";
  if (c.population == 0) return "--population must be at least 1";
  if (!(c.remote >= 0.0 && c.remote <= 1.0)) return fmt::format("--remote must be a probability in [0, 1], got {}", c.remote);
  if (!(c.lookahead >= 0.0)) return fmt::format("--lookahead must not be negative, got {}", c.lookahead);
  if (c.threads == 0) return "--threads must be at least 1";
  if (c.threads > 1 && !(c.lookahead > 0.0))
    return fmt::format("--lookahead must be positive to run on {} threads (got {}); use --threads 1", c.threads, c.lookahead);
  if (!(c.mean > c.lookahead)) return fmt::format("--mean ({}) must exceed --lookahead ({})", c.mean, c.lookahead);
  if (!(c.end > 0.0) || !std::isfinite(c.end)) return fmt::format("--end must be a positive time, got {}", c.end);
  if (c.end * kTicksPerUnit > 9e18) return "--end is too large";
  if (c.lookahead > 0.0 && to_ticks(c.lookahead) == 0) return "--lookahead is below the time resolution (1e-6)";
  return {};
}

Model::Model(const Config& config) {
  if (const std::string problem = check(config); !problem.empty()) throw std::invalid_argument(problem);
  simulation_ = std::make_unique<Simulation>(SimulationOptions{to_ticks(config.end), to_ticks(config.lookahead), config.threads});
  lps_.reserve(config.lps);
  for (std::uint32_t i = 0; i < config.lps; ++i) lps_.push_back(&simulation_->emplace<PholdLp>(config, i));
}

Model::~Model() = default;

std::uint64_t Model::checksum() const {
  std::uint64_t checksum = 0;
  for (const LogicalProcess* lp : lps_) checksum = hash_combine(checksum, static_cast<const PholdLp*>(lp)->state_digest());
  return checksum;
}

Result run(const Config& config) {
  Model model(config);
  Result result;
  result.stats = model.simulation().run();
  result.checksum = model.checksum();
  return result;
}

}  // namespace bstp::phold
