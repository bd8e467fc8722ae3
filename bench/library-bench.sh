#!/usr/bin/env bash
# The library with N analyses (default 10,000): the searches and filters the desktop runs, p50/p99/max.
# Target: under 50 ms. Runs LibrarySearchBenchmark in the JMH module (bench/jmh.sh).
#   bench/library-bench.sh [N]
set -euo pipefail
exec "$(dirname "$0")/jmh.sh" LibrarySearchBenchmark -p size="${1:-10000}"
