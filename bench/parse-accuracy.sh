#!/usr/bin/env bash
# Parse accuracy, scored by ../shared/bench/score_parse.py (the official scorer), on:
#   corpus      every Latin-script Fountain file of ../shared/corpus rendered by afterwriting under
#               the print configs in bench/configs (Letter/A4, scene numbers none/left/right/both,
#               headers, footers, watermark, CONTINUED, bold/underlined headings, (MORE)/(CONT'D))
#   long        a feature-length script (about 115 pages) under four configs
#   screenplain PDFs made by a second, independent renderer (screenplain/ReportLab), truth from
#               the Fountain source
# and, side by side, the naive pdftotext-plus-indentation reference (bench/naive_parse.py).
# Usage: bench/parse-accuracy.sh [--quick]   (--quick: sorot only, one JVM per corpus)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
source "$here/lib/shared.sh"
shared=$(sorot_shared "$root")
"$here/make-corpus.sh" >/dev/null
"$here/make-long-scripts.sh" >/dev/null
mkdir -p "$here/out/screenplain"
for pdf in "$shared"/corpus/screenplain/tests/*.pdf "$shared"/corpus/screenplain/examples/*.pdf; do
  name=$(basename "$pdf" .pdf)
  cp "$pdf" "$here/out/screenplain/$name.pdf"
  "$shared/bench/fountain-truth" "${pdf%.pdf}.fountain" > "$here/out/screenplain/$name.truth.json"
done
"$root/sorot" selftest >/dev/null
figures='word_accuracy|macro_f1|extra_words|speaker_accuracy|scene_heading_f1|character_cue_f1|title_accuracy|"files"|seconds'
for set in corpus long screenplain; do
  echo "== $set"
  if [ "${1:-}" = "--quick" ]; then
    python3 "$here/score-corpus.py" "$here/out/$set" | grep -E "$figures"
    continue
  fi
  echo "-- sorot parse --json"
  python3 "$shared/bench/score_parse.py" --corpus "$here/out/$set" -- "$root/sorot" parse --json | grep -E "$figures"
  echo "-- naive reference (pdftotext -layout + indentation)"
  python3 "$shared/bench/score_parse.py" --corpus "$here/out/$set" -- python3 "$here/naive_parse.py" | grep -E "$figures"
done
