// Translations of the tabletop's messages: gettext catalogs (domain bstp_tabletop), written as
// .po files in tools/tabletop/locale/<lang>/, compiled by msgfmt at build time into .mo files and
// read here. A message not in the catalog is shown in English. See docs/tabletop.md, "Translating".
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace bstp::tabletop {

class Catalog {
 public:
  // English: every message as written.
  Catalog() = default;
  // The catalog of `lang` ("en" needs none), from the first of `directories` holding
  // <dir>/<lang>/LC_MESSAGES/bstp_tabletop.mo. Throws std::invalid_argument when none does.
  static Catalog load(const std::string& lang, const std::vector<std::string>& directories);
  // Reads one compiled catalog (the .mo format of GNU gettext). Throws std::runtime_error.
  static Catalog from_mo_file(const std::string& lang, const std::string& path);

  const std::string& language() const { return lang_; }
  // The translation of `message`, or the message itself.
  std::string operator()(const char* message) const;

  // Where the catalogs are looked for: $BSTP_LOCALE_DIR, next to the installed program
  // (<prefix>/share/bstp/locale) and the build tree.
  static std::vector<std::string> default_directories(const std::string& program_path);

 private:
  std::string lang_ = "en";
  std::unordered_map<std::string, std::string> messages_;
};

// Marks a message for translation where it is defined and translated later (xgettext keyword).
constexpr const char* N_(const char* message) { return message; }

}  // namespace bstp::tabletop
