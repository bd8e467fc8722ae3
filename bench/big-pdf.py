#!/usr/bin/env python3
"""Writes a valid screenplay PDF of about SIZE_MB megabytes: a few pages of Courier text, each
with a large uncompressed image of noise (a scan-heavy submission, or a script with photos).

  big-pdf.py OUT.pdf [SIZE_MB]
"""
import os, sys

out, size_mb = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
pages = 20
side = int(((size_mb * 1024 * 1024) / pages / 3) ** 0.5)  # RGB bytes per image = side^2 * 3
lines = ["INT. ARCHIVE - NIGHT", "", "Boxes of photographs fill the shelves.", "",
         "                      MARA", "            Every picture is a scene.", "",
         "                      JONAS", "            Then we have a film."]
objects = []  # bytes of each object, 1-based ids


def add(data):
    objects.append(data)
    return len(objects)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
page_ids = []
pages_id_placeholder = len(objects) + 1 + pages * 3  # filled below
kids = []
for p in range(pages):
    text = "BT /F1 12 Tf 108 700 Td 12 TL " + " ".join(
        "(%s) '" % l.replace("(", "\\(").replace(")", "\\)") for l in lines + ["Page %d." % (p + 1)]) + " ET"
    content = ("q 300 0 0 200 150 100 cm /Im1 Do Q " + text).encode()
    cid = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    noise = os.urandom(side * side * 3)
    iid = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length %d >>\nstream\n"
              % (side, side, len(noise)) + noise + b"\nendstream")
    kids.append((cid, iid))
pages_id = len(objects) + pages + 1
for cid, iid in kids:
    page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>" % (pages_id, cid, font, iid)))
assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % i for i in page_ids), pages)) == pages_id
catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
with open(out, "wb") as f:
    f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, data in enumerate(objects, 1):
        offsets.append(f.tell())
        f.write(b"%d 0 obj\n" % i + data + b"\nendobj\n")
    xref = f.tell()
    f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        f.write(b"%010d 00000 n \n" % o)
    f.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
print(out, os.path.getsize(out) // (1024 * 1024), "MB")
