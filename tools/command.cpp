#include "command.hpp"

#include <fstream>
#include <sstream>

namespace bstp::tools {

void add_format_option(CLI::App& cmd, Format& format) {
  const std::map<std::string, Format> names{{"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}};
  cmd.add_option("--format", format, "How to print the summary: text (for people), json or csv (for scripts)")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
      ->type_name("text|json|csv")
      ->default_str("text");
}

std::size_t peak_memory_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      std::istringstream fields(line.substr(6));
      std::size_t kib = 0;
      fields >> kib;
      return kib * 1024;
    }
  }
  return 0;
}

}  // namespace bstp::tools
