#!/usr/bin/env bash
# Import benchmarks (issue 3): safeguard vs lxml iterparse and pandas.read_csv(+sqlite3) on the
# same files, in the same run. Usage: bench/run-import.sh   (from the package root)
# Needs: swift build -c release; python3 -m venv .venv-peers && .venv-peers/bin/pip install lxml pandas
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-../shared/peers}
DATA=${DATA:-../shared/data/fhrs}
OUT=bench/out
PY=.venv-peers/bin/python
mkdir -p "$OUT"
[ -f "$OUT/fhrs-200mb.xml" ] || python3 "$PEERS/make_big_fhrs.py" "$OUT/fhrs-200mb.xml" 200 "$DATA"/*.xml
[ -f "$OUT/premises-1m.csv" ] || python3 "$PEERS/make_big_premises_csv.py" "$OUT/premises-1m.csv" 1000000
[ -f "$OUT/fhrs-1gb.xml" ] || python3 "$PEERS/make_big_fhrs.py" "$OUT/fhrs-1gb.xml" 1000 "$DATA"/*.xml

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== safeguard (release)"
.build/release/safeguard bench import --xml "$OUT/fhrs-200mb.xml" --csv "$OUT/premises-1m.csv" --scratch "$OUT"
echo "== lxml iterparse"
"$PY" "$PEERS/lxml_fhrs.py" "$OUT/fhrs-200mb.xml"
"$PY" "$PEERS/lxml_fhrs.py" "$OUT/fhrs-200mb.xml" "$OUT/peer-lxml.sqlite"
echo "== pandas.read_csv (+ to_sql)"
"$PY" "$PEERS/pandas_csv.py" "$OUT/premises-1m.csv"
"$PY" "$PEERS/pandas_csv.py" "$OUT/premises-1m.csv" "$OUT/peer-pandas.sqlite"
echo "== the import commands end to end (process start to exit, into fresh databases)"
rm -f "$OUT"/cmd-fhrs.sqlite* "$OUT"/cmd-premises.sqlite*
/usr/bin/time -f "fhrs command: %e s wall, %U user, %S sys, %M KB peak" \
    .build/release/safeguard import fhrs "$OUT/fhrs-200mb.xml" --db "$OUT/cmd-fhrs.sqlite" --json
/usr/bin/time -f "premises command: %e s wall, %U user, %S sys, %M KB peak" \
    .build/release/safeguard import premises "$OUT/premises-1m.csv" --db "$OUT/cmd-premises.sqlite" --json
echo "== memory: safeguard import fhrs of a 1 GB feed"
rm -f "$OUT"/rss.sqlite*
/usr/bin/time -v .build/release/safeguard import fhrs "$OUT/fhrs-1gb.xml" --db "$OUT/rss.sqlite" --json 2>&1 \
    | grep -E '^\{|Elapsed|Maximum resident|User time|System time'
