#!/usr/bin/env bash
# Speed of the no-model analysis (under 5 s for a 120-page script, audio included): the five steps of one
# script in a running local backend, one warm-up then RUNS measured analyses (default 5), each printed with
# their mean. Runs NoModelAnalysisBenchmark in the JMH module (bench/jmh.sh).
#   bench/no-model-speed.sh SCRIPT.pdf [RUNS]
set -euo pipefail
script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec "$(dirname "$0")/jmh.sh" NoModelAnalysisBenchmark -p script="$script" -i "${2:-5}"
