// Bad input and the exit codes of the program: shared by the commands and the experiment layer
// they drive, which reports bad input without knowing about the command line.
#pragma once

#include <stdexcept>

namespace bstp::tools {

// Exit codes of the program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the run itself failed
inline constexpr int kExitUsage = 2;    // bad command line or bad input file

// Bad input (arguments, scenario files): reported with exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bstp::tools
