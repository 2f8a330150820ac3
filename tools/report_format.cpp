#include "report_format.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

namespace bstp::tools {
namespace {

std::string text_cell(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&c)) return fmt::format("{}", *i);
  const double d = std::get<double>(c);
  if (!std::isfinite(d)) return "nan";
  const double a = std::fabs(d);
  if (a != 0.0 && (a >= 1e7 || a < 1e-3)) return fmt::format("{:.4g}", d);
  return fmt::format("{:.4f}", d);
}

std::string json_cell(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return fmt::format("\"{}\"", json_escape(*s));
  if (const auto* i = std::get_if<std::int64_t>(&c)) return fmt::format("{}", *i);
  const double d = std::get<double>(c);
  if (!std::isfinite(d)) return "null";
  return fmt::format("{}", d);
}

std::string csv_cell(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) {
    if (s->find_first_of(",\"\n") == std::string::npos) return *s;
    std::string q = "\"";
    for (char ch : *s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  }
  return json_cell(c) == "null" ? std::string() : json_cell(c);
}

void print_text(std::ostream& out, const Table& t) {
  if (!t.title.empty()) out << t.title << "\n";
  if (t.rows.size() == 1) {
    std::size_t width = 0;
    for (const auto& c : t.columns) width = std::max(width, c.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << fmt::format("  {:<{}}  {}\n", t.columns[i], width, text_cell(t.rows[0][i]));
    return;
  }
  std::vector<std::size_t> width(t.columns.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = t.columns[i].size();
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) width[i] = std::max(width[i], text_cell(row[i]).size());
  auto line = [&](auto cell_of) {
    std::string s = " ";
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string v = cell_of(i);
      s += i == 0 ? fmt::format(" {:<{}}", v, width[i]) : fmt::format("  {:>{}}", v, width[i]);
    }
    out << s << "\n";
  };
  line([&](std::size_t i) { return t.columns[i]; });
  for (const auto& row : t.rows) line([&](std::size_t i) { return i < row.size() ? text_cell(row[i]) : std::string(); });
}

void print_json(std::ostream& out, const Table& t) {
  if (t.rows.size() == 1) {
    out << "{";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << (i ? ", " : "") << "\"" << json_escape(t.columns[i]) << "\": " << json_cell(t.rows[0][i]);
    out << "}";
    return;
  }
  out << "[";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    out << (r ? ",\n " : "") << "{";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << (i ? ", " : "") << "\"" << json_escape(t.columns[i]) << "\": " << json_cell(t.rows[r][i]);
    out << "}";
  }
  out << "]";
}

void print_csv(std::ostream& out, const Table& t) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "," : "") << csv_cell(t.columns[i]);
  out << "\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_cell(row[i]);
    out << "\n";
  }
}

}  // namespace

std::string json_escape(const std::string& s) {
  std::string r;
  for (unsigned char c : s) {
    switch (c) {
      case '"': r += "\\\""; break;
      case '\\': r += "\\\\"; break;
      case '\n': r += "\\n"; break;
      case '\t': r += "\\t"; break;
      default:
        if (c < 0x20) r += fmt::format("\\u{:04x}", c);
        else r += static_cast<char>(c);
    }
  }
  return r;
}

void print(std::ostream& out, const Table& table, Format format) {
  switch (format) {
    case Format::text: print_text(out, table); break;
    case Format::json: print_json(out, table); out << "\n"; break;
    case Format::csv: print_csv(out, table); break;
  }
}

void print(std::ostream& out, const std::vector<Table>& tables, Format format) {
  if (format == Format::json) {
    out << "{";
    for (std::size_t i = 0; i < tables.size(); ++i) {
      out << (i ? ",\n" : "") << "\"" << json_escape(tables[i].title) << "\": ";
      print_json(out, tables[i]);
    }
    out << "}\n";
    return;
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i) out << "\n";
    if (format == Format::csv && !tables[i].title.empty()) out << "# " << tables[i].title << "\n";
    if (format == Format::csv) print_csv(out, tables[i]);
    else print_text(out, tables[i]);
  }
}

}  // namespace bstp::tools
