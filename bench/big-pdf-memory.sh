#!/usr/bin/env bash
# Memory stays bounded on a very large PDF: parses a ~190 MB screenplay PDF (20 pages, each with a
# big uncompressed image) with the heap capped at 96 MB, and prints the time and peak RSS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pdf="$here/out/big/big-190mb.pdf"
mkdir -p "$(dirname "$pdf")"
[ -s "$pdf" ] || python3 "$here/big-pdf.py" "$pdf" 190
"$root/sorot" selftest >/dev/null
SOROT_JAVA_OPTS="-Xmx96m" /usr/bin/time -f "wall %e s, peak RSS %M KB" "$root/sorot" parse --stats "$pdf" | head -3
