#include "shard.hpp"

#include "usage_error.hpp"

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace bstp::tools {

namespace {

bool whole(std::string_view text, std::size_t& value) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

// "I/N" or "auto/N" (index_text "auto"), or "auto" (count 0).
bool split(const std::string& text, std::string_view& index_text, std::size_t& count) {
  const std::size_t slash = text.find('/');
  index_text = std::string_view(text).substr(0, slash);
  count = 0;
  if (slash == std::string::npos) return text == "auto";
  return whole(std::string_view(text).substr(slash + 1), count) && count >= 1;
}

std::size_t slurm(const char* name, const std::string& text) {
  const char* value = std::getenv(name);
  std::size_t n = 0;
  if (!value)
    throw UsageError(fmt::format("--shard {}: {} is not set; --shard auto is for the tasks of a SLURM job array "
                                 "(sbatch --array); elsewhere give --shard I/N",
                                 text, name));
  if (!whole(value, n)) throw UsageError(fmt::format("--shard {}: {}='{}' is not a whole number", text, name, value));
  return n;
}

}  // namespace

bool is_shard_text(const std::string& text) {
  std::string_view index_text;
  std::size_t count = 0, index = 0;
  if (!split(text, index_text, count)) return false;
  return index_text == "auto" || (whole(index_text, index) && index < count);
}

Shard resolve_shard(const std::string& text) {
  std::string_view index_text;
  std::size_t count = 0;
  Shard shard;
  if (text.empty()) return shard;
  if (!split(text, index_text, count)) throw UsageError(fmt::format("--shard expects I/N, auto or auto/N; got '{}'", text));
  if (index_text != "auto") {
    whole(index_text, shard.index);
    shard.count = count;
    return shard;
  }
  shard.index = slurm("SLURM_ARRAY_TASK_ID", text);
  if (count == 0) {
    const std::size_t min = slurm("SLURM_ARRAY_TASK_MIN", text), max = slurm("SLURM_ARRAY_TASK_MAX", text),
                      tasks = slurm("SLURM_ARRAY_TASK_COUNT", text);
    if (min != 0 || tasks != max + 1)
      throw UsageError(fmt::format("--shard auto: this job array has {} tasks numbered {} to {}, not 0 to N-1, so the "
                                   "number of shards is unknown (a partial resubmission such as --array=3,7?); give it: "
                                   "--shard auto/N with the N of the whole array",
                                   tasks, min, max));
    count = max + 1;
  }
  if (shard.index >= count)
    throw UsageError(fmt::format("--shard {}: SLURM_ARRAY_TASK_ID={} is not below the {} shards", text, shard.index, count));
  shard.count = count;
  return shard;
}

}  // namespace bstp::tools
