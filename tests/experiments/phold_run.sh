#!/bin/sh
# PHOLD through the experiment layer: `bstp run PHOLD.yaml` gives, for every replication r, the
# checksum and committed events of `bstp phold` with --seed seed + r; with --lp-threads 2 the same;
# two shards merged equal one run (compare_results.py, bit for bit but timing and provenance);
# `bstp sweep` of the PHOLD file gives each point's `bstp phold` checksums.
# With MPIEXEC, two MPI ranks sharing the run write the same file too.
# Usage: phold_run.sh BSTP PYTHON3 WORKDIR [MPIEXEC]
set -eu
bstp=$1 py=$2 work=$3 mpiexec=${4:-}
here=$(dirname "$0")
file=$here/phold/small.yaml
rm -rf "$work" && mkdir -p "$work"

"$bstp" run "$file" --format csv --jobs 2 > "$work/run.csv"
"$bstp" run "$file" --format csv --lp-threads 2 --exact-lp-threads > "$work/run-lp2.csv"
for r in 0 1 2 3; do
  seed=$((7 + r))
  "$bstp" phold --lps 64 --population 2 --remote 0.5 --lookahead 0.1 --mean 1.0 --end 50 --seed $seed --format csv \
    > "$work/phold-$r.csv"
  # bstp phold: committed_events is column 9 and checksum column 15; bstp run: columns 4 and 9.
  want=$(sed -n 2p "$work/phold-$r.csv" | cut -d, -f9,15)
  for out in run run-lp2; do
    got=$(awk -F, -v r=$r 'NR > 1 && $2 == r { print $4 "," $9 }' "$work/$out.csv")
    if [ "$got" != "$want" ]; then
      echo "replication $r ($out): bstp run gives '$got', bstp phold --seed $seed gives '$want'"; exit 1
    fi
  done
done

# In text, the summary's mean of committed_events is the mean of the four replications' rows.
"$bstp" run "$file" > "$work/run.txt" 2> /dev/null
want=$(awk -F, 'NR > 1 { s += $4; n += 1 } END { printf "%.6f", s / n }' "$work/run.csv")
got=$(awk '/Mean and 95% interval/ { on = 1 } on && $2 == "committed_events" { print $3 }' "$work/run.txt")
if ! awk -v a="$got" -v b="$want" 'BEGIN { exit !(a != "" && (a - b) * (a - b) < 1e-6) }'; then
  echo "summary mean of committed_events: '$got', the rows give $want"; exit 1
fi
"$bstp" run "$file" --out "$work/all.h5" > /dev/null
"$bstp" run "$file" --shard 0/2 --out "$work/part-0.h5" > /dev/null
"$bstp" run "$file" --shard 1/2 --out "$work/part-1.h5" > /dev/null
"$bstp" merge "$work/merged.h5" "$work/part-0.h5" "$work/part-1.h5"
# A shard alone is not the experiment: merge refuses it without --partial.
if "$bstp" merge "$work/half.h5" "$work/part-0.h5" 2> "$work/half.err"; then echo "merge of one shard succeeded"; exit 1; fi
grep -q "replications are in none of the files" "$work/half.err"
if [ -n "$mpiexec" ]; then
  "$mpiexec" -n 2 "$bstp" run "$file" --out "$work/mpi.h5" > /dev/null 2>&1
  "$py" "$here/compare_results.py" "$work/all.h5" "$work/mpi.h5" --ignore-timing /run/events_per_second
fi
# Killed after its second checkpoint, then resumed: the same file as one run.
if BSTP_TEST_CRASH_AFTER=2 "$bstp" run "$file" --jobs 1 --out "$work/resumed.h5" > /dev/null 2>&1; then
  echo "the run meant to crash finished"; exit 1
fi
test -f "$work/resumed.h5.journal"
"$bstp" run "$file" --out "$work/resumed.h5" --resume 2> "$work/resumed.err" > /dev/null
grep -q "resuming: 2 replications read" "$work/resumed.err"
"$py" "$here/compare_results.py" "$work/all.h5" "$work/resumed.h5" --ignore-timing /run/events_per_second
# --resume next to the finished file: nothing to run.
"$bstp" run "$file" --out "$work/all.h5" --resume 2> "$work/resume.err" > /dev/null
grep -q "already complete" "$work/resume.err"
"$py" "$here/compare_results.py" "$work/all.h5" "$work/merged.h5" --ignore-timing /run/events_per_second
# A sweep over remote: each point's replications are bstp phold with its remote and seed 7 + r.
"$bstp" sweep "$here/phold/remote.yaml" --out "$work/sweep.h5" --format csv > "$work/sweep.csv"
for remote in 0.25 0.75; do
  for r in 0 1; do
    want=$("$bstp" phold --lps 64 --population 2 --remote $remote --lookahead 0.1 --mean 1.0 --end 50 --seed $((7 + r)) \
      --format csv | sed -n 2p | cut -d, -f9,15)
    got=$(awk -F, -v p="remote=$remote" -v r=$r 'NR > 1 && $1 == p && $2 == r { print $4 "," $9 }' "$work/sweep.csv")
    if [ "$got" != "$want" ]; then
      echo "sweep point remote=$remote replication $r: '$got', bstp phold gives '$want'"; exit 1
    fi
  done
done
# bstp report is of the border model's files; bstp merge refuses a PHOLD sweep beside a PHOLD run.
if "$bstp" report "$work/all.h5" -o "$work/report.html" 2> "$work/report.err"; then echo "bstp report took a PHOLD file"; exit 1; fi
grep -q "holds results of model 'phold'" "$work/report.err"
if "$bstp" merge "$work/mixed.h5" "$work/all.h5" "$work/sweep.h5" 2> "$work/mixed.err"; then echo "merged a run and a sweep"; exit 1; fi
grep -q "is not part of the same experiment" "$work/mixed.err"
echo "PHOLD through bstp run, bstp sweep and bstp merge: same checksums as bstp phold, shards merged equal one run"
