// Writes the sample results file (sample_results.hpp) that check_results_file.py reads:
//   write_sample_results <path>
#include "experiment/results_file.hpp"
#include "sample_results.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_sample_results <path>\n";
    return 2;
  }
  try {
    bstp::experiment::write_results_file(argv[1], bstp::experiment::testing::sample_results(),
                                         /*overwrite=*/true);
  } catch (const std::exception& e) {
    std::cerr << "write_sample_results: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
