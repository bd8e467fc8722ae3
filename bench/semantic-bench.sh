#!/usr/bin/env bash
# The semantic library with 10,000 analyses: a real library file (kept in bench/out/semantic between
# runs) given 10,000 synthetic vectors, then p50/p99/max of "similar" and of the search by meaning
# (the real model embeds the phrase). Target: under 50 ms. See docs/semantic-library.md.
#   bench/semantic-bench.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
source "$root/bin/find-jdk.sh"
export JAVA_HOME
cd "$root"
./mvnw -q -B -ntp -pl lambda/library -am test-compile dependency:build-classpath -Dmdep.outputFile="$here/out/semantic.cp" \
  -Dmdep.includeScope=test >/dev/null
mkdir -p "$here/out/semantic"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "lambda/library/target/test-classes:lambda/library/target/classes:$(cat "$here/out/semantic.cp")" \
  ai.sorot.lambda.library.SemanticBench "${1:-10000}" "$here/out/semantic"
