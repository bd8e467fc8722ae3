#!/usr/bin/env bash
# JMH benchmarks of the backend's Java code (bench/jmh, a Maven project outside the root reactor, so the
# build and its tests never run it). Installs the backend, builds the benchmarks, runs them and prints
# JMH's table (and writes bench/out/jmh/results.json).
#   bench/jmh.sh                         every benchmark
#   bench/jmh.sh LibrarySearch -p size=1000   a regular expression of benchmarks, then any JMH option
#   bench/jmh.sh --dump FILE.pdf [PAGES] the engine's line geometry of a PDF (a developer tool, not a benchmark)
# Benchmarks: LibrarySearchBenchmark, SemanticSearchBenchmark (p50/p99/max, target under 50 ms),
# ParseBenchmark (-p folder=..., default the shared corpus), NoModelAnalysisBenchmark (-p script=FILE.pdf,
# default the shared corpus's Brick and Steel). The shared folder: $SOROT_SHARED, or found beside the checkout.
# Libraries filled for the search benchmarks are kept in bench/out/jmh between runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
# shellcheck source=bin/find-jdk.sh
source "$root/bin/find-jdk.sh"
export JAVA_HOME
# shellcheck source=bench/lib/shared.sh
source "$here/lib/shared.sh"
shared=$(sorot_shared "$root" 2>/dev/null) || shared=""   # only the parse and analysis defaults need it
cd "$root"
./mvnw -q -B -ntp -pl lambda -am install -DskipTests -Dspotless.check.skip=true >&2
./mvnw -q -B -ntp -f bench/jmh/pom.xml compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/classpath.txt >&2
out="$here/out/jmh"
mkdir -p "$out"
cp="bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dsorot.bench.dir="$out" -Dsorot.shared="$shared" -cp "$cp")
if [ "${1:-}" = "--dump" ]; then
  shift
  exec "${java[@]}" ai.sorot.lambda.screenplay.GeometryDump "$@"
fi
"${java[@]}" org.openjdk.jmh.Main -rf json -rff "$out/results.json" "$@"
