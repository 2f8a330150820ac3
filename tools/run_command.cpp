// `bstp run SCENARIO` (being written).
#include "command.hpp"

namespace bstp::tools {
void add_run_command(Program&) {}
}  // namespace bstp::tools
