// Small RAII and error-handling layer over the HDF5 C API, for the results file. Every failing
// HDF5 call becomes a std::runtime_error carrying the innermost HDF5 error description.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace bstp::experiment::h5 {

// Turns HDF5's automatic error printing off for its lifetime (restores the previous handler).
class QuietErrors {
 public:
  QuietErrors();
  ~QuietErrors();
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

// Throws std::runtime_error("<what>: <innermost message on the HDF5 error stack>"), or, when a
// checksum failed anywhere on the stack, "<what>: the file is damaged (...)".
[[noreturn]] void fail(const std::string& what);

inline hid_t check_id(hid_t id, const std::string& what) {
  if (id < 0) fail(what);
  return id;
}
inline void check(herr_t status, const std::string& what) {
  if (status < 0) fail(what);
}
// For htri_t (true/false/error).
inline bool check_tri(htri_t value, const std::string& what) {
  if (value < 0) fail(what);
  return value > 0;
}

// An owned HDF5 identifier. The destructor closes quietly (error paths); close() closes and
// throws on failure (the normal path, where a failed close can mean unwritten data).
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  Handle(Handle&& other) noexcept : id_(other.id_), closer_(other.closer_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle();

  hid_t get() const { return id_; }
  void close(const std::string& what);

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

Handle property_list(hid_t cls);
Handle simple_space(std::span<const hsize_t> dims);
Handle scalar_space();
// Variable-length UTF-8 string type (h5py gives str for attributes of this type).
Handle vlen_utf8_type();

// Groups whose links remember their creation order (readers list indicators in catalogue order).
Handle create_group(hid_t loc, const std::string& name);
Handle open_group(hid_t loc, const std::string& name);
Handle open_dataset(hid_t loc, const std::string& name);
bool link_exists(hid_t loc, const std::string& name);
// Names of the links in a group, in creation order when it is tracked, else in name order.
std::vector<std::string> link_names(hid_t group);

void write_string_attribute(hid_t obj, const std::string& name, const std::string& value);
void write_int64_attribute(hid_t obj, const std::string& name, std::int64_t value);
void write_uint64_attribute(hid_t obj, const std::string& name, std::uint64_t value);
void write_double_attribute(hid_t obj, const std::string& name, double value);
bool attribute_exists(hid_t obj, const std::string& name);
// Accepts variable- and fixed-length strings.
std::string read_string_attribute(hid_t obj, const std::string& name);
std::int64_t read_int64_attribute(hid_t obj, const std::string& name);
std::uint64_t read_uint64_attribute(hid_t obj, const std::string& name);

// Creates a dataset of `file_type` with shape `dims` and writes `data` (of `mem_type`, row-major,
// the product of dims elements). Numeric datasets are chunked and carry the Fletcher32 checksum
// filter (HDF5 verifies it on every read); datasets larger than a few KB are also shuffled and
// deflate-compressed (strings too, without checksum). `fill` (of mem_type) is the fill value, or null.
Handle create_dataset(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type,
                      std::span<const hsize_t> dims, const void* data, const void* fill);
Handle create_string_dataset(hid_t loc, const std::string& name,
                             const std::vector<std::string>& values);

std::vector<hsize_t> dataset_shape(hid_t dataset);
// Reads a whole dataset converted to mem_type; throws if its shape is not `expected`.
void read_dataset(hid_t dataset, const std::string& name, hid_t mem_type,
                  std::span<const hsize_t> expected, void* out);
std::vector<std::string> read_string_dataset(hid_t dataset, const std::string& name);

// The chunk shape used for datasets of shape `dims` (exposed for tests): whole trailing
// dimensions, then as much of the next one as fits about 64 KiB of doubles, 1 for the rest.
std::vector<hsize_t> chunk_shape(std::span<const hsize_t> dims);

std::string shape_string(std::span<const hsize_t> dims);

// H5Fget_file_image of HDF5 1.10 clears the "open for writing" flag in the image's version 2
// superblock without recomputing its checksum, so the image would not open. Recomputes it (a
// no-op for a correct checksum or a version 0/1 superblock) for the superblock at `base` (the
// user block size).
void repair_superblock_checksum(std::vector<char>& image, std::size_t base);

}  // namespace bstp::experiment::h5
