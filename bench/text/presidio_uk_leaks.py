#!/usr/bin/env python3
"""Leaks of Presidio (+ its UK recognisers) on the UK synthetic check's locked part.

usage: presidio_uk_leaks.py UK.jsonl [PEERS_DIR]
  UK.jsonl from `safeguard bench text --export-uk UK.jsonl`: {"id","kind","text","values"} lines,
  kind "clean" for texts without personal data. Prints, per kind, how many values survive
  Presidio's analyze + anonymize (replace), and how many clean texts it changed: the same
  counts `safeguard bench text` prints for Safeguard under "locked part".
"""
import json, sys, time, warnings, logging
warnings.filterwarnings("ignore")
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
sys.path.insert(0, sys.argv[2] if len(sys.argv) > 2 else "../shared/peers")
from presidio_scan import build_analyzer  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402

analyzer = build_analyzer(uk=True)
anonymizer = AnonymizerEngine()
survived, total, changed, clean = {}, {}, 0, 0
start = time.perf_counter()
for line in open(sys.argv[1], encoding="utf-8"):
    case = json.loads(line)
    results = analyzer.analyze(text=case["text"], language="en")
    out = anonymizer.anonymize(text=case["text"], analyzer_results=results).text
    if case["kind"] == "clean":
        clean += 1
        changed += out != case["text"]
        continue
    for v in case["values"]:
        total[case["kind"]] = total.get(case["kind"], 0) + 1
        if v in out:
            survived[case["kind"]] = survived.get(case["kind"], 0) + 1
for kind in ["name", "uncued", "phone", "email", "plate", "badge"]:
    s, t = survived.get(kind, 0), total.get(kind, 0)
    print(f"presidio {kind:6} survived {s}/{t} = {100 * s / max(t, 1):.1f}%")
print(f"presidio texts without personal data changed: {changed}/{clean} = {100 * changed / max(clean, 1):.1f}%")
print(f"presidio seconds={time.perf_counter() - start:.1f}")
