// libFuzzer target: sweep file text -> read_sweep_file (tools/sweep_file.cpp), through a temporary
// file since the reader takes a path. Problems in SweepFile::problems or a ScenarioError are the
// documented answers to bad input; anything else (a crash, a sanitizer report, another exception)
// aborts.
#include "sweep_file.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

const std::string& temp_path() {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("bstp-fuzz-sweep-" + std::to_string(::getpid()) + ".yaml")).string();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > bstp::border::kMaxScenarioBytes) return -1;  // the reader refuses larger files
  {
    std::ofstream out(temp_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
      std::fprintf(stderr, "fuzz_sweep_file: cannot write %s\n", temp_path().c_str());
      std::abort();
    }
  }
  try {
    const bstp::tools::SweepFile sweep = bstp::tools::read_sweep_file(temp_path());
    (void)sweep;
  } catch (const bstp::border::ScenarioError&) {
    // not YAML or not a mapping, said with a location
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz_sweep_file: unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
