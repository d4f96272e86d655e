#!/bin/sh
# Load test of the public report form (issue 12): wrk on loopback GETs the form and POSTs a
# report with its CSRF pair, for DURATION; the server's memory is sampled every 5 s; then every
# acknowledged receipt is counted in the database and opened through its receipt page.
#
# Usage: bench/intake/run.sh [--db postgres://USER@HOST:PORT/DB?authority=ID] [DURATION=60s] [CONNECTIONS=32]
#        Without --db the server writes a fresh SQLite file in the work directory; with it, the
#        PostgreSQL store (migrated with `safeguard db migrate --app-role ROLE`, URL of the app role;
#        the server binary built with SAFEGUARD_BENCH=postgres), counted with psql (issue 14).
# Needs: a release build (swift build -c release --scratch-path .build-release --product safeguard),
#        wrk (apt-get install wrk), sqlite3 (psql for --db postgres://).
#        Or the same server without the CLI's PostgresNIO (quicker to build, see Package.swift):
#        SAFEGUARD_BENCH=1 swift build -c release --scratch-path .build-release --product safeguard-intake-server
#        BIN=.build-release/release/safeguard-intake-server bench/intake/run.sh 60s 32
# Prints the CPU time the server and wrk each used, per acknowledged submission.
set -eu
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build-release/release/safeguard}
DB_URL=
if [ "${1:-}" = "--db" ]; then
    DB_URL=$2
    shift 2
fi
DURATION=${1:-60s}
CONNECTIONS=${2:-32}
PORT=${PORT:-18480}
WORK=$(mktemp -d /tmp/safeguard-intake-bench.XXXXXX)
mkdir -p "$WORK/codes"
DB=${DB_URL:-$WORK/bench.sqlite}
if [ -n "$DB_URL" ]; then
    # psql takes the URL without Safeguard's ?authority=ID, and reads that authority's rows
    # (row-level security) by setting safeguard.authority for its session.
    AUTHORITY=$(printf '%s\n' "$DB_URL" | sed -n 's/.*[?&]authority=\([^&]*\).*/\1/p')
    count_intake() {
        PGOPTIONS="-c safeguard.authority=$AUTHORITY" psql "${DB_URL%%\?*}" -Atqc "SELECT count(*) FROM intake_report"
    }
    BEFORE=$(count_intake)
else
    count_intake() { sqlite3 "$WORK/bench.sqlite" "SELECT count(*) FROM intake_report"; }
    BEFORE=0
fi

"$BIN" serve --host 127.0.0.1 --port "$PORT" --db "$DB" --intake-key-file "$WORK/intake.key" \
    --key-file "$WORK/pseudonym.key" --rules rules --insecure-cookies \
    --reports-per-hour 100000000 --receipt-guesses-per-hour 100000000 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

( while kill -0 $SERVER 2>/dev/null; do
    awk '/VmRSS/ {print $2}' /proc/$SERVER/status; sleep 5
  done ) >"$WORK/rss.txt" 2>/dev/null &
SAMPLER=$!

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "== submit: wrk -t1 -c$CONNECTIONS -d$DURATION (GET /report, POST /report)"
SERVER_T0=$(cpu_ticks $SERVER)
CODES_DIR="$WORK/codes" /usr/bin/time -f "%U %S" -o "$WORK/wrk-cpu.txt" \
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/intake/submit.lua "http://127.0.0.1:$PORT"
SERVER_T1=$(cpu_ticks $SERVER)
kill $SAMPLER 2>/dev/null || true
echo "== server RSS (kB) every 5 s: $(tr '\n' ' ' <"$WORK/rss.txt")"

cat "$WORK"/codes/codes-*.txt >"$WORK/codes.txt"
ACKED=$(wc -l <"$WORK/codes.txt")
TICK=$(getconf CLK_TCK)
awk -v s0="$SERVER_T0" -v s1="$SERVER_T1" -v tick="$TICK" -v acked="$ACKED" '{
    server = (s1 - s0) / tick; wrk = $1 + $2
    printf "== CPU: server %.1f s (%.3f ms per submission), wrk %.1f s (%.3f ms per submission)\n",
        server, server * 1000 / acked, wrk, wrk * 1000 / acked }' "$WORK/wrk-cpu.txt"
STORED=$(( $(count_intake) - BEFORE ))
if [ -n "$DB_URL" ]; then KIND=PostgreSQL; else KIND=SQLite; fi
echo "== acknowledged receipts: $ACKED, intake reports in the database: $STORED ($KIND)"

echo "== verify: open every acknowledged receipt"
CODES_FILE="$WORK/codes.txt" THREADS=1 wrk -t1 -c1 -d"${VERIFY_DURATION:-120s}" --timeout 5s -s bench/intake/verify.lua \
    "http://127.0.0.1:$PORT" | grep -E "receipts to open"
echo "== work directory: $WORK"
