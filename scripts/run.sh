#!/usr/bin/env bash
# Builds Tokenbench (Release), starts a local demo authorization server (oidc-provider on 127.0.0.1) and
# opens Tokenbench on the demo workspace whose backends point at it: press Run (Ctrl+Return).
# Without a display, runs the same demo through tokenbench-cli instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/deps.sh build
scripts/npm-peers.sh

build=${BUILD_DIR:-build-release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOKENBENCH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target tokenbench tokenbench-cli >&2

# The demo server: port 4011 as in the demo workspace, or a free one (the workspace copy follows it).
port=4011
if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 4012)
fi
work=$(mktemp -d)
log="$work/authserver.log"
mkfifo "$work/keepalive"
# The server exits when its stdin closes, i.e. when this script ends.
(cd tests/authserver && exec node server.mjs --port "$port" <"$work/keepalive" >"$log" 2>&1) &
server=$!
exec 9>"$work/keepalive"
trap 'exec 9>&-; kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  grep -q LISTENING "$log" 2>/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
grep -q LISTENING "$log" || { echo "the demo authorization server did not start:" >&2; cat "$log" >&2; exit 1; }
sed "s/127.0.0.1:4011/127.0.0.1:$port/g" resources/samples/demo.tbw > "$work/demo.tbw"
echo "Demo authorization server: http://127.0.0.1:$port (oidc-provider)" >&2

# Demo secrets come from the environment, as in real use.
export TOKENBENCH_DEMO_SECRET=demo-secret TOKENBENCH_DEMO_POST_SECRET=post-secret

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening Tokenbench on the demo workspace: select a backend and press Run (Ctrl+Return)." >&2
  "$build/app/gui/tokenbench" "$work/demo.tbw"
else
  echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): running the demo through tokenbench-cli instead." >&2
  for backend in demo_basic demo_post; do
    echo "== tokenbench-cli token demo.tbw --backend $backend --json" >&2
    "$build/app/cli/tokenbench-cli" token "$work/demo.tbw" --backend "$backend" --json
  done
fi
