#!/bin/sh
# Measures what docs/cluster.md reports for experiments:
#   1. sweep throughput (replications/s) of a small region sweep on 1 and 2 threads, and on 1 and
#      2 MPI ranks of 1 thread each;
#   2. the share of the wall time spent writing results (checkpoint journal + HDF5 file);
#   3. peak memory (/usr/bin/time -v) for 10 and 40 replications of the tutorial sweep and 2 and
#      8 replications of the region sweep: it grows only with the results arrays.
# Usage, from the repository root after a release build:
#   bench/experiment_throughput.sh [BSTP] [REPEATS]
# BSTP defaults to build/release/tools/bstp; REPEATS (default 1) rounds of the four throughput
# runs are interleaved and the fastest run of each kept, to see through a shared, noisy machine.
# CPU seconds (user + system, /usr/bin/time) show the cost of threads and ranks whatever the load.
# About 3 minutes a round on 2 quiet cores.
set -eu
bstp=${1:-build/release/tools/bstp}
repeats=${2:-1}
region=scenarios/sweeps/region_training_coordination.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 BSTP_TIMING=1

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available," \
     "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bstp" --version
command -v mpirun > /dev/null && mpirun --version 2>/dev/null | head -1

# run_once LABEL COMMAND...: one sweep with BSTP_TIMING under /usr/bin/time; keeps the fastest
# run of each label (wall time, its timing line, and the CPU seconds it used).
run_once() {
  label=$(echo "$1" | tr ' ' '_'); shift
  rm -f "$work/out.h5"
  /usr/bin/time -f "cpu %U %S" "$@" --out "$work/out.h5" > /dev/null 2> "$work/err.txt"
  line=$(grep '^timing:' "$work/err.txt")
  wall=$(echo "$line" | sed 's/.* in \([0-9.]*\) s wall.*/\1/')
  cpu=$(awk '/^cpu / {print $2 + $3}' "$work/err.txt")
  if [ ! -e "$work/wall-$label" ] || awk "BEGIN { exit !($wall < $(cat "$work/wall-$label")) }"; then
    echo "$wall" > "$work/wall-$label"
    echo "$line" > "$work/line-$label"
    echo "$cpu" > "$work/cpu-$label"
  fi
}
ratio() { awk "BEGIN { printf \"%.2f\", $(cat "$work/wall-$1") / $(cat "$work/wall-$2") }"; }
report() {
  label=$(echo "$1" | tr ' ' '_')
  printf '%-24s %s; %s CPU s\n' "$1" "$(sed 's/^timing: //' "$work/line-$label")" "$(cat "$work/cpu-$label")"
}

echo
echo "== 1. throughput: $region ($("$bstp" sweep $region --list | head -1)), fastest of $repeats interleaved rounds"
have_mpi=$(command -v mpirun > /dev/null && echo yes || echo no)
round=1
while [ "$round" -le "$repeats" ]; do
  run_once "1 thread" "$bstp" sweep $region --threads 1
  run_once "2 threads" "$bstp" sweep $region --threads 2
  if [ "$have_mpi" = yes ]; then
    run_once "1 MPI rank x 1 thread" mpirun -n 1 "$bstp" sweep $region --threads 1
    run_once "2 MPI ranks x 1 thread" mpirun -n 2 --oversubscribe "$bstp" sweep $region --threads 1
  fi
  echo "(round $round done, load average $(cut -d' ' -f1 /proc/loadavg))"
  round=$((round + 1))
done
report "1 thread"
report "2 threads"
echo "speed-up, 2 threads over 1:     $(ratio 1_thread 2_threads)x"
if [ "$have_mpi" = yes ]; then
  report "1 MPI rank x 1 thread"
  report "2 MPI ranks x 1 thread"
  echo "speed-up, 2 ranks over 1 rank:  $(ratio 1_MPI_rank_x_1_thread 2_MPI_ranks_x_1_thread)x"
fi

echo
echo "== 2. writing results: see 'checkpoints' and 'results file' in the lines above"

echo
echo "== 3. peak memory (maximum resident set size)"
memory() {
  sweep=$1; replications=$2
  sed "s|^scenario: \(.*\)|scenario: $PWD/$(dirname "$sweep")/\1|; s/^replications: .*/replications: $replications/" "$sweep" \
    > "$work/sweep.yaml"
  rm -f "$work/out.h5"
  /usr/bin/time -v "$bstp" sweep "$work/sweep.yaml" --threads 2 --out "$work/out.h5" > /dev/null 2> "$work/time.txt"
  kib=$(awk -F: '/Maximum resident set size/ {print $2}' "$work/time.txt" | tr -d ' ')
  points=$("$bstp" sweep "$work/sweep.yaml" --list | head -1 | cut -d' ' -f1)
  size=$(stat -c %s "$work/out.h5")
  printf '%-48s %4s points x %3s replications: peak %6.1f MiB, file %6.1f KiB\n' "$sweep" "$points" "$replications" \
    "$(awk "BEGIN { print $kib / 1024 }")" "$(awk "BEGIN { print $size / 1024 }")"
}
memory scenarios/sweeps/training_seats.yaml 10
memory scenarios/sweeps/training_seats.yaml 40
memory scenarios/sweeps/training_seats.yaml 160
memory $region 2
memory $region 8
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
