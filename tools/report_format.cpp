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
  if (!t.title.empty()) out << wrapped(t.title) << "\n";
  if (t.rows.size() == 1) {
    std::size_t width = 0;
    for (const auto& c : t.columns) width = std::max(width, c.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << fmt::format("  {:<{}}  {}\n", t.columns[i], width, text_cell(t.rows[0][i]));
    return;
  }
  // Widths in characters (UTF-8 continuation bytes do not count: "±" is one column).
  auto display = [](const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::vector<std::size_t> width(t.columns.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = display(t.columns[i]);
  for (const auto& row : t.rows)
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) width[i] = std::max(width[i], display(text_cell(row[i])));
  const std::size_t keys = std::min(t.key_columns, t.columns.size());
  std::size_t key_width = 1;
  for (std::size_t i = 0; i < keys; ++i) key_width += width[i] + 2;
  // Blocks of value columns that fit kTextWidth next to the key columns (at least one each).
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  for (std::size_t i = keys; i < t.columns.size();) {
    std::size_t end = i, used = key_width;
    while (end < t.columns.size() && (end == i || used + width[end] + 2 <= kTextWidth)) used += width[end++] + 2;
    blocks.emplace_back(i, end);
    i = end;
  }
  if (blocks.empty()) blocks.emplace_back(keys, keys);
  auto pad = [&](const std::string& v, std::size_t w, bool left) {
    const std::string fill(w > display(v) ? w - display(v) : 0, ' ');
    return left ? v + fill : fill + v;
  };
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b > 0) out << "\n";
    auto line = [&](auto cell_of) {
      std::string s = " ";
      for (std::size_t i = 0; i < keys; ++i) s += " " + pad(cell_of(i), width[i], true) + (i + 1 < keys ? " " : "");
      for (std::size_t i = blocks[b].first; i < blocks[b].second; ++i) s += "  " + pad(cell_of(i), width[i], false);
      while (!s.empty() && s.back() == ' ') s.pop_back();
      out << s << "\n";
    };
    line([&](std::size_t i) { return t.columns[i]; });
    for (const auto& row : t.rows) line([&](std::size_t i) { return i < row.size() ? text_cell(row[i]) : std::string(); });
  }
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

std::string wrapped(const std::string& text) {
  std::string out, line;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (!line.empty() && line.size() + 1 + word.size() > kTextWidth) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return out + line;
}

}  // namespace bstp::tools
