"""Translations: gettext catalogs, domain `bstp_report` (locale/<lang>/LC_MESSAGES/bstp_report.po).
The build compiles them with msgfmt; without a compiled .mo (running from the source tree), the
.po is read directly, so a translator sees their work without building."""
import ast
import gettext
import os

DOMAIN = "bstp_report"
LANGUAGES = ("en", "es")
SOURCE_LOCALE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")


def N_(message):  # noqa: N802 - gettext's name for "mark for translation, translate later"
    return message


class _PoTranslations(gettext.NullTranslations):
    """Reads a .po file (msgid/msgstr, msgctxt-free, plural-free: what this package uses)."""

    def __init__(self, path):
        super().__init__()
        self._catalog = {}
        key = value = None
        field = None
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines() + [""]
        for line in lines:
            line = line.strip()
            if line.startswith("msgid "):
                if key and value:
                    self._catalog[key] = value
                key, value, field = ast.literal_eval(line[6:]), "", "id"
            elif line.startswith("msgstr "):
                value, field = ast.literal_eval(line[7:]), "str"
            elif line.startswith('"') and field == "id":
                key += ast.literal_eval(line)
            elif line.startswith('"') and field == "str":
                value += ast.literal_eval(line)
            elif not line or line.startswith("#"):
                if key and value:
                    self._catalog[key] = value
                key = value = field = None

    def gettext(self, message):
        return self._catalog.get(message, message)


def translation(lang, locale_dirs=()):
    """The catalog for `lang`: the first compiled .mo found in `locale_dirs` or next to the
    package, else the package's .po; English needs none."""
    if lang == "en":
        return gettext.NullTranslations()
    for directory in [*locale_dirs, SOURCE_LOCALE]:
        if directory and os.path.exists(os.path.join(directory, lang, "LC_MESSAGES", DOMAIN + ".mo")):
            return gettext.translation(DOMAIN, directory, languages=[lang])
    po = os.path.join(SOURCE_LOCALE, lang, "LC_MESSAGES", DOMAIN + ".po")
    if os.path.exists(po):
        return _PoTranslations(po)
    raise LookupError(f"no translation for language '{lang}' (looked for {DOMAIN}.mo and {po})")


def languages():
    """English and every language with a catalog in locale/."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
    found = [d for d in sorted(os.listdir(here)) if os.path.isdir(os.path.join(here, d, "LC_MESSAGES"))]
    return ["en", *found]
