// The lock that keeps two runs off one results file: `OUT.lock`, held (flock) from before the
// first replication until the run ends, so a second run or `--resume` on the same --out refuses
// at once instead of mixing its replications into the first one's journal. The lock dies with
// its process (kill -9 included); a stale `OUT.lock` file is harmless and reused. flock works
// across machines on NFS (Linux) and on Lustre/GPFS mounted with flock support.
#pragma once

#include <string>

namespace bstp::experiment {

class OutputLock {
 public:
  // Takes the lock of results file `out`; throws std::invalid_argument when another process holds
  // it (naming it when it can), std::runtime_error when the lock file cannot be created.
  explicit OutputLock(const std::string& out);
  ~OutputLock();  // removes OUT.lock and releases the lock
  OutputLock(OutputLock&& other) noexcept;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  OutputLock& operator=(OutputLock&&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

// The lock file of results file `out`.
inline std::string lock_path(const std::string& out) { return out + ".lock"; }

}  // namespace bstp::experiment
