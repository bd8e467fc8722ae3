#!/usr/bin/env bash
# A new member's desktop syncing a committee library over loopback: N analyses (default 40) on a
# real local server, three readers' reviews of each, then the first sync (reports and reviews; audio
# comes when played). Prints figures. Usage: bench/committee-sync.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
[ -n "${DESKTOP_CP:-}" ] || DESKTOP_CP=$(cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests -pl desktop -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/desktop/target/test-classpath.txt" -Dmdep.includeScope=test >&2 \
  && echo "$ROOT/desktop/target/test-classes:$ROOT/desktop/target/classes:$(cat "$ROOT/desktop/target/test-classpath.txt")")
cd "$ROOT/desktop" && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$DESKTOP_CP" \
  ai.sorot.desktop.committee.CommitteeSyncBench "${1:-40}" 2> >(grep -v -E '^WARNING|^INFO|^[A-Z][a-z]{2} [0-9]+, ' >&2)
