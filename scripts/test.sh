#!/usr/bin/env bash
# The whole suite, headless, on a fresh Debian 12 machine: installs what is missing, builds, and runs every
# test with offscreen widgets, a real Secret Service (gnome-keyring in a private D-Bus session) and a real
# authorization server (oidc-provider, started by the tests on 127.0.0.1).
#
#   scripts/test.sh            build in build-test/ and run ctest
#   JOBS=2 scripts/test.sh     parallel test jobs (default: number of cores)
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
