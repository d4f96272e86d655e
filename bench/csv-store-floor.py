#!/usr/bin/env python3
"""How fast can SQLite take the rows a premises-CSV import writes, with no look-ups and no entity
resolution? Replays the entity, licence_case, licence_event and link_candidate rows of a database
written by `safeguard bench import --csv` into a fresh file with the same tables and indexes, in
the import's order (a new entity and its uncertain pairs, then the case, then the event), one
INSERT per row through Python's sqlite3, committing every BATCH rows, WAL + synchronous=NORMAL +
32 MiB cache + foreign keys, as the store does. A floor for the store thread, not a peer.

usage: csv-store-floor.py SOURCE.sqlite OUT.sqlite [BATCH=5000] [--old-indexes]
  --old-indexes: also create entity_by_postcode (the schema before migration v3-csv-import)
"""
import os, sqlite3, sys, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
source, out = args[0], args[1]
batch = int(args[2]) if len(args) > 2 else 5000
old = "--old-indexes" in sys.argv
src = sqlite3.connect(source)
entities = {row[0]: row for row in src.execute("SELECT * FROM entity")}
cases = src.execute("SELECT * FROM licence_case ORDER BY id").fetchall()
events = src.execute("SELECT * FROM licence_event ORDER BY id").fetchall()
links = {}
for row in src.execute("SELECT * FROM link_candidate ORDER BY id"):
    links.setdefault(row[1], []).append(row)
for suffix in ["", "-wal", "-shm"]:
    if os.path.exists(out + suffix): os.remove(out + suffix)
db = sqlite3.connect(out, isolation_level=None)
for pragma in ["journal_mode=WAL", "synchronous=NORMAL", "cache_size=-32768", "foreign_keys=ON",
               "wal_autocheckpoint=8192"]:
    db.execute("PRAGMA " + pragma)
for (sql,) in src.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
                          "('entity', 'licence_case', 'licence_event', 'link_candidate')"):
    db.execute(sql)
if old:
    db.execute("CREATE INDEX IF NOT EXISTS entity_by_postcode ON entity(postcode_key)")
written = set()
cpu, wall = time.process_time(), time.perf_counter()
db.execute("BEGIN")
for number, (case, event) in enumerate(zip(cases, events)):
    if number and number % batch == 0:
        db.execute("COMMIT"); db.execute("BEGIN")
    if case[3] not in written:
        written.add(case[3])
        db.execute("INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?)", entities[case[3]])
        for link in links.get(case[3], ()):
            db.execute("INSERT INTO link_candidate VALUES (?,?,?,?,?,?)", link)
    db.execute("INSERT INTO licence_case VALUES (?,?,?,?,?,?)", case)
    db.execute("INSERT INTO licence_event VALUES (" + ",".join("?" * len(event)) + ")", event)
db.execute("COMMIT")
print(f"csv-store-floor rows={len(events)} batch={batch} old_indexes={old} "
      f"cpu_s={time.process_time() - cpu:.2f} wall_s={time.perf_counter() - wall:.2f}")
