#!/usr/bin/env bash
# Import and scoring throughput, PostgreSQL vs SQLite, on the same data in the same run (issue 14).
# Usage (package root): bench/postgres-vs-sqlite.sh [BIN]   BIN defaults to .build/release/safeguard
# Needs a PostgreSQL superuser URL in SAFEGUARD_TEST_POSTGRES_URL (`. .ci/postgres` starts a
# throwaway cluster and exports it). Imports the committed demo corpus (FHRS, licences, taxi
# licences, reviews, reports, intelligence) with the import commands into a fresh SQLite file and
# a fresh PostgreSQL database (as the non-owner application role), then scores every hotel
# (`profile hotels`), timing each command from process start to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/safeguard}
: "${SAFEGUARD_TEST_POSTGRES_URL:?set it (. .ci/postgres)}"
OUT=bench/out/postgres
mkdir -p "$OUT"
rm -f "$OUT"/bench.sqlite* "$OUT"/bench.key
DB=sgbench_$(date +%s)
ADMIN=${SAFEGUARD_TEST_POSTGRES_URL%/*}
psql "$SAFEGUARD_TEST_POSTGRES_URL" -qc "CREATE DATABASE $DB"
"$BIN" db migrate --db "$ADMIN/$DB" --app-role safeguard_app >/dev/null
APP="postgres://safeguard_app@${ADMIN#postgres://*@}/$DB?authority=bench"
KEY=(--key-file "$OUT/bench.key")
steps=(
    "fhrs|import fhrs corpus/fhrs/FHRS990en-GB.xml"
    "licences|import premises corpus/licences/premises-licences.csv"
    "taxis|import taxi corpus/taxis/drivers.csv corpus/taxis/vehicles.csv corpus/taxis/operators.csv"
    "reviews|import reviews corpus/reviews/reviews.csv ${KEY[*]}"
    "reports|import reports corpus/reports/reports.jsonl ${KEY[*]}"
    "intelligence|import intel corpus/intelligence/intelligence.csv ${KEY[*]}"
    "score|profile hotels --as-of 2026-11-01 --out $OUT/profile-DB"
)
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $($BIN --version 2>/dev/null || true)"
printf '%-14s %10s %12s %8s\n' step sqlite_s postgres_s ratio
total_s=0; total_p=0
for step in "${steps[@]}"; do
    name=${step%%|*}; args=${step#*|}
    /usr/bin/time -o "$OUT/time" -f %e $BIN ${args//DB/sqlite} --db "$OUT/bench.sqlite" >"$OUT/$name-sqlite.log" 2>&1 || { cat "$OUT/$name-sqlite.log"; exit 1; }
    s=$(tail -1 "$OUT/time")
    /usr/bin/time -o "$OUT/time" -f %e $BIN ${args//DB/postgres} --db "$APP" >"$OUT/$name-postgres.log" 2>&1 || { cat "$OUT/$name-postgres.log"; exit 1; }
    p=$(tail -1 "$OUT/time")
    printf '%-14s %10s %12s %8.2f\n' "$name" "$s" "$p" "$(echo "$p / $s" | bc -l)"
    total_s=$(echo "$total_s + $s" | bc -l); total_p=$(echo "$total_p + $p" | bc -l)
done
printf '%-14s %10.2f %12.2f %8.2f\n' total "$total_s" "$total_p" "$(echo "$total_p / $total_s" | bc -l)"
cmp <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print([(e["id"], e["score"], e["band"]) for e in p["entries"]])' "$OUT/profile-sqlite/profile.json") \
    <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print([(e["id"], e["score"], e["band"]) for e in p["entries"]])' "$OUT/profile-postgres/profile.json") \
    && echo "profiles: the same flagged hotels, scores and bands on both"
