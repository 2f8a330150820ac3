#include "catalog.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

namespace bstp::tabletop {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t swap_bytes(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

}  // namespace

Catalog Catalog::from_mo_file(const std::string& lang, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&](const char* what) { return std::runtime_error(fmt::format("{}: not a gettext catalog ({})", path, what)); };
  if (data.size() < 20) throw bad("too short");
  bool swapped = false;
  auto word = [&](std::size_t offset) {
    if (offset + 4 > data.size()) throw bad("a table runs past the end");
    std::uint32_t v = 0;
    std::memcpy(&v, data.data() + offset, 4);
    return swapped ? swap_bytes(v) : v;
  };
  const std::uint32_t magic = word(0);
  if (magic == kMagicSwapped) swapped = true;
  else if (magic != kMagic) throw bad("wrong magic number");
  const std::uint32_t count = word(8), originals = word(12), translations = word(16);
  auto text = [&](std::uint32_t table, std::uint32_t i) {
    const std::size_t length = word(table + 8u * i), offset = word(table + 8u * i + 4);
    if (offset + length > data.size()) throw bad("a string runs past the end");
    return data.substr(offset, length);
  };
  Catalog c;
  c.lang_ = lang;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string id = text(originals, i);
    if (id.empty()) continue;  // the header
    c.messages_.emplace(std::move(id), text(translations, i));
  }
  return c;
}

Catalog Catalog::load(const std::string& lang, const std::vector<std::string>& directories) {
  if (lang == "en") return Catalog();
  std::string looked;
  for (const std::string& dir : directories) {
    const std::filesystem::path mo = std::filesystem::path(dir) / lang / "LC_MESSAGES" / "bstp_tabletop.mo";
    if (std::filesystem::is_regular_file(mo)) return from_mo_file(lang, mo.string());
    looked += (looked.empty() ? "" : ", ") + mo.string();
  }
  throw std::invalid_argument(fmt::format("no catalog for language '{}' (looked for {}); the build makes it with msgfmt "
                                          "(Debian package gettext)",
                                          lang, looked));
}

std::string Catalog::operator()(const char* message) const {
  if (messages_.empty()) return message;
  const auto it = messages_.find(message);
  return it == messages_.end() || it->second.empty() ? std::string(message) : it->second;
}

std::vector<std::string> Catalog::default_directories(const std::string& program_path) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("BSTP_LOCALE_DIR"); env != nullptr && *env != '\0') dirs.emplace_back(env);
  std::error_code ec;
  const std::filesystem::path program = std::filesystem::weakly_canonical(program_path, ec);
  if (!ec && program.has_parent_path()) {
    dirs.push_back((program.parent_path().parent_path() / "share" / "bstp" / "locale").string());
    dirs.push_back((program.parent_path() / "tabletop" / "locale").string());  // the build tree: tools/tabletop/locale
  }
  return dirs;
}

}  // namespace bstp::tabletop
