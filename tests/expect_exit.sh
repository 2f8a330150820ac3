#!/bin/sh
# expect_exit.sh CODE REGEX COMMAND...: passes when COMMAND exits with CODE and its combined
# stdout+stderr matches the extended regular expression REGEX (empty REGEX matches anything).
code="$1"; regex="$2"; shift 2
out=$("$@" 2>&1); rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$code" ]; then echo "expected exit code $code, got $rc" >&2; exit 1; fi
if [ -n "$regex" ] && ! printf '%s\n' "$out" | grep -Eq -- "$regex"; then
  echo "output does not match: $regex" >&2; exit 1
fi
exit 0
