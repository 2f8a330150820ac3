#!/usr/bin/env bash
# Builds and runs the whole test suite (release preset). With --sanitizers, runs it again under
# AddressSanitizer + UndefinedBehaviorSanitizer and ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
presets=(release)
[ "${1:-}" = "--sanitizers" ] && presets=(asan tsan)
for preset in "${presets[@]}"; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j 2
  ctest --preset "$preset" -j 2 --timeout 900
done
