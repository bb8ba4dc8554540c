#!/usr/bin/env python3
"""After a crash: every write the web client saw acknowledged is in the database. An added member is
there with its card; an edited member's home town is its last acknowledged edit or a later one (a write
can commit and the server die before the answer leaves)."""
import sqlite3
import sys

db, log = sys.argv[1], sys.argv[2]
added, edited = {}, {}
for line in open(log):
    kind, member_id, value = line.split()
    if kind == "add":
        added[int(member_id)] = value
    else:
        edited[int(member_id)] = max(edited.get(int(member_id), 0), int(value))
conn = sqlite3.connect(db)
lost = []
for member_id, card in added.items():
    row = conn.execute("SELECT party_card_number, home_town FROM member WHERE id = ?", (member_id,)).fetchone()
    if row is None or row[0] != card:
        lost.append("member %d (card %s) acknowledged but missing" % (member_id, card))
        continue
    k = edited.get(member_id, 0)
    stored = int(row[1].rsplit(" ", 1)[1]) if row[1].startswith("Quê sửa lần ") else 0
    if stored < k:
        lost.append("member %d: edit %d acknowledged, stored home town %r" % (member_id, k, row[1]))
for problem in lost[:10]:
    print(problem)
print("%d acknowledged additions, %d edited members checked, %d lost" % (len(added), len(edited), len(lost)))
sys.exit(1 if lost else 0)
