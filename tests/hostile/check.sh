#!/bin/sh
# check.sh BSTP FILE: the hostile input FILE gives the exit code and message its header states
# (`# expect-exit: N`, `# expect-message: TEXT`, a plain substring). A scenario is checked with
# `bstp validate`; one that validates must also run (`bstp run FILE --replications 1`). A sweep
# (under sweeps/) is checked with `bstp sweep FILE --list`.
bstp="$1"; file="$2"
code=$(sed -n 's/^# expect-exit: *//p' "$file" | head -n 1)
message=$(sed -n 's/^# expect-message: *//p' "$file" | head -n 1)
[ -n "$code" ] || { echo "$file: no '# expect-exit: N' header" >&2; exit 1; }
case "$file" in
  */sweeps/*) out=$(timeout 60 "$bstp" sweep "$file" --list 2>&1); rc=$? ;;
  *) out=$(timeout 60 "$bstp" validate "$file" 2>&1); rc=$? ;;
esac
printf '%s\n' "$out"
if [ "$rc" -ne "$code" ]; then echo "$file: expected exit code $code, got $rc" >&2; exit 1; fi
if [ -n "$message" ] && ! printf '%s\n' "$out" | grep -Fq -- "$message"; then
  echo "$file: output does not contain: $message" >&2; exit 1
fi
exit 0
