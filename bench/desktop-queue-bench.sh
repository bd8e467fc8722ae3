#!/usr/bin/env bash
# Is the window responsive with 200 submissions in the queue? FX-thread delay while 200 screenplays
# are pre-flighted, analysed on the embedded backend and the list scrolled, vs the idle window.
# Usage: bench/desktop-queue-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib/desktop-tour.sh"
run_tour ai.sorot.desktop.tour.QueueLoadBench
