// Printing summaries as text (for people), JSON or CSV (for scripts): `--format text|json|csv`.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

namespace bstp::tools {

enum class Format { text, json, csv };

using Cell = std::variant<std::string, double, std::int64_t>;

// The widest text line a table prints: wider tables print in blocks of columns, each repeating
// the key columns.
inline constexpr std::size_t kTextWidth = 100;

// A table with named columns; a one-row table prints as "key: value" lines in text format.
struct Table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::size_t key_columns = 1;  // leading columns that name a row (repeated in every text block)
};

void print(std::ostream& out, const Table& table, Format format);
// Several tables: text prints them one after another, JSON as an object keyed by title, CSV
// each with its title as a comment line (for one table per invocation, print one table).
void print(std::ostream& out, const std::vector<Table>& tables, Format format);

std::string json_escape(const std::string& s);

// `text` on lines of at most kTextWidth characters, broken at spaces.
std::string wrapped(const std::string& text);

}  // namespace bstp::tools
