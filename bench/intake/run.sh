#!/bin/sh
# Load test of the public report form (issue 12): wrk on loopback GETs the form and POSTs a
# report with its CSRF pair, for DURATION; the server's memory is sampled every 5 s; then every
# acknowledged receipt is counted in the database and opened through its receipt page.
#
# Usage: bench/intake/run.sh [DURATION=60s] [CONNECTIONS=32]
# Needs: a release build (swift build -c release --scratch-path .build-release --product safeguard),
#        wrk (apt-get install wrk), sqlite3.
set -eu
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build-release/release/safeguard}
DURATION=${1:-60s}
CONNECTIONS=${2:-32}
PORT=${PORT:-18480}
WORK=$(mktemp -d /tmp/safeguard-intake-bench.XXXXXX)
mkdir -p "$WORK/codes"

"$BIN" serve --host 127.0.0.1 --port "$PORT" --db "$WORK/bench.sqlite" --intake-key-file "$WORK/intake.key" \
    --key-file "$WORK/pseudonym.key" --rules rules --insecure-cookies \
    --reports-per-hour 100000000 --receipt-guesses-per-hour 100000000 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

( while kill -0 $SERVER 2>/dev/null; do
    awk '/VmRSS/ {print $2}' /proc/$SERVER/status; sleep 5
  done ) >"$WORK/rss.txt" 2>/dev/null &
SAMPLER=$!

echo "== submit: wrk -t1 -c$CONNECTIONS -d$DURATION (GET /report, POST /report)"
CODES_DIR="$WORK/codes" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/intake/submit.lua \
    "http://127.0.0.1:$PORT"
kill $SAMPLER 2>/dev/null || true
echo "== server RSS (kB) every 5 s: $(tr '\n' ' ' <"$WORK/rss.txt")"

cat "$WORK"/codes/codes-*.txt >"$WORK/codes.txt"
ACKED=$(wc -l <"$WORK/codes.txt")
STORED=$(sqlite3 "$WORK/bench.sqlite" "SELECT count(*) FROM intake_report")
echo "== acknowledged receipts: $ACKED, intake reports in the database: $STORED"

echo "== verify: open every acknowledged receipt"
CODES_FILE="$WORK/codes.txt" THREADS=1 wrk -t1 -c1 -d"${VERIFY_DURATION:-120s}" --timeout 5s -s bench/intake/verify.lua \
    "http://127.0.0.1:$PORT" | grep -E "receipts to open"
echo "== work directory: $WORK"
