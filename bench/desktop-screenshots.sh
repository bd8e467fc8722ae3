#!/usr/bin/env bash
# Screenshots of the desktop app's main screens (drop zone, queue running, report, charts, evidence
# page, refusal, settings, dark theme, API unreachable) and the library (list, search, review mode,
# compare), taken from the real window under Xvfb on the
# real embedded backend. Usage: bench/desktop-screenshots.sh [OUT_DIR]   (default docs/screenshots)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/docs/screenshots}")
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/desktop/target/test-classpath.txt" -Dmdep.includeScope=test >&2
CP="$ROOT/desktop/target/test-classes:$ROOT/desktop/target/classes:$(cat "$ROOT/desktop/target/test-classpath.txt")"
cd "$ROOT/desktop"
xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
  ai.sorot.desktop.tour.ScreenshotTour "$OUT" 2> >(grep -v -E '^WARNING|^[A-Z][a-z]{2} [0-9]+, ' >&2)
# review mode's player needs a sound output: ALSA's null device, as in the tests
HOME="$ROOT/desktop/src/test/alsa" xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
  ai.sorot.desktop.tour.LibraryTour "$OUT" 2> >(grep -v -E '^WARNING|^[A-Z][a-z]{2} [0-9]+, ' >&2)
