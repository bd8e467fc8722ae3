#!/usr/bin/env bash
# The library with 10,000 analyses: fills a library (kept in bench/out/library between runs), then
# prints p50/p99/max for the searches and filters the desktop runs. Target: under 50 ms.
#   bench/library-bench.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
source "$root/bin/find-jdk.sh"
export JAVA_HOME
cd "$root"
./mvnw -q -B -ntp -pl lambda/library -am test-compile dependency:build-classpath -Dmdep.outputFile="$here/out/library.cp" \
  -Dmdep.includeScope=test >/dev/null
mkdir -p "$here/out/library"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "lambda/library/target/test-classes:lambda/library/target/classes:$(cat "$here/out/library.cp")" \
  ai.sorot.lambda.library.LibraryBench "${1:-10000}" "$here/out/library"
