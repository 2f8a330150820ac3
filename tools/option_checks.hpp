// Checks of command-line numbers that say what was expected: a seed or a count outside its range
// is bad input (exit 2) with the range named, never saturated or wrapped silently.
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace bstp::tools {

// Accepts a whole number written in decimal digits (no sign, exponent or fraction) from `min` to
// `max`; otherwise CLI11 reports "OPTION: expected a whole number from MIN to MAX, got 'TEXT'".
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

// Accepts a language code such as en, es or pt_BR (the page's catalog is looked up by it).
CLI::Validator language_code();

}  // namespace bstp::tools
