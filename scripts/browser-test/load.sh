#!/usr/bin/env bash
# Load test of `dossier serve` on loopback: wrk holds CONNECTIONS concurrent
# keep-alive connections for DURATION against a mix of pages (search with
# facets, article, entity list, timeline) over the seeds + malicious
# fixture, and reports the rate, latency and any error (socket errors or
# non-2xx responses make the script fail).
#
# Usage: scripts/browser-test/load.sh [CONNECTIONS=200] [DURATION=60s]
#   Installs wrk with apt-get when absent (root), else skips (exit 0;
#   LOAD_TEST_REQUIRED=1 makes that a failure).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CONNECTIONS="${1:-200}"
DURATION="${2:-60s}"
WORK="$ROOT/target/load-test"
mkdir -p "$WORK"
skip() {
  echo "load-test: SKIPPED: $*" >&2
  if [ "${LOAD_TEST_REQUIRED:-0}" = 1 ]; then exit 1; fi
  exit 0
}
if ! command -v wrk >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >"$WORK/apt.log" 2>&1 || true
fi
command -v wrk >/dev/null || skip "wrk is not installed"
if [ -z "${DOSSIER_BIN:-}" ]; then
  cargo build -q --release -p dossier
  DOSSIER_BIN="$ROOT/target/release/dossier"
fi
DB="$WORK/load.db"
rm -rf "$DB" "$DB-wal" "$DB-shm" "$DB.index"
"$DOSSIER_BIN" --db "$DB" ingest examples/seeds tests/corpus-web/malicious.html >"$WORK/ingest.log" 2>&1
ulimit -n 4096 2>/dev/null || true
"$DOSSIER_BIN" --db "$DB" serve --port 0 >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://[^ ]*' "$WORK/serve.log" | head -n1 || true)
  [ -n "$URL" ] && break
  sleep 0.5
done
[ -n "$URL" ] || { cat "$WORK/serve.log" >&2; exit 1; }
ARTICLE=$(sha256sum examples/seeds/001_*.txt | cut -c1-32)
cat >"$WORK/mix.lua" <<LUA
local paths = { "/?q=Lavrov", "/?q=arm%C3%A9e+malienne&lang=fr", "/article/$ARTICLE", "/entities", "/timeline", "/sources" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOADTEST requests=%d duration_s=%.1f rate=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$WORK/mix.lua" "${URL%/}" | tee "$WORK/wrk.txt"
LINE=$(grep '^LOADTEST' "$WORK/wrk.txt")
for k in non2xx connect read write timeout; do
  v=$(echo "$LINE" | sed -n "s/.* $k=\([0-9]*\).*/\1/p")
  [ "${v:-1}" = 0 ] || { echo "load-test: FAILED: $k errors = $v" >&2; exit 1; }
done
echo "load-test: ok ($CONNECTIONS connections, $DURATION, no errors)"
