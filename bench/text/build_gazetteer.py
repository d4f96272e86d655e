#!/usr/bin/env python3
"""Build SafeguardText's names gazetteer from Faker's person providers (MIT licence).

usage: build_gazetteer.py OUT_DIR   (needs `pip install faker names`; writes first-names.txt, surnames.txt)

Every Latin-script first name and surname of every Faker locale (romanised lists for
ja/zh/ko/ru/... where Faker has them) is folded to lower case, one a line, sorted.
"""
import importlib, os, pkgutil, re, sys, unicodedata
import faker.providers.person as person

LATIN = re.compile(r"^[a-z\u00c0-\u024f][a-z\u00c0-\u024f'\-]+$")
first, last = set(), set()

def fold(s):
    return unicodedata.normalize("NFC", s).strip().lower()

def add(target, values):
    for v in values or ():
        if isinstance(v, dict):
            v = v.keys()
        if isinstance(v, (list, tuple, set)) or hasattr(v, "keys"):
            add(target, v); continue
        for part in re.split(r"[\s]+", str(v)):
            part = fold(part).strip(".")
            if len(part) >= 2 and LATIN.match(part):
                target.add(part)

locales = []
for m in pkgutil.iter_modules(person.__path__):
    mod = importlib.import_module(f"faker.providers.person.{m.name}")
    prov = getattr(mod, "Provider", None)
    if prov is None: continue
    locales.append(m.name)
    for attr in dir(prov):
        if attr.startswith("_"): continue
        val = getattr(prov, attr)
        if callable(val) or isinstance(val, (str, property)) or not hasattr(val, "__iter__"): continue
        a = attr.lower()
        if "kana" in a or "prefix" in a or "suffix" in a or "format" in a or "pair" in a: continue
        if a.startswith("first_name") or a.startswith("first_romanized") or a in ("first_names",):
            add(first, val)
        elif a.startswith("last_name") or a.startswith("last_romanized") or a in ("last_names",):
            add(last, val)

# US Census 1990 name lists (public domain) as shipped in the MIT-licensed `names` package.
try:
    import names as census
    base = os.path.dirname(census.__file__)
    for fname, target in (("dist.male.first", first), ("dist.female.first", first), ("dist.all.last", last)):
        with open(os.path.join(base, fname)) as f:
            add(target, [line.split()[0] for line in f if line.strip()])
except ImportError:
    print("warning: `names` not installed; US Census lists skipped", file=sys.stderr)

out = sys.argv[1]
for name, s in (("first-names.txt", first), ("surnames.txt", last)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(s)) + "\n")
print(f"locales={len(locales)} first={len(first)} last={len(last)}")
