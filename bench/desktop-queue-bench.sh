#!/usr/bin/env bash
# Is the window responsive with 200 submissions in the queue? FX-thread delay while 200 screenplays
# are pre-flighted, analysed on the embedded backend and the list scrolled, vs the idle window.
# Usage: bench/desktop-queue-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/desktop/target/test-classpath.txt" -Dmdep.includeScope=test >&2
CP="$ROOT/desktop/target/test-classes:$ROOT/desktop/target/classes:$(cat "$ROOT/desktop/target/test-classpath.txt")"
cd "$ROOT/desktop"
xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
  ai.sorot.desktop.tour.QueueLoadBench 2> >(grep -v -E '^WARNING|^[A-Z][a-z]{2} [0-9]+, ' >&2)
