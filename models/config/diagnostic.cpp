#include "diagnostic.hpp"

#include <fmt/format.h>

namespace bstp::config {

std::string Diagnostic::full_message() const { return from_override() ? message + " (set by an override)" : message; }

std::string Diagnostic::str() const {
  std::string s = file;
  if (line > 0) s += fmt::format(":{}", line);
  if (line > 0 && column > 0) s += fmt::format(":{}", column);
  s += ": ";
  if (!path.empty()) s += path + ": ";
  return s + full_message();
}

}  // namespace bstp::config
