#!/bin/sh
# Refreshes the translation template from the code and merges it into every language's catalog
# (docs/report.md, "Translating"). With a language code (e.g. `pt`), first starts that language's
# catalog, every message untranslated. Needs Debian's gettext. Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
pot=$(mktemp)
xgettext --language=Python --from-code=UTF-8 -k_ -kN_ --no-wrap --sort-by-file --package-name=bstp-report \
  -o "$pot" ./*.py templates/report.html.j2 templates/review.html.j2
# The strings are str.format templates: a literal "%" is not a printf directive.
sed -i "s/charset=CHARSET/charset=UTF-8/; s/^#, python-format, python-brace-format$/#, python-brace-format/; /^#, python-format$/d" "$pot"
if [ $# -gt 0 ] && [ ! -e "locale/$1/LC_MESSAGES/bstp_report.po" ]; then
  mkdir -p "locale/$1/LC_MESSAGES"
  msginit --no-translator --no-wrap --locale="$1" --input="$pot" --output-file="locale/$1/LC_MESSAGES/bstp_report.po"
fi
for po in locale/*/LC_MESSAGES/bstp_report.po; do
  msgmerge --quiet --update --backup=none --no-wrap "$po" "$pot"
  msgattrib --no-obsolete --no-wrap --output-file="$po" "$po"
  msgfmt --check --statistics -o /dev/null "$po"
done
rm -f "$pot"
