#include "experiment/results_digest.hpp"

#include <zlib.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace bstp::experiment {

namespace {

constexpr char kMagic[] = "BSTP-RESULTS ";

std::uint32_t crc_update(std::uint32_t crc, const char* data, std::size_t n) {
  while (n > 0) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(data), chunk));
    data += chunk;
    n -= chunk;
  }
  return crc;
}

}  // namespace

void stamp_digest(std::vector<char>& image) {
  if (image.size() < kUserBlockBytes) throw std::logic_error("results image without its user block");
  const std::uint32_t crc =
      crc_update(static_cast<std::uint32_t>(crc32(0, nullptr, 0)), image.data() + kUserBlockBytes, image.size() - kUserBlockBytes);
  char line[kUserBlockBytes];
  const int n = std::snprintf(line, sizeof line, "%scrc32=%08" PRIx32 " size=%zu\n", kMagic, crc, image.size());
  std::memset(image.data(), 0, kUserBlockBytes);
  std::memcpy(image.data(), line, static_cast<std::size_t>(n));
}

DigestStatus verify_digest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open it");
  char header[kUserBlockBytes] = {};
  in.read(header, sizeof header);
  if (in.gcount() < static_cast<std::streamsize>(sizeof header) ||
      std::memcmp(header, kMagic, sizeof kMagic - 1) != 0)
    return DigestStatus::absent;
  unsigned expected_crc = 0;
  unsigned long long expected_size = 0;
  header[sizeof header - 1] = '\0';
  if (std::sscanf(header + sizeof kMagic - 1, "crc32=%8x size=%llu", &expected_crc, &expected_size) != 2)
    throw std::runtime_error("the file is damaged (its digest line is unreadable)");
  std::uint32_t crc = static_cast<std::uint32_t>(crc32(0, nullptr, 0));
  std::vector<char> buffer(1 << 20);
  std::size_t size = kUserBlockBytes;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    crc = crc_update(crc, buffer.data(), got);
    size += got;
  }
  if (size != expected_size)
    throw std::runtime_error("the file is damaged or truncated (" + std::to_string(size) + " bytes, written with " +
                             std::to_string(expected_size) + ")");
  if (crc != expected_crc)
    throw std::runtime_error("the file is damaged (a checksum does not match its data: whole-file crc32)");
  return DigestStatus::valid;
}

}  // namespace bstp::experiment
