#!/usr/bin/env python3
"""Builds the sign development set (bench/text/signs-tune.jsonl, bench/text/signs-test.jsonl).

The sentence bank (sentence-bank.txt, hand-written, see LABELLING.md) is split FIRST, per section,
by a fixed seed into tuning sentences and test sentences; documents are then composed from one
side only, so no test document shares a sentence with any tuning document. The extra bank
(sentence-bank-tune-extra.txt) is added to the tuning side only, after the split (sentence-bank-tune-extra2.txt likewise). The validation bank
(sentence-bank-validate.txt) is never trained on: it is composed into signs-validate.jsonl from its
own sentences (padded with neutral fillers) by its own seed, and no sentence of it may be on the
tuning side. Run from the repository root:  python3 bench/text/make_signs_devset.py
"""
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261206
TEST_SHARE = 0.3
DOCS = {"tune": 3000, "test": 600, "validate": 600, "validate2": 600, "validate3": 600, "validate4": 600, "validate5": 600, "validate6": 600, "validate7": 600, "validate8": 600, "validate9": 600, "validate10": 600}
TUNE_EXTRAS = ["sentence-bank-tune-extra.txt", "sentence-bank-tune-extra2.txt", "sentence-bank-tune-extra3.txt",
               "sentence-bank-tune-extra4.txt", "sentence-bank-tune-extra5.txt", "sentence-bank-tune-extra6.txt",
               "sentence-bank-tune-extra7.txt", "sentence-bank-tune-extra8.txt", "sentence-bank-tune-extra9.txt",
               "sentence-bank-tune-extra10.txt"]
# validation banks: file, output part, seed suffix (each composed from its own sentences, never trained on)
VALIDATION_BANKS = [("sentence-bank-validate.txt", "validate"), ("sentence-bank-validate2.txt", "validate2"),
                    ("sentence-bank-validate3.txt", "validate3"),  # validate3: fourth pass, 2026-12-07
                    ("sentence-bank-validate4.txt", "validate4"),  # validate4: fifth pass, 2026-12-07
                    ("sentence-bank-validate5.txt", "validate5"),  # validate5: seventh pass, 2026-12-07
                    ("sentence-bank-validate6.txt", "validate6"),  # validate6: seventh pass, after its rules
                    ("sentence-bank-validate7.txt", "validate7"),  # validate7: eighth pass, before its rules
                    ("sentence-bank-validate8.txt", "validate8"),  # validate8: ninth pass, before its rules
                    ("sentence-bank-validate9.txt", "validate9"),  # validate9: eleventh pass, blind, before its rules
                    ("sentence-bank-validate10.txt", "validate10")]  # validate10: thirteenth pass, blind, before its rules
HERE = Path(__file__).resolve().parent


def read_bank(path):
    sections, name = {}, None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("## "):
            name = line[3:].strip()
            sections.setdefault(name, [])
            continue
        labels, sep, text = line.partition("|")
        if not sep or name is None:
            sys.exit(f"{path}:{n}: expected LABELS|TEXT inside a ## section")
        signs = [] if labels.strip() == "-" else [s.strip() for s in labels.split(",")]
        sections[name].append((tuple(sorted(signs)), text.strip()))
    return sections


def split_bank(sections, rng):
    parts = {"tune": {}, "test": {}}
    for name in sorted(sections):
        items = list(sections[name])
        rng.shuffle(items)
        k = max(1, round(len(items) * TEST_SHARE))
        parts["test"][name] = items[:k]
        parts["tune"][name] = items[k:]
    return parts


def words(text):
    return len(text.split())


def compose(bank, part, count, rng, signs):
    positives = {s: bank[s] for s in signs}
    negatives = [x for name, items in bank.items() if name.endswith("negatives") or name.startswith("other place")
                 for x in items]
    fillers = bank["neutral"]
    docs = []
    for i in range(count):
        chosen = []
        roll = rng.random()
        if roll < 0.65:
            target = signs[i % len(signs)]
            chosen.append(rng.choice(positives[target]))
            if rng.random() < 0.3:
                extra = rng.choice(positives[rng.choice(signs)])
                if extra not in chosen:
                    chosen.append(extra)
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                extra = rng.choice(negatives)
                if extra not in chosen:
                    chosen.append(extra)
        elif roll < 0.9:
            for _ in range(rng.choice([1, 1, 2, 3])):
                extra = rng.choice(negatives)
                if extra not in chosen:
                    chosen.append(extra)
        else:
            chosen.append(rng.choice(fillers))
        length = rng.choice(["short"] * 8 + ["medium"] * 7 + ["long"] * 5)
        low, high = {"short": (10, 40), "medium": (40, 120), "long": (120, 300)}[length]
        goal = rng.randint(low, high)
        total = sum(words(t) for _, t in chosen)
        tries = 0
        while total < max(goal, 10) and tries < 200:
            tries += 1
            f = rng.choice(fillers)
            if f in chosen or total + words(f[1]) > 300:
                continue
            chosen.append(f)
            total += words(f[1])
        while total > 300 and len(chosen) > 1:
            dropped = chosen.pop()
            total -= words(dropped[1])
        rng.shuffle(chosen)
        text, evidence, labels = "", [], set()
        for signs_of, sentence in chosen:
            if text:
                text += " "
            start = len(text)
            text += sentence
            for s in signs_of:
                evidence.append({"sign": s, "start": start, "end": len(text)})
                labels.add(s)
        docs.append({"id": f"{part}-{i + 1:04d}", "text": text, "signs": sorted(labels), "evidence": evidence})
    return docs


def main():
    bank = read_bank(HERE / "sentence-bank.txt")
    signs = sorted(n for n in bank if not n.endswith("negatives") and n != "neutral" and not n.startswith("other place"))
    rng = random.Random(SEED)
    parts = split_bank(bank, rng)
    base_neutral = list(parts["tune"]["neutral"])  # validation fillers do not change when extras are added
    # tuning-only extras, added after the split so the test side (and its documents) stay as they were
    for extra in TUNE_EXTRAS:
        for name, items in read_bank(HERE / extra).items():
            if name not in parts["tune"]:
                sys.exit(f"{extra}: unknown section {name!r}")
            parts["tune"][name] = parts["tune"][name] + items
    for part in ("tune", "test"):
        docs = compose(parts[part], part, DOCS[part], random.Random(f"{SEED}-{part}"), signs)
        with open(HERE / f"signs-{part}.jsonl", "w", encoding="utf-8") as out:
            for d in docs:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
        counts = {s: sum(s in d["signs"] for d in docs) for s in signs}
        lengths = [words(d["text"]) for d in docs]
        print(f"{part}: {len(docs)} docs, {min(lengths)}-{max(lengths)} words, per sign {counts}")
    tune_sentences = {t for items in parts["tune"].values() for _, t in items}
    test_sentences = {t for items in parts["test"].values() for _, t in items}
    assert not tune_sentences & test_sentences, "a sentence is on both sides"
    # validation: its own bank, never trained on; fillers are its own neutral lines plus the bank's neutral tuning lines
    for bank_file, part in VALIDATION_BANKS:
        validate = read_bank(HERE / bank_file)
        for name in validate:
            if name not in parts["tune"]:
                sys.exit(f"{bank_file}: unknown section {name!r}")
        for name in parts["tune"]:
            validate.setdefault(name, [])
        validate_sentences = {t for name, items in validate.items() for _, t in items if name != "neutral"}
        shared = validate_sentences & tune_sentences
        assert not shared, f"{bank_file}: validation sentences also on the tuning side: {sorted(shared)[:3]}"
        validate["neutral"] = validate["neutral"] + base_neutral
        docs = compose(validate, part, DOCS[part], random.Random(f"{SEED}-{part}"), signs)
        with open(HERE / f"signs-{part}.jsonl", "w", encoding="utf-8") as out:
            for d in docs:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
        counts = {s: sum(s in d["signs"] for d in docs) for s in signs}
        print(f"{part}: {len(docs)} docs, per sign {counts}")

if __name__ == "__main__":
    main()
