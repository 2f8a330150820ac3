// PHOLD, the standard PDES benchmark, with the semantics of ROSS's PHOLD: N LPs each start with
// M events at lookahead + Exp(mean - lookahead); each event handled at LP i draws from i's own
// stream whether it goes remote (probability `remote`, destination uniform over all LPs, i
// included) or stays, and schedules one event there at now + lookahead + Exp(mean - lookahead).
// Times are in abstract units of 1e6 ticks.
//
// With kernel_lps > 0, the N PHOLD LPs become entities grouped into that many kernel LPs
// (contiguous blocks), each sending in its own name (bstp::Entity): the committed events and the
// checksum are then the same for every grouping, and the same as with one kernel LP per PHOLD LP.
#pragma once

#include <bstp/bstp.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bstp::phold {

inline constexpr double kTicksPerUnit = 1e6;

struct Config {
  std::uint32_t lps = 1024;
  std::uint32_t population = 1;
  double remote = 0.25;
  double lookahead = 0.1;
  double mean = 1.0;
  double end = 12000.0;
  std::uint64_t seed = 42;
  unsigned threads = 1;
  std::uint32_t kernel_lps = 0;  // 0: one kernel LP per PHOLD LP; else the PHOLD LPs are entities in this many
  Balance balance = Balance::measured;  // how the parallel scheduler shares the kernel LPs among threads
};

// Empty string when the configuration is usable, otherwise what is wrong with it.
std::string check(const Config& config);

struct Result {
  RunStats stats;
  std::uint64_t checksum = 0;  // digest of every LP's final state, identical for any thread count
};

Result run(const Config& config);

// PHOLD built on a simulation that the caller drives (run_until, inject, observers); run() is
// Model(config).simulation().run() and the checksum.
class Model {
 public:
  explicit Model(const Config& config);
  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  Simulation& simulation() { return *simulation_; }
  // Digest of every LP's state so far.
  std::uint64_t checksum() const;
  // With kernel_lps > 0: a digest of who sent each event every PHOLD LP handled, in the order
  // handled (PHOLD's own state does not depend on the order of simultaneous events; this does).
  // 0 otherwise.
  std::uint64_t order_digest() const;

 private:
  std::unique_ptr<Simulation> simulation_;
  std::vector<const LogicalProcess*> lps_;
  bool grouped_ = false;
};

}  // namespace bstp::phold
