#!/usr/bin/env bash
# The benchmark suite (issue 8): builds what it needs in Release (build-bench/), installs what is missing
# (nginx, curl, hyperfine from Debian), runs every benchmark against its baseline measured in the same run
# and prints one Markdown table on stdout (progress and raw figures go to stderr).
#
#   scripts/bench.sh
#   RUNS=15 REPEAT=200 HCL_MB=5 TRACE_MB=50 JOBS=2 scripts/bench.sh
#
# Benchmarks print ratios, never pass/fail: they are not tests and ctest never runs them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

RUNS=${RUNS:-15}         # start-up and whole-process runs per program (medians reported)
REPEAT=${REPEAT:-200}    # token requests per process
HCL_MB=${HCL_MB:-5}      # size of the generated Couper configuration
TRACE_MB=${TRACE_MB:-50} # size of the big response
JOBS=${JOBS:-2}
build=${BENCH_BUILD_DIR:-build-bench}

log() { printf '%s\n' "$*" >&2; }

# --- what the benchmarks need -------------------------------------------------------------------------
scripts/deps.sh build
missing=()
for p in nginx curl hyperfine; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # The benchmark starts its own nginx; keep the package from starting the system one on port 80.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod +x "$policy"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$policy" ] || $SUDO rm -f "$policy"
fi
scripts/npm-peers.sh

# --- build (Release) ----------------------------------------------------------------------------------
extra=()
# Until the top-level CMakeLists.txt includes tests/bench/bench.cmake, include it from here.
grep -q 'tests/bench/bench.cmake' CMakeLists.txt || extra+=("-DCMAKE_PROJECT_INCLUDE=$root/tests/bench/standalone.cmake")
log "Configuring and building $build (Release)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
      -DTOKENBENCH_BUILD_GUI=ON -DTOKENBENCH_BUILD_TESTS=OFF -DTOKENBENCH_BUILD_BENCH=ON "${extra[@]}" >/dev/null
cmake --build "$build" -j"$JOBS" --target tokenbench tokenbench-cli bench_hellowindow bench_jwt bench_trace >&2

gui=$root/$build/app/gui/tokenbench
cli=$root/$build/app/cli/tokenbench-cli
hello=$root/$build/bench_hellowindow
benchjwt=$root/$build/bench_jwt
benchtrace=$root/$build/bench_trace
for f in "$gui" "$cli" "$hello" "$benchjwt" "$benchtrace"; do
  [ -x "$f" ] || { log "missing $f"; exit 1; }
done

# --- a private environment: no user settings, keychain or display ---------------------------------------
tmp=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -m 700 "$tmp/home" "$tmp/run" "$tmp/config" "$tmp/data" "$tmp/cache"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME="$tmp/cache" QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fmt() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { printf "%.*f", d, v }'; }
# hyperfine's CSV: command,mean,stddev,median,user,system,min,max (seconds)
hf_median_ms() { awk -F, -v n="$2" 'NR == n + 1 { printf "%.1f", $4 * 1000 }' "$1"; }
hf_cpu_ms() { awk -F, -v n="$2" 'NR == n + 1 { printf "%.1f", ($5 + $6) * 1000 }' "$1"; } # mean user + sys

# --- 1. start-up and memory ---------------------------------------------------------------------------
log "1. Start-up: tokenbench $root/resources/samples/demo.tbw vs bench_hellowindow, $RUNS runs each"
startup_once() { # program [args]: prints "shown_ms vmrss_kb vmhwm_kb wall_ms" (wall: start to exit, from here)
  local start=$EPOCHREALTIME line
  line=$(TOKENBENCH_BENCH_EXIT_AFTER_SHOW=1 "$@" 2>&1 >/dev/null |
    sed -n 's/^tokenbench-bench: shown_ms=\([0-9.]*\) vmrss_kb=\([0-9]*\) vmhwm_kb=\([0-9]*\).*/\1 \2 \3/p')
  local end=$EPOCHREALTIME
  [ -z "$line" ] || echo "$line $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')"
}
startup_once "$gui" resources/samples/demo.tbw >/dev/null # warm the page cache
startup_once "$hello" >/dev/null
: >"$tmp/tb.txt"
: >"$tmp/hello.txt"
for _ in $(seq "$RUNS"); do # alternate, so load from elsewhere hits both alike
  startup_once "$gui" resources/samples/demo.tbw >>"$tmp/tb.txt"
  startup_once "$hello" >>"$tmp/hello.txt"
done
[ "$(wc -l <"$tmp/tb.txt")" -eq "$RUNS" ] || { log "tokenbench did not report its first paint (is installBenchHook called?)"; exit 1; }
[ "$(wc -l <"$tmp/hello.txt")" -eq "$RUNS" ] || { log "bench_hellowindow did not report its first paint"; exit 1; }
tb_ms=$(awk '{ print $1 }' "$tmp/tb.txt" | median); he_ms=$(awk '{ print $1 }' "$tmp/hello.txt" | median)
tb_rss=$(awk '{ print $2 }' "$tmp/tb.txt" | median); he_rss=$(awk '{ print $2 }' "$tmp/hello.txt" | median)
tb_hwm=$(awk '{ print $3 }' "$tmp/tb.txt" | median); he_hwm=$(awk '{ print $3 }' "$tmp/hello.txt" | median)
log "   shown: tokenbench $tb_ms ms, hello $he_ms ms; VmRSS $tb_rss / $he_rss kB; VmHWM $tb_hwm / $he_hwm kB"
row "Start-up: process start → main window painted with demo.tbw (median of $RUNS, offscreen)" \
    "$(fmt "$tb_ms") ms" "$(fmt "$he_ms") ms" "$(ratio "$tb_ms" "$he_ms")" \
    "time to a usable window, against the cheapest possible Qt Widgets window (start time from /proc, 10 ms ticks)"
row "Memory after start: VmRSS at first paint (median)" "$(fmt "$(awk -v k="$tb_rss" 'BEGIN { print k / 1024 }')") MiB" \
    "$(fmt "$(awk -v k="$he_rss" 'BEGIN { print k / 1024 }')") MiB" "$(ratio "$tb_rss" "$he_rss")" \
    "resident memory of the workbench with a workspace open, against an empty Qt window"
row "Memory after start: VmHWM (peak) at first paint (median)" "$(fmt "$(awk -v k="$tb_hwm" 'BEGIN { print k / 1024 }')") MiB" \
    "$(fmt "$(awk -v k="$he_hwm" 'BEGIN { print k / 1024 }')") MiB" "$(ratio "$tb_hwm" "$he_hwm")" \
    "peak resident memory up to the first paint"
tb_wall=$(awk '{ print $4 }' "$tmp/tb.txt" | median); he_wall=$(awk '{ print $4 }' "$tmp/hello.txt" | median)
log "   whole process, start to exit: tokenbench $tb_wall ms, hello $he_wall ms"
row "Start-up, whole process: launch to exit right after the first paint (median of $RUNS)" \
    "$(fmt "$tb_wall") ms" "$(fmt "$he_wall") ms" "$(ratio "$tb_wall" "$he_wall")" \
    "the same runs timed from outside at µs resolution (includes exec, dynamic linking and exit)"

# --- 2. token request overhead ------------------------------------------------------------------------
log "2. Token requests: tokenbench-cli token --repeat $REPEAT vs curl with $REPEAT requests, against local nginx"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        location = /token {
            default_type application/json;
            return 200 '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer","expires_in":3600}';
        }
    }
}
EOF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/token" && break
  sleep 0.1
done
url="http://127.0.0.1:$port/token"
export BENCH_CLIENT_SECRET=s3cr3t
# The same request Tokenbench sends (checked below): POST, Accept: application/json, form body,
# client_secret_basic. curl runs the transfers one after another and reuses the connection.
{
  for i in $(seq "$REPEAT"); do
    [ "$i" -eq 1 ] || echo 'next'
    echo "url = \"$url\""
    echo 'header = "Accept: application/json"'
    echo 'header = "Content-Type: application/x-www-form-urlencoded"'
    echo 'user = "a:s3cr3t"'
    echo 'data = "grant_type=client_credentials"'
    echo 'output = "/dev/null"'
  done
} >"$tmp/curl.conf"
"$cli" token --token-endpoint "$url" --client-id a --client-secret env:BENCH_CLIENT_SECRET --json >"$tmp/tb-token.json"
grep -q '"token": "2YotnFZFEjr1zCsicMWpAA"' "$tmp/tb-token.json" || { log "tokenbench-cli got no token from nginx"; cat "$tmp/tb-token.json" >&2; exit 1; }
log "   Tokenbench's request headers: $(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1])).exchanges[0].request; console.log(r.method, Object.keys(r.headers).join(", "), "|", r.body)' "$tmp/tb-token.json" 2>/dev/null || echo '?')"
reused=$(curl -sv -K "$tmp/curl.conf" 2>&1 | grep -c 'Re-using existing connection' || true)
log "   curl reused the connection for $reused of $((REPEAT - 1)) follow-up requests"
hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-csv "$tmp/token.csv" \
    "$cli token --repeat $REPEAT --token-endpoint $url --client-id a --client-secret env:BENCH_CLIENT_SECRET" \
    "curl -s -K $tmp/curl.conf" >/dev/null 2>&1
tb_tok=$(hf_median_ms "$tmp/token.csv" 1); curl_tok=$(hf_median_ms "$tmp/token.csv" 2)
hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-csv "$tmp/token1.csv" \
    "$cli token --repeat 1 --token-endpoint $url --client-id a --client-secret env:BENCH_CLIENT_SECRET" \
    "curl -s -o /dev/null -H 'Accept: application/json' -u a:s3cr3t -d grant_type=client_credentials $url" >/dev/null 2>&1
tb_tok1=$(hf_median_ms "$tmp/token1.csv" 1); curl_tok1=$(hf_median_ms "$tmp/token1.csv" 2)
tb_per=$(awk -v a="$tb_tok" -v b="$tb_tok1" -v n="$REPEAT" 'BEGIN { printf "%.3f", (a - b) / (n - 1) }')
curl_per=$(awk -v a="$curl_tok" -v b="$curl_tok1" -v n="$REPEAT" 'BEGIN { printf "%.3f", (a - b) / (n - 1) }')
log "   $REPEAT requests: tokenbench-cli $tb_tok ms, curl $curl_tok ms; 1 request: $tb_tok1 / $curl_tok1 ms"
tb_tok_cpu=$(hf_cpu_ms "$tmp/token.csv" 1); curl_tok_cpu=$(hf_cpu_ms "$tmp/token.csv" 2)
row "Token requests: $REPEAT sequential POSTs on a reused connection, whole process, wall (hyperfine median)" \
    "$tb_tok ms" "$curl_tok ms" "$(ratio "$tb_tok" "$curl_tok")" \
    "tokenbench-cli --repeat against one curl process, same local nginx, same request"
row "Token requests: the same, client CPU time (user + sys, mean)" "$tb_tok_cpu ms" "$curl_tok_cpu ms" \
    "$(ratio "$tb_tok_cpu" "$curl_tok_cpu")" "CPU the client spends for $REPEAT token requests (nginx not counted)"
row "Token requests: time per extra request ((N runs − 1 run) / (N − 1))" "$tb_per ms" "$curl_per ms" \
    "$(ratio "$tb_per" "$curl_per")" "the cost of one more token request once the process is running"
row "Token requests: one request, whole process" "$tb_tok1 ms" "$curl_tok1 ms" "$(ratio "$tb_tok1" "$curl_tok1")" \
    "fixed cost of a CLI call (start, Qt network stack, exit)"
kill "$nginx_pid" 2>/dev/null || true
wait "$nginx_pid" 2>/dev/null || true
nginx_pid=""

# --- 3. HCL ---------------------------------------------------------------------------------------------
log "3. HCL: tokenbench-cli check vs @cdktf/hcl2json on a generated ${HCL_MB} MB Couper configuration"
hcl="$tmp/couper.hcl"
backends=$(node tests/bench/gencouper.mjs "$hcl" "$HCL_MB")
hcl_bytes=$(stat -c %s "$hcl")
log "   $hcl: $hcl_bytes bytes, $backends backends"
set +e
"$cli" check "$hcl" >"$tmp/check.out" 2>&1
check_rc=$?
set -e
[ "$check_rc" -eq 0 ] || { log "tokenbench-cli check failed ($check_rc):"; head -5 "$tmp/check.out" >&2; exit 1; }
node tests/bench/hcl2json-bench.cjs "$hcl" >"$tmp/h2j.out"
grep -q "backends=$backends" "$tmp/h2j.out" || { log "hcl2json did not see $backends backends: $(cat "$tmp/h2j.out")"; exit 1; }
sed -n 's/^parse_ms=\([0-9.]*\).*/\1/p' "$tmp/h2j.out" >"$tmp/h2j-parse.txt"
# hcl2json needs seconds of CPU per run: HCL_RUNS (default 3) alternating runs, each timed here.
TIMEFORMAT='%R %U %S'
: >"$tmp/hcl-tb.txt"
: >"$tmp/hcl-h2j.txt"
for _ in $(seq "${HCL_RUNS:-3}"); do
  { time "$cli" check "$hcl" >/dev/null 2>&1; } 2>>"$tmp/hcl-tb.txt"
  { time node tests/bench/hcl2json-bench.cjs "$hcl" >"$tmp/h2j.out"; } 2>>"$tmp/hcl-h2j.txt"
  sed -n 's/^parse_ms=\([0-9.]*\).*/\1/p' "$tmp/h2j.out" >>"$tmp/h2j-parse.txt"
done
wall_ms() { awk '{ printf "%.0f\n", $1 * 1000 }' "$1" | median; }
cpu_ms() { awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$1" | median; }
tb_hcl=$(wall_ms "$tmp/hcl-tb.txt"); h2j_hcl=$(wall_ms "$tmp/hcl-h2j.txt")
tb_hcl_cpu=$(cpu_ms "$tmp/hcl-tb.txt"); h2j_hcl_cpu=$(cpu_ms "$tmp/hcl-h2j.txt")
h2j_parse=$(median <"$tmp/h2j-parse.txt")
mb=$(awk -v b="$hcl_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
log "   whole process: tokenbench-cli check $tb_hcl ms (CPU $tb_hcl_cpu ms), node + hcl2json $h2j_hcl ms (CPU $h2j_hcl_cpu ms); hcl2json in-process parse $h2j_parse ms"
row "HCL: parse + check of a $mb MB Couper file ($backends backends), whole process, wall (median of ${HCL_RUNS:-3})" \
    "$tb_hcl ms" "$h2j_hcl ms" "$(ratio "$tb_hcl" "$h2j_hcl")" \
    "tokenbench-cli check (parse, evaluate, Couper schema checks) against node + hcl2json (parse to JSON only)"
row "HCL: the same, CPU time (user + sys)" "$tb_hcl_cpu ms" "$h2j_hcl_cpu ms" "$(ratio "$tb_hcl_cpu" "$h2j_hcl_cpu")" \
    "the same work counted in CPU time, which other load on the machine does not inflate"
row "HCL: Tokenbench's whole process against hcl2json's in-process parse alone (median of ${HCL_RUNS:-3})" \
    "$tb_hcl ms" "$(fmt "$h2j_parse" 0) ms" "$(ratio "$tb_hcl" "$h2j_parse")" \
    "node start-up and WebAssembly load excluded from the baseline"

# --- 4. JWT ---------------------------------------------------------------------------------------------
log "4. JWT: verifications per second, Tokenbench's verifier vs EVP_DigestVerify"
"$benchjwt" >"$tmp/jwt.out"
sed -n '/^ROW/!p' "$tmp/jwt.out" >&2
while IFS=$'\t' read -r _ name ours theirs r meaning; do
  row "$name" "$ours" "$theirs" "$r" "$meaning"
done < <(grep '^ROW' "$tmp/jwt.out")

# --- 5. big responses -------------------------------------------------------------------------------------
log "5. Big responses: a ${TRACE_MB} MB response in the trace pane vs a 1 KB one (3 runs each)"
trace_bytes=$((TRACE_MB * 1000 * 1000))
: >"$tmp/trace-big.txt"
: >"$tmp/trace-small.txt"
for _ in 1 2 3; do
  "$benchtrace" --bytes "$trace_bytes" >>"$tmp/trace-big.txt"
  "$benchtrace" --bytes 1024 >>"$tmp/trace-small.txt"
done
cat "$tmp/trace-big.txt" "$tmp/trace-small.txt" >&2
field() { sed -n "s/.* $2=\([-0-9.]*\).*/\1/p" "$1" | median; }
big_load=$(field "$tmp/trace-big.txt" load_stall_ms); small_load=$(field "$tmp/trace-small.txt" load_stall_ms)
big_scroll=$(field "$tmp/trace-big.txt" scroll_stall_ms); small_scroll=$(field "$tmp/trace-small.txt" scroll_stall_ms)
big_raw=$(field "$tmp/trace-big.txt" raw_stall_ms); small_raw=$(field "$tmp/trace-small.txt" raw_stall_ms)
big_rss=$(field "$tmp/trace-big.txt" rss_growth_kb); small_rss=$(field "$tmp/trace-small.txt" rss_growth_kb)
big_hwm=$(field "$tmp/trace-big.txt" hwm_growth_kb); small_hwm=$(field "$tmp/trace-small.txt" hwm_growth_kb)
big_chars=$(field "$tmp/trace-big.txt" shown_chars)
row "Big response: longest main-thread stall while a ${TRACE_MB} MB response loads into the trace pane (median of 3)" \
    "$(fmt "$big_load") ms" "$(fmt "$small_load") ms" "$(ratio "$big_load" "$small_load")" \
    "the views show only MaxShownBody ($big_chars characters); redaction, the token search and formatting run on a worker thread, and only the view in front is laid out"
row "Big response: longest stall while scrolling the response view to its end" \
    "$(fmt "$big_scroll") ms" "$(fmt "$small_scroll") ms" "$(ratio "$big_scroll" "$small_scroll")" \
    "scrolling through what is shown (compact JSON shown in 1 KiB pieces, laid out as it scrolls)"
row "Big response: longest stall when the Raw tab is opened" \
    "$(fmt "$big_raw") ms" "$(fmt "$small_raw") ms" "$(ratio "$big_raw" "$small_raw")" \
    "the raw view is laid out when its tab is first shown"
row "Big response: memory growth (VmRSS) from showing it, body itself excluded" \
    "$(fmt "$(awk -v k="$big_rss" 'BEGIN { print k / 1024 }')") MiB" "$(fmt "$(awk -v k="$small_rss" 'BEGIN { print k / 1024 }')") MiB" \
    "$(ratio "$big_rss" "$small_rss")" "memory held after showing it, on top of the ${TRACE_MB} MB body the trace already holds (includes a redacted copy of the whole body)"
row "Big response: peak memory growth (VmHWM)" \
    "$(fmt "$(awk -v k="$big_hwm" 'BEGIN { print k / 1024 }')") MiB" "$(fmt "$(awk -v k="$small_hwm" 'BEGIN { print k / 1024 }')") MiB" \
    "$(ratio "$big_hwm" "$small_hwm")" "peak while the whole body is parsed as JSON for redaction and the JWT search"

# --- the table --------------------------------------------------------------------------------------------
echo
echo "| benchmark | Tokenbench | baseline | ratio | what it means |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s), $(uname -m), Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), Release build; ratio = Tokenbench / baseline (lower is better, except verifications/s)."
