// The whole-file digest of a results file (docs/results-format.md, "Integrity"): the first
// kUserBlockBytes of the file are an HDF5 user block (HDF5, h5py and netCDF skip it) holding
//   "BSTP-RESULTS crc32=<8 hex digits> size=<file size>\n"
// where crc32 (zlib's, Python's zlib.crc32) covers every byte after the user block. Checked
// before HDF5 parses anything, so a damaged file is refused rather than trusted to HDF5's parser
// (HDF5 1.10 crashes on some damaged string heaps).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bstp::experiment {

inline constexpr std::size_t kUserBlockBytes = 512;

// Writes the digest line into image[0, kUserBlockBytes) (the image must have that user block).
void stamp_digest(std::vector<char>& image);

enum class DigestStatus { absent, valid };

// Checks the digest of the file at `path`. Returns absent for files without one (format_version
// 1) and valid when it matches; throws std::runtime_error saying the file is damaged (or
// truncated) when it does not.
DigestStatus verify_digest(const std::string& path);

}  // namespace bstp::experiment
