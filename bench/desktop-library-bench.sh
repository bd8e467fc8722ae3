#!/usr/bin/env bash
# The desktop library page with 10,000 analyses in the real window (Xvfb): time to show them all,
# search/filter from the change to the updated table, sort and scroll; reference: the same query on
# the library with no UI. The library is kept in bench/out/desktop-library between runs.
# Usage: bench/desktop-library-bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib/desktop-tour.sh"
mkdir -p "$ROOT/bench/out/desktop-library"
run_tour -Xmx1g ai.sorot.desktop.tour.LibraryTableBench "${1:-10000}" "$ROOT/bench/out/desktop-library"
