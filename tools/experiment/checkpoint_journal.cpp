#include "experiment/checkpoint_journal.hpp"

#include "experiment/experiment_identity.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::experiment {

namespace {

constexpr char kMagic[8] = {'B', 'S', 'T', 'P', 'J', 'N', 'L', '2'};
constexpr char kOldMagic[8] = {'B', 'S', 'T', 'P', 'J', 'N', 'L', '1'};  // records not fingerprinted
constexpr std::uint64_t kRecordMagic = 0x3143455250545342ull;  // "BSTPREC1"

std::runtime_error io_error(const std::string& what, const std::string& path) {
  return std::runtime_error(fmt::format("cannot {} checkpoint journal '{}': {}", what, path, std::strerror(errno)));
}

void write_all(int fd, const std::string& bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error("write", path);
    done += static_cast<std::size_t>(n);
  }
}

void sync(int fd, const std::string& path) {
  if (::fdatasync(fd) != 0) throw io_error("sync", path);
}

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads a T at `at` of `bytes`, advancing `at`; false when the bytes run out.
template <class T>
bool get(const std::string& bytes, std::size_t& at, T& value) {
  if (bytes.size() - at < sizeof value) return false;
  std::memcpy(&value, bytes.data() + at, sizeof value);
  at += sizeof value;
  return true;
}

std::string header(const std::string& identity) {
  std::string out(kMagic, sizeof kMagic);
  put(out, static_cast<std::uint64_t>(identity.size()));
  out += identity;
  put(out, fnv1a(identity));
  return out;
}

std::string read_whole(int fd, const std::string& path) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error("read", path);
    if (n == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

void sync_directory_of(const std::string& path) {
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

CheckpointJournal CheckpointJournal::create(const std::string& path, const std::string& identity, std::size_t record_size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw io_error("create", path);
  CheckpointJournal journal(path, fd, record_size, fnv1a(identity));
  write_all(fd, header(identity), path);
  sync(fd, path);
  sync_directory_of(path);
  return journal;
}

CheckpointJournal CheckpointJournal::resume(const std::string& path, const std::string& identity, std::size_t values_per_record,
                                            std::vector<std::vector<ReplicationRecord>>& slots, std::size_t& loaded) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) throw io_error("open", path);
  CheckpointJournal journal(path, fd, values_per_record, fnv1a(identity));
  const std::string bytes = read_whole(fd, path);
  std::size_t at = 0;
  std::uint64_t length = 0, check = 0;
  if (bytes.size() >= sizeof kOldMagic && std::memcmp(bytes.data(), kOldMagic, sizeof kOldMagic) == 0)
    throw CorruptJournal(fmt::format("'{}' is a checkpoint journal of an older bstp, which this one cannot resume", path));
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw CorruptJournal(fmt::format("'{}' is not a bstp checkpoint journal", path));
  at = sizeof kMagic;
  if (!get(bytes, at, length) || bytes.size() - at < length)
    throw CorruptJournal(fmt::format("checkpoint journal '{}' has a truncated header", path));
  const std::string recorded = bytes.substr(at, length);
  at += length;
  if (!get(bytes, at, check) || check != fnv1a(recorded))
    throw CorruptJournal(fmt::format("checkpoint journal '{}' has a corrupt header", path));
  check_same_experiment(recorded, "checkpoint journal '" + path + "'", identity, "this run");

  const std::size_t values = journal.record_size_;
  const std::size_t record_size = 5 * sizeof(std::uint64_t) + values * sizeof(double);
  loaded = 0;
  std::size_t good_end = at;
  for (;;) {
    std::uint64_t magic = 0, point = 0, replication = 0, count = 0, sum = 0;
    if (!get(bytes, at, magic) || magic != kRecordMagic || !get(bytes, at, point) || !get(bytes, at, replication) ||
        !get(bytes, at, count))
      break;
    // A whole record of another length: a bstp that records other results (indicators, per-crossing
    // values) wrote it.
    if (count != values && count <= bytes.size() && bytes.size() - at >= count * sizeof(double) + sizeof sum)
      throw CorruptJournal(fmt::format("checkpoint journal '{}' was written by another version of bstp (records of {} "
                                       "values; this one writes {}), which this one cannot resume",
                                       path, count, values));
    if (count != values || bytes.size() - at < count * sizeof(double)) break;
    const std::string_view payload(bytes.data() + at, count * sizeof(double));
    at += payload.size();
    if (!get(bytes, at, sum) || sum != fnv1a(payload, fnv1a(bytes.substr(good_end + 8, 24), journal.fingerprint_))) break;
    if (point >= slots.size() || replication >= slots[point].size())
      throw CorruptJournal(fmt::format("checkpoint journal '{}' holds replication {} of point {}, outside the experiment",
                                       path, replication, point));
    ReplicationRecord& slot = slots[point][replication];
    if (!is_done(slot)) ++loaded;
    slot.resize(count);
    std::memcpy(slot.data(), payload.data(), payload.size());
    good_end = at;
  }
  if (good_end != bytes.size()) {
    // What a crash leaves is the last record cut short, or (after a power cut) zeros where the
    // unsynced records were. Anything else is damage that dropping would hide.
    const std::string_view tail = std::string_view(bytes).substr(good_end);
    const bool torn = tail.size() < record_size || tail.find_first_not_of('\0') == std::string_view::npos;
    if (!torn)
      throw CorruptJournal(fmt::format("checkpoint journal '{}' is damaged at byte {} of {} (a record that is not one of "
                                       "this experiment's, or altered)",
                                       path, good_end, bytes.size()));
    if (::ftruncate(fd, static_cast<off_t>(good_end)) != 0) throw io_error("truncate", path);
    sync(fd, path);
  }
  if (::lseek(fd, 0, SEEK_END) < 0) throw io_error("seek in", path);
  return journal;
}

CheckpointJournal::CheckpointJournal(CheckpointJournal&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(other.fd_),
      record_size_(other.record_size_),
      fingerprint_(other.fingerprint_),
      last_sync_(other.last_sync_), unsynced_(other.unsynced_) {
  other.fd_ = -1;
}

CheckpointJournal::~CheckpointJournal() {
  if (fd_ < 0) return;
  if (unsynced_) (void)::fdatasync(fd_);
  ::close(fd_);
}

void CheckpointJournal::append(std::size_t point, std::size_t replication, std::span<const double> data) {
  if (data.size() != record_size_)
    throw std::invalid_argument(fmt::format("a replication's record holds {} values, the journal's {}", data.size(), record_size_));
  std::string record;
  put(record, kRecordMagic);
  put(record, static_cast<std::uint64_t>(point));
  put(record, static_cast<std::uint64_t>(replication));
  put(record, static_cast<std::uint64_t>(data.size()));
  const std::string_view payload(reinterpret_cast<const char*>(data.data()), data.size() * sizeof(double));
  const std::uint64_t sum = fnv1a(payload, fnv1a(std::string_view(record).substr(8, 24), fingerprint_));
  record.append(payload);
  put(record, sum);
  write_all(fd_, record, path_);  // from here, killing the process loses nothing
  unsynced_ = true;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_sync_ >= kSyncInterval) {  // and from here, neither does a power cut
    sync(fd_, path_);
    last_sync_ = now;
    unsynced_ = false;
  }
}

void CheckpointJournal::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

}  // namespace bstp::experiment
