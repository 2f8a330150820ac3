#!/bin/sh
# Refreshes the template of bstp tabletop's messages from the code and merges it into every
# language's catalog (docs/tabletop.md, "Translating"). With a language code (e.g. `pt`), first
# starts that language's catalog, every message untranslated. Needs Debian's gettext.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
pot=$(mktemp)
xgettext --language=C++ --from-code=UTF-8 -ktr -kN_ --no-wrap --sort-by-file --package-name=bstp-tabletop \
  -o "$pot" ./*.cpp ../tabletop_command.cpp ../../models/border/order_language.cpp
# The messages are fmt templates ({} placeholders): a literal "%" is not a printf directive.
sed -i "s/charset=CHARSET/charset=UTF-8/; /^#, c-format$/d" "$pot"
if [ $# -gt 0 ] && [ ! -e "locale/$1/bstp_tabletop.po" ]; then
  mkdir -p "locale/$1"
  msginit --no-translator --no-wrap --locale="$1" --input="$pot" --output-file="locale/$1/bstp_tabletop.po"
fi
for po in locale/*/bstp_tabletop.po; do
  msgmerge --quiet --update --backup=none --no-wrap "$po" "$pot"
  msgattrib --no-obsolete --no-wrap --output-file="$po" "$po"
  msgfmt --check --statistics -o /dev/null "$po"
done
rm -f "$pot"
