#!/bin/sh
# Refreshes the translation template from the code and merges it into every language's catalog
# (docs/report.md, "Translating"). Needs Debian's gettext. Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
pot=$(mktemp)
xgettext --language=Python --from-code=UTF-8 -k_ -kN_ --no-wrap --sort-by-file --package-name=bstp-report \
  -o "$pot" ./*.py templates/report.html.j2
# The strings are str.format templates: a literal "%" is not a printf directive.
sed -i "s/charset=CHARSET/charset=UTF-8/; s/^#, python-format, python-brace-format$/#, python-brace-format/; /^#, python-format$/d" "$pot"
for po in locale/*/LC_MESSAGES/bstp_report.po; do
  msgmerge --quiet --update --backup=none --no-wrap "$po" "$pot"
  msgfmt --check --statistics -o /dev/null "$po"
done
rm -f "$pot"
