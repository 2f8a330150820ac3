// Writes the sample results file (sample_results.hpp) that check_results_file.py reads:
//   write_sample_results <path> [--damage DATASET]
// With --damage, then flips one bit in the first stored chunk of DATASET (e.g. /totals/seizures),
// as a disk or a copy might: a reader must refuse the file (tests of the checksums).
#include "experiment/results_digest.hpp"
#include "experiment/results_file.hpp"
#include "sample_results.hpp"

#include <hdf5.h>

#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

namespace {

// The file offset of the first byte of DATASET's first chunk.
haddr_t first_chunk_offset(const std::string& path, const std::string& dataset) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw std::runtime_error("cannot open " + path);
  const hid_t d = H5Dopen2(file, dataset.c_str(), H5P_DEFAULT);
  haddr_t address = HADDR_UNDEF;
  hsize_t size = 0;
  if (d >= 0) {
    const hid_t space = H5Dget_space(d);
    if (H5Dget_chunk_info(d, space, 0, nullptr, nullptr, &address, &size) < 0) address = HADDR_UNDEF;
    H5Sclose(space);
    H5Dclose(d);
  }
  H5Fclose(file);
  if (address == HADDR_UNDEF || size == 0) throw std::runtime_error("no stored chunk in " + dataset);
  return address + bstp::experiment::kUserBlockBytes;  // chunk addresses count from the superblock
}

void flip_bit(const std::string& path, haddr_t offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  f.get(byte);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(byte ^ 0x10));
  if (!f) throw std::runtime_error("cannot change " + path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--damage")) {
    std::cerr << "usage: write_sample_results <path> [--damage DATASET]\n";
    return 2;
  }
  try {
    bstp::experiment::write_results_file(argv[1], bstp::experiment::testing::sample_results(),
                                         /*overwrite=*/true);
    if (argc == 4) flip_bit(argv[1], first_chunk_offset(argv[1], argv[3]));
  } catch (const std::exception& e) {
    std::cerr << "write_sample_results: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
