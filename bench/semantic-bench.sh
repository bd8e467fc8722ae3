#!/usr/bin/env bash
# The semantic library with N analyses (default 10,000) given synthetic vectors: p50/p99/max of "similar"
# and of the search by meaning (the real model embeds the phrase). Target: under 50 ms. See
# docs/semantic-library.md. Runs SemanticSearchBenchmark in the JMH module (bench/jmh.sh).
#   bench/semantic-bench.sh [N]
set -euo pipefail
exec "$(dirname "$0")/jmh.sh" SemanticSearchBenchmark -p size="${1:-10000}"
