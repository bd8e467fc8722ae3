#!/usr/bin/env bash
# Builds the festival-scale speed batch: 120 screenplays of about 35 pages (about 4,000 pages in
# all), each the bodies of the corpus's longer scripts in a rotated order, rendered by afterwriting
# (../shared/bench/fountain-to-pdf) under the print configs of bench/configs in turn. Cached
# outside git (SOROT_BENCH_CACHE, default ~/.cache/sorot-bench): a second run only prints the folder.
#   bench/make-batch.sh [COUNT]    prints the folder holding the PDFs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/shared.sh
source "$here/lib/shared.sh"
shared=$(sorot_shared "$(dirname "$here")")
count=${1:-120}
out=${SOROT_BENCH_CACHE:-$HOME/.cache/sorot-bench}/parse-batch-v2-$count  # v2: the recipe below
src_dir=$out-src   # the Fountain sources beside the folder, not in it: parse FOLDER would read them too
mkdir -p "$out" "$src_dir"
mapfile -t parts < <(ls "$shared"/corpus/ebscreenplays-pd/*/*.fountain \
  "$shared"/corpus/screenplain/examples/Brick-and-Steel.fountain "$shared"/corpus/afterwriting/fountain/test.fountain | sort)
mapfile -t configs < <(ls "$here"/configs/*.json | sort)
n=${#parts[@]}
for ((i = 0; i < count; i++)); do
  name=$(printf 'script-%03d' "$i")
  pdf="$out/$name.pdf"
  [ -s "$pdf" ] && continue
  src="$src_dir/$name.fountain"
  {
    printf 'Title: Batch Script %d\nCredit: Written by\nAuthor: The Sorot Bench\n\n' "$i"
    # a rotated order, and one or two parts left out, so the scripts differ in text and length
    take=$(( n - 1 - (i / n) % 2 ))
    for ((k = 0; k < take; k++)); do
      f=${parts[$(( (i + k) % n ))]}
      # the part's title page dropped: everything up to the first blank line when it starts with "Key:"
      awk 'NR==1 && /^[A-Za-z ]+:/ {skip=1} skip && /^[[:space:]]*$/ {skip=0; next} !skip' "$f"
      echo
    done
  } > "$src"
  "$shared/bench/fountain-to-pdf" "$src" "$pdf" "${configs[$(( i % ${#configs[@]} ))]}" >&2
done
echo "$out"
