// How every results file is made (results_file.cpp): built in memory by HDF5's core driver, its
// image stamped with the whole-file digest (results_digest.hpp) and written to a temporary file
// renamed onto the path, so a reader never sees a partial file and HDF5 never writes to disk.
#pragma once

#include "experiment/hdf5_support.hpp"

#include <functional>
#include <string>
#include <vector>

namespace bstp::experiment {

// A new file in memory named `file_name` (links and attributes in creation order, the user block
// for the digest, the HDF5 1.8 format).
h5::Handle create_memory_file(const std::string& file_name);
// Closes `file` and returns its image with the user block and digest in front.
std::vector<char> file_image(h5::Handle& file, const std::string& file_name);

// Writes the image `build(temporary name)` returns to `path` as write_results_file does (its errors,
// --force, the temporary file and the rename).
void write_file_image(const std::string& path, bool overwrite,
                      const std::function<std::vector<char>(const std::string&)>& build);

}  // namespace bstp::experiment
