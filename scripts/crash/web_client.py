#!/usr/bin/env python3
"""Writes to a running `dangvu serve` through the JSON API until the server goes away, logging every
acknowledged write (one line each, flushed before the next request) so crash-trials.sh can check that
none of them was lost.

Log lines: `add ID CARD` after a 201 for a new member; `edit ID K` after a 200 for the member's K-th edit
(its home town becomes `Quê sửa lần K`). Each thread edits only members it added, so no edit is refused
as stale."""
import argparse
import json
import threading
import urllib.error
import urllib.request


def request(base, token, method, path, body):
    req = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return response.status, json.loads(response.read() or b"{}")


def worker(args, thread, log, lock):
    n = 0
    try:
        while True:
            n += 1
            card = "9%02d%05d" % (thread, n)
            fields = {"fullName": "Người Ghi Web %d %d" % (thread, n), "gender": "female",
                      "birthDate": "1990-01-01", "ethnicity": "Kinh", "religion": "Không",
                      "partyCardNumber": card}  # an edit replaces every field: the card is sent each time
            status, record = request(args.base, args.token, "POST", "/api/members", dict(
                fields, cell=args.cell, admissionDate="2020-05-19", decisionNumber="%s-QĐ/ĐU" % card))
            if status != 201:
                raise SystemExit("unexpected status %d" % status)
            member_id, version = record["member"]["id"], record["version"]
            with lock:
                log.write("add %d %s\n" % (member_id, card))
                log.flush()
            for k in range(1, args.edits + 1):
                status, record = request(args.base, args.token, "PUT", "/api/members/%d" % member_id, dict(
                    fields, version=version, homeTown="Quê sửa lần %d" % k))
                if status != 200:
                    raise SystemExit("unexpected status %d" % status)
                version = record["version"]
                with lock:
                    log.write("edit %d %d\n" % (member_id, k))
                    log.flush()
    except (urllib.error.URLError, ConnectionError, OSError):
        return  # the server was killed: stop writing


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--cell", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    lock = threading.Lock()
    with open(args.log, "a") as log:
        threads = [threading.Thread(target=worker, args=(args, t, log, lock)) for t in range(args.threads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


if __name__ == "__main__":
    main()
