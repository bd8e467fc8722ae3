#!/usr/bin/env bash
# Parse speed, side by side with poppler's pdftotext -layout over the same PDFs, in one run.
#   bench/parse-speed.sh [DIR...]     (default: the feature-length set and the fixture corpus)
# Each measurement is a whole batch as a user runs it (process start included), repeated RUNS
# times; the median is printed, with the ratio sorot / pdftotext. pdftotext runs once per file,
# in sequence and in parallel (xargs -P cores); sorot parses the folder in one process, in parallel.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-7}
cores=$(nproc)
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt install poppler-utils)" >&2; exit 1; }
[ -d "$here/out/long" ] || "$here/make-long-scripts.sh" >/dev/null
[ -d "$here/out/corpus" ] || "$here/make-corpus.sh" >/dev/null
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$here/out/long" "$here/out/corpus")
"$root/sorot" selftest >/dev/null   # build, and record the class-data-sharing archive

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
pdftotext_seq() { for f in "$1"/*.pdf; do pdftotext -layout "$f" - ; done; }
pdftotext_par() { find "$1" -maxdepth 1 -name '*.pdf' -print0 | xargs -0 -n 1 -P "$cores" sh -c 'pdftotext -layout "$0" -'; }
sorot_parse() { "$root/sorot" parse --json "$1"; }

printf '%-28s %6s %7s | %12s %12s %12s | %8s %8s\n' set files pages "pdftotext ms" "pdft -P ms" "sorot ms" "x seq" "x par"
for dir in "${dirs[@]}"; do
  files=$(find "$dir" -maxdepth 1 -name '*.pdf' | wc -l)
  pages=$(for f in "$dir"/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages/{print $2}'; done | awk '{s+=$1} END {print s}')
  seq=(); par=(); ours=()
  for ((i = 0; i < runs; i++)); do
    seq+=("$(timed pdftotext_seq "$dir")")
    par+=("$(timed pdftotext_par "$dir")")
    ours+=("$(timed sorot_parse "$dir")")
  done
  s=$(printf '%s\n' "${seq[@]}" | median); p=$(printf '%s\n' "${par[@]}" | median); o=$(printf '%s\n' "${ours[@]}" | median)
  printf '%-28s %6d %7d | %12d %12d %12d | %8.2f %8.2f\n' "$(basename "$dir")" "$files" "$pages" "$s" "$p" "$o" \
    "$(echo "$o / $s" | bc -l)" "$(echo "$o / $p" | bc -l)"
done
echo "($runs runs each, medians; $cores cores; sorot = one JVM parsing the folder with --json, structure and statistics included)"
