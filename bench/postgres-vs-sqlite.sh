#!/usr/bin/env bash
# Import and scoring throughput, PostgreSQL vs SQLite, on the same data in the same run (issue 14).
# Usage (package root): bench/postgres-vs-sqlite.sh [BIN]   BIN defaults to .build/release/safeguard
# Needs a PostgreSQL superuser URL in SAFEGUARD_TEST_POSTGRES_URL (`. .ci/postgres` starts a
# throwaway cluster and exports it).
#
# For each data set it imports the files with the import commands into a fresh SQLite file and a
# fresh PostgreSQL database (as the non-owner application role), then scores every hotel
# (`profile hotels`), timing each command from process start to exit. The data sets:
#   demo    the committed demo corpus (small: process start weighs on every step);
#   fhrs    the real FHRS extracts in $REAL (default ../shared/data/fhrs; skipped when absent);
#   xSCALE  the same generator's corpus at SCALE times the demo (default 8: about 27,000 FHRS
#           establishments, 49,000 licence register rows, 16,000 drivers, 12,000 vehicles), written
#           under bench/out/postgres once, with REVIEWS reviews (default 5,000 per scale step);
#           SCALE=0 skips it.
# Every import runs with --json; the table's `records` column is what it read, and the script
# checks that both backends report the same counts (new, updated, unchanged, linked, rejected)
# and that both profiles flag the same hotels with the same scores and bands.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/safeguard}
: "${SAFEGUARD_TEST_POSTGRES_URL:?set it (. .ci/postgres)}"
SCALE=${SCALE:-8}
REVIEWS=${REVIEWS:-$((SCALE * 5000))}
REAL=${REAL:-../shared/data/fhrs}
OUT=bench/out/postgres
ADMIN=${SAFEGUARD_TEST_POSTGRES_URL%/*}
mkdir -p "$OUT"
same=yes

row() { printf '%-20s %9s %10s %12s %8s\n' "$@"; }
ratio() { printf '%.2f' "$(echo "$2 / $1" | bc -l)"; }

# run_set NAME STEP... ; a step is "label|arguments" where @KEY@ is the set's pseudonym key option
# and @BACKEND@ the backend's name (for output paths).
run_set() {
    local name=$1; shift
    local sqlite=$OUT/$name.sqlite pgdb
    pgdb=sgbench_$(echo "$name" | tr -c 'a-z0-9\n' '_')_$(date +%s)
    rm -f "$sqlite" "$sqlite"-* "$OUT/$name.key"
    rm -rf "$OUT/$name-profile-sqlite" "$OUT/$name-profile-postgres"
    psql "$SAFEGUARD_TEST_POSTGRES_URL" -qc "CREATE DATABASE $pgdb"
    "$BIN" db migrate --db "$ADMIN/$pgdb" --app-role safeguard_app >/dev/null
    local app="postgres://safeguard_app@${ADMIN#postgres://*@}/$pgdb?authority=bench"
    local set_s=0 set_p=0 step label args backend db s p records
    for step in "$@"; do
        label=${step%%|*}; args=${step#*|}
        args=${args//@KEY@/--key-file $OUT/$name.key}
        [[ $label == score ]] || args="$args --json"
        for backend in sqlite postgres; do
            if [ $backend = sqlite ]; then db=$sqlite; else db=$app; fi
            # shellcheck disable=SC2086  # the arguments are split on purpose
            /usr/bin/time -o "$OUT/time" -f %e "$BIN" ${args//@BACKEND@/$backend} --db "$db" \
                >"$OUT/$name-$label-$backend.log" 2>"$OUT/$name-$label-$backend.err" \
                || { cat "$OUT/$name-$label-$backend.log" "$OUT/$name-$label-$backend.err"; exit 1; }
            if [ $backend = sqlite ]; then s=$(tail -1 "$OUT/time"); else p=$(tail -1 "$OUT/time"); fi
        done
        records=-
        if [[ $label != score ]]; then
            records=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])["read"])' \
                "$OUT/$name-$label-sqlite.log")
            cmp -s <(tail -1 "$OUT/$name-$label-sqlite.log") <(tail -1 "$OUT/$name-$label-postgres.log") || {
                same=no
                echo "!! $name $label: the backends report different counts:" >&2
                tail -1 "$OUT/$name-$label-sqlite.log" "$OUT/$name-$label-postgres.log" >&2
            }
        fi
        row "$name $label" "$records" "$s" "$p" "$(ratio "$s" "$p")"
        set_s=$(echo "$set_s + $s" | bc -l); set_p=$(echo "$set_p + $p" | bc -l)
    done
    row "$name total" "" "$(printf '%.2f' "$set_s")" "$(printf '%.2f' "$set_p")" "$(ratio "$set_s" "$set_p")"
    total_s=$(echo "$total_s + $set_s" | bc -l); total_p=$(echo "$total_p + $set_p" | bc -l)
    local profile='import json,sys; p=json.load(open(sys.argv[1])); print([(e["id"], e["score"], e["band"]) for e in p["entries"]])'
    if [ -f "$OUT/$name-profile-sqlite/profile.json" ]; then
        cmp -s <(python3 -c "$profile" "$OUT/$name-profile-sqlite/profile.json") \
            <(python3 -c "$profile" "$OUT/$name-profile-postgres/profile.json") \
            || { same=no; echo "!! $name: the profiles differ" >&2; }
    fi
    psql "$SAFEGUARD_TEST_POSTGRES_URL" -qc "DROP DATABASE $pgdb"
}

corpus_steps() {  # corpus_steps DIR AS_OF
    local c=$1
    echo "fhrs|import fhrs $c/fhrs/FHRS990en-GB.xml"
    echo "licences|import premises $c/licences/premises-licences.csv"
    echo "taxis|import taxi $c/taxis/drivers.csv $c/taxis/vehicles.csv $c/taxis/operators.csv"
    echo "reviews|import reviews $c/reviews/reviews.csv @KEY@"
    echo "reports|import reports $c/reports/reports.jsonl @KEY@"
    echo "intelligence|import intel $c/intelligence/intelligence.csv @KEY@"
    echo "score|profile hotels --as-of $2 --out $OUT/NAME-profile-@BACKEND@"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" --version 2>/dev/null || true)"
echo "== PostgreSQL: $(psql "$SAFEGUARD_TEST_POSTGRES_URL" -Atc 'SHOW server_version'), fsync=$(psql "$SAFEGUARD_TEST_POSTGRES_URL" -Atc 'SHOW fsync'), synchronous_commit=$(psql "$SAFEGUARD_TEST_POSTGRES_URL" -Atc 'SHOW synchronous_commit')"
row step records sqlite_s postgres_s ratio
total_s=0; total_p=0

mapfile -t steps < <(corpus_steps corpus 2026-11-01)
run_set demo "${steps[@]//NAME/demo}"

if compgen -G "$REAL/FHRS*.xml" >/dev/null; then
    run_set fhrs "fhrs|import fhrs $(echo "$REAL"/FHRS*.xml)" "score|profile hotels --as-of 2020-12-01 --out $OUT/fhrs-profile-@BACKEND@"
else
    echo "(no real FHRS extracts in $REAL: the fhrs set is skipped)" >&2
fi

if [ "$SCALE" -gt 0 ]; then
    big=$OUT/corpus-x$SCALE-r$REVIEWS
    [ -f "$big/manifest.json" ] || "$BIN" corpus generate --seed 42 --scale "$SCALE" --reviews "$REVIEWS" --out "$big" >/dev/null
    mapfile -t steps < <(corpus_steps "$big" 2026-11-01)
    run_set "x$SCALE" "${steps[@]//NAME/x$SCALE}"
fi

row overall "" "$(printf '%.2f' "$total_s")" "$(printf '%.2f' "$total_p")" "$(ratio "$total_s" "$total_p")"
[ $same = yes ] && echo "same data, same results: every import reported the same counts and every profile the same flagged hotels, scores and bands on both"
[ $same = yes ]
