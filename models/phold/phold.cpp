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

// Entity mode: the PHOLD LPs `first` .. `first + count - 1`, as entities of one kernel LP. Each
// draws from the same stream, in the same way, as the PHOLD LP it stands for.
struct Hop {
  std::uint32_t entity;  // the PHOLD LP it is for
  std::uint32_t from;    // the PHOLD LP that sent it
};

class PholdGroupLp final : public LogicalProcess {
 public:
  PholdGroupLp(const Config& config, std::uint32_t first, std::uint32_t count)
      : first_(first),
        per_group_(config.lps / config.kernel_lps),
        extra_(config.lps % config.kernel_lps),
        lps_(config.lps),
        population_(config.population),
        remote_(config.remote),
        lookahead_(to_ticks(config.lookahead)),
        exp_mean_ticks_((config.mean - config.lookahead) * kTicksPerUnit) {
    entities_.reserve(count);
    for (std::uint32_t i = first; i < first + count; ++i)
      entities_.push_back(Member{Entity(i), RandomStream(StreamId{config.seed, 0, i, 0})});
    on(&PholdGroupLp::handle);
  }

  void start(Context& ctx) override {
    for (Member& m : entities_)
      for (std::uint32_t k = 0; k < population_; ++k)
        ctx.send_from(m.entity, ctx.self(), delay(m.stream), Hop{m.entity.id(), m.entity.id()});
  }

  void handle(const Hop& hop, Context& ctx) {
    Member& m = entities_[hop.entity - first_];
    ++m.processed;
    m.digest = hash_combine(m.digest, static_cast<std::uint64_t>(ctx.now()));
    m.senders = hash_combine(m.senders, hop.from);
    const std::uint32_t destination =
        m.stream.uniform() <= remote_ ? static_cast<std::uint32_t>(m.stream.below(lps_)) : hop.entity;
    ctx.send_from(m.entity, group_of(destination), delay(m.stream), Hop{destination, hop.entity});
  }

  // The digests of this group's PHOLD LPs, folded in order into `checksum`.
  std::uint64_t fold(std::uint64_t checksum) const {
    for (const Member& m : entities_) checksum = hash_combine(checksum, hash_combine(m.digest, m.processed));
    return checksum;
  }
  // The senders of the events each PHOLD LP handled, in the order handled (folded like fold()).
  std::uint64_t fold_senders(std::uint64_t digest) const {
    for (const Member& m : entities_) digest = hash_combine(digest, m.senders);
    return digest;
  }

 private:
  struct Member {
    Entity entity;
    RandomStream stream;
    std::uint64_t processed = 0;
    std::uint64_t digest = 0;
    std::uint64_t senders = 0;
  };
  Time delay(RandomStream& stream) const { return lookahead_ + static_cast<Time>(stream.exponential(exp_mean_ticks_)); }
  // Groups 0 .. extra-1 hold per_group + 1 entities, the rest per_group.
  LpId group_of(std::uint32_t entity) const {
    const std::uint32_t big = extra_ * (per_group_ + 1);
    return entity < big ? entity / (per_group_ + 1) : extra_ + (entity - big) / per_group_;
  }

  std::uint32_t first_, per_group_, extra_, lps_, population_;
  double remote_;
  Time lookahead_;
  double exp_mean_ticks_;
  std::vector<Member> entities_;
};

}  // namespace

std::string check(const Config& c) {
  if (c.lps == 0) return "--lps must be at least 1";
  if (c.lps >= kMaxEntities) return fmt::format("--lps must be below {}", kMaxEntities);
  if (c.kernel_lps > c.lps) return fmt::format("--kernel-lps ({}) must not exceed --lps ({})", c.kernel_lps, c.lps);
  if (c.population == 0) return "--population must be at least 1";
  if (!(c.remote >= 0.0 && c.remote <= 1.0)) return fmt::format("--remote must be a probability in [0, 1], got {}", c.remote);
  if (!(c.lookahead >= 0.0)) return fmt::format("--lookahead must not be negative, got {}", c.lookahead);
  if (c.threads == 0) return "--lp-threads must be at least 1";
  if (c.threads > 1 && !(c.lookahead > 0.0))
    return fmt::format("--lookahead must be positive to run on {} threads (got {}); use --lp-threads 1", c.threads, c.lookahead);
  if (!(c.mean > c.lookahead)) return fmt::format("--mean ({}) must exceed --lookahead ({})", c.mean, c.lookahead);
  if (!(c.end > 0.0) || !std::isfinite(c.end)) return fmt::format("--end must be a positive time, got {}", c.end);
  if (c.end * kTicksPerUnit > 9e18) return "--end is too large";
  if (c.lookahead > 0.0 && to_ticks(c.lookahead) == 0) return "--lookahead is below the time resolution (1e-6)";
  return {};
}

Model::Model(const Config& config) {
  if (const std::string problem = check(config); !problem.empty()) throw std::invalid_argument(problem);
  simulation_ = std::make_unique<Simulation>(
      SimulationOptions{.end_time = to_ticks(config.end), .lookahead = to_ticks(config.lookahead), .threads = config.threads,
                        .balance = config.balance});
  grouped_ = config.kernel_lps != 0;
  if (grouped_) {
    const std::uint32_t per_group = config.lps / config.kernel_lps, extra = config.lps % config.kernel_lps;
    std::uint32_t first = 0;
    for (std::uint32_t g = 0; g < config.kernel_lps; ++g) {
      const std::uint32_t count = per_group + (g < extra ? 1 : 0);
      lps_.push_back(&simulation_->emplace<PholdGroupLp>(config, first, count));
      first += count;
    }
    return;
  }
  lps_.reserve(config.lps);
  for (std::uint32_t i = 0; i < config.lps; ++i) lps_.push_back(&simulation_->emplace<PholdLp>(config, i));
}

Model::~Model() = default;

std::uint64_t Model::checksum() const {
  std::uint64_t checksum = 0;
  for (const LogicalProcess* lp : lps_)
    checksum = grouped_ ? static_cast<const PholdGroupLp*>(lp)->fold(checksum)
                        : hash_combine(checksum, static_cast<const PholdLp*>(lp)->state_digest());
  return checksum;
}

std::uint64_t Model::order_digest() const {
  std::uint64_t digest = 0;
  if (grouped_)
    for (const LogicalProcess* lp : lps_) digest = static_cast<const PholdGroupLp*>(lp)->fold_senders(digest);
  return digest;
}

Result run(const Config& config) {
  Model model(config);
  Result result;
  result.stats = model.simulation().run();
  result.checksum = model.checksum();
  return result;
}

}  // namespace bstp::phold
