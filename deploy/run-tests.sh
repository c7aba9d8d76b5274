#!/usr/bin/env bash
# Builds with warnings as errors and runs every test (unit and integration), then does the same
# under AddressSanitizer and UndefinedBehaviorSanitizer, then fuzzes the GED-188 decoder briefly. This is the README's test command and
# exactly what CI runs after deploy/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DFGW_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS"
  ctest --test-dir "$dir" --output-on-failure -j"$JOBS" --timeout 120
}

echo "== build and test (RelWithDebInfo, -Werror) =="
run_suite build/ci -DCMAKE_BUILD_TYPE=RelWithDebInfo

echo "== build and test under ASan + UBSan =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build/asan -DCMAKE_BUILD_TYPE=Debug -DFGW_SANITIZE=ON

echo "== fuzz the GED-188 decoder (libFuzzer, ${FUZZ_SECONDS:-30} s) =="
tests/fuzz/run.sh "${FUZZ_SECONDS:-30}"

echo "== all tests passed =="
