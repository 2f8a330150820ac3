#!/bin/sh
# experiment_case.sh CASE BSTP PYTHON WORKDIR [MPIEXEC]: one end-to-end test of bstp sweep/run/merge,
# run from the source directory. Each case compares results files bit for bit with
# compare_results.py (provenance and wall-clock times aside):
#   threads    1 thread = 2 threads
#   resume     killed (BSTP_TEST_CRASH_AFTER) and resumed = uninterrupted, for sweep and run
#   interrupt  SIGTERM, then --resume = uninterrupted
#   shards     --shard 0/3, 1/3, 2/3 joined by bstp merge = one run
#   mpi        mpirun -n 2 = one process (and an MPI run killed and resumed under MPI)
set -u
case="$1"; bstp="$2"; python="$3"; work="$4"; mpiexec="${5:-}"
here=tests/experiments
sweep=$here/sweeps/small.yaml
tutorial=scenarios/tutorial.yaml

fail() { echo "FAIL ($case): $*" >&2; exit 1; }
same() {
  for f in "$1" "$2"; do [ -e "$f" ] || { ls -la "$work"; fail "$f is missing"; }; done
  "$python" $here/compare_results.py "$1" "$2" || fail "$1 and $2 differ"
}
# expect CODE COMMAND...: runs COMMAND (output in $work/last.txt) and checks its exit code.
expect() {
  code=$1; shift
  "$@" > "$work/last.txt" 2>&1; rc=$?
  [ "$rc" -eq "$code" ] || { cat "$work/last.txt"; fail "expected exit code $code, got $rc from: $*"; }
}
no_file() { [ ! -e "$1" ] || fail "$1 should not exist"; }
no_temporaries() { ! ls "$work" | grep -q '\.tmp-' || fail "a temporary file was left in $work"; }

rm -rf "$work" && mkdir -p "$work" || exit 1
case "$case" in
threads)
  expect 0 "$bstp" sweep $sweep --threads 1 --out "$work/one.h5"
  expect 0 "$bstp" sweep $sweep --threads 2 --out "$work/two.h5"
  same "$work/one.h5" "$work/two.h5"
  ;;
resume)
  expect 0 "$bstp" sweep $sweep --threads 2 --out "$work/full.h5"
  expect 130 env BSTP_TEST_CRASH_AFTER=5 "$bstp" sweep $sweep --threads 2 --out "$work/cut.h5"
  no_file "$work/cut.h5"; no_temporaries
  [ -s "$work/cut.h5.journal" ] || fail "the killed run left no journal"
  expect 2 "$bstp" sweep $sweep --threads 2 --out "$work/cut.h5"
  grep -q "pass --resume to continue it" "$work/last.txt" || fail "no hint to --resume"
  printf 'torn record' >> "$work/cut.h5.journal"  # as if killed in the middle of a write
  expect 130 env BSTP_TEST_CRASH_AFTER=7 "$bstp" sweep $sweep --threads 1 --out "$work/cut.h5" --resume
  expect 0 "$bstp" sweep $sweep --threads 2 --out "$work/cut.h5" --resume
  grep -q "resuming: 12 replications read" "$work/last.txt" || { cat "$work/last.txt"; fail "did not resume 12"; }
  no_file "$work/cut.h5.journal"
  same "$work/full.h5" "$work/cut.h5"
  # bstp run too, and a journal of another experiment is refused.
  expect 0 "$bstp" run $tutorial --replications 5 --out "$work/run-full.h5"
  expect 130 env BSTP_TEST_CRASH_AFTER=4 "$bstp" run $tutorial --replications 5 --out "$work/run-cut.h5"
  expect 2 "$bstp" run $tutorial --replications 5 --seed 99 --out "$work/run-cut.h5" --resume
  grep -q "seed differs" "$work/last.txt" || { cat "$work/last.txt"; fail "no 'seed differs'"; }
  expect 0 "$bstp" run $tutorial --replications 5 --out "$work/run-cut.h5" --resume
  same "$work/run-full.h5" "$work/run-cut.h5"
  ;;
interrupt)
  long="$work/long.yaml"  # the example sweep with 20 replications: a few seconds
  sed "s|^scenario: .*|scenario: $PWD/$tutorial|; s/^replications: .*/replications: 20/" scenarios/sweeps/training_seats.yaml > "$long"
  expect 0 "$bstp" sweep $long --threads 2 --out "$work/full.h5"
  "$bstp" sweep $long --threads 2 --out "$work/cut.h5" > "$work/cut.txt" 2>&1 &
  pid=$!
  # Once the journal exists the run handles signals; then let it finish a few replications.
  i=0; while [ ! -e "$work/cut.h5.journal" ] && [ $i -lt 600 ] && kill -0 $pid 2> /dev/null; do sleep 0.1; i=$((i + 1)); done
  sleep 0.5
  kill -TERM $pid
  wait $pid; rc=$?
  if [ "$rc" -eq 130 ]; then
    no_file "$work/cut.h5"; no_temporaries
    grep -q "run the same command with --resume" "$work/cut.txt" || fail "no hint to --resume"
    expect 0 "$bstp" sweep $long --threads 2 --out "$work/cut.h5" --resume
  else
    [ "$rc" -eq 0 ] || { cat "$work/cut.txt"; fail "exit code $rc after SIGTERM"; }
    echo "(the sweep finished before the signal)"
  fi
  same "$work/full.h5" "$work/cut.h5"
  ;;
shards)
  expect 0 "$bstp" sweep $sweep --out "$work/full.h5"
  for i in 0 1 2; do expect 0 "$bstp" sweep $sweep --shard $i/3 --out "$work/part-$i.h5"; done
  expect 2 "$bstp" merge "$work/merged.h5" "$work/part-0.h5" "$work/part-2.h5"
  grep -q "replications 1" "$work/last.txt" || { cat "$work/last.txt"; fail "missing shard not named"; }
  no_file "$work/merged.h5"
  expect 0 "$bstp" merge "$work/merged.h5" "$work/part-2.h5" "$work/part-0.h5" "$work/part-1.h5"
  same "$work/full.h5" "$work/merged.h5"
  expect 2 "$bstp" merge "$work/merged.h5" "$work/part-0.h5"
  grep -q "exists; pass --force" "$work/last.txt" || fail "merge overwrote its output"
  sed "s|^scenario: .*|scenario: $PWD/$tutorial|; s/^seed: 7\$/seed: 8/" $sweep > "$work/other-seed.yaml"
  expect 0 "$bstp" sweep "$work/other-seed.yaml" --shard 1/3 --out "$work/other-1.h5"
  expect 2 "$bstp" merge "$work/odd.h5" "$work/part-0.h5" "$work/other-1.h5"
  grep -q "not part of the same experiment" "$work/last.txt" || { cat "$work/last.txt"; fail "foreign shard accepted"; }
  ;;
mpi)
  [ -n "$mpiexec" ] || { echo "no mpiexec"; exit 77; }
  mpi="$mpiexec -n 2 --oversubscribe"
  expect 0 "$bstp" sweep $sweep --threads 1 --out "$work/single.h5"
  expect 0 $mpi "$bstp" sweep $sweep --threads 1 --out "$work/mpi.h5"
  same "$work/single.h5" "$work/mpi.h5"
  expect 0 "$bstp" run $tutorial --replications 4 --out "$work/run-single.h5"
  expect 0 $mpi "$bstp" run $tutorial --replications 4 --threads 2 --out "$work/run-mpi.h5"
  same "$work/run-single.h5" "$work/run-mpi.h5"
  BSTP_TEST_CRASH_AFTER=9 $mpi -x BSTP_TEST_CRASH_AFTER "$bstp" sweep $sweep --threads 1 --out "$work/cut.h5" > "$work/last.txt" 2>&1 \
    && fail "the killed MPI run succeeded"
  no_file "$work/cut.h5"
  expect 0 $mpi "$bstp" sweep $sweep --threads 1 --out "$work/cut.h5" --resume
  same "$work/single.h5" "$work/cut.h5"
  ;;
*) echo "unknown case $case" >&2; exit 2 ;;
esac
echo "PASS ($case)"
