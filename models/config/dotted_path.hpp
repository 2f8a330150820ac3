// Dotted key paths (`servers.web.timeout`, `servers.web.ports.0`): how diagnostics name a
// value and how overrides address one. A component is a mapping key or an index into a list.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bstp::config {

// "a.b" + "c" = "a.b.c"; "" + "c" = "c".
std::string join(const std::string& path, std::string_view key);
std::string join(const std::string& path, std::size_t index);
// "a.b.c" -> {"a", "b", "c"}; empty components are kept ("a..b" -> {"a", "", "b"}).
std::vector<std::string> split_path(const std::string& path);
// Whether `path` is `prefix` or lies below it ("a.b.c" is within "a.b", "a.bc" is not).
bool within(const std::string& path, const std::string& prefix);
// A component that is an index into a list: digits only (at most nine).
std::optional<std::size_t> parse_index(const std::string& component);

}  // namespace bstp::config
