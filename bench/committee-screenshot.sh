#!/usr/bin/env bash
# A screenshot of the desktop's committee page (my queue, own rating beside the committee's, a
# conflict to settle) from the real window under Xvfb on the real embedded backend.
# Usage: bench/committee-screenshot.sh [OUT_DIR]   (default docs/screenshots; writes committee.png)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/docs/screenshots}")
source "$ROOT/bench/lib/desktop-tour.sh"
run_tour ai.sorot.desktop.tour.CommitteeTour "$OUT"
