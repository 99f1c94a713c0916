#!/usr/bin/env bash
# The whole suite, headless, on a fresh Debian 12 machine: installs what is missing, builds, and runs every
# test with offscreen widgets, a real Secret Service (gnome-keyring in a private D-Bus session) and a real
# authorization server (oidc-provider, started by the tests on 127.0.0.1).
#
# After the main suite passes, two more stages run (issue 8):
#   fuzz smoke   the libFuzzer targets built with clang in build-fuzz/, `ctest -L fuzz` (about 20 s each,
#                see tests/fuzz/tests.cmake; scripts/fuzz.sh is the longer run)
#   sanitizers   a Debug build with ASan + UBSan in build-asan/ (no GUI), `ctest -L unit`, with
#                ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 and tests/sanitizers/lsan.supp
# Any failure in any stage makes the exit status non-zero.
#
#   scripts/test.sh                     build in build-test/ and run ctest, then the two stages above
#   JOBS=2 scripts/test.sh              parallel build and test jobs (default: number of cores)
#   TOKENBENCH_QUICK=1 scripts/test.sh  the main suite only (quick local runs; CI runs everything)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/deps.sh test
scripts/npm-peers.sh

build=${BUILD_DIR:-build-test}
jobs=${JOBS:-$(nproc)}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
      -DTOKENBENCH_BUILD_TESTS=ON -DTOKENBENCH_BUILD_GUI=ON >/dev/null
cmake --build "$build" -j"$jobs"

# A private keyring for this run: never the user's, removed afterwards.
keyring=$(mktemp -d)
trap 'rm -rf "$keyring"' EXIT
mkdir -m 700 "$keyring/data" "$keyring/run" "$keyring/config"
export XDG_DATA_HOME="$keyring/data" XDG_RUNTIME_DIR="$keyring/run" XDG_CONFIG_HOME="$keyring/config"
export QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY

dbus-run-session -- sh -c '
  echo -n tokenbench-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
  exec ctest --test-dir "$1" --output-on-failure -j "$2"
' sh "$build" "$jobs"

if [ "${TOKENBENCH_QUICK:-0}" = 1 ]; then
  echo "TOKENBENCH_QUICK=1: fuzz smoke and sanitizer stages skipped" >&2
  exit 0
fi

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Leaks reported from inside third-party libraries only; see the file for each entry's reason.
export LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0

# Fuzz smoke: every libFuzzer target for a short run from its seed corpus (clang only).
stage_start=$SECONDS
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" \
      -DCMAKE_COMPILE_WARNING_AS_ERROR=ON -DTOKENBENCH_BUILD_FUZZERS=ON -DTOKENBENCH_BUILD_GUI=OFF \
      -DTOKENBENCH_BUILD_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzzers
ctest --test-dir build-fuzz -L fuzz --output-on-failure -j "$jobs"
echo "fuzz smoke stage: $((SECONDS - stage_start)) s" >&2

# Sanitizers: the unit tests (label `unit`) under AddressSanitizer + UndefinedBehaviorSanitizer. Only
# their executables (and what they need) are built.
stage_start=$SECONDS
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
      -DTOKENBENCH_ENABLE_SANITIZERS=ON -DTOKENBENCH_BUILD_GUI=OFF -DTOKENBENCH_BUILD_TESTS=ON >/dev/null
mapfile -t unit_tests < <(ctest --test-dir build-asan -N -L unit | sed -n 's/^ *Test *#[0-9]*: //p')
[ ${#unit_tests[@]} -gt 0 ] || { echo "no tests labelled unit in build-asan" >&2; exit 1; }
cmake --build build-asan -j"$jobs" --target "${unit_tests[@]}"
ctest --test-dir build-asan -L unit --output-on-failure -j "$jobs"
echo "sanitizer stage: $((SECONDS - stage_start)) s" >&2
