// One problem of a configuration file, said as `file:line:column: key.path: what was expected`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace bstp::config {

struct Diagnostic {
  Diagnostic() = default;
  Diagnostic(std::string file_, int line_, int column_, std::string path_, std::string message_,
             std::optional<std::size_t> override_index_ = std::nullopt)
      : file(std::move(file_)),
        line(line_),
        column(column_),
        path(std::move(path_)),
        message(std::move(message_)),
        override_index(override_index_) {}

  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string path;     // dotted key path, e.g. servers.web.ports.0
  std::string message;  // what was expected
  // Where the value came from: the file (nullopt), or the override with this index in the list
  // of overrides given; such a problem has no line in the file.
  std::optional<std::size_t> override_index;

  bool from_override() const { return override_index.has_value(); }
  // The message as people read it: "... (set by an override)" when an override set the value.
  std::string full_message() const;
  std::string str() const;  // "file:line:column: path: message"
};

}  // namespace bstp::config
