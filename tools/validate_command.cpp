// `bstp validate FILE...` (being written).
#include "command.hpp"

namespace bstp::tools {
void add_validate_command(Program&) {}
}  // namespace bstp::tools
