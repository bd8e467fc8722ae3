#!/usr/bin/env bash
# The backend benchmark (issue 3): cold start, end-to-end offline analysis of a 120-page PDF,
# GET /status under 64 concurrent pollers, POST /analyze accept latency for a 1 MB PDF; each
# beside a reference measured the same way. Takes about two minutes. Usage: bench/backend-bench.sh [OUT]
# Needs the shared bench tools (fountain-to-pdf, node) to render the 120-page screenplay once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/shared.sh"
shared=$(sorot_shared "$root")
out=${1:-$root/bench/out/backend}
mkdir -p "$out/classes"
source "$root/bin/find-jdk.sh"
export JAVA_HOME
"$root/sorot" --version >/dev/null  # builds the jar and its class-data archive, as a user's first run does

pdf="$out/feature-120.pdf"
if [ ! -s "$pdf" ]; then
  # about 4.3 pages a chapter; render, then correct the chapter count once to land on 120 pages
  chapters=28
  for _ in 1 2; do
    python3 "$root/bench/backend/make-feature.py" "$shared/corpus" "$chapters" "$out/feature.fountain"
    "$shared/bench/fountain-to-pdf" "$out/feature.fountain" "$pdf" >/dev/null
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" -ge 115 ] && [ "$pages" -le 125 ] && break
    chapters=$(( chapters * 120 / pages ))
  done
fi
echo "screenplay: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages" >&2

"$JAVA_HOME/bin/javac" -d "$out/classes" "$root/bench/backend/HelloServer.java"
exec "$JAVA_HOME/bin/java" -cp "$root/lambda/cli/target/sorot-cli.jar:$root/lambda/cli/target/lib/*" \
  "$root/bench/backend/BackendBench.java" "$root" "$pdf" "$out"
