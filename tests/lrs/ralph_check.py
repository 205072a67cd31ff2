"""Reads every statement back from the LRS and checks them against the ids Motivo queued.

Usage: ralph_check.py ENDPOINT EXPECTED_IDS_FILE OUT.json [--compare OUTBOX_SNAPSHOT.json ...]
Credentials come from MOTIVO_LRS_USER / MOTIVO_LRS_PASSWORD. Prints one `ok`/`FAIL` line per check and exits 1
on any failure. Writes the statements read back to OUT.json (for the xAPI validator).
"""

import collections
import json
import os
import sys
from datetime import datetime
from urllib.parse import urljoin

import requests

endpoint, ids_file, out_file = sys.argv[1:4]
snapshots = sys.argv[5:] if len(sys.argv) > 4 and sys.argv[4] == "--compare" else []
auth = (os.environ["MOTIVO_LRS_USER"], os.environ["MOTIVO_LRS_PASSWORD"])
headers = {"X-Experience-API-Version": "1.0.3"}

statements = []
url = endpoint.rstrip("/") + "/statements?limit=500"
for _ in range(1000):
    r = requests.get(url, auth=auth, headers=headers, timeout=15)
    r.raise_for_status()
    body = r.json()
    statements.extend(body["statements"])
    more = body.get("more")
    if not more:
        break
    url = urljoin(endpoint, more)
json.dump(statements, open(out_file, "w"), ensure_ascii=False)

expected = [line.strip() for line in open(ids_file) if line.strip()]
counts = collections.Counter(s["id"] for s in statements)
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    failures += 0 if ok else 1


check(len(expected) == len(set(expected)), f"{len(expected)} queued statement ids are distinct")
missing = [i for i in expected if counts[i] == 0]
dupes = [i for i, n in counts.items() if n > 1]
extra = [i for i in counts if i not in set(expected)]
check(not missing, f"every queued statement arrived ({len(expected) - len(missing)}/{len(expected)})")
check(not dupes, f"no statement arrived twice ({len(dupes)} duplicated)")
check(not extra, f"nothing else arrived ({len(extra)} unexpected)")

# What arrived is what Motivo queued (the LRS adds stored, authority, version).
by_id = {s["id"]: s for s in statements}
compared = differing = 0
sent = {}
for snap in snapshots:
    for s in json.load(open(snap))["statements"]:
        sent[s["id"]] = s
for s in sent.values():
    got = by_id.get(s["id"])
    if got is None:
        continue
    compared += 1
    for key in ("actor", "verb", "object", "result", "context", "timestamp"):
        a, b = s.get(key), got.get(key)
        if key == "timestamp" and a and b:
            a, b = datetime.fromisoformat(a), datetime.fromisoformat(b)
        if a != b:
            differing += 1
            print(f"     {s['id']} {key}: sent {json.dumps(a)[:200]} got {json.dumps(b)[:200]}")
            break
if snapshots:
    check(compared > 0 and differing == 0, f"{compared} statements read back unchanged ({differing} differ)")

verbs = collections.Counter(s["verb"]["id"].rsplit("/", 1)[-1] for s in statements)
print("     verbs: " + ", ".join(f"{v} {n}" for v, n in sorted(verbs.items())))
check(verbs["initialized"] > 0 and verbs["responded"] > 0 and verbs["completed"] > 0, "initialized, responded and completed present")
check(verbs["passed"] + verbs["failed"] == verbs["completed"], "one passed/failed per completed")
sys.exit(1 if failures else 0)
