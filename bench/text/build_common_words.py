#!/usr/bin/env python3
"""Build Resources/common-words.txt: words that review writers use in lower case (so a first name
that is also one, like "will", "grace", "mark", needs a cue before it counts as a person).

usage: build_common_words.py BOOKING_CSV OUT_TXT [MIN_COUNT]
Source: the Booking.com reviews (CC0) in ../shared/data/reviews: every all-lower-case token seen at
least MIN_COUNT (default 3) times, plus a fixed list (months, days, common words that are names).
"""
import csv, re, sys, collections
c = collections.Counter()
for row in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    for t in (row["Negative_Review"], row["Positive_Review"]):
        for w in re.findall(r"[A-Za-z']+", t):
            if w.islower(): c[w] += 1
minimum = int(sys.argv[3]) if len(sys.argv) > 3 else 3
words = {w for w, n in c.items() if n >= minimum and len(w) > 1}
words |= set("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday will may grace hope joy rose mark bill jack frank
sunny guy art bath dawn faith summer autumn winter spring honey ruby amber crystal jade pearl ivy holly
heather daisy lily violet iris olive ginger sandy rusty skip chip rob pat sue bob nick jean ray dean
eve gene jay king prince earl duke baron major sterling page hall green brown white black gray grey
young love star storm river sky rain april harmony melody chance destiny justice liberty trinity
unknown infant baby among an mad harm sever patience prudence charity mercy constance felicity
princess royal border force e-mail email i'm im website tel fax mobile phone
""".split())
open(sys.argv[2], "w").write("\n".join(sorted(words)) + "\n")
print(len(words))
