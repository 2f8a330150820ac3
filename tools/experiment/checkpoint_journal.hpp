// The checkpoint journal: an append-only file next to the results file (`OUT.h5.journal`) with one
// record per finished replication, written as soon as the replication finishes, so that an
// interrupted or killed run loses nothing it finished and `--resume` runs only what is missing.
// Records reach the disk itself (fdatasync) at most kSyncInterval apart, so a power cut loses at
// most that much work, and syncing does not slow sweeps of short replications. A header holds the experiment's identity
// (experiment_identity.hpp plus what the caller adds); each record holds (point, replication,
// the encoded result) and a checksum seeded with the identity's digest, so a record written for
// another experiment never passes for one of this one. A record torn by a crash (the last one,
// cut short or zero-filled) is dropped when the journal is resumed; damage anywhere else makes
// the journal corrupt. Byte order is the machine's: resume on the same kind of machine. Only one
// process may write a journal at a time: output_lock.hpp.
#pragma once

#include "experiment/experiment_model.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

namespace bstp::experiment {

// A file that is not a journal this bstp can read: a bad header, an older format, or a damaged
// record before the end. Bad input: the way on is --force (start over).
class CorruptJournal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CheckpointJournal {
 public:
  // Creates `path` (replacing any file there) with a header for `identity`, for records of
  // `record_size` values (ResultSchema::record_size); synced to disk.
  static CheckpointJournal create(const std::string& path, const std::string& identity, std::size_t record_size);

  // Opens the journal at `path` to continue it: throws std::invalid_argument if it was written for
  // another experiment (naming the first difference), CorruptJournal if it is not a journal or is
  // damaged, std::runtime_error if it cannot be read.
  // Loads every complete record into `values[point][replication]` (slots outside `values` are an
  // error), each of `record_size` values, and drops a torn last record. `loaded` receives the
  // number of replications read.
  static CheckpointJournal resume(const std::string& path, const std::string& identity, std::size_t record_size,
                                  std::vector<std::vector<ReplicationRecord>>& values, std::size_t& loaded);

  CheckpointJournal(CheckpointJournal&& other) noexcept;
  CheckpointJournal& operator=(CheckpointJournal&&) = delete;
  CheckpointJournal(const CheckpointJournal&) = delete;
  ~CheckpointJournal();

  static constexpr std::chrono::seconds kSyncInterval{1};

  // Appends one record (synced to disk if the last sync is kSyncInterval old); throws
  // std::runtime_error on failure.
  void append(std::size_t point, std::size_t replication, std::span<const double> record);
  // Closes and deletes the journal (once the results file is written).
  void remove();
  const std::string& path() const { return path_; }

 private:
  CheckpointJournal(std::string path, int fd, std::size_t record_size, std::uint64_t fingerprint)
      : path_(std::move(path)), fd_(fd), record_size_(record_size), fingerprint_(fingerprint) {}
  std::string path_;
  int fd_ = -1;
  std::size_t record_size_ = 0;  // values in a record
  std::uint64_t fingerprint_ = 0;  // the identity's digest: the seed of every record's checksum
  std::chrono::steady_clock::time_point last_sync_ = std::chrono::steady_clock::now();
  bool unsynced_ = false;
};

// The journal that goes with results file `out`.
inline std::string journal_path(const std::string& out) { return out + ".journal"; }

}  // namespace bstp::experiment
