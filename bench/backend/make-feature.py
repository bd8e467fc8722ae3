#!/usr/bin/env python3
"""Writes a feature-length Fountain screenplay from the corpus's short public-domain and
MIT-licensed scripts, told one after another as CHAPTERS chapters of one film (about 4.3 pages a
chapter when rendered by afterwriting). Usage: make-feature.py CORPUS_DIR CHAPTERS OUT.fountain"""
import pathlib
import re
import sys

SOURCES = [
    "ebscreenplays-pd/cyber_bob/Cyber_Bob_ep00001.fountain",
    "ebscreenplays-pd/cyber_bob/Cyber_Bob_epWinDebateAgainstLincoln.fountain",
    "screenplain/examples/Brick-and-Steel.fountain",
    "ebscreenplays-pd/various/As_I_Am_a_Cat_I_Eat_Mice.fountain",
    "ebscreenplays-pd/the_pulpit/pulpit__fire.fountain",
    "afterwriting/fountain/test.fountain",
]


def body(text: str) -> str:
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    # a title page is "Key: value" lines (and their indented continuations) up to the first blank line
    if lines and re.match(r"^[A-Za-z ]+:", lines[0]):
        while lines and lines[0].strip():
            lines.pop(0)
    return "\n".join(lines).strip() + "\n"


def main() -> None:
    corpus, chapters, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
    parts = ["Title: THE LONG PROGRAMME\nCredit: Written by\nAuthor: Sorot Test Corpus\nDraft date: 2026\n"]
    for chapter in range(chapters):
        source = SOURCES[chapter % len(SOURCES)]
        parts.append(body((corpus / source).read_text(encoding="utf-8")))
        parts.append("\n===\n")
    out.write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
