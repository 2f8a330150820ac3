#include "experiment/hdf5_support.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace bstp::experiment::h5 {

namespace {

constexpr std::size_t kChunkThresholdBytes = 4096;  // smaller datasets stay contiguous
constexpr hsize_t kChunkTargetElements = 8192;      // 64 KiB of doubles
constexpr unsigned kDeflateLevel = 4;

herr_t collect_message(unsigned /*n*/, const H5E_error2_t* error, void* data) {
  auto* messages = static_cast<std::vector<std::string>*>(data);
  if (error->desc != nullptr && *error->desc != '\0') messages->emplace_back(error->desc);
  return 0;
}

// "unable to open file: name = 'x', errno = 2, error message = 'No such file or directory', ..."
// -> "No such file or directory"; other messages unchanged.
std::string shorten(const std::string& message) {
  const std::string key = "error message = '";
  const auto start = message.find(key);
  if (start == std::string::npos) return message;
  const auto end = message.find('\'', start + key.size());
  if (end == std::string::npos) return message;
  return message.substr(start + key.size(), end - start - key.size());
}

hsize_t element_count(std::span<const hsize_t> dims) {
  hsize_t n = 1;
  for (const hsize_t d : dims) n *= d;
  return n;
}

Handle string_memory_type_like(hid_t file_type) {
  Handle type(check_id(H5Tcopy(H5T_C_S1), "cannot copy a string type"), H5Tclose);
  check(H5Tset_size(type.get(), H5T_VARIABLE), "cannot make a variable-length string type");
  check(H5Tset_cset(type.get(), H5Tget_cset(file_type)), "cannot set a string character set");
  return type;
}

}  // namespace

QuietErrors::QuietErrors() {
  H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }

void fail(const std::string& what) {
  std::vector<std::string> messages;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_message, &messages);
  H5Eclear2(H5E_DEFAULT);
  // Walking downward ends at the innermost function, where the error was first detected.
  if (messages.empty()) throw std::runtime_error(what);
  for (const std::string& m : messages)
    if (m.find("checksum") != std::string::npos || m.find("Fletcher32") != std::string::npos)
      throw std::runtime_error(what + ": the file is damaged (a checksum does not match its data: " + shorten(m) +
                               "); write it again");
  throw std::runtime_error(what + ": " + shorten(messages.back()));
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    if (id_ >= 0 && closer_ != nullptr) closer_(id_);
    id_ = other.id_;
    closer_ = other.closer_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

Handle::~Handle() {
  if (id_ >= 0 && closer_ != nullptr) closer_(id_);
}

void Handle::close(const std::string& what) {
  if (id_ < 0 || closer_ == nullptr) return;
  const herr_t status = closer_(id_);
  id_ = H5I_INVALID_HID;
  check(status, what);
}

Handle property_list(hid_t cls) {
  return {check_id(H5Pcreate(cls), "cannot create an HDF5 property list"), H5Pclose};
}

Handle simple_space(std::span<const hsize_t> dims) {
  return {check_id(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                   "cannot create a dataspace of shape " + shape_string(dims)),
          H5Sclose};
}

Handle scalar_space() {
  return {check_id(H5Screate(H5S_SCALAR), "cannot create a scalar dataspace"), H5Sclose};
}

Handle vlen_utf8_type() {
  Handle type(check_id(H5Tcopy(H5T_C_S1), "cannot copy a string type"), H5Tclose);
  check(H5Tset_size(type.get(), H5T_VARIABLE), "cannot make a variable-length string type");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "cannot make a UTF-8 string type");
  return type;
}

Handle create_group(hid_t loc, const std::string& name) {
  Handle gcpl = property_list(H5P_GROUP_CREATE);
  check(H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "cannot track link creation order");
  return {check_id(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                   "cannot create group '" + name + "'"),
          H5Gclose};
}

Handle open_group(hid_t loc, const std::string& name) {
  return {check_id(H5Gopen2(loc, name.c_str(), H5P_DEFAULT), "cannot open group '" + name + "'"),
          H5Gclose};
}

Handle open_dataset(hid_t loc, const std::string& name) {
  return {check_id(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "cannot open dataset '" + name + "'"),
          H5Dclose};
}

bool link_exists(hid_t loc, const std::string& name) {
  return check_tri(H5Lexists(loc, name.c_str(), H5P_DEFAULT),
                   "cannot look up '" + name + "'");
}

std::vector<std::string> link_names(hid_t group) {
  H5G_info_t info{};
  check(H5Gget_info(group, &info), "cannot list a group");
  Handle gcpl(check_id(H5Gget_create_plist(group), "cannot get a group's properties"), H5Pclose);
  unsigned order_flags = 0;
  check(H5Pget_link_creation_order(gcpl.get(), &order_flags), "cannot get a group's link order");
  const H5_index_t index =
      (order_flags & H5P_CRT_ORDER_TRACKED) != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  std::vector<std::string> names;
  names.reserve(info.nlinks);
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size =
        H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (size < 0) fail("cannot get the name of a group member");
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    if (H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, name.data(), name.size(),
                           H5P_DEFAULT) < 0)
      fail("cannot get the name of a group member");
    name.resize(static_cast<std::size_t>(size));
    names.push_back(std::move(name));
  }
  return names;
}

namespace {

Handle create_attribute(hid_t obj, const std::string& name, hid_t type, hid_t space) {
  return {check_id(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                   "cannot create attribute '" + name + "'"),
          H5Aclose};
}

Handle open_attribute(hid_t obj, const std::string& name) {
  return {check_id(H5Aopen(obj, name.c_str(), H5P_DEFAULT),
                   "cannot open attribute '" + name + "'"),
          H5Aclose};
}

template <typename T>
void write_scalar_attribute(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type,
                            T value) {
  Handle space = scalar_space();
  Handle attr = create_attribute(obj, name, file_type, space.get());
  check(H5Awrite(attr.get(), mem_type, &value), "cannot write attribute '" + name + "'");
  attr.close("cannot close attribute '" + name + "'");
}

template <typename T>
T read_scalar_attribute(hid_t obj, const std::string& name, hid_t mem_type) {
  Handle attr = open_attribute(obj, name);
  T value{};
  check(H5Aread(attr.get(), mem_type, &value), "cannot read attribute '" + name + "' as a number");
  return value;
}

}  // namespace

void write_string_attribute(hid_t obj, const std::string& name, const std::string& value) {
  Handle type = vlen_utf8_type();
  Handle space = scalar_space();
  Handle attr = create_attribute(obj, name, type.get(), space.get());
  const char* text = value.c_str();
  check(H5Awrite(attr.get(), type.get(), &text), "cannot write attribute '" + name + "'");
  attr.close("cannot close attribute '" + name + "'");
}

void write_int64_attribute(hid_t obj, const std::string& name, std::int64_t value) {
  write_scalar_attribute(obj, name, H5T_STD_I64LE, H5T_NATIVE_INT64, value);
}

void write_uint64_attribute(hid_t obj, const std::string& name, std::uint64_t value) {
  write_scalar_attribute(obj, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, value);
}

void write_double_attribute(hid_t obj, const std::string& name, double value) {
  write_scalar_attribute(obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, value);
}

bool attribute_exists(hid_t obj, const std::string& name) {
  return check_tri(H5Aexists(obj, name.c_str()), "cannot look up attribute '" + name + "'");
}

std::string read_string_attribute(hid_t obj, const std::string& name) {
  Handle attr = open_attribute(obj, name);
  Handle file_type(check_id(H5Aget_type(attr.get()), "cannot get the type of '" + name + "'"),
                   H5Tclose);
  if (H5Tget_class(file_type.get()) != H5T_STRING)
    throw std::runtime_error("attribute '" + name + "' is not a string");
  if (check_tri(H5Tis_variable_str(file_type.get()), "cannot inspect attribute '" + name + "'")) {
    Handle mem_type = string_memory_type_like(file_type.get());
    char* text = nullptr;
    check(H5Aread(attr.get(), mem_type.get(), &text), "cannot read attribute '" + name + "'");
    std::string value = text != nullptr ? text : "";
    H5free_memory(text);
    return value;
  }
  const std::size_t size = H5Tget_size(file_type.get());
  std::vector<char> buffer(size + 1, '\0');
  check(H5Aread(attr.get(), file_type.get(), buffer.data()), "cannot read attribute '" + name + "'");
  return {buffer.data(), strnlen(buffer.data(), size)};
}

std::int64_t read_int64_attribute(hid_t obj, const std::string& name) {
  return read_scalar_attribute<std::int64_t>(obj, name, H5T_NATIVE_INT64);
}

std::uint64_t read_uint64_attribute(hid_t obj, const std::string& name) {
  return read_scalar_attribute<std::uint64_t>(obj, name, H5T_NATIVE_UINT64);
}

std::vector<hsize_t> chunk_shape(std::span<const hsize_t> dims) {
  std::vector<hsize_t> chunk(dims.size(), 1);
  hsize_t product = 1;
  for (std::size_t i = dims.size(); i-- > 0;) {
    const hsize_t d = std::max<hsize_t>(dims[i], 1);
    if (product * d <= kChunkTargetElements) {
      chunk[i] = d;
      product *= d;
    } else {
      chunk[i] = std::max<hsize_t>(1, kChunkTargetElements / product);
      break;
    }
  }
  return chunk;
}

Handle create_dataset(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type,
                      std::span<const hsize_t> dims, const void* data, const void* fill) {
  Handle space = simple_space(dims);
  Handle dcpl = property_list(H5P_DATASET_CREATE);
  if (fill != nullptr)
    check(H5Pset_fill_value(dcpl.get(), mem_type, fill), "cannot set the fill value of '" + name + "'");
  const hsize_t count = element_count(dims);
  const bool numeric = H5Tget_class(file_type) != H5T_STRING;
  const bool large = count * H5Tget_size(file_type) > kChunkThresholdBytes;
  if (count > 0 && (numeric || large)) {
    const std::vector<hsize_t> chunk = chunk_shape(dims);
    check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()),
          "cannot set the chunk shape of '" + name + "'");
    if (large) {
      check(H5Pset_shuffle(dcpl.get()), "cannot set the shuffle filter of '" + name + "'");
      check(H5Pset_deflate(dcpl.get(), kDeflateLevel), "cannot set compression of '" + name + "'");
    }
    // Last, so that it checks the bytes as stored (after compression).
    if (numeric) check(H5Pset_fletcher32(dcpl.get()), "cannot set the checksum filter of '" + name + "'");
  }
  Handle dataset(check_id(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT,
                                     dcpl.get(), H5P_DEFAULT),
                          "cannot create dataset '" + name + "'"),
                 H5Dclose);
  if (count > 0)
    check(H5Dwrite(dataset.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
          "cannot write dataset '" + name + "'");
  return dataset;
}

Handle create_string_dataset(hid_t loc, const std::string& name,
                             const std::vector<std::string>& values) {
  Handle type = vlen_utf8_type();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& v : values) pointers.push_back(v.c_str());
  const hsize_t dims[] = {values.size()};
  return create_dataset(loc, name, type.get(), type.get(), dims, pointers.data(), nullptr);
}

std::vector<hsize_t> dataset_shape(hid_t dataset) {
  Handle space(check_id(H5Dget_space(dataset), "cannot get a dataset's dataspace"), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) fail("cannot get a dataset's rank");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) < 0)
    fail("cannot get a dataset's shape");
  return dims;
}

void read_dataset(hid_t dataset, const std::string& name, hid_t mem_type,
                  std::span<const hsize_t> expected, void* out) {
  const std::vector<hsize_t> shape = dataset_shape(dataset);
  if (!std::equal(shape.begin(), shape.end(), expected.begin(), expected.end()))
    throw std::runtime_error("dataset '" + name + "' has shape " + shape_string(shape) +
                             ", expected " + shape_string(expected));
  if (element_count(shape) == 0) return;
  check(H5Dread(dataset, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out),
        "cannot read dataset '" + name + "'");
}

std::vector<std::string> read_string_dataset(hid_t dataset, const std::string& name) {
  const std::vector<hsize_t> shape = dataset_shape(dataset);
  if (shape.size() != 1)
    throw std::runtime_error("dataset '" + name + "' has shape " + shape_string(shape) +
                             ", expected one dimension");
  const std::size_t n = shape[0];
  std::vector<std::string> values;
  values.reserve(n);
  if (n == 0) return values;
  Handle file_type(check_id(H5Dget_type(dataset), "cannot get the type of '" + name + "'"),
                   H5Tclose);
  if (H5Tget_class(file_type.get()) != H5T_STRING)
    throw std::runtime_error("dataset '" + name + "' does not hold strings");
  if (check_tri(H5Tis_variable_str(file_type.get()), "cannot inspect dataset '" + name + "'")) {
    Handle mem_type = string_memory_type_like(file_type.get());
    std::vector<char*> pointers(n, nullptr);
    check(H5Dread(dataset, mem_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
          "cannot read dataset '" + name + "'");
    for (const char* p : pointers) values.emplace_back(p != nullptr ? p : "");
    Handle space(check_id(H5Dget_space(dataset), "cannot get a dataset's dataspace"), H5Sclose);
    H5Dvlen_reclaim(mem_type.get(), space.get(), H5P_DEFAULT, pointers.data());
    return values;
  }
  const std::size_t size = H5Tget_size(file_type.get());
  std::vector<char> buffer(n * size, '\0');
  check(H5Dread(dataset, file_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
        "cannot read dataset '" + name + "'");
  for (std::size_t i = 0; i < n; ++i) {
    const char* p = buffer.data() + i * size;
    values.emplace_back(p, strnlen(p, size));
  }
  return values;
}

namespace {

// Bob Jenkins' lookup3 hashlittle (public domain), byte by byte: HDF5's metadata checksum.
std::uint32_t lookup3(const unsigned char* k, std::size_t length) {
  const auto rot = [](std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); };
  std::uint32_t a = 0xdeadbeef + static_cast<std::uint32_t>(length), b = a, c = a;
  const auto mix = [&] {
    a -= c, a ^= rot(c, 4), c += b;
    b -= a, b ^= rot(a, 6), a += c;
    c -= b, c ^= rot(b, 8), b += a;
    a -= c, a ^= rot(c, 16), c += b;
    b -= a, b ^= rot(a, 19), a += c;
    c -= b, c ^= rot(b, 4), b += a;
  };
  const auto final_mix = [&] {
    c ^= b, c -= rot(b, 14);
    a ^= c, a -= rot(c, 11);
    b ^= a, b -= rot(a, 25);
    c ^= b, c -= rot(b, 16);
    a ^= c, a -= rot(c, 4);
    b ^= a, b -= rot(a, 14);
    c ^= b, c -= rot(b, 24);
  };
  const auto word = [](const unsigned char* p, std::size_t n) {
    std::uint32_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w += static_cast<std::uint32_t>(p[i]) << (8 * i);
    return w;
  };
  while (length > 12) {
    a += word(k, 4), b += word(k + 4, 4), c += word(k + 8, 4);
    mix();
    length -= 12, k += 12;
  }
  if (length == 0) return c;
  a += word(k, std::min<std::size_t>(length, 4));
  if (length > 4) b += word(k + 4, std::min<std::size_t>(length - 4, 4));
  if (length > 8) c += word(k + 8, length - 8);
  final_mix();
  return c;
}

}  // namespace

void repair_superblock_checksum(std::vector<char>& image, std::size_t base) {
  // Superblock version 2 or 3: signature (8), version, offset size, length size, status flags,
  // 4 addresses, checksum.
  if (image.size() < base + 12 || static_cast<unsigned char>(image[base + 8]) < 2) return;
  const std::size_t offsets = static_cast<unsigned char>(image[base + 9]);
  const std::size_t covered = 12 + 4 * offsets;
  if (offsets == 0 || image.size() < base + covered + 4) return;
  auto* bytes = reinterpret_cast<unsigned char*>(image.data() + base);
  std::uint32_t stored = 0;
  for (std::size_t i = 0; i < 4; ++i) stored |= static_cast<std::uint32_t>(bytes[covered + i]) << (8 * i);
  if (lookup3(bytes, covered) == stored) return;
  const std::uint32_t fixed = lookup3(bytes, covered);
  for (std::size_t i = 0; i < 4; ++i) bytes[covered + i] = static_cast<unsigned char>(fixed >> (8 * i));
}

std::string shape_string(std::span<const hsize_t> dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(dims[i]);
  }
  return s + "]";
}

}  // namespace bstp::experiment::h5
