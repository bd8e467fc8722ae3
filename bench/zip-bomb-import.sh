#!/usr/bin/env bash
# Zip bombs stay bounded: `sorot library import` of the issue-13 bundle (about 12 MB, 40 screenplays of
# 290 MB each, 11.6 GB expanded), the same with headers that hide the sizes, and one with no bundle.json.
# Prints each outcome, wall time and peak RSS (target: refused with ARCHIVE_TOO_LARGE or
# UNSUPPORTED_FORMAT, exit 2, under 300 MB RSS).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out/zip-bomb"
mkdir -p "$out"
[ -s "$out/bundle.zip" ] || python3 "$here/zip-bomb.py" "$out/bundle.zip"
[ -s "$out/hidden.zip" ] || python3 "$here/zip-bomb.py" "$out/hidden.zip" --hide-sizes
[ -s "$out/no-manifest.zip" ] || python3 "$here/zip-bomb.py" "$out/no-manifest.zip" --no-manifest
"$root/sorot" selftest >/dev/null
for bomb in bundle hidden no-manifest; do
  library=$(mktemp -d)
  printf '%-12s %5s MB  ' "$bomb" "$(( $(stat -c %s "$out/$bomb.zip") >> 20 ))"
  set +e
  /usr/bin/time -f "exit %x, wall %e s, peak RSS %M KB" "$root/sorot" library import --library "$library" "$out/$bomb.zip" 2>&1 | tr '\n' ' '
  set -e
  echo
  rm -rf "$library"
done
