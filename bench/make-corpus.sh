#!/usr/bin/env bash
# Renders every Latin-script Fountain screenplay of ../shared/corpus as a PDF under each print
# config in bench/configs (afterwriting, via ../shared/bench/fountain-to-pdf), with its ground
# truth beside it: OUT/<script>--<config>.pdf + .truth.json. Usage: make-corpus.sh [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/shared.sh"
shared=$(sorot_shared "$(dirname "$here")")
out=${1:-$here/out/corpus}
mkdir -p "$out"
# Non-Latin scripts (jp, sc, cyrillic) are left out: the scorer counts only A-Z/0-9 words.
mapfile -t sources < <(find "$shared/corpus" -name '*.fountain' \
  ! -name 'jp*' ! -name 'sc*' ! -name 'cyrillic*' | sort)
for src in "${sources[@]}"; do
  name=$(basename "$src" .fountain)
  for cfg in "$here"/configs/*.json; do
    tag=$(basename "$cfg" .json)
    pdf="$out/$name--$tag.pdf"
    [ -s "$pdf" ] && [ -s "${pdf%.pdf}.truth.json" ] && continue
    "$shared/bench/fountain-to-pdf" "$src" "$pdf" "$cfg" || { echo "skip $name/$tag: no PDF" >&2; continue; }
    "$shared/bench/fountain-truth" "$src" "$cfg" > "${pdf%.pdf}.truth.json"
  done
done
echo "$(ls "$out"/*.pdf | wc -l) PDFs in $out"
