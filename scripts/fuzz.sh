#!/usr/bin/env bash
# The longer fuzz run: builds the libFuzzer targets with clang in build-fuzz/ (as scripts/test.sh does for
# its short smoke run) and runs each target for SECONDS from its seed corpus in tests/fuzz/corpus/<target>/.
#
#   scripts/fuzz.sh                    600 s per target (fuzz_hcl, fuzz_jwt, fuzz_tokenresponse,
#                                      fuzz_workspace, fuzz_redactor, fuzz_curlimport), one after the other
#   scripts/fuzz.sh 60                 60 s per target
#   FUZZ_TARGETS="hcl workspace" scripts/fuzz.sh 1800
#
# The seeds are never modified: new corpus entries go to a temporary directory (printed at the end, kept
# for you to look at or to merge into the seeds with `build-fuzz/tests/fuzz_<t> -merge=1
# tests/fuzz/corpus/<t> <dir>/<t>/corpus`). A crash, leak, timeout or out-of-memory input is written to
# that directory as well (<dir>/<t>/crash-*, leak-*, timeout-*, oom-*) and reported in the summary;
# reproduce it with `build-fuzz/tests/fuzz_<t> <file>`. Exit status: 0 when every target ran clean.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

seconds=${1:-600}
case $seconds in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
targets=${FUZZ_TARGETS:-hcl jwt tokenresponse workspace redactor curlimport}
jobs=${JOBS:-$(nproc)}

scripts/deps.sh test
build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" \
      -DCMAKE_COMPILE_WARNING_AS_ERROR=ON -DTOKENBENCH_BUILD_FUZZERS=ON -DTOKENBENCH_BUILD_GUI=OFF \
      -DTOKENBENCH_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$jobs" --target fuzzers

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
work=$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-fuzz.XXXXXX")
failed=0
summary=()
for t in $targets; do
  exe="$build/tests/fuzz_$t"
  seeds="tests/fuzz/corpus/$t"
  extra=()
  # The HCL target also starts from the project's Couper-style test corpus (tests/data/couper) and,
  # when it lies beside the checkout, the shared reference corpus of real Couper files.
  if [ "$t" = hcl ]; then
    extra=(tests/data/couper)
    if [ -d ../shared/reference/couper-hcl-corpus ]; then
      extra+=(../shared/reference/couper-hcl-corpus)
    fi
  fi
  [ -x "$exe" ] || { echo "no fuzz target fuzz_$t in $build" >&2; exit 2; }
  mkdir -p "$work/$t/corpus"
  echo "== fuzz_$t: ${seconds}s from $seeds" >&2
  status=ok
  "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
         -artifact_prefix="$work/$t/" "$work/$t/corpus" "$seeds" "${extra[@]}" >"$work/$t/log" 2>&1 || status=FAILED
  if [ "$status" != ok ]; then
    failed=1
    grep -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|Test unit written to' "$work/$t/log" | head -5 >&2 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t/log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$work/$t/log" | tail -1)
  new=$(find "$work/$t/corpus" -type f | wc -l)
  summary+=("$(printf '%-20s %-7s %12s runs  %-22s %6s new corpus entries' "fuzz_$t" "$status" "${runs:-?}" "${cov:-cov: ?}" "$new")")
done

echo
echo "Fuzzing summary (${seconds}s per target; logs, new corpus entries and any crash inputs in $work):"
printf '  %s\n' "${summary[@]}"
exit $failed
