#!/usr/bin/env python3
"""Writes zip bombs shaped like the one in issue 13: N entries of M MB of zeros, deflated once and
written under N names, so a ~12 MB file expands to gigabytes. Usage:
  zip-bomb.py OUT.zip [--entries 40] [--mb 290] [--no-manifest] [--hide-sizes]
With a manifest it is a Sorot session bundle whose screenplays are the bombs; --hide-sizes makes the
headers claim 1,000 bytes per entry (the reader must count what it expands, not trust the header)."""
import argparse, json, struct, zlib

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--entries", type=int, default=40)
ap.add_argument("--mb", type=int, default=290)
ap.add_argument("--no-manifest", action="store_true")
ap.add_argument("--hide-sizes", action="store_true")
a = ap.parse_args()

size = a.mb << 20
comp = zlib.compressobj(9, zlib.DEFLATED, -15)
chunk = bytes(1 << 20)
packed, crc = [], 0
for _ in range(a.mb):
    packed.append(comp.compress(chunk))
    crc = zlib.crc32(chunk, crc)
packed.append(comp.flush())
packed = b"".join(packed)

entries = []
ids = ["bomb-%d" % i for i in range(a.entries)]
if not a.no_manifest:
    items = [{"id": i, "audioContentType": None, "reviewed": False, "rating": None, "verdict": None, "notes": "",
              "shortlisted": False, "tags": [], "card": {}} for i in ids]
    entries.append(("bundle.json", 0, json.dumps({"format": 1, "session": "Bomb", "rubric": [], "items": items}).encode(), None, None))
    for i in ids:
        entries.append(("items/%s/report.json" % i, 0, json.dumps({"analysisId": i, "title": i}).encode(), None, None))
for i in ids:
    entries.append(("items/%s/source.pdf" % i, 8, packed, crc, 1000 if a.hide_sizes else size))

with open(a.out, "wb") as f:
    central, offset = b"", 0
    for name, method, data, c, usize in entries:
        n = name.encode()
        if c is None:
            c, usize = zlib.crc32(data), len(data)
        local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, method, 0, 0x21, c, len(data), usize, len(n), 0) + n
        f.write(local)
        f.write(data)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, method, 0, 0x21, c, len(data), usize,
                               len(n), 0, 0, 0, 0, 0, offset) + n
        offset += len(local) + len(data)
    f.write(central)
    f.write(struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(central), offset, 0))
