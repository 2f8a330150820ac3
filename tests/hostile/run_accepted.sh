#!/bin/sh
# run_accepted.sh BSTP DIR: every scenario under DIR that `bstp validate` accepts also runs
# (`bstp run FILE --replications 1`, exit 0). Fails on the first one that does not.
bstp="$1"; dir="$2"; accepted=0
for file in "$dir"/*.yaml; do
  timeout 60 "$bstp" validate "$file" >/dev/null 2>&1 || continue
  accepted=$((accepted + 1))
  if ! out=$(timeout 300 "$bstp" run "$file" --replications 1 --threads 1 2>&1); then
    printf '%s\n' "$out" >&2
    echo "$file: validates but does not run" >&2
    exit 1
  fi
  echo "$file: validates and runs"
done
[ "$accepted" -gt 0 ] || { echo "no file under $dir validates: nothing was checked" >&2; exit 1; }
exit 0
