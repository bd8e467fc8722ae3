#!/usr/bin/env bash
# The desktop library page with 10,000 analyses in the real window (Xvfb): time to show them all,
# search/filter from the change to the updated table, sort and scroll; reference: the same query on
# the library with no UI. The library is kept in bench/out/desktop-library between runs.
# Usage: bench/desktop-library-bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/desktop/target/test-classpath.txt" -Dmdep.includeScope=test >&2
CP="$ROOT/desktop/target/test-classes:$ROOT/desktop/target/classes:$(cat "$ROOT/desktop/target/test-classpath.txt")"
mkdir -p "$ROOT/bench/out/desktop-library"
cd "$ROOT/desktop"
xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" \
  ai.sorot.desktop.tour.LibraryTableBench "${1:-10000}" "$ROOT/bench/out/desktop-library" \
  2> >(grep -v -E '^WARNING|^[A-Z][a-z]{2} [0-9]+, ' >&2)
