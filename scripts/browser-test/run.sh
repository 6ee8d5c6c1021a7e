#!/usr/bin/env bash
# Browser test of `dossier serve`: headless Chromium (Debian's package),
# driven by playwright-core (npm, installed under target/, no browser
# download), against a database ingested with examples/seeds and the
# malicious fixture tests/corpus-web/malicious.html.
#
# Asserts: search "Lavrov" finds seeds 001 and 002; no script from the
# malicious page runs (window.__dossierPwned is never set, no <script>
# element in any page); no console errors (a CSP violation would be one);
# the entity and timeline pages render; screenshots under
# target/browser-screens/.
#
# Usage: scripts/browser-test/run.sh
#   BROWSER_TEST_REQUIRED=1  fail (exit 1) instead of skipping (exit 0) when
#                            chromium or playwright-core cannot be installed.
#   CHROMIUM=/path           browser binary (default /usr/bin/chromium).
#   DOSSIER_BIN=/path        dossier binary (default: cargo build -p dossier).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK="$ROOT/target/browser-test"
SHOTS="$ROOT/target/browser-screens"
CHROME="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$WORK" "$SHOTS"

skip() {
  echo "browser-test: SKIPPED: $*" >&2
  if [ "${BROWSER_TEST_REQUIRED:-0}" = 1 ]; then exit 1; fi
  exit 0
}

if [ ! -x "$CHROME" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "browser-test: installing chromium (apt-get)" >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) >"$WORK/apt.log" 2>&1 \
      || echo "browser-test: apt-get failed, see $WORK/apt.log" >&2
  fi
fi
[ -x "$CHROME" ] || skip "no chromium at $CHROME"
command -v node >/dev/null || skip "node is not installed"

if [ ! -d "$WORK/node_modules/playwright-core" ]; then
  echo "browser-test: installing playwright-core into $WORK" >&2
  [ -f "$WORK/package.json" ] || echo '{"name":"dossier-browser-test","private":true}' >"$WORK/package.json"
  (cd "$WORK" && npm install --no-audit --no-fund --silent playwright-core@1) >"$WORK/npm.log" 2>&1 \
    || skip "npm install playwright-core failed (see $WORK/npm.log)"
fi

if [ -z "${DOSSIER_BIN:-}" ]; then
  cargo build -q -p dossier
  DOSSIER_BIN="$ROOT/target/debug/dossier"
fi

DB="$WORK/browser.db"
rm -rf "$DB" "$DB-wal" "$DB-shm" "$DB.index"
"$DOSSIER_BIN" --db "$DB" ingest examples/seeds tests/corpus-web/malicious.html >"$WORK/ingest.log" 2>&1

LOG="$WORK/serve.log"
"$DOSSIER_BIN" --db "$DB" serve --port 0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://[^ ]*' "$LOG" | head -n1 || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; echo "browser-test: server exited" >&2; exit 1; }
  sleep 0.5
done
[ -n "$URL" ] || { cat "$LOG" >&2; echo "browser-test: server did not start" >&2; exit 1; }
echo "browser-test: server at $URL" >&2

SEED1=$(sha256sum examples/seeds/001_*.txt | cut -c1-32)
SEED2=$(sha256sum examples/seeds/002_*.txt | cut -c1-32)
"$DOSSIER_BIN" --db "$DB" report --format html --output "$WORK/report.html"
NODE_PATH="$WORK/node_modules" REPORT_HTML="$WORK/report.html" CHROMIUM="$CHROME" BASE_URL="$URL" SHOTS="$SHOTS" EXPECT_LAVROV="$SEED1,$SEED2" \
  node "$ROOT/scripts/browser-test/test.mjs"
