#!/bin/sh
# expect_same_output.sh COMMAND_A... -- COMMAND_B...: passes when both commands succeed and print
# exactly the same standard output.
a=""; while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do a="$a '$1'"; shift; done; shift
b=""; for arg in "$@"; do b="$b '$arg'"; done
out_a=$(eval "$a") || { echo "first command failed: $a" >&2; exit 1; }
out_b=$(eval "$b") || { echo "second command failed: $b" >&2; exit 1; }
if [ "$out_a" != "$out_b" ]; then
  echo "outputs differ:"; printf '%s\n' "$out_a" > /tmp/bstp_same_a.$$; printf '%s\n' "$out_b" > /tmp/bstp_same_b.$$
  diff /tmp/bstp_same_a.$$ /tmp/bstp_same_b.$$ | head -20; rm -f /tmp/bstp_same_a.$$ /tmp/bstp_same_b.$$; exit 1
fi
echo "identical ($(printf '%s\n' "$out_a" | wc -l) lines)"
