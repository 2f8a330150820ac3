#!/bin/sh
# compare_transcript.sh EXPECTED COMMAND...: runs COMMAND and passes when its standard output is
# byte for byte the file EXPECTED. With BSTP_UPDATE_GOLDEN=1, writes EXPECTED instead (check the
# diff with git diff and commit it with the change that explains it).
expected=$1; shift
actual=$(mktemp)
"$@" > "$actual" || { echo "command failed: $*" >&2; rm -f "$actual"; exit 1; }
if [ "${BSTP_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$expected"; rm -f "$actual"; echo "wrote $expected"; exit 0
fi
if ! cmp -s "$actual" "$expected"; then
  echo "transcript differs from $expected:"; diff "$expected" "$actual" | head -40; rm -f "$actual"; exit 1
fi
rm -f "$actual"
echo "same as $expected ($(wc -l < "$expected") lines)"
