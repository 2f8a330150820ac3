#!/bin/sh
# merge_damaged_shard.sh BSTP SHARD OUT: `bstp merge OUT SHARD` of a shard with a flipped bit must
# exit 2 naming the file, the dataset and the damage, write nothing, and leave HDF5 nothing to
# complain about at exit (no "infinite loop closing library", no HDF5-DIAG error dump).
bstp="$1"; shard="$2"; out="$3"
rm -f "$out"
output=$("$bstp" merge "$out" "$shard" --partial 2>&1); rc=$?
printf '%s\n' "$output"
fail() { echo "FAIL: $1" >&2; exit 1; }
[ "$rc" -eq 2 ] || fail "expected exit code 2, got $rc"
printf '%s\n' "$output" | grep -q "cannot read results file '$shard'" || fail "the message does not name the shard"
printf '%s\n' "$output" | grep -q "the file is damaged (a checksum does not match" || fail "the message does not say it is damaged"
printf '%s\n' "$output" | grep -Eqi "infinite loop|HDF5-DIAG" && fail "HDF5 complained"
[ ! -e "$out" ] || fail "$out was written"
exit 0
