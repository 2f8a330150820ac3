#!/bin/sh
# experiment_case.sh CASE BSTP PYTHON WORKDIR [MPIEXEC]: one end-to-end test of bstp sweep/run/merge,
# run from the source directory. Each case compares results files bit for bit with
# compare_results.py (provenance and wall-clock times aside):
#   threads    1 thread = 2 threads = 4 threads
#   resume     killed (BSTP_TEST_CRASH_AFTER) and resumed = uninterrupted, for sweep and run
#   interrupt  SIGTERM, then --resume = uninterrupted
#   shards     --shard 0/3, 1/3, 2/3 joined by bstp merge = one run
#   mpi        mpirun -n 2 = one process (and an MPI run killed and resumed under MPI)
#   outputs    what --out may be and when (locks, kinds of file, stale temporaries, --resume of a
#              finished file, damaged or foreign journals): refused at once with exit 2, or fine
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
  expect 0 "$bstp" sweep $sweep --threads 4 --out "$work/four.h5"
  expect 0 "$bstp" sweep $sweep --threads 2 --out "$work/two.h5"
  # stderr is not a terminal here: progress comes as plain lines, as in a batch job's log.
  grep -q "^bstp: .*small.yaml: 8 design points x 4 replications: 16/32 (50%), " "$work/last.txt" &&
    grep -q ": 32/32 (100%), .*, done in " "$work/last.txt" || { cat "$work/last.txt"; fail "no progress lines"; }
  same "$work/one.h5" "$work/two.h5"
  same "$work/one.h5" "$work/four.h5"
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
  grep -q "'baseline seats=20 share_trained=0.1' replication 1, .*bstp merge --missing lists them" "$work/last.txt" \
    || { cat "$work/last.txt"; fail "missing shard not named"; }
  no_file "$work/merged.h5"
  expect 0 "$bstp" merge --missing "$work/part-2.h5" "$work/part-0.h5"
  grep -q "shards still to run (1 of 3): 1\$" "$work/last.txt" || { cat "$work/last.txt"; fail "merge --missing"; }
  # Shards split the (point, replication) tasks: 3 shards of 8 points x 4 replications hold 11, 11, 10.
  "$python" - "$work" <<'PY' || fail "shards do not split the task list evenly"
import h5py, sys
for i, want in enumerate([11, 11, 10]):
    with h5py.File(f"{sys.argv[1]}/part-{i}.h5") as f:
        done = f["run/completed"][()]
        assert done.sum() == want, (i, done.sum(), done)
PY
  # More shards than tasks: a warning, and a shard with nothing to run still writes its file.
  expect 0 "$bstp" sweep $sweep --shard 35/40 --out "$work/empty.h5"
  grep -q "warning: 40 shards for 32 tasks" "$work/last.txt" || { cat "$work/last.txt"; fail "no warning"; }
  # --shard auto in a SLURM job array; a partial resubmission (--array=1,2) needs auto/N.
  expect 0 env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=2 SLURM_ARRAY_TASK_COUNT=3 \
    "$bstp" sweep $sweep --shard auto --out "$work/auto-1.h5"
  grep -q "Design points of shard 1/3" "$work/last.txt" || { cat "$work/last.txt"; fail "auto is not 1/3"; }
  grep -q "baseline seats=20 share_trained=0.1 *1 of 4 " "$work/last.txt" || { cat "$work/last.txt"; fail "no '1 of 4'"; }
  expect 2 env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=2 SLURM_ARRAY_TASK_COUNT=2 \
    "$bstp" sweep $sweep --shard auto --out "$work/auto-x.h5"
  grep -q "give it: --shard auto/N" "$work/last.txt" || { cat "$work/last.txt"; fail "partial array not refused"; }
  expect 0 env SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=2 SLURM_ARRAY_TASK_COUNT=2 \
    "$bstp" sweep $sweep --shard auto/3 --out "$work/auto-2.h5"
  expect 0 "$bstp" merge "$work/merged-auto.h5" "$work/part-0.h5" "$work/auto-1.h5" "$work/auto-2.h5" "$work/empty.h5"
  same "$work/full.h5" "$work/merged-auto.h5"
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
outputs)
  # expect_says CODE TEXT COMMAND...: exit code CODE and TEXT (fixed string) in the output.
  expect_says() {
    code=$1; text=$2; shift 2
    expect "$code" "$@"
    grep -qF -- "$text" "$work/last.txt" || { cat "$work/last.txt"; fail "no '$text' from: $*"; }
  }
  # A second run on an --out that a running one holds is refused at once, with or without --resume
  # or --force (flock(1) holds the lock here as a running bstp does).
  flock "$work/held.h5.lock" sleep 60 & holder=$!
  i=0; while ! flock -n -E 9 "$work/held.h5.lock" true; [ $? -ne 9 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  for flag in "" --resume --force; do
    expect_says 2 "held.h5 is in use" "$bstp" sweep $sweep --out "$work/held.h5" $flag
  done
  kill $holder; wait $holder 2> /dev/null; rm -f "$work/held.h5.lock"
  no_file "$work/held.h5.journal"
  # --force replaces only a regular file; --out is checked before anything runs.
  mkfifo "$work/fifo.h5" && expect_says 2 "fifo.h5' is a FIFO" "$bstp" sweep $sweep --out "$work/fifo.h5" --force
  ln -s full.h5 "$work/link.h5" && expect_says 2 "link.h5' is a symbolic link" "$bstp" sweep $sweep --out "$work/link.h5" --force
  no_file "$work/full.h5"
  mkdir "$work/dir.h5" && expect_says 2 "dir.h5' is a directory" "$bstp" run $tutorial --out "$work/dir.h5" --force
  expect_says 2 "directory '$work/none' does not exist" "$bstp" run $tutorial --out "$work/none/x.h5"
  if [ "$(id -u)" != 0 ]; then  # root writes anywhere
    mkdir "$work/ro" && chmod 555 "$work/ro"
    expect_says 2 "is not writable" "$bstp" run $tutorial --out "$work/ro/x.h5"
  fi
  # A finished file: the next run is refused, --resume says it is complete (exit 0) and leaves it.
  expect 0 "$bstp" sweep $sweep --out "$work/full.h5"
  cp "$work/full.h5" "$work/copy.h5"
  expect_says 2 "exists; pass --force" "$bstp" sweep $sweep --out "$work/full.h5"
  expect_says 0 "full.h5 is already complete" "$bstp" sweep $sweep --out "$work/full.h5" --resume
  cmp -s "$work/full.h5" "$work/copy.h5" || fail "--resume of a finished file changed it"
  sed "s|^scenario: .*|scenario: $PWD/$tutorial|; s/^seed: 7\$/seed: 8/" $sweep > "$work/other-seed.yaml"
  expect_says 2 "seed differs" "$bstp" sweep "$work/other-seed.yaml" --out "$work/full.h5" --resume
  # A finished file and the journal of a --force rerun: --resume finishes the rerun and replaces it.
  expect 130 env BSTP_TEST_CRASH_AFTER=3 "$bstp" sweep $sweep --threads 1 --out "$work/full.h5" --force
  expect_says 0 "resuming: 3 replications" "$bstp" sweep $sweep --out "$work/full.h5" --resume
  same "$work/copy.h5" "$work/full.h5"
  # Temporary files of killed writers of this output go (their PID is dead); a live one stays.
  dead=4000000; while kill -0 $dead 2> /dev/null; do dead=$((dead + 1)); done
  touch "$work/temp.h5.tmp-$dead" "$work/temp.h5.tmp-$$" "$work/other.h5.tmp-$dead"
  expect_says 0 "removed 1 temporary file of" "$bstp" run $tutorial --replications 2 --out "$work/temp.h5"
  no_file "$work/temp.h5.tmp-$dead"
  [ -e "$work/temp.h5.tmp-$$" ] && [ -e "$work/other.h5.tmp-$dead" ] || fail "removed a temporary file not stale or not ours"
  touch "$work/temp.h5.tmp-$dead"
  expect_says 0 "already complete" "$bstp" run $tutorial --replications 2 --out "$work/temp.h5" --resume
  no_file "$work/temp.h5.tmp-$dead"
  # Journals: damaged, of an older bstp, or with records of another experiment are bad input.
  expect 130 env BSTP_TEST_CRASH_AFTER=4 "$bstp" sweep $sweep --threads 1 --out "$work/cut.h5"
  expect 130 env BSTP_TEST_CRASH_AFTER=4 "$bstp" sweep "$work/other-seed.yaml" --threads 1 --out "$work/foreign.h5"
  cp "$work/cut.h5.journal" "$work/good.journal"
  "$python" - "$work/cut.h5.journal" "$work/foreign.h5.journal" <<'PY'
import struct, sys
def split(path):  # header (magic, length, identity, digest), records
    data = open(path, "rb").read()
    n = struct.unpack_from("<Q", data, 8)[0]
    return data[:24 + n], data[24 + n:]
head, records = split(sys.argv[1])
_, foreign = split(sys.argv[2])
size = len(records) // 4
open(sys.argv[1], "wb").write(head + records[:size] + foreign[size:2 * size] + records[2 * size:])
PY
  expect_says 2 "is damaged at byte" "$bstp" sweep $sweep --out "$work/cut.h5" --resume
  grep -qF -- "pass --force instead of --resume to start over" "$work/last.txt" || fail "no hint to --force"
  cp "$work/good.journal" "$work/cut.h5.journal"
  printf 'BSTPJNL1' | dd of="$work/cut.h5.journal" conv=notrunc 2> /dev/null
  expect_says 2 "journal of an older bstp" "$bstp" sweep $sweep --out "$work/cut.h5" --resume
  cp "$work/good.journal" "$work/cut.h5.journal"
  printf 'X' | dd of="$work/cut.h5.journal" bs=1 seek=40 conv=notrunc 2> /dev/null
  expect_says 2 "has a corrupt header" "$bstp" sweep $sweep --out "$work/cut.h5" --resume
  cp "$work/good.journal" "$work/cut.h5.journal"
  expect_says 2 "seed differs" "$bstp" sweep "$work/other-seed.yaml" --out "$work/cut.h5" --resume
  expect_says 0 "resuming: 4 replications" "$bstp" sweep $sweep --out "$work/cut.h5" --resume
  same "$work/copy.h5" "$work/cut.h5"
  for f in full cut temp; do no_file "$work/$f.h5.lock"; done  # (a killed run's, foreign.h5.lock, stays: harmless)
  ;;
*) echo "unknown case $case" >&2; exit 2 ;;
esac
echo "PASS ($case)"
