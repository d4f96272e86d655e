#!/usr/bin/env python3
"""Per-sign classifier thresholds by the real-review false-alarm budget.

Usage (package root): python3 bench/text/classifier_budget.py MODEL.json BIN [REVIEWS.csv] [--write]

For each level in 1, 2, 3, 4, 6, 8, 12, 20 it sets every sign's threshold in a copy of MODEL to
that level, runs `BIN scan` (with a copy of ./rules holding the model) over the real reviews
(default ../shared/data/reviews/booking-hotel-reviews.csv, text = Negative_Review + ". " +
Positive_Review) and counts, per sign, the reviews whose only evidence for it is the classifier's
(every evidence item carries "weighed"). A sign's threshold is the lowest level at which at most 3
reviews are such classifier-only flags. Prints the chosen thresholds as JSON (the counts per level
go to stderr); with --write, writes them into MODEL's "threshold" fields.

On main's model and rules it reproduces the thresholds in rules/models/signs-v1.json.
"""
import csv, json, os, shutil, subprocess, sys, tempfile

args = [a for a in sys.argv[1:] if a != "--write"]
if len(args) < 2:
    sys.exit(__doc__)
model_path, binary = args[0], args[1]
reviews = args[2] if len(args) > 2 else "../shared/data/reviews/booking-hotel-reviews.csv"
levels = [1, 2, 3, 4, 6, 8, 12, 20]
budget = 3

work = tempfile.mkdtemp()
texts = os.path.join(work, "reviews.jsonl")
with open(reviews, encoding="utf-8") as source, open(texts, "w") as out:
    for index, row in enumerate(csv.DictReader(source)):
        out.write(json.dumps({"id": str(index), "text": row["Negative_Review"] + ". " + row["Positive_Review"]}) + "\n")
key = os.path.join(work, "budget.key")
rules = os.path.join(work, "rules")
shutil.copytree("rules", rules)
model = json.load(open(model_path))
signs = [entry["id"] for entry in model["signs"]]
counts = {}
for level in levels:
    trial = json.loads(json.dumps(model))
    for entry in trial["signs"]:
        entry["threshold"] = float(level)
    json.dump(trial, open(os.path.join(rules, "models", "signs-v1.json"), "w"))
    scanned = subprocess.run([binary, "scan", texts, "--key-file", key, "--rules", rules],
                             capture_output=True, text=True, check=True).stdout
    count = {sign: 0 for sign in signs}
    for line in scanned.splitlines():
        record = json.loads(line)
        for sign in record["signs"]:
            evidence = [e for e in record["evidence"] if e["sign"] == sign]
            if evidence and all("weighed" in e for e in evidence):
                count[sign] = count.get(sign, 0) + 1
    counts[level] = count
chosen = {sign: next((level for level in levels if counts[level][sign] <= budget), levels[-1]) for sign in signs}
print(json.dumps({level: counts[level] for level in levels}), file=sys.stderr)
print(json.dumps(chosen))
if "--write" in sys.argv:
    for entry in model["signs"]:
        entry["threshold"] = float(chosen[entry["id"]])
    json.dump(model, open(model_path, "w"))
shutil.rmtree(work)
