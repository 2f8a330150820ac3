// Shards of an experiment for a job array: `--shard I/N` runs the tasks k with k % N == I of the
// experiment's task list, k = point * replications + replication (design point by design point),
// so N shards share the work evenly whether the experiment has many points or many replications.
// `--shard auto` takes I and N from a SLURM job array, `--shard auto/N` takes I only.
#pragma once

#include <cstddef>
#include <string>

namespace bstp::tools {

struct Shard {
  std::size_t index = 0, count = 1;  // I and N
  bool whole() const { return count == 1; }
  // Whether task (point, replication) of an experiment with `replications` per point is this shard's.
  bool holds(std::size_t point, std::size_t replication, std::size_t replications) const {
    return (point * replications + replication) % count == index;
  }
};

// Whether `text` is "I/N" (0 <= I < N), "auto" or "auto/N" (N >= 1): what --shard accepts.
bool is_shard_text(const std::string& text);

// The shard `text` names; "auto" reads SLURM_ARRAY_TASK_ID (and, without /N, SLURM_ARRAY_TASK_MIN,
// _MAX and _COUNT, which must describe a whole array 0..N-1). Throws UsageError when the
// environment does not say.
Shard resolve_shard(const std::string& text);

}  // namespace bstp::tools
