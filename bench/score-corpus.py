#!/usr/bin/env python3
"""Scores `sorot parse --json` on a rendered corpus in one JVM run, per file and overall.

  score-corpus.py CORPUS_DIR [--worst N] [--show NAME]

Parses every CORPUS_DIR/*.pdf in one `./sorot parse --json` call (parallel inside the JVM),
then scores each file with ../shared/bench/score_parse.py's own functions, so the figures are
the ones `score_parse.py --corpus` prints. --worst lists the files with the lowest accuracy;
--show prints the aligned differences for one file.
"""
import argparse, difflib, importlib.util, json, os, subprocess, sys
from pathlib import Path

here = Path(__file__).resolve().parent


def find_shared(root):
    """$SOROT_SHARED, else "shared" beside the repository, else beside the main checkout of a worktree."""
    if os.environ.get("SOROT_SHARED"):
        return Path(os.environ["SOROT_SHARED"])
    if (root.parent / "shared").is_dir():
        return root.parent / "shared"
    common = subprocess.run(["git", "-C", str(root), "rev-parse", "--git-common-dir"], capture_output=True, text=True)
    if common.returncode == 0:
        main = (root / common.stdout.strip()).resolve().parent
        if (main.parent / "shared").is_dir():
            return main.parent / "shared"
    sys.exit(f"score-corpus: no shared folder beside {root}; set SOROT_SHARED to it")


shared = find_shared(here.parent)
spec = importlib.util.spec_from_file_location("score_parse", shared / "bench" / "score_parse.py")
sp = importlib.util.module_from_spec(spec); spec.loader.exec_module(sp)

ap = argparse.ArgumentParser()
ap.add_argument("corpus"); ap.add_argument("--worst", type=int, default=0); ap.add_argument("--show")
ap.add_argument("--sorot", default=str(here.parent / "sorot"))
a = ap.parse_args()
pdfs = sorted(p for p in Path(a.corpus).glob("*.pdf") if p.with_suffix(".truth.json").exists())
if a.show:
    pdfs = [p for p in pdfs if a.show in p.name]
out = subprocess.run([a.sorot, "parse", "--json"] + [str(p) for p in pdfs], capture_output=True, text=True)
preds = json.loads(out.stdout)
if isinstance(preds, dict):
    preds = [dict(preds, file=str(pdfs[0]))]
results, rows = [], []
for pdf, pred in zip(pdfs, preds):
    truth = json.loads(pdf.with_suffix(".truth.json").read_text())
    if "error" in pred:
        print(f"FAILED {pdf.name}: {pred['error']}", file=sys.stderr)
        pred = {"elements": []}
    c = sp.counts(truth, pred)
    results.append(c)
    acc = c["correct"] / max(1, c["truth_words"])
    if c["truth_words"]: rows.append((acc, c["scene_f1"], c["cue_f1"], c["title_ok"], pdf.name))
    if a.show:
        t, p = sp.flatten(truth), sp.flatten(pred)
        print(f"== {pdf.name} acc={acc:.4f} scene_f1={c['scene_f1']:.3f} cue_f1={c['cue_f1']:.3f} title_ok={c['title_ok']} pred_title={pred.get('title')!r} truth_title={truth.get('title')!r}")
        m = difflib.SequenceMatcher(None, [x[0] for x in t], [x[0] for x in p], autojunk=False)
        for op, i1, i2, j1, j2 in m.get_opcodes():
            if op != "equal":
                print(f"  {op}: truth {[(w, ty[:4]) for w, ty, _ in t[i1:i2]][:12]}  pred {[(w, ty[:4]) for w, ty, _ in p[j1:j2]][:12]}")
            else:
                for k in range(i2 - i1):
                    if t[i1 + k][1] != p[j1 + k][1] or t[i1 + k][2] != p[j1 + k][2]:
                        print(f"  label: {t[i1+k][0]} truth={t[i1+k][1]}/{t[i1+k][2]} pred={p[j1+k][1]}/{p[j1+k][2]}")
        ht = [" ".join(sp.words(e["text"])) for e in truth["elements"] if e["type"] == "SCENE_HEADING"]
        hp = [" ".join(sp.words(e["text"])) for e in pred["elements"] if e["type"] == "SCENE_HEADING"]
        if sorted(ht) != sorted(hp):
            print("  headings truth-only:", sorted(set(ht) - set(hp))[:10], " pred-only:", sorted(set(hp) - set(ht))[:10])
        ct = [sp.speaker(e["text"]) for e in truth["elements"] if e["type"] == "CHARACTER"]
        cp = [sp.speaker(e["text"]) for e in pred["elements"] if e["type"] == "CHARACTER"]
        from collections import Counter
        if Counter(ct) != Counter(cp):
            print("  cues truth-only:", dict(Counter(ct) - Counter(cp)), " pred-only:", dict(Counter(cp) - Counter(ct)))
summary = sp.summarize(results)
print(json.dumps(summary, indent=1))
if a.worst:
    for row in sorted(rows)[: a.worst]:
        print("%.4f scene=%.3f cue=%.3f title=%s %s" % row)
