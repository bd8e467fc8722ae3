#!/usr/bin/env bash
# Builds feature-length screenplays for the speed benchmark: the bodies of the corpus's real
# scripts (title pages dropped) joined into one Fountain file of about 120 pages, rendered as PDF
# under several print configs. Usage: make-long-scripts.sh [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/shared.sh"
shared=$(sorot_shared "$(dirname "$here")")
out=${1:-$here/out/long}
mkdir -p "$out"
src="$out/feature.fountain"
if [ ! -s "$src" ]; then
  {
    echo "Title: The Long Night of Many Stories"
    echo "Credit: Written by"
    echo "Author: The Sorot Bench"
    echo "Draft date: 11/28/2026"
    echo
    for round in 1 2 3; do
      for f in "$shared"/corpus/ebscreenplays-pd/*/*.fountain "$shared"/corpus/screenplain/examples/Brick-and-Steel.fountain \
               "$shared"/corpus/afterwriting/fountain/test.fountain; do
        # drop the title page: everything up to the first blank line when the file starts with "Key:"
        awk 'NR==1 && /^[A-Za-z ]+:/ {skip=1} skip && /^[[:space:]]*$/ {skip=0; next} !skip' "$f"
        echo
      done
    done
  } > "$src"
fi
for cfg in "$here"/configs/letter-plain.json "$here"/configs/a4-numbers-both.json "$here"/configs/letter-continued-underline.json \
           "$here"/configs/letter-left-bold-header.json; do
  tag=$(basename "$cfg" .json)
  pdf="$out/feature--$tag.pdf"
  [ -s "$pdf" ] || "$shared/bench/fountain-to-pdf" "$src" "$pdf" "$cfg"
  [ -s "${pdf%.pdf}.truth.json" ] || "$shared/bench/fountain-truth" "$src" "$cfg" > "${pdf%.pdf}.truth.json"
done
for pdf in "$out"/*.pdf; do echo "$(pdfinfo "$pdf" | awk '/^Pages/{print $2}') pages  $pdf"; done
