#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (the `fuzz` preset: clang-14, ASan + UBSan) and runs
# each for SECONDS (default 60) on a copy of its seed corpus in tests/fuzz/corpus/<target>/.
# Exits non-zero when a target finds a crash, a sanitizer report or an unexpected exception; the
# input is left in build/fuzz/findings/<target>/ (crash-*, leak-*, timeout-*, oom-*).
#   usage: scripts/fuzz.sh [SECONDS]       explore for SECONDS per target (default 60), random seed
#          scripts/fuzz.sh --runs N       exactly N inputs per target from seed 1: the same inputs on
#                                         every machine, so CI's verdict does not depend on speed or luck
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/fuzz.sh [SECONDS] | --runs N  (whole numbers)"
if [ "${1:-}" = "--runs" ]; then
  runs="${2:-}"
  case "$runs" in '' | *[!0-9]*) echo "$usage" >&2; exit 2 ;; esac
  limit=(-runs="$runs" -seed=1)
  what="$runs inputs, seed 1"
else
  seconds="${1:-60}"
  case "$seconds" in '' | *[!0-9]*) echo "$usage" >&2; exit 2 ;; esac
  limit=(-max_total_time="$seconds")
  what="${seconds} s"
fi
jobs="${BSTP_TEST_JOBS:-2}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in fuzz_scenario fuzz_sweep_file; do
  work="build/fuzz/findings/$target"
  rm -rf "$work" && mkdir -p "$work/corpus"
  cp tests/fuzz/corpus/"$target"/* "$work/corpus/"
  echo "== $target: $what"
  if ! "build/fuzz/tests/fuzz/$target" "${limit[@]}" -timeout=25 -rss_limit_mb=2048 \
      -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" >"$work/log" 2>&1; then
    tail -n 60 "$work/log" >&2
    echo "$target: FAILED; the input is in $work/ (replay: build/fuzz/tests/fuzz/$target $work/crash-...)" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done" "$work/log" || true
  fi
done
exit "$status"
