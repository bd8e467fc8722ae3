#!/usr/bin/env bash
# Screenshots of the desktop app's main screens (drop zone, queue running, report, charts, evidence
# page, refusal, settings, dark theme, API unreachable) and the library (list, search, review mode,
# compare), taken from the real window under Xvfb on the
# real embedded backend. Usage: bench/desktop-screenshots.sh [OUT_DIR]   (default docs/screenshots)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/docs/screenshots}")
source "$ROOT/bench/lib/desktop-tour.sh"
run_tour ai.sorot.desktop.tour.ScreenshotTour "$OUT"
# review mode's player needs a sound output: ALSA's null device, as in the tests
TOUR_HOME="$ROOT/desktop/src/test/alsa" run_tour ai.sorot.desktop.tour.LibraryTour "$OUT"
