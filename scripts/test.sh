#!/usr/bin/env bash
# Builds and runs the whole test suite (release preset). With --sanitizers, runs it again under
# AddressSanitizer + UndefinedBehaviorSanitizer, then runs the multi-threaded tests (schedulers,
# experiment runner) under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
jobs="${BSTP_TEST_JOBS:-2}"
run_preset() {
  local preset="$1"; shift
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs" --timeout 1200 "$@"
}
if [ "${1:-}" = "--sanitizers" ]; then
  run_preset asan
  # ThreadSanitizer: the tests that run more than one thread.
  run_preset tsan -R "Scheduler|scheduler|Parallel|two_threads|same_bits|Causality|lp_thread|Balance|Executor"
else
  run_preset release
fi
