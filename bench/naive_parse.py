#!/usr/bin/env python3
"""The naive reference the accuracy figures are compared with: poppler's `pdftotext -layout`
plus indentation rules (the approach a quick script takes). Prints the bench parse format.

  naive_parse.py FILE.pdf
"""
import json, re, subprocess, sys

HEADING = re.compile(r"^(INT|EXT|EST|INT\./EXT|INT/EXT|I/E)[ .]", re.I)


def main(path):
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    elements, para, kind = [], [], None

    def flush():
        nonlocal para, kind
        if para:
            elements.append({"type": kind, "text": " ".join(para)})
        para, kind = [], None

    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        indent = len(line) - len(line.lstrip())
        body = line.strip()
        if indent >= 30 and body.endswith(":"):
            t = "TRANSITION"
        elif indent >= 18 and body.upper() == body and not body.startswith("("):
            t = "CHARACTER"
        elif indent >= 14 and body.startswith("("):
            t = "PARENTHETICAL"
        elif indent >= 8:
            t = "DIALOGUE"
        elif HEADING.match(body):
            t = "SCENE_HEADING"
        else:
            t = "ACTION"
        if t != kind or t in ("CHARACTER", "SCENE_HEADING", "TRANSITION"):
            flush()
            kind = t
        para.append(body)
    flush()
    print(json.dumps({"title": None, "authors": [], "elements": elements}))


if __name__ == "__main__":
    main(sys.argv[1])
