#!/usr/bin/env bash
# Parse speed, side by side with poppler's pdftotext -layout over the same PDFs, in one run.
#   bench/parse-speed.sh [DIR...]   (default: the festival batch of 120 scripts / ~4,200 pages made by
#                                    make-batch.sh, the feature-length set and the fixture corpus)
# Each measurement is a whole batch as a user runs it (process start included), repeated RUNS times
# (default 5), interleaved so that a busy machine weighs on all alike; medians are printed. pdftotext
# runs once per file, in sequence and in parallel (xargs -P cores); sorot parses the folder in one
# process (./sorot parse --json DIR, the launcher choosing its batch flags). "x seq" is the ratio of
# sorot's wall time to sequential pdftotext's, the festival-scale target being <= 1.0; the CPU
# columns (user + sys seconds) say how much work each did, which a loaded machine disturbs less.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-5}
cores=$(nproc)
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt install poppler-utils)" >&2; exit 1; }
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  [ -d "$here/out/long" ] || "$here/make-long-scripts.sh" >/dev/null
  [ -d "$here/out/corpus" ] || "$here/make-corpus.sh" >/dev/null
  dirs=("$("$here/make-batch.sh" 120)" "$here/out/long" "$here/out/corpus")
fi
"$root/sorot" selftest >/dev/null   # build, and record the start-up archive

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
stamp=$(mktemp); trap 'rm -f "$stamp"' EXIT
# prints "wall_ms cpu_ms" for one run of the command
timed() { /usr/bin/time -f '%e %U %S' -o "$stamp" "$@" >/dev/null 2>&1 || true; awk '{printf "%d %d\n", $1*1000, ($2+$3)*1000}' "$stamp"; }
pdftotext_seq() { for f in "$1"/*.pdf; do pdftotext -layout "$f" - ; done; }
pdftotext_par() { find "$1" -maxdepth 1 -name '*.pdf' -print0 | xargs -0 -n 1 -P "$cores" sh -c 'pdftotext -layout "$0" -'; }
sorot_parse() { "$root/sorot" parse --json "$1"; }
export -f pdftotext_seq pdftotext_par sorot_parse; export root cores

printf '%-22s %5s %6s | %11s %11s %11s | %6s %6s | %9s %9s\n' set files pages "pdftotext" "pdft -P" "sorot" "x seq" "x par" "pdft cpu" "sorot cpu"
for dir in "${dirs[@]}"; do
  files=$(find "$dir" -maxdepth 1 -name '*.pdf' | wc -l)
  pages=$(for f in "$dir"/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages/{print $2}'; done | awk '{s+=$1} END {print s}')
  seq=(); par=(); ours=(); seq_cpu=(); ours_cpu=()
  for ((i = 0; i < runs; i++)); do
    read -r w c < <(timed bash -c 'pdftotext_seq "$0"' "$dir"); seq+=("$w"); seq_cpu+=("$c")
    read -r w c < <(timed bash -c 'pdftotext_par "$0"' "$dir"); par+=("$w")
    read -r w c < <(timed bash -c 'sorot_parse "$0"' "$dir"); ours+=("$w"); ours_cpu+=("$c")
  done
  s=$(printf '%s\n' "${seq[@]}" | median); p=$(printf '%s\n' "${par[@]}" | median); o=$(printf '%s\n' "${ours[@]}" | median)
  sc=$(printf '%s\n' "${seq_cpu[@]}" | median); oc=$(printf '%s\n' "${ours_cpu[@]}" | median)
  printf '%-22s %5d %6d | %8d ms %8d ms %8d ms | %6.2f %6.2f | %7.1f s %7.1f s\n' "$(basename "$dir")" "$files" "$pages" \
    "$s" "$p" "$o" "$(echo "$o / $s" | bc -l)" "$(echo "$o / $p" | bc -l)" "$(echo "$sc / 1000" | bc -l)" "$(echo "$oc / 1000" | bc -l)"
done
echo "($runs runs each, medians; $cores cores; load average now $(cut -d' ' -f1-3 /proc/loadavg); sorot = one JVM parsing the folder with --json, structure and statistics included)"
